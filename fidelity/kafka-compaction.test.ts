// Compaction with tiny segments (segment.ms on the records' own timestamps, so both sides cut the log
// at the same offsets whatever a record's size) and min.cleanable.dirty.ratio=0: the same keyed
// records and tombstones in a real compacted topic and in the engine; the latest value per key in
// closed segments is kept, offsets never change, the active segment is untouched, and tombstones go
// after delete.retention.ms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '@/tests/support/property';
import { runKafkaScenario, Tally, topicView } from './kafka-engine';
import { harnessForFile, kafkaRunId, slowLogChecks, untilKafka, type Harness, type KafkaRecord } from './kafka-harness';

const harness = harnessForFile();
const tally = new Tally('compaction');

const SEGMENT_MS = 10_000;
const DAY = 86_400_000;
/** The engine's longest delete.retention.ms (1 h) stands in for Kafka's default day: both outlive the test. */
const ENGINE_LONG = 3_600_000;

interface CompactRecord {
  key: string;
  /** null = tombstone */
  value: string | null;
  timestamp: number;
}

interface CompactCase {
  records: CompactRecord[];
  /** Kafka's delete.retention.ms; the engine gets the same, or 1 h for a day. */
  deleteRetentionMs: number;
}

interface LogState {
  logStartOffset: number;
  logEndOffset: number;
  /** offset:key=value (value "null" for a tombstone) */
  records: string[];
}

const line = (offset: number, key: string | null, value: string | null) => `${offset}:${key}=${value}`;

function onEngine(c: CompactCase, topic: string): LogState {
  const sim = runKafkaScenario({
    version: 1,
    // Past the newest timestamp, so delete.retention.ms is measured on the same clock as the records.
    durationMs: Math.max(...c.records.map((r) => r.timestamp)) + 2_000,
    kafka: {
      topics: [
        {
          name: topic,
          partitions: 1,
          cleanupPolicy: 'compact',
          segmentMs: SEGMENT_MS,
          deleteRetentionMs: c.deleteRetentionMs >= DAY ? ENGINE_LONG : c.deleteRetentionMs,
          records: c.records.map((r) => ({ partition: 0, key: r.key, value: r.value, timestamp: r.timestamp })),
        },
      ],
      producers: [],
      groups: [],
    },
    interventions: [],
  });
  const p = topicView(sim, topic).partitions[0]!;
  return { logStartOffset: p.logStartOffset, logEndOffset: p.logEndOffset, records: p.records.map((r) => line(r.offset, r.key, r.value)) };
}

async function kafkaState(h: Harness, topic: string): Promise<LogState> {
  const first = await h.step<{ partitions: { offset: number }[] }>({ op: 'listOffsets', topic, spec: 'earliest' });
  const end = await h.step<{ partitions: { offset: number }[] }>({ op: 'listOffsets', topic, spec: 'latest' });
  const { records } = await h.step<{ records: KafkaRecord[] }>({ op: 'readAll', topic });
  return {
    logStartOffset: first.partitions[0]!.offset,
    logEndOffset: end.partitions[0]!.offset,
    records: records.map((r) => line(r.offset, r.key, r.value)),
  };
}

/** A compacted topic; with `later`, it starts as cleanup.policy=delete (no retention) until switchToCompact. */
async function createCompacted(h: Harness, topic: string, deleteRetentionMs: number, later = false) {
  await h.step({
    op: 'createTopic',
    topic,
    partitions: 1,
    configs: {
      'cleanup.policy': later ? 'delete' : 'compact',
      'retention.ms': -1,
      'min.cleanable.dirty.ratio': 0,
      'segment.ms': SEGMENT_MS,
      'delete.retention.ms': deleteRetentionMs,
    },
  });
}

/** Each record its own batch (a batch is appended to one segment whole), timestamps shifted to now. */
async function produce(h: Harness, topic: string, records: CompactRecord[], base: number) {
  await h.step({ op: 'produce', topic, oneBatchEach: true, records: records.map((r) => ({ ...r, timestamp: base + r.timestamp })) });
}

