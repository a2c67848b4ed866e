import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainBinding } from '@/lib/routing/explain';
import { headersFromRows, headerValue, playgroundModel } from '@/lib/routing/playground';
import { defaultState, type HeaderRow, type RabbitState } from '@/lib/routing/state';
import { headersMatch, type HeaderArg } from '@/simulator/rabbitmq/headers';
import { route } from '@/simulator/rabbitmq/routing';
import { namePool } from '../support/names';

const rabbit = (patch: Partial<RabbitState> = {}): RabbitState => ({ ...defaultState().rabbit, ...patch });
const publish = (s: RabbitState, routingKey: string, extra = {}) =>
  route(playgroundModel(s).topology, { exchange: s.exchangeName, routingKey, mandatory: s.mandatory, ...extra });

describe('the order example', () => {
  it.each([
    ['order.confirmed.eu', ['email-service', 'inventory-service']],
    ['order.large.us', ['fraud-service', 'inventory-service']],
    ['payment.failed', []],
    ['order', ['inventory-service']],
  ])('%s → %j', (key, queues) => {
    expect(publish(rabbit(), key).queues).toEqual(queues);
  });

  it('unroutable: dropped, returned with mandatory, or to the alternate exchange', () => {
    expect(publish(rabbit(), 'payment.failed').outcome).toBe('dropped');
    expect(publish(rabbit({ mandatory: true }), 'payment.failed').outcome).toBe('returned');
    const ae = rabbit({ alternate: { on: true, name: 'orders-unrouted', queue: 'unrouted-orders' }, mandatory: true });
    expect(publish(ae, 'payment.failed')).toMatchObject({ queues: ['unrouted-orders'], viaAlternate: true, outcome: 'routed' });
    expect(publish(ae, 'order.large.eu').viaAlternate).toBe(false);
  });
});

