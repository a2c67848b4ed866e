// The Kafka cluster model: replicas, ISR, high watermark, acks, elections, truncation, the ledger.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, type ScenarioInput, type Snapshot } from '@/simulator';
import { ofType, runToEnd, scenario } from './engine-helpers';
import { runs } from '../support/property';

type Extra = {
  topic?: Record<string, unknown>;
  producers?: Record<string, unknown>[];
  kafka?: Record<string, unknown>;
  interventions?: { time: number; intervention: Record<string, unknown> }[];
  durationMs?: number;
  groups?: boolean;
};

/** Three brokers, one partition replicated three times, a producer at 5 records/s. */
function cluster(x: Extra = {}): ScenarioInput {
  return {
    version: 1,
    durationMs: x.durationMs ?? 20_000,
    kafka: {
      brokers: 3,
      brokerSessionTimeoutMs: 2_000,
      replicaLagTimeMaxMs: 4_000,
      ...x.kafka,
      topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2, ...x.topic }],
      producers: (x.producers ?? [{}]).map((p, i) => ({ id: `p${i}`, topic: 'orders', ratePerSec: 5, count: 60, ...p })),
      groups:
        x.groups === false
          ? []
          : [{ id: 'g', topics: ['orders'], autoOffsetReset: 'earliest', consumers: [{ id: 'c', processingMsPerRecord: 10 }] }],
    } as never,
    interventions: (x.interventions ?? []) as never,
  };
}

const kill = (time: number, broker: number) => ({ time, intervention: { type: 'kafka.killBroker', broker } });
const start = (time: number, broker: number) => ({ time, intervention: { type: 'kafka.startBroker', broker } });
const pause = (time: number, broker: number) => ({ time, intervention: { type: 'kafka.pauseFetching', broker } });
const resume = (time: number, broker: number) => ({ time, intervention: { type: 'kafka.resumeFetching', broker } });

function replication(snap: Snapshot) {
  return snap.kafka!.topics[0]!.partitions[0]!.replication!;
}
function ledger(snap: Snapshot, i = 0) {
  return snap.kafka!.cluster!.ledger[i]!;
}

describe('the cluster model stays out of scenarios that do not ask for it', () => {
  it('a scenario without `brokers` has no cluster view and no cluster events', () => {
    const sim = runToEnd({
      version: 1,
      durationMs: 3000,
      kafka: { topics: [{ name: 't', partitions: 2 }], producers: [{ id: 'p', topic: 't', ratePerSec: 10, count: 20 }] },
    });
    expect(sim.snapshot().kafka!.cluster).toBeUndefined();
    expect(sim.snapshot().kafka!.topics[0]!.partitions[0]!.replication).toBeUndefined();
    expect(sim.events().some((e) => e.type === 'produceAcked' || e.type === 'hwAdvanced')).toBe(false);
  });

  it('killing the only broker of such a scenario turns the cluster view on and stops production', () => {
    const sim = runToEnd({
      version: 1,
      durationMs: 12_000,
      kafka: { topics: [{ name: 't', partitions: 1 }], producers: [{ id: 'p', topic: 't', ratePerSec: 10, count: 20 }] },
      interventions: [{ time: 1000, intervention: { type: 'kafka.killBroker', broker: 1 } }],
    });
    const snap = sim.snapshot();
    expect(snap.kafka!.cluster!.brokers[0]!.status).toBe('fenced');
    expect(snap.kafka!.topics[0]!.partitions[0]!.logEndOffset).toBe(10);
    expect(replication(snap).leader).toBeNull();
    expect(ledger(snap).pending).toBe(10);
  });
});

