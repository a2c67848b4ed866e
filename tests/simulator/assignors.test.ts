import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignPartitions,
  cooperativeStickyAssign,
  javaHashMapOrder,
  parsePartitionName,
  type Assignment,
  type GroupMember,
} from '@/simulator/kafka/assignors';
import { loadVector } from './vectors';
import { runs } from '../support/property';

interface AssignorVectors {
  cases: { assignor: 'range' | 'roundrobin'; name: string; topics: Record<string, number>; members: GroupMember[]; expected: Assignment }[];
}
const cases = loadVector<AssignorVectors>('kafka_assignors.json').cases;

const groupArb = fc.record({
  topics: fc.dictionary(fc.constantFrom('t0', 't1', 't2'), fc.integer({ min: 0, max: 7 })),
  members: fc.uniqueArray(
    fc.record({
      memberId: fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4', 'B', 'a'),
      groupInstanceId: fc.option(fc.constantFrom('i1', 'i2', 'i3'), { nil: undefined }),
      topics: fc.subarray(['t0', 't1', 't2']),
    }),
    { selector: (m) => m.memberId, maxLength: 5 },
  ),
});

function allPartitions(topics: Record<string, number>, members: GroupMember[]): string[] {
  const subscribed = new Set(members.flatMap((m) => m.topics));
  return Object.entries(topics)
    .filter(([t]) => subscribed.has(t))
    .flatMap(([t, n]) => Array.from({ length: n }, (_, p) => `${t}-${p}`));
}

/** Every existing subscribed partition exactly once, to a member subscribed to its topic. */
function checkComplete(a: Assignment, topics: Record<string, number>, members: GroupMember[]): void {
  expect(Object.keys(a).sort()).toEqual(members.map((m) => m.memberId).sort());
  const flat = Object.values(a).flat();
  expect(flat.sort()).toEqual(allPartitions(topics, members).sort());
  for (const m of members) for (const p of a[m.memberId]!) expect(m.topics).toContain(parsePartitionName(p).topic);
}

function spread(a: Assignment, ids: string[]): number {
  const counts = ids.map((id) => a[id]!.length);
  return counts.length ? Math.max(...counts) - Math.min(...counts) : 0;
}

describe('assignPartitions: Kafka vectors', () => {
  it.each(cases)('$assignor: $name', (c) => {
    expect(assignPartitions(c.assignor, c.members, c.topics)).toEqual(c.expected);
  });
});

