// Key → partition: the same keys produced by the Java client (kafka-clients 4.4.0, default
// partitioner) into a real topic and by the engine's producer; every record must land on the same
// partition at the same offset, for several partition counts and again after partitions are added.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { javaPartition } from '@/simulator/kafka/partitioner';
import { seedFromEnv } from '@/tests/support/property';
import { eventsOf, runKafkaScenario, Tally } from './kafka-engine';
import { harnessForFile, kafkaRunId } from './kafka-harness';

const harness = harnessForFile();
const tally = new Tally('key → partition');

/** 520 distinct keys: ASCII, Unicode (multi-byte UTF-8, surrogate pairs), the empty key, long keys. */
const keys = fc
  .sample(
    fc.uniqueArray(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.string({ unit: 'grapheme', maxLength: 6 }),
        fc.string({ unit: 'binary', maxLength: 5 }),
        fc.stringMatching(/^[a-z]+-[0-9]{1,6}$/),
        fc.string({ minLength: 30, maxLength: 80 }),
      ),
      { minLength: 520, maxLength: 520 },
    ),
    { numRuns: 1, ...(seedFromEnv() === undefined ? {} : { seed: seedFromEnv()! }) },
  )[0]!
  .filter((k) => !/[\uD800-\uDFFF]/.test(k.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))); // lone surrogates have no UTF-8 form
const keyList = ['', ...keys.filter((k) => k !== '')];

interface Placed {
  partition: number;
  offset: number;
}

/** The engine: one producer writes every key in order, then the topic grows and a burst writes them again. */
function onEngine(topic: string, partitions: number, grownTo: number): { before: Placed[]; after: Placed[] } {
  const n = keyList.length;
  const sim = runKafkaScenario({
    version: 1,
    durationMs: Math.ceil((n * 1000) / 500) + 200,
    kafka: {
      topics: [{ name: topic, partitions }],
      producers: [{ id: 'p', topic, keys: keyList, count: n, ratePerSec: 500 }],
      groups: [],
    },
    interventions: [
      { time: Math.ceil((n * 1000) / 500) + 10, intervention: { type: 'kafka.addPartitions', topic, partitions: grownTo } },
      {
        time: Math.ceil((n * 1000) / 500) + 20,
        intervention: { type: 'kafka.produceBurst', topic, count: n, keys: keyList, producer: 'b' },
      },
    ],
  });
  const appended = eventsOf(sim, 'appended');
  const by = (producer: string) =>
    appended.filter((e) => e.producer === producer).map((e) => ({ partition: e.partition, offset: e.offset }));
  return { before: by('p'), after: by('b') };
}

describe('key → partition on a real Kafka 4.4 (Java client default partitioner)', () => {
  it(`${keyList.length} generated keys, partition counts 1, 2, 3, 6, 7, 12, 30, then grown`, async () => {
    const h = harness();
    const check = tally.begin();
    for (const [partitions, grownTo] of [
      [1, 4],
      [2, 3],
      [3, 8],
      [6, 10],
      [7, 12],
      [12, 13],
      [30, 64],
    ] as const) {
      const topic = `${kafkaRunId}.keys${partitions}`;
      await h.step({ op: 'createTopic', topic, partitions });
      const produce = async (producer: string) =>
        (
          await h.step<{ records: Placed[] }>({
            op: 'produce',
            producer,
            topic,
            records: keyList.map((key, i) => ({ key, value: `v${i}` })),
          })
        ).records.map((r) => ({ partition: r.partition, offset: r.offset }));
      const kBefore = await produce(`before${partitions}`);
      await h.step({ op: 'addPartitions', topic, total: grownTo });
      // A producer started after the topic grew (one that ran before keeps its cached partition count
      // until its next metadata refresh, metadata.max.age.ms: the last test below).
      const kAfter = await produce(`after${partitions}`);
      const engine = onEngine(topic, partitions, grownTo);
      const model = (n: number) => keyList.map((k) => javaPartition(k, n));
      keyList.forEach((key, i) => {
        const scenario = { key, partitions, grownTo, recordIndex: i };
        // The engine's record (partition, offset) and the rule module's partition, against Kafka's.
        tally.compare(
          `${partitions} partitions`,
          scenario,
          { record: engine.before[i], javaPartition: model(partitions)[i] },
          {
            record: kBefore[i],
            javaPartition: kBefore[i]!.partition,
          },
        );
        tally.compare(
          `grown ${partitions} → ${grownTo}`,
          scenario,
          { record: engine.after[i], javaPartition: model(grownTo)[i] },
          {
            record: kAfter[i],
            javaPartition: kAfter[i]!.partition,
          },
        );
      });
    }
    check();
  });

  it('a producer that was running when partitions were added keeps the old count until its metadata refresh (not modelled)', async () => {
    const h = harness();
    const topic = `${kafkaRunId}.stale`;
    await h.step({ op: 'createTopic', topic, partitions: 3 });
    const some = keyList.slice(0, 40);
    const send = async () =>
      (await h.step<{ records: Placed[] }>({ op: 'produce', producer: 'stale', topic, records: some.map((key) => ({ key, value: 'v' })) }))
        .records;
    await send();
    await h.step({ op: 'addPartitions', topic, total: 8 });
    const after = await send();
    // Documented in fidelity/README.md and simulator/README.md: the engine uses the new count at once.
    expect(after.map((r) => r.partition)).toEqual(some.map((k) => javaPartition(k, 3)));
  });
});
