// Rebalances as Kafka 4.x does them: eager stops the world, cooperative-sticky keeps members reading
// what they keep, the consumer protocol (KIP-848) reconciles member by member on heartbeats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, type ScenarioInput, type SimEvent } from '@/simulator';
import { uniformAssign } from '@/simulator/kafka/assignors';
import { ofType, scenario } from './engine-helpers';
import { runs } from '../support/property';

const consumer = (id: string) => ({ id, maxPollRecords: 5, processingMsPerRecord: 120 });

function threeStyles(): ScenarioInput {
  const group = (id: string, extra: Record<string, unknown>) => ({
    id,
    topics: ['orders'],
    autoOffsetReset: 'earliest',
    ...extra,
    consumers: [consumer(`${id}-1`), consumer(`${id}-2`)],
  });
  return {
    version: 1,
    durationMs: 20_000,
    kafka: {
      topics: [{ name: 'orders', partitions: 6 }],
      producers: [{ id: 'shop', topic: 'orders', keys: { prefix: 'c', count: 30 }, ratePerSec: 30, count: 600 }],
      groups: [
        group('eager', { strategy: 'range' }),
        group('coop', { strategy: 'cooperative-sticky' }),
        group('kip848', { groupProtocol: 'consumer', heartbeatIntervalMs: 1000 }),
      ],
    } as never,
    interventions: ['eager', 'coop', 'kip848'].map((g) => ({
      time: 10_000,
      intervention: { type: 'kafka.addConsumer', group: g, consumer: consumer(`${g}-3`) },
    })) as never,
  };
}

function run(input: ScenarioInput) {
  const sim = createSimulation(scenario(input), 1);
  sim.runUntil(sim.endTime);
  return sim;
}

/** Who owns what, replayed from events (rebalanced for classic groups, memberReconciled for the consumer protocol). */
function fetchesBetween(events: readonly SimEvent[], group: string, from: number, to: number) {
  return ofType(events, 'fetched').filter((e) => e.group === group && e.time > from && e.time < to);
}

describe('three rebalance styles on one clock', () => {
  const sim = run(threeStyles());
  const events = sim.events();
  const groups = Object.fromEntries(sim.snapshot().kafka!.groups.map((g) => [g.id, g]));

  it('eager (range): nobody in the group fetches from the join until the rebalance ends', () => {
    const done = ofType(events, 'rebalanced').find((e) => e.group === 'eager' && e.time >= 10_000)!;
    expect(fetchesBetween(events, 'eager', 10_000, done.time)).toEqual([]);
    expect(groups.eager!.rebalanceStats!.latest!.pausedPartitionMs).toBe(6 * (done.time - 10_000));
  });

  it('cooperative-sticky: members keep fetching the partitions they keep; only moved ones pause, until the follow-up', () => {
    const [first, followUp] = ofType(events, 'rebalanced').filter((e) => e.group === 'coop' && e.time >= 10_000);
    expect(first!.followUp).toBe(true);
    expect(followUp!.followUp).toBe(false);
    const during = fetchesBetween(events, 'coop', 10_000, followUp!.time);
    expect(during.length).toBeGreaterThan(0);
    const moved = Object.values(first!.revoked).flat();
    expect(moved).toHaveLength(2);
    // A moved partition is not fetched between its revocation and the follow-up.
    for (const e of fetchesBetween(events, 'coop', first!.time, followUp!.time)) expect(moved).not.toContain(`${e.topic}-${e.partition}`);
    expect(groups.coop!.rebalanceStats!.latest!.pausedPartitionMs).toBeLessThan(groups.eager!.rebalanceStats!.latest!.pausedPartitionMs);
  });

  it('consumer protocol: no barrier; the newcomer gets a partition only after its previous owner revoked it', () => {
    const target = ofType(events, 'targetAssignment').find((e) => e.group === 'kip848' && e.time >= 10_000)!;
    expect(target.assignor).toBe('uniform');
    const rec = ofType(events, 'memberReconciled').filter((e) => e.group === 'kip848' && e.time >= 10_000);
    for (const add of rec.filter((e) => e.added.length > 0))
      for (const p of add.added) {
        const revoke = rec.find((e) => e.revoked.includes(p));
        expect(revoke).toBeDefined();
        expect(revoke!.time).toBeLessThanOrEqual(add.time);
      }
    // Fetching never stops in the group.
    expect(fetchesBetween(events, 'kip848', 10_000, 10_500).length).toBeGreaterThan(0);
    const final = groups.kip848!;
    expect(final.members.map((m) => m.assigned.length)).toEqual([2, 2, 2]);
    expect(final.members.every((m) => m.memberEpoch === final.groupEpoch)).toBe(true);
    expect(final.rebalancing).toBe(false);
  });

  it('at every moment a partition has at most one owner in each group', () => {
    for (const g of ['eager', 'coop', 'kip848']) {
      const probe = createSimulation(scenario(threeStyles()), 1);
      for (let t = 9_000; t <= 14_000; t += 37) {
        probe.runUntil(t);
        const owned = probe
          .snapshot()
          .kafka!.groups.find((x) => x.id === g)!
          .members.flatMap((m) => m.assigned);
        expect(new Set(owned).size).toBe(owned.length);
      }
    }
  });

  it('eager pauses the most, cooperative less, and every style ends with a balanced group', () => {
    for (const g of Object.values(groups)) expect(g.members.map((m) => m.assigned.length).sort()).toEqual([2, 2, 2]);
    const paused = (id: string) => groups[id]!.rebalanceStats!.latest!.pausedPartitionMs;
    expect(paused('eager')).toBeGreaterThan(paused('coop'));
  });
});

