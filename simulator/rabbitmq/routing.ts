// Where a published message goes: exchanges, bindings, alternate exchanges, mandatory returns.
// Source: rabbitmq-server rabbit_exchange.erl (route1, process_alternate), rabbitmq-website
// docs/exchanges.md, docs/ae.md, docs/publishers.

import { headersMatch, type HeaderArg } from './headers';
import { topicMatches } from './topic';

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';

export interface Exchange {
  name: string;
  type: ExchangeType;
  /** Where a message goes when this exchange's own bindings match nothing. */
  alternateExchange?: string;
}

export interface Binding {
  /** Source exchange. */
  exchange: string;
  /** Destination: a queue name, or an exchange name when destinationType is 'exchange'. */
  queue: string;
  destinationType?: 'queue' | 'exchange';
  bindingKey: string;
  /** Headers-exchange arguments (x-match and the headers to compare). */
  arguments?: Record<string, HeaderArg>;
}

export interface Topology {
  exchanges: Exchange[];
  /** Declared queue names; the default exchange "" reaches each of them by its own name. */
  queues: string[];
  bindings: Binding[];
}

export interface Publish {
  exchange: string;
  routingKey: string;
  headers?: Record<string, HeaderArg>;
  mandatory?: boolean;
}

export type RouteOutcome = 'routed' | 'dropped' | 'returned';

export interface RouteResult {
  /** Each queue once, sorted by name (a queue gets one copy however many bindings match). */
  queues: string[];
  /**
   * For each queue, every binding that matched it, in topology order (several → still one copy).
   * A record without a prototype: a queue may be called "constructor" or "__proto__".
   */
  matchedBindings: Record<string, Binding[]>;
  /** True when at least one queue was reached through an alternate exchange. */
  viaAlternate: boolean;
  outcome: RouteOutcome;
  /** Exchanges the message passed through, in visiting order (publish target first). */
  exchangesVisited: string[];
  /**
   * A loop of exchange-to-exchange bindings and alternate exchanges the message met, as exchange
   * names with the first repeated at the end (["a", "b", "a"]). RabbitMQ routes a message through
   * each exchange at most once, so routing stops where the loop closes.
   */
  cycle?: string[];
  /** Set when the publish itself fails (e.g. unknown exchange: RabbitMQ closes the channel with 404). */
  error?: string;
}

/** The implicit default exchange: direct, every queue bound by its own name, no alternate exchange. */
export const DEFAULT_EXCHANGE = '';

export function bindingMatches(type: ExchangeType, binding: Binding, msg: Publish): boolean {
  switch (type) {
    case 'fanout':
      return true;
    case 'direct':
      return binding.bindingKey === msg.routingKey;
    case 'topic':
      return topicMatches(binding.bindingKey, msg.routingKey);
    case 'headers':
      return headersMatch(binding.arguments ?? {}, msg.headers);
  }
}

/** What route() looks up by name, built once per topology (a topology is not changed after it is routed). */
interface Index {
  exchanges: Map<string, Exchange>;
  queues: Set<string>;
  /** Bindings by source exchange, each list in topology order. */
  bySource: Map<string, Binding[]>;
}

const indexes = new WeakMap<Topology, Index & { sizes: [number, number, number] }>();

function indexOf(t: Topology): Index {
  const sizes: [number, number, number] = [t.exchanges.length, t.queues.length, t.bindings.length];
  const cached = indexes.get(t);
  if (cached && cached.sizes.every((n, i) => n === sizes[i])) return cached;
  const bySource = new Map<string, Binding[]>();
  for (const b of t.bindings) {
    const list = bySource.get(b.exchange);
    if (list) list.push(b);
    else bySource.set(b.exchange, [b]);
  }
  const index = { exchanges: new Map(t.exchanges.map((x) => [x.name, x])), queues: new Set(t.queues), bySource, sizes };
  indexes.set(t, index);
  return index;
}

