// What every part of the scenario schema shares: field validators whose messages name what is wrong
// (and, from defaults.ts, the size caps and the defaults).
import { z } from 'zod';
import { nameTableOf } from '../core/table';
import type { HeaderValue } from '../rabbitmq/headers';
import { LIMITS } from './defaults';

export { DEFAULTS, LIMITS } from './defaults';

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

/**
 * A header table (publisher headers, binding arguments). Not z.record: it rebuilds the object on a
 * plain {} and so drops a header called "__proto__", which RabbitMQ accepts. Every own key is kept,
 * in a table without a prototype.
 */
export const headersSchema = z
  .custom<Record<string, HeaderValue>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    error: 'must be an object of header values',
  })
  .superRefine((table, ctx) => {
    for (const [name, value] of Object.entries(table))
      if (!headerValueSchema.safeParse(value).success)
        ctx.addIssue({ code: 'custom', path: [name], message: 'must be a string, number, boolean or null' });
  })
  .transform((table) => nameTableOf(Object.entries(table)));
