// Engine benchmark: (a) 1,000,000 keyed Kafka records through 6 partitions read by two groups,
// (b) 1,000,000 RabbitMQ messages through a topic exchange into 4 queues with 3 consumers each
// (prefetch 10, manual ack), (c) seek to random points in a 100,000-event run.
// Run: npx tsx --expose-gc scripts/bench-engine.ts (or npm run bench:engine). Writes bench/engine.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createSimulation } from '../simulator/simulation';
import { scenarioSchema, type ScenarioInput } from '../simulator/schema';
import { Random } from '../simulator/core/random';

const N = 1_000_000;
const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

// Bypasses parseScenario's browser-safety caps (rates, counts) on purpose: this is a load test.
function unchecked(input: ScenarioInput) {
  return scenarioSchema.parse({ ...input, durationMs: 1000 }) && ({ ...scenarioSchema.parse({ ...input, durationMs: 1000 }), durationMs: input.durationMs } as ReturnType<typeof scenarioSchema.parse>);
}

function kafkaScenario() {
  const s = unchecked({
    version: 1,
    durationMs: 2000,
    kafka: {
      topics: [{ name: 'bench', partitions: 6, segmentBytes: 1_000_000_000 }],
      producers: [{ id: 'p', topic: 'bench', keys: { prefix: 'key-', count: 1000 }, ratePerSec: 1, count: 1, valueBytes: 100 }],
      groups: [
        { id: 'g1', topics: ['bench'], autoOffsetReset: 'earliest', autoCommitIntervalMs: 100, consumers: [{ id: 'a', maxPollRecords: 500, processingMsPerRecord: 0, pollIntervalMs: 1 }, { id: 'b', maxPollRecords: 500, processingMsPerRecord: 0, pollIntervalMs: 1 }] },
        { id: 'g2', topics: ['bench'], autoOffsetReset: 'earliest', enableAutoCommit: false, consumers: [{ id: 'c', maxPollRecords: 500, processingMsPerRecord: 0, pollIntervalMs: 1 }] },
      ],
    },
  });
  const p = s.kafka!.producers[0]!;
  p.ratePerSec = N; // 1,000 records per simulated ms
  p.count = N;
  for (const g of s.kafka!.groups) g.rebalanceDelayMs = 0;
  return s;
}

function rabbitScenario(processingMs: number) {
  const s = unchecked({
    version: 1,
    durationMs: 1000,
    rabbitmq: {
      exchanges: [{ name: 'metrics', type: 'topic' }],
      queues: [{ name: 'q1' }, { name: 'q2' }, { name: 'q3' }, { name: 'q4' }],
      bindings: [
        { exchange: 'metrics', queue: 'q1', bindingKey: '*.cpu' },
        { exchange: 'metrics', queue: 'q2', bindingKey: 'eu.#' },
        { exchange: 'metrics', queue: 'q3', bindingKey: '#' },
        { exchange: 'metrics', queue: 'q4', bindingKey: '*.*' },
      ],
      publishers: [{ id: 'p', exchange: 'metrics', routingKeys: ['eu.cpu'], ratePerSec: 1, count: 1 }],
      consumers: ['q1', 'q2', 'q3', 'q4'].flatMap((q) => [1, 2, 3].map((i) => ({ id: `${q}-c${i}`, queue: q, prefetchCount: 10, processingMs }))),
    },
  });
  const p = s.rabbitmq!.publishers[0]!;
  p.count = N;
  if (processingMs === 0) {
    p.ratePerSec = N / 10; // 100 messages per simulated ms
    s.durationMs = 100_000;
  } else {
    // 3 consumers × 1 message/ms per queue: publish at the rate they drain.
    p.ratePerSec = 3000;
    s.durationMs = Math.ceil(N / 3) + 10_000;
  }
  return s;
}

interface Row {
  name: string;
  messages: number;
  seconds: number;
  msgsPerSec: number;
  retained: number;
  heapBytesPerRetained: number | null;
  note: string;
}

function runThroughput(name: string, scenario: ReturnType<typeof unchecked>, retainedOf: (s: ReturnType<typeof createSimulation>) => number, note: string): Row {
  const before = heapUsed();
  const t0 = performance.now();
  const sim = createSimulation(scenario, 1, { recordEvents: false, checkpointEvery: 0 });
  sim.runUntil(sim.endTime);
  const seconds = (performance.now() - t0) / 1000;
  const after = heapUsed();
  const retained = retainedOf(sim);
  const totals = (sim as unknown as { world: { counters: Record<string, number> } }).world.counters;
  void totals;
  const row: Row = {
    name,
    messages: N,
    seconds,
    msgsPerSec: Math.round(N / seconds),
    retained,
    heapBytesPerRetained: retained > 0 ? Math.round((after - before) / retained) : null,
    note,
  };
  // Keep the simulation alive until after the heap measurement.
  if (sim.time < 0) console.log(sim);
  return row;
}

