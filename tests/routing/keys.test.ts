import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandKeyPattern, MAX_KEY_WORK, MAX_KEYS, parseBatch, parseKeyList } from '@/lib/routing/keys';

describe('expandKeyPattern', () => {
  it.each([
    ['user-{0..3}', ['user-0', 'user-1', 'user-2', 'user-3']],
    ['{3..1}', ['3', '2', '1']],
    ['id-{08..11}', ['id-08', 'id-09', 'id-10', 'id-11']],
    ['{-1..1}', ['-1', '0', '1']],
    ['{eu,us}-{1..2}', ['eu-1', 'eu-2', 'us-1', 'us-2']],
    ['{a,}x', ['ax', 'x']],
    ['plain', ['plain']],
    ['', ['']],
  ])('%s', (pattern, keys) => {
    expect(expandKeyPattern(pattern)).toMatchObject({ keys, capped: false });
  });

  it.each([
    ['user-{0..99', /never closed/],
    ['user-0..99}', /no matching/],
    ['{abc}', /neither a range/],
    ['{1..}', /neither a range/],
    ['{{1..2}}', /nested/],
  ])('refuses %s with a reason', (pattern, reason) => {
    const r = expandKeyPattern(pattern);
    expect(r.keys).toEqual([]);
    expect(r.error).toMatch(reason);
  });

  it('caps huge patterns at MAX_KEYS and says how many there were', () => {
    const r = expandKeyPattern('k-{0..999999999}');
    expect(r.keys).toHaveLength(MAX_KEYS);
    expect(r).toMatchObject({ capped: true, total: 1_000_000_000 });
    expect(r.keys.at(-1)).toBe(`k-${MAX_KEYS - 1}`);
  });

  it('a pattern bomb is capped before any key is made: {a,b} written 20,000 times (issue #20)', () => {
    const bomb = '{a,b}'.repeat(20_000);
    const started = performance.now();
    const r = expandKeyPattern(bomb);
    // Each key is 20,000 characters (20,001 with the one every key costs), so the cap leaves 12 keys.
    expect(r).toMatchObject({ capped: true, total: Infinity, used: 12 });
    expect(r.keys[0]).toBe('a'.repeat(20_000));
    expect(r.keys.reduce((n, k) => n + k.length, 0)).toBeLessThanOrEqual(MAX_KEY_WORK);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('empty keys from 20,000 groups: each key costs one step of the odometer, not a walk over every group', () => {
    const started = performance.now();
    const r = expandKeyPattern('{,}'.repeat(20_000));
    expect(r).toMatchObject({ keys: [''], capped: true, used: MAX_KEYS, duplicates: MAX_KEYS - 1 });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a cap from long keys is reported as a cap even when the count is under MAX_KEYS', () => {
    const r = expandKeyPattern(`${'x'.repeat(999)}{0..9999}`);
    expect(r).toMatchObject({ total: 10_000, capped: true, used: Math.floor(MAX_KEY_WORK / 1_005) });
  });

  it('the odometer makes the same keys as counting in mixed radix (property)', () => {
    const group = fc.oneof(
      fc.array(fc.constantFrom('a', 'b', '', 'cd'), { minLength: 2, maxLength: 3 }).map((xs) => ({ text: `{${xs.join(',')}}`, items: xs })),
      fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })).map(([a, b]) => ({
        text: `{${a}..${b}}`,
        items: Array.from({ length: Math.abs(b - a) + 1 }, (_, i) => String(a <= b ? a + i : a - i)),
      })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('', 'k', '-'), group), { maxLength: 5 }), (pieces) => {
        let expected = [''];
        for (const [lit, g] of pieces) expected = expected.flatMap((prefix) => g.items.map((item) => prefix + lit + item));
        const r = expandKeyPattern(pieces.map(([lit, g]) => lit + g.text).join(''), 1_000_000, 1e12);
        expect(r.keys).toEqual([...new Set(expected)]);
        expect(r.used).toBe(expected.length);
      }),
    );
  });

  it('the work cap bounds every pattern: keys × longest key (property)', () => {
    const group = fc.oneof(
      fc
        .array(
          fc.string({ maxLength: 6 }).filter((x) => !/[{},]/.test(x)),
          { minLength: 2, maxLength: 4 },
        )
        .map((xs) => `{${xs.join(',')}}`),
      fc.tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: -99, max: 99 })).map(([a, b]) => `{${a}..${b}}`),
    );
    const pattern = fc.array(fc.oneof(group, fc.constantFrom('k', '-', '')), { maxLength: 40 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(pattern, fc.integer({ min: 10, max: 5_000 }), (p, work) => {
        const r = expandKeyPattern(p, MAX_KEYS, work);
        const longest = r.keys.reduce((n, k) => Math.max(n, k.length), 0);
        if (r.used > 1) expect(r.used * (longest + 1)).toBeLessThanOrEqual(work);
      }),
    );
  });

  it('counts duplicates made by a list group', () => {
    expect(expandKeyPattern('{a,a,b}')).toMatchObject({ keys: ['a', 'b'], duplicates: 1 });
  });

  it('a range {a..b} gives |b-a|+1 distinct keys, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), (a, b) => {
        const r = expandKeyPattern(`p{${a}..${b}}s`);
        expect(r.keys).toHaveLength(Math.abs(b - a) + 1);
        expect(r.keys[0]).toBe(`p${a}s`);
        expect(r.keys.at(-1)).toBe(`p${b}s`);
      }),
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const r = expandKeyPattern(text);
        expect(r.keys.length).toBeLessThanOrEqual(MAX_KEYS);
      }),
    );
  });
});

describe('parseKeyList', () => {
  it.each([
    ['', []],
    ['a\nb\n', ['a', 'b']],
    ['a\r\nb', ['a', 'b']],
    ['a\n\nb', ['a', '', 'b']],
    ['a\na\n', ['a']],
  ])('%j', (text, keys) => {
    expect(parseKeyList(text).keys).toEqual(keys);
  });
  it('caps the list', () => {
    const r = parseKeyList('x\n'.repeat(5).trimEnd(), 3);
    expect(r).toMatchObject({ keys: ['x'], total: 5, capped: true });
  });
  it('long keys are capped by their characters as well as their number', () => {
    const r = parseKeyList('k'.repeat(99) + '\n' + 'x'.repeat(50_000) + '\n', MAX_KEYS, 1_000);
    expect(r).toMatchObject({ keys: ['k'.repeat(99)], total: 2, capped: true, used: 1 });
    expect(parseKeyList('x'.repeat(2_000), MAX_KEYS, 1_000).error).toBe(
      'The first key has 2,000 characters; this calculator hashes at most 1,000',
    );
  });
  it('batch keeps at most the cap', () => {
    expect(parseBatch('a\nb\nc', 2)).toEqual({ keys: ['a', 'b'], capped: true });
  });
});
