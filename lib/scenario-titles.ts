// The simulator scenarios' titles, for link labels on `/` and /choose. Kept here so those pages do not load the
// engine; tests/quiz/links.test.ts checks they equal the engine's own titles.
import type { ScenarioId } from '@/simulator/scenarios';

export const scenarioHref = (scenario: ScenarioId) => `/simulate?scenario=${scenario}`;

export const SCENARIO_TITLES: Record<ScenarioId, string> = {
  'log-vs-queue': 'A log keeps, a queue deletes',
  'group-scaling': 'Scaling a consumer group past its partitions',
  'replay-new-group': 'A new group replays the log from the start',
  'retention-reset': 'Retention deletes what a slow consumer has not read',
  compaction: 'Compaction keeps the latest value per key',
  'crash-before-commit': 'A crash before the commit means duplicates',
  'key-ordering': 'A key picks a partition; order holds per key',
  'acks-all-leader-dies': 'acks=all: the leader dies, nothing acknowledged is lost',
  'acks-1-leader-dies': 'acks=1: the leader dies and acknowledged records are lost',
  'two-brokers-down': 'Two of three brokers down: NOT_ENOUGH_REPLICAS',
  'unclean-election': 'Unclean leader election off vs on',
  'retries-duplicates': 'Retries without idempotence write duplicates',
  'more-consumers-than-partitions': 'More consumers than partitions: group vs share group',
  'share-lock-expiry': 'A slow share consumer loses its lock',
  'share-poison-message': 'A poison record in a share group',
  'rebalance-styles': 'Three rebalance styles on one clock',
  'broker-dies-both': 'The same failure on both: the leader\u2019s machine dies',
  'poison-three-ways': 'A poison message three ways: classic queue, quorum queue, share group',
  'slow-consumer-lock-vs-prefetch': 'A slow consumer: share-group lock vs RabbitMQ prefetch',
  'work-queue-prefetch': 'Work queue: prefetch 1 vs 10',
  'requeue-on-crash': 'A consumer dies holding unacked messages',
  'ack-each-multiple-auto': 'Acks: one by one, many at once, or none',
  'ttl-dead-letter': 'TTL and a dead-letter queue',
  'order-topic-exchange': 'Order notifications through a topic exchange',
  'length-limit': 'A queue length limit overflows',
  'side-by-side': 'The same events into Kafka and RabbitMQ',
  'stream-replay': 'RabbitMQ streams replay like a log',
  'quorum-leader-dies': 'A quorum queue’s leader node dies',
  'classic-node-dies': 'A classic queue’s node dies',
  'publisher-confirms': 'Publisher confirms: loss or duplicates',
  'poison-message': 'A poison message: classic vs quorum queue',
  'single-active-consumer': 'Single active consumer: who takes over',
  'consumer-priorities': 'Consumer priorities: the fast worker first',
  heavy: 'Heavy load (benchmark)',
};
