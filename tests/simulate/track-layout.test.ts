import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeLabels, trackLayout, type Interval } from '@/lib/simulate/track-layout';
import { BEFORE_FIRST, type MarkerModel } from '@/lib/simulate/view-model';

const PITCH = 30;
const overlap = (a: Interval, b: Interval) => a.x < b.x + b.w && b.x < a.x + a.w;
const position = (label: string, slot: number, offset = 0): MarkerModel => ({
  id: `g:${label}:position`,
  kind: 'position',
  group: 'g',
  label,
  offset,
  slot,
});
const committed = (slot: number, offset: number): MarkerModel => ({
  id: 'g:committed',
  kind: 'committed',
  group: 'g',
  label: 'committed',
  offset,
  slot,
});

describe('trackLayout', () => {
  it('retention-reset at 18 s: the lag span runs from the committed record to the log-end box, labelled, the ▲ under the position', () => {
    // 28 records drawn (offsets 45..72), committed 54 (slot 9), fast-1 at 60 (slot 15), log-end offset 73.
    const t = trackLayout([committed(9, 54), position('fast-1', 15, 60)], 28, PITCH, { lag: 19, readableSlot: 28 });
    expect(t.span).toEqual({ x: 9 * PITCH, w: 19 * PITCH, open: false });
    expect(t.tick!.x).toBe(9 * PITCH - 1);
    expect(t.triangles[0]!.x).toBeGreaterThan(15 * PITCH);
    expect(t.triangles[0]!.x + t.triangles[0]!.w).toBeLessThan(16 * PITCH);
    expect(t.labels.map((l) => [l.text, l.line])).toEqual([
      ['fast-1', 0],
      ['lag 19', 0],
    ]);
    expect(t.lines).toBe(1);
  });

  it('broker-dies-both at 12 s: with a follower behind, the lag is the engine’s (to the high watermark), and so is the span', () => {
    // 12 records drawn (offsets 37..48), log-end offset 49, high watermark 48 (slot 11), billing committed 46 (slot 9).
    const t = trackLayout([committed(9, 46), position('billing-1', 11, 48)], 12, PITCH, { lag: 2, readableSlot: 11 });
    expect(t.span).toEqual({ x: 9 * PITCH, w: 2 * PITCH, open: false });
    expect(t.labels.find((l) => l.id === 'g:lag')!.text).toBe('lag 2');
  });

  it('a position before the first record drawn says where it is; nothing committed means no span and no lag label', () => {
    const t = trackLayout([position('slow-1', BEFORE_FIRST, 12)], 10, PITCH, { lag: null, readableSlot: 10 });
    expect(t.span).toBeNull();
    expect(t.triangles).toEqual([]);
    expect(t.labels.map((l) => [l.text, l.x])).toEqual([['◂slow-1 @12', 0]]);
  });

  it('no label overlaps another label, a ▲ or the tick, and every label stays inside the strip', () => {
    const arb = fc.record({
      cells: fc.integer({ min: 1, max: 40 }),
      names: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 4 }),
      slots: fc.array(fc.integer({ min: -1, max: 40 }), { minLength: 4, maxLength: 4 }),
      committedSlot: fc.option(fc.integer({ min: -1, max: 40 })),
    });
    fc.assert(
      fc.property(arb, ({ cells, names, slots, committedSlot }) => {
        const clamp = (s: number) => (s === BEFORE_FIRST ? s : Math.min(s, cells));
        const markers = [
          ...(committedSlot === null ? [] : [committed(clamp(committedSlot), Math.max(0, committedSlot))]),
          ...names.map((n, i) => position(n, clamp(slots[i]!), slots[i]!)),
        ];
        const t = trackLayout(markers, cells, PITCH, { lag: committedSlot === null ? null : 5, readableSlot: cells });
        const max = (cells + 1) * PITCH;
        const fixed = [...t.triangles, ...(t.tick ? [t.tick] : [])];
        for (const l of t.labels) {
          expect(l.x).toBeGreaterThanOrEqual(0);
          expect(l.x + l.w).toBeLessThanOrEqual(max);
          if (l.line === 0) for (const f of fixed) expect(overlap(l, f), JSON.stringify([l, f])).toBe(false);
          for (const o of t.labels) if (o !== l && o.line === l.line) expect(overlap(l, o), JSON.stringify([l, o])).toBe(false);
        }
        // One consumer and the lag: nothing is dropped on the narrowest strip the page draws (6 records).
        if (cells >= 6 && names.length <= 1) expect(t.labels).toHaveLength(markers.length);
      }),
    );
  });
});

describe('placeLabels', () => {
  it('puts a label in the nearest free room, or nowhere when there is none', () => {
    expect(placeLabels([{ id: 'a', text: 'ab', x: 10 }], [{ x: 8, w: 8 }], 0, 100)[0]!.x).toBe(19);
    expect(placeLabels([{ id: 'a', text: 'a-long-name', x: 0 }], [], 0, 20)[0]).toBeNull();
  });
});
