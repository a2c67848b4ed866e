import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeState } from '@/lib/routing/codec';
import { decodeState, stateFromSearch } from '@/lib/routing/decode';
import { defaultState, EXCHANGE_TYPES, HEADER_TYPES, type RoutingState } from '@/lib/routing/state';
import { PROTOTYPE_NAMES } from '../support/names';
import { runs } from '../support/property';

// Any text, often a name that is an Object.prototype member (queues, exchanges and headers may be called that).
const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom(...PROTOTYPE_NAMES));
const row = fc.record({ name: text, type: fc.constantFrom(...HEADER_TYPES), value: text });
const headerArg = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.record({ type: fc.constantFrom('int' as const, 'float' as const), value: fc.integer() }),
);

const stateArb: fc.Arbitrary<RoutingState> = fc.record({
  rabbit: fc.record({
    source: fc.constantFrom('playground' as const, 'imported' as const),
    exchangeName: text,
    exchangeType: fc.constantFrom(...EXCHANGE_TYPES),
    queues: fc.array(
      fc.record({
        name: text,
        bindings: fc.array(fc.record({ key: text, xMatch: text, args: fc.array(row, { maxLength: 3 }) }), { maxLength: 3 }),
      }),
      { maxLength: 4 },
    ),
    alternate: fc.record({ on: fc.boolean(), name: text, queue: text }),
    imported: fc.option(
      fc.record({
        fileName: text,
        vhost: text,
        notes: fc.array(text, { maxLength: 2 }),
        topology: fc.record({
          exchanges: fc.array(
            fc.oneof(
              fc.record({ name: text, type: fc.constantFrom(...EXCHANGE_TYPES) }),
              fc.record({ name: text, type: fc.constantFrom(...EXCHANGE_TYPES), alternateExchange: text }),
            ),
            { maxLength: 3 },
          ),
          queues: fc.array(text, { maxLength: 3 }),
          bindings: fc.array(
            fc.oneof(
              fc.record({ exchange: text, queue: text, bindingKey: text }),
              fc.record({
                exchange: text,
                queue: text,
                bindingKey: text,
                destinationType: fc.constant('exchange' as const),
                arguments: fc.dictionary(text, headerArg, { maxKeys: 3 }),
              }),
            ),
            { maxLength: 3 },
          ),
        }),
      }),
      { nil: null },
    ),
    target: text,
    routingKey: text,
    headers: fc.array(row, { maxLength: 3 }),
    mandatory: fc.boolean(),
    batch: text,
  }),
  kafka: fc.record({
    mode: fc.constantFrom('list' as const, 'pattern' as const),
    list: text,
    pattern: text,
    partitions: text,
    growTo: text,
  }),
});

describe('URL state codec', () => {
  it('round-trips the default state', () => {
    const s = defaultState();
    expect(decodeState(encodeState(s))).toEqual({ ok: true, state: s });
  });

  it('round-trips any state', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const encoded = encodeState(s);
        expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeState(encoded)).toEqual({ ok: true, state: s });
      }),
      { numRuns: runs(200) },
    );
  });

  it('keeps the default link short', () => {
    expect(encodeState(defaultState()).length).toBeLessThan(700);
  });

  it.each([
    ['empty', ''],
    ['not base64', '%%%'],
    ['plain words', 'hello'],
    ['JSON of the wrong shape', btoa('{"v":1}')],
    ['another version', btoa('{"v":9}')],
  ])('refuses %s with a readable error', (_, value) => {
    const r = decodeState(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/link/);
  });

  it('refuses a truncated link', () => {
    const full = encodeState(defaultState());
    for (const cut of [1, 5, 17, full.length >> 1, full.length - 3]) expect(decodeState(full.slice(0, cut)).ok).toBe(false);
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.string(), (g) => {
        expect(typeof decodeState(g).ok).toBe('boolean');
      }),
      { numRuns: runs(500) },
    );
    fc.assert(
      fc.property(fc.json(), (j) => {
        const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(j)))
          .replace(/\+/g, '-')
          .replace(/\//g, '_');
        expect(decodeState(b64).ok).toBe(false);
      }),
    );
  });

  it('reads ?s= from a query string, null without one', () => {
    expect(stateFromSearch('?x=1')).toBeNull();
    expect(stateFromSearch(`?s=${encodeState(defaultState())}`)).toEqual({ ok: true, state: defaultState() });
    expect(stateFromSearch('?s=abc')).toMatchObject({ ok: false });
  });
});
