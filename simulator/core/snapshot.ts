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
  deadLettered?: { queue: string; reason: 'rejected' | 'expired' | 'maxlen' | 'delivery_limit' };
  /** Quorum queues: x-delivery-count (failed deliveries, RabbitMQ 4.3), present once above 0. */
  deliveryCount?: number;
  /** Quorum queues: x-acquired-count (every return), present once above 0. */
  acquiredCount?: number;
  /** Quorum queues: returned, so served ahead of the messages never delivered. */
  returned?: true;
  /** Published with delivery_mode 2 (present only in cluster scenarios). */
  persistent?: boolean;
}

export interface UnackedView {
  message: QueueMessageView;
  consumer: string;
  deliveryTag: number;
  /** Quorum queues: held for a consumer whose node was lost, until the queue gives up on it. */
  held?: true;
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

export interface QuorumMemberView {
  node: number;
  up: boolean;
  leader: boolean;
  /** Entries this member has written (committed or not). */
  logLength: number;
  /** Back up and still copying what it missed. */
  catchingUp: boolean;
}

export interface QuorumView {
  /** The leader's node, or null while none is elected. */
  leader: number | null;
  term: number;
  members: QuorumMemberView[];
  /** Entries committed (on a majority, applied). */
  commitIndex: number;
  /** Enqueues the leader has written that no majority has yet (no confirm, not deliverable yet). */
  uncommitted: number;
  /** Publishes waiting in their channels for a leader to take them. */
  waitingForLeader: number;
  /** x-delivery-limit in force (null = none). */
  deliveryLimit: number | null;
  deadLetterStrategy: 'at-most-once' | 'at-least-once';
  /** at-least-once: dead-lettered messages the queue keeps until a target queue takes them. */
  deadLetterPending: number;
}

export interface QueueView {
  name: string;
  type: 'classic' | 'quorum' | 'stream';
  /** Cluster scenarios: the node a classic queue or stream lives on (a quorum queue: its first member). */
  node?: number;
  /** Cluster scenarios: false while its home node is down (classic) or it has no leader or no majority (quorum). */
  available?: boolean;
  /** Cluster scenarios: when it became unavailable. */
  unavailableSince?: number | null;
  /** Quorum queues: the Raft group. */
  quorum?: QuorumView;
  /** Single active consumer queues: who is active (null = nobody). */
  singleActiveConsumer?: string | null;
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
  /**
   * active: subscribed; waiting: not started yet; cancelled: the broker cancelled it (its queue's node
   * is down) and it subscribes again when the queue is back; disconnected: its node died, it reconnects.
   */
  status: 'active' | 'crashed' | 'stopped' | 'waiting' | 'cancelled' | 'disconnected';
  /** x-priority, when not 0. */
  priority?: number;
  /** Cluster scenarios: the node its connection is on. */
  node?: number;
  /** Single active consumer queues: whether it is the one getting messages. */
  single?: 'active' | 'waiting' | 'quiescing';
  /** Delivery tags of its unacked messages, oldest first. */
  unacked: number[];
  /** Messages received but not processed yet (auto-ack consumers hold them client-side). */
  buffered: number;
  processed: number;
  /** The message being processed now and when it will be done, or null when idle. */
  processing: { messageId: string; deliveryTag: number; until: number } | null;
}

export interface RabbitNodeView {
  node: number;
  up: boolean;
  /** When it last went down (null while up). */
  downSince: number | null;
}

/**
 * What became of a publisher's messages, counted per message (its resends are the same message):
 * the lesson of publisher confirms.
 */
export interface PublisherLedgerView {
  publisher: string;
  confirms: boolean;
  /** Connected node, or null while reconnecting. */
  node: number | null;
  sent: number;
  /** Extra copies it published (resends). */
  resent: number;
  /** The broker confirmed it (basic.ack). */
  confirmed: number;
  /** Nacked and not confirmed by a later resend: the publisher knows. */
  failed: number;
  /** Sent, then the connection died before an answer, and not settled since. */
  inDoubt: number;
  /** Waiting for a confirm now. */
  unconfirmed: number;
  /** No copy left for any consumer and none was consumed, because a node failed or a queue was unavailable. */
  lost: number;
  /** Lost although the broker had confirmed it. */
  confirmedLost: number;
  /** Deliveries of a second copy of a message a consumer already received. */
  duplicatesDelivered: number;
}

export interface RabbitView {
  exchanges: ExchangeView[];
  bindings: BindingView[];
  queues: QueueView[];
  consumers: RabbitConsumerView[];
  /** Messages returned to publishers (mandatory, unroutable). */
  returned: number;
  /** Cluster scenarios (more than one node, or a node was killed). */
  nodes?: RabbitNodeView[];
  /** Per publisher, once failures or confirms are in play (cluster scenarios or confirms). */
  ledger?: PublisherLedgerView[];
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
