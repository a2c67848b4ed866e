// Scenarios are plain, versioned JSON. This schema validates them with messages that name the field,
// and caps sizes so an absurd number gets a readable error instead of freezing a browser tab.
import { z } from 'zod';

export const LIMITS = {
  durationMs: 300_000,
  topics: 8,
  partitions: 64,
  producers: 8,
  ratePerSec: 500,
  count: 20_000,
  groups: 8,
  consumersPerGroup: 16,
  maxPollRecords: 500,
  initialRecords: 1_000,
  exchanges: 16,
  queues: 16,
  bindings: 64,
  publishers: 8,
  rabbitConsumers: 32,
  prefetchCount: 1_000,
  interventions: 200,
  burst: 5_000,
  timeMs: 3_600_000,
  bytes: 1_000_000_000,
} as const;

/**
 * Defaults the schema fills in, named once so the engine uses the same numbers where it builds a spec
 * itself (the producer of a burst, the publisher of a burst, seeded records).
 */
export const DEFAULTS = {
  valueBytes: 100,
  producer: {
    partitioner: 'java',
    ratePerSec: 2,
    count: 10,
    startMs: 0,
    keys: null,
    valueBytes: 100,
    stickyBatchRecords: 4,
  },
} as const;

function intIn(lo: number, hi: number) {
  const msg = `must be an integer from ${lo} to ${hi}`;
  return z.number({ error: msg }).int({ error: msg }).min(lo, { error: msg }).max(hi, { error: msg });
}
function numIn(lo: number, hi: number) {
  const msg = `must be a number from ${lo} to ${hi}`;
  return z.number({ error: msg }).min(lo, { error: msg }).max(hi, { error: msg });
}
const idString = z
  .string({ error: 'must be a text id' })
  .min(1, { error: 'must not be empty' })
  .max(64, { error: 'must be at most 64 characters' })
  .regex(/^[A-Za-z0-9._:-]+$/, { error: 'may contain only letters, digits, ".", "_", ":" and "-"' });
const amqpName = z
  .string({ error: 'must be text' })
  .min(1, { error: 'must not be empty' })
  .refine((s) => new TextEncoder().encode(s).length <= 255, { error: 'must be at most 255 bytes' });
const routingKey = z
  .string({ error: 'must be text' })
  .refine((s) => new TextEncoder().encode(s).length <= 255, { error: 'must be at most 255 bytes (UTF-8)' });
const timeMs = intIn(0, LIMITS.timeMs);

export const headerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'must be a string, number, boolean or null',
});
const headersSchema = z.record(z.string(), headerValueSchema, { error: 'must be an object of header values' });

// ---------- Kafka ----------
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

