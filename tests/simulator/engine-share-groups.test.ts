// Share groups (KIP-932 as in Kafka 4.4): acquisition locks, delivery counts, acknowledgements, the
// delivery count limit, SPSO/SPEO, the in-flight window, implicit and explicit modes, the DLQ.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, type ScenarioInput, type ShareGroupView } from '@/simulator';
import { simpleShareAssign } from '@/simulator/kafka/assignors';
import { ofType, runToEnd, scenario } from './engine-helpers';
import { runs } from '../support/property';

type Consumer = Record<string, unknown> & { id: string };

function shareScenario(consumers: Consumer[], group: Record<string, unknown> = {}, x: Record<string, unknown> = {}): ScenarioInput {
  return {
    version: 1,
    durationMs: (x.durationMs as number) ?? 10_000,
    kafka: {
      topics: [
        { name: 'jobs', partitions: (x.partitions as number) ?? 1, ...(x.topic as object) },
        { name: 'dlq.jobs', partitions: 1, errorsDeadletterqueueGroupEnable: true },
      ],
      producers: [
        { id: 'app', topic: 'jobs', keys: ['a', 'poison', 'c', 'd'], ratePerSec: 4, count: 12, startMs: 500, ...(x.producer as object) },
      ],
      shareGroups: [{ id: 'workers', topics: ['jobs'], shareRecordLockDurationMs: 1500, ...group, consumers }],
    } as never,
    interventions: (x.interventions ?? []) as never,
  };
}

function share(sim: ReturnType<typeof runToEnd>): ShareGroupView {
  return sim.snapshot().kafka!.shareGroups![0]!;
}

