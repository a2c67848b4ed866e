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
const needsReplay = (c: CaveatContext) => c.has('replay', 'often') || c.has('replay', 'sometimes');

export const CAVEAT_RULES: readonly CaveatRule[] = [
  {
    id: 'rabbit-streams-replay',
    applies: (c) => c.recommendation === 'rabbitmq' && (needsReplay(c) || c.has('fanout', 'many')),
    text: 'You need replay or many independent readers and RabbitMQ came out ahead: put that traffic in a RabbitMQ stream (since 3.9), which consumers can read from the start, an offset or a timestamp.',
    source: SOURCES.rabbitStreams,
  },
  {
    id: 'rabbit-streams-volume',
    applies: (c) => c.recommendation === 'rabbitmq' && c.has('throughput', 'high'),
    text: 'Above ~100k msg/s on one flow, plain queues are near their limit; RabbitMQ streams go further (≈112k msg/s published on one node in the team’s own test). Measure with your message size.',
    source: SOURCES.rabbitBench,
  },
  {
    id: 'amazon-mq-no-streams',
    applies: (c) => c.has('managed', 'amazonmq') && (needsReplay(c) || c.has('retention', 'years') || c.has('throughput', 'high')),
    text: 'Amazon MQ for RabbitMQ does not support streams: replay, long retention or stream-level volume there means a Kafka service (e.g. MSK) next to it.',
    source: SOURCES.amazonMqNoStreams,
  },
  {
    id: 'kafka-share-groups',
    applies: (c) => usesKafka(c.recommendation) && c.has('tasks', 'yes'),
    text: 'For the job-queue part, Kafka share groups (production-ready in Kafka 4.2) give per-record acks and delivery counts with more consumers than partitions, but no seek, no ordering and no priorities: they cover the basics of a work queue, enough to stay on Kafka alone if you need nothing more.',
    source: SOURCES.kafka42Upgrade,
  },
  {
    id: 'share-groups-no-seek',
    applies: (c) => c.has('tasks', 'yes') && needsReplay(c) && usesKafka(c.recommendation),
    text: 'Share groups cannot seek: a consumer that must replay reads the same topic through an ordinary consumer group instead.',
    source: SOURCES.kip932,
  },
  {
    id: 'global-order',
    applies: (c) => c.has('ordering', 'global'),
    text: 'Strict global order with competing consumers is something neither broker gives: use one partition or a single active consumer and accept one reader at a time, or order by key instead.',
    source: SOURCES.rabbitQueues,
  },
  {
    id: 'kafka-latency',
    applies: (c) => usesKafka(c.recommendation) && c.has('latency', 'tight'),
    text: 'Tight latency on Kafka: producers wait up to linger.ms (5 ms by default since Kafka 4.0) to batch; lower it for the latency-sensitive flow and measure at your real load.',
    source: SOURCES.lingerDefault,
  },
  {
    id: 'kafka-power-loss',
    applies: (c) => usesKafka(c.recommendation) && c.has('durability', 'site'),
    text: 'By default Kafka acknowledges once replicas have the data in memory, not on disk; for site-wide power loss spread replicas across sites or force flushes, or keep those messages in RabbitMQ quorum queues, which fsync before confirming.',
    source: SOURCES.rabbitQuorum,
  },
  {
    id: 'exactly-once-boundary',
    applies: (c) => c.has('exactlyonce', 'yes'),
    text: 'Kafka transactions cover reading, processing and writing inside Kafka only; side effects elsewhere (a database, an email) still need idempotent consumers.',
    source: SOURCES.kafkaSemantics,
  },
  {
    id: 'rabbit-no-transactions',
    applies: (c) => c.recommendation === 'rabbitmq' && c.has('exactlyonce', 'yes'),
    text: 'RabbitMQ has no transaction spanning consume and publish like Kafka’s; streams deduplicate publishers only. Plan for idempotent consumers.',
    source: SOURCES.rabbitStreams,
  },
  {
    id: 'kafka-no-mqtt',
    applies: (c) => c.recommendation === 'kafka' && (c.has('protocols', 'mqtt') || c.has('protocols', 'stomp')),
    text: 'Kafka speaks only its own protocol: MQTT or STOMP clients need a bridge or proxy in front of it (RabbitMQ serves them natively).',
    source: SOURCES.rabbitProtocols,
  },
  {
    id: 'kafka-no-routing',
    applies: (c) => c.recommendation === 'kafka' && c.has('routing', 'pattern'),
    text: 'Kafka does no routing on the broker: model each subset as its own topic, or filter in the consumers.',
    source: SOURCES.rabbitExchanges,
  },
  {
    id: 'managed-mismatch',
    applies: (c) =>
      (c.recommendation === 'kafka' && (c.has('managed', 'amazonmq') || c.has('managed', 'cloudamqp'))) ||
      (c.recommendation === 'rabbitmq' && c.has('managed', 'kafkasvc')),
    text: 'The managed service you must use runs the other broker: either add a second service or weigh that constraint above the score.',
    source: SOURCES.azureChoose,
  },
];

export function caveatsFor(answers: Answers, recommendation: Recommendation): Caveat[] {
  const ctx: CaveatContext = {
    has: (q, o) => answers[q]?.includes(o) ?? false,
    recommendation,
  };
  return CAVEAT_RULES.filter((r) => r.applies(ctx)).map(({ id, text, source }) => ({ id, text, source }));
}