/** A loop in the exchange graph a message followed (edges from each visited exchange), or undefined. */
function findCycle(start: string, edges: Map<string, string[]>): string[] | undefined {
  // Iterative depth-first search: a topology may chain thousands of exchanges.
  const state = new Map<string, 'open' | 'done'>([[start, 'open']]);
  const path: string[] = [start];
  const next: number[] = [0];
  while (path.length > 0) {
    const at = path[path.length - 1]!;
    const out = edges.get(at) ?? [];
    const i = next[next.length - 1]!;
    if (i === out.length) {
      state.set(at, 'done');
      path.pop();
      next.pop();
      continue;
    }
    next[next.length - 1] = i + 1;
    const to = out[i]!;
    const s = state.get(to);
    if (s === 'open') return [...path.slice(path.lastIndexOf(to)), to];
    if (s === undefined && edges.has(to)) {
      state.set(to, 'open');
      path.push(to);
      next.push(0);
    }
  }
  return undefined;
}

/** Routes one publish over a topology, following exchange-to-exchange bindings and alternate exchanges. */
export function route(topology: Topology, msg: Publish): RouteResult {
  const { exchanges, queues: declared, bySource } = indexOf(topology);
  const matchedBindings: Record<string, Binding[]> = Object.create(null) as Record<string, Binding[]>;
  const exchangesVisited: string[] = [];
  const reachedViaAe = new Set<string>();
  let viaAlternate = false;
  let cycle: string[] | undefined;

  const finish = (error?: string): RouteResult => {
    const queues = Object.keys(matchedBindings).sort();
    const outcome: RouteOutcome = queues.length > 0 ? 'routed' : msg.mandatory ? 'returned' : 'dropped';
    return { queues, matchedBindings, viaAlternate, outcome, exchangesVisited, ...(cycle ? { cycle } : {}), ...(error ? { error } : {}) };
  };

  if (msg.exchange === DEFAULT_EXCHANGE) {
    exchangesVisited.push(DEFAULT_EXCHANGE);
    if (declared.has(msg.routingKey)) {
      matchedBindings[msg.routingKey] = [{ exchange: DEFAULT_EXCHANGE, queue: msg.routingKey, bindingKey: msg.routingKey }];
    }
    return finish();
  }
  if (!exchanges.has(msg.exchange)) return finish(`no exchange named "${msg.exchange}" (RabbitMQ closes the channel with 404 NOT_FOUND)`);

  // Work list as in rabbit_exchange:route1: each exchange is routed at most once (cycle guard).
  const seen = new Set<string>([msg.exchange]);
  const work: { name: string; viaAe: boolean }[] = [{ name: msg.exchange, viaAe: false }];
  // Each hand-over (binding or alternate exchange) from one exchange to another, for naming a loop.
  const handedFrom: string[] = [];
  const handedTo: string[] = [];
  let revisited = false;
  const follow = (from: string, to: string, viaAe: boolean) => {
    handedFrom.push(from);
    handedTo.push(to);
    if (seen.has(to)) {
      revisited = true;
      return;
    }
    seen.add(to);
    work.push({ name: to, viaAe });
  };
  for (let w = 0; w < work.length; w++) {
    const { name, viaAe } = work[w]!;
    const x = exchanges.get(name);
    if (!x) continue; // an alternate or bound exchange that does not exist routes nothing
    exchangesVisited.push(name);
    let dests = 0;
    for (const b of bySource.get(name) ?? []) {
      if (!bindingMatches(x.type, b, msg)) continue;
      dests++;
      if (b.destinationType === 'exchange') follow(name, b.queue, viaAe);
      else {
        (matchedBindings[b.queue] ??= []).push(b);
        if (viaAe) reachedViaAe.add(b.queue);
      }
    }
    if (dests === 0 && x.alternateExchange !== undefined) follow(name, x.alternateExchange, true);
  }
  viaAlternate = reachedViaAe.size > 0;
  if (revisited) {
    // Only exchanges that exist take part (a hand-over to a missing one routes nothing).
    const edges = new Map<string, string[]>(exchangesVisited.map((x) => [x, []]));
    handedFrom.forEach((from, i) => edges.get(from)!.push(handedTo[i]!));
    cycle = findCycle(msg.exchange, edges);
  }
  return finish();
}
