// Reads a RabbitMQ definitions export (management UI "Export definitions", `rabbitmqctl
// export_definitions`, GET /api/definitions) and builds the engine Topology of one vhost.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import type { HeaderArg } from '@/simulator/rabbitmq/headers';
import type { Binding, Exchange, ExchangeType, Topology } from '@/simulator/rabbitmq/routing';
import { EXCHANGE_TYPES } from './state';

export const MAX_DEFINITIONS_BYTES = 5_000_000;

// zod/mini keeps the bundle small; the English locale gives its issues readable messages.
z.config(en());

const args = z.nullish(z.record(z.string(), z.unknown()));
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

export type ParseResult = { ok: true; definitions: Definitions; vhosts: string[] } | { ok: false; error: string };

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
  return `${where}: ${issue.message}`;
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
    const issues = parsed.error.issues;
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
    return { ok: false, error: `Not a RabbitMQ definitions file: ${issues.slice(0, 3).map(describeIssue).join('; ')}${more}` };
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
  const out: Record<string, HeaderArg> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
    else return { bad: k };
  }
  return { args: out };
}

/** The policy RabbitMQ would apply to an exchange: matching pattern, highest priority. */
function policyAlternate(d: Definitions, vhost: string, exchange: string, notes: string[]): string | undefined {
  let best: { priority: number; ae: string } | undefined;
  for (const p of d.policies ?? []) {
    if (vhostOf(p) !== vhost || !['exchanges', 'all', undefined].includes(p['apply-to'])) continue;
    const ae = p.definition['alternate-exchange'];
    let matches: boolean;
    try {
      // V8 compiles a pattern on first use, so test() too can throw ("Regular expression too large").
      matches = new RegExp(p.pattern).test(exchange);
    } catch {
      notes.push(`Policy "${p.name}" has a pattern this page cannot read as a regular expression; it is ignored`);
      continue;
    }
    if (!matches) continue;
    const priority = p.priority ?? 0;
    // Only one policy applies to an exchange: the matching one with the highest priority.
    if (!best || priority > best.priority) best = { priority, ae: typeof ae === 'string' ? ae : '' };
  }
  return best?.ae ? best.ae : undefined;
}

export interface VhostTopology {
  topology: Topology;
  notes: string[];
  /** Exchanges clients cannot publish to directly. */
  internal: string[];
}

/** The routing topology of one vhost, with notes for anything not modelled. */
export function topologyOf(d: Definitions, vhost: string): VhostTopology {
  const notes: string[] = [];
  const internal: string[] = [];
  const exchanges: Exchange[] = [];
  const types = new Map<string, ExchangeType>();
  for (const x of d.exchanges ?? []) {
    if (vhostOf(x) !== vhost) continue;
    if (!(EXCHANGE_TYPES as readonly string[]).includes(x.type)) {
      notes.push(`Exchange "${x.name}" has type ${x.type}, which this page does not simulate: it routes nothing here`);
      continue;
    }
    const type = x.type as ExchangeType;
    const argAe = x.arguments?.['alternate-exchange'];
    // An alternate-exchange argument overrules one set by a policy (rabbitmq.com/docs/ae).
    const alternateExchange = typeof argAe === 'string' ? argAe : policyAlternate(d, vhost, x.name, notes);
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
  const queues = (d.queues ?? []).filter((q) => vhostOf(q) === vhost).map((q) => q.name);
  const bindings: Binding[] = [];
  for (const b of d.bindings ?? []) {
    if (vhostOf(b) !== vhost) continue;
    const binding: Binding = { exchange: b.source, queue: b.destination, bindingKey: b.routing_key };
    if (b.destination_type === 'exchange') binding.destinationType = 'exchange';
    if (types.get(b.source) === 'headers') {
      const converted = toHeaderArgs(b.arguments ?? {});
      if ('bad' in converted) {
        notes.push(
          `A binding from "${b.source}" to "${b.destination}" compares "${converted.bad}" with a table or array value, which this page cannot compare: it is left out`,
        );
        continue;
      }
      binding.arguments = converted.args;
    }
    bindings.push(binding);
  }
  const items = [...(d.queues ?? []), ...(d.exchanges ?? []), ...(d.bindings ?? [])];
  if (items.length > 0 && items.every((i) => i.vhost === undefined)) {
    notes.push('The file names no vhost (a single-vhost export), so its objects are shown under "/"');
  }
  if (exchanges.some((x) => x.alternateExchange !== undefined && !types.has(x.alternateExchange))) {
    notes.push(
      'An alternate exchange named in the file does not exist in this vhost: RabbitMQ then drops (or returns) what it would receive',
    );
  }
  return { topology: { exchanges, queues, bindings }, notes, internal };
}
