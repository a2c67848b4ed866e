// The scenario's `kafka` section: topics (with records already in the log), producers, groups.
import { z } from 'zod';
import { DEFAULTS, idString, intIn, LIMITS, numIn, timeMs } from './common';

const kafkaRecordSchema = z.strictObject({
  partition: intIn(0, LIMITS.partitions - 1).optional(),
  key: z.string().nullable().default(null),
  value: z.string().nullable().default('v'),
  timestamp: timeMs.optional(),
});

export const topicSchema = z.strictObject({
  name: idString,
  partitions: intIn(1, LIMITS.partitions),
  /** Roll the active segment when it would exceed this many bytes (Kafka default 1 GiB; scaled down). */
  segmentBytes: intIn(64, LIMITS.bytes).default(1_000_000),
  /** Roll the active segment when its first record is this old (ms). */
  segmentMs: intIn(1, LIMITS.timeMs).optional(),
  retentionMs: intIn(1, LIMITS.timeMs).optional(),
  retentionBytes: intIn(1, LIMITS.bytes).optional(),
  cleanupPolicy: z.enum(['delete', 'compact'], { error: 'must be "delete" or "compact"' }).default('delete'),
  /** How long a tombstone survives after it becomes cleanable (Kafka default 24 h; scaled down). */
  deleteRetentionMs: intIn(0, LIMITS.timeMs).default(5_000),
  /** How often the broker checks retention / runs the cleaner (ms). */
  logCheckIntervalMs: intIn(100, LIMITS.timeMs).default(1_000),
  /**
   * Replicas per partition, on distinct brokers (replication.factor; `default.replication.factor` is 1).
   * Partition p's replicas are brokers p, p+1, … (mod brokers), the first the preferred leader, unless
   * replicaAssignment names them.
   */
  replicationFactor: intIn(1, LIMITS.brokers).default(1),
  /** Explicit replicas per partition (kafka-topics --replica-assignment), broker ids, the first preferred. */
  replicaAssignment: z
    .array(z.array(intIn(1, LIMITS.brokers)).min(1).max(LIMITS.brokers))
    .max(LIMITS.partitions)
    .optional(),
  /** min.insync.replicas (default 1): with acks=all, fewer in-sync replicas fail the write with NOT_ENOUGH_REPLICAS. */
  minInsyncReplicas: intIn(1, LIMITS.brokers).default(1),
  /** unclean.leader.election.enable (default false since Kafka 0.11): elect an out-of-sync replica rather than go offline. */
  uncleanLeaderElection: z.boolean({ error: 'must be true or false' }).default(false),
  /** errors.deadletterqueue.group.enable (Kafka 4.4): required on a topic a share group dead-letters into. */
  errorsDeadletterqueueGroupEnable: z.boolean({ error: 'must be true or false' }).default(false),
  /** Records already in the log at time 0. */
  records: z
    .array(kafkaRecordSchema)
    .max(LIMITS.initialRecords, { error: `must have at most ${LIMITS.initialRecords} records` })
    .default([]),
});

export const keysSchema = z.union(
  [
    z.null(),
    z.array(z.string().nullable()).min(1, { error: 'must list at least one key' }).max(1_000),
    z.strictObject({ prefix: z.string().max(64), count: intIn(1, 10_000) }),
  ],
  { error: 'must be null (no keys), a list of keys, or { prefix, count }' },
);

