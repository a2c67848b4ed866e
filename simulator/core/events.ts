// Every change in a simulation is one of these events. Each names the ids it touches and carries the
// figures a narrator needs, so a view animates and explains from events alone.

export type KafkaResetPolicy = 'earliest' | 'latest' | 'none';

interface Base {
  /** Position in the whole trace, from 0. */
  seq: number;
  /** Simulated time in integer milliseconds. */
  time: number;
}

// ---------- Kafka ----------
export interface AppendedEvent extends Base {
  type: 'appended';
  producer: string;
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  /** null value = a tombstone (delete marker for compaction). */
  tombstone: boolean;
  messageId: string;
  logEndOffset: number;
  /** How the partition was chosen: 'murmur2' (Java), 'crc32' (librdkafka consistent_random), 'sticky' (null key). */
  partitionedBy: 'murmur2' | 'crc32' | 'sticky';
}
export interface SegmentRolledEvent extends Base {
  type: 'segmentRolled';
  topic: string;
  partition: number;
  baseOffset: number;
  reason: 'bytes' | 'time';
}
export interface SegmentDeletedEvent extends Base {
  type: 'segmentDeleted';
  topic: string;
  partition: number;
  baseOffset: number;
  lastOffset: number;
  reason: 'time' | 'size';
  logStartOffset: number;
}
export interface CompactedEvent extends Base {
  type: 'compacted';
  topic: string;
  partition: number;
  removedOffsets: number[];
  tombstonesRemoved: number;
  /** Records still present in the partition after cleaning. */
  remaining: number;
}
export interface PartitionsAddedEvent extends Base {
  type: 'partitionsAdded';
  topic: string;
  from: number;
  to: number;
}
/** A consumer's run of offsets on one partition: fetched, then processed. */
interface OffsetRange {
  group: string;
  consumer: string;
  topic: string;
  partition: number;
  /** First offset (inclusive). */
  fromOffset: number;
  /** Offset after the last record (exclusive): the consumer's position after a fetch. */
  toOffset: number;
}
export interface FetchedEvent extends Base, OffsetRange {
  type: 'fetched';
  /** Records returned (fewer than toOffset - fromOffset when compaction removed some). */
  count: number;
  /** Offsets of the returned records. */
  offsets: number[];
  messageIds: string[];
  position: number;
  committedOffset: number | null;
  logEndOffset: number;
  /** logEndOffset - committedOffset (null when nothing is committed). */
  lag: number | null;
  /** Records in this fetch that this group had already fetched before (at-least-once redelivery). */
  redelivered: number;
}
export interface ProcessedEvent extends Base, OffsetRange {
  type: 'processed';
}
export interface CommittedEvent extends Base {
  type: 'committed';
  group: string;
  consumer: string;
  topic: string;
  partition: number;
  committedOffset: number;
  previous: number | null;
  logEndOffset: number;
  lag: number;
  mode: 'auto' | 'manual' | 'revoke';
}
export interface RebalancedEvent extends Base {
  type: 'rebalanced';
  group: string;
  generation: number;
  strategy: 'range' | 'roundrobin' | 'cooperative-sticky';
  /** member id -> partitions as `topic-N`. */
  assignment: Record<string, string[]>;
  /** member id -> partitions given up in this rebalance. */
  revoked: Record<string, string[]>;
  /** Members left without a partition (more consumers than partitions). */
  idle: string[];
  /** Cooperative-sticky: a follow-up rebalance will hand out the revoked partitions. */
  followUp: boolean;
  reason: string;
}
export interface OffsetResetEvent extends Base {
  type: 'offsetReset';
  group: string;
  consumer: string;
  topic: string;
  partition: number;
  policy: KafkaResetPolicy;
  from: number | null;
  to: number | null;
  reason: 'no-committed-offset' | 'out-of-range';
  logStartOffset: number;
  logEndOffset: number;
}
export interface SeekedEvent extends Base {
  type: 'seeked';
  group: string;
  consumer: string;
  topic: string;
  partition: number;
  from: number;
  to: number;
  target: string;
}
export interface KafkaConsumerLifecycleEvent extends Base {
  type: 'consumerJoined' | 'consumerLeft' | 'consumerCrashed' | 'consumerRestarted' | 'consumerFailed';
  group: string;
  consumer: string;
  reason?: string;
}
export interface GroupCreatedEvent extends Base {
  type: 'groupCreated';
  group: string;
  topics: string[];
  autoOffsetReset: KafkaResetPolicy;
}

