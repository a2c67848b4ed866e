import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { route, type Binding, type Topology } from '@/simulator/rabbitmq/routing';

const orders: Topology = {
  exchanges: [
    { name: 'orders', type: 'topic', alternateExchange: 'unrouted' },
    { name: 'unrouted', type: 'fanout' },
    { name: 'direct', type: 'direct' },
    { name: 'fan', type: 'fanout' },
    { name: 'hdr', type: 'headers' },
  ],
  queues: ['large-orders', 'eu-orders', 'audit', 'lost', 'q1', 'q2'],
  bindings: [
    { exchange: 'orders', queue: 'large-orders', bindingKey: 'order.large.*' },
    { exchange: 'orders', queue: 'eu-orders', bindingKey: '*.*.eu' },
    { exchange: 'orders', queue: 'audit', bindingKey: 'order.#' },
    { exchange: 'orders', queue: 'audit', bindingKey: '#.eu' },
    { exchange: 'unrouted', queue: 'lost', bindingKey: '' },
    { exchange: 'direct', queue: 'q1', bindingKey: 'k' },
    { exchange: 'direct', queue: 'q2', bindingKey: 'k' },
    { exchange: 'direct', queue: 'q2', bindingKey: 'other' },
    { exchange: 'fan', queue: 'q2', bindingKey: 'ignored' },
    { exchange: 'fan', queue: 'q1', bindingKey: '' },
    { exchange: 'hdr', queue: 'q1', bindingKey: '', arguments: { 'x-match': 'any', region: 'eu', size: 'large' } },
  ],
};

describe('route', () => {
  it('gives each queue one copy and lists every matching binding', () => {
    const r = route(orders, { exchange: 'orders', routingKey: 'order.large.eu' });
    expect(r.queues).toEqual(['audit', 'eu-orders', 'large-orders']);
    expect(r.matchedBindings.audit!.map((b) => b.bindingKey)).toEqual(['order.#', '#.eu']);
    expect(r).toMatchObject({ outcome: 'routed', viaAlternate: false });
  });
  it('sends what the topic exchange cannot route to its alternate exchange', () => {
    const r = route(orders, { exchange: 'orders', routingKey: 'invoice.paid', mandatory: true });
    expect(r).toMatchObject({ queues: ['lost'], viaAlternate: true, outcome: 'routed', exchangesVisited: ['orders', 'unrouted'] });
  });
  it('direct: exact key; fanout: ignores the key; headers: ignores the key', () => {
    expect(route(orders, { exchange: 'direct', routingKey: 'k' }).queues).toEqual(['q1', 'q2']);
    expect(route(orders, { exchange: 'direct', routingKey: 'K' }).outcome).toBe('dropped');
    expect(route(orders, { exchange: 'fan', routingKey: 'anything' }).queues).toEqual(['q1', 'q2']);
    expect(route(orders, { exchange: 'hdr', routingKey: 'x', headers: { size: 'large' } }).queues).toEqual(['q1']);
    expect(route(orders, { exchange: 'hdr', routingKey: 'x', headers: { size: 'small' } }).queues).toEqual([]);
  });
  it('drops an unroutable message, or returns it when mandatory', () => {
    expect(route(orders, { exchange: 'direct', routingKey: 'none' })).toMatchObject({ outcome: 'dropped', queues: [] });
    expect(route(orders, { exchange: 'direct', routingKey: 'none', mandatory: true })).toMatchObject({ outcome: 'returned', queues: [] });
  });
  it('default exchange reaches a queue by its own name and has no alternate exchange', () => {
    expect(route(orders, { exchange: '', routingKey: 'audit' }).queues).toEqual(['audit']);
    expect(route(orders, { exchange: '', routingKey: 'nope', mandatory: true })).toMatchObject({
      outcome: 'returned',
      viaAlternate: false,
    });
  });
  it('reports an unknown exchange as an error', () => {
    expect(route(orders, { exchange: 'missing', routingKey: '' }).error).toMatch(/404/);
  });
  it('follows exchange-to-exchange bindings and stops at cycles', () => {
    const t: Topology = {
      exchanges: [
        { name: 'a', type: 'fanout', alternateExchange: 'b' },
        { name: 'b', type: 'fanout', alternateExchange: 'a' },
        { name: 'c', type: 'direct' },
      ],
      queues: ['q'],
      bindings: [
        { exchange: 'c', queue: 'a', destinationType: 'exchange', bindingKey: 'k' },
        { exchange: 'a', queue: 'c', destinationType: 'exchange', bindingKey: '' },
      ],
    };
    expect(route(t, { exchange: 'c', routingKey: 'k', mandatory: true })).toMatchObject({
      outcome: 'returned',
      exchangesVisited: ['c', 'a'],
    });
    // Alternate exchanges that point at each other end too.
    const ae: Topology = { ...t, bindings: [] };
    expect(route(ae, { exchange: 'a', routingKey: 'k' })).toMatchObject({ outcome: 'dropped', exchangesVisited: ['a', 'b'] });
    const withQueue: Topology = { ...t, bindings: [...t.bindings, { exchange: 'c', queue: 'q', bindingKey: 'k' }] };
    expect(route(withQueue, { exchange: 'a', routingKey: 'k' }).queues).toEqual(['q']);
  });
  it('routes to the union of matching bindings, once each (property)', () => {
    const names = ['q0', 'q1', 'q2', 'q3'];
    const binding = fc.record({ queue: fc.constantFrom(...names), bindingKey: fc.constantFrom('a', 'b', '*', '#', 'a.*', '#.b', '') });
    fc.assert(
      fc.property(fc.array(binding, { maxLength: 8 }), fc.constantFrom('a', 'b', 'a.b', '', 'c.b'), (bs, rk) => {
        const bindings: Binding[] = bs.map((b) => ({ exchange: 't', ...b }));
        const r = route({ exchanges: [{ name: 't', type: 'topic' }], queues: names, bindings }, { exchange: 't', routingKey: rk });
        return (
          new Set(r.queues).size === r.queues.length &&
          r.queues.every((q) => r.matchedBindings[q]!.length >= 1) &&
          r.outcome === (r.queues.length ? 'routed' : 'dropped')
        );
      }),
    );
  });
});