describe('replication and the high watermark', () => {
  it('followers copy the leader; the high watermark is what every in-sync replica has; acks=all waits for it', () => {
    const sim = createSimulation(scenario(cluster({ groups: false })), 1);
    sim.runUntil(999);
    const appended = ofType(sim.events(), 'appended')[0]!;
    const acked = ofType(sim.events(), 'produceAcked')[0]!;
    // networkDelayMs 1: the follower's parked fetch is answered, arrives 1 ms later, and its next fetch moves the HW.
    expect(acked.time - appended.time).toBe(1);
    expect(ofType(sim.events(), 'hwAdvanced')[0]!.time).toBe(acked.time);
    const r = replication(sim.snapshot());
    expect(r.replicas.map((x) => x.logEndOffset)).toEqual([5, 5, 5]);
    expect(r.highWatermark).toBe(5);
    expect(r.isr).toEqual([1, 2, 3]);
  });

  it('a consumer never reads above the high watermark: with the followers stalled nothing new is readable', () => {
    const sim = createSimulation(scenario(cluster({ interventions: [pause(2000, 2), pause(2000, 3)] })), 1);
    sim.runUntil(3500);
    const r = replication(sim.snapshot());
    expect(r.highWatermark).toBe(10);
    const fetched = ofType(sim.events(), 'fetched');
    expect(Math.max(...fetched.map((f) => f.toOffset))).toBe(10);
    expect(sim.snapshot().kafka!.topics[0]!.partitions[0]!.logEndOffset).toBeGreaterThan(15);
  });

  it('a stalled follower leaves the ISR between replicaLagTimeMaxMs and 1.5 × it, and rejoins once it catches up', () => {
    const sim = runToEnd(cluster({ interventions: [pause(2000, 3), resume(12_000, 3)] }));
    const shrunk = ofType(sim.events(), 'isrShrunk');
    expect(shrunk).toHaveLength(1);
    expect(shrunk[0]!.broker).toBe(3);
    expect(shrunk[0]!.reason).toBe('lagging');
    // Last caught up at about 2000; the check runs every 2 s: removal 4–6 s later.
    expect(shrunk[0]!.time - 2000).toBeGreaterThan(4000);
    expect(shrunk[0]!.time - 2000).toBeLessThanOrEqual(6000 + 10);
    const expanded = ofType(sim.events(), 'isrExpanded');
    expect(expanded.map((e) => [e.broker, e.time])).toEqual([[3, 12_001]]);
    expect(replication(sim.snapshot()).isr).toEqual([1, 2, 3]);
  });
});

