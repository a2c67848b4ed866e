import type { SourceId } from './sources';
import type { Claim } from './types';

// The "log vs queue" picture: one Kafka partition beside one RabbitMQ exchange → queue → consumer.

export interface PartitionRecord {
  offset: number;
  label: string;
}

export interface GroupCursor {
  /** Consumer group name; each group keeps its own committed offset. */
  group: string;
  /** Next offset the group will consume (last processed + 1). */
  committedOffset: number;
}

/** Records in a partition get offsets 0, 1, 2, … in append order. */
export function appendRecords(labels: readonly string[]): PartitionRecord[] {
  return labels.map((label, offset) => ({ offset, label }));
}

/** The log-end offset is the offset the next appended record will get. */
export function logEndOffset(records: readonly PartitionRecord[]): number {
  return records.length === 0 ? 0 : records[records.length - 1]!.offset + 1;
}

/** Lag = records the group has not consumed yet. Committed offsets past the end are invalid. */
export function consumerLag(logEnd: number, committedOffset: number): number {
  if (!Number.isInteger(committedOffset) || committedOffset < 0 || committedOffset > logEnd) {
    throw new RangeError(`committed offset ${committedOffset} is outside 0..${logEnd}`);
  }
  return logEnd - committedOffset;
}

/** Offsets a group still has to read, in order. */
export function unreadOffsets(logEnd: number, committedOffset: number): number[] {
  const lag = consumerLag(logEnd, committedOffset);
  return Array.from({ length: lag }, (_, i) => committedOffset + i);
}

export const PARTITION = appendRecords(['msg1', 'msg2', 'msg3', 'msg4', 'msg5']);

export const GROUPS: readonly GroupCursor[] = [
  { group: 'billing', committedOffset: 5 },
  { group: 'analytics', committedOffset: 2 },
  { group: 'email', committedOffset: 4 },
];

export const QUEUE_SIDE = {
  exchange: 'orders',
  queue: 'order-tasks',
  consumer: 'worker',
  /** Messages still in the queue; the consumer holds one unacknowledged delivery. */
  ready: ['m4', 'm5'],
  inFlight: 'm3',
} as const;

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
    sources: ['kafka-compaction', 'kafka-40-upgrade'],
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
];

export const SIMULATOR_LINK = '/simulate?scenario=log-vs-queue';
