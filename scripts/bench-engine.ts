// Engine benchmark: (a) 1,000,000 keyed Kafka records through 6 partitions read by two groups,
// (b) 1,000,000 RabbitMQ messages through a topic exchange into 4 queues with 3 consumers each
// (prefetch 10, manual ack), (c) seek to random points in a 100,000-event run, (d) 1,000,000 messages
// through a 3-member quorum queue on 3 nodes, (e) 1,000,000 records through a 3-broker Kafka cluster
// with replication factor 3 and acks=all, (f) 1,000,000 records through a share group.
// Run: npx tsx --expose-gc scripts/bench-engine.ts (or npm run bench:engine). Writes bench/engine.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
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
  // Typed arrays live outside the JS heap (arrayBuffers), so count both.
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

// Bypasses parseScenario's browser-safety caps (rates, counts) on purpose: this is a load test.
function unchecked(input: ScenarioInput) {
  return { ...scenarioSchema.parse({ ...input, durationMs: 1000 }), durationMs: input.durationMs };
}

function kafkaScenario() {
  const s = unchecked({
    version: 1,
    durationMs: 2000,
    kafka: {
      topics: [{ name: 'bench', partitions: 6, segmentBytes: 1_000_000_000 }],
      producers: [{ id: 'p', topic: 'bench', keys: { prefix: 'key-', count: 1000 }, ratePerSec: 1, count: 1, valueBytes: 100 }],
      groups: [
        {
          id: 'g1',
          topics: ['bench'],
          autoOffsetReset: 'earliest',
          autoCommitIntervalMs: 100,
          consumers: [
            { id: 'a', maxPollRecords: 500, processingMsPerRecord: 0, pollIntervalMs: 1 },
            { id: 'b', maxPollRecords: 500, processingMsPerRecord: 0, pollIntervalMs: 1 },
          ],
        },
        {
          id: 'g2',
          topics: ['bench'],
          autoOffsetReset: 'earliest',
          enableAutoCommit: false,
          consumers: [{ id: 'c', maxPollRecords: 500, processingMsPerRecord: 0, pollIntervalMs: 1 }],
        },
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
      consumers: ['q1', 'q2', 'q3', 'q4'].flatMap((q) =>
        [1, 2, 3].map((i) => ({ id: `${q}-c${i}`, queue: q, prefetchCount: 10, processingMs })),
      ),
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
  secondsAllRuns: number[];
  msgsPerSec: number;
  retained: number;
  heapBytesPerRetained: number | null;
  note: string;
}

const REPEATS = 3;

// Best of REPEATS runs: other work on a shared machine only ever slows a run down.
function runThroughput(
  name: string,
  scenario: ReturnType<typeof unchecked>,
  retainedOf: (s: ReturnType<typeof createSimulation>) => number,
  note: string,
): Row {
  const runs: number[] = [];
  let row: Row | null = null;
  for (let rep = 0; rep < REPEATS; rep++) {
    const before = heapUsed();
    const t0 = performance.now();
    const sim = createSimulation(scenario, 1, { recordEvents: false, checkpointEvery: 0, budget: Infinity });
    sim.runUntil(sim.endTime);
    runs.push((performance.now() - t0) / 1000);
    const after = heapUsed();
    const retained = retainedOf(sim);
    row ??= {
      name,
      messages: N,
      seconds: 0,
      secondsAllRuns: [],
      msgsPerSec: 0,
      retained,
      heapBytesPerRetained: retained > 0 ? Math.round((after - before) / retained) : null,
      note,
    };
    // Keep the simulation alive until after the heap measurement.
    if (sim.time < 0) console.log(sim);
  }
  const seconds = Math.min(...runs);
  return { ...row!, seconds, secondsAllRuns: runs.map((x) => Number(x.toFixed(3))), msgsPerSec: Math.round(N / seconds) };
}

const rows: Row[] = [];

rows.push(
  runThroughput(
    'kafka: 1M keyed records, 6 partitions, 2 groups',
    kafkaScenario(),
    (sim) => {
      const w = (sim as unknown as { world: { counters: { kafkaProduced: number; kafkaProcessed: number } } }).world;
      if (w.counters.kafkaProduced !== N || w.counters.kafkaProcessed !== 2 * N)
        throw new Error(`kafka bench incomplete: ${JSON.stringify(w.counters)}`);
      return N;
    },
    'records stay in the log (retained = 1M); each record read by both groups (2M reads); event log off; heap + array buffers',
  ),
);

for (const processingMs of [0, 1]) {
  rows.push(
    runThroughput(
      `rabbitmq: 1M msgs, topic exchange → 4 queues × 3 consumers, prefetch 10, processing ${processingMs} ms`,
      rabbitScenario(processingMs),
      (sim) => {
        const w = (sim as unknown as { world: { counters: { rabbitPublished: number; rabbitAcked: number } } }).world;
        if (w.counters.rabbitPublished !== N || w.counters.rabbitAcked !== 4 * N)
          throw new Error(`rabbit bench incomplete: ${JSON.stringify(w.counters)}`);
        const snap = sim.snapshot();
        return snap.rabbitmq!.queues.reduce((n, q) => n + q.ready.length + q.unacked.length, 0);
      },
      'msgs/s counts published messages; each is routed to 4 queues, delivered and acked 4 times (4M deliveries); acked messages are deleted, so few are retained; event log off',
    ),
  );
}

// (e) the cluster model (#16): 1M records, 3 brokers, 3 partitions replicated 3 times, acks=all
// (min.insync.replicas=2): every record appended by the leader, fetched by two followers, the high
// watermark moved and the producer acknowledged.
function kafkaClusterScenario() {
  const s = unchecked({
    version: 1,
    durationMs: 2000,
    kafka: {
      brokers: 3,
      topics: [{ name: 'bench', partitions: 3, replicationFactor: 3, minInsyncReplicas: 2, segmentBytes: 1_000_000_000 }],
      producers: [
        { id: 'p', topic: 'bench', acks: 'all', keys: { prefix: 'key-', count: 1000 }, ratePerSec: 1, count: 1, valueBytes: 100 },
      ],
    },
  });
  const p = s.kafka!.producers[0]!;
  p.ratePerSec = N;
  p.count = N;
  return s;
}

rows.push(
  runThroughput(
    'kafka cluster: 1M records, 3 brokers, RF 3, acks=all',
    kafkaClusterScenario(),
    (sim) => {
      const ledger = sim.snapshot({ maxRecordsPerPartition: 0 }).kafka!.cluster!.ledger[0]!;
      if (ledger.acknowledged !== N) throw new Error(`cluster bench incomplete: ${JSON.stringify(ledger)}`);
      return N;
    },
    'each record on 3 replicas (leader append, 2 follower fetches), high watermark, acks=all acknowledgement; retained = 1M records (3 copies); event log off',
  ),
);

// (f) a share group (#17): 1M records over 3 partitions, 6 share consumers (2 per partition), each
// record acquired under a lock and acknowledged (implicit mode).
function shareGroupScenario() {
  const s = unchecked({
    version: 1,
    durationMs: 2000,
    kafka: {
      topics: [{ name: 'bench', partitions: 3, segmentBytes: 1_000_000_000 }],
      producers: [{ id: 'p', topic: 'bench', keys: { prefix: 'key-', count: 1000 }, ratePerSec: 1, count: 1, valueBytes: 100 }],
      shareGroups: [
        {
          id: 'sg',
          topics: ['bench'],
          shareAutoOffsetReset: 'earliest',
          consumers: Array.from({ length: 6 }, (_, i) => ({
            id: `s${i}`,
            maxPollRecords: 500,
            processingMsPerRecord: 0,
            pollIntervalMs: 1,
          })),
        },
      ],
    },
  });
  const p = s.kafka!.producers[0]!;
  p.ratePerSec = N;
  p.count = N;
  return s;
}

rows.push(
  runThroughput(
    'kafka share group: 1M records, 3 partitions, 6 share consumers',
    shareGroupScenario(),
    (sim) => {
      const parts = sim.snapshot({ maxRecordsPerPartition: 0 }).kafka!.shareGroups![0]!.partitions;
      const acknowledged = parts.reduce((n, x) => n + x.acknowledged, 0);
      if (acknowledged !== N) throw new Error(`share-group bench incomplete: ${acknowledged} of ${N} acknowledged`);
      return N;
    },
    'each record acquired (delivery count, lock) and acknowledged once, the start offset moved; retained = 1M records in the log; event log off',
  ),
);

// (d) a 3-member quorum queue on a 3-node cluster: every message is replicated to 3 members, committed
// by a majority, delivered to one of 3 consumers (one per node) and acked (#16, #17). (With publisher
// confirms on top it measured about 1.0–1.15 M messages per CPU-second on the shared machine.)
function quorumScenario() {
  const s = unchecked({
    version: 1,
    durationMs: 1000,
    rabbitmq: {
      nodes: 3,
      queues: [{ name: 'qq', type: 'quorum', homeNode: 1 }],
      publishers: [{ id: 'p', routingKeys: ['qq'], ratePerSec: 1, count: 1, node: 2 }],
      consumers: [1, 2, 3].map((n) => ({ id: `c${n}`, queue: 'qq', node: n, prefetchCount: 10, processingMs: 0 })),
    },
  });
  const p = s.rabbitmq!.publishers[0]!;
  p.count = N;
  p.ratePerSec = N / 10;
  s.durationMs = 100_000;
  return s;
}
rows.push(
  runThroughput(
    'rabbitmq: 1M msgs through a 3-member quorum queue (3 nodes), 3 consumers, prefetch 10',
    quorumScenario(),
    (sim) => {
      const w = (sim as unknown as { world: { counters: { rabbitPublished: number; rabbitAcked: number } } }).world;
      const qq = sim.snapshot({ maxMessagesPerQueue: 0 }).rabbitmq!.queues[0]!.quorum!;
      if (w.counters.rabbitPublished !== N || w.counters.rabbitAcked !== N || qq.commitIndex !== N || qq.members.length !== 3)
        throw new Error(`quorum bench incomplete: ${JSON.stringify({ ...w.counters, commitIndex: qq.commitIndex })}`);
      return 0;
    },
    'each message is written to 3 members, committed by a majority, delivered and acked; event log off',
  ),
);

// (b, memory) the same 1M messages with no consumers: every message stays queued, 4 copies each.
{
  const s = rabbitScenario(0);
  s.rabbitmq!.consumers = [];
  rows.push(
    runThroughput(
      'rabbitmq: 1M msgs retained (no consumers), topic exchange → 4 queues',
      s,
      (sim) => {
        const queues = sim.snapshot({ maxMessagesPerQueue: 0 }).rabbitmq!.queues;
        const copies = queues.reduce((n, q) => n + q.readyCount, 0);
        if (copies !== 4 * N) throw new Error(`expected ${4 * N} queued copies, got ${copies}`);
        return N;
      },
      'retained = 1M messages, each held by 4 queues (one shared message record + 4 queue entries); event log off',
    ),
  );
}

// (c) seek in a 100,000-event run (event log on, checkpoints every 1,000 tasks).
async function seekBench() {
  const s = unchecked({
    version: 1,
    durationMs: 60_000,
    kafka: {
      topics: [{ name: 't', partitions: 3 }],
      producers: [{ id: 'p', topic: 't', keys: { prefix: 'k', count: 50 }, ratePerSec: 1, count: 1 }],
      groups: [
        {
          id: 'g',
          topics: ['t'],
          autoOffsetReset: 'earliest',
          consumers: [
            { id: 'a', maxPollRecords: 5, processingMsPerRecord: 2 },
            { id: 'b', maxPollRecords: 5, processingMsPerRecord: 2 },
          ],
        },
      ],
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
  s.kafka!.producers[0]!.ratePerSec = 220;
  s.kafka!.producers[0]!.count = 13_000;
  s.rabbitmq!.publishers[0]!.ratePerSec = 220;
  s.rabbitmq!.publishers[0]!.count = 13_000;
  const t0 = performance.now();
  const sim = createSimulation(s, 7, { budget: Infinity });
  sim.runUntil(sim.endTime);
  const buildMs = performance.now() - t0;
  const events = sim.events().length;
  const rng = new Random(123);
  // Garbage-collector pauses, to tell the engine's own time from GC in the slowest seeks.
  const gcs: { start: number; end: number }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  obs.observe({ entryTypes: ['gc'] });
  // Warm-up seeks (not counted) so the figures are not the JIT compiling the restore path.
  for (let i = 0; i < 20; i++) sim.seek(rng.int(sim.endTime + 1));
  const spans: { start: number; end: number }[] = [];
  // CPU time used by this process per seek: what the seek costs when the machine is not shared.
  const cpuMs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = rng.int(sim.endTime + 1);
    const cpu = process.cpuUsage();
    const a = performance.now();
    sim.seek(t);
    spans.push({ start: a, end: performance.now() });
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  const times = spans.map((s) => s.end - s.start).sort((x, y) => x - y);
  const withoutGc = spans
    .map((s) => s.end - s.start - gcs.reduce((n, g) => n + Math.max(0, Math.min(s.end, g.end) - Math.max(s.start, g.start)), 0))
    .sort((x, y) => x - y);
  return {
    events,
    buildMs,
    seeks: times.length,
    medianMs: times[times.length >> 1]!,
    p95Ms: times[Math.floor(times.length * 0.95)]!,
    maxMs: times[times.length - 1]!,
    maxWithoutGcMs: withoutGc[withoutGc.length - 1]!,
    cpuMs: (() => {
      const c = cpuMs.sort((x, y) => x - y);
      return { median: c[c.length >> 1]!, p95: c[Math.floor(c.length * 0.95)]!, max: c[c.length - 1]! };
    })(),
  };
}

const seek = await seekBench();

const table = [
  ...rows.map((r) => ({
    case: r.name,
    'msgs/s': r.msgsPerSec.toLocaleString('en'),
    'seconds (best of 3)': r.seconds.toFixed(2),
    retained: r.retained.toLocaleString('en'),
    'heap B/retained msg': r.heapBytesPerRetained ?? '—',
  })),
];
console.table(table);
console.log(
  `seek: ${seek.events.toLocaleString('en')} events (built in ${seek.buildMs.toFixed(0)} ms), ${seek.seeks} random seeks: median ${seek.medianMs.toFixed(2)} ms, p95 ${seek.p95Ms.toFixed(2)} ms, max ${seek.maxMs.toFixed(2)} ms (max ${seek.maxWithoutGcMs.toFixed(2)} ms not counting garbage-collector pauses); CPU time per seek: median ${seek.cpuMs.median.toFixed(2)} ms, p95 ${seek.cpuMs.p95.toFixed(2)} ms, max ${seek.cpuMs.max.toFixed(2)} ms`,
);
if (!gc) console.log('note: run with --expose-gc for exact heap figures');

mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/engine.json',
  JSON.stringify(
    {
      node: process.version,
      // The machine is shared: the load average says how much other work competed with this run.
      loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
      gcExposed: Boolean(gc),
      targets: { msgsPerSec: 1_000_000, heapBytesPerRetained: 200, seekMs: 50 },
      throughput: rows,
      seek,
      // The shape scripts/bench.mjs prints: one row per budget.
      rows: [
        ...rows.map((r) => ({
          name: `${r.name}: msgs/s`,
          budget: '≥ 1,000,000',
          measured: r.msgsPerSec.toLocaleString('en'),
          pass: r.msgsPerSec >= 1_000_000,
          note: r.note,
        })),
        ...rows
          .filter((r) => r.heapBytesPerRetained !== null)
          .map((r) => ({
            name: `${r.name}: heap bytes per retained message`,
            budget: '≤ 200',
            measured: String(r.heapBytesPerRetained),
            pass: r.heapBytesPerRetained! <= 200,
            note: gc ? '' : 'run with --expose-gc for exact figures',
          })),
        {
          name: `seek in a ${seek.events.toLocaleString('en')}-event run: median`,
          budget: '≤ 50 ms',
          measured: `${seek.medianMs.toFixed(2)} ms`,
          pass: seek.medianMs <= 50,
        },
        {
          name: `seek in a ${seek.events.toLocaleString('en')}-event run: p95`,
          budget: '≤ 50 ms',
          measured: `${seek.p95Ms.toFixed(2)} ms`,
          pass: seek.p95Ms <= 50,
        },
        {
          name: `seek in a ${seek.events.toLocaleString('en')}-event run: max of ${seek.seeks}`,
          budget: '≤ 50 ms',
          measured: `${seek.maxMs.toFixed(2)} ms`,
          pass: seek.maxMs <= 50,
          note: `${seek.maxWithoutGcMs.toFixed(2)} ms without garbage-collector pauses; CPU time max ${seek.cpuMs.max.toFixed(2)} ms (wall time includes waiting for a shared CPU)`,
        },
      ],
    },
    null,
    2,
  ) + '\n',
);
