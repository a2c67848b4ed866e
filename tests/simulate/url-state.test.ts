import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSimUrl, defaultUrlState, encodeSimUrl, type SimUrlState } from '@/lib/simulate/url-state';
import { fromBase64Url, toBase64Url } from '@/lib/url-state';

const IDS = ['log-vs-queue', 'requeue-on-crash', 'heavy'];

const jsonValue = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const stateArb: fc.Arbitrary<SimUrlState> = fc
  .record({
    source: fc.oneof(
      fc.constantFrom(...IDS).map((id) => ({ kind: 'builtin' as const, id })),
      jsonValue.map((json) => ({ kind: 'custom' as const, json })),
    ),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    time: fc.integer({ min: 0, max: 10_000_000 }),
    interventions: fc.array(
      fc.record({ time: fc.nat(1_000_000), intervention: fc.dictionary(fc.string(), jsonValue) as fc.Arbitrary<unknown> }),
      { maxLength: 4 },
    ),
  })
  .chain((s) => fc.boolean().map((wholeLog) => (wholeLog ? { ...s, wholeLog } : s)));

describe('URL codec', () => {
  it('round-trips every state', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const { state: back, notice } = decodeSimUrl(encodeSimUrl(state), IDS);
        expect(notice).toBeNull();
        expect(back).toEqual(state);
      }),
    );
  });

  it('never throws on garbage and always yields a usable state', () => {
    const garbage = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.tuple(fc.constantFrom('scenario', 'custom', 'seed', 't', 'iv', 'x'), fc.string({ unit: 'binary' })).map(([k, v]) => `?${k}=${v}`),
      fc
        .array(fc.tuple(fc.constantFrom('scenario', 'custom', 'seed', 't', 'iv'), fc.string()), { maxLength: 5 })
        .map((kv) => '?' + kv.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
    );
    fc.assert(
      fc.property(garbage, (search) => {
        const { state } = decodeSimUrl(search, IDS);
        expect(Number.isInteger(state.seed) && state.seed >= 0).toBe(true);
        expect(Number.isInteger(state.time) && state.time >= 0).toBe(true);
        if (state.source.kind === 'builtin') expect(IDS).toContain(state.source.id);
      }),
    );
  });

  it('reads the brief example', () => {
    expect(decodeSimUrl('?scenario=log-vs-queue&seed=1&t=4000', IDS)).toEqual({
      state: { source: { kind: 'builtin', id: 'log-vs-queue' }, seed: 1, time: 4000, interventions: [] },
      notice: null,
    });
  });

  it('reads the whole-log view, and says so when the view is unknown while keeping the rest', () => {
    expect(decodeSimUrl('?scenario=heavy&seed=1&t=20000&view=whole-log', IDS).state.wholeLog).toBe(true);
    expect(encodeSimUrl({ ...defaultUrlState(), wholeLog: true })).toContain('view=whole-log');
    expect(encodeSimUrl(defaultUrlState())).not.toContain('view=');
    const { state, notice } = decodeSimUrl('?scenario=heavy&t=5&view=sideways', IDS);
    expect(state.wholeLog).toBeUndefined();
    expect(state.time).toBe(5);
    expect(notice).toMatch(/view "sideways" is not known/);
  });

  it('uses defaults without a notice when the link has no parameters', () => {
    expect(decodeSimUrl('', IDS)).toEqual({ state: defaultUrlState(), notice: null });
  });

  it.each([
    ['?scenario=nope&t=5', /no scenario called "nope"/],
    ['?custom=eyJ2ZXJzaW9uIjox', /damaged or truncated/],
    ['?custom=%%%', /damaged or truncated/],
  ])('falls back to the default scenario for %s', (search, message) => {
    const { state, notice } = decodeSimUrl(search, IDS);
    expect(state).toEqual(defaultUrlState());
    expect(notice).toMatch(message);
    expect(notice).toMatch(/default scenario/);
  });

  it.each([
    ['?scenario=heavy&seed=-3', /seed/],
    ['?scenario=heavy&seed=99999999999', /seed/],
    ['?scenario=heavy&t=1e3', /time/],
    ['?scenario=heavy&iv=W3sidGltZSI6', /interventions/],
    ['?scenario=heavy&iv=' + toBase64Url('[{"time":-1,"intervention":{}}]'), /interventions/],
  ])('keeps the scenario but ignores a bad part in %s', (search, message) => {
    const { state, notice } = decodeSimUrl(search, IDS);
    expect(state.source).toEqual({ kind: 'builtin', id: 'heavy' });
    expect(notice).toMatch(message);
  });

  it('base64url round-trips any text, including astral characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => fromBase64Url(toBase64Url(s)) === s));
    expect(toBase64Url('🐇?>')).not.toMatch(/[+/=]/);
  });

  it('rejects base64url that is not valid', () => {
    expect(fromBase64Url('a')).toBeNull();
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('_w')).toBeNull(); // 0xFF is not UTF-8
  });
});
