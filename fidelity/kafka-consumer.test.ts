// Consumer-side rules on a real Kafka 4.4 (classic group protocol) against the engine: offsets and
// log-end offsets, committed offsets and lag after a run; where auto.offset.reset starts a consumer;
// and which records the next owner reads again after a consumer dies before committing.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '@/simulator';
import { javaPartition } from '@/simulator/kafka/partitioner';
import { eventsOf, runKafkaScenario, Tally, topicView } from './kafka-engine';
import { Harness, harnessForFile, kafkaRunId, untilKafka, type ConsumerState, type KafkaRecord } from './kafka-harness';

const harness = harnessForFile();
const tally = new Tally('consumer offsets');

type PollAnswer = { timedOut: boolean; consumers: Record<string, ConsumerState>; errors: Record<string, string> };

/** A key that the Java partitioner sends to `partition` of `n`. */
function keyFor(partition: number, n: number, prefix = 'm'): string {
  for (let i = 0; ; i++) if (javaPartition(`${prefix}${i}`, n) === partition) return `${prefix}${i}`;
}

describe('offsets, log-end offsets, committed offsets and lag after a run', () => {
  it('30 keyed records into 3 partitions, read and committed by one consumer, then 5 more', async () => {
    const h = harness();
    const check = tally.begin();
    const topic = `${kafkaRunId}.lag`;
    const group = `${kafkaRunId}.lagg`;
    const keys = Array.from({ length: 7 }, (_, i) => `k${i}`);
    const more = ['k0', 'k1', 'k2', 'k3', 'k4'];
    // Engine: the producer writes 30 records by t=300 ms; the consumer commits after each batch; it
    // closes at 2 s and a burst adds 5 records at 2.5 s.
    const sim = runKafkaScenario({
      version: 1,
      durationMs: 3_000,
      kafka: {
        topics: [{ name: topic, partitions: 3 }],
        producers: [{ id: 'p', topic, keys, count: 30, ratePerSec: 100 }],
        groups: [
          {
            id: group,
            topics: [topic],
            autoOffsetReset: 'earliest',
            enableAutoCommit: false,
            consumers: [{ id: 'c0', maxPollRecords: 7, processingMsPerRecord: 5 }],
          },
        ],
      },
      interventions: [
        { time: 2_000, intervention: { type: 'kafka.removeConsumer', group, consumer: 'c0' } },
        { time: 2_500, intervention: { type: 'kafka.produceBurst', topic, count: 5, keys: more, producer: 'b' } },
      ],
    });
    const appended = eventsOf(sim, 'appended').map((e) => `${e.key}@${e.partition}:${e.offset}`);
    const g = sim.snapshot().kafka!.groups[0]!;
    const engine = {
      records: appended,
      partitions: g.partitions.map((p) => ({ partition: p.index, logEndOffset: p.logEndOffset, committed: p.committedOffset, lag: p.lag })),
      readByConsumer: readOffsets(eventsOf(sim, 'fetched').flatMap((e) => e.offsets.map((o) => ({ partition: e.partition, offset: o })))),
    };

    await h.step({ op: 'createTopic', topic, partitions: 3 });
    const first = await h.step<{ records: { partition: number; offset: number }[] }>({
      op: 'produce',
      topic,
      records: Array.from({ length: 30 }, (_, i) => ({ key: keys[i % keys.length], value: `v${i}` })),
    });
    await h.step({ op: 'consumer', name: 'c0', group, topics: [topic], configs: { 'auto.offset.reset': 'earliest' } });
    const read = await h.step<PollAnswer>({ op: 'pollUntil', names: ['c0'], until: { records: 30 }, timeoutMs: 60_000 });
    await h.step({ op: 'commit', name: 'c0' });
    await h.step({ op: 'close', name: 'c0' });
    const second = await h.step<{ records: { partition: number; offset: number }[] }>({
      op: 'produce',
      topic,
      records: more.map((key, i) => ({ key, value: `w${i}` })),
    });
    const { committed } = await h.step<{ committed: Record<string, number> }>({ op: 'committed', group });
    const end = await h.step<{ partitions: { partition: number; offset: number }[] }>({ op: 'listOffsets', topic, spec: 'latest' });
    const all = [...first.records, ...second.records];
    const kafka = {
      records: [...Array.from({ length: 30 }, (_, i) => keys[i % keys.length]!), ...more].map(
        (k, i) => `${k}@${all[i]!.partition}:${all[i]!.offset}`,
      ),
      partitions: end.partitions.map((p) => {
        const c = committed[`${topic}-${p.partition}`] ?? null;
        return { partition: p.partition, logEndOffset: p.offset, committed: c, lag: c === null ? null : p.offset - c };
      }),
      readByConsumer: readOffsets(read.consumers.c0!.records),
    };
    tally.compare('offsets, LEO, committed, lag', { partitions: 3, keys, count: 30, more }, engine, kafka);
    check();
  });
});

