import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { route, type Binding, type ExchangeType, type Topology } from '@/simulator/rabbitmq/routing';
import { namePool, PROTOTYPE_NAMES } from '../support/names';

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
    const names = namePool(['q0', 'q1', 'q2', 'q3']);
    const binding = fc.record({ queue: names, bindingKey: fc.constantFrom('a', 'b', '*', '#', 'a.*', '#.b', '', 'constructor') });
    fc.assert(
      fc.property(
        fc.array(binding, { maxLength: 8 }),
        fc.constantFrom('a', 'b', 'a.b', '', 'c.b', 'constructor'),
        namePool(['t', 'x']),
        (bs, rk, exchange) => {
          const bindings: Binding[] = bs.map((b) => ({ exchange, ...b }));
          const queues = [...new Set(bs.map((b) => b.queue))];
          const r = route({ exchanges: [{ name: exchange, type: 'topic' }], queues, bindings }, { exchange, routingKey: rk });
          // The queues of the matching bindings, computed with a Map (no prototype to trip over).
          const expected = new Map<string, Binding[]>();
          for (const b of bindings) if (topicOk(b.bindingKey, rk)) expected.set(b.queue, [...(expected.get(b.queue) ?? []), b]);
          expect(r.queues).toEqual([...expected.keys()].sort());
          for (const q of queues) expect(r.matchedBindings[q]).toEqual(expected.get(q));
          expect(Object.keys(r.matchedBindings).sort()).toEqual(r.queues);
          expect(r.outcome).toBe(r.queues.length ? 'routed' : 'dropped');
        },
      ),
    );
  });
});

/** The few topic patterns the property uses, spelled out. */
function topicOk(bindingKey: string, routingKey: string): boolean {
  const words = routingKey === '' ? [] : routingKey.split('.');
  switch (bindingKey) {
    case '#':
      return true;
    case '*':
      return words.length === 1;
    case 'a.*':
      return words.length === 2 && words[0] === 'a';
    case '#.b':
      return words.at(-1) === 'b';
    default:
      return bindingKey === routingKey;
  }
}

describe('names that are Object.prototype members (RabbitMQ accepts them)', () => {
  const types: ExchangeType[] = ['direct', 'fanout', 'topic', 'headers'];
  for (const name of PROTOTYPE_NAMES) {
    it.each(types)(`a queue, an exchange and a header called "${name}" (%s exchange)`, (type) => {
      const args = { 'x-match': 'all', [name]: 'v' };
      const t: Topology = {
        exchanges: [{ name, type }],
        queues: [name, 'other'],
        bindings: [
          { exchange: name, queue: name, bindingKey: name, ...(type === 'headers' ? { arguments: JSON.parse(JSON.stringify(args)) } : {}) },
        ],
      };
      const headers = JSON.parse(JSON.stringify({ [name]: 'v' })) as Record<string, string>;
      const r = route(t, { exchange: name, routingKey: name, headers });
      expect(r).toMatchObject({ queues: [name], outcome: 'routed' });
      expect(r.matchedBindings[name]).toHaveLength(1);
      expect(r.matchedBindings.other).toBeUndefined();
      // A queue of that name that nothing routes to has no matched bindings (not Object.prototype's member).
      const none = route(t, { exchange: name, routingKey: 'nope', headers: {} });
      expect(none.queues).toEqual(type === 'fanout' ? [name] : []);
      if (type !== 'fanout') expect(none.matchedBindings[name]).toBeUndefined();
    });

    it(`the default exchange reaches a queue called "${name}"; an exchange-to-exchange binding reaches one`, () => {
      const t: Topology = {
        exchanges: [
          { name: 'in', type: 'fanout' },
          { name, type: 'fanout' },
        ],
        queues: [name],
        bindings: [
          { exchange: 'in', queue: name, destinationType: 'exchange', bindingKey: '' },
          { exchange: name, queue: name, bindingKey: '' },
        ],
      };
      expect(route(t, { exchange: '', routingKey: name }).queues).toEqual([name]);
      expect(route(t, { exchange: '', routingKey: 'constructor' === name ? 'toString' : 'constructor' }).queues).toEqual([]);
      expect(route(t, { exchange: 'in', routingKey: '' })).toMatchObject({ queues: [name], exchangesVisited: ['in', name] });
    });
  }
});

describe('loops of exchange-to-exchange bindings and alternate exchanges', () => {
  const e2e = (from: string, to: string): Binding => ({ exchange: from, queue: to, destinationType: 'exchange', bindingKey: '' });

  it('names the loop the message met, first exchange repeated at the end', () => {
    const t: Topology = {
      exchanges: ['in', 'a', 'b', 'c'].map((name) => ({ name, type: 'fanout' as const })),
      queues: ['q'],
      bindings: [e2e('in', 'a'), e2e('a', 'b'), e2e('b', 'c'), e2e('c', 'a'), { exchange: 'b', queue: 'q', bindingKey: '' }],
    };
    expect(route(t, { exchange: 'in', routingKey: '' })).toMatchObject({ queues: ['q'], cycle: ['a', 'b', 'c', 'a'] });
  });

  it('an exchange bound to itself is a loop of one', () => {
    const t: Topology = { exchanges: [{ name: 'x', type: 'fanout' }], queues: [], bindings: [e2e('x', 'x')] };
    expect(route(t, { exchange: 'x', routingKey: '' }).cycle).toEqual(['x', 'x']);
  });

  it('alternate exchanges pointing at each other are a loop; a diamond is not', () => {
    const ae: Topology = {
      exchanges: [
        { name: 'a', type: 'direct', alternateExchange: 'b' },
        { name: 'b', type: 'direct', alternateExchange: 'a' },
      ],
      queues: [],
      bindings: [],
    };
    expect(route(ae, { exchange: 'a', routingKey: 'k' })).toMatchObject({ outcome: 'dropped', cycle: ['a', 'b', 'a'] });
    const diamond: Topology = {
      exchanges: ['top', 'l', 'r', 'bottom'].map((name) => ({ name, type: 'fanout' as const })),
      queues: ['q'],
      bindings: [
        e2e('top', 'l'),
        e2e('top', 'r'),
        e2e('l', 'bottom'),
        e2e('r', 'bottom'),
        { exchange: 'bottom', queue: 'q', bindingKey: '' },
      ],
    };
    const r = route(diamond, { exchange: 'top', routingKey: '' });
    expect(r.queues).toEqual(['q']);
    expect(r.matchedBindings.q).toHaveLength(1);
    expect(r.cycle).toBeUndefined();
  });

  it('a loop of 18,000 exchanges (exchange-to-exchange and alternate) routes in linear time and is named', () => {
    const n = 18_000;
    const name = (i: number) => `x${i % n}`;
    const t: Topology = {
      exchanges: Array.from({ length: n }, (_, i) => ({ name: name(i), type: 'direct' as const, alternateExchange: name(i + 1) })),
      queues: [],
      bindings: Array.from({ length: n }, (_, i) => ({ ...e2e(name(i), name(i + 1)), bindingKey: 'k' })),
    };
    const viaBindings = route(t, { exchange: 'x0', routingKey: 'k' });
    expect(viaBindings.exchangesVisited).toHaveLength(n);
    expect(viaBindings.cycle).toHaveLength(n + 1);
    expect(viaBindings.cycle!.at(-1)).toBe('x0');
    const viaAlternates = route(t, { exchange: 'x5', routingKey: 'other' });
    expect(viaAlternates.cycle![0]).toBe('x5');
    expect(viaAlternates.cycle).toHaveLength(n + 1);
  });
});
