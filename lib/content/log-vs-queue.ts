import type { SourceId } from './sources';
import type { Claim } from './types';

// The "log vs queue" picture: one Kafka partition beside one RabbitMQ exchange → queue → consumer. Everything it
// draws comes from the simulator's `log-vs-queue` scenario, run by the engine: the same partition, groups, committed
// offsets and lag, and the same queue, so the page and `/simulate?scenario=log-vs-queue` cannot drift apart.
import { createSimulation, getBuiltInScenario, type ScenarioId } from '@/simulator';

export const SCENARIO_ID = 'log-vs-queue' satisfies ScenarioId;

export interface PartitionRecord {
  offset: number;
}

export interface GroupCursor {
  /** Consumer group name; each group keeps its own committed offset. */
  group: string;
  /** Next offset the group will consume (last processed + 1). */
  committedOffset: number;
  /** Log-end offset minus the committed offset, as the engine reports it. */
  lag: number;
}

/** When the queue side is drawn: after two messages were acked, one is with the consumer and two wait. */
export const QUEUE_SNAPSHOT_MS = 4000;

function fromEngine() {
  const built = getBuiltInScenario(SCENARIO_ID);
  if (!built) throw new Error(`scenario ${SCENARIO_ID} is missing`);
  const sim = createSimulation(built.scenario, 1);
  const kafka = sim.snapshot().kafka;
  if (!kafka) throw new Error(`${SCENARIO_ID} has no Kafka side`);
  const partition = kafka.topics[0]!.partitions[0]!;
  const groups = kafka.groups.map((g): GroupCursor => {
    const p = g.partitions.find((x) => x.partition === partition.name)!;
    if (p.committedOffset === null || p.lag === null) throw new Error(`group ${g.id} has no committed offset in ${SCENARIO_ID}`);
    return { group: g.id, committedOffset: p.committedOffset, lag: p.lag };
  });
  sim.runUntil(QUEUE_SNAPSHOT_MS);
  const later = sim.snapshot().rabbitmq;
  if (!later) throw new Error(`${SCENARIO_ID} has no RabbitMQ side`);
  const queue = later.queues[0]!;
  const binding = later.bindings.find((b) => b.queue === queue.name)!;
  const consumer = later.consumers.find((c) => c.queue === queue.name)!;
  return {
    topic: partition.topic,
    partition: partition.partition,
    records: partition.records.map((r): PartitionRecord => ({ offset: r.offset })),
    logEndOffset: partition.logEndOffset,
    groups,
    queueSide: {
      exchange: binding.exchange,
      queue: queue.name,
      consumer: consumer.id,
      prefetch: consumer.prefetchCount,
      /** Messages still in the queue, head first. */
      ready: queue.ready.map((m) => m.messageId),
      /** The delivery the consumer holds, not yet acknowledged. */
      inFlight: queue.unacked.map((u) => u.message.messageId),
      acked: queue.counters.acked,
    },
  };
}

const ENGINE = fromEngine();

export const LOG_TOPIC = ENGINE.topic;
export const LOG_PARTITION = ENGINE.partition;
export const PARTITION: readonly PartitionRecord[] = ENGINE.records;
export const LOG_END_OFFSET = ENGINE.logEndOffset;
export const GROUPS: readonly GroupCursor[] = ENGINE.groups;
export const QUEUE_SIDE = ENGINE.queueSide;

export const KAFKA_POINTS: readonly Claim<SourceId>[] = [
  {
    text: 'Each partition is an append-only log. Records get offsets 0, 1, 2, … and the log-end offset is the offset the next record will receive.',
    sources: ['kafka-consumer-javadoc'],
  },
  {
    text: 'Each consumer group commits, on the broker, the offset of the next record it will read. Lag is the log-end offset minus that committed offset.',
    sources: ['kafka-consumer-javadoc'],
  },
  {
    text: 'Reading deletes nothing. Old records go when retention by time or size removes their segment, or compaction removes superseded keys. Since Kafka 4.0 the cluster keeps its metadata itself with KRaft; ZooKeeper is gone.',
    sources: ['kafka-topic-configs', 'kafka-compaction', 'kafka-40-upgrade'],
  },
];

export const RABBIT_POINTS: readonly Claim<SourceId>[] = [
  {
    text: 'A producer publishes to an exchange, which routes the message to the queues whose bindings match.',
    sources: ['rabbitmq-exchanges'],
  },
  {
    text: 'The broker pushes messages to consumers, at most prefetch-count unacknowledged at a time. An ack deletes the message; if the consumer’s channel closes first, its unacknowledged messages are requeued.',
    sources: ['rabbitmq-consumers', 'rabbitmq-prefetch'],
  },
  {
    text: 'That is true of classic and quorum queues. A RabbitMQ stream instead keeps messages after they are read, like a single Kafka partition.',
    sources: ['rabbitmq-streams'],
  },
  {
    text: 'Replication is Raft-based: RabbitMQ 4.0 removed classic mirrored queues in favour of quorum queues and streams. Cluster metadata lives in Khepri, also Raft: the default for new clusters since 4.2 and the only store since 4.3 (April 2026), which removed Mnesia.',
    sources: ['rabbitmq-4-0-release', 'rabbitmq-4-2-release', 'rabbitmq-4-3-release'],
    scenarios: ['quorum-leader-dies'],
  },
];

export const SIMULATOR_LINK = `/simulate?scenario=${SCENARIO_ID}`;
