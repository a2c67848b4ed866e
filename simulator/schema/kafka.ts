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
  /** Committed offsets at time 0, by partition name `topic-N`. */
  committed: z.record(z.string().regex(/^.+-\d+$/, { error: 'keys must look like topic-N' }), intIn(0, 1_000_000_000)).default({}),
  consumers: z
    .array(kafkaConsumerSchema)
    .max(LIMITS.consumersPerGroup, { error: `must have at most ${LIMITS.consumersPerGroup} consumers` })
    .default([]),
});

export const kafkaSchema = z.strictObject({
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
});
