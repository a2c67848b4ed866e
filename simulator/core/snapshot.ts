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
  /** Cluster model only: the partition's replicas, leader, ISR and high watermark. */
  replication?: ReplicationView;
}

export interface ReplicaView {
  broker: number;
  role: 'leader' | 'follower';
  inIsr: boolean;
  /** The broker is down (killed) or its replica fetcher is paused. */
  alive: boolean;
  fetching: boolean;
  logEndOffset: number;
  /** This replica's own high watermark (a follower's trails the leader's by a fetch). */
  highWatermark: number;
  /** Leader's view: how long since this follower was last caught up (0 for the leader or a caught-up follower). */
  lagMs: number;
  /** Offsets this replica holds that the current leader does not (they go when it truncates). */
  divergentFrom: number | null;
}

export interface ReplicationView {
  /** The leader's broker, or null when the partition is offline. */
  leader: number | null;
  leaderEpoch: number;
  isr: number[];
  /** Consumers read below it: what every in-sync replica has. */
  highWatermark: number;
  minInsyncReplicas: number;
  /** The ISR is smaller than minInsyncReplicas: acks=all fails, the high watermark stands still. */
  underMinIsr: boolean;
  /** The leader's broker is down but not fenced yet: clients cannot reach the partition. */
  leaderUnreachable: boolean;
  uncleanLeaderElection: boolean;
  replicas: ReplicaView[];
}

export interface BrokerView {
  id: number;
  /** up; down (killed, the controller has not noticed yet); fenced (noticed: no longer a leader or in any ISR). */
  status: 'up' | 'down' | 'fenced';
  diedAt: number | null;
  fetching: boolean;
  /** Partitions it leads now. */
  leads: string[];
}

/** What a producer sent and what became of it: the numbers that say what acks and idempotence bought. */
export interface ProducerLedgerView {
  producer: string;
  topic: string;
  acks: '0' | '1' | 'all';
  idempotent: boolean;
  /** Records handed to send() so far. */
  sent: number;
  /** The producer was told they were written (acks=0: as soon as they were sent). */
  acknowledged: number;
  /** The producer gave up (delivery.timeout.ms, or retries spent): the application got an error. */
  failed: number;
  /** Waiting for a leader, a retry or the in-sync replicas. */
  pending: number;
  /** Acknowledged, yet no longer in the partition's log: no consumer can ever read them. */
  acknowledgedButLost: number;
  /** Extra copies committed to the log by retries: every consumer is delivered them again. */
  duplicatesDelivered: number;
  /** Message ids of the acknowledged-but-lost records (the first 50). */
  lostMessageIds: string[];
  /** Message ids with a committed duplicate (the first 50). */
  duplicateMessageIds: string[];
}

export interface ClusterView {
  brokers: BrokerView[];
  ledger: ProducerLedgerView[];
  brokerSessionTimeoutMs: number;
  replicaLagTimeMaxMs: number;
}

export type ShareRecordState = 'available' | 'acquired' | 'acknowledged' | 'archived';

export interface ShareRecordView {
  offset: number;
  messageId: string;
  key: string | null;
  state: ShareRecordState;
  /** The consumer holding the acquisition lock, or null. */
  owner: string | null;
  deliveryCount: number;
  lockUntil: number | null;
}

export interface SharePartitionView {
  topic: string;
  partition: number;
  name: string;
  /** Share-partition start offset: everything below is done for this group. */
  spso: number;
  /** Share-partition end offset (exclusive, as KIP-932 writes it): the next new record to acquire. */
  speo: number;
  /** The partition's high watermark: records up to it can be acquired. */
  highWatermark: number;
  /** Records from SPSO to SPEO (the in-flight window), the newest ones when there are more than the snapshot asked for. */
  records: ShareRecordView[];
  inFlight: number;
  /** The window is full (share.partition.max.record.locks): no new records until the SPSO moves. */
  windowFull: boolean;
  acknowledged: number;
  archived: number;
  initialized: boolean;
}

export interface ShareMemberView {
  id: string;
  status: 'active' | 'idle' | 'crashed' | 'stopped';
  assigned: string[];
  ackMode: 'implicit' | 'explicit';
  /** Records acquired and being processed, with when processing ends. */
  processing: { topic: string; partition: number; offsets: number[]; until: number }[];
}

export interface ShareGroupView {
  id: string;
  topics: string[];
  groupEpoch: number;
  lockDurationMs: number;
  deliveryCountLimit: number;
  maxRecordLocks: number;
  autoOffsetReset: 'earliest' | 'latest';
  deadLetterTopic: string | null;
  members: ShareMemberView[];
  partitions: SharePartitionView[];
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
  /** Consumer protocol only: its member epoch (it equals the group epoch once it has reconciled). */
  memberEpoch?: number;
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

/** How much a group's rebalances cost it so far. */
export interface RebalanceStatsView {
  rebalances: number;
  /** Sum over partitions of the time nobody fetched them because of a rebalance (partition-milliseconds). */
  pausedPartitionMs: number;
  /** Records processed while a rebalance was in progress. */
  processedDuringRebalance: number;
  /** Time from the first membership change to a settled assignment, summed over rebalances. */
  rebalancingMs: number;
  /** The latest rebalance alone (still running when `inProgress`). */
  latest: {
    startedAt: number;
    inProgress: boolean;
    pausedPartitionMs: number;
    processedDuringRebalance: number;
    rebalancingMs: number;
  } | null;
}

export interface GroupView {
  id: string;
  topics: string[];
  strategy: 'range' | 'roundrobin' | 'cooperative-sticky';
  /** group.protocol "consumer" (KIP-848): the broker's assignor instead of `strategy`; left out for the classic protocol. */
  groupProtocol?: 'consumer';
  groupRemoteAssignor?: 'uniform' | 'range';
  groupEpoch?: number;
  /**
   * What its rebalances cost. Present when the scenario has a group that does not stop the world
   * (cooperative-sticky or the consumer protocol), so every group of it can be compared.
   */
  rebalanceStats?: RebalanceStatsView;
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
  /** Cluster model only (a scenario that declares `brokers`, or once a broker was killed). */
  cluster?: ClusterView;
  /** Left out when the scenario has no share groups. */
  shareGroups?: ShareGroupView[];
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
