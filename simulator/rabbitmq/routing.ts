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
  /** For each queue, every binding that matched it, in topology order (several → still one copy). */
  matchedBindings: Record<string, Binding[]>;
  /** True when at least one queue was reached through an alternate exchange. */
  viaAlternate: boolean;
  outcome: RouteOutcome;
  /** Exchanges the message passed through, in visiting order (publish target first). */
  exchangesVisited: string[];
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

/** Routes one publish over a topology, following exchange-to-exchange bindings and alternate exchanges. */
export function route(topology: Topology, msg: Publish): RouteResult {
  const exchanges = new Map(topology.exchanges.map((x) => [x.name, x]));
  const matchedBindings: Record<string, Binding[]> = {};
  const exchangesVisited: string[] = [];
  const reachedViaAe = new Set<string>();
  let viaAlternate = false;

  const finish = (error?: string): RouteResult => {
    const queues = Object.keys(matchedBindings).sort();
    const outcome: RouteOutcome = queues.length > 0 ? 'routed' : msg.mandatory ? 'returned' : 'dropped';
    return { queues, matchedBindings, viaAlternate, outcome, exchangesVisited, ...(error ? { error } : {}) };
  };

  if (msg.exchange === DEFAULT_EXCHANGE) {
    exchangesVisited.push(DEFAULT_EXCHANGE);
    if (topology.queues.includes(msg.routingKey)) {
      matchedBindings[msg.routingKey] = [{ exchange: DEFAULT_EXCHANGE, queue: msg.routingKey, bindingKey: msg.routingKey }];
    }
    return finish();
  }
  if (!exchanges.has(msg.exchange)) return finish(`no exchange named "${msg.exchange}" (RabbitMQ closes the channel with 404 NOT_FOUND)`);

  // Work list as in rabbit_exchange:route1: each exchange is routed at most once (cycle guard).
  const seen = new Set<string>([msg.exchange]);
  const work: { name: string; viaAe: boolean }[] = [{ name: msg.exchange, viaAe: false }];
  while (work.length > 0) {
    const { name, viaAe } = work.shift()!;
    const x = exchanges.get(name);
    if (!x) continue; // an alternate or bound exchange that does not exist routes nothing
    exchangesVisited.push(name);
    let dests = 0;
    for (const b of topology.bindings) {
      if (b.exchange !== name || !bindingMatches(x.type, b, msg)) continue;
      dests++;
      if (b.destinationType === 'exchange') {
        if (!seen.has(b.queue)) {
          seen.add(b.queue);
          work.push({ name: b.queue, viaAe });
        }
      } else {
        (matchedBindings[b.queue] ??= []).push(b);
        if (viaAe) reachedViaAe.add(b.queue);
      }
    }
    if (dests === 0 && x.alternateExchange !== undefined && !seen.has(x.alternateExchange)) {
      seen.add(x.alternateExchange);
      work.push({ name: x.alternateExchange, viaAe: true });
    }
  }
  viaAlternate = reachedViaAe.size > 0;
  return finish();
}
