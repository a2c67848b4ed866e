// Retention by time and by size with tiny segments: the same records (same keys, values, timestamps)
// in a real topic and in the engine; which segments remain, the log start offset, the log-end offset
// and the offsets still readable must agree, including a partition whose every record expired.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '@/tests/support/property';
import { runKafkaScenario, Tally, topicView } from './kafka-engine';
import { harnessForFile, kafkaRunId, localSegments, slowLogChecks, untilKafka, type KafkaRecord } from './kafka-harness';

const harness = harnessForFile();
const tally = new Tally('retention');

// Fixed-size records (4-byte keys and values), each produced as its own batch, so a segment holds an
// exact number of records on both sides. Kafka's batch size is measured once; the engine's record
// size is key bytes + 100 (its seeded records' valueBytes).
const ENGINE_RECORD_BYTES = 4 + 100;
const RETENTION_MS = 120_000;
const END_MS = 240_000;

export interface RetentionCase {
  /** Record timestamps on the engine's clock (ms); Kafka gets wall-clock time − END_MS + this. */
  timestamps: number[];
  roll: { recordsPerSegment: number } | { segmentMs: number };
  retention: { ms: number } | { records: number };
}

const key = (i: number) => `k${String(i).padStart(3, '0')}`;
const value = (i: number) => `v${String(i).padStart(3, '0')}`;

/** Bytes for "n and a half records": every comparison of whole-record sizes against it is the same on both sides. */
const bytesFor = (records: number, recordBytes: number) => Math.floor(records * recordBytes + recordBytes / 2);

interface LogState {
  logStartOffset: number;
  logEndOffset: number;
  offsets: number[];
  segments?: number[];
}

function onEngine(c: RetentionCase, topic: string): LogState {
  const sim = runKafkaScenario({
    version: 1,
    durationMs: END_MS,
    kafka: {
      topics: [
        {
          name: topic,
          partitions: 1,
          ...('recordsPerSegment' in c.roll
            ? { segmentBytes: bytesFor(c.roll.recordsPerSegment - 0.5, ENGINE_RECORD_BYTES) }
            : { segmentMs: c.roll.segmentMs }),
          ...('ms' in c.retention
            ? { retentionMs: c.retention.ms }
            : { retentionBytes: bytesFor(c.retention.records, ENGINE_RECORD_BYTES) }),
          records: c.timestamps.map((timestamp, i) => ({ partition: 0, key: key(i), value: value(i), timestamp })),
        },
      ],
      producers: [],
      groups: [],
    },
    interventions: [],
  });
  const p = topicView(sim, topic).partitions[0]!;
  return {
    logStartOffset: p.logStartOffset,
    logEndOffset: p.logEndOffset,
    offsets: p.records.map((r) => r.offset),
    segments: p.segments.map((s) => s.baseOffset),
  };
}

