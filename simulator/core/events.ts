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
  /** Cluster model only: the broker whose log took the record (the partition leader) and its leader epoch. */
  leader?: number;
  leaderEpoch?: number;
  /** Cluster model only: the send attempt (1 = first); a later one is a retry. */
  attempt?: number;
  /** A retry without idempotence appended a second copy: the log already held this record at that offset. */
  duplicateOf?: number;
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
  /** log-truncation: the leader changed and its log no longer has what the consumer read past `to` (KIP-320). */
  reason: 'no-committed-offset' | 'out-of-range' | 'log-truncation';
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

// ---------- Kafka cluster: brokers, replication, producer acknowledgements ----------
/** A broker process died (kill -9), came back, or was fenced by the controller. */
export interface BrokerEvent extends Base {
  type: 'brokerDown' | 'brokerUp' | 'brokerFenced';
  broker: number;
  /** brokerFenced: the session timeout that passed without a heartbeat. */
  sessionTimeoutMs?: number;
}
/** A broker's replica fetcher stopped or started again (it stays in the cluster). */
export interface FetcherEvent extends Base {
  type: 'fetcherPaused' | 'fetcherResumed';
  broker: number;
}
export interface PartitionLeaderElectedEvent extends Base {
  type: 'partitionLeaderElected';
  topic: string;
  partition: number;
  /** The new leader's broker, or null: no eligible replica, the partition is offline. */
  leader: number | null;
  previous: number | null;
  leaderEpoch: number;
  isr: number[];
  reason: 'leader-fenced' | 'broker-returned' | 'preferred-leader' | 'unclean';
  /** Unclean election only: offsets the new leader lacks that the previous leader's log had (possibly committed). */
  missing?: { fromOffset: number; toOffset: number };
}
export interface IsrChangedEvent extends Base {
  type: 'isrShrunk' | 'isrExpanded';
  topic: string;
  partition: number;
  broker: number;
  isr: number[];
  /** isrShrunk: the follower lagged (not caught up for lagMs) or its broker was fenced. */
  reason?: 'lagging' | 'fenced';
  lagMs?: number;
  replicaLagTimeMaxMs?: number;
  minInsyncReplicas: number;
}
export interface HighWatermarkEvent extends Base {
  type: 'hwAdvanced';
  topic: string;
  partition: number;
  leader: number;
  highWatermark: number;
  previous: number;
}
/** Offsets [fromOffset, toOffset) of one replica's log on `broker`, changed to follow `leader`. */
export interface ReplicaRange {
  topic: string;
  partition: number;
  broker: number;
  leader: number;
  fromOffset: number;
  toOffset: number;
}
/** A follower's fetch brought records from the leader into its log. */
export interface ReplicatedEvent extends Base, ReplicaRange {
  type: 'replicated';
  logEndOffset: number;
}
/** A replica cut its log back to where it agrees with its leader: those offsets are gone from it. */
export interface LogTruncatedEvent extends Base, ReplicaRange {
  type: 'logTruncated';
  messageIds: string[];
  /** Those of messageIds their producer had been told were written: acknowledged, now gone. */
  acknowledged: string[];
  /** The acks setting of the producers whose acknowledged records went. */
  acks: ('0' | '1' | 'all')[];
}
export type ProduceError =
  'NOT_ENOUGH_REPLICAS' | 'REQUEST_TIMED_OUT' | 'NETWORK_EXCEPTION' | 'NOT_LEADER_OR_FOLLOWER' | 'DELIVERY_TIMEOUT';
export interface ProduceAckedEvent extends Base {
  type: 'produceAcked';
  producer: string;
  topic: string;
  partition: number;
  acks: '0' | '1' | 'all';
  offsets: number[];
  messageIds: string[];
  /** An idempotent retry the leader recognised: answered with the offset of the copy it already had. */
  deduplicated?: boolean;
}
export interface ProduceFailedEvent extends Base {
  type: 'produceFailed';
  producer: string;
  topic: string;
  partition: number;
  acks: '0' | '1' | 'all';
  messageIds: string[];
  error: ProduceError;
  /** true: the producer gave up (the application's callback gets the error); false: it will retry. */
  final: boolean;
  /** For NOT_ENOUGH_REPLICAS: the in-sync replicas and the minimum. */
  isr?: number[];
  minInsyncReplicas?: number;
}