const keysSchema = z.union(
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

// ---------- RabbitMQ ----------
export const exchangeSchema = z.strictObject({
  name: amqpName,
  type: z.enum(['direct', 'fanout', 'topic', 'headers'], { error: 'must be "direct", "fanout", "topic" or "headers"' }),
  alternateExchange: amqpName.optional(),
});

export const queueSchema = z.strictObject({
  name: amqpName,
  type: z.enum(['classic', 'stream'], { error: 'must be "classic" or "stream"' }).default('classic'),
  messageTtlMs: intIn(0, LIMITS.timeMs).optional(),
  maxLength: intIn(0, 1_000_000).optional(),
  maxLengthBytes: intIn(0, LIMITS.bytes).optional(),
  overflow: z
    .enum(['drop-head', 'reject-publish', 'reject-publish-dlx'], {
      error: 'must be "drop-head", "reject-publish" or "reject-publish-dlx"',
    })
    .default('drop-head'),
  deadLetterExchange: z.string().max(255).optional(),
  deadLetterRoutingKey: routingKey.optional(),
  /** Streams: x-max-age in ms. */
  maxAgeMs: intIn(1, LIMITS.timeMs).optional(),
  /** Streams: messages per segment (retention removes whole segments). */
  segmentMessages: intIn(1, 100_000).default(10),
});

export const bindingSchema = z.strictObject({
  exchange: amqpName,
  queue: amqpName,
  bindingKey: routingKey.default(''),
  arguments: headersSchema.optional(),
});

export const publisherSchema = z.strictObject({
  id: idString,
  exchange: z.string().max(255).default(''),
  /** Routing keys cycled in order. */
  routingKeys: z.array(routingKey).min(1).max(1_000).default(['']),
  /** Header tables cycled in order (for headers exchanges). */
  headers: z.array(headersSchema).min(1).max(1_000).optional(),
  /** Per-message TTL (the `expiration` property), ms. */
  expirationMs: intIn(0, LIMITS.timeMs).optional(),
  mandatory: z.boolean().default(false),
  ratePerSec: numIn(0, LIMITS.ratePerSec).default(2),
  count: intIn(0, LIMITS.count).default(10),
  startMs: timeMs.default(0),
  valueBytes: intIn(1, 1_000_000).default(100),
});

const streamOffsetSchema = z.union(
  [z.enum(['first', 'last', 'next']), z.strictObject({ offset: intIn(0, 1_000_000_000) }), z.strictObject({ timestamp: timeMs })],
  { error: 'must be "first", "last", "next", { offset } or { timestamp }' },
);

export const rabbitConsumerSchema = z.strictObject({
  id: idString,
  queue: amqpName,
  /** basic.qos prefetch_count per consumer; 0 = unlimited. */
  prefetchCount: intIn(0, LIMITS.prefetchCount).default(1),
  autoAck: z.boolean().default(false),
  processingMs: intIn(0, 60_000).default(200),
  startMs: timeMs.default(0),
  /** Nack every Nth message it processes (1 = every message). */
  nackEvery: intIn(1, 1_000_000).optional(),
  nackRequeue: z.boolean().default(true),
  /**
   * Who settles its deliveries (manual ack only): "processing" (default) acks or nacks each one after
   * processingMs; "interventions" never settles on its own, only rabbitmq.ack / rabbitmq.nack do.
   */
  settleBy: z.enum(['processing', 'interventions'], { error: 'must be "processing" or "interventions"' }).optional(),
  /** Streams only: where to attach. */
  offset: streamOffsetSchema.optional(),
});

export const rabbitmqSchema = z.strictObject({
  exchanges: z
    .array(exchangeSchema)
    .max(LIMITS.exchanges, { error: `must have at most ${LIMITS.exchanges} exchanges` })
    .default([]),
  queues: z
    .array(queueSchema)
    .min(1, { error: 'must declare at least one queue' })
    .max(LIMITS.queues, { error: `must have at most ${LIMITS.queues} queues` }),
  bindings: z
    .array(bindingSchema)
    .max(LIMITS.bindings, { error: `must have at most ${LIMITS.bindings} bindings` })
    .default([]),
  publishers: z
    .array(publisherSchema)
    .max(LIMITS.publishers, { error: `must have at most ${LIMITS.publishers} publishers` })
    .default([]),
  consumers: z
    .array(rabbitConsumerSchema)
    .max(LIMITS.rabbitConsumers, { error: `must have at most ${LIMITS.rabbitConsumers} consumers` })
    .default([]),
});

// ---------- Interventions ----------
const kafkaSeekTarget = z.union(
  [z.enum(['earliest', 'latest']), z.strictObject({ offset: intIn(0, 1_000_000_000) }), z.strictObject({ timestamp: timeMs })],
  { error: 'must be "earliest", "latest", { offset } or { timestamp }' },
);

export const interventionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('kafka.addConsumer'), group: idString, consumer: kafkaConsumerSchema.omit({ startMs: true }) }),
    z.strictObject({ type: z.literal('kafka.removeConsumer'), group: idString, consumer: idString }),
    z.strictObject({ type: z.literal('kafka.crashConsumer'), group: idString, consumer: idString }),
    z.strictObject({ type: z.literal('kafka.restartConsumer'), group: idString, consumer: idString }),
    z.strictObject({
      type: z.literal('kafka.seek'),
      group: idString,
      consumer: idString,
      topic: idString,
      partition: intIn(0, LIMITS.partitions - 1),
      to: kafkaSeekTarget,
    }),
    z.strictObject({ type: z.literal('kafka.newGroup'), group: groupSchema }),
    z.strictObject({ type: z.literal('kafka.addPartitions'), topic: idString, partitions: intIn(1, LIMITS.partitions) }),
    z.strictObject({
      type: z.literal('kafka.produceBurst'),
      topic: idString,
      count: intIn(1, LIMITS.burst),
      keys: keysSchema.default(null),
      partitioner: z.enum(['java', 'consistent_random', 'murmur2_random']).default('java'),
      producer: idString.default('burst'),
    }),
    z.strictObject({
      type: z.literal('rabbitmq.publishBurst'),
      exchange: z.string().max(255).default(''),
      routingKeys: z.array(routingKey).min(1).max(1_000).default(['']),
      headers: z.array(headersSchema).min(1).max(1_000).optional(),
      count: intIn(1, LIMITS.burst),
      expirationMs: intIn(0, LIMITS.timeMs).optional(),
      mandatory: z.boolean().default(false),
      publisher: idString.default('burst'),
      /** Body size of each message (default 100; 0 is an empty body). */
      valueBytes: intIn(0, 1_000_000).optional(),
    }),
    z.strictObject({ type: z.literal('rabbitmq.addConsumer'), consumer: rabbitConsumerSchema.omit({ startMs: true }) }),
    z.strictObject({ type: z.literal('rabbitmq.removeConsumer'), consumer: idString }),
    z.strictObject({ type: z.literal('rabbitmq.crashConsumer'), consumer: idString }),
    z.strictObject({ type: z.literal('rabbitmq.restartConsumer'), consumer: idString }),
    z.strictObject({ type: z.literal('rabbitmq.setPrefetch'), consumer: idString, prefetchCount: intIn(0, LIMITS.prefetchCount) }),
    z.strictObject({
      type: z.literal('rabbitmq.ack'),
      consumer: idString,
      deliveryTag: intIn(1, 1_000_000_000),
      multiple: z.boolean().optional(),
    }),
    z.strictObject({
      type: z.literal('rabbitmq.nack'),
      consumer: idString,
      deliveryTag: intIn(1, 1_000_000_000),
      requeue: z.boolean(),
      multiple: z.boolean().optional(),
    }),
  ],
  { error: 'must be a known intervention type (kafka.addConsumer, kafka.seek, rabbitmq.nack, ...)' },
);

