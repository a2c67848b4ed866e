import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bounded, partitionsShown } from '@/lib/simulate/bounded';
import { runs } from '../support/property';

describe('bounded', () => {
  it.each([
    { n: 0, limit: 8, open: false, shown: 0, more: 0 },
    { n: 8, limit: 8, open: false, shown: 8, more: 0 },
    { n: 9, limit: 8, open: false, shown: 9, more: 0 },
    { n: 10, limit: 8, open: false, shown: 8, more: 2 },
    { n: 64, limit: 8, open: false, shown: 8, more: 56 },
    { n: 64, limit: 8, open: true, shown: 64, more: 0 },
  ])('$n items, limit $limit, open $open → $shown shown, $more more', ({ n, limit, open, shown, more }) => {
    const r = bounded(
      Array.from({ length: n }, (_, i) => i),
      limit,
      open,
    );
    expect(r.shown.length).toBe(shown);
    expect(r.more).toBe(more);
  });

  it('keeps the order, draws at most limit + 1, and shown + more is everything', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 20 }), fc.boolean(), (items, limit, open) => {
        const r = bounded(items, limit, open);
        expect(r.shown).toEqual(items.slice(0, r.shown.length));
        expect(r.shown.length + r.more).toBe(items.length);
        if (!open) expect(r.shown.length).toBeLessThanOrEqual(limit + 1);
      }),
      { numRuns: runs(200) },
    );
  });

  it.each([
    [1, 8],
    [2, 4],
    [3, 4],
    [8, 4],
  ])('%i topics draw %i partitions each before "Show all" (at most 32 rows in all)', (topics, each) => {
    expect(partitionsShown(topics)).toBe(each);
    expect(topics * partitionsShown(topics)).toBeLessThanOrEqual(32);
  });
});
