import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterMarkerLabels, markerLabelWidth } from '@/lib/simulate/view-model';
import { runs } from '../support/property';

type M = { id: string; kind: 'position' | 'committed'; group: string; label: string };
const committed = (group: string): M => ({ id: `${group}:c`, kind: 'committed', group, label: 'committed' });
const position = (label: string): M => ({ id: `${label}:p`, kind: 'position', group: 'g', label });
const PITCH = 30;

describe('clusterMarkerLabels', () => {
  it('log-vs-queue: markers on neighbouring records read as one label, in offset order, from the first of them', () => {
    const out = clusterMarkerLabels(
      [
        { slot: 5, markers: [committed('billing'), position('A'), position('C')] },
        { slot: 2, markers: [committed('analytics')] },
        { slot: 3, markers: [position('B')] },
        { slot: 4, markers: [committed('audit')] },
      ],
      20,
      PITCH,
    );
    expect(out.map((c) => c.markers.map((m) => m.id))).toEqual([['analytics:c', 'B:p', 'audit:c', 'billing:c', 'A:p', 'C:p']]);
    expect(out[0]!.left).toBe(2 * PITCH);
  });

  it('labels with room between them stay apart, each above its own record', () => {
    const out = clusterMarkerLabels(
      [
        { slot: 1, markers: [position('s1')] },
        { slot: 8, markers: [committed('storage')] },
      ],
      20,
      PITCH,
    );
    expect(out.map((c) => [c.left, c.markers.length])).toEqual([
      [1 * PITCH, 1],
      [8 * PITCH, 1],
    ]);
  });

  it('a label at the end of a row is pulled left to stay inside it', () => {
    const [c] = clusterMarkerLabels([{ slot: 9, markers: [committed('reporting'), position('r1')] }], 10, PITCH);
    expect(c!.left + c!.width).toBeLessThanOrEqual(10 * PITCH - 2);
    expect(c!.left).toBeLessThan(9 * PITCH);
  });

  it('labels in different rows never merge', () => {
    const out = clusterMarkerLabels(
      [
        { slot: 9, markers: [committed('storage')] },
        { slot: 10, markers: [committed('alerting')] },
      ],
      10,
      PITCH,
    );
    expect(out.map((c) => c.row)).toEqual([0, 1]);
  });

  it('property: every marker appears once, in slot order; labels in a row do not overlap and stay inside it when they fit', () => {
    const names = fc.string({ minLength: 1, maxLength: 10 });
    const entry = fc.record({
      slot: fc.nat(400),
      markers: fc.array(fc.oneof(names.map(committed), names.map(position)), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.slot, maxLength: 30 }), fc.integer({ min: 4, max: 40 }), (entries, cols) => {
        const out = clusterMarkerLabels(entries, cols, PITCH);
        const sorted = [...entries].sort((a, b) => a.slot - b.slot);
        expect(out.flatMap((c) => c.markers)).toEqual(sorted.flatMap((e) => e.markers));
        for (let i = 1; i < out.length; i++) {
          const [a, b] = [out[i - 1]!, out[i]!];
          if (a.row === b.row) expect(a.left + a.width).toBeLessThanOrEqual(b.left);
        }
        for (const c of out) {
          expect(c.left).toBeGreaterThanOrEqual(0);
          if (c.width <= cols * PITCH - 2) expect(c.left + c.width).toBeLessThanOrEqual(cols * PITCH - 2);
          expect(c.width).toBe(markerLabelWidth(c.markers));
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
