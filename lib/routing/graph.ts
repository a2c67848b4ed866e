// The exchange → queue topology a message is published into, as a graph: the publisher, the
// exchanges it can reach (bindings between exchanges, alternate exchanges), the queues they bind,
// with the path the routed message took lit. Whether a binding matched comes from the engine.
import { xMatchOf } from '@/simulator/rabbitmq/headers';
import {
  bindingMatches,
  DEFAULT_EXCHANGE,
  type Exchange,
  type Publish,
  type RouteResult,
  type Topology,
} from '@/simulator/rabbitmq/routing';
import type { GraphEdge, GraphNode } from '@/lib/graph/layout';

/** Drawn at most (a definitions import can hold thousands); the rest are counted. */
export const MAX_GRAPH_EXCHANGES = 12;
export const MAX_GRAPH_QUEUES = 30;

export interface RoutingGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  litNodes: Set<string>;
  /** Edge keys (from + "\0" + to) on the message's path. */
  litEdges: Set<string>;
  /** Exchanges and queues reachable but not drawn. */
  hidden: { exchanges: number; queues: number };
  /** One sentence for screen readers. */
  summary: string;
}

const PUBLISHER = 'publisher';
const xId = (name: string) => `x:${name}`;
const qId = (name: string) => `q:${name}`;
const key = (from: string, to: string) => `${from}\u0000${to}`;

function bindingLabel(type: Exchange['type'], bindingKey: string, args: Record<string, unknown> | undefined): string | undefined {
  if (type === 'fanout') return undefined;
  if (type === 'headers') {
    const n = Object.keys(args ?? {}).filter((k) => k !== 'x-match').length;
    return `${xMatchOf((args ?? {}) as never) ?? 'bad x-match'}: ${n} arg${n === 1 ? '' : 's'}`;
  }
  return bindingKey === '' ? '(empty)' : bindingKey;
}

/**
 * The graph of what a publish to `msg.exchange` can reach. `result` (the engine's routing of `msg`)
 * lights the path; null when nothing was published (the input is not valid).
 */