/** Offsets read per partition, in order: 0-based and contiguous on both sides. */
function readOffsets(records: { partition: number; offset: number }[]): Record<number, number[]> {
  const out: Record<number, number[]> = {};
  for (const r of records) (out[r.partition] ??= []).push(r.offset);
  for (const k of Object.keys(out)) out[Number(k)]!.sort((a, b) => a - b);
  return out;
}

/**
 * "latest" is resolved when a consumer first looks up its positions, and a committed offset outside
 * the log only when a fetch comes back out of range: polls until every partition's position is
 * inside the log (at most its log-end offset `ends[p]`), or the consumer fails, so that records
 * written afterwards show where it started.
 */
async function settlePositions(
  h: Harness,
  group: string,
  topic: string,
  ends: number[],
): Promise<{ records: KafkaRecord[]; error?: string }> {
  const records: KafkaRecord[] = [];
  // Generous: on a loaded machine the consumer may take long to resolve its position, and going on before it
  // has would let a "latest" reset land after the marker record (then nothing is read, and nothing says why).
  const deadline = Date.now() + 60_000;
  for (;;) {
    const p = await h.send({ op: 'position', name: group });
    if (!p.ok) return { records, error: p.error };
    const positions = p.positions as Record<string, number>;
    if (ends.every((n, i) => (positions[`${topic}-${i}`] ?? Infinity) <= n)) return { records };
    if (Date.now() > deadline)
      throw new Error(`${group}: positions ${JSON.stringify(positions)} did not settle at or below ${ends.join(', ')} in 60 s`);
    const polled = await h.step<{ records: KafkaRecord[]; error?: string }>({ op: 'poll', name: group, timeoutMs: 50 });
    records.push(...polled.records);
    if (polled.error) return { records, error: polled.error };
  }
}