describe('a consumer-protocol member that crashes', () => {
  it('keeps its partitions until the session timeout, then the others take them, each on its own heartbeat', () => {
    const sim = run({
      version: 1,
      durationMs: 12_000,
      kafka: {
        topics: [{ name: 't', partitions: 4 }],
        producers: [{ id: 'p', topic: 't', keys: { prefix: 'k', count: 8 }, ratePerSec: 10, count: 100 }],
        groups: [
          {
            id: 'g',
            topics: ['t'],
            groupProtocol: 'consumer',
            groupRemoteAssignor: 'range',
            sessionTimeoutMs: 3000,
            heartbeatIntervalMs: 500,
            autoOffsetReset: 'earliest',
            consumers: [consumer('a'), consumer('b')],
          },
        ],
      },
      interventions: [{ time: 4000, intervention: { type: 'kafka.crashConsumer', group: 'g', consumer: 'b' } }],
    });
    const targets = ofType(sim.events(), 'targetAssignment');
    expect(targets.at(-1)).toMatchObject({ time: 7000, assignor: 'range', target: { a: ['t-0', 't-1', 't-2', 't-3'] } });
    const a = sim.snapshot().kafka!.groups[0]!.members.find((m) => m.id === 'a')!;
    expect(a.assigned).toEqual(['t-0', 't-1', 't-2', 't-3']);
  });
});

describe('the uniform assignor (consumer protocol)', () => {
  it('follows UniformHomogeneousAssignmentBuilder: the last members take the extra partitions; newcomers take what others give up', () => {
    expect(uniformAssign(['a', 'b', 'c'], ['t-0', 't-1', 't-2', 't-3', 't-4', 't-5', 't-6'], {})).toEqual({
      a: ['t-0', 't-1'],
      b: ['t-2', 't-3'],
      c: ['t-4', 't-5', 't-6'],
    });
    expect(
      uniformAssign(['a', 'b', 'c'], ['t-0', 't-1', 't-2', 't-3', 't-4', 't-5'], { a: ['t-0', 't-1', 't-2'], b: ['t-3', 't-4', 't-5'] }),
    ).toEqual({
      a: ['t-0', 't-1'],
      b: ['t-3', 't-4'],
      c: ['t-2', 't-5'],
    });
  });

  it('each partition has one owner, counts differ by at most one, and a member keeps min(what it had, its quota)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }), (p, joins) => {
        const partitions = Array.from({ length: p }, (_, i) => `t-${i}`);
        let members: string[] = [];
        let previous: Record<string, string[]> = {};
        let next = 0;
        for (const join of joins) {
          if (join || members.length <= 1) members = [...members, `m${next++}`];
          else members = members.filter((_, i) => i !== next % members.length);
          const out = uniformAssign(members, partitions, previous);
          const all = Object.values(out).flat();
          expect(all.sort()).toEqual([...partitions].sort());
          const sizes = members.map((m) => out[m]!.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          for (const m of members) {
            const kept = (previous[m] ?? []).filter((x) => out[m]!.includes(x)).length;
            expect(kept).toBe(Math.min((previous[m] ?? []).length, out[m]!.length));
          }
          previous = out;
        }
      }),
      { numRuns: runs(60) },
    );
  });
});
