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
    if (e.type === 'appended') {
      const from = `kp:${e.producer}`;
      const to = pId(e.topic, e.partition);
      litNodes.add(from).add(to);
      litEdges.add(key(from, to));
    } else if (e.type === 'fetched' || e.type === 'processed' || e.type === 'committed') {
      const from = pId(e.topic, e.partition);
      litNodes.add(from).add(`g:${e.group}`);
      litEdges.add(key(from, `g:${e.group}`));
    }
  }
  const summary = `Kafka: ${producers.size} producer(s) write to ${s.kafka.topics.reduce((n, t) => n + t.partitions.length, 0)} partition(s) read by ${s.kafka.groups.length} consumer group(s).`;
  return { nodes, edges, litNodes, litEdges, summary };
}

/** The RabbitMQ half: publishers, exchanges, queues, consumers. */
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
  const usesDefault = [...publishers.values()].includes('');
  for (const [id, x] of publishers) {
    nodes.push({ id: `rp:${id}`, column: 0, label: id, sub: 'publisher', kind: 'client' });
    edges.push({ from: `rp:${id}`, to: xId(x) });
  }
  const exchanges = s.rabbitmq.exchanges.filter((x) => x.name !== '' || usesDefault);
  for (const x of exchanges)
    nodes.push({ id: xId(x.name), column: 1, label: x.name || '(default)', sub: `${x.type} exchange`, kind: 'exchange' });
  for (const q of s.rabbitmq.queues) {
    nodes.push({
      id: `q:${q.name}`,
      column: 2,
      label: q.name,
      sub: q.stream ? `stream · next offset ${q.stream.nextOffset}` : `ready ${q.readyCount} · unacked ${q.unacked.length}`,
      kind: 'queue',
    });
    if (usesDefault) edges.push({ from: xId(''), to: `q:${q.name}`, label: q.name });
  }
  for (const b of s.rabbitmq.bindings)
    if (b.exchange !== '') edges.push({ from: xId(b.exchange), to: `q:${b.queue}`, label: b.bindingKey || undefined });
  for (const c of s.rabbitmq.consumers) {
    nodes.push({ id: `c:${c.id}`, column: 3, label: c.id, sub: `${c.status} · ${c.unacked.length} unacked`, kind: 'client' });
    edges.push({ from: `q:${c.queue}`, to: `c:${c.id}` });
  }
  for (const e of events) {
    if (e.type === 'published') {
      litNodes.add(`rp:${e.publisher}`).add(xId(e.exchange));
      litEdges.add(key(`rp:${e.publisher}`, xId(e.exchange)));
    } else if (e.type === 'routed') {
      litNodes.add(xId(e.exchange)).add(`q:${e.queue}`);
      litEdges.add(key(xId(e.exchange), `q:${e.queue}`));
    } else if (e.type === 'enqueued') {
      litNodes.add(`q:${e.queue}`);
    } else if (e.type === 'delivered' || e.type === 'acked' || e.type === 'nacked') {
      litNodes.add(`q:${e.queue}`).add(`c:${e.consumer}`);
      litEdges.add(key(`q:${e.queue}`, `c:${e.consumer}`));
    }
  }
  const summary = `RabbitMQ: ${publishers.size} publisher(s) publish to ${exchanges.length} exchange(s) routing to ${s.rabbitmq.queues.length} queue(s) read by ${s.rabbitmq.consumers.length} consumer(s).`;
  return { nodes, edges, litNodes, litEdges, summary };
}