describe('leader failure', () => {
  it('acks=all, minInsyncReplicas 2, the leader dies: the first live ISR replica leads with epoch + 1, nothing acknowledged is lost', () => {
    const sim = runToEnd(cluster({ interventions: [kill(5000, 1), start(12_000, 1)] }));
    const elected = ofType(sim.events(), 'partitionLeaderElected');
    expect(elected.map((e) => [e.time, e.leader, e.leaderEpoch, e.reason])).toEqual([[7000, 2, 1, 'leader-fenced']]);
    const l = ledger(sim.snapshot());
    expect(l).toMatchObject({ sent: 60, acknowledged: 60, failed: 0, acknowledgedButLost: 0, duplicatesDelivered: 0 });
    expect(ofType(sim.events(), 'logTruncated').every((e) => e.acknowledged.length === 0)).toBe(true);
    // Every acknowledged record is in the log, once, in order.
    const p = sim.snapshot().kafka!.topics[0]!.partitions[0]!;
    expect(p.records.map((r) => r.messageId)).toEqual(Array.from({ length: 60 }, (_, i) => `p0-${i}`));
  });

  it('acks=1 and the leader dies before the followers catch up: acknowledged records are lost, and the returning leader truncates them', () => {
    const sim = runToEnd(
      cluster({
        producers: [{ acks: 1 }],
        interventions: [pause(2000, 2), pause(2000, 3), kill(3500, 1), resume(3600, 2), resume(3600, 3), start(9000, 1)],
      }),
    );
    const l = ledger(sim.snapshot());
    // Records 10–17 (2000–3400 ms) were acknowledged by broker 1 alone.
    expect(l.acknowledgedButLost).toBe(8);
    expect(l.lostMessageIds).toEqual(Array.from({ length: 8 }, (_, i) => `p0-${10 + i}`));
    const cut = ofType(sim.events(), 'logTruncated');
    expect(cut.map((e) => [e.broker, e.fromOffset, e.toOffset])).toEqual([[1, 10, 18]]);
    expect(cut[0]!.acknowledged).toEqual(l.lostMessageIds);
    expect(cut[0]!.acks).toEqual(['1']);
    // No consumer ever read them: they were above the high watermark.
    const read = ofType(sim.events(), 'fetched').flatMap((f) => f.messageIds);
    for (const id of l.lostMessageIds) expect(read).not.toContain(id);
  });

  it('two of three brokers down: acks=all gets NOT_ENOUGH_REPLICAS, acks=1 is acknowledged but unreadable (the HW stands still)', () => {
    const sim = createSimulation(
      scenario(
        cluster({
          producers: [
            { id: 'safe', acks: 'all', deliveryTimeoutMs: 60_000 },
            { id: 'fast', acks: 1 },
          ],
          interventions: [kill(2000, 3), kill(4000, 2)],
        }),
      ),
      1,
    );
    sim.runUntil(10_000);
    const failed = ofType(sim.events(), 'produceFailed');
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((f) => f.producer))).toEqual(new Set(['safe']));
    expect(failed.every((f) => f.error === 'NOT_ENOUGH_REPLICAS' && !f.final)).toBe(true);
    expect(failed[0]!.isr).toEqual([1]);
    const snap = sim.snapshot();
    expect(replication(snap).underMinIsr).toBe(true);
    const hw = replication(snap).highWatermark;
    expect(snap.kafka!.topics[0]!.partitions[0]!.logEndOffset).toBeGreaterThan(hw);
    expect(ledger(snap, 1).acknowledged).toBe(51);
    // Bring one back: the ISR reaches min.insync.replicas again and everything goes through.
    sim.intervene({ type: 'kafka.startBroker', broker: 2 });
    sim.runUntil(sim.endTime);
    expect(ledger(sim.snapshot(), 0)).toMatchObject({ acknowledged: 60, failed: 0, duplicatesDelivered: 0, acknowledgedButLost: 0 });
  });

  it("with retries=0 the application gets the broker's own error (NOT_ENOUGH_REPLICAS), as the Java client and Kafka 4.4 do", () => {
    // Found by fidelity/kafka-cluster.test.ts: the engine used to report a made-up RETRIES_EXHAUSTED.
    const sim = createSimulation(
      scenario(
        cluster({
          producers: [{ id: 'once', acks: 'all', retries: 0, enableIdempotence: false, startMs: 8000, count: 5 }],
          interventions: [kill(2000, 3), kill(3000, 2)],
        }),
      ),
      1,
    );
    sim.runUntil(sim.endTime);
    const failed = ofType(sim.events(), 'produceFailed');
    expect(failed.flatMap((f) => f.messageIds)).toHaveLength(5);
    expect(failed.every((f) => f.error === 'NOT_ENOUGH_REPLICAS' && f.final)).toBe(true);
    expect(ledger(sim.snapshot(), 0)).toMatchObject({ sent: 5, failed: 5, acknowledged: 0 });
  });

  it('delivery.timeout.ms ends the retries: the producer gives up with a TimeoutException', () => {
    const sim = runToEnd(cluster({ producers: [{ deliveryTimeoutMs: 3000 }], interventions: [kill(2000, 3), kill(4000, 2)] }));
    const given = ofType(sim.events(), 'produceFailed').filter((f) => f.final);
    expect(given.length).toBeGreaterThan(0);
    expect(given.every((f) => f.error === 'DELIVERY_TIMEOUT')).toBe(true);
    expect(ledger(sim.snapshot()).failed).toBe(given.reduce((n, f) => n + f.messageIds.length, 0));
  });

  for (const unclean of [false, true])
    it(`every in-sync replica dies, an out-of-sync one survives: unclean leader election ${unclean ? 'on elects it and loses acknowledged records' : 'off leaves the partition offline'}`, () => {
      const sim = runToEnd(
        cluster({
          topic: { minInsyncReplicas: 1, uncleanLeaderElection: unclean },
          interventions: [pause(1000, 2), pause(1000, 3), kill(8000, 1), resume(8500, 2), resume(8500, 3), start(14_000, 1)],
        }),
      );
      const elected = ofType(sim.events(), 'partitionLeaderElected');
      const l = ledger(sim.snapshot());
      if (!unclean) {
        expect(elected.map((e) => [e.time, e.leader, e.reason])).toEqual([
          [10_000, null, 'leader-fenced'],
          [14_000, 1, 'broker-returned'],
        ]);
        expect(l.acknowledgedButLost).toBe(0);
        expect(l.acknowledged).toBe(60);
      } else {
        expect(elected.map((e) => [e.time, e.leader, e.reason])).toEqual([[10_000, 2, 'unclean']]);
        expect(elected[0]!.missing).toEqual({ fromOffset: 5, toOffset: 40 });
        expect(l.acknowledgedButLost).toBe(35);
        const cut = ofType(sim.events(), 'logTruncated');
        expect(cut.map((e) => [e.broker, e.fromOffset])).toEqual([[1, 5]]);
        expect(cut[0]!.acks).toEqual(['all']);
      }
    });
});

