// The page state in the URL: compact JSON (short keys, arrays for rows) as base64url in `?s=`.
// decodeState never throws: a bad or truncated link yields an error and the caller keeps the default.
import * as z from 'zod/mini';
import type { HeaderArg } from '@/simulator/rabbitmq/headers';
import type { Binding, Exchange, Topology } from '@/simulator/rabbitmq/routing';
import { EXCHANGE_TYPES, HEADER_TYPES, type HeaderRow, type RoutingState } from './state';

export const STATE_PARAM = 's';
const VERSION = 1;

const str = z.string().check(z.maxLength(100_000));
const flag = z.union([z.literal(0), z.literal(1)]);
const index = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
const typeIndex = index(EXCHANGE_TYPES.length - 1);
const row = z.tuple([str, index(HEADER_TYPES.length - 1), str]);
const headerArg = z.union([str, z.number(), z.boolean(), z.null(), z.object({ type: z.enum(['int', 'float']), value: z.number() })]);

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
        b: z.array(z.union([z.tuple([str, str, flag, str]), z.tuple([str, str, flag, str, z.record(z.string(), headerArg)])])),
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

type Compact = z.infer<typeof compactSchema>;

const rowOut = (r: HeaderRow) => [r.name, HEADER_TYPES.indexOf(r.type), r.value] as [string, number, string];
const rowIn = ([name, t, value]: [string, number, string]): HeaderRow => ({ name, type: HEADER_TYPES[t]!, value });
const bit = (b: boolean) => (b ? 1 : 0) as 0 | 1;

function topologyOut(t: Topology): Pick<NonNullable<Compact['r']['i']>, 'x' | 'q' | 'b'> {
  return {
    x: t.exchanges.map((x) => {
      const type = EXCHANGE_TYPES.indexOf(x.type);
      return x.alternateExchange === undefined ? [x.name, type] : [x.name, type, x.alternateExchange];
    }),
    q: t.queues,
    b: t.bindings.map((b) => {
      const head: [string, string, 0 | 1, string] = [b.exchange, b.queue, bit(b.destinationType === 'exchange'), b.bindingKey];
      return b.arguments ? [...head, b.arguments as Record<string, HeaderArg>] : head;
    }),
  };
}

function topologyIn(c: NonNullable<Compact['r']['i']>): Topology {
  return {
    exchanges: c.x.map(([name, t, ae]): Exchange => (ae === undefined ? { name, type: EXCHANGE_TYPES[t]! } : { name, type: EXCHANGE_TYPES[t]!, alternateExchange: ae })),
    queues: c.q,
    bindings: c.b.map(([exchange, queue, dt, bindingKey, args]): Binding => ({
      exchange,
      queue,
      bindingKey,
      ...(dt ? { destinationType: 'exchange' as const } : {}),
      ...(args ? { arguments: args } : {}),
    })),
  };
}

function toCompact(s: RoutingState): Compact {
  const r = s.rabbit;
  const k = s.kafka;
  return {
    v: VERSION,
    r: {
      s: bit(r.source === 'imported'),
      x: [r.exchangeName, EXCHANGE_TYPES.indexOf(r.exchangeType)],
      q: r.queues.map((q) => [q.name, q.bindings.map((b) => [b.key, b.xMatch, b.args.map(rowOut)])]),
      a: [bit(r.alternate.on), r.alternate.name, r.alternate.queue],
      i: r.imported ? { f: r.imported.fileName, h: r.imported.vhost, n: r.imported.notes, ...topologyOut(r.imported.topology) } : null,
      t: r.target,
      k: r.routingKey,
      h: r.headers.map(rowOut),
      m: bit(r.mandatory),
      b: r.batch,
    },
    k: { m: bit(k.mode === 'pattern'), l: k.list, p: k.pattern, n: k.partitions, g: k.growTo },
  };
}

function fromCompact(c: Compact): RoutingState {
  const r = c.r;
  return {
    rabbit: {
      source: r.s ? 'imported' : 'playground',
      exchangeName: r.x[0],
      exchangeType: EXCHANGE_TYPES[r.x[1]]!,
      queues: r.q.map(([name, bindings]) => ({ name, bindings: bindings.map(([key, xMatch, args]) => ({ key, xMatch, args: args.map(rowIn) })) })),
      alternate: { on: r.a[0] === 1, name: r.a[1], queue: r.a[2] },
      imported: r.i ? { fileName: r.i.f, vhost: r.i.h, notes: r.i.n, topology: topologyIn(r.i) } : null,
      target: r.t,
      routingKey: r.k,
      headers: r.h.map(rowIn),
      mandatory: r.m === 1,
      batch: r.b,
    },
    kafka: { mode: c.k.m ? 'pattern' : 'list', list: c.k.l, pattern: c.k.p, partitions: c.k.n, growTo: c.k.g },
  };
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

export function encodeState(s: RoutingState): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(toCompact(s))));
}

export type DecodeResult = { ok: true; state: RoutingState } | { ok: false; error: string };

export function decodeState(text: string): DecodeResult {
  try {
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(text)));
    const parsed = compactSchema.safeParse(json);
    if (!parsed.success) return { ok: false, error: 'The link does not describe a routing setup this page knows (it may be from another version)' };
    return { ok: true, state: fromCompact(parsed.data) };
  } catch {
    return { ok: false, error: 'The link is damaged or cut short, so it cannot be read' };
  }
}

/** The state carried by a query string like `?s=…`; null when the query has none. */
export function stateFromSearch(search: string): DecodeResult | null {
  const value = new URLSearchParams(search).get(STATE_PARAM);
  return value === null ? null : decodeState(value);
}
