// Kafka rules as the engine plays them over time.
import { describe, expect, it } from 'vitest';
import { createSimulation, type ScenarioInput } from '@/simulator';
import { javaPartition } from '@/simulator/kafka/partitioner';
import { ofType, runToEnd, scenario } from './engine-helpers';

function topicOnly(topic: Record<string, unknown>, producer: Record<string, unknown>, durationMs = 10_000): ScenarioInput {
  return {
    version: 1,
    durationMs,
    kafka: { topics: [{ name: 't', partitions: 1, ...topic } as never], producers: [{ id: 'p', topic: 't', ...producer } as never] },
  };
}

describe('Kafka log', () => {
  it('rolls a segment when the next record would pass segmentBytes', () => {
    // 100-byte values, no key: 3 records fit in 350 bytes, the 4th rolls
    const sim = runToEnd(topicOnly({ segmentBytes: 350 }, { ratePerSec: 10, count: 10, valueBytes: 100 }));
    const p = sim.snapshot().kafka!.topics[0]!.partitions[0]!;
    expect(p.segments.map((s) => [s.baseOffset, s.lastOffset])).toEqual([
      [0, 2],
      [3, 5],
      [6, 8],
      [9, 9],
    ]);
    expect(p.segments.map((s) => s.active)).toEqual([false, false, false, true]);
    expect(ofType(sim.events(), 'segmentRolled').map((e) => e.reason)).toEqual(['bytes', 'bytes', 'bytes']);
  });

  it('rolls by segmentMs measured from the first record of the segment, once a record is more than segmentMs newer', () => {
    // Records at 0, 500, …, 2500 ms. The one at 1000 is exactly segment.ms after the first and stays
    // (Kafka 4.4 rolls only when the gap is larger: fidelity/kafka-retention.test.ts); 1500 rolls.
    const sim = runToEnd(topicOnly({ segmentMs: 1000 }, { ratePerSec: 2, count: 6 }));
    const p = sim.snapshot().kafka!.topics[0]!.partitions[0]!;
    expect(p.segments.map((s) => s.baseOffset)).toEqual([0, 3]);
    expect(ofType(sim.events(), 'segmentRolled').every((e) => e.reason === 'time')).toBe(true);
  });

  it('retention by size deletes whole oldest segments, never the active one, and moves the log start offset', () => {
    const sim = runToEnd(
      topicOnly({ segmentBytes: 300, retentionBytes: 500, logCheckIntervalMs: 500 }, { ratePerSec: 10, count: 20, valueBytes: 100 }),
    );
    const p = sim.snapshot().kafka!.topics[0]!.partitions[0]!;
    const deleted = ofType(sim.events(), 'segmentDeleted');
    expect(deleted.every((d) => d.reason === 'size')).toBe(true);
    // 20 records of 100 bytes in segments of 3: the last two segments (6 + 2 records... ) stay within 500 bytes + one segment
    const bytes = p.segments.reduce((n, s) => n + s.bytes, 0);
    expect(bytes - p.segments[0]!.bytes).toBeLessThan(500);
    expect(p.logStartOffset).toBe(p.segments[0]!.baseOffset);
    expect(p.records[0]!.offset).toBe(p.logStartOffset);
    expect(p.logEndOffset).toBe(20);
  });

  it('retention by time waits until the newest record of a segment is older than retentionMs', () => {
    const sim = createSimulation(
      scenario(topicOnly({ segmentBytes: 300, retentionMs: 2000, logCheckIntervalMs: 100 }, { ratePerSec: 10, count: 6, valueBytes: 100 })),
      1,
    );
    sim.runUntil(10_000);
    const first = ofType(sim.events(), 'segmentDeleted')[0]!;
    // segment 0..2 has its newest record at 200 ms: deletable once now - 200 > 2000
    expect([first.baseOffset, first.lastOffset, first.time]).toEqual([0, 2, 2300]);
    // then the active segment 3..5 expires too (newest record at 500 ms): Kafka rolls a new, empty
    // segment at the log-end offset and deletes both, so nothing is left and log start = log end
    const p = sim.snapshot().kafka!.topics[0]!.partitions[0]!;
    expect(ofType(sim.events(), 'segmentDeleted').map((d) => [d.baseOffset, d.lastOffset, d.time, d.logStartOffset])).toEqual([
      [0, 2, 2300, 3],
      [3, 5, 2600, 6],
    ]);
    expect([p.logStartOffset, p.logEndOffset, p.records.length]).toEqual([6, 6, 0]);
    expect(p.segments).toEqual([{ baseOffset: 6, lastOffset: 5, bytes: 0, active: true }]);
  });

  it('after every segment expired, the next record starts the log again at the log-end offset', () => {
    const sim = createSimulation(
      scenario(topicOnly({ segmentBytes: 300, retentionMs: 2000, logCheckIntervalMs: 100 }, { ratePerSec: 10, count: 6, valueBytes: 100 })),
      1,
    );
    sim.runUntil(3000);
    sim.intervene({ type: 'kafka.produceBurst', topic: 't', count: 2, keys: null, partitioner: 'java', producer: 'late' });
    sim.runUntil(3500);
    const p = sim.snapshot().kafka!.topics[0]!.partitions[0]!;
    expect([p.logStartOffset, p.logEndOffset]).toEqual([6, 8]);
    expect(p.records.map((r) => r.offset)).toEqual([6, 7]);
    expect(p.segments.map((s) => [s.baseOffset, s.lastOffset])).toEqual([[6, 7]]);
  });

  it('compaction keeps the latest record per key, keeps offsets, and drops tombstones after deleteRetentionMs', () => {
    const sim = createSimulation(
      scenario(
        topicOnly(
          { cleanupPolicy: 'compact', segmentBytes: 200, deleteRetentionMs: 3000, logCheckIntervalMs: 1000 },
          {
            keys: ['a', 'b', 'a', 'b', 'a', 'c', 'c', 'c'],
            values: ['a1', 'b1', 'a2', 'b2', null, 'c1', 'c2', 'c3'],
            ratePerSec: 10,
            count: 8,
            valueBytes: 50,
          },
        ),
      ),
      1,
    );
    sim.runUntil(1500);
    const at = (s = sim.snapshot()) => s.kafka!.topics[0]!.partitions[0]!.records.map((r) => `${r.offset}:${r.key}=${r.value}`);
    // offsets 0..7; the active segment is never cleaned
    const p = sim.snapshot().kafka!.topics[0]!.partitions[0]!;
    const activeBase = p.segments.at(-1)!.baseOffset;
    const cleaned = at().filter((r) => Number(r.split(':')[0]) < activeBase);
    const keys = cleaned.map((r) => r.split(':')[1]!.split('=')[0]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(at()).toContain('4:a=null'); // the tombstone is still there
    sim.runUntil(10_000);
    expect(at()).not.toContain('4:a=null'); // removed after delete.retention.ms
    expect(at().some((r) => r.includes(':a='))).toBe(false);
    expect(at()).toContain('3:b=b2');
  });

  it('null keys stick to one partition for stickyBatchRecords records, chosen by the seeded random', () => {
    const input: ScenarioInput = {
      version: 1,
      durationMs: 5000,
      kafka: {
        topics: [{ name: 't', partitions: 4 }],
        producers: [{ id: 'p', topic: 't', ratePerSec: 20, count: 40, stickyBatchRecords: 5 }],
      },
    };
    const parts = (seed: number) => ofType(runToEnd(input, seed).events(), 'appended').map((a) => a.partition);
    const a = parts(1);
    for (let i = 0; i < a.length; i += 5) expect(new Set(a.slice(i, i + 5)).size).toBe(1);
    for (let i = 5; i < a.length; i += 5) expect(a[i]).not.toBe(a[i - 1]);
    expect(parts(1)).toEqual(a);
    expect(ofType(runToEnd(input, 1).events(), 'appended').every((e) => e.partitionedBy === 'sticky')).toBe(true);
  });

  it('keyed records follow javaPartition, and adding partitions moves keys', () => {
    const input: ScenarioInput = {
      version: 1,
      durationMs: 4000,
      kafka: {
        topics: [{ name: 't', partitions: 3 }],
        producers: [{ id: 'p', topic: 't', keys: { prefix: 'k', count: 20 }, ratePerSec: 20, count: 60 }],
      },
      interventions: [{ time: 1500, intervention: { type: 'kafka.addPartitions', topic: 't', partitions: 5 } }],
    };
    const events = runToEnd(input).events();
    const grew = ofType(events, 'partitionsAdded')[0]!;
    for (const a of ofType(events, 'appended')) expect(a.partition).toBe(javaPartition(a.key!, a.seq < grew.seq ? 3 : 5));
    expect(ofType(events, 'appended').some((a) => a.partition >= 3)).toBe(true);
  });
});

const group = (over: Record<string, unknown>, consumers: Record<string, unknown>[], records = 10): ScenarioInput => ({
  version: 1,
  durationMs: 10_000,
  kafka: {
    topics: [
      { name: 't', partitions: 1, records: Array.from({ length: records }, (_, i) => ({ partition: 0, key: `k${i}`, value: `v${i}` })) },
    ],
    groups: [{ id: 'g', topics: ['t'], ...over, consumers } as never],
  },
});

describe('Kafka consumer groups', () => {
  it('auto.offset.reset none with no committed offset stops the consumer', () => {
    const events = runToEnd(group({ autoOffsetReset: 'none' }, [{ id: 'c' }])).events();
    expect(ofType(events, 'offsetReset')[0]).toMatchObject({ policy: 'none', to: null, reason: 'no-committed-offset' });
    expect(ofType(events, 'consumerFailed')).toHaveLength(1);
    expect(ofType(events, 'fetched')).toEqual([]);
  });

  it('latest starts at the log end, earliest at the log start, a committed offset wins over both', () => {
    const first = (over: Record<string, unknown>) => ofType(runToEnd(group(over, [{ id: 'c' }])).events(), 'fetched')[0]?.fromOffset;
    expect(first({ autoOffsetReset: 'latest' })).toBeUndefined();
    expect(first({ autoOffsetReset: 'earliest' })).toBe(0);
    expect(first({ autoOffsetReset: 'latest', committed: { 't-0': 7 } })).toBe(7);
  });

  it('position runs ahead of the committed offset; lag = log end − committed', () => {
    const events = runToEnd(
      group({ autoOffsetReset: 'earliest', enableAutoCommit: true, autoCommitIntervalMs: 5000 }, [
        { id: 'c', maxPollRecords: 2, processingMsPerRecord: 100 },
      ]),
    ).events();
    const f = ofType(events, 'fetched')[1]!;
    expect([f.fromOffset, f.position, f.committedOffset, f.lag]).toEqual([2, 4, null, null]);
    const c = ofType(events, 'committed')[0]!;
    expect(c.mode).toBe('auto');
    expect(c.lag).toBe(10 - c.committedOffset);
  });

  it('commit after processing commits each batch once it is processed', () => {
    const events = runToEnd(
      group({ autoOffsetReset: 'earliest', enableAutoCommit: false }, [{ id: 'c', maxPollRecords: 3, processingMsPerRecord: 100 }]),
    ).events();
    expect(ofType(events, 'committed').map((c) => [c.committedOffset, c.mode])).toEqual([
      [3, 'manual'],
      [6, 'manual'],
      [9, 'manual'],
      [10, 'manual'],
    ]);
  });

  it('seek moves the position; the next fetch starts there', () => {
    const input = group({ autoOffsetReset: 'earliest', enableAutoCommit: false }, [
      { id: 'c', maxPollRecords: 2, processingMsPerRecord: 500 },
    ]);
    const sim = createSimulation(scenario(input), 1);
    sim.runUntil(3000);
    sim.intervene({ type: 'kafka.seek', group: 'g', consumer: 'c', topic: 't', partition: 0, to: { offset: 1 } });
    sim.runUntil(sim.endTime);
    const seeked = ofType(sim.events(), 'seeked')[0]!;
    expect(seeked.to).toBe(1);
    const next = ofType(sim.events(), 'fetched').find((f) => f.seq > seeked.seq)!;
    expect(next.fromOffset).toBe(1);
    expect(next.redelivered).toBeGreaterThan(0);
  });

  it('seek to a timestamp finds the first record at or after it', () => {
    const input: ScenarioInput = {
      version: 1,
      durationMs: 10_000,
      kafka: {
        topics: [
          {
            name: 't',
            partitions: 1,
            records: [0, 1000, 2000, 3000].map((timestamp, i) => ({ partition: 0, key: null, value: `v${i}`, timestamp })),
          },
        ],
        groups: [{ id: 'g', topics: ['t'], autoOffsetReset: 'latest', consumers: [{ id: 'c' }] }],
      },
      interventions: [
        { time: 2000, intervention: { type: 'kafka.seek', group: 'g', consumer: 'c', topic: 't', partition: 0, to: { timestamp: 1500 } } },
      ],
    };
    expect(ofType(runToEnd(input).events(), 'seeked')[0]!.to).toBe(2);
  });

  it('eager rebalances revoke everything; cooperative-sticky revokes only what moves, in two rounds', () => {
    const input = (strategy: string): ScenarioInput => ({
      version: 1,
      durationMs: 6000,
      kafka: {
        topics: [{ name: 't', partitions: 4 }],
        groups: [{ id: 'g', topics: ['t'], strategy: strategy as never, consumers: [{ id: 'a' }] }],
      },
      interventions: [{ time: 2000, intervention: { type: 'kafka.addConsumer', group: 'g', consumer: { id: 'b' } } }],
    });
    const eager = ofType(runToEnd(input('range')).events(), 'rebalanced');
    expect(eager).toHaveLength(2);
    expect(eager[1]!.revoked.a).toEqual(['t-0', 't-1', 't-2', 't-3']);
    expect(eager[1]!.assignment).toEqual({ a: ['t-0', 't-1'], b: ['t-2', 't-3'] });
    const coop = ofType(runToEnd(input('cooperative-sticky')).events(), 'rebalanced');
    expect(coop).toHaveLength(3);
    expect(coop[1]!.followUp).toBe(true);
    expect(coop[1]!.revoked.a!.length).toBe(2);
    expect(coop[1]!.assignment.b).toEqual([]);
    expect(coop[2]!.assignment.b!.length).toBe(2);
    expect(coop[2]!.generation).toBe(3);
  });

  it('a crashed consumer keeps its partitions until the session times out', () => {
    const input = group(
      { autoOffsetReset: 'earliest', sessionTimeoutMs: 3000 },
      [{ id: 'a', processingMsPerRecord: 300 }, { id: 'b' }],
      40,
    );
    const sim = createSimulation(
      scenario({ ...input, interventions: [{ time: 2000, intervention: { type: 'kafka.crashConsumer', group: 'g', consumer: 'a' } }] }),
      1,
    );
    sim.runUntil(4000);
    const members = sim.snapshot().kafka!.groups[0]!.members;
    expect(members.find((m) => m.id === 'a')).toMatchObject({ status: 'crashed', assigned: ['t-0'] });
    expect(members.find((m) => m.id === 'b')).toMatchObject({ status: 'idle', assigned: [] });
    sim.runUntil(6000);
    const after = sim.snapshot().kafka!.groups[0]!.members;
    expect(after.find((m) => m.id === 'b')!.assigned).toEqual(['t-0']);
    expect(ofType(sim.events(), 'consumerLeft')[0]!.time).toBe(5000);
  });
});
