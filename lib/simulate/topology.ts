// The simulator's topology as a graph, drawn beside the lanes (#19, point 8): producers → partitions →
// consumer groups, and publishers → exchanges → queues → consumers. Counts come from the snapshot
// (the numbers the lanes print) and the edges the latest events travelled are lit, so the graph moves
// in step with the lanes and the clock. Nothing here decides where a message goes: the engine's
// events say it.
import type { GraphEdge, GraphNode } from '@/lib/graph/layout';
import type { Scenario, SimEvent, Snapshot } from '@/simulator';

export interface SimGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  litNodes: Set<string>;
  litEdges: Set<string>;
  summary: string;
}

/** The graph lights what happened in this much simulated time up to the moment shown. */
export const LIT_WINDOW_MS = 500;

/** The events the graph lights at `time`: the last LIT_WINDOW_MS of them. */
export const litEvents = (events: readonly SimEvent[], time: number) =>
  events.filter((e) => e.time > time - LIT_WINDOW_MS && e.time <= time);

/** Partitions drawn at most per topic (the rest are counted in the topic's last node). */
export const MAX_GRAPH_PARTITIONS = 12;

const key = (from: string, to: string) => `${from}\u0000${to}`;
const pId = (topic: string, p: number) => `p:${topic}-${p}`;

/** The Kafka half: producers (of the scenario and of bursts seen), partitions, groups. */
export function kafkaGraph(s: Snapshot, scenario: Scenario, events: readonly SimEvent[]): SimGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const litNodes = new Set<string>();
  const litEdges = new Set<string>();
  if (!s.kafka) return { nodes, edges, litNodes, litEdges, summary: '' };
  const producers = new Map<string, string>();
  for (const p of scenario.kafka?.producers ?? []) producers.set(p.id, p.topic);
  for (const e of events) if (e.type === 'appended' && !producers.has(e.producer)) producers.set(e.producer, e.topic);
  for (const [id] of producers) nodes.push({ id: `kp:${id}`, column: 0, label: id, sub: 'producer', kind: 'client' });
  for (const t of s.kafka.topics) {
    for (const p of t.partitions.slice(0, MAX_GRAPH_PARTITIONS))
      nodes.push({ id: pId(t.name, p.partition), column: 1, label: p.name, sub: `log-end offset ${p.logEndOffset}`, kind: 'partition' });
    for (const [id, topic] of producers)
      if (topic === t.name)
        for (const p of t.partitions.slice(0, MAX_GRAPH_PARTITIONS)) edges.push({ from: `kp:${id}`, to: pId(t.name, p.partition) });
  }
  for (const g of s.kafka.groups) {
    nodes.push({
      id: `g:${g.id}`,
      column: 2,
      label: g.id,
      sub: `lag ${g.totalLag}${g.rebalancing ? ' · rebalancing' : ''}`,
      kind: 'group',
    });
    for (const gp of g.partitions)
      if (gp.index < MAX_GRAPH_PARTITIONS) edges.push({ from: pId(gp.topic, gp.index), to: `g:${g.id}`, label: gp.owner ?? 'unassigned' });
  }
  for (const e of events) {
    const hop = e.type === 'appended' ? hopOf(e) : null;
    if (hop) {
      litNodes.add(hop.from).add(hop.to);
      litEdges.add(key(hop.from, hop.to));
    } else if (e.type === 'fetched' || e.type === 'processed' || e.type === 'committed') {
      const from = pId(e.topic, e.partition);
      litNodes.add(from).add(`g:${e.group}`);
      litEdges.add(key(from, `g:${e.group}`));
    }
  }
  const summary = `Kafka: ${producers.size} producer(s) write to ${s.kafka.topics.reduce((n, t) => n + t.partitions.length, 0)} partition(s) read by ${s.kafka.groups.length} consumer group(s).`;
  return { nodes, edges, litNodes, litEdges, summary };
}

/** The edge label of a queue's dead-letter exchange, and of an exchange's alternate exchange. */
export const DEAD_LETTER_LABEL = 'dead-letter';
export const ALTERNATE_LABEL = 'alternate';

/**
 * Columns from the left by breadth-first search from `starts` along `edges`: each node one column right
 * of the first node that reaches it, so a message's path reads left to right (a dead-letter exchange
 * right of the queue that dead-letters to it). Nodes not reached get `fallback`'s column; an edge back
 * to a node already placed (a loop) is drawn under the graph by the layout.
 */
function columnsFrom(starts: string[], edges: readonly GraphEdge[], fallback: (id: string) => number): (id: string) => number {
  const next = new Map<string, string[]>();
  for (const e of edges) (next.get(e.from) ?? next.set(e.from, []).get(e.from)!).push(e.to);
  const column = new Map<string, number>();
  const visit = (from: string[], c: number) => {
    let layer = from.filter((id) => !column.has(id));
    for (const id of layer) column.set(id, c);
    while (layer.length) {
      c++;
      const following: string[] = [];
      for (const id of layer)
        for (const to of next.get(id) ?? [])
          if (!column.has(to)) {
            column.set(to, c);
            following.push(to);
          }
      layer = following;
    }
  };
  visit(starts, 0);
  return (id) => {
    if (!column.has(id)) visit([id], fallback(id));
    return column.get(id)!;
  };
}