describe('retries, idempotence and duplicates', () => {
  for (const enableIdempotence of [false, true])
    it(`requests time out while a stalled follower holds the HW back: retries ${enableIdempotence ? 'are deduplicated by the idempotent producer' : 'append copies (duplicates)'}`, () => {
      const sim = runToEnd(
        cluster({
          producers: [{ enableIdempotence, requestTimeoutMs: 1500, count: 40 }],
          kafka: { replicaLagTimeMaxMs: 8000 },
          interventions: [pause(2000, 3)],
        }),
      );
      const l = ledger(sim.snapshot());
      const timedOut = ofType(sim.events(), 'produceFailed').filter((f) => f.error === 'REQUEST_TIMED_OUT');
      expect(timedOut.length).toBeGreaterThan(0);
      expect(l.acknowledged).toBe(40);
      if (enableIdempotence) {
        expect(l.duplicatesDelivered).toBe(0);
        expect(ofType(sim.events(), 'appended').some((a) => a.duplicateOf !== undefined)).toBe(false);
      } else {
        expect(l.duplicatesDelivered).toBeGreaterThan(0);
        const copies = ofType(sim.events(), 'appended').filter((a) => a.duplicateOf !== undefined);
        expect(copies.length).toBe(l.duplicatesDelivered);
        // The consumer reads the duplicates.
        const read = ofType(sim.events(), 'fetched').flatMap((f) => f.messageIds);
        expect(read.length - new Set(read).size).toBe(l.duplicatesDelivered);
      }
    });

  it('enableIdempotence needs acks "all" (ConfigException in the Java client)', () => {
    const parsed = createSimulationErrors(cluster({ producers: [{ acks: 1, enableIdempotence: true }] }));
    expect(parsed).toContain('kafka.producers[0].enableIdempotence');
  });
});

function createSimulationErrors(input: ScenarioInput): string {
  try {
    scenario(input);
    return '';
  } catch (e) {
    return String(e);
  }
}

