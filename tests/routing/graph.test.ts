import { describe, expect, it } from 'vitest';
import { playgroundModel } from '@/lib/routing/playground';
import { defaultState } from '@/lib/routing/state';
import { routingGraph } from '@/lib/routing/graph';
import { route, type Publish, type Topology } from '@/simulator/rabbitmq/routing';

const lit = (g: ReturnType<typeof routingGraph>) => ({
  nodes: [...g.litNodes].sort(),
  edges: [...g.litEdges].map((k) => k.replace('\u0000', ' → ')).sort(),
});

describe('routingGraph', () => {
  it('the order example: publisher → exchange → three queues, the two that get a copy lit, each edge labelled with its binding key', () => {
    const { topology } = playgroundModel(defaultState().rabbit);
    const msg: Publish = { exchange: 'orders-exchange', routingKey: 'order.confirmed.eu' };
    const g = routingGraph(topology, msg, route(topology, msg));
    expect(g.nodes.map((n) => [n.id, n.column])).toEqual([
      ['publisher', 0],
      ['x:orders-exchange', 1],
      ['q:email-service', 2],
      ['q:inventory-service', 2],
      ['q:fraud-service', 2],
    ]);
    expect(g.edges.map((e) => e.label ?? '')).toEqual(['', 'order.confirmed.*', 'order.#', 'order.large.*']);
    expect(lit(g)).toEqual({
      nodes: ['publisher', 'q:email-service', 'q:inventory-service', 'x:orders-exchange'],
      edges: ['publisher → x:orders-exchange', 'x:orders-exchange → q:email-service', 'x:orders-exchange → q:inventory-service'],
    });
    expect(g.summary).toBe(
      'The topology behind exchange orders-exchange: the message passes 1 exchange and reaches 2 queues: email-service, inventory-service.',
    );
  });

  it('an unroutable message takes the dashed alternate-exchange edge, lit', () => {
    const rabbit = { ...defaultState().rabbit, alternate: { on: true, name: 'orders-unrouted', queue: 'unrouted-orders' } };
    const { topology } = playgroundModel(rabbit);
    const msg: Publish = { exchange: 'orders-exchange', routingKey: 'payment.failed' };
    const g = routingGraph(topology, msg, route(topology, msg));
    const ae = g.edges.find((e) => e.to === 'x:orders-unrouted')!;
    expect(ae).toMatchObject({ from: 'x:orders-exchange', dashed: true, label: 'alternate' });
    expect(g.nodes.find((n) => n.id === 'x:orders-unrouted')!.column).toBe(2);
    expect(g.nodes.find((n) => n.id === 'q:unrouted-orders')!.column).toBe(3);
    expect(lit(g).edges).toEqual([
      'publisher → x:orders-exchange',
      'x:orders-exchange → x:orders-unrouted',
      'x:orders-unrouted → q:unrouted-orders',
    ]);
  });

  it('the default exchange reaches only the queue the routing key names', () => {
    const topology: Topology = { exchanges: [], queues: ['shipping', 'billing'], bindings: [] };
    const msg: Publish = { exchange: '', routingKey: 'shipping' };
    const g = routingGraph(topology, msg, route(topology, msg));
    expect(g.nodes.map((n) => n.id)).toEqual(['publisher', 'x:', 'q:shipping']);
    expect(lit(g).nodes).toEqual(['publisher', 'q:shipping', 'x:']);
  });

  it('caps a huge topology and counts what it leaves out', () => {
    const queues = Array.from({ length: 100 }, (_, i) => `q${i}`);
    const topology: Topology = {
      exchanges: [{ name: 'fan', type: 'fanout' }],
      queues,
      bindings: queues.map((q) => ({ exchange: 'fan', queue: q, bindingKey: '' })),
    };
    const msg: Publish = { exchange: 'fan', routingKey: '' };
    const g = routingGraph(topology, msg, route(topology, msg));
    expect(g.nodes.filter((n) => n.kind === 'queue')).toHaveLength(30);
    expect(g.hidden).toEqual({ exchanges: 0, queues: 70 });
  });
});
