// Chart data from the engine's own sampling (Simulation.series: a fresh run of the same timeline,
// totals every step). This only reshapes the totals and turns counters into per-second rates.
// A point keys each line by a generated id ("s0", "s1", …), never by a group or queue name: names
// such as "__proto__" or "constructor" are not safe object keys, and the chart library reads them
// back by key. Each line's label is its name.
import type { Totals } from '@/simulator';
import { capLines, maxPerBucket } from './downsample';

/** At most this many points a line (about one per pixel of a chart on a phone, one per two on a desktop): with the worker's 1,200 samples a run, each point is the highest of 4. */
export const MAX_POINTS = 320;
/** At most this many lines a chart: the ones reaching the highest values, and the rest summed into one. */
export const MAX_LINES = 8;

export interface SeriesPoint {
  time: number;
  [line: string]: number;
}

/** One line of a chart: the key it has in every point, and what the legend says. */
export interface SeriesLine {
  key: string;
  label: string;
}

/**
 * How a chart was bounded: each point is the highest value in `bucketMs` (the sampling step when nothing
 * was merged; for rates, the span each rate is over); `summed` lines are one "more" line.
 */
export interface ChartBounds {
  bucketMs: number;
  summed: number;
}

export interface ChartSeries {
  lag: SeriesPoint[];
  lagKeys: SeriesLine[];
  depth: SeriesPoint[];
  depthKeys: SeriesLine[];
  throughput: SeriesPoint[];
  throughputKeys: SeriesLine[];
  /** The engine's sampling step (ms): totals are read every `sampleMs`, rates are over each `sampleMs`. */
  sampleMs: number;
  lagBounds: ChartBounds;
  depthBounds: ChartBounds;
  throughputBounds: ChartBounds;
}

/** Caps a chart's lines at `maxLines` and its points at `maxPoints` (see downsample.ts). */
function bound(points: SeriesPoint[], lines: SeriesLine[], sampleMs: number, limits: { maxPoints: number; maxLines: number }) {
  const { kept, summed } = capLines(
    points,
    lines.map((l) => l.key),
    limits.maxLines,
    'more',
  );
  const keys: SeriesLine[] = lines.filter((l) => kept.includes(l.key));
  if (summed.length > 0) keys.push({ key: 'more', label: `${summed.length} more, summed` });
  const down = maxPerBucket(
    points,
    keys.map((k) => k.key),
    limits.maxPoints,
  );
  return { points: down.points, keys, bounds: { bucketMs: down.perBucket * sampleMs, summed: summed.length } };
}

/** Hands out one key per label, in first-seen order. */
function lines() {
  const byLabel = new Map<string, string>();
  return {
    key(label: string): string {
      let k = byLabel.get(label);
      if (k === undefined) byLabel.set(label, (k = `s${byLabel.size}`));
      return k;
    },
    list(): SeriesLine[] {
      return [...byLabel].map(([label, key]) => ({ key, label }));
    },
  };
}

export function chartSeries(
  samples: readonly { time: number; totals: Totals }[],
  has: { kafka: boolean; rabbitmq: boolean },
  limits = { maxPoints: MAX_POINTS, maxLines: MAX_LINES },
): ChartSeries {
  const lag: SeriesPoint[] = [];
  const depth: SeriesPoint[] = [];
  const throughput: SeriesPoint[] = [];
  const lagLines = lines();
  const depthLines = lines();
  const throughputLines = lines();
  for (const { time, totals } of samples) {
    const lp: SeriesPoint = { time };
    for (const [g, v] of Object.entries(totals.groupLag)) lp[lagLines.key(g)] = v;
    lag.push(lp);
    const dp: SeriesPoint = { time };
    for (const [q, d] of Object.entries(totals.queueDepth)) {
      dp[depthLines.key(`${q} ready`)] = d.ready;
      dp[depthLines.key(`${q} unacked`)] = d.unacked;
    }
    depth.push(dp);
  }
  // Rates come from counters, so fewer points need no maximum: each is the exact rate over a longer
  // span (every `every` samples), which also keeps one sample's few messages from reading as noise.
  const every = Math.max(1, Math.ceil((samples.length - 1) / limits.maxPoints));
  let prev: { time: number; totals: Totals } | null = null;
  for (const [i, s] of samples.entries()) {
    if (i % every !== 0 && i !== samples.length - 1) continue;
    const { time, totals } = s;
    if (prev && time > prev.time) {
      const perSec = 1000 / (time - prev.time);
      const tp: SeriesPoint = { time };
      const rate = (name: string, now: number, before: number) => {
        tp[throughputLines.key(name)] = (now - before) * perSec;
      };
      if (has.kafka) {
        rate('Kafka produced/s', totals.kafkaProduced, prev.totals.kafkaProduced);
        rate('Kafka processed/s', totals.kafkaProcessed, prev.totals.kafkaProcessed);
      }
      if (has.rabbitmq) {
        rate('RabbitMQ published/s', totals.rabbitPublished, prev.totals.rabbitPublished);
        rate('RabbitMQ acked/s', totals.rabbitAcked, prev.totals.rabbitAcked);
      }
      throughput.push(tp);
    }
    prev = s;
  }
  const sampleMs = samples.length > 1 ? samples[1]!.time - samples[0]!.time : 0;
  const l = bound(lag, lagLines.list(), sampleMs, limits);
  const d = bound(depth, depthLines.list(), sampleMs, limits);
  const t = bound(throughput, throughputLines.list(), sampleMs * every, limits);
  return {
    lag: l.points,
    lagKeys: l.keys,
    depth: d.points,
    depthKeys: d.keys,
    throughput: t.points,
    throughputKeys: t.keys,
    sampleMs,
    lagBounds: l.bounds,
    depthBounds: d.bounds,
    throughputBounds: t.bounds,
  };
}

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms) / 1000} s`);

/** What a chart's caption says about how its lines were sampled and bounded (`rates`: the throughput chart). */
export function boundsCaption(bounds: ChartBounds, sampleMs: number, rates: boolean): string {
  if (sampleMs === 0) return 'One sample: the run stopped at its start.';
  const sampled = rates ? `Rates over each ${duration(bounds.bucketMs)}` : `Sampled every ${duration(sampleMs)}`;
  const merged = !rates && bounds.bucketMs > sampleMs ? `; each point is the highest in ${duration(bounds.bucketMs)}` : '';
  const summed = bounds.summed > 0 ? ` The ${bounds.summed} lines with the lowest peaks are summed into one.` : '';
  return `${sampled}${merged}.${summed}`;
}
