// Chart data from the engine's own sampling (Simulation.series: a fresh run of the same timeline,
// totals every step). This only reshapes the totals and turns counters into per-second rates.
import type { Totals } from '@/simulator';

export interface SeriesPoint {
  time: number;
  [series: string]: number;
}

export interface ChartSeries {
  lag: SeriesPoint[];
  lagKeys: string[];
  depth: SeriesPoint[];
  depthKeys: string[];
  throughput: SeriesPoint[];
  throughputKeys: string[];
}

export function chartSeries(samples: readonly { time: number; totals: Totals }[], has: { kafka: boolean; rabbitmq: boolean }): ChartSeries {
  const lag: SeriesPoint[] = [];
  const depth: SeriesPoint[] = [];
  const throughput: SeriesPoint[] = [];
  const lagKeys = new Set<string>();
  const depthKeys = new Set<string>();
  const throughputKeys = new Set<string>();
  let prev: { time: number; totals: Totals } | null = null;
  for (const s of samples) {
    const { time, totals } = s;
    const lp: SeriesPoint = { time };
    for (const [g, v] of Object.entries(totals.groupLag)) {
      lp[g] = v;
      lagKeys.add(g);
    }
    lag.push(lp);
    const dp: SeriesPoint = { time };
    for (const [q, d] of Object.entries(totals.queueDepth)) {
      dp[`${q} ready`] = d.ready;
      dp[`${q} unacked`] = d.unacked;
      depthKeys.add(`${q} ready`).add(`${q} unacked`);
    }
    depth.push(dp);
    if (prev && time > prev.time) {
      const perSec = 1000 / (time - prev.time);
      const tp: SeriesPoint = { time };
      const rate = (name: string, now: number, before: number) => {
        tp[name] = (now - before) * perSec;
        throughputKeys.add(name);
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
  return { lag, lagKeys: [...lagKeys], depth, depthKeys: [...depthKeys], throughput, throughputKeys: [...throughputKeys] };
}
