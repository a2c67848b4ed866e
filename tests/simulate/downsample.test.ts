import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capLines, maxPerBucket, type Point } from '@/lib/simulate/downsample';
import { boundsCaption, chartSeries, MAX_LINES, MAX_POINTS } from '@/lib/simulate/series';
import { createSimulation, parseScenario } from '@/simulator';
import { runs } from '../support/property';
import { fanoutFlood } from '../../e2e/fixtures/hostile-scenarios';

const series = (values: number[][]): Point[] =>
  values[0]!.map((_, i) => {
    const p: Point = { time: i * 10 };
    values.forEach((line, k) => (p[`s${k}`] = line[i]!));
    return p;
  });

/** Points at increasing times, each with a value for every key (some missing, as a line that starts late). */
const pointsArb = (keys: number) =>
  fc
    .array(fc.array(fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }), { minLength: keys, maxLength: keys }), {
      minLength: 0,
      maxLength: 400,
    })
    .map((rows) =>
      rows.map((row, i) => {
        const p: Point = { time: i * 7 };
        row.forEach((v, k) => {
          if (v !== undefined) p[`s${k}`] = v;
        });
        return p;
      }),
    );

describe('maxPerBucket', () => {
  it.each([
    ['fewer points than asked: unchanged', [[1, 5, 2]], 3, [[1, 5, 2]], 1],
    // 8 points into 4: first, two buckets of 3, last.
    ['a spike inside a bucket survives', [[0, 1, 9, 1, 1, 1, 2, 3]], 4, [[0, 9, 2, 3]], 3],
    [
      'each line keeps its own maximum',
      [
        [0, 1, 2, 3, 4],
        [9, 0, 8, 7, 0],
      ],
      4,
      [
        [0, 2, 3, 4],
        [9, 8, 7, 0],
      ],
      1 + 1,
    ],
  ])('%s', (_name, input, maxPoints, expected, perBucket) => {
    const keys = input.map((_, k) => `s${k}`);
    const out = maxPerBucket(series(input), keys, maxPoints);
    expect(out.perBucket).toBe(perBucket);
    expect(keys.map((k) => out.points.map((p) => p[k]))).toEqual(expected);
  });

  it('refuses fewer than 3 points (the first, the last and one bucket)', () => {
    expect(() => maxPerBucket(series([[1, 2, 3]]), ['s0'], 2)).toThrow(RangeError);
  });

  it('never more points than asked, the first and last as they are, times in order, and the max of every bucket kept', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((keys) => fc.tuple(fc.constant(keys), pointsArb(keys), fc.integer({ min: 3, max: 120 }))),
        ([n, points, maxPoints]) => {
          const keys = Array.from({ length: n }, (_, k) => `s${k}`);
          const { points: out, perBucket } = maxPerBucket(points, keys, maxPoints);
          expect(out.length).toBeLessThanOrEqual(Math.max(maxPoints, 0));
          if (points.length === 0) {
            expect(out).toEqual([]);
            return;
          }
          expect(out[0]).toEqual(points[0]);
          expect(out.at(-1)).toEqual(points.at(-1));
          for (let i = 1; i < out.length; i++) expect(out[i]!.time).toBeGreaterThan(out[i - 1]!.time);
          if (points.length <= maxPoints) {
            expect(out).toEqual(points);
            return;
          }
          // The buckets: runs of perBucket points between the first and the last.
          for (let start = 1, b = 1; start < points.length - 1; start += perBucket, b++) {
            const run = points.slice(start, Math.min(start + perBucket, points.length - 1));
            expect(out[b]!.time).toBe(run[0]!.time);
            for (const k of keys) {
              const values = run.map((p) => p[k]).filter((v) => v !== undefined);
              expect(out[b]![k]).toBe(values.length ? Math.max(...values) : undefined);
            }
          }
          // Every input value is at most what its bucket draws: nothing drawn lower than it was.
          const drawnMax = (k: string) => Math.max(-Infinity, ...out.map((p) => p[k] ?? -Infinity));
          for (const k of keys) expect(drawnMax(k)).toBe(Math.max(-Infinity, ...points.map((p) => p[k] ?? -Infinity)));
        },
      ),
      { numRuns: runs(200) },
    );
  });
});