describe('auto.offset.reset: where a new consumer starts', () => {
  // Partition 0 holds 6 records, partition 1 holds 4; a marker record per partition arrives after
  // the consumer joined, so "latest" shows where it started too.
  const COUNTS = [6, 4];
  const policies = ['earliest', 'latest', 'none'] as const;
  const commits = {
    'no committed offset': null,
    'committed offset 2': [2, 2],
    'committed at the log-end offset': [6, 4],
    'committed past the log-end offset': [11, 9],
  } as const;

  type Outcome = Record<number, number> | 'fails';

  /** One consumer c0 that starts at `startMs` with these committed offsets and commits only by hand. */
  const resetGroup = (
    id: string,
    topic: string,
    policy: (typeof policies)[number],
    committed: Record<string, number>,
    startMs: number,
  ) => ({
    id,
    topics: [topic],
    autoOffsetReset: policy,
    enableAutoCommit: false,
    committed,
    consumers: [{ id: 'c0', startMs, maxPollRecords: 100, processingMsPerRecord: 1 }],
  });

  function onEngine(topic: string, group: string, policy: (typeof policies)[number], committed: readonly number[] | null): Outcome {
    const markers = [keyFor(0, 2), keyFor(1, 2)];
    const sim = runKafkaScenario({
      version: 1,
      durationMs: 3_000,
      kafka: {
        topics: [
          {
            name: topic,
            partitions: 2,
            records: COUNTS.flatMap((n, p) => Array.from({ length: n }, (_, i) => ({ partition: p, key: `r${p}-${i}`, value: 'v' }))),
          },
        ],
        producers: [],
        groups: [resetGroup(group, topic, policy, committed ? { [`${topic}-0`]: committed[0]!, [`${topic}-1`]: committed[1]! } : {}, 100)],
      },
      interventions: [{ time: 1_500, intervention: { type: 'kafka.produceBurst', topic, count: 2, keys: markers, producer: 'mark' } }],
    });
    if (eventsOf(sim, 'consumerFailed').length > 0) return 'fails';
    const firstFetched: Record<number, number> = {};
    for (const e of eventsOf(sim, 'fetched')) firstFetched[e.partition] ??= e.offsets[0]!;
    return firstFetched;
  }

  async function onKafka(h: Harness, topic: string, group: string, policy: string, committed: readonly number[] | null): Promise<Outcome> {
    await h.step({ op: 'createTopic', topic, partitions: 2 });
    await h.step({
      op: 'produce',
      topic,
      records: COUNTS.flatMap((n, p) => Array.from({ length: n }, (_, i) => ({ partition: p, key: `r${p}-${i}`, value: 'v' }))),
    });
    if (committed) await h.step({ op: 'setCommitted', group, offsets: { [`${topic}-0`]: committed[0], [`${topic}-1`]: committed[1] } });
    await h.step({ op: 'consumer', name: group, group, topics: [topic], configs: { 'auto.offset.reset': policy } });
    const joined = await h.step<PollAnswer>({ op: 'pollUntil', names: [group], until: { stable: group }, timeoutMs: 60_000 });
    let errors = joined.errors;
    let records = joined.consumers[group]!.records;
    if (Object.keys(errors).length === 0) {
      const settled = await settlePositions(h, group, topic, COUNTS);
      records = [...records, ...settled.records];
      if (settled.error) errors = { [group]: settled.error };
    }
    if (Object.keys(errors).length === 0) {
      await h.step({ op: 'produce', topic, records: [0, 1].map((p) => ({ partition: p, key: keyFor(p, 2), value: 'marker' })) });
      const r = await h.step<PollAnswer>({
        op: 'pollUntil',
        names: [group],
        until: { partitions: 2, stopOnError: true },
        timeoutMs: 30_000,
      });
      errors = r.errors;
      records = [...records, ...r.consumers[group]!.records];
    }
    await h.step({ op: 'close', name: group });
    if (Object.keys(errors).length > 0) {
      // NoOffsetForPartitionException (nothing committed) or OffsetOutOfRangeException (committed past the end).
      expect(Object.values(errors)[0]).toMatch(/^(NoOffsetForPartitionException|OffsetOutOfRangeException)/);
      return 'fails';
    }
    const first: Record<number, number> = {};
    for (const rec of records) first[rec.partition] ??= rec.offset;
    return first;
  }

  it('3 policies × 4 committed states, 2 partitions', async () => {
    const h = harness();
    const check = tally.begin();
    let n = 0;
    for (const policy of policies) {
      for (const [name, committed] of Object.entries(commits)) {
        const topic = `${kafkaRunId}.reset${n}`;
        const group = `${kafkaRunId}.rg${n++}`;
        tally.compare(
          `auto.offset.reset=${policy}, ${name}`,
          { policy, committed, recordsPerPartition: COUNTS },
          onEngine(topic, group, policy, committed),
          await onKafka(h, topic, group, policy, committed),
        );
      }
    }
    check();
  });

  it('committed below the log start offset (retention deleted it), 3 policies', async () => {
    const h = harness();
    const check = tally.begin();
    // One partition, segment.ms 10 s: [0 1 2] are 68 s old and expire (retention.ms 60 s), [3 4 5] are fresh.
    const timestamps = [0, 1_000, 2_000, 100_000, 101_000, 102_000];
    const NOW = 70_000;
    for (const policy of policies) {
      const topic = `${kafkaRunId}.below${policy}`;
      const group = `${kafkaRunId}.bg${policy}`;
      const sim = runKafkaScenario({
        version: 1,
        durationMs: NOW + 2_000,
        kafka: {
          topics: [
            {
              name: topic,
              partitions: 1,
              segmentMs: 10_000,
              retentionMs: 60_000,
              records: timestamps.map((timestamp, i) => ({ partition: 0, key: `r${i}`, value: 'v', timestamp })),
            },
          ],
          producers: [],
          groups: [resetGroup(group, topic, policy, { [`${topic}-0`]: 1 }, NOW)],
        },
        interventions: [
          { time: NOW + 1_000, intervention: { type: 'kafka.produceBurst', topic, count: 1, keys: ['marker'], producer: 'mark' } },
        ],
      });
      expect(topicView(sim, topic).partitions[0]!.logStartOffset).toBe(3);
      const engine =
        eventsOf(sim, 'consumerFailed').length > 0 ? 'fails' : { 0: eventsOf(sim, 'fetched')[0]?.offsets[0] ?? null, logStartOffset: 3 };

      await h.step({ op: 'createTopic', topic, partitions: 1, configs: { 'segment.ms': 10_000, 'retention.ms': 60_000 } });
      const base = Date.now() - NOW;
      await h.step({
        op: 'produce',
        topic,
        oneBatchEach: true,
        records: timestamps.map((ts, i) => ({ key: `r${i}`, value: 'v', timestamp: base + ts })),
      });
      const start = await untilKafka(
        10_000,
        3,
        async () =>
          (await h.step<{ partitions: { offset: number }[] }>({ op: 'listOffsets', topic, spec: 'earliest' })).partitions[0]!.offset,
      );
      await h.step({ op: 'setCommitted', group, offsets: { [`${topic}-0`]: 1 } });
      const outcome = await onKafkaOne(h, topic, group, policy);
      tally.compare(
        `auto.offset.reset=${policy}, committed 1 < log start offset 3`,
        { policy, timestamps, retentionMs: 60_000, segmentMs: 10_000 },
        engine,
        outcome === 'fails' ? 'fails' : { 0: outcome, logStartOffset: start },
      );
    }
    check();
  });

  async function onKafkaOne(h: Harness, topic: string, group: string, policy: string): Promise<number | 'fails'> {
    await h.step({ op: 'consumer', name: group, group, topics: [topic], configs: { 'auto.offset.reset': policy } });
    const joined = await h.step<PollAnswer>({ op: 'pollUntil', names: [group], until: { stable: group }, timeoutMs: 60_000 });
    const records = joined.consumers[group]!.records;
    let failed = Object.keys(joined.errors).length > 0;
    if (!failed) {
      const settled = await settlePositions(h, group, topic, [6]);
      records.push(...settled.records);
      failed = settled.error !== undefined;
    }
    if (!failed) {
      await h.step({ op: 'produce', topic, records: [{ key: 'marker', value: 'marker' }] });
      const r = await h.step<PollAnswer>({ op: 'pollUntil', names: [group], until: { records: 1, stopOnError: true }, timeoutMs: 30_000 });
      records.push(...r.consumers[group]!.records);
      failed = Object.keys(r.errors).length > 0;
    }
    await h.step({ op: 'close', name: group });
    if (failed) return 'fails';
    if (records.length === 0) throw new Error(`${group}: the consumer neither failed nor read a record (not even the marker)`);
    return records[0]!.offset;
  }
});

