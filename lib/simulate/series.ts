// Chart data from the engine's own sampling (Simulation.series: a fresh run of the same timeline,
// totals every step). This only reshapes the totals and turns counters into per-second rates.
// A point keys each line by a generated id ("s0", "s1", …), never by a group or queue name: names
// such as "__proto__" or "constructor" are not safe object keys, and the chart library reads them
// back by key. Each line's label is its name.
import type { Totals } from '@/simulator';

export interface SeriesPoint {
  time: number;
  [line: string]: number;
}

/** One line of a chart: the key it has in every point, and what the legend says. */
export interface SeriesLine {
  key: string;
  label: string;
}

export interface ChartSeries {
  lag: SeriesPoint[];
  lagKeys: SeriesLine[];
  depth: SeriesPoint[];
  depthKeys: SeriesLine[];
  throughput: SeriesPoint[];
  throughputKeys: SeriesLine[];
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

export function chartSeries(samples: readonly { time: number; totals: Totals }[], has: { kafka: boolean; rabbitmq: boolean }): ChartSeries {
  const lag: SeriesPoint[] = [];
  const depth: SeriesPoint[] = [];
  const throughput: SeriesPoint[] = [];
  const lagLines = lines();
  const depthLines = lines();
  const throughputLines = lines();
  let prev: { time: number; totals: Totals } | null = null;
  for (const s of samples) {
    const { time, totals } = s;
    const lp: SeriesPoint = { time };
    for (const [g, v] of Object.entries(totals.groupLag)) lp[lagLines.key(g)] = v;
    lag.push(lp);
    const dp: SeriesPoint = { time };
    for (const [q, d] of Object.entries(totals.queueDepth)) {
      dp[depthLines.key(`${q} ready`)] = d.ready;
      dp[depthLines.key(`${q} unacked`)] = d.unacked;
    }
    depth.push(dp);
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
  return {
    lag,
    lagKeys: lagLines.list(),
    depth,
    depthKeys: depthLines.list(),
    throughput,
    throughputKeys: throughputLines.list(),
  };
}