export function routingGraph(topology: Topology, msg: Publish, result: RouteResult | null): RoutingGraph {
  const exchanges = new Map(topology.exchanges.map((x) => [x.name, x]));
  const declared = new Set(topology.queues);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const litNodes = new Set<string>();
  const litEdges = new Set<string>();
  const visited = new Set(result?.exchangesVisited ?? []);
  const reached = new Set(result?.queues ?? []);
  const published = result !== null && !result.error;

  nodes.push({
    id: PUBLISHER,
    column: 0,
    label: 'publisher',
    sub:
      msg.exchange === DEFAULT_EXCHANGE || exchanges.get(msg.exchange)?.type !== 'headers'
        ? `key ${msg.routingKey || '(empty)'}`
        : 'with headers',
    kind: 'client',
  });
  if (published) litNodes.add(PUBLISHER);

  if (msg.exchange === DEFAULT_EXCHANGE) {
    // Every queue is bound to the default exchange by its own name; only the one the key names can take part.
    nodes.push({ id: xId(''), column: 1, label: '(default)', sub: 'direct', kind: 'exchange' });
    edges.push({ from: PUBLISHER, to: xId('') });
    if (published) {
      litNodes.add(xId(''));
      litEdges.add(key(PUBLISHER, xId('')));
    }
    if (declared.has(msg.routingKey)) {
      nodes.push({ id: qId(msg.routingKey), column: 2, label: msg.routingKey, sub: 'queue', kind: 'queue' });
      edges.push({ from: xId(''), to: qId(msg.routingKey), label: msg.routingKey });
      if (reached.has(msg.routingKey)) {
        litNodes.add(qId(msg.routingKey));
        litEdges.add(key(xId(''), qId(msg.routingKey)));
      }
    }
    return { nodes, edges, litNodes, litEdges, hidden: { exchanges: 0, queues: 0 }, summary: summary(msg, result) };
  }

  // Exchanges reachable from the target, breadth first: bindings to exchanges, then the alternate exchange.
  const depth = new Map<string, number>([[msg.exchange, 1]]);
  const order = [msg.exchange];
  const bySource = new Map<string, typeof topology.bindings>();
  for (const b of topology.bindings) (bySource.get(b.exchange) ?? bySource.set(b.exchange, []).get(b.exchange)!).push(b);
  for (let i = 0; i < order.length; i++) {
    const name = order[i]!;
    const x = exchanges.get(name);
    const next = [
      ...(bySource.get(name) ?? []).filter((b) => b.destinationType === 'exchange').map((b) => b.queue),
      ...(x?.alternateExchange !== undefined ? [x.alternateExchange] : []),
    ];
    for (const to of next) {
      if (depth.has(to) || !exchanges.has(to)) continue;
      depth.set(to, depth.get(name)! + 1);
      order.push(to);
    }
  }
  const drawn = order.filter((n) => exchanges.has(n)).slice(0, MAX_GRAPH_EXCHANGES);
  const drawnSet = new Set(drawn);
  const queueColumn = Math.max(...drawn.map((n) => depth.get(n)!)) + 1;

  for (const name of drawn) {
    const x = exchanges.get(name)!;
    nodes.push({ id: xId(name), column: depth.get(name)!, label: name, sub: x.type, kind: 'exchange' });
    if (visited.has(name)) litNodes.add(xId(name));
  }
  if (!exchanges.has(msg.exchange)) {
    // Publishing to an exchange that does not exist fails; draw it so the picture says what was asked.
    nodes.push({ id: xId(msg.exchange), column: 1, label: msg.exchange, sub: 'does not exist', kind: 'exchange' });
  }
  edges.push({ from: PUBLISHER, to: xId(msg.exchange) });
  if (published) litEdges.add(key(PUBLISHER, xId(msg.exchange)));

  // Queues: those the message reached first, then the others in binding order.
  const queueEdges: GraphEdge[] = [];
  const queues: string[] = [];
  const seenQueues = new Set<string>();
  for (const name of drawn) {
    const x = exchanges.get(name)!;
    let matchedAny = false;
    for (const b of bySource.get(name) ?? []) {
      const matched = visited.has(name) && bindingMatches(x.type, b, msg);
      matchedAny ||= matched;
      const label = bindingLabel(x.type, b.bindingKey, b.arguments);
      if (b.destinationType === 'exchange') {
        if (!drawnSet.has(b.queue)) continue;
        edges.push({ from: xId(name), to: xId(b.queue), ...(label !== undefined ? { label } : {}) });
        if (matched) litEdges.add(key(xId(name), xId(b.queue)));
        continue;
      }
      if (!seenQueues.has(b.queue)) {
        seenQueues.add(b.queue);
        queues.push(b.queue);
      }
      queueEdges.push({ from: xId(name), to: qId(b.queue), ...(label !== undefined ? { label } : {}) });
      if (matched && reached.has(b.queue)) litEdges.add(key(xId(name), qId(b.queue)));
    }
    const ae = x.alternateExchange;
    if (ae !== undefined && drawnSet.has(ae)) {
      edges.push({ from: xId(name), to: xId(ae), label: 'alternate', dashed: true });
      if (visited.has(name) && visited.has(ae) && !matchedAny) litEdges.add(key(xId(name), xId(ae)));
    }
  }
  const sorted = [...queues.filter((q) => reached.has(q)), ...queues.filter((q) => !reached.has(q))];
  const shownQueues = new Set(sorted.slice(0, MAX_GRAPH_QUEUES));
  for (const q of sorted.slice(0, MAX_GRAPH_QUEUES)) {
    nodes.push({ id: qId(q), column: queueColumn, label: q, sub: declared.has(q) ? 'queue' : 'queue not declared', kind: 'queue' });
    if (reached.has(q)) litNodes.add(qId(q));
  }
  edges.push(...queueEdges.filter((e) => shownQueues.has(e.to.slice(2))));
  return {
    nodes,
    edges,
    litNodes,
    litEdges,
    hidden: { exchanges: order.filter((n) => exchanges.has(n)).length - drawn.length, queues: sorted.length - shownQueues.size },
    summary: summary(msg, result),
  };
}

function summary(msg: Publish, result: RouteResult | null): string {
  const to = msg.exchange === DEFAULT_EXCHANGE ? 'the default exchange' : `exchange ${msg.exchange}`;
  if (!result) return `The topology behind ${to}; nothing is published until the message is valid.`;
  if (result.error) return `The topology behind ${to}; the publish fails: ${result.error}.`;
  const qs = result.queues;
  return `The topology behind ${to}: the message passes ${result.exchangesVisited.length} exchange${result.exchangesVisited.length === 1 ? '' : 's'} and ${
    qs.length
      ? `reaches ${qs.length} queue${qs.length === 1 ? '' : 's'}: ${qs.slice(0, 10).join(', ')}${qs.length > 10 ? ' and more' : ''}`
      : 'reaches no queue'
  }.`;
}
