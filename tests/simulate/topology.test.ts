import { describe, expect, it } from 'vitest';
import { builtInScenarios, createSimulation } from '@/simulator';
import { layoutGraph, overlaps } from '@/lib/graph/layout';
import { kafkaGraph, rabbitGraph } from '@/lib/simulate/topology';

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
});