export const producerSchema = z.strictObject({
  id: idString,
  topic: idString,
  /** java = Java client murmur2; consistent_random / murmur2_random = librdkafka's partitioners. */
  partitioner: z
    .enum(['java', 'consistent_random', 'murmur2_random'], {
      error: 'must be "java", "consistent_random" or "murmur2_random"',
    })
    .default(DEFAULTS.producer.partitioner),
  ratePerSec: numIn(0, LIMITS.ratePerSec).default(DEFAULTS.producer.ratePerSec),
  count: intIn(0, LIMITS.count).default(DEFAULTS.producer.count),
  startMs: timeMs.default(DEFAULTS.producer.startMs),
  keys: keysSchema.default(DEFAULTS.producer.keys),
  /** Values cycled in order; null = tombstone. */
  values: z.array(z.string().nullable()).min(1).max(1_000).optional(),
  valueBytes: intIn(1, 1_000_000).default(DEFAULTS.producer.valueBytes),
  /** Null keys: records per sticky batch before switching partition. */
  stickyBatchRecords: intIn(1, 10_000).default(DEFAULTS.producer.stickyBatchRecords),
  /** acks (Java client default "all" since Kafka 3.0, KIP-679): 0 no answer, 1 the leader's append, "all" every in-sync replica. */
  acks: z.union([z.literal(0), z.literal(1), z.literal('all')], { error: 'must be 0, 1 or "all"' }).default(DEFAULTS.producer.acks),
  /**
   * enable.idempotence (Java default true since 3.0, and then only with acks=all): retries never
   * duplicate. Left out, it follows acks like the Java client: on for "all", silently off otherwise.
   */
  enableIdempotence: z.boolean({ error: 'must be true or false' }).optional(),
  /** retries (Java default 2147483647): further attempts after a retriable error. */
  retries: intIn(0, 2_147_483_647).default(DEFAULTS.producer.retries),
  /** delivery.timeout.ms (Java default 120000): a record not acknowledged by then fails. */
  deliveryTimeoutMs: intIn(1, LIMITS.timeMs).default(DEFAULTS.producer.deliveryTimeoutMs),
  /** request.timeout.ms (Java default 30000): an acks=all request the in-sync replicas do not complete by then times out. */
  requestTimeoutMs: intIn(1, LIMITS.timeMs).default(DEFAULTS.producer.requestTimeoutMs),
  /** retry.backoff.ms (100) doubling up to retry.backoff.max.ms (1000), as the Java client does. */
  retryBackoffMs: intIn(1, LIMITS.timeMs).default(DEFAULTS.producer.retryBackoffMs),
  retryBackoffMaxMs: intIn(1, LIMITS.timeMs).default(DEFAULTS.producer.retryBackoffMaxMs),
});

export const kafkaConsumerSchema = z.strictObject({
  id: idString,
  maxPollRecords: intIn(1, LIMITS.maxPollRecords).default(5),
  processingMsPerRecord: intIn(0, 60_000).default(100),
  /** Wait before polling again when a poll returned nothing. */
  pollIntervalMs: intIn(1, 60_000).default(100),
  startMs: timeMs.default(0),
});

export const groupSchema = z.strictObject({
  id: idString,
  topics: z.array(idString).min(1, { error: 'must subscribe to at least one topic' }).max(LIMITS.topics),
  strategy: z
    .enum(['range', 'roundrobin', 'cooperative-sticky'], {
      error: 'must be "range", "roundrobin" or "cooperative-sticky"',
    })
    .default('range'),
  autoOffsetReset: z.enum(['earliest', 'latest', 'none'], { error: 'must be "earliest", "latest" or "none"' }).default('latest'),
  enableAutoCommit: z.boolean({ error: 'must be true or false' }).default(true),
  autoCommitIntervalMs: intIn(1, LIMITS.timeMs).default(1_000),
  sessionTimeoutMs: intIn(1, LIMITS.timeMs).default(2_000),
  /** Time a rebalance takes from membership change to new assignment. */
  rebalanceDelayMs: intIn(0, 60_000).default(300),
  /**
   * group.protocol: "classic" (JoinGroup/SyncGroup, client-side `strategy`) or "consumer" (KIP-848,
   * Kafka 4.0+: the broker assigns with `groupRemoteAssignor`, members reconcile on their heartbeats).
   */
  groupProtocol: z.enum(['classic', 'consumer'], { error: 'must be "classic" or "consumer"' }).default('classic'),
  /** group.remote.assignor (consumer protocol): "uniform" (the broker's default) or "range". */
  groupRemoteAssignor: z.enum(['uniform', 'range'], { error: 'must be "uniform" or "range"' }).default('uniform'),
  /** group.consumer.heartbeat.interval.ms (consumer protocol; Kafka default 5000). */
  heartbeatIntervalMs: intIn(1, LIMITS.timeMs).default(1_000),
  /** Committed offsets at time 0, by partition name `topic-N`. */
  committed: z.record(z.string().regex(/^.+-\d+$/, { error: 'keys must look like topic-N' }), intIn(0, 1_000_000_000)).default({}),
  consumers: z
    .array(kafkaConsumerSchema)
    .max(LIMITS.consumersPerGroup, { error: `must have at most ${LIMITS.consumersPerGroup} consumers` })
    .default([]),
});

export const shareConsumerSchema = z.strictObject({
  id: idString,
  /** max.poll.records (Java default 500): records a poll acquires at most. */
  maxPollRecords: intIn(1, LIMITS.maxPollRecords).default(5),
  processingMsPerRecord: intIn(0, 600_000).default(100),
  /** Wait before polling again when a poll acquired nothing. */
  pollIntervalMs: intIn(1, 60_000).default(100),
  startMs: timeMs.default(0),
  /** share.acknowledgement.mode (Kafka 4.1+, default "implicit": the next poll() accepts the previous batch). */
  shareAcknowledgementMode: z.enum(['implicit', 'explicit'], { error: 'must be "implicit" or "explicit"' }).default('implicit'),
  /** Records this consumer fails to process (explicit mode): by key, or every Nth record it receives. */
  fail: z
    .strictObject({
      keys: z.array(z.string()).min(1).max(1_000).optional(),
      every: intIn(1, 1_000_000).optional(),
    })
    .optional(),
  /** What a failed record gets: RELEASE (try again, delivery count kept) or REJECT (archived at once). */
  failAcknowledge: z.enum(['RELEASE', 'REJECT'], { error: 'must be "RELEASE" or "REJECT"' }).default('RELEASE'),
  /** Explicit mode, Kafka 4.2+ (KIP-1222): RENEW the locks of records still being processed when half the lock has passed. */
  renewLocks: z.boolean({ error: 'must be true or false' }).default(false),
});