// ---------- RabbitMQ ----------
export interface PublishedEvent extends Base {
  type: 'published';
  publisher: string;
  exchange: string;
  routingKey: string;
  messageId: string;
  mandatory: boolean;
  headers?: Record<string, string | number | boolean | null>;
  expirationMs?: number;
}
export interface RoutedEvent extends Base {
  type: 'routed';
  exchange: string;
  queue: string;
  messageId: string;
  routingKey: string;
  /** The binding key that matched ('' for the default exchange's implicit binding, the queue name). */
  bindingKey: string;
  viaAlternate: boolean;
}
export interface UnroutableEvent extends Base {
  type: 'unroutable';
  exchange: string;
  messageId: string;
  routingKey: string;
  outcome: 'dropped' | 'returned' | 'alternate';
  alternateExchange?: string;
}
export interface EnqueuedEvent extends Base {
  type: 'enqueued';
  queue: string;
  messageId: string;
  ready: number;
  expiresAt: number | null;
}
export interface DeliveredEvent extends Base {
  type: 'delivered';
  queue: string;
  consumer: string;
  deliveryTag: number;
  messageId: string;
  redelivered: boolean;
  autoAck: boolean;
  unacked: number;
  prefetchCount: number;
}
export interface AckedEvent extends Base {
  type: 'acked';
  queue: string;
  consumer: string;
  deliveryTag: number;
  messageId: string;
}
export interface NackedEvent extends Base {
  type: 'nacked';
  queue: string;
  consumer: string;
  deliveryTag: number;
  messageId: string;
  requeue: boolean;
}
export interface RequeuedEvent extends Base {
  type: 'requeued';
  queue: string;
  consumer: string;
  deliveryTag: number;
  messageId: string;
  redelivered: true;
  /** Index in the ready list it went back to (its original position, by publish order). */
  position: number;
  reason: 'nack' | 'consumer-crash' | 'consumer-removed';
}
export interface ExpiredEvent extends Base {
  type: 'expired';
  queue: string;
  messageId: string;
  expiresAt: number;
}
export interface DeadLetteredEvent extends Base {
  type: 'deadLettered';
  messageId: string;
  fromQueue: string;
  toExchange: string;
  routingKey: string;
  reason: 'rejected' | 'expired' | 'maxlen';
}
export interface DroppedEvent extends Base {
  type: 'dropped';
  queue: string;
  messageId: string;
  /** dead-letter-cycle: a dead-lettered copy not let into `queue`, where it already died with no rejection since. */
  reason: 'maxlen' | 'rejected' | 'expired' | 'consumer-crash' | 'dead-letter-cycle';
}
export interface RejectedPublishEvent extends Base {
  type: 'rejectedPublish';
  queue: string;
  messageId: string;
  /** reject-publish-dlx also dead-letters the refused message. */
  deadLettered: boolean;
}
export interface StreamAppendedEvent extends Base {
  type: 'streamAppended';
  queue: string;
  offset: number;
  messageId: string;
}
export interface StreamReadEvent extends Base {
  type: 'streamRead';
  queue: string;
  consumer: string;
  offset: number;
  messageId: string;
  nextOffset: number;
}
export interface StreamAttachedEvent extends Base {
  type: 'streamAttached';
  queue: string;
  consumer: string;
  spec: string;
  offset: number;
}
export interface StreamSegmentDeletedEvent extends Base {
  type: 'streamSegmentDeleted';
  queue: string;
  baseOffset: number;
  lastOffset: number;
  firstOffset: number;
}
export interface RabbitConsumerLifecycleEvent extends Base {
  type: 'rabbitConsumerAdded' | 'rabbitConsumerRemoved' | 'rabbitConsumerCrashed' | 'rabbitConsumerRestarted';
  queue: string;
  consumer: string;
  /** Messages lost with the consumer (auto-ack deliveries it had not processed). */
  lost?: number;
  requeued?: number;
}
export interface PrefetchChangedEvent extends Base {
  type: 'prefetchChanged';
  queue: string;
  consumer: string;
  from: number;
  to: number;
}
export interface NoteEvent extends Base {
  type: 'note';
  text: string;
}

export type SimEvent =
  | AppendedEvent
  | SegmentRolledEvent
  | SegmentDeletedEvent
  | CompactedEvent
  | PartitionsAddedEvent
  | FetchedEvent
  | ProcessedEvent
  | CommittedEvent
  | RebalancedEvent
  | OffsetResetEvent
  | SeekedEvent
  | KafkaConsumerLifecycleEvent
  | GroupCreatedEvent
  | PublishedEvent
  | RoutedEvent
  | UnroutableEvent
  | EnqueuedEvent
  | DeliveredEvent
  | AckedEvent
  | NackedEvent
  | RequeuedEvent
  | ExpiredEvent
  | DeadLetteredEvent
  | DroppedEvent
  | RejectedPublishEvent
  | StreamAppendedEvent
  | StreamReadEvent
  | StreamAttachedEvent
  | StreamSegmentDeletedEvent
  | RabbitConsumerLifecycleEvent
  | PrefetchChangedEvent
  | NoteEvent;

export type SimEventType = SimEvent['type'];

/** An event before the engine stamps its seq and time. */
export type EventBody = SimEvent extends infer E ? (E extends SimEvent ? Omit<E, 'seq' | 'time'> : never) : never;

/** The event type(s) with a given `type`, e.g. EventOf<'fetched'>. */
export type EventOf<T extends SimEventType> = SimEvent extends infer E
  ? E extends SimEvent
    ? T extends E['type']
      ? E & { type: T }
      : never
    : never
  : never;
