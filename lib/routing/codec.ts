// The page state in the URL: compact JSON (short keys, arrays for rows) as base64url in `?s=`.
// Encoding lives here; decoding (with its zod schema) is in decode.ts, loaded only for a link with state.
import { toBase64Url } from '@/lib/url-state';
import { headerTable, type HeaderArg } from '@/simulator/rabbitmq/headers';
import type { Binding, Exchange, Topology } from '@/simulator/rabbitmq/routing';
import { EXCHANGE_TYPES, HEADER_TYPES, type HeaderRow, type ImportedTopology, type RoutingState } from './state';

export const STATE_PARAM = 's';
export const VERSION = 1;

type Bit = 0 | 1;
type Row = [string, number, string];
type CompactHeaderArg = string | number | boolean | null | { type: 'int' | 'float'; value: number };

/** The URL form of RoutingState; decode.ts validates links against a zod schema of this shape. */
export interface Compact {
  v: typeof VERSION;
  r: {
    s: Bit;
    x: [string, number];
    q: [string, [string, string, Row[]][]][];
    a: [Bit, string, string];
    i: {
      f: string;
      h: string;
      x: ([string, number] | [string, number, string])[];
      q: string[];
      b: ([string, string, Bit, string] | [string, string, Bit, string, Record<string, CompactHeaderArg>])[];
      n: string[];
    } | null;
    t: string;
    k: string;
    h: Row[];
    m: Bit;
    b: string;
  };
  k: { m: Bit; l: string; p: string; n: string; g: string };
}

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
    exchanges: c.x.map(([name, t, ae]): Exchange =>
      ae === undefined ? { name, type: EXCHANGE_TYPES[t]! } : { name, type: EXCHANGE_TYPES[t]!, alternateExchange: ae },
    ),
    queues: c.q,
    bindings: c.b.map(([exchange, queue, dt, bindingKey, args]): Binding => ({
      exchange,
      queue,
      bindingKey,
      ...(dt ? { destinationType: 'exchange' as const } : {}),
      ...(args ? { arguments: headerTable(Object.entries(args)) } : {}),
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

export function fromCompact(c: Compact): RoutingState {
  const r = c.r;
  return {
    rabbit: {
      source: r.s ? 'imported' : 'playground',
      exchangeName: r.x[0],
      exchangeType: EXCHANGE_TYPES[r.x[1]]!,
      queues: r.q.map(([name, bindings]) => ({
        name,
        bindings: bindings.map(([key, xMatch, args]) => ({ key, xMatch, args: args.map(rowIn) })),
      })),
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

/** The JSON of each imported topology, made once: it can be a megabyte, and the rest of the state changes on every keystroke. */
const importedJson = new WeakMap<ImportedTopology, string>();

export function encodeState(s: RoutingState): string {
  const imported = s.rabbit.imported;
  const c = toCompact({ ...s, rabbit: { ...s.rabbit, imported: null } });
  let json = JSON.stringify(c);
  if (imported) {
    let i = importedJson.get(imported);
    if (i === undefined) importedJson.set(imported, (i = JSON.stringify(toCompact(s).r.i)));
    // "i" is the only key of that name, and a quote inside a string value is escaped, so this is r.i.
    json = json.replace('"i":null', () => `"i":${i}`);
  }
  return toBase64Url(json);
}

/** The raw `s` value of a query string like `?s=…`, or null when there is none. */
export function stateParam(search: string): string | null {
  return new URLSearchParams(search).get(STATE_PARAM);
}