describe('a consumer dies before committing: what the next owner reads again', () => {
  it('c1 commits some batches, reads more, dies; c2 takes over from the committed offsets', async () => {
    const check = tally.begin();
    const topic = `${kafkaRunId}.crash`;
    const group = `${kafkaRunId}.crashg`;
    const records = Array.from({ length: 30 }, (_, i) => ({ key: `k${i % 10}`, value: `v${i}` }));
    const CRASH = 700;
    const scenario: ScenarioInput = {
      version: 1,
      durationMs: 8_000,
      kafka: {
        topics: [{ name: topic, partitions: 3, records }],
        producers: [],
        groups: [
          {
            id: group,
            topics: [topic],
            autoOffsetReset: 'earliest',
            enableAutoCommit: false,
            sessionTimeoutMs: 2_000,
            consumers: [{ id: 'c1', maxPollRecords: 4, processingMsPerRecord: 40 }],
          },
        ],
      },
      interventions: [
        { time: CRASH, intervention: { type: 'kafka.crashConsumer', group, consumer: 'c1' } },
        // The new owner joins once the dead member's session is over, as on the broker.
        {
          time: CRASH + 2_100,
          intervention: { type: 'kafka.addConsumer', group, consumer: { id: 'c2', maxPollRecords: 500, processingMsPerRecord: 1 } },
        },
      ],
    };
    const sim = runKafkaScenario(scenario);
    const before = (e: { time: number }) => e.time <= CRASH;
    const committed: Record<string, number> = {};
    for (const e of eventsOf(sim, 'committed').filter(before)) committed[`${topic}-${e.partition}`] = e.committedOffset;
    const position: Record<string, number> = {};
    for (const e of eventsOf(sim, 'fetched').filter((e) => before(e) && e.consumer === 'c1'))
      position[`${topic}-${e.partition}`] = e.toOffset;
    const c2 = eventsOf(sim, 'fetched').filter((e) => e.consumer === 'c2');
    const engine = {
      reads: readOffsets(c2.flatMap((e) => e.offsets.map((o) => ({ partition: e.partition, offset: o })))),
      readAgain: c2.reduce((n, e) => n + e.redelivered, 0),
    };
    // Sanity: the engine's c1 committed something and had read past it when it died.
    expect(Object.keys(committed).length).toBeGreaterThan(0);
    expect(Object.entries(position).some(([p, pos]) => pos > (committed[p] ?? 0))).toBe(true);

    // Kafka: process A reads exactly to the engine's c1 positions, commits the engine's c1 commits, and dies.
    const a = new Harness();
    const b = new Harness();
    try {
      await a.step({ op: 'createTopic', topic, partitions: 3 });
      await a.step({ op: 'produce', topic, records });
      const crashConfigs = { 'auto.offset.reset': 'earliest', 'session.timeout.ms': 1_500, 'heartbeat.interval.ms': 300 };
      await a.step({ op: 'consumer', name: 'c1', group, topics: [topic], configs: { ...crashConfigs, 'max.poll.records': 1 } });
      await a.step({ op: 'pollUntil', names: ['c1'], until: { stable: group }, timeoutMs: 60_000 });
      const all = [0, 1, 2].map((p) => `${topic}-${p}`);
      await a.step({ op: 'pollTo', name: 'c1', positions: Object.fromEntries(all.map((p) => [p, position[p] ?? 0])) });
      await a.step({ op: 'commit', name: 'c1', offsets: committed });
      await a.crash();
      // Process B: a new member of the group; the coordinator hands it the partitions after c1's session expires.
      const end = await b.step<{ partitions: { partition: number; offset: number }[] }>({ op: 'listOffsets', topic, spec: 'latest' });
      const remaining = end.partitions.reduce((n, p) => n + p.offset - (committed[`${topic}-${p.partition}`] ?? 0), 0);
      await b.step({ op: 'consumer', name: 'c2', group, topics: [topic], configs: crashConfigs });
      const r = await b.step<PollAnswer>({ op: 'pollUntil', names: ['c2'], until: { records: remaining }, timeoutMs: 60_000 });
      expect(r.timedOut).toBe(false);
      const reads = r.consumers.c2!.records;
      const kafka = {
        reads: readOffsets(reads),
        readAgain: reads.filter((x: KafkaRecord) => x.offset < (position[`${topic}-${x.partition}`] ?? 0)).length,
      };
      tally.compare('crash before commit', { scenario, c1Committed: committed, c1Position: position }, engine, kafka);
    } finally {
      await a.close();
      await b.close();
    }
    check();
  });
});
