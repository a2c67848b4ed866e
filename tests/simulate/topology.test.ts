import { describe, expect, it } from 'vitest';
import { builtInScenarios, createSimulation } from '@/simulator';
import { layoutGraph, overlaps } from '@/lib/graph/layout';
import { hopOf, kafkaGraph, rabbitGraph } from '@/lib/simulate/topology';

function run(id: string, t: number) {
  const b = builtInScenarios.find((x) => x.id === id)!;
  const sim = createSimulation(b.scenario, 1);
  sim.seek(t);
  return { scenario: b.scenario, snapshot: sim.snapshot(), events: sim.events() };
}

describe('the simulator’s topology graphs (#19, point 8)', () => {
  it('log-vs-queue: partition → each group with the owner on the edge; publisher → exchange → queue → consumer', () => {
    const { scenario, snapshot } = run('log-vs-queue', 0);
    const k = kafkaGraph(snapshot, scenario, []);
    expect(k.nodes.find((n) => n.id === 'p:orders-0')?.sub).toBe('log-end offset 5');
    expect(k.edges.filter((e) => e.from === 'p:orders-0').map((e) => e.to)).toEqual(['g:billing', 'g:analytics', 'g:audit']);
    const r = rabbitGraph(snapshot, scenario, []);
    expect(r.nodes.map((n) => n.kind)).toEqual(expect.arrayContaining(['exchange', 'queue', 'client']));
    expect(r.edges).toContainEqual({ from: 'x:orders', to: 'q:orders', label: 'order.created' });
    expect(r.nodes.find((n) => n.id === 'q:orders')?.sub).toBe(`ready ${snapshot.rabbitmq!.queues[0]!.readyCount} · unacked 0`);
  });

  it('lights exactly the edges the events travelled', () => {
    const { scenario, snapshot, events } = run('side-by-side', 3000);
    const recent = events.filter((e) => e.time > 2500);
    const k = kafkaGraph(snapshot, scenario, recent);
    const r = rabbitGraph(snapshot, scenario, recent);
    const appended = recent.filter((e) => e.type === 'appended');
    expect(appended.length).toBeGreaterThan(0);
    for (const e of appended) expect(k.litEdges.has(`kp:${e.producer}\u0000p:${e.topic}-${e.partition}`)).toBe(true);
    for (const e of recent) if (e.type === 'delivered') expect(r.litEdges.has(`q:${e.queue}\u0000c:${e.consumer}`)).toBe(true);
    // Every lit edge is drawn.
    const drawn = new Set([...k.edges, ...r.edges].map((e) => `${e.from}\u0000${e.to}`));
    for (const key of [...k.litEdges, ...r.litEdges]) expect(drawn.has(key)).toBe(true);
  });

  it('every built-in scenario lays out with no two nodes overlapping', () => {
    for (const b of builtInScenarios) {
      const { scenario, snapshot } = run(b.id, Math.floor(b.scenario.durationMs / 2));
      for (const g of [kafkaGraph(snapshot, scenario, []), rabbitGraph(snapshot, scenario, [])]) {
        const { nodes } = layoutGraph(g.nodes, g.edges);
        for (let i = 0; i < nodes.length; i++)
          for (let j = i + 1; j < nodes.length; j++) expect(overlaps(nodes[i]!, nodes[j]!), b.id).toBe(false);
      }
    }
  });

  it('a queue with a dead-letter exchange has a dashed "dead-letter" edge to it, drawn right of the queue; an alternate exchange too', () => {
    const ttl = run('ttl-dead-letter', 0);
    const r = rabbitGraph(ttl.snapshot, ttl.scenario, []);
    expect(r.edges).toContainEqual({ from: 'q:orders', to: 'x:dlx', label: 'dead-letter', dashed: true });
    const col = (id: string) => r.nodes.find((n) => n.id === id)!.column;
    expect([col('rp:shop'), col('x:orders'), col('q:orders'), col('x:dlx'), col('q:orders.dead')]).toEqual([0, 1, 2, 3, 4]);
    expect(col('c:worker')).toBe(3);
    const layout = layoutGraph(r.nodes, r.edges);
    expect(layout.edges.every((e) => !e.back)).toBe(true);
    const topic = run('order-topic-exchange', 0);
    expect(rabbitGraph(topic.snapshot, topic.scenario, []).edges).toContainEqual({
      from: 'x:orders',
      to: 'x:unrouted',
      label: 'alternate',
      dashed: true,
    });
    // No dead-letter exchange, no dead-letter edge.
    const work = run('work-queue-prefetch', 0);
    expect(rabbitGraph(work.snapshot, work.scenario, []).edges.filter((e) => e.dashed)).toEqual([]);
  });

  it('every event that moves a message moves it along an edge the graph draws (dead-lettering and alternate exchanges included)', () => {
    const seen = new Set<string>();
    for (const id of ['ttl-dead-letter', 'order-topic-exchange', 'side-by-side', 'length-limit', 'poison-three-ways', 'stream-replay']) {
      const b = builtInScenarios.find((x) => x.id === id)!;
      const { scenario, snapshot, events } = run(id, b.scenario.durationMs);
      const drawn = new Set(
        [...kafkaGraph(snapshot, scenario, []).edges, ...rabbitGraph(snapshot, scenario, []).edges].map((e) => `${e.from}>${e.to}`),
      );
      for (const e of events) {
        const hop = hopOf(e);
        if (!hop) continue;
        seen.add(e.type);
        expect(drawn.has(`${hop.from}>${hop.to}`), `${id}: ${e.type} ${hop.from} → ${hop.to}`).toBe(true);
      }
    }
    expect([...seen].sort()).toEqual([
      'appended',
      'deadLettered',
      'delivered',
      'fetched',
      'published',
      'routed',
      'streamRead',
      'unroutable',
    ]);
  });
});