describe('validation keeps bad input out of routing without breaking the rest', () => {
  it('flags empty and duplicate queue names and leaves them out', () => {
    const s = rabbit({
      queues: [
        { name: '', bindings: [{ key: '#', xMatch: 'all', args: [] }] },
        ...defaultState().rabbit.queues,
        { name: 'email-service', bindings: [{ key: '#', xMatch: 'all', args: [] }] },
      ],
    });
    const m = playgroundModel(s);
    expect(m.queueProblems[0]).toMatch(/needs a name/);
    expect(m.queueProblems[4]).toMatch(/Another queue/);
    expect(publish(s, 'payment.failed').queues).toEqual([]);
    expect(publish(s, 'order.confirmed.eu').queues).toEqual(['email-service', 'inventory-service']);
  });

  it('refuses a binding key with three # words (RabbitMQ 4.3.5+)', () => {
    const s = rabbit({
      queues: [
        {
          name: 'q',
          bindings: [
            { key: '#.a.#.b.#', xMatch: 'all', args: [] },
            { key: 'a.#', xMatch: 'all', args: [] },
          ],
        },
      ],
    });
    const m = playgroundModel(s);
    expect(m.bindingChecks[0]![0]!.problem).toMatch(/more than two #/);
    expect(m.bindingChecks[0]![1]!.problem).toBeNull();
    expect(m.topology.bindings.map((b) => b.bindingKey)).toEqual(['a.#']);
  });

  it('the two-# limit applies to topic exchanges only; length applies to direct too', () => {
    const s = (exchangeType: RabbitState['exchangeType'], key: string) =>
      rabbit({ exchangeType, queues: [{ name: 'q', bindings: [{ key, xMatch: 'all', args: [] }] }] });
    expect(playgroundModel(s('direct', '#.#.#')).bindingChecks[0]![0]!.problem).toBeNull();
    expect(publish(s('direct', '#.#.#'), '#.#.#').queues).toEqual(['q']);
    expect(playgroundModel(s('direct', 'k'.repeat(256))).bindingChecks[0]![0]!.problem).toMatch(/at most 255 bytes/);
    expect(playgroundModel(s('fanout', '#.#.#')).bindingChecks[0]![0]!.problem).toBeNull();
  });

  it('notes a repeated binding key and an invalid x-match', () => {
    const twice = rabbit({
      queues: [
        {
          name: 'q',
          bindings: [
            { key: 'a', xMatch: 'all', args: [] },
            { key: 'a', xMatch: 'all', args: [] },
          ],
        },
      ],
    });
    expect(playgroundModel(twice).bindingChecks[0]![1]!.problem).toMatch(/keeps one/);
    const bad = rabbit({
      exchangeType: 'headers',
      queues: [{ name: 'q', bindings: [{ key: '', xMatch: 'some', args: [{ name: 'a', type: 'string', value: '1' }] }] }],
    });
    expect(playgroundModel(bad).bindingChecks[0]![0]!.problem).toMatch(/406/);
    expect(playgroundModel(bad).topology.bindings).toEqual([]);
  });

  it('refuses an alternate exchange without its own name', () => {
    const s = rabbit({ alternate: { on: true, name: 'orders-exchange', queue: 'x' } });
    expect(playgroundModel(s).alternateProblem).toMatch(/own name/);
    expect(playgroundModel(s).topology.exchanges).toHaveLength(1);
  });
});

describe('typed header values', () => {
  it.each<[HeaderRow, HeaderArg | string]>([
    [{ name: 'a', type: 'string', value: '1' }, '1'],
    [
      { name: 'a', type: 'number', value: '1' },
      { type: 'int', value: 1 },
    ],
    [
      { name: 'a', type: 'number', value: '1.0' },
      { type: 'float', value: 1 },
    ],
    [
      { name: 'a', type: 'number', value: '2.5e3' },
      { type: 'float', value: 2500 },
    ],
    [{ name: 'a', type: 'boolean', value: 'true' }, true],
    [{ name: 'a', type: 'void', value: 'ignored' }, null],
  ])('%j', (row, value) => expect(headerValue(row)).toEqual({ value }));

  it.each<HeaderRow>([
    { name: 'a', type: 'number', value: 'one' },
    { name: 'a', type: 'number', value: '99999999999999999999' },
    { name: 'a', type: 'boolean', value: 'yes' },
  ])('refuses %j', (row) => expect(headerValue(row)).toHaveProperty('error'));

  it('reports unnamed and repeated headers by row', () => {
    const r = headersFromRows([
      { name: '', type: 'string', value: 'x' },
      { name: 'a', type: 'string', value: '1' },
      { name: 'a', type: 'string', value: '2' },
    ]);
    expect(r.headers).toEqual({ a: '1' });
    expect(r.problems.map(Boolean)).toEqual([true, false, true]);
  });
});

describe('explainBinding', () => {
  const b = (bindingKey: string) => ({ exchange: 'x', queue: 'q', bindingKey });
  it('topic: word by word', () => {
    const e = explainBinding('topic', b('order.#'), { exchange: 'x', routingKey: 'order.large.eu' });
    expect(e.match).toBe(true);
    expect(e.topicSteps).toEqual([
      { pattern: 'order', words: ['order'], ok: true },
      { pattern: '#', words: ['large', 'eu'], ok: true },
    ]);
  });
  it('direct and fanout', () => {
    expect(explainBinding('direct', b('a'), { exchange: 'x', routingKey: 'b' })).toMatchObject({
      match: false,
      summary: expect.stringMatching(/exact/),
    });
    expect(explainBinding('fanout', b('a'), { exchange: 'x', routingKey: 'b' })).toMatchObject({ match: true });
  });
  it('headers x-match=any: one equal argument is enough', () => {
    const binding = { ...b(''), arguments: { 'x-match': 'any', region: 'eu', size: 'large' } };
    const e = explainBinding('headers', binding, { exchange: 'x', routingKey: '', headers: { region: 'eu' } });
    expect(e.match).toBe(true);
    expect(e.headerLines).toEqual([
      { name: 'region', status: 'equal', want: 'eu', got: 'eu' },
      { name: 'size', status: 'missing', want: 'large', got: undefined },
    ]);
  });
  it('headers: the per-argument lines agree with headersMatch', () => {
    const value = fc.oneof(fc.constantFrom('eu', 'us'), fc.constantFrom(1, 2, 1.5), fc.boolean(), fc.constant(null));
    const names = namePool(['a', 'b', 'x-c']);
    fc.assert(
      fc.property(
        fc.constantFrom('all', 'any', 'all-with-x', 'any-with-x'),
        fc.dictionary(names, value),
        fc.dictionary(names, value),
        (xMatch, args, headers) => {
          const binding = { ...b(''), arguments: { ...args, 'x-match': xMatch } as Record<string, HeaderArg> };
          const e = explainBinding('headers', binding, { exchange: 'x', routingKey: '', headers });
          const lines = e.headerLines!.filter((l) => l.status !== 'skipped');
          const ok = lines.filter((l) => l.status === 'equal' || l.status === 'present').length;
          const expected = xMatch.startsWith('all') ? ok === lines.length : ok > 0;
          expect(e.match).toBe(headersMatch(binding.arguments, headers));
          expect(e.match).toBe(expected);
        },
      ),
    );
  });
});