// ---------- Kafka share groups (KIP-932) ----------
export type ShareAckType = 'ACCEPT' | 'RELEASE' | 'REJECT' | 'RENEW';
export interface SharePartitionEvent extends Base {
  group: string;
  topic: string;
  partition: number;
  /** Share-partition start and end offsets after the change (SPEO exclusive, as KIP-932 writes it). */
  spso: number;
  speo: number;
}
export interface ShareInitializedEvent extends SharePartitionEvent {
  type: 'sharePartitionInitialized';
  reset: 'earliest' | 'latest';
}
export interface ShareAcquiredEvent extends SharePartitionEvent {
  type: 'shareAcquired';
  consumer: string;
  offsets: number[];
  messageIds: string[];
  deliveryCounts: number[];
  lockUntil: number;
}
export interface ShareAcknowledgedEvent extends SharePartitionEvent {
  type: 'shareAcknowledged';
  consumer: string;
  ack: ShareAckType;
  offsets: number[];
  messageIds: string[];
  /** Offsets the broker refused (InvalidRecordStateException): the record was no longer acquired by this consumer. */
  failedOffsets: number[];
  /** RELEASE: offsets archived because they reached the delivery count limit. */
  archivedOffsets: number[];
}
export interface ShareReleasedEvent extends SharePartitionEvent {
  type: 'shareLockExpired' | 'shareReleasedOnLeave';
  consumer: string;
  offsets: number[];
  messageIds: string[];
  deliveryCounts: number[];
  /** Offsets archived instead of made available: delivery count limit reached. */
  archivedOffsets: number[];
}
export interface ShareArchivedEvent extends SharePartitionEvent {
  type: 'shareArchived';
  offsets: number[];
  messageIds: string[];
  deliveryCounts: number[];
  reason: 'delivery-count-limit' | 'rejected';
  /** Kafka 4.4 DLQ: where the dead-letter copies went. */
  dlq?: { topic: string; partition: number; offsets: number[] };
}
export interface ShareAssignedEvent extends Base {
  type: 'shareAssigned';
  group: string;
  groupEpoch: number;
  /** member → partitions it now fetches (several members may share a partition). */
  assignment: Record<string, string[]>;
  reason: string;
}

// ---------- Kafka consumer group protocol (KIP-848) ----------
export interface TargetAssignmentEvent extends Base {
  type: 'targetAssignment';
  group: string;
  groupEpoch: number;
  assignor: 'uniform' | 'range';
  target: Record<string, string[]>;
  reason: string;
}
export interface MemberReconciledEvent extends Base {
  type: 'memberReconciled';
  group: string;
  consumer: string;
  memberEpoch: number;
  groupEpoch: number;
  /** Partitions it owns after this heartbeat. */
  assigned: string[];
  /** Given up now (it committed first), or newly received. */
  revoked: string[];
  added: string[];
  /** Target partitions another member has not released yet. */
  waiting: string[];
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
  /** delivery_mode 2 (present only when true). */
  persistent?: true;
  /** A publisher's n-th resend of the same message (present only on resends). */
  resend?: number;
  /** Confirm mode: the channel's publish sequence number (the delivery tag of its basic.ack / basic.nack). */
  seqNo?: number;
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
  /** Quorum queues: x-delivery-count, failed deliveries so far (RabbitMQ 4.3; absent while 0). */
  deliveryCount?: number;
  /** Quorum queues: x-acquired-count, every earlier return (RabbitMQ 4.3; absent while 0). */
  acquiredCount?: number;
}
export interface AckedEvent extends Base {
  type: 'acked';
  queue: string;
  consumer: string;
  deliveryTag: number;
  messageId: string;
  /** Settled by basic.ack with multiple=true of this delivery tag (present only then): one ack settles every earlier one too. */
  multipleUpTo?: number;
}
export interface NackedEvent extends Base {
  type: 'nacked';
  queue: string;
  consumer: string;
  deliveryTag: number;
  messageId: string;
  requeue: boolean;
  /** basic.reject rather than basic.nack (present only when true). */
  reject?: true;
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
  reason: 'nack' | 'reject' | 'consumer-crash' | 'consumer-removed' | 'connection-lost' | 'disconnected-timeout';
  /** Quorum queues: where a return goes: ahead of the ready messages ('returns') or behind them ('back'). */
  to?: 'returns' | 'back';
  /** Quorum queues: x-delivery-count after this return (RabbitMQ 4.3). */
  deliveryCount?: number;
  /** Quorum queues: x-acquired-count after this return. */
  acquiredCount?: number;
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
  reason: 'rejected' | 'expired' | 'maxlen' | 'delivery_limit';
  /** Quorum queues with x-dead-letter-strategy at-least-once (present only then). */
  strategy?: 'at-least-once';
}
export interface DroppedEvent extends Base {
  type: 'dropped';
  queue: string;
  messageId: string;
  /** dead-letter-cycle: a dead-lettered copy not let into `queue`, where it already died with no rejection since. */
  reason: 'maxlen' | 'rejected' | 'expired' | 'consumer-crash' | 'delivery_limit' | 'queue-unavailable' | 'dead-letter-cycle';
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
  type:
    | 'rabbitConsumerAdded'
    | 'rabbitConsumerRemoved'
    | 'rabbitConsumerCrashed'
    | 'rabbitConsumerRestarted'
    /** The broker cancelled the subscription (basic.cancel): its queue went away with its node. */
    | 'rabbitConsumerCancelled'
    /** Its connection died with its node. */
    | 'rabbitConsumerDisconnected'
    /** It reconnected (to `node`) and subscribed again. */
    | 'rabbitConsumerRecovered';
  queue: string;
  consumer: string;
  /** Messages lost with the consumer (auto-ack deliveries it had not processed). */
  lost?: number;
  requeued?: number;
  /** Cluster scenarios: the node its connection is on. */
  node?: number;
  /** Quorum queues (RabbitMQ 4.3): a consumer on a lost node keeps its unacked messages this long first. */
  holdMs?: number;
}
export interface PrefetchChangedEvent extends Base {
  type: 'prefetchChanged';
  queue: string;
  consumer: string;
  from: number;
  to: number;
}
/** Single active consumer: who now gets the queue's messages. */
export interface ActiveConsumerEvent extends Base {
  type: 'activeConsumer';
  queue: string;
  /** The new active consumer, or null when none is left. */
  consumer: string | null;
  previous: string | null;
  reason: 'first' | 'failover' | 'priority';
  /**
   * Quorum queues (4.0+): set while the active consumer quiesces (gets no new messages) because this
   * higher-priority consumer takes over once the active one has no unacked messages left.
   */
  takingOver?: string;
}