describe('acquisition and acknowledgement', () => {
  it('implicit mode accepts every record; each is delivered once, to one member, and the SPSO passes them all', () => {
    const sim = runToEnd(shareScenario([{ id: 'w1' }, { id: 'w2' }]));
    const acquired = ofType(sim.events(), 'shareAcquired').flatMap((e) => e.offsets);
    expect([...acquired].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(ofType(sim.events(), 'shareAcquired').every((e) => e.deliveryCounts.every((c) => c === 1))).toBe(true);
    const p = share(sim).partitions[0]!;
    expect(p).toMatchObject({ spso: 12, speo: 12, acknowledged: 12, archived: 0, inFlight: 0 });
    // Both members of the one partition got records: no exclusive owner.
    expect(new Set(ofType(sim.events(), 'shareAcquired').map((e) => e.consumer))).toEqual(new Set(['w1', 'w2']));
  });

  it('share.auto.offset.reset=latest skips records produced before the group first reads; earliest reads them', () => {
    for (const reset of ['latest', 'earliest'] as const) {
      const sim = runToEnd(shareScenario([{ id: 'w1', startMs: 2000 }], { shareAutoOffsetReset: reset }));
      const init = ofType(sim.events(), 'sharePartitionInitialized')[0]!;
      // Records at 500, 750, …, 2000 ms are in the log when w1 first fetches at 2000.
      expect(init.spso).toBe(reset === 'latest' ? 7 : 0);
      expect(share(sim).partitions[0]!.acknowledged).toBe(reset === 'latest' ? 5 : 12);
    }
  });

  it('RELEASE makes a record available again with its delivery count kept; the next delivery counts 2', () => {
    const fail = { shareAcknowledgementMode: 'explicit', fail: { keys: ['poison'] } };
    const sim = runToEnd(
      shareScenario([
        { id: 'w1', ...fail },
        { id: 'w2', ...fail },
      ]),
    );
    const poison = ofType(sim.events(), 'shareAcquired').filter((e) => e.offsets.includes(1));
    const released = ofType(sim.events(), 'shareAcknowledged').filter((e) => e.ack === 'RELEASE' && e.offsets.includes(1));
    expect(released[0]!.time).toBeLessThan(poison[1]!.time + 1);
    // Released records come back before new ones, with their count: 1, 2, 3, 4, 5, then archived (limit 5).
    expect(poison.map((e) => e.deliveryCounts[e.offsets.indexOf(1)])).toEqual([1, 2, 3, 4, 5]);
    expect(ofType(sim.events(), 'shareArchived').filter((e) => e.offsets.includes(1))).toHaveLength(1);
  });

  it('REJECT archives at once; the record never comes back', () => {
    const sim = runToEnd(
      shareScenario([{ id: 'w1', shareAcknowledgementMode: 'explicit', fail: { keys: ['poison'] }, failAcknowledge: 'REJECT' }]),
    );
    expect(ofType(sim.events(), 'shareAcquired').filter((e) => e.offsets.includes(1))).toHaveLength(1);
    const archived = ofType(sim.events(), 'shareArchived');
    expect(archived.map((e) => [e.offsets, e.reason])).toEqual([
      [[1], 'rejected'],
      [[5], 'rejected'],
      [[9], 'rejected'],
    ]);
    expect(share(sim).partitions[0]).toMatchObject({ acknowledged: 9, archived: 3, spso: 12 });
  });

  it('a poison record is delivered share.delivery.count.limit times, then archived, and goes to the 4.4 dead-letter topic', () => {
    const fail = { shareAcknowledgementMode: 'explicit', fail: { keys: ['poison'] } };
    const sim = runToEnd(
      shareScenario(
        [
          { id: 'w1', ...fail },
          { id: 'w2', ...fail },
        ],
        { shareDeliveryCountLimit: 3, errorsDeadletterqueueTopicName: 'dlq.jobs' },
      ),
    );
    const deliveries = ofType(sim.events(), 'shareAcquired').filter((e) => e.offsets.includes(1));
    expect(deliveries.map((e) => e.deliveryCounts[e.offsets.indexOf(1)])).toEqual([1, 2, 3]);
    const archived = ofType(sim.events(), 'shareArchived').find((e) => e.offsets.includes(1))!;
    expect(archived.reason).toBe('delivery-count-limit');
    expect(archived.dlq).toEqual({ topic: 'dlq.jobs', partition: 0, offsets: [0] });
    // The dead-letter record keeps the original's id but not its key or value (copy.record.enable is off).
    const dlq = sim.snapshot().kafka!.topics[1]!.partitions[0]!.records;
    expect(dlq[0]).toMatchObject({ messageId: 'app-1', key: null, value: null, tombstone: false });
  });

  it('a record on its last attempt is delivered alone', () => {
    const fail = { shareAcknowledgementMode: 'explicit', fail: { keys: ['poison'] }, maxPollRecords: 10 };
    const sim = runToEnd(
      shareScenario([{ id: 'w1', ...fail }], { shareDeliveryCountLimit: 3 }, { producer: { ratePerSec: 100, startMs: 0 } }),
    );
    const last = ofType(sim.events(), 'shareAcquired').filter((e) => e.deliveryCounts.includes(3));
    expect(last.length).toBeGreaterThan(0);
    for (const e of last) expect(e.offsets).toHaveLength(1);
  });
});

describe('locks', () => {
  it('a slow consumer whose lock expires: the record goes to another member, and its late ACCEPT is refused', () => {
    const sim = runToEnd(
      shareScenario([
        { id: 'slow', maxPollRecords: 1, processingMsPerRecord: 2500 },
        { id: 'fast', processingMsPerRecord: 50, startMs: 600 },
      ]),
    );
    const expired = ofType(sim.events(), 'shareLockExpired');
    expect(expired.length).toBeGreaterThan(0);
    expect(expired[0]).toMatchObject({ consumer: 'slow', offsets: [0], time: 2000 });
    const again = ofType(sim.events(), 'shareAcquired').find((e) => e.consumer === 'fast' && e.offsets.includes(0))!;
    expect(again.deliveryCounts[again.offsets.indexOf(0)]).toBe(2);
    const refused = ofType(sim.events(), 'shareAcknowledged').find((e) => e.consumer === 'slow' && e.failedOffsets.includes(0))!;
    expect(refused.time).toBe(3000);
  });

  it("RENEW keeps a slow consumer's lock: nothing expires", () => {
    const sim = runToEnd(
      shareScenario([
        { id: 'slow', maxPollRecords: 1, processingMsPerRecord: 2500, shareAcknowledgementMode: 'explicit', renewLocks: true },
      ]),
    );
    expect(ofType(sim.events(), 'shareLockExpired')).toHaveLength(0);
    expect(ofType(sim.events(), 'shareAcknowledged').some((e) => e.ack === 'RENEW')).toBe(true);
    expect(ofType(sim.events(), 'shareAcknowledged').every((e) => e.failedOffsets.length === 0)).toBe(true);
  });

  it("a crashed member's records are released at once (its connection closed), count kept", () => {
    const sim = runToEnd(
      shareScenario(
        [
          { id: 'w1', maxPollRecords: 3, processingMsPerRecord: 1000 },
          { id: 'w2', startMs: 3000 },
        ],
        {},
        {
          interventions: [{ time: 2000, intervention: { type: 'kafka.crashShareConsumer', group: 'workers', consumer: 'w1' } }],
        },
      ),
    );
    const released = ofType(sim.events(), 'shareReleasedOnLeave');
    expect(released).toHaveLength(1);
    expect(released[0]!.time).toBe(2000);
    expect(share(sim).partitions[0]!.acknowledged).toBe(12);
  });
});

describe('the in-flight window', () => {
  it('one stuck record holds the SPSO; new records stop once SPEO − SPSO reaches share.partition.max.record.locks', () => {
    const sim = createSimulation(
      scenario(
        shareScenario(
          [
            { id: 'stuck', maxPollRecords: 1, processingMsPerRecord: 60_000 },
            { id: 'fast', processingMsPerRecord: 10, startMs: 400 },
          ],
          { sharePartitionMaxRecordLocks: 5, shareRecordLockDurationMs: 60_000 },
          { durationMs: 20_000, producer: { count: 30 } },
        ),
      ),
      1,
    );
    sim.runUntil(9000);
    const p = sim.snapshot().kafka!.shareGroups![0]!.partitions[0]!;
    expect(p.spso).toBe(0);
    expect(p.speo).toBe(5);
    expect(p.windowFull).toBe(true);
    expect(p.records.map((r) => r.state)).toEqual(['acquired', 'acknowledged', 'acknowledged', 'acknowledged', 'acknowledged']);
    expect(p.records[0]!.owner).toBe('stuck');
  });
});

describe('more consumers than partitions', () => {
  it('a consumer group idles the extra consumers; a share group puts every one to work', () => {
    const sim = runToEnd({
      version: 1,
      durationMs: 8000,
      kafka: {
        topics: [{ name: 'jobs', partitions: 2 }],
        producers: [{ id: 'app', topic: 'jobs', keys: { prefix: 'k', count: 20 }, ratePerSec: 20, count: 100 }],
        groups: [
          {
            id: 'group',
            topics: ['jobs'],
            autoOffsetReset: 'earliest',
            consumers: ['g1', 'g2', 'g3', 'g4'].map((id) => ({ id, processingMsPerRecord: 150 })),
          },
        ],
        shareGroups: [
          {
            id: 'share',
            topics: ['jobs'],
            shareAutoOffsetReset: 'earliest',
            consumers: ['s1', 's2', 's3', 's4'].map((id) => ({ id, processingMsPerRecord: 150 })),
          },
        ],
      },
    });
    const snap = sim.snapshot().kafka!;
    expect(snap.groups[0]!.members.filter((m) => m.status === 'idle').map((m) => m.id)).toHaveLength(2);
    const sg = snap.shareGroups![0]!;
    expect(sg.members.every((m) => m.assigned.length === 1)).toBe(true);
    const busy = new Set(ofType(sim.events(), 'shareAcquired').map((e) => e.consumer));
    expect(busy).toEqual(new Set(['s1', 's2', 's3', 's4']));
    const fetchedBy = new Set(ofType(sim.events(), 'fetched').map((e) => e.consumer));
    expect(fetchedBy.size).toBe(2);
  });
});

describe('the simple assignor (share groups)', () => {
  it('shares each partition among ceil(M / P) members: 5 members over 2 partitions', () => {
    expect(simpleShareAssign(['a', 'b', 'c', 'd', 'e'], ['t-0', 't-1'], {})).toEqual({
      a: ['t-0', 't-1'],
      b: ['t-0'],
      c: ['t-0'],
      d: ['t-1'],
      e: ['t-1'],
    });
    expect(simpleShareAssign(['a', 'b', 'c'], ['t-0'], {})).toEqual({ a: ['t-0'], b: ['t-0'], c: ['t-0'] });
    expect(simpleShareAssign(['a', 'b'], ['t-0', 't-1', 't-2'], {})).toEqual({ a: ['t-0', 't-2'], b: ['t-1'] });
  });

  it('every partition is assigned, none more than ceil(M/P) times, no member over its share; members keep what they can', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (p, joins) => {
        const partitions = Array.from({ length: p }, (_, i) => `t-${i}`);
        let members: string[] = [];
        let previous: Record<string, string[]> = {};
        let next = 0;
        for (const join of joins) {
          if (join || members.length <= 1) members = [...members, `m${next++}`];
          else members = members.slice(1);
          const out = simpleShareAssign(members, partitions, previous);
          const sharing = Math.ceil(members.length / p);
          const counts = new Map<string, number>();
          for (const list of Object.values(out)) for (const x of list) counts.set(x, (counts.get(x) ?? 0) + 1);
          for (const x of partitions) {
            expect(counts.get(x) ?? 0).toBeGreaterThan(0);
            expect(counts.get(x)).toBeLessThanOrEqual(sharing);
          }
          const sizes = Object.values(out).map((l) => l.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(Math.ceil((sharing * p) / members.length));
          previous = out;
        }
      }),
      { numRuns: runs(60) },
    );
  });
});
