// What every part of the scenario schema shares: the size caps (LIMITS), the defaults the engine
// also uses (DEFAULTS), and field validators whose messages name what is wrong.
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
const VALUE_BYTES = 100;

export const DEFAULTS = {
  /** Body bytes of a record or message when a scenario does not say. */
  valueBytes: VALUE_BYTES,
  producer: {
    partitioner: 'java',
    ratePerSec: 2,
    count: 10,
    startMs: 0,
    keys: null,
    valueBytes: VALUE_BYTES,
    stickyBatchRecords: 4,
  },
} as const;

export function intIn(lo: number, hi: number) {
  const msg = `must be an integer from ${lo} to ${hi}`;
  return z.number({ error: msg }).int({ error: msg }).min(lo, { error: msg }).max(hi, { error: msg });
}
export function numIn(lo: number, hi: number) {
  const msg = `must be a number from ${lo} to ${hi}`;
  return z.number({ error: msg }).min(lo, { error: msg }).max(hi, { error: msg });
}
export const idString = z
  .string({ error: 'must be a text id' })
  .min(1, { error: 'must not be empty' })
  .max(64, { error: 'must be at most 64 characters' })
  .regex(/^[A-Za-z0-9._:-]+$/, { error: 'may contain only letters, digits, ".", "_", ":" and "-"' });
export const amqpName = z
  .string({ error: 'must be text' })
  .min(1, { error: 'must not be empty' })
  .refine((s) => new TextEncoder().encode(s).length <= 255, { error: 'must be at most 255 bytes' });
export const routingKey = z
  .string({ error: 'must be text' })
  .refine((s) => new TextEncoder().encode(s).length <= 255, { error: 'must be at most 255 bytes (UTF-8)' });
export const timeMs = intIn(0, LIMITS.timeMs);

export const headerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'must be a string, number, boolean or null',
});
export const headersSchema = z.record(z.string(), headerValueSchema, { error: 'must be an object of header values' });