describe('properties of the cluster model', () => {
  const ivArb = fc.array(
    fc.record({
      time: fc.integer({ min: 0, max: 14_000 }),
      type: fc.constantFrom('kafka.killBroker', 'kafka.startBroker', 'kafka.pauseFetching', 'kafka.resumeFetching'),
      broker: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 8 },
  );

  it('with acks=all and unclean election off, no acknowledged record is ever lost; consumers read below the HW only', () => {
    fc.assert(
      fc.property(ivArb, fc.integer({ min: 1, max: 3 }), fc.boolean(), (ivs, minIsr, idempotent) => {
        const sim = runToEnd(
          cluster({
            topic: { minInsyncReplicas: minIsr, partitions: 2 },
            producers: [{ enableIdempotence: idempotent, requestTimeoutMs: 1000, deliveryTimeoutMs: 4000 }],
            interventions: ivs.map(({ time, type, broker }) => ({ time, intervention: { type, broker } })),
          }),
        );
        const snap = sim.snapshot();
        const l = ledger(snap);
        expect(l.acknowledgedButLost).toBe(0);
        expect(l.acknowledged + l.failed + l.pending).toBe(l.sent);
        if (idempotent) expect(l.duplicatesDelivered).toBe(0);
        for (const p of snap.kafka!.topics[0]!.partitions) {
          const r = p.replication!;
          // The HW never passes an in-sync replica's log-end offset... as the leader knows it; at least never the leader's.
          expect(r.highWatermark).toBeLessThanOrEqual(p.logEndOffset);
          expect(r.isr.length).toBeGreaterThan(0);
        }
        // Every acknowledged record is readable, once the partitions are back: checked on the logs the leaders hold.
        const present = new Set(snap.kafka!.topics[0]!.partitions.flatMap((p) => p.records.map((r) => r.messageId)));
        for (const e of ofType(sim.events(), 'produceAcked'))
          for (const id of e.messageIds) expect(present.has(id) || l.lostMessageIds.includes(id)).toBe(true);
      }),
      { numRuns: runs(40) },
    );
  });

  it('the same interventions give the same trace, and seeking back replays it (checkpoints survive truncation)', () => {
    fc.assert(
      fc.property(ivArb, (ivs) => {
        const input = cluster({
          producers: [{ acks: 1 }, { acks: 'all', enableIdempotence: false, requestTimeoutMs: 800 }],
          topic: { uncleanLeaderElection: true, minInsyncReplicas: 1 },
          interventions: ivs.map(({ time, type, broker }) => ({ time, intervention: { type, broker } })),
        });
        // A forward run's snapshots at several moments, then the same moments reached by seeking back
        // from the end (checkpoints restored and replayed) must be identical.
        const times = [19_000, 15_000, 11_000, 8000, 6000, 4000, 2000];
        const forward = createSimulation(scenario(input), 3, { checkpointEvery: 0 });
        const expected = new Map<number, string>();
        for (const t of [...times].reverse()) {
          forward.runUntil(t);
          expected.set(t, JSON.stringify(forward.snapshot()));
        }
        const a = createSimulation(scenario(input), 3, { checkpointEvery: 20 });
        a.runUntil(a.endTime);
        const events = JSON.stringify(a.events());
        for (const t of times) {
          a.seek(t);
          expect(JSON.stringify(a.snapshot())).toBe(expected.get(t));
        }
        a.seek(a.endTime);
        expect(JSON.stringify(a.events())).toBe(events);
      }),
      { numRuns: runs(25) },
    );
  });
});

describe('a replica log', () => {
  it('a clone (a checkpoint) keeps its records when the original truncates and other records take those offsets', async () => {
    const { PartitionLog } = await import('@/simulator/kafka/log');
    const log = new PartitionLog('t', 0);
    log.beginEpoch(0);
    const roll = { segmentBytes: 1_000_000 };
    for (let seq = 0; seq < 10; seq++) log.append({ timestamp: seq, keyId: -1, source: 0, seq }, 10, 0, roll);
    const checkpoint = log.clone();
    expect(log.truncateTo(6)).toBe(4);
    log.beginEpoch(1);
    for (let seq = 100; seq < 104; seq++) log.append({ timestamp: seq, keyId: -1, source: 1, seq }, 10, 0, roll);
    expect([...checkpoint.sourceSeq.slice(0, 10)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...log.sourceSeq.slice(0, 10)]).toEqual([0, 1, 2, 3, 4, 5, 100, 101, 102, 103]);
    expect(checkpoint.epochs).toEqual([0, 0]);
    expect(log.epochs).toEqual([0, 0, 1, 6]);
    expect(log.epochAt(5)).toBe(0);
    expect(log.epochAt(6)).toBe(1);
  });

  it('divergence: where two replicas stop agreeing on the epoch of an offset', async () => {
    const { PartitionLog } = await import('@/simulator/kafka/log');
    const { divergence } = await import('@/simulator/kafka/replication');
    const roll = { segmentBytes: 1_000_000 };
    const make = (parts: [number, number][]) => {
      const log = new PartitionLog('t', 0);
      let seq = 0;
      for (const [epoch, n] of parts) {
        log.beginEpoch(epoch);
        for (let i = 0; i < n; i++) log.append({ timestamp: 0, keyId: -1, source: 0, seq: seq++ }, 1, 0, roll);
      }
      return log;
    };
    expect(divergence(make([[0, 10]]), make([[0, 6]]))).toBe(6);
    expect(
      divergence(
        make([[0, 10]]),
        make([
          [0, 6],
          [1, 8],
        ]),
      ),
    ).toBe(6);
    expect(
      divergence(
        make([
          [0, 4],
          [2, 3],
        ]),
        make([
          [0, 4],
          [1, 2],
          [2, 5],
        ]),
      ),
    ).toBe(4);
    expect(
      divergence(
        make([
          [0, 5],
          [1, 5],
        ]),
        make([
          [0, 5],
          [1, 7],
        ]),
      ),
    ).toBe(10);
  });
});
