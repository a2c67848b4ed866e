// Plain, immutable data a view renders directly. Built on demand by `snapshot()` and cached until the
// state changes, so calling it every animation frame is cheap.

export interface RecordView {
  offset: number;
  key: string | null;
  messageId: string;
  /** null = tombstone. */
  value: string | null;
  tombstone: boolean;
  timestamp: number;
  /** Same key → same colour; null keys colour by message id. */
  colorKey: string;
}

export interface SegmentView {
  baseOffset: number;
  /** Last offset written to the segment (baseOffset - 1 when empty). */
  lastOffset: number;
  bytes: number;
  active: boolean;
}

export interface PartitionView {
  topic: string;
  partition: number;
  /** `topic-N`. */
  name: string;
  logStartOffset: number;
  logEndOffset: number;
  /** Records present (the newest ones when the snapshot was asked for fewer; see recordCount). */
  records: RecordView[];
  /** Records present in the log, including any left out of `records`. */
  recordCount: number;
  segments: SegmentView[];
}

export interface TopicView {
  name: string;
  cleanupPolicy: 'delete' | 'compact';
  partitions: PartitionView[];
}

export interface MemberPartitionView {
  partition: string;
  topic: string;
  index: number;
  position: number;
  committedOffset: number | null;
  lag: number | null;
}

export type KafkaMemberStatus = 'active' | 'idle' | 'crashed' | 'stopped';

export interface MemberView {
  id: string;
  status: KafkaMemberStatus;
  /** Partitions `topic-N` owned now. */
  assigned: string[];
  partitions: MemberPartitionView[];
  /** Records fetched and being processed (not yet processed), or null. */
  processing: { topic: string; partition: number; fromOffset: number; toOffset: number; until: number }[];
}

export interface GroupPartitionView {
  partition: string;
  topic: string;
  index: number;
  committedOffset: number | null;
  logEndOffset: number;
  lag: number | null;
  owner: string | null;
}

export interface GroupView {
  id: string;
  topics: string[];
  strategy: 'range' | 'roundrobin' | 'cooperative-sticky';
  generation: number;
  rebalancing: boolean;
  enableAutoCommit: boolean;
  autoOffsetReset: 'earliest' | 'latest' | 'none';
  members: MemberView[];
  partitions: GroupPartitionView[];
  /** Sum of lag over partitions with a committed offset. */
  totalLag: number;
}

export interface KafkaView {
  topics: TopicView[];
  groups: GroupView[];
}

export interface QueueMessageView {
  messageId: string;
  routingKey: string;
  colorKey: string;
  redelivered: boolean;
  expiresAt: number | null;
  /** Order of arrival in this queue: a requeued message keeps it (and its place in line). */
  position: number;
  headers?: Record<string, string | number | boolean | null>;
  /** Set when it came here by dead-lettering: the queue it last died in and why (its newest x-death entry). */
  deadLettered?: { queue: string; reason: 'rejected' | 'expired' | 'maxlen' };
}

export interface UnackedView {
  message: QueueMessageView;
  consumer: string;
  deliveryTag: number;
}

export interface QueueCounters {
  published: number;
  delivered: number;
  acked: number;
  nacked: number;
  requeued: number;
  expired: number;
  deadLettered: number;
  dropped: number;
  rejected: number;
}

export interface QueueView {
  name: string;
  type: 'classic' | 'stream';
  args: Record<string, string | number>;
  /** Ready messages from the head (the first ones when the snapshot was asked for fewer; see readyCount). */
  ready: QueueMessageView[];
  readyCount: number;
  unacked: UnackedView[];
  counters: QueueCounters;
  /** Streams only: the log and where each consumer is. */
  stream?: StreamView;
}

export interface StreamView {
  firstOffset: number;
  nextOffset: number;
  log: { offset: number; messageId: string; routingKey: string; colorKey: string; timestamp: number }[];
  consumers: { id: string; offset: number }[];
}

export interface ExchangeView {
  name: string;
  type: 'direct' | 'fanout' | 'topic' | 'headers';
  alternateExchange: string | null;
}

export interface BindingView {
  exchange: string;
  queue: string;
  bindingKey: string;
  arguments?: Record<string, string | number | boolean | null>;
}

export interface RabbitConsumerView {
  id: string;
  queue: string;
  prefetchCount: number;
  autoAck: boolean;
  status: 'active' | 'crashed' | 'stopped' | 'waiting';
  /** Delivery tags of its unacked messages, oldest first. */
  unacked: number[];
  /** Messages received but not processed yet (auto-ack consumers hold them client-side). */
  buffered: number;
  processed: number;
  /** The message being processed now and when it will be done, or null when idle. */
  processing: { messageId: string; deliveryTag: number; until: number } | null;
}

export interface RabbitView {
  exchanges: ExchangeView[];
  bindings: BindingView[];
  queues: QueueView[];
  consumers: RabbitConsumerView[];
  /** Messages returned to publishers (mandatory, unroutable). */
  returned: number;
}

/** Running totals since time 0 (for charts that sample snapshots over time). */
export interface Counters {
  kafkaProduced: number;
  kafkaFetched: number;
  kafkaProcessed: number;
  kafkaCommitted: number;
  rabbitPublished: number;
  rabbitDelivered: number;
  rabbitAcked: number;
  rabbitDeadLettered: number;
  rabbitDropped: number;
  /** Mandatory messages returned to their publisher. */
  rabbitReturned: number;
}

export interface Totals extends Counters {
  /** Per group: total lag. */
  groupLag: Record<string, number>;
  /** Per queue: ready and unacked counts. */
  queueDepth: Record<string, { ready: number; unacked: number }>;
}

/** Limits for very large states: a view cannot draw 20,000 messages in a frame anyway. */
export interface SnapshotOptions {
  /** Keep only the newest N records of each partition (and of each stream). */
  maxRecordsPerPartition?: number;
  /** Keep only the first N ready messages of each queue. */
  maxMessagesPerQueue?: number;
}

export interface Snapshot {
  time: number;
  endTime: number;
  /** Number of events so far (the seq of the next event). */
  eventCount: number;
  kafka: KafkaView | null;
  rabbitmq: RabbitView | null;
  totals: Totals;
}