describe('retention on a real Kafka 4.4 against the engine', () => {
  let recordBytes = 0;
  let skip: string | null = null;

  async function onKafka(c: RetentionCase, topic: string, expected: LogState): Promise<LogState> {
    const h = harness();
    if (recordBytes === 0) {
      skip = await slowLogChecks(h);
      const probe = `${kafkaRunId}.probe`;
      await h.step({ op: 'createTopic', topic: probe, partitions: 1 });
      await h.step({ op: 'produce', topic: probe, oneBatchEach: true, records: [{ key: key(0), value: value(0), timestamp: Date.now() }] });
      recordBytes = (await h.step<{ sizes: Record<string, number> }>({ op: 'logSize', topic: probe })).sizes['0']!;
    }
    // Everything is written before retention is switched on, so it judges the whole log at once.
    await h.step({
      op: 'createTopic',
      topic,
      partitions: 1,
      configs: {
        'retention.ms': -1,
        'retention.bytes': -1,
        ...('recordsPerSegment' in c.roll
          ? { 'internal.segment.bytes': bytesFor(c.roll.recordsPerSegment - 0.5, recordBytes) }
          : { 'segment.ms': c.roll.segmentMs }),
      },
    });
    const base = Date.now() - END_MS;
    await h.step({
      op: 'produce',
      topic,
      oneBatchEach: true,
      records: c.timestamps.map((ts, i) => ({ key: key(i), value: value(i), timestamp: base + ts })),
    });
    await h.step({
      op: 'alterTopicConfig',
      topic,
      configs: 'ms' in c.retention ? { 'retention.ms': c.retention.ms } : { 'retention.bytes': bytesFor(c.retention.records, recordBytes) },
    });
    // Retention runs every log.retention.check.interval.ms: wait until Kafka shows the engine's answer
    // (or 10 s pass, and the difference is reported).
    return untilKafka(10_000, expected, async () => {
      const first = await h.step<{ partitions: { offset: number }[] }>({ op: 'listOffsets', topic, spec: 'earliest' });
      const end = await h.step<{ partitions: { offset: number }[] }>({ op: 'listOffsets', topic, spec: 'latest' });
      const { records } = await h.step<{ records: KafkaRecord[] }>({ op: 'readAll', topic });
      const segments = localSegments(topic, 0);
      return {
        logStartOffset: first.partitions[0]!.offset,
        logEndOffset: end.partitions[0]!.offset,
        offsets: records.map((r) => r.offset),
        ...(segments ? { segments } : {}),
      };
    });
  }

  async function compare(name: string, c: RetentionCase, n: number) {
    const topic = `${kafkaRunId}.ret${n}`;
    const engine = onEngine(c, topic);
    const kafka = await onKafka(c, topic, engine);
    if (skip) return void console.log(`retention: skipped (${skip})`);
    // Segment files are visible only on the suite's own broker.
    if (!kafka.segments) delete engine.segments;
    tally.compare(name, c, engine, kafka);
  }

  // Old records (≥ 60 s past retention.ms at the end) or fresh ones (≥ 80 s inside it): the broker's
  // own clock and check interval cannot tip a segment either way.
  const old = fc.integer({ min: 0, max: 12 }).map((k) => k * 5_000);
  const fresh = fc.integer({ min: 40, max: 48 }).map((k) => k * 5_000);
  const caseArb: fc.Arbitrary<RetentionCase> = fc.record({
    timestamps: fc.array(fc.oneof(old, fresh), { minLength: 1, maxLength: 14 }),
    roll: fc.oneof(
      fc.record({ recordsPerSegment: fc.integer({ min: 1, max: 4 }) }),
      // Multiples of 5 s: a record exactly segment.ms after a segment's first one is a case of its own.
      fc.record({ segmentMs: fc.constantFrom(10_000, 20_000) }),
    ),
    retention: fc.oneof(fc.constant({ ms: RETENTION_MS }), fc.record({ records: fc.integer({ min: 0, max: 8 }) })),
  });

  const fixed: [string, RetentionCase][] = [
    [
      'time: two old segments go, the fresh ones stay',
      {
        timestamps: [0, 5e3, 10e3, 15e3, 20e3, 25e3, 200e3, 205e3, 210e3, 215e3],
        roll: { recordsPerSegment: 3 },
        retention: { ms: RETENTION_MS },
      },
    ],
    [
      'time: a segment with one fresh record stays whole',
      { timestamps: [0, 5e3, 210e3, 10e3, 15e3, 20e3], roll: { recordsPerSegment: 3 }, retention: { ms: RETENTION_MS } },
    ],
    [
      'time: every record expired (the active segment too): log start offset = log-end offset',
      { timestamps: [0, 5e3, 10e3, 15e3, 20e3, 25e3, 30e3], roll: { recordsPerSegment: 3 }, retention: { ms: RETENTION_MS } },
    ],
    [
      'time: a single expired segment (one record)',
      { timestamps: [10e3], roll: { recordsPerSegment: 3 }, retention: { ms: RETENTION_MS } },
    ],
    [
      'size: keep 5.5 records worth of 12 (3 a segment)',
      { timestamps: Array.from({ length: 12 }, (_, i) => 200e3 + i * 1000), roll: { recordsPerSegment: 3 }, retention: { records: 5 } },
    ],
    [
      'size: less than one record worth keeps only the active segment',
      { timestamps: Array.from({ length: 7 }, (_, i) => 200e3 + i * 1000), roll: { recordsPerSegment: 2 }, retention: { records: 0 } },
    ],
    [
      'segment.ms: a record exactly segment.ms after the first stays in the segment',
      { timestamps: [0, 5e3, 10e3, 15e3, 20e3, 25e3, 210e3], roll: { segmentMs: 20_000 }, retention: { ms: RETENTION_MS } },
    ],
  ];

  it(`${fixed.length} fixed cases`, async () => {
    const check = tally.begin();
    let n = 0;
    for (const [name, c] of fixed) await compare(name, c, n++);
    check();
  });

  it(`${runs(30)} generated cases`, async () => {
    const check = tally.begin();
    let n = 100;
    for (const c of fc.sample(caseArb, { numRuns: runs(30) })) await compare('generated', c, n++);
    check();
    expect(tally.cases).toBeGreaterThan(0);
  });
});
