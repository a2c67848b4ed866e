// What every part of the scenario schema shares: field validators whose messages name what is wrong
// (and, from defaults.ts, the size caps and the defaults).
import { z } from 'zod';
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
export const headersSchema = z.record(z.string(), headerValueSchema, { error: 'must be an object of header values' });
