import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wholeSecondTicks } from '@/lib/simulate/time-ticks';
import { runs } from '../support/property';

describe('wholeSecondTicks', () => {
  it.each([
    // The charts' old axis read "0.334s, 5.334s…": samples start at 334 ms.
    [334, 30_000, [5_000, 10_000, 15_000, 20_000, 25_000, 30_000]],
    [0, 15_000, [0, 2_000, 4_000, 6_000, 8_000, 10_000, 12_000, 14_000]],
    [0, 5_000, [0, 1_000, 2_000, 3_000, 4_000, 5_000]],
    [0, 600, [0]],
    [100, 900, []],
    [250, 1_250, [1_000]],
    [0, 120_000, [0, 30_000, 60_000, 90_000, 120_000]],
    // Found by `npm run fuzz` (FC_SEED=-216134368) with most = 2: the step was chosen by the span, not by the round
    // times inside it, so 300 s fitted and no tick fell in 1 ms … 241 s (a = 1, span = 240,999).
    [1, 241_000, [120_000, 240_000], 2],
  ])('%d … %d ms', (from, to, ticks, most?: number) => {
    expect(wholeSecondTicks(from, to, most)).toEqual(ticks);
  });

  it('every tick is a whole second inside the range, in order, at most `most` of them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 2, max: 12 }),
        (a, span, most) => {
          const ticks = wholeSecondTicks(a, a + span, most);
          expect(ticks.length).toBeLessThanOrEqual(most);
          for (const t of ticks) {
            expect(t % 1000).toBe(0);
            expect(t).toBeGreaterThanOrEqual(a);
            expect(t).toBeLessThanOrEqual(a + span);
          }
          for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
          if (span >= 1000) expect(ticks.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
