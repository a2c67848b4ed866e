// Reads a RabbitMQ definitions export (management UI "Export definitions", `rabbitmqctl
// export_definitions`, GET /api/definitions) and builds the engine Topology of one vhost.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { headerTable, type HeaderArg } from '@/simulator/rabbitmq/headers';
import type { Binding, Exchange, ExchangeType, Topology } from '@/simulator/rabbitmq/routing';
import { policyMatcher } from './policies';
import { listed } from './words';
import { count } from '@/lib/format';

export { listed };
import { EXCHANGE_TYPES } from './state';

export const MAX_DEFINITIONS_BYTES = 5_000_000;

// zod/mini keeps the bundle small; the English locale gives its issues readable messages.
z.config(en());

// Not z.record: it drops a key called "__proto__", and RabbitMQ accepts any header name.
const args = z.nullish(
  z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'expected an object' }),
);
const vhostField = z.optional(z.string());

const definitionsSchema = z.object({
  rabbit_version: z.optional(z.string()),
  vhosts: z.optional(z.array(z.object({ name: z.string() }))),
  queues: z.optional(z.array(z.object({ name: z.string(), vhost: vhostField }))),
  exchanges: z.optional(
    z.array(z.object({ name: z.string(), vhost: vhostField, type: z.string(), internal: z.optional(z.boolean()), arguments: args })),
  ),
  bindings: z.optional(
    z.array(
      z.object({
        source: z.string(),
        vhost: vhostField,
        destination: z.string(),
        destination_type: z.enum(['queue', 'exchange']),
        routing_key: z.string(),
        arguments: args,
      }),
    ),
  ),
  policies: z.optional(
    z.array(
      z.object({
        name: z.string(),
        vhost: vhostField,
        pattern: z.string(),
        'apply-to': z.optional(z.string()),
        definition: z.record(z.string(), z.unknown()),
        priority: z.optional(z.number()),
      }),
    ),
  ),
});

export type Definitions = z.infer<typeof definitionsSchema>;

/** Problems a refused file names at most; the rest are counted ("…and 12 more"). */
export const MAX_PROBLEMS = 25;

export type ParseResult =
  | { ok: true; definitions: Definitions; vhosts: string[] }
  | {
      ok: false;
      /** One sentence: the problem, or how many there are. */
      error: string;
      /** Every problem, up to MAX_PROBLEMS, each naming the field ("bindings[0].destination_type: …"). */
      problems?: string[];
      /** Problems found beyond MAX_PROBLEMS. */
      more?: number;
    };

/** Items of a single-vhost export carry no vhost field; they belong to the default vhost "/". */
const DEFAULT_VHOST = '/';
const vhostOf = (item: { vhost?: string | undefined }) => item.vhost ?? DEFAULT_VHOST;

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length
    ? issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '')
    : 'the file';
  // zod's "Invalid option: expected one of "queue"|"exchange"" reads better as "expected "queue" or "exchange"".
  const message = issue.message
    .replace(/^Invalid (input|option): /, '')
    .replace(/one of ((?:"[^"]*"\|)+"[^"]*")/, (_, l: string) => l.split('|').join(' or '));
  return `${where}: ${message}`;
}

/** Parses the text of a definitions file; never throws, errors are one readable sentence. */
export function parseDefinitions(text: string): ParseResult {
  if (text.length > MAX_DEFINITIONS_BYTES) return { ok: false, error: `The file is larger than ${MAX_DEFINITIONS_BYTES / 1_000_000} MB` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'A definitions file is a JSON object with queues, exchanges and bindings' };
  }
  // Without the error map, a missing field reads "expected string, received undefined".
  const parsed = definitionsSchema.safeParse(json, {
    error: (i) => (i.code === 'invalid_type' && i.input === undefined ? 'is missing' : undefined),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map(describeIssue);
    const error = `Not a RabbitMQ definitions file: ${problems.length === 1 ? problems[0] : `${count(problems.length)} problems`}`;
    return { ok: false, error, problems: problems.slice(0, MAX_PROBLEMS), more: Math.max(0, problems.length - MAX_PROBLEMS) };
  }
  const d = parsed.data;
  if (!d.queues && !d.exchanges && !d.bindings) {
    return { ok: false, error: 'Not a RabbitMQ definitions file: it has no queues, exchanges or bindings' };
  }
  const names = new Set<string>((d.vhosts ?? []).map((v) => v.name));
  for (const list of [d.queues, d.exchanges, d.bindings]) for (const item of list ?? []) names.add(vhostOf(item));
  if (names.size === 0) names.add(DEFAULT_VHOST);
  return { ok: true, definitions: d, vhosts: [...names].sort() };
}

/** Exchanges every vhost has without declaring them (exports leave them out). */
const BUILT_IN: Exchange[] = [
  { name: 'amq.direct', type: 'direct' },
  { name: 'amq.fanout', type: 'fanout' },
  { name: 'amq.topic', type: 'topic' },
  { name: 'amq.headers', type: 'headers' },
  { name: 'amq.match', type: 'headers' },
];

function toHeaderArgs(raw: Record<string, unknown>): { args: Record<string, HeaderArg> } | { bad: string } {
  const out = headerTable();
  for (const [k, v] of Object.entries(raw)) {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
    else return { bad: k };
  }
  return { args: out };
}

