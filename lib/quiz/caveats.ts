// When an answer and the recommendation pull against each other, say what changes the picture.
import { SOURCES } from './sources';
import type { Answers, Caveat, Recommendation } from './types';

interface CaveatContext {
  has: (questionId: string, optionId: string) => boolean;
  recommendation: Recommendation;
}

interface CaveatRule extends Caveat {
  applies: (ctx: CaveatContext) => boolean;
}

const usesKafka = (r: Recommendation) => r === 'kafka' || r === 'both';
const usesRabbit = (r: Recommendation) => r === 'rabbitmq' || r === 'both';
const needsReplay = (c: CaveatContext) => c.has('replay', 'often') || c.has('replay', 'sometimes');
const highVolume = (c: CaveatContext) => c.has('throughput', 'high') || c.has('throughput', 'vhigh');
/** Amazon MQ has no streams: no caveat may suggest one there. */
const streamsAvailable = (c: CaveatContext) => !c.has('managed', 'amazonmq');
/** Streams have no per-message acks, requeue or dead-lettering, so they are no home for a job queue. */
const isJobQueue = (c: CaveatContext) => c.has('tasks', 'yes');

export const CAVEAT_RULES: readonly CaveatRule[] = [
  {
    id: 'rabbit-streams-replay',
    applies: (c) => c.recommendation === 'rabbitmq' && streamsAvailable(c) && (needsReplay(c) || c.has('fanout', 'many')),
    text: 'You need replay or many independent readers and RabbitMQ came out ahead: put that traffic in a RabbitMQ stream (since 3.9), which consumers can read from the start, an offset or a timestamp.',
    sources: [SOURCES.rabbitStreams],
  },
  {
    id: 'rabbit-streams-volume',
    applies: (c) => c.recommendation === 'rabbitmq' && streamsAvailable(c) && highVolume(c) && !isJobQueue(c),
    text: 'For a very busy flow of events, a RabbitMQ stream moved more than a classic queue in the RabbitMQ team’s one-node test (≈112k vs ≈99k msg/s of 12-byte messages, one run each). Measure with your own message size.',
    sources: [SOURCES.rabbitBench],
  },
  {
    id: 'job-queue-volume',
    applies: (c) => usesRabbit(c.recommendation) && highVolume(c) && isJobQueue(c),
    text: 'A very busy job queue: spread the jobs over several queues, each with its own consumers, rather than one. A stream is no substitute for a job queue: it has no per-message acknowledgement, requeue or dead-lettering.',
    sources: [SOURCES.rabbitStreams],
  },
  {
    id: 'kafka-share-groups',
    applies: (c) => usesKafka(c.recommendation) && c.has('tasks', 'yes'),
    text: 'For the job-queue part, Kafka share groups (production-ready in Kafka 4.2) give per-record acks and delivery counts with more consumers than partitions, but no seek, no ordering and no priorities: they cover the basics of a work queue, enough to stay on Kafka alone if you need nothing more.',
    sources: [SOURCES.kafka42Upgrade],
  },
  {
    id: 'share-groups-no-seek',
    applies: (c) => c.has('tasks', 'yes') && needsReplay(c) && usesKafka(c.recommendation),
    text: 'Share groups cannot seek: a consumer that must replay reads the same topic through an ordinary consumer group instead.',
    sources: [SOURCES.kip932],
  },
  {
    id: 'keep-history-not-compaction',
    applies: (c) => usesKafka(c.recommendation) && c.has('changelog', 'yes') && (c.has('retention', 'years') || c.has('replay', 'often')),
    text: 'Keep the history itself in a topic that deletes nothing (cleanup.policy=delete with retention.ms=-1, or tiered storage): compaction would keep only the latest event per key and lose the rest. Compact only the topics that hold current state, such as CDC tables or snapshots.',
    sources: [SOURCES.kafkaTopicConfigs, SOURCES.kafkaCompaction],
  },
  {
    id: 'tiered-not-compacted',
    applies: (c) => usesKafka(c.recommendation) && c.has('changelog', 'yes') && c.has('retention', 'years'),
    text: 'Tiered storage and compaction do not combine: Kafka’s tiered storage does not support compacted topics, so a compacted topic stays on the brokers’ disks. Tier the full-history topics; keep compacted ones small.',
    sources: [SOURCES.kafkaTiered],
  },
  {
    id: 'kafka-latency',
    applies: (c) => usesKafka(c.recommendation) && c.has('latency', 'tight'),
    text: 'Tight latency on Kafka: producers wait up to linger.ms to batch (5 ms by default in the Java client since 4.0 and in librdkafka; kafkajs does not wait); lower it for the latency-sensitive flow and measure at your real load.',
    sources: [SOURCES.lingerDefault, SOURCES.librdkafkaConfig, SOURCES.kafkajsProducing],
  },
  {
    id: 'kafka-power-loss',
    applies: (c) => usesKafka(c.recommendation) && c.has('durability', 'site'),
    text: 'By default Kafka acknowledges once the replicas have the data, not once it is on disk; for site-wide power loss spread replicas across sites or force flushes, or keep those messages in RabbitMQ quorum queues, which fsync before confirming.',
    sources: [SOURCES.kafkaPersistence, SOURCES.rabbitQuorum],
  },
  {
    id: 'exactly-once-boundary',
    applies: (c) => c.has('exactlyonce', 'yes'),
    text: 'Kafka transactions cover reading, processing and writing inside Kafka only; side effects elsewhere (a database, an email) still need idempotent consumers.',
    sources: [SOURCES.kafkaSemantics],
  },
  {
    id: 'rabbit-no-transactions',
    applies: (c) => c.recommendation === 'rabbitmq' && c.has('exactlyonce', 'yes'),
    text: 'RabbitMQ has no transaction spanning consume and publish like Kafka’s; streams deduplicate publishers only. Plan for idempotent consumers.',
    sources: [SOURCES.rabbitStreams],
  },
  {
    id: 'kafka-no-mqtt',
    applies: (c) => c.recommendation === 'kafka' && (c.has('protocols', 'mqtt') || c.has('protocols', 'stomp')),
    text: 'Kafka speaks only its own protocol: MQTT or STOMP clients need a bridge or proxy in front of it (RabbitMQ serves them natively).',
    sources: [SOURCES.rabbitProtocols],
  },
  {
    id: 'kafka-no-routing',
    applies: (c) => c.recommendation === 'kafka' && c.has('routing', 'pattern'),
    text: 'Kafka does no routing on the broker: model each subset as its own topic, or filter in the consumers.',
    sources: [SOURCES.rabbitExchanges],
  },
  {
    id: 'one-broker-can-do-both',
    applies: (c) => c.recommendation === 'both',
    text: 'Two brokers are two systems to run. If one part is small, one broker can carry it: a RabbitMQ stream can hold a modest event log with replay (not on Amazon MQ), and Kafka share groups can carry a basic job queue (no priorities, no RPC).',
    sources: [SOURCES.rabbitStreams, SOURCES.amazonMqNoStreams, SOURCES.kafka42Upgrade],
  },
];

export function caveatsFor(answers: Answers, recommendation: Recommendation): Caveat[] {
  const ctx: CaveatContext = {
    has: (q, o) => answers[q]?.includes(o) ?? false,
    recommendation,
  };
  return CAVEAT_RULES.filter((r) => r.applies(ctx)).map(({ id, text, sources }) => ({ id, text, sources }));
}