/** The RabbitMQ half: publishers, exchanges (with their alternate exchanges), queues (with their dead-letter exchanges), consumers. */
export function rabbitGraph(s: Snapshot, scenario: Scenario, events: readonly SimEvent[]): SimGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const litNodes = new Set<string>();
  const litEdges = new Set<string>();
  if (!s.rabbitmq) return { nodes, edges, litNodes, litEdges, summary: '' };
  const xId = (name: string) => `x:${name}`;
  const publishers = new Map<string, string>();
  for (const p of scenario.rabbitmq?.publishers ?? []) publishers.set(p.id, p.exchange);
  for (const e of events) if (e.type === 'published' && !publishers.has(e.publisher)) publishers.set(e.publisher, e.exchange);
  const deadLetterTo = (q: { args: Record<string, string | number> }) => {
    const dlx = q.args['x-dead-letter-exchange'];
    return dlx === undefined ? null : String(dlx);
  };
  const usesDefault = [...publishers.values()].includes('') || s.rabbitmq.queues.some((q) => deadLetterTo(q) === '');
  for (const [id, x] of publishers) edges.push({ from: `rp:${id}`, to: xId(x) });
  const exchanges = s.rabbitmq.exchanges.filter((x) => x.name !== '' || usesDefault);
  for (const x of exchanges)
    if (x.alternateExchange !== null) edges.push({ from: xId(x.name), to: xId(x.alternateExchange), label: ALTERNATE_LABEL, dashed: true });
  for (const q of s.rabbitmq.queues) if (usesDefault) edges.push({ from: xId(''), to: `q:${q.name}`, label: q.name });
  for (const b of s.rabbitmq.bindings)
    if (b.exchange !== '') edges.push({ from: xId(b.exchange), to: `q:${b.queue}`, label: b.bindingKey || undefined });
  for (const q of s.rabbitmq.queues) {
    const dlx = deadLetterTo(q);
    if (dlx !== null) edges.push({ from: `q:${q.name}`, to: xId(dlx), label: DEAD_LETTER_LABEL, dashed: true });
  }
  for (const c of s.rabbitmq.consumers) edges.push({ from: `q:${c.queue}`, to: `c:${c.id}` });
  const column = columnsFrom(
    [...publishers.keys()].map((id) => `rp:${id}`),
    edges,
    (id) => (id.startsWith('x:') ? 1 : 2),
  );
  for (const [id] of publishers) nodes.push({ id: `rp:${id}`, column: 0, label: id, sub: 'publisher', kind: 'client' });
  for (const x of exchanges)
    nodes.push({ id: xId(x.name), column: column(xId(x.name)), label: x.name || '(default)', sub: `${x.type} exchange`, kind: 'exchange' });
  for (const q of s.rabbitmq.queues)
    nodes.push({
      id: `q:${q.name}`,
      column: column(`q:${q.name}`),
      label: q.name,
      sub: q.stream ? `stream · next offset ${q.stream.nextOffset}` : `ready ${q.readyCount} · unacked ${q.unacked.length}`,
      kind: 'queue',
    });
  for (const c of s.rabbitmq.consumers)
    nodes.push({
      id: `c:${c.id}`,
      column: column(`c:${c.id}`),
      label: c.id,
      sub: `${c.status} · ${c.unacked.length} unacked`,
      kind: 'client',
    });
  for (const e of events) {
    const hop = hopOf(e);
    if (hop) {
      litNodes.add(hop.from).add(hop.to);
      litEdges.add(key(hop.from, hop.to));
    } else if (e.type === 'enqueued') {
      litNodes.add(`q:${e.queue}`);
    } else if (e.type === 'acked' || e.type === 'nacked') {
      litNodes.add(`q:${e.queue}`).add(`c:${e.consumer}`);
      litEdges.add(key(`q:${e.queue}`, `c:${e.consumer}`));
    }
  }
  const summary = `RabbitMQ: ${publishers.size} publisher(s) publish to ${exchanges.length} exchange(s) routing to ${s.rabbitmq.queues.length} queue(s) read by ${s.rabbitmq.consumers.length} consumer(s).`;
  return { nodes, edges, litNodes, litEdges, summary };
}

/** A message (or a fetch's batch of records) moving along one edge of the graphs. */
export interface Hop {
  /** Node ids, as the graphs name them (the edge is `from` → `to`). */
  from: string;
  to: string;
  messageId: string;
  /** Messages it carries (a fetch returns a batch). */
  count: number;
}

/**
 * The edge an engine event moves a message along, or null when it moves none: a produce to its
 * partition, a fetch by a group, a publish to an exchange, a hand-over to an alternate exchange, a
 * routing to a queue, a delivery or stream read by a consumer, a dead-lettering to the queue's
 * dead-letter exchange. The engine's events say where; nothing here decides it.
 */
export function hopOf(e: SimEvent): Hop | null {
  switch (e.type) {
    case 'appended':
      return e.partition < MAX_GRAPH_PARTITIONS
        ? { from: `kp:${e.producer}`, to: pId(e.topic, e.partition), messageId: e.messageId, count: 1 }
        : null;
    case 'fetched':
      return e.count > 0 && e.partition < MAX_GRAPH_PARTITIONS
        ? { from: pId(e.topic, e.partition), to: `g:${e.group}`, messageId: e.messageIds[0] ?? '', count: e.count }
        : null;
    case 'published':
      return { from: `rp:${e.publisher}`, to: `x:${e.exchange}`, messageId: e.messageId, count: 1 };
    case 'unroutable':
      return e.outcome === 'alternate' && e.alternateExchange !== undefined
        ? { from: `x:${e.exchange}`, to: `x:${e.alternateExchange}`, messageId: e.messageId, count: 1 }
        : null;
    case 'routed':
      return { from: `x:${e.exchange}`, to: `q:${e.queue}`, messageId: e.messageId, count: 1 };
    case 'delivered':
    case 'streamRead':
      return { from: `q:${e.queue}`, to: `c:${e.consumer}`, messageId: e.messageId, count: 1 };
    case 'deadLettered':
      return { from: `q:${e.fromQueue}`, to: `x:${e.toExchange}`, messageId: e.messageId, count: 1 };
    default:
      return null;
  }
}