// ---------- RabbitMQ cluster ----------
export interface NodeDownEvent extends Base {
  type: 'nodeDown';
  /** Node number (1-based). */
  node: number;
  /** Connections that died with it. */
  publishers: string[];
  consumers: string[];
}
export interface NodeUpEvent extends Base {
  type: 'nodeUp';
  node: number;
}
export interface QueueUnavailableEvent extends Base {
  type: 'queueUnavailable';
  queue: string;
  reason: 'home-node-down' | 'leader-down' | 'no-majority';
  node: number;
  /** Classic queues: messages kept on disk (persistent, in a durable queue) and lost with the node's memory. */
  kept?: number;
  lost?: number;
  /** Quorum queues: members up / members. */
  membersUp?: number;
  members?: number;
}
export interface QueueAvailableEvent extends Base {
  type: 'queueAvailable';
  queue: string;
  ready: number;
  node: number;
}
export interface LeaderElectedEvent extends Base {
  type: 'leaderElected';
  queue: string;
  node: number;
  previous: number | null;
  term: number;
  /** Entries in the new leader's log (committed and not yet committed). */
  logLength: number;
  /** Uncommitted entries only the old leader had: resent by live publishers' channels, else lost. */
  dropped: number;
  /** Of those, the ones whose publisher's connection died too: gone. */
  lost: number;
}
export interface MemberTruncatedEvent extends Base {
  type: 'memberTruncated';
  queue: string;
  node: number;
  /** Uncommitted entries it had that the leader elected without it never had. */
  dropped: number;
  logLength: number;
}
export interface PublishConfirmedEvent extends Base {
  type: 'publishConfirmed';
  publisher: string;
  messageId: string;
  seqNo: number;
  /** Why the broker could confirm it now. */
  safe: 'routed-nowhere' | 'accepted' | 'on-disk' | 'majority';
}
export interface PublishNackedEvent extends Base {
  type: 'publishNacked';
  publisher: string;
  messageId: string;
  seqNo: number;
  reason: 'queue-unavailable' | 'reject-publish';
  queue: string;
}
export interface PublisherConnectionEvent extends Base {
  type: 'publisherDisconnected' | 'publisherReconnected';
  publisher: string;
  node: number;
  /** Disconnected: messages sent but neither confirmed nor nacked; reconnected: how many it resends. */
  inDoubt: number;
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
  | BrokerEvent
  | FetcherEvent
  | PartitionLeaderElectedEvent
  | IsrChangedEvent
  | HighWatermarkEvent
  | ReplicatedEvent
  | LogTruncatedEvent
  | ProduceAckedEvent
  | ProduceFailedEvent
  | ShareInitializedEvent
  | ShareAcquiredEvent
  | ShareAcknowledgedEvent
  | ShareReleasedEvent
  | ShareArchivedEvent
  | ShareAssignedEvent
  | TargetAssignmentEvent
  | MemberReconciledEvent
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
  | ActiveConsumerEvent
  | NodeDownEvent
  | NodeUpEvent
  | QueueUnavailableEvent
  | QueueAvailableEvent
  | LeaderElectedEvent
  | MemberTruncatedEvent
  | PublishConfirmedEvent
  | PublishNackedEvent
  | PublisherConnectionEvent
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