/** The vhost with the most bindings (often not the default "/"), in one pass; ties go to the first in `vhosts`. */
export function busiestVhost(d: Definitions, vhosts: readonly string[]): string | undefined {
  const count = new Map<string, number>();
  for (const b of d.bindings ?? []) count.set(vhostOf(b), (count.get(vhostOf(b)) ?? 0) + 1);
  let best = vhosts[0];
  for (const v of vhosts) if ((count.get(v) ?? 0) > (count.get(best!) ?? 0)) best = v;
  return best;
}

/** Notes for the user, each kind counted once it repeats: a hostile file can repeat one problem 50,000 times. */
class Notes {
  private readonly kinds = new Map<string, { first: string[]; more: number; plural: (n: number) => string }>();
  readonly lines: string[] = [];
  add(note: string) {
    this.lines.push(note);
  }
  /** Shows the first few notes of a kind, then "and N more …". */
  repeat(kind: string, note: string, plural: (n: number) => string) {
    let k = this.kinds.get(kind);
    if (!k) this.kinds.set(kind, (k = { first: [], more: 0, plural }));
    if (k.first.length < 3) k.first.push(note);
    else k.more++;
  }
  all(): string[] {
    const out = [...this.lines];
    for (const k of this.kinds.values()) {
      out.push(...k.first);
      if (k.more > 0) out.push(k.plural(k.more));
    }
    return out;
  }
}

const n = (howMany: number, one: string, many = `${one}s`) => `${count(howMany)} ${howMany === 1 ? one : many}`;

export interface VhostTopology {
  topology: Topology;
  notes: string[];
  /** Exchanges clients cannot publish to directly. */
  internal: string[];
}

/** The routing topology of one vhost, with notes for anything not modelled. */
export function topologyOf(d: Definitions, vhost: string): VhostTopology {
  const notes = new Notes();
  const internal: string[] = [];
  const exchanges: Exchange[] = [];
  const types = new Map<string, ExchangeType>();
  const policies = policyMatcher((d.policies ?? []).filter((p) => vhostOf(p) === vhost));
  let duplicateExchanges = 0;
  for (const x of d.exchanges ?? []) {
    if (vhostOf(x) !== vhost) continue;
    if (types.has(x.name)) {
      duplicateExchanges++;
      continue;
    }
    if (!(EXCHANGE_TYPES as readonly string[]).includes(x.type)) {
      notes.repeat(
        'type',
        `Exchange "${x.name}" has type ${x.type}, which this page does not simulate: it routes nothing here`,
        (more) => `…and ${n(more, 'more exchange')} of types this page does not simulate`,
      );
      continue;
    }
    const type = x.type as ExchangeType;
    const argAe = x.arguments?.['alternate-exchange'];
    // An alternate-exchange argument overrules one set by a policy (rabbitmq.com/docs/ae).
    const alternateExchange = typeof argAe === 'string' ? argAe : policies.alternateFor(x.name);
    exchanges.push(alternateExchange !== undefined ? { name: x.name, type, alternateExchange } : { name: x.name, type });
    types.set(x.name, type);
    if (x.internal) internal.push(x.name);
  }
  for (const b of BUILT_IN) {
    if (!types.has(b.name)) {
      exchanges.push(b);
      types.set(b.name, b.type);
    }
  }
  const queueNames = new Set<string>();
  for (const q of d.queues ?? []) if (vhostOf(q) === vhost) queueNames.add(q.name);
  const queues = [...queueNames];
  const bindings: Binding[] = [];
  for (const b of d.bindings ?? []) {
    if (vhostOf(b) !== vhost) continue;
    const binding: Binding = { exchange: b.source, queue: b.destination, bindingKey: b.routing_key };
    if (b.destination_type === 'exchange') binding.destinationType = 'exchange';
    if (types.get(b.source) === 'headers') {
      const converted = toHeaderArgs(b.arguments ?? {});
      if ('bad' in converted) {
        notes.repeat(
          'args',
          `A binding from "${b.source}" to "${b.destination}" compares "${converted.bad}" with a table or array value, which this page cannot compare: it is left out`,
          (more) => `…and ${n(more, 'more binding')} left out for the same reason`,
        );
        continue;
      }
      binding.arguments = converted.args;
    }
    bindings.push(binding);
  }
  const items = [...(d.queues ?? []), ...(d.exchanges ?? []), ...(d.bindings ?? [])];
  if (items.length > 0 && items.every((i) => i.vhost === undefined)) {
    notes.add('The file names no vhost (a single-vhost export), so its objects are shown under "/"');
  }
  if (duplicateExchanges > 0 || queues.length < (d.queues ?? []).filter((q) => vhostOf(q) === vhost).length) {
    notes.add('The file declares some exchanges or queues twice in this vhost; the first of each name is used');
  }
  for (const p of policies.notes()) notes.add(p);
  const missing = exchanges.filter((x) => x.alternateExchange !== undefined && !types.has(x.alternateExchange));
  if (missing.length > 0) {
    notes.add(
      `${missing.length === 1 ? 'An alternate exchange' : 'Alternate exchanges'} named in the file (${listed([...new Set(missing.map((x) => x.alternateExchange!))])}) ` +
        `${missing.length === 1 ? 'does' : 'do'} not exist in this vhost: RabbitMQ then drops (or returns) what it would receive`,
    );
  }
  return { topology: { exchanges, queues, bindings }, notes: notes.all(), internal };
}