describe('compaction on a real Kafka 4.4 against the engine', () => {
  let skip: string | null | undefined;
  const skipped = async (h: Harness) => {
    skip ??= await slowLogChecks(h);
    if (skip) console.log(`compaction: skipped (${skip})`);
    return skip !== null;
  };

  // Timestamps 1–11 s apart: some gaps are exactly segment.ms (the record stays in the segment).
  const caseArb: fc.Arbitrary<CompactCase> = fc
    .array(
      fc.record({
        key: fc.constantFrom('a', 'b', 'c', 'd'),
        tombstone: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
        gap: fc.constantFrom(1_000, 4_000, 6_000, 10_000, 11_000),
      }),
      { minLength: 1, maxLength: 18 },
    )
    .map((rs) => {
      let t = 0;
      return {
        deleteRetentionMs: DAY,
        records: rs.map((r, i) => ({ key: r.key, value: r.tombstone ? null : `v${i}`, timestamp: (t += r.gap) })),
      };
    });

  it(`${runs(25)} generated logs: latest value per key in closed segments, offsets kept, active segment untouched`, async () => {
    const h = harness();
    const check = tally.begin();
    let n = 0;
    const base = Date.now() - 3_600_000;
    for (const c of fc.sample(caseArb, { numRuns: runs(25) })) {
      const topic = `${kafkaRunId}.cmp${n++}`;
      await createCompacted(h, topic, c.deleteRetentionMs);
      if (await skipped(h)) return;
      await produce(h, topic, c.records, base);
      const engine = onEngine(c, topic);
      // The cleaner works on its own schedule: wait until Kafka shows the engine's answer (10 s at most).
      tally.compare('generated', c, engine, await untilKafka(10_000, engine, () => kafkaState(h, topic)));
    }
    check();
  });

  it('tombstones: kept at the first cleaning, gone at the next one after delete.retention.ms=0', async () => {
    const h = harness();
    const check = tally.begin();
    const topic = `${kafkaRunId}.tomb`;
    // Written first and compacted after, so the first cleaning sees the whole log at once.
    await createCompacted(h, topic, 0, true);
    if (await skipped(h)) return;
    // Segments (segment.ms 10 s): [0 a, 1 b, 2 a] [3 b=null, 4 c] [5 a=null, 6 c] [7 d] …
    const phase1: CompactRecord[] = [
      { key: 'a', value: 'a1', timestamp: 0 },
      { key: 'b', value: 'b1', timestamp: 2_000 },
      { key: 'a', value: 'a2', timestamp: 4_000 },
      { key: 'b', value: null, timestamp: 11_000 },
      { key: 'c', value: 'c1', timestamp: 13_000 },
      { key: 'a', value: null, timestamp: 22_000 },
      { key: 'c', value: 'c2', timestamp: 24_000 },
      { key: 'd', value: 'd1', timestamp: 33_000 },
    ];
    const base = Date.now() - 3_600_000;
    await produce(h, topic, phase1, base);
    await h.step({ op: 'alterTopicConfig', topic, configs: { 'cleanup.policy': 'compact' } });
    // First cleaning: older values go; the tombstones stay (this cleaning sets their delete horizon,
    // KIP-534). What the engine shows with tombstones kept:
    const firstPass = onEngine({ records: phase1, deleteRetentionMs: DAY }, topic);
    const afterFirst = await untilKafka(10_000, firstPass, () => kafkaState(h, topic));
    tally.compare('first cleaning keeps tombstones (Kafka)', { records: phase1, deleteRetentionMs: 0 }, firstPass, afterFirst);
    // More data closes the active segment, so the log is dirty and is cleaned again: now past the
    // horizon, the tombstones and what they deleted are gone; d's segment is compacted, the new active one is not.
    const phase2: CompactRecord[] = [
      { key: 'e', value: 'e1', timestamp: 44_000 },
      { key: 'd', value: 'd2', timestamp: 55_000 },
    ];
    await produce(h, topic, phase2, base);
    const all = { records: [...phase1, ...phase2], deleteRetentionMs: 0 };
    const engine = onEngine(all, topic);
    expect(engine.records).toEqual(['6:c=c2', '7:d=d1', '8:e=e1', '9:d=d2']);
    tally.compare('second cleaning drops tombstones', all, engine, await untilKafka(10_000, engine, () => kafkaState(h, topic)));
    check();
  });
});
