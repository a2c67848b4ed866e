import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandKeyPattern, MAX_KEYS, parseBatch, parseKeyList } from '@/lib/routing/keys';

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
  it('batch keeps at most the cap', () => {
    expect(parseBatch('a\nb\nc', 2)).toEqual({ keys: ['a', 'b'], capped: true });
  });
});