describe('assignPartitions: rules', () => {
  it('orders static members (group.instance.id) first', () => {
    const members = [
      { memberId: 'a', topics: ['t'] },
      { memberId: 'z', groupInstanceId: 'static', topics: ['t'] },
    ];
    expect(assignPartitions('range', members, { t: 3 })).toEqual({ z: ['t-0', 't-1'], a: ['t-2'] });
  });
  it('leaves consumers beyond the partition count idle', () => {
    const members = ['c1', 'c2', 'c3'].map((memberId) => ({ memberId, topics: ['t'] }));
    expect(assignPartitions('range', members, { t: 2 })).toEqual({ c1: ['t-0'], c2: ['t-1'], c3: [] });
  });
  it('sorts partition numbers numerically and keeps topic names with dashes', () => {
    const r = assignPartitions('range', [{ memberId: 'c', topics: ['my-topic'] }], { 'my-topic': 12 });
    expect(r.c!.slice(-3)).toEqual(['my-topic-9', 'my-topic-10', 'my-topic-11']);
  });
  it('rejects a negative partition count', () => {
    expect(() => assignPartitions('range', [], { t: -1 })).toThrow(RangeError);
  });
  it.each(['range', 'roundrobin'] as const)('%s assigns each partition exactly once to a subscriber', (s) => {
    fc.assert(
      fc.property(groupArb, ({ topics, members }) => {
        checkComplete(assignPartitions(s, members, topics), topics, members);
      }),
    );
  });
  it('roundrobin balances members subscribed alike; range does per topic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.dictionary(fc.constantFrom('t0', 't1'), fc.integer({ min: 0, max: 9 })),
        (k, topics) => {
          const members = Array.from({ length: k }, (_, i) => ({ memberId: `c${i}`, topics: Object.keys(topics) }));
          const ids = members.map((m) => m.memberId);
          expect(spread(assignPartitions('roundrobin', members, topics), ids)).toBeLessThanOrEqual(1);
          for (const t of Object.keys(topics)) {
            const perTopic = assignPartitions('range', members, { [t]: topics[t]! });
            expect(spread(perTopic, ids)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('cooperativeStickyAssign', () => {
  const same = (ids: string[], topics: string[]) => ids.map((memberId) => ({ memberId, topics }));

  it('StickyAssignor javadoc example 2: C0 leaves, C1 and C2 keep theirs', () => {
    const members = [
      { memberId: 'C0', topics: ['t0'] },
      { memberId: 'C1', topics: ['t0', 't1'] },
      { memberId: 'C2', topics: ['t0', 't1', 't2'] },
    ];
    const topics = { t0: 1, t1: 2, t2: 3 };
    const first = cooperativeStickyAssign(members, topics, {});
    expect(first.target).toEqual({ C0: ['t0-0'], C1: ['t1-0', 't1-1'], C2: ['t2-0', 't2-1', 't2-2'] });
    const after = cooperativeStickyAssign(members.slice(1), topics, first.target);
    expect(after.target).toEqual({ C1: ['t0-0', 't1-0', 't1-1'], C2: ['t2-0', 't2-1', 't2-2'] });
    expect(after.followUpNeeded).toBe(false);
  });

  it('StickyAssignor javadoc example 1: C1 leaves, only its partitions move', () => {
    const topics = { t0: 2, t1: 2, t2: 2, t3: 2 };
    const previous = { C0: ['t0-0', 't1-1', 't3-0'], C1: ['t0-1', 't2-0', 't3-1'], C2: ['t1-0', 't2-1'] };
    const r = cooperativeStickyAssign(same(['C0', 'C2'], Object.keys(topics)), topics, previous);
    // The javadoc draws C0 t0-0 t1-1 t2-0 t3-0 / C2 t0-1 t1-0 t2-1 t3-1; kafka-clients 4.4.0's
    // CooperativeStickyAssignor hands the two free partitions round-robin to C0, C2 (sorted) instead.
    expect(r.target).toEqual({ C0: ['t0-0', 't0-1', 't1-1', 't3-0'], C2: ['t1-0', 't2-0', 't2-1', 't3-1'] });
    // The departed member's partitions had no live owner, so nothing waits for a follow-up.
    expect(r.assignment).toEqual(r.target);
    expect(r.followUpNeeded).toBe(false);
  });

  it('a new member: moved partitions are revoked first and assigned in the follow-up', () => {
    const prev = { c1: ['t-0', 't-1', 't-2', 't-3'] };
    const step1 = cooperativeStickyAssign(same(['c1', 'c2'], ['t']), { t: 4 }, prev);
    expect(step1.revoked).toEqual({ c1: ['t-2', 't-3'], c2: [] });
    expect(step1.assignment).toEqual({ c1: ['t-0', 't-1'], c2: [] });
    expect(step1.target).toEqual({ c1: ['t-0', 't-1'], c2: ['t-2', 't-3'] });
    expect(step1.followUpNeeded).toBe(true);
    const step2 = cooperativeStickyAssign(same(['c1', 'c2'], ['t']), { t: 4 }, step1.assignment);
    expect(step2).toEqual({ assignment: step1.target, revoked: { c1: [], c2: [] }, target: step1.target, followUpNeeded: false });
  });

  // Both cases from fidelity/kafka-assignors.test.ts, where kafka-clients 4.4.0's
  // CooperativeStickyAssignor answered this and the engine's earlier heuristic did not.
  it('keeps owned partitions lowest partition number first, fills round-robin in id order (Java constrained assignor)', () => {
    const r = cooperativeStickyAssign(
      same(['E', '3s0lw-'], ['a', 'orders', 'orders-eu']),
      { a: 5, b: 6, orders: 1, 'orders-eu': 0 },
      { E: ['a-1', 'a-3'] },
    );
    expect(r.assignment).toEqual({ E: ['a-1', 'a-2', 'a-3'], '3s0lw-': ['a-0', 'a-4', 'orders-0'] });
  });

  it('members keep their extra partition in java.util.HashMap order, not id order', () => {
    // 8 partitions, 5 members: three may keep 2. HashMap order is p, a, b, c (bucket of "p" is 0), so c gives one up.
    const previous = { a: ['t-0', 't-1'], b: ['t-2', 't-3'], c: ['t-4', 't-5'], p: ['t-6', 't-7'] };
    const r = cooperativeStickyAssign(same(['a', 'b', 'c', 'p', 'n'], ['t']), { t: 8 }, previous);
    expect(r.assignment).toEqual({ a: ['t-0', 't-1'], b: ['t-2', 't-3'], c: ['t-4'], p: ['t-6', 't-7'], n: [] });
    expect(r.revoked.c).toEqual(['t-5']);
    expect(r.target.n).toEqual(['t-5']);
    expect(javaHashMapOrder(['a', 'b', 'c', 'p', 'n'])).toEqual(['p', 'a', 'b', 'c', 'n']);
  });

  it('properties: complete, balanced, sticky, two-step, stable', () => {
    const scenario = fc.record({
      ids: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 5 }),
      nextIds: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 5 }),
      topics: fc.dictionary(fc.constantFrom('t0', 't1'), fc.integer({ min: 0, max: 9 }), { minKeys: 1 }),
    });
    fc.assert(
      fc.property(scenario, ({ ids, nextIds, topics }) => {
        const names = Object.keys(topics);
        const m1 = same(ids, names);
        const m2 = same(nextIds, names);
        const r1 = cooperativeStickyAssign(m1, topics, {});
        checkComplete(r1.target, topics, m1);
        expect(spread(r1.target, ids)).toBeLessThanOrEqual(1);
        // Unchanged membership: nothing moves.
        const again = cooperativeStickyAssign(m1, topics, r1.target);
        expect(again.target).toEqual(r1.target);
        expect(Object.values(again.revoked).flat()).toEqual([]);
        // Membership change: step 1 never gives a partition to two members, step 2 finishes without revoking.
        const s1 = cooperativeStickyAssign(m2, topics, r1.target);
        checkComplete(s1.target, topics, m2);
        expect(spread(s1.target, nextIds)).toBeLessThanOrEqual(1);
        const step1Flat = Object.values(s1.assignment).flat();
        expect(new Set(step1Flat).size).toBe(step1Flat.length);
        for (const id of nextIds) {
          for (const p of s1.revoked[id]!) expect(s1.assignment[id]).not.toContain(p);
          // Sticky: a surviving member keeps min(previous, target count) of its old partitions.
          const kept = (r1.target[id] ?? []).filter((p) => s1.target[id]!.includes(p)).length;
          expect(kept).toBe(Math.min((r1.target[id] ?? []).length, s1.target[id]!.length));
        }
        const s2 = cooperativeStickyAssign(m2, topics, s1.assignment);
        expect(Object.values(s2.revoked).flat()).toEqual([]);
        checkComplete(s2.assignment, topics, m2);
        expect(spread(s2.assignment, nextIds)).toBeLessThanOrEqual(1);
        expect(s2.followUpNeeded).toBe(false);
      }),
      { numRuns: runs(300) },
    );
  });
});
