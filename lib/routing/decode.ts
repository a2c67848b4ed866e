// Reads a `?s=` link back into page state. Never throws: a bad or truncated link yields a readable
// error and the caller keeps the default. Split from codec.ts so zod loads only for links with state.
import * as z from 'zod/mini';
import { fromBase64Url } from '@/lib/url-state';
import type { HeaderArg } from '@/simulator/rabbitmq/headers';
import { fromCompact, stateParam, VERSION } from './codec';
import { EXCHANGE_TYPES, HEADER_TYPES, type RoutingState } from './state';

const str = z.string().check(z.maxLength(100_000));
const flag = z.union([z.literal(0), z.literal(1)]);
const index = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
const typeIndex = index(EXCHANGE_TYPES.length - 1);
const row = z.tuple([str, index(HEADER_TYPES.length - 1), str]);
const headerArg = z.union([str, z.number(), z.boolean(), z.null(), z.object({ type: z.enum(['int', 'float']), value: z.number() })]);
// Not z.record: it drops a key called "__proto__", and RabbitMQ accepts any header name.
const headerArgs = z.custom<Record<string, HeaderArg>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((a) => headerArg.safeParse(a).success),
);

const compactSchema = z.object({
  v: z.literal(VERSION),
  r: z.object({
    s: flag,
    x: z.tuple([str, typeIndex]),
    q: z.array(z.tuple([str, z.array(z.tuple([str, str, z.array(row)]))])).check(z.maxLength(500)),
    a: z.tuple([flag, str, str]),
    i: z.nullable(
      z.object({
        f: str,
        h: str,
        x: z.array(z.union([z.tuple([str, typeIndex]), z.tuple([str, typeIndex, str])])),
        q: z.array(str),
        b: z.array(z.union([z.tuple([str, str, flag, str]), z.tuple([str, str, flag, str, headerArgs])])),
        n: z.array(str),
      }),
    ),
    t: str,
    k: str,
    h: z.array(row),
    m: flag,
    b: str,
  }),
  k: z.object({ m: flag, l: str, p: str, n: str, g: str }),
});

export type DecodeResult = { ok: true; state: RoutingState } | { ok: false; error: string };

const DAMAGED: DecodeResult = { ok: false, error: 'The link is damaged or cut short, so it cannot be read' };

export function decodeState(param: string): DecodeResult {
  const text = fromBase64Url(param);
  if (text === null) return DAMAGED;
  try {
    const parsed = compactSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
      return { ok: false, error: 'The link does not describe a routing setup this page knows (it may be from another version)' };
    return { ok: true, state: fromCompact(parsed.data) };
  } catch {
    return DAMAGED;
  }
}

/** The state carried by a query string like `?s=…`; null when the query has none. */
export function stateFromSearch(search: string): DecodeResult | null {
  const value = stateParam(search);
  return value === null ? null : decodeState(value);
}