export const shareGroupSchema = z.strictObject({
  id: idString,
  topics: z.array(idString).min(1, { error: 'must subscribe to at least one topic' }).max(LIMITS.topics),
  /** share.auto.offset.reset (default "latest"): where a share-partition starts when the group first reads it. */
  shareAutoOffsetReset: z.enum(['earliest', 'latest'], { error: 'must be "earliest" or "latest"' }).default('latest'),
  /** share.record.lock.duration.ms (Kafka default 30000; the broker allows 15000–60000 for a group, scaled down here). */
  shareRecordLockDurationMs: intIn(100, LIMITS.timeMs).default(30_000),
  /** share.delivery.count.limit (Kafka default 5, 2–10): past it a record is archived. */
  shareDeliveryCountLimit: intIn(2, 25).default(5),
  /** share.partition.max.record.locks (Kafka default 2000; 100–4000 for a group): the in-flight window per partition. */
  sharePartitionMaxRecordLocks: intIn(1, 10_000).default(2_000),
  /** errors.deadletterqueue.topic.name (Kafka 4.4, KIP-1191): archived records are copied here (a declared topic starting "dlq."). */
  errorsDeadletterqueueTopicName: idString.optional(),
  /** errors.deadletterqueue.copy.record.enable (4.4, default false): copy key and value into the dead-letter record. */
  errorsDeadletterqueueCopyRecordEnable: z.boolean({ error: 'must be true or false' }).default(false),
  /** share.heartbeat.interval.ms (Kafka default 5000): a member learns its new assignment on its next heartbeat. */
  heartbeatIntervalMs: intIn(1, LIMITS.timeMs).default(1_000),
  /** share.session.timeout.ms (Kafka default 45000): a member without heartbeats is removed. */
  sessionTimeoutMs: intIn(1, LIMITS.timeMs).default(2_000),
  consumers: z
    .array(shareConsumerSchema)
    .max(LIMITS.consumersPerGroup, { error: `must have at most ${LIMITS.consumersPerGroup} consumers` })
    .default([]),
});

export const kafkaSchema = z.strictObject({
  /**
   * Brokers in the cluster (ids 1…N). Left out: one broker and no cluster view, as before the cluster
   * model existed.
   */
  brokers: intIn(1, LIMITS.brokers).optional(),
  /** broker.session.timeout.ms (Kafka default 9000): a dead broker is fenced after this long without heartbeats. */
  brokerSessionTimeoutMs: intIn(1, LIMITS.timeMs).default(9_000),
  /** replica.lag.time.max.ms (Kafka default 30000): a follower not caught up for this long leaves the ISR. */
  replicaLagTimeMaxMs: intIn(2, LIMITS.timeMs).default(30_000),
  /** auto.leader.rebalance.enable (default true): leadership goes back to the preferred replica. */
  autoLeaderRebalanceEnable: z.boolean({ error: 'must be true or false' }).default(true),
  /** leader.imbalance.check.interval.seconds (default 300). */
  leaderImbalanceCheckIntervalSeconds: intIn(1, 3_600).default(300),
  /** The simulator's, not Kafka's: how long a follower's fetch response takes to arrive. */
  networkDelayMs: intIn(1, 10_000).default(1),
  topics: z
    .array(topicSchema)
    .min(1, { error: 'must declare at least one topic' })
    .max(LIMITS.topics, { error: `must have at most ${LIMITS.topics} topics` }),
  producers: z
    .array(producerSchema)
    .max(LIMITS.producers, { error: `must have at most ${LIMITS.producers} producers` })
    .default([]),
  groups: z
    .array(groupSchema)
    .max(LIMITS.groups, { error: `must have at most ${LIMITS.groups} groups` })
    .default([]),
  /** Share groups (KIP-932; production-ready in Kafka 4.2): queue-style consumption with per-record acknowledgement. */
  shareGroups: z
    .array(shareGroupSchema)
    .max(LIMITS.groups, { error: `must have at most ${LIMITS.groups} share groups` })
    .default([]),
});
