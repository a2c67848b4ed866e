// Chart data: a fresh run of the same timeline sampled at even times. Every figure is the engine's
// own (snapshot totals); this only samples and turns counters into per-second rates.
import type { Intervention, Scenario, Simulation } from '@/simulator';

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

export function sampleSeries(
  create: (s: Scenario, seed: number) => Simulation,
  scenario: Scenario,
  seed: number,
  interventions: readonly { time: number; intervention: Intervention }[],
  samples = 60,
): ChartSeries {
  const sim = create(scenario, seed);
  const end = sim.endTime;
  const step = Math.max(1, Math.ceil(end / samples));
  const pending = [...interventions].sort((a, b) => a.time - b.time);
  const lag: SeriesPoint[] = [];
  const depth: SeriesPoint[] = [];
  const throughput: SeriesPoint[] = [];
  const lagKeys = new Set<string>();
  const depthKeys = new Set<string>();
  const throughputKeys = new Set<string>();
  let prev: { time: number; kIn: number; kOut: number; rIn: number; rOut: number } | null = null;
  for (let t = 0; ; t = Math.min(end, t + step)) {
    while (pending.length && pending[0]!.time <= t) {
      const iv = pending.shift()!;
      sim.runUntil(iv.time);
      sim.intervene(iv.intervention);
    }
    sim.runUntil(t);
    const { totals, kafka, rabbitmq } = sim.snapshot();
    const lp: SeriesPoint = { time: t };
    for (const [g, v] of Object.entries(totals.groupLag)) {
      lp[g] = v;
      lagKeys.add(g);
    }
    lag.push(lp);
    const dp: SeriesPoint = { time: t };
    for (const [q, d] of Object.entries(totals.queueDepth)) {
      dp[`${q} ready`] = d.ready;
      dp[`${q} unacked`] = d.unacked;
      depthKeys.add(`${q} ready`).add(`${q} unacked`);
    }
    depth.push(dp);
    const now = { time: t, kIn: totals.kafkaProduced, kOut: totals.kafkaProcessed, rIn: totals.rabbitPublished, rOut: totals.rabbitAcked };
    if (prev && t > prev.time) {
      const perSec = 1000 / (t - prev.time);
      const tp: SeriesPoint = { time: t };
      if (kafka) {
        tp['Kafka produced/s'] = (now.kIn - prev.kIn) * perSec;
        tp['Kafka processed/s'] = (now.kOut - prev.kOut) * perSec;
        throughputKeys.add('Kafka produced/s').add('Kafka processed/s');
      }
      if (rabbitmq) {
        tp['RabbitMQ published/s'] = (now.rIn - prev.rIn) * perSec;
        tp['RabbitMQ acked/s'] = (now.rOut - prev.rOut) * perSec;
        throughputKeys.add('RabbitMQ published/s').add('RabbitMQ acked/s');
      }
      throughput.push(tp);
    }
    prev = now;
    if (t >= end) break;
  }
  return { lag, lagKeys: [...lagKeys], depth, depthKeys: [...depthKeys], throughput, throughputKeys: [...throughputKeys] };
}