describe('capLines', () => {
  it('keeps the lines with the highest peaks and sums the rest, point by point', () => {
    const points = series([
      [1, 1],
      [5, 0],
      [2, 2],
      [0, 9],
    ]);
    const capped = capLines(points, ['s0', 's1', 's2', 's3'], 3, 'more');
    expect(capped).toEqual({ kept: ['s1', 's3'], summed: ['s0', 's2'] });
    expect(points).toEqual([
      { time: 0, s1: 5, s3: 0, more: 3 },
      { time: 10, s1: 0, s3: 9, more: 3 },
    ]);
  });

  it('at most maxLines lines; the sum of every point is kept; no summed line peaks above a kept one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((keys) => fc.tuple(fc.constant(keys), pointsArb(keys), fc.integer({ min: 2, max: 9 }))),
        ([n, points, maxLines]) => {
          const keys = Array.from({ length: n }, (_, k) => `s${k}`);
          const before = points.map((p) => keys.reduce((sum, k) => sum + (p[k] ?? 0), 0));
          const peaks = new Map(keys.map((k) => [k, Math.max(-Infinity, ...points.map((p) => p[k] ?? -Infinity))]));
          const { kept, summed } = capLines(points, keys, maxLines, 'more');
          expect(kept.length + (summed.length ? 1 : 0)).toBeLessThanOrEqual(Math.max(maxLines, n <= maxLines ? n : 0));
          expect([...kept, ...summed].sort()).toEqual([...keys].sort());
          if (summed.length === 0) return;
          expect(points.map((p) => [...kept, 'more'].reduce((sum, k) => sum + (p[k] ?? 0), 0))).toEqual(before);
          const lowestKept = Math.min(...kept.map((k) => peaks.get(k)!));
          for (const k of summed) expect(peaks.get(k)!).toBeLessThanOrEqual(lowestKept);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});

describe('chartSeries bounds', () => {
  it('a 300 s run of 16 queues: at most MAX_POINTS points and MAX_LINES lines, the caption says how', () => {
    // The flood's 16 fanout queues with one publisher of 5 messages: light to run, as wide as the flood.
    const parsed = parseScenario(fanoutFlood({ publishers: 1, count: 5, bursts: 0 }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const s = chartSeries(createSimulation(parsed.scenario, 1).series(250), { kafka: false, rabbitmq: true });
    expect(s.sampleMs).toBe(250);
    expect(s.depth.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(s.depth.at(-1)!.time).toBe(300_000);
    expect(s.depthKeys).toHaveLength(MAX_LINES);
    expect(s.depthKeys.at(-1)).toEqual({ key: 'more', label: '25 more, summed' });
    expect(s.depthBounds).toEqual({ bucketMs: 1000, summed: 25 });
    expect(boundsCaption(s.depthBounds, s.sampleMs, false)).toBe(
      'Sampled every 250 ms; each point is the highest in 1 s. The 25 lines with the lowest peaks are summed into one.',
    );
    expect(boundsCaption(s.throughputBounds, s.sampleMs, true)).toBe('Rates over each 1 s.');
    // The 5 messages are in every queue at the end: the summed line holds the 25 lines' share.
    const last = s.depth.at(-1)!;
    expect(s.depthKeys.reduce((n, k) => n + last[k.key]!, 0)).toBe(16 * 5);
  });

  it('a run stopped at its start has one sample: the caption says so', () => {
    expect(boundsCaption({ bucketMs: 0, summed: 0 }, 0, false)).toBe('One sample: the run stopped at its start.');
  });
});