export const timedInterventionSchema = z.strictObject({ time: timeMs, intervention: interventionSchema });

export const scenarioSchema = z
  .strictObject({
    version: z.literal(1, { error: 'must be 1' }),
    durationMs: intIn(100, LIMITS.durationMs),
    kafka: kafkaSchema.optional(),
    rabbitmq: rabbitmqSchema.optional(),
    interventions: z
      .array(timedInterventionSchema)
      .max(LIMITS.interventions, { error: `must have at most ${LIMITS.interventions} interventions` })
      .default([]),
  })
  .superRefine((s, ctx) => crossCheck(s, (path, message) => ctx.addIssue({ code: 'custom', path, message })));

export type Scenario = z.infer<typeof scenarioSchema>;
/** What a scenario author writes (defaults may be left out). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Intervention = z.infer<typeof interventionSchema>;
export type InterventionInput = z.input<typeof interventionSchema>;
export type TopicSpec = z.infer<typeof topicSchema>;
export type ProducerSpec = z.infer<typeof producerSchema>;
export type GroupSpec = z.infer<typeof groupSchema>;
export type KafkaConsumerSpec = z.infer<typeof kafkaConsumerSchema>;
export type ExchangeSpec = z.infer<typeof exchangeSchema>;
export type QueueSpec = z.infer<typeof queueSchema>;
export type BindingSpec = z.infer<typeof bindingSchema>;
export type PublisherSpec = z.infer<typeof publisherSchema>;
export type RabbitConsumerSpec = z.infer<typeof rabbitConsumerSchema>;
export type KeysSpec = z.infer<typeof keysSchema>;
export type StreamOffsetSpec = z.infer<typeof streamOffsetSchema>;

type Report = (path: (string | number)[], message: string) => void;

function duplicates(ids: string[]): Set<number> {
  const seen = new Set<string>();
  const dup = new Set<number>();
  ids.forEach((id, i) => (seen.has(id) ? dup.add(i) : seen.add(id)));
  return dup;
}

// References between parts of a scenario (a producer's topic, a binding's queue...) must resolve.
function crossCheck(s: Scenario, report: Report): void {
  const topics = new Map((s.kafka?.topics ?? []).map((t) => [t.name, t]));
  if (s.kafka) {
    for (const i of duplicates(s.kafka.topics.map((t) => t.name))) report(['kafka', 'topics', i, 'name'], 'duplicates another topic name');
    s.kafka.topics.forEach((t, ti) =>
      t.records.forEach((r, ri) => {
        if (r.partition !== undefined && r.partition >= t.partitions)
          report(['kafka', 'topics', ti, 'records', ri, 'partition'], `must be below the topic's ${t.partitions} partitions`);
      }),
    );
    for (const i of duplicates(s.kafka.producers.map((p) => p.id)))
      report(['kafka', 'producers', i, 'id'], 'duplicates another producer id');
    s.kafka.producers.forEach((p, i) => {
      if (!topics.has(p.topic)) report(['kafka', 'producers', i, 'topic'], `names no declared topic ("${p.topic}")`);
    });
    for (const i of duplicates(s.kafka.groups.map((g) => g.id))) report(['kafka', 'groups', i, 'id'], 'duplicates another group id');
    s.kafka.groups.forEach((g, gi) => {
      g.topics.forEach((t, ti) => {
        if (!topics.has(t)) report(['kafka', 'groups', gi, 'topics', ti], `names no declared topic ("${t}")`);
      });
      for (const i of duplicates(g.consumers.map((c) => c.id)))
        report(['kafka', 'groups', gi, 'consumers', i, 'id'], 'duplicates another consumer id in this group');
    });
  }
  const exchanges = new Set((s.rabbitmq?.exchanges ?? []).map((e) => e.name));
  const queues = new Map((s.rabbitmq?.queues ?? []).map((q) => [q.name, q]));
  if (s.rabbitmq) {
    const r = s.rabbitmq;
    for (const i of duplicates(r.exchanges.map((e) => e.name)))
      report(['rabbitmq', 'exchanges', i, 'name'], 'duplicates another exchange name');
    r.exchanges.forEach((e, i) => {
      if (e.name.startsWith('amq.')) report(['rabbitmq', 'exchanges', i, 'name'], 'must not start with "amq." (reserved by the broker)');
      if (e.alternateExchange !== undefined && !exchanges.has(e.alternateExchange))
        report(['rabbitmq', 'exchanges', i, 'alternateExchange'], `names no declared exchange ("${e.alternateExchange}")`);
    });
    for (const i of duplicates(r.queues.map((q) => q.name))) report(['rabbitmq', 'queues', i, 'name'], 'duplicates another queue name');
    r.queues.forEach((q, i) => {
      if (q.deadLetterExchange !== undefined && q.deadLetterExchange !== '' && !exchanges.has(q.deadLetterExchange))
        report(['rabbitmq', 'queues', i, 'deadLetterExchange'], `names no declared exchange ("${q.deadLetterExchange}")`);
    });
    r.bindings.forEach((b, i) => {
      if (!exchanges.has(b.exchange)) report(['rabbitmq', 'bindings', i, 'exchange'], `names no declared exchange ("${b.exchange}")`);
      if (!queues.has(b.queue)) report(['rabbitmq', 'bindings', i, 'queue'], `names no declared queue ("${b.queue}")`);
      if (b.arguments && 'x-match' in b.arguments) {
        const m = b.arguments['x-match'];
        if (!['all', 'any', 'all-with-x', 'any-with-x'].includes(String(m)))
          report(['rabbitmq', 'bindings', i, 'arguments', 'x-match'], 'must be "all", "any", "all-with-x" or "any-with-x"');
      }
    });
    for (const i of duplicates(r.publishers.map((p) => p.id)))
      report(['rabbitmq', 'publishers', i, 'id'], 'duplicates another publisher id');
    r.publishers.forEach((p, i) => {
      if (p.exchange !== '' && !exchanges.has(p.exchange))
        report(['rabbitmq', 'publishers', i, 'exchange'], `names no declared exchange ("${p.exchange}")`);
    });
    for (const i of duplicates(r.consumers.map((c) => c.id))) report(['rabbitmq', 'consumers', i, 'id'], 'duplicates another consumer id');
    r.consumers.forEach((c, i) => checkRabbitConsumer(c, queues, (p, m) => report(['rabbitmq', 'consumers', i, ...p], m)));
  }
  s.interventions.forEach((t, i) => {
    if (t.time > s.durationMs) report(['interventions', i, 'time'], `must be within the scenario's ${s.durationMs} ms`);
    const iv = t.intervention;
    const at = (p: (string | number)[], m: string) => report(['interventions', i, 'intervention', ...p], m);
    if (iv.type.startsWith('kafka.') && !s.kafka) at(['type'], 'needs a "kafka" section in the scenario');
    if (iv.type.startsWith('rabbitmq.') && !s.rabbitmq) at(['type'], 'needs a "rabbitmq" section in the scenario');
    if ((iv.type === 'kafka.addPartitions' || iv.type === 'kafka.produceBurst' || iv.type === 'kafka.seek') && s.kafka) {
      const t = topics.get(iv.topic);
      if (!t) at(['topic'], `names no declared topic ("${iv.topic}")`);
      else if (iv.type === 'kafka.addPartitions' && iv.partitions <= t.partitions)
        at(['partitions'], `must be more than the topic's current ${t.partitions} partitions`);
    }
    if (iv.type === 'kafka.newGroup' && s.kafka)
      iv.group.topics.forEach((t, ti) => {
        if (!topics.has(t)) at(['group', 'topics', ti], `names no declared topic ("${t}")`);
      });
    if (iv.type === 'rabbitmq.publishBurst' && iv.exchange !== '' && s.rabbitmq && !exchanges.has(iv.exchange))
      at(['exchange'], `names no declared exchange ("${iv.exchange}")`);
    if (iv.type === 'rabbitmq.addConsumer' && s.rabbitmq) checkRabbitConsumer(iv.consumer, queues, (p, m) => at(['consumer', ...p], m));
  });
}

function checkRabbitConsumer(
  c: { queue: string; offset?: unknown; autoAck: boolean; settleBy?: string | undefined },
  queues: Map<string, QueueSpec>,
  report: Report,
): void {
  const q = queues.get(c.queue);
  if (!q) report(['queue'], `names no declared queue ("${c.queue}")`);
  else if (c.offset !== undefined && q.type !== 'stream') report(['offset'], 'applies only to consumers of a stream queue');
  else if (c.settleBy === 'interventions' && (c.autoAck || q.type === 'stream'))
    report(['settleBy'], 'applies only to manual-ack consumers of a classic queue');
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: { path: string; message: string }[] };

/** Formats a zod path as `kafka.topics[0].partitions`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(scenario)' : out;
}

// Without this, a missing field reads "Invalid input: expected array, received undefined".
const missingField: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : undefined;

export function parseScenario(input: unknown): ParseResult {
  const r = scenarioSchema.safeParse(input, { error: missingField });
  if (r.success) return { ok: true, scenario: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

export function parseIntervention(
  input: unknown,
): { ok: true; intervention: Intervention } | { ok: false; errors: { path: string; message: string }[] } {
  const r = interventionSchema.safeParse(input, { error: missingField });
  if (r.success) return { ok: true, intervention: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}