const rows: Row[] = [];

rows.push(
  runThroughput(
    'kafka: 1M keyed records, 6 partitions, 2 groups',
    kafkaScenario(),
    (sim) => {
      const w = (sim as unknown as { world: { counters: { kafkaProduced: number; kafkaProcessed: number } } }).world;
      if (w.counters.kafkaProduced !== N || w.counters.kafkaProcessed !== 2 * N) throw new Error(`kafka bench incomplete: ${JSON.stringify(w.counters)}`);
      return N;
    },
    'records stay in the log (retained = 1M); each record read by both groups; event log off',
  ),
);

for (const processingMs of [0, 1]) {
  rows.push(
    runThroughput(
      `rabbitmq: 1M msgs, topic exchange → 4 queues × 3 consumers, prefetch 10, processing ${processingMs} ms`,
      rabbitScenario(processingMs),
      (sim) => {
        const w = (sim as unknown as { world: { counters: { rabbitPublished: number; rabbitAcked: number } } }).world;
        if (w.counters.rabbitPublished !== N || w.counters.rabbitAcked !== 4 * N) throw new Error(`rabbit bench incomplete: ${JSON.stringify(w.counters)}`);
        const snap = sim.snapshot();
        return snap.rabbitmq!.queues.reduce((n, q) => n + q.ready.length + q.unacked.length, 0);
      },
      'msgs/s counts published messages; each is routed to 4 queues, delivered and acked 4 times (4M deliveries); acked messages are deleted, so few are retained; event log off',
    ),
  );
}

// (c) seek in a 100,000-event run (event log on, checkpoints every 1,000 tasks).
function seekBench() {
  const s = unchecked({
    version: 1,
    durationMs: 60_000,
    kafka: {
      topics: [{ name: 't', partitions: 3 }],
      producers: [{ id: 'p', topic: 't', keys: { prefix: 'k', count: 50 }, ratePerSec: 1, count: 1 }],
      groups: [{ id: 'g', topics: ['t'], autoOffsetReset: 'earliest', consumers: [{ id: 'a', maxPollRecords: 5, processingMsPerRecord: 2 }, { id: 'b', maxPollRecords: 5, processingMsPerRecord: 2 }] }],
    },
    rabbitmq: {
      exchanges: [{ name: 'x', type: 'topic' }],
      queues: [{ name: 'q1' }, { name: 'q2' }],
      bindings: [
        { exchange: 'x', queue: 'q1', bindingKey: 'a.*' },
        { exchange: 'x', queue: 'q2', bindingKey: '#' },
      ],
      publishers: [{ id: 'r', exchange: 'x', routingKeys: ['a.b', 'c.d'], ratePerSec: 1, count: 1 }],
      consumers: [
        { id: 'c1', queue: 'q1', prefetchCount: 5, processingMs: 8 },
        { id: 'c2', queue: 'q2', prefetchCount: 5, processingMs: 8 },
      ],
    },
  });
  s.kafka!.producers[0]!.ratePerSec = 200;
  s.kafka!.producers[0]!.count = 12_000;
  s.rabbitmq!.publishers[0]!.ratePerSec = 200;
  s.rabbitmq!.publishers[0]!.count = 12_000;
  const t0 = performance.now();
  const sim = createSimulation(s, 7);
  sim.runUntil(sim.endTime);
  const buildMs = performance.now() - t0;
  const events = sim.events().length;
  const rng = new Random(123);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = rng.int(sim.endTime + 1);
    const a = performance.now();
    sim.seek(t);
    times.push(performance.now() - a);
  }
  times.sort((x, y) => x - y);
  return { events, buildMs, seeks: times.length, medianMs: times[times.length >> 1]!, maxMs: times[times.length - 1]! };
}

const seek = seekBench();

const table = [
  ...rows.map((r) => ({
    case: r.name,
    'msgs/s': r.msgsPerSec.toLocaleString('en'),
    seconds: r.seconds.toFixed(2),
    retained: r.retained.toLocaleString('en'),
    'heap B/retained msg': r.heapBytesPerRetained ?? '—',
  })),
];
console.table(table);
console.log(`seek: ${seek.events.toLocaleString('en')} events (built in ${seek.buildMs.toFixed(0)} ms), ${seek.seeks} random seeks: median ${seek.medianMs.toFixed(2)} ms, max ${seek.maxMs.toFixed(2)} ms`);
if (!gc) console.log('note: run with --expose-gc for exact heap figures');

mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/engine.json',
  JSON.stringify(
    {
      node: process.version,
      gcExposed: Boolean(gc),
      targets: { msgsPerSec: 1_000_000, heapBytesPerRetained: 200, seekMs: 50 },
      throughput: rows,
      seek,
    },
    null,
    2,
  ) + '\n',
);
