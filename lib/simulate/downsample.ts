// Bounding what a chart draws (issue #20 item 5: opening the charts never blocks input for long).
// The chart library's cost grows with the lines it draws and the points in each, so the worker hands
// the page at most `maxLines` lines of at most `maxPoints` points, and the page says so.

/** One moment of a chart: its time and one value per line key. */
export interface Point {
  time: number;
  [line: string]: number;
}

/**
 * At most `maxPoints` points: the first and last as they are, and the points between in equal runs
 * of consecutive points (buckets), each drawn as one point at its first point's time holding the
 * highest value of each line in the run, so no spike is lost. `perBucket` is how many points a
 * bucket holds (1: nothing was merged).
 */
export function maxPerBucket<P extends Point>(
  points: readonly P[],
  keys: readonly string[],
  maxPoints: number,
): { points: P[]; perBucket: number } {
  if (!Number.isInteger(maxPoints) || maxPoints < 3) throw new RangeError(`maxPoints must be an integer ≥ 3, got ${maxPoints}`);
  if (points.length <= maxPoints) return { points: points.slice(), perBucket: 1 };
  const inner = points.length - 2;
  const perBucket = Math.ceil(inner / (maxPoints - 2));
  const out: P[] = [points[0]!];
  for (let start = 1; start <= inner; start += perBucket) {
    const end = Math.min(start + perBucket, inner + 1);
    const p = { time: points[start]!.time } as P;
    for (const k of keys) {
      let max = -Infinity;
      for (let i = start; i < end; i++) {
        const v = points[i]![k];
        if (v !== undefined && v > max) max = v;
      }
      if (max !== -Infinity) (p as Point)[k] = max;
    }
    out.push(p);
  }
  out.push(points.at(-1)!);
  return { points: out, perBucket };
}

/** Where `maxLines` lines are too few: the lines kept (by their highest value) and the rest summed into one. */
export interface Capped {
  kept: string[];
  /** The lines summed into `othersKey`, in their order. */
  summed: string[];
}

/**
 * Keeps the `maxLines - 1` lines that reach the highest values (ties: the earlier line) and sums the
 * rest, point by point, into `othersKey`; with `maxLines` lines or fewer, nothing changes.
 */
export function capLines<P extends Point>(points: P[], keys: readonly string[], maxLines: number, othersKey: string): Capped {
  if (keys.length <= maxLines) return { kept: keys.slice(), summed: [] };
  const peak = new Map(keys.map((k) => [k, -Infinity]));
  for (const p of points) for (const k of keys) if ((p[k] ?? -Infinity) > peak.get(k)!) peak.set(k, p[k]!);
  const ranked = keys
    .map((k, i) => ({ k, i }))
    .sort((a, b) => peak.get(b.k)! - peak.get(a.k)! || a.i - b.i)
    .slice(0, maxLines - 1);
  const keep = new Set(ranked.map((r) => r.k));
  const kept = keys.filter((k) => keep.has(k));
  const summed = keys.filter((k) => !keep.has(k));
  for (const p of points) {
    let sum = 0;
    for (const k of summed) {
      sum += p[k] ?? 0;
      delete (p as Point)[k];
    }
    (p as Point)[othersKey] = sum;
  }
  return { kept, summed };
}
