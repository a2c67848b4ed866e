// Kafka client-side partition assignors. Source: apache/kafka RangeAssignor.java,
// RoundRobinAssignor.java, AbstractStickyAssignor.java, CooperativeStickyAssignor.java.
// Assignments are keyed by member id and partition counts by topic: prototype-free tables (core/table).
import { nameTable, own } from '../core/table';

export interface GroupMember {
  memberId: string;
  groupInstanceId?: string;
  topics: string[];
}

export type AssignmentStrategy = 'range' | 'roundrobin';
export type Assignment = Record<string, string[]>;

/** A partition named as Kafka prints it: `topic-N`. */
export function partitionName(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/** Splits `topic-N` at its last dash (topic names may contain dashes). */
export function parsePartitionName(name: string): { topic: string; partition: number } {
  const dash = name.lastIndexOf('-');
  return { topic: name.slice(0, dash), partition: Number(name.slice(dash + 1)) };
}

// Java String.compareTo and JS < both compare UTF-16 code units.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts `topic-N` names by topic, then partition number. */
export function comparePartitionNames(a: string, b: string): number {
  const pa = parsePartitionName(a);
  const pb = parsePartitionName(b);
  return compareStrings(pa.topic, pb.topic) || pa.partition - pb.partition;
}

/** Static members (group.instance.id) first, by that id; then the rest by member id. */
export function sortMembers<M extends GroupMember>(members: M[]): M[] {
  return [...members].sort((a, b) => {
    const sa = a.groupInstanceId !== undefined;
    const sb = b.groupInstanceId !== undefined;
    if (sa !== sb) return sa ? -1 : 1;
    if (sa && sb) return compareStrings(a.groupInstanceId!, b.groupInstanceId!) || compareStrings(a.memberId, b.memberId);
    return compareStrings(a.memberId, b.memberId);
  });
}

function checkPartitionCounts(partitionsPerTopic: Record<string, number>): void {
  for (const [topic, n] of Object.entries(partitionsPerTopic)) {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`topic "${topic}" needs a whole, non-negative partition count (got ${String(n)})`);
  }
}

function emptyAssignment(members: GroupMember[]): Assignment {
  const out = nameTable<string[]>();
  for (const m of members) out[m.memberId] = [];
  return out;
}

function finishAssignment(out: Assignment): Assignment {
  for (const id of Object.keys(out)) out[id]!.sort(comparePartitionNames);
  return out;
}

function hasTopic(partitionsPerTopic: Record<string, number>, topic: string): boolean {
  return Object.prototype.hasOwnProperty.call(partitionsPerTopic, topic);
}

/** Eager range or round-robin assignment; every member appears, possibly with []. */
export function assignPartitions(
  strategy: AssignmentStrategy,
  members: GroupMember[],
  partitionsPerTopic: Record<string, number>,
): Assignment {
  checkPartitionCounts(partitionsPerTopic);
  const sorted = sortMembers(members);
  const out = emptyAssignment(members);
  // Topics without metadata are skipped.
  const topics = [...new Set(members.flatMap((m) => m.topics))].filter((t) => hasTopic(partitionsPerTopic, t)).sort(compareStrings);

  if (strategy === 'range') {
    for (const topic of topics) {
      const subs = sorted.filter((m) => m.topics.includes(topic));
      const n = partitionsPerTopic[topic]!;
      const per = Math.floor(n / subs.length);
      const extra = n % subs.length;
      let next = 0;
      subs.forEach((m, i) => {
        const count = per + (i < extra ? 1 : 0);
        for (let p = next; p < next + count; p++) out[m.memberId]!.push(partitionName(topic, p));
        next += count;
      });
    }
  } else {
    if (sorted.length === 0) return out;
    let cursor = 0;
    for (const topic of topics) {
      for (let p = 0; p < partitionsPerTopic[topic]!; p++) {
        // Advance the circular iterator to the next member subscribed to this topic.
        while (!sorted[cursor % sorted.length]!.topics.includes(topic)) cursor++;
        out[sorted[cursor % sorted.length]!.memberId]!.push(partitionName(topic, p));
        cursor++;
      }
    }
  }
  return finishAssignment(out);
}

export interface CooperativeStickyResult {
  /** What each member owns after THIS rebalance: kept partitions plus ones nobody owned before. */
  assignment: Assignment;
  /** Per member, partitions it must give up now; they are assigned in the follow-up rebalance. */
  revoked: Assignment;
  /** The balanced assignment the group reaches after the follow-up rebalance. */
  target: Assignment;
  /** True when partitions were revoked, so the group must rebalance once more to place them. */
  followUpNeeded: boolean;
}

/** Java's String.hashCode (UTF-16 code units, 32-bit overflow). */
function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The order in which a java.util.HashMap (default capacity, load factor 0.75) iterates string keys
 * put in this order: by bucket (spread hash & (capacity - 1)), then in insertion order. The Java
 * sticky assignors walk their members in this order, and which member keeps an extra partition
 * depends on it.
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const bucket = (k: string) => {
    const h = javaStringHash(k);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return keys
    .map((k, i) => ({ k, i, b: bucket(k) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((x) => x.k);
}

/** Java's order for owned partitions in the constrained assignor: by partition number, then topic. */
function byPartitionThenTopic(a: string, b: string): number {
  const pa = parsePartitionName(a);
  const pb = parsePartitionName(b);
  return pa.partition - pb.partition || compareStrings(pa.topic, pb.topic);
}

/** Previously owned partitions that still count (`valid`), per member; one claimed by two members is taken from both. */
function previousOwnership(order: string[], previous: Assignment, valid: (p: string) => boolean) {
  const owned = new Map<string, string[]>(order.map((id) => [id, []]));
  const claimedBy = new Map<string, string>();
  const multiplyClaimed = new Set<string>();
  for (const id of order) {
    for (const p of own(previous, id) ?? []) {
      if (!valid(p)) continue;
      const other = claimedBy.get(p);
      if (other === undefined) owned.get(id)!.push(p);
      else {
        multiplyClaimed.add(p);
        owned.set(
          other,
          owned.get(other)!.filter((x) => x !== p),
        );
      }
      claimedBy.set(p, id);
    }
  }
  return { owned, multiplyClaimed };
}

/** CooperativeStickyAssignor.adjustAssignment: a partition changing owner is revoked now and assigned in the follow-up. */
function withoutTransfers(members: GroupMember[], target: Assignment, transferring: Set<string>, previous: Assignment) {
  const assignment = emptyAssignment(members);
  const revoked = emptyAssignment(members);
  for (const { memberId: id } of members) {
    assignment[id] = target[id]!.filter((p) => !transferring.has(p));
    revoked[id] = (own(previous, id) ?? []).filter((p) => !assignment[id]!.includes(p));
  }
  finishAssignment(assignment);
  finishAssignment(revoked);
  return { assignment, revoked };
}

/**
 * Cooperative-sticky when every member subscribes to the same topics (every engine group): a port of
 * the Java client's AbstractStickyAssignor.ConstrainedAssignmentBuilder (without racks) and
 * CooperativeStickyAssignor.adjustAssignment. Members are walked in HashMap order (previous owners
 * keep up to the quota of their partitions, lowest partition numbers first), then the unassigned
 * partitions go round-robin to the members still under quota, sorted by id.
 */
function constrainedStickyAssign(
  members: GroupMember[],
  partitionsPerTopic: Record<string, number>,
  previous: Assignment,
): CooperativeStickyResult {
  const ids = members.map((m) => m.memberId);
  const topics = members.length === 0 ? [] : members[0]!.topics.filter((t) => hasTopic(partitionsPerTopic, t));
  const topicSet = new Set(topics);
  const all: string[] = [];
  for (const t of [...topicSet].sort(compareStrings)) for (let p = 0; p < partitionsPerTopic[t]!; p++) all.push(partitionName(t, p));
  const exists = new Set(all);
  const order = javaHashMapOrder(ids);

  const { owned, multiplyClaimed } = previousOwnership(order, previous, (p) => topicSet.has(parsePartitionName(p).topic) && exists.has(p));

  const total = all.length;
  const n = ids.length;
  const minQuota = Math.floor(total / n);
  const maxQuota = Math.ceil(total / n);
  const expectedOver = total % n;
  let currentOver = 0;
  const target = emptyAssignment(members);
  const assigned = new Set<string>();
  const maybeRevoked = new Map<string, string>();
  let underMin: string[] = [];
  let exactlyMin: string[] = [];

  for (const id of order) {
    const mine = owned
      .get(id)!
      .filter((p) => !multiplyClaimed.has(p))
      .sort(byPartitionThenTopic);
    let keep: number;
    if (mine.length < minQuota) {
      keep = mine.length;
      underMin.push(id);
    } else if (mine.length >= maxQuota && currentOver < expectedOver) {
      currentOver++;
      if (currentOver === expectedOver) exactlyMin = [];
      keep = maxQuota;
    } else {
      keep = minQuota;
      if (currentOver < expectedOver) exactlyMin.push(id);
    }
    for (const p of mine.slice(0, keep)) {
      target[id]!.push(p);
      assigned.add(p);
    }
    for (const p of mine.slice(keep)) maybeRevoked.set(p, id);
  }

  underMin = underMin.sort(compareStrings);
  exactlyMin = exactlyMin.sort(compareStrings);
  const transferring = new Set<string>();
  let next = 0; // the round-robin iterator over underMin
  for (const p of all) {
    if (assigned.has(p)) continue;
    let id: string;
    if (next < underMin.length) id = underMin[next++]!;
    else if (underMin.length === 0 && exactlyMin.length === 0) throw new Error('sticky assignment: no member left under quota');
    else if (underMin.length === 0) id = exactlyMin.shift()!;
    else {
      next = 0;
      id = underMin[next++]!;
    }
    target[id]!.push(p);
    const from = maybeRevoked.get(p);
    if ((from !== undefined && from !== id) || multiplyClaimed.has(p)) transferring.add(p);
    const count = target[id]!.length;
    if (count === minQuota) {
      underMin.splice(--next, 1);
      exactlyMin.push(id);
    } else if (count === maxQuota) currentOver++;
  }

  const { assignment, revoked } = withoutTransfers(members, target, transferring, previous);
  finishAssignment(target);
  return { assignment, revoked, target, followUpNeeded: transferring.size > 0 };
}

/**
 * Cooperative-sticky: balance first (counts differ by at most one among members that could take each
 * other's partitions), then keep as many previous ownerships as possible. A partition that changes
 * owner is only revoked now and assigned in a follow-up rebalance; call again with
 * previous = result.assignment to get that follow-up (it revokes nothing). When every member has the
 * same subscription this is the Java client's algorithm exactly (checked against kafka-clients 4.4.0
 * by fidelity/kafka-assignors.test.ts); otherwise it keeps Java's guarantees but may move other
 * partitions than Java's general algorithm would.
 */
export function cooperativeStickyAssign(
  members: GroupMember[],
  partitionsPerTopic: Record<string, number>,
  previous: Assignment,
): CooperativeStickyResult {
  checkPartitionCounts(partitionsPerTopic);
  const first = members[0]?.topics ?? [];
  if (members.every((m) => m.topics.length === first.length && m.topics.every((t) => first.includes(t))))
    return constrainedStickyAssign(members, partitionsPerTopic, previous);
  const sorted = sortMembers(members);
  const subscribed = new Map(sorted.map((m) => [m.memberId, new Set(m.topics)]));
  const owned = new Map<string, Set<string>>(sorted.map((m) => [m.memberId, new Set<string>()]));
  const all: string[] = [];
  const topics = [...new Set(members.flatMap((m) => m.topics))].filter((t) => hasTopic(partitionsPerTopic, t)).sort(compareStrings);
  for (const t of topics) for (let p = 0; p < partitionsPerTopic[t]!; p++) all.push(partitionName(t, p));
  const exists = new Set(all);
  const ownerOf = new Map<string, string>();
  const previousOwner = new Map<string, string>();

  // 1. Keep every valid previous ownership (first claimant in member order wins a double claim).
  for (const m of sorted) {
    for (const p of [...(own(previous, m.memberId) ?? [])].sort(comparePartitionNames)) {
      if (!previousOwner.has(p)) previousOwner.set(p, m.memberId);
      if (!exists.has(p) || ownerOf.has(p) || !subscribed.get(m.memberId)!.has(parsePartitionName(p).topic)) continue;
      ownerOf.set(p, m.memberId);
      owned.get(m.memberId)!.add(p);
    }
  }
  const eligible = (p: string) => sorted.filter((m) => subscribed.get(m.memberId)!.has(parsePartitionName(p).topic));
  const count = (id: string) => owned.get(id)!.size;

  // 2. Unowned partitions go to the least-loaded subscriber (ties: member order).
  for (const p of all) {
    if (ownerOf.has(p)) continue;
    const cands = eligible(p);
    if (cands.length === 0) continue;
    let best = cands[0]!;
    for (const c of cands) if (count(c.memberId) < count(best.memberId)) best = c;
    ownerOf.set(p, best.memberId);
    owned.get(best.memberId)!.add(p);
  }

  // 3. Balance: move from the most to the least loaded while some pair differs by 2+ and can trade.
  balance(sorted, owned, ownerOf, subscribed);

  const target = emptyAssignment(members);
  const assignment = emptyAssignment(members);
  const revoked = emptyAssignment(members);
  for (const [p, owner] of ownerOf) {
    target[owner]!.push(p);
    const prev = previousOwner.get(p);
    // Moving away from a member still in the group: revoke now, assign in the follow-up.
    if (prev !== undefined && prev !== owner && owned.has(prev)) revoked[prev]!.push(p);
    else assignment[owner]!.push(p);
  }
  // Previously owned partitions that no longer exist or are no longer subscribed are revoked too.
  for (const m of sorted) {
    for (const p of own(previous, m.memberId) ?? []) {
      if (ownerOf.get(p) !== m.memberId && !revoked[m.memberId]!.includes(p)) revoked[m.memberId]!.push(p);
    }
  }
  finishAssignment(target);
  finishAssignment(assignment);
  finishAssignment(revoked);
  const followUpNeeded = Object.values(assignment).flat().length < Object.values(target).flat().length;
  return { assignment, revoked, target, followUpNeeded };
}

/** Moves one partition at a time from the most to the least loaded member that can read it, until no pair differs by 2+ (each move lowers the sum of squared counts, so this ends). */
function balance(
  sorted: GroupMember[],
  owned: Map<string, Set<string>>,
  ownerOf: Map<string, string>,
  subscribed: Map<string, Set<string>>,
): void {
  const count = (id: string) => owned.get(id)!.size;
  for (;;) {
    let moved = false;
    const byLoad = [...sorted].sort((a, b) => count(b.memberId) - count(a.memberId));
    outer: for (const heavy of byLoad) {
      const light = [...byLoad].reverse();
      for (const taker of light) {
        if (count(heavy.memberId) - count(taker.memberId) < 2) break;
        const takerTopics = subscribed.get(taker.memberId)!;
        // Give away the heavy member's last partition the taker can read.
        const give = [...owned.get(heavy.memberId)!]
          .sort(comparePartitionNames)
          .reverse()
          .find((p) => takerTopics.has(parsePartitionName(p).topic));
        if (give === undefined) continue;
        owned.get(heavy.memberId)!.delete(give);
        owned.get(taker.memberId)!.add(give);
        ownerOf.set(give, taker.memberId);
        moved = true;
        break outer;
      }
    }
    if (!moved) break;
  }
}

/**
 * The share groups' "simple" assignor for members with the same subscription (Kafka 4.4
 * group-coordinator SimpleHomogeneousAssignmentBuilder): each partition goes to ceil(M / P) members
 * (so with more members than partitions several share one), member i of M is given
 * ceil(q·(i+1)) − ceil(q·i) partitions with q = sharing·P/M; balance first, then each member keeps
 * what it had. There is no revocation step. Kafka walks members and partitions in hash order (member
 * ids are random); here members go in join order and partitions in name order.
 */
export function simpleShareAssign(memberIds: readonly string[], partitions: readonly string[], previous: Assignment): Assignment {
  const m = memberIds.length;
  const p = partitions.length;
  const out = nameTable<string[]>();
  for (const id of memberIds) out[id] = [];
  if (m === 0 || p === 0) return out;
  const sharing = Math.ceil(m / p);
  const q = (sharing * p) / m;
  const desired = memberIds.map((_, i) => Math.ceil(q * (i + 1)) - Math.ceil(q * i));
  const exists = new Set(partitions);
  const byPartition = new Map<string, number[]>(partitions.map((x) => [x, []]));
  const mine: string[][] = memberIds.map((id) =>
    [...new Set(own(previous, id) ?? [])].filter((x) => exists.has(x)).sort((a, b) => partitions.indexOf(a) - partitions.indexOf(b)),
  );
  // Members with too many keep their first ones.
  mine.forEach((list, i) => list.splice(desired[i]!));
  mine.forEach((list, i) => list.forEach((x) => byPartition.get(x)!.push(i)));
  // A partition shared by more members than it should be loses its lowest-numbered ones.
  for (const [x, holders] of byPartition) {
    while (holders.length > sharing) {
      const i = holders.shift()!;
      mine[i] = mine[i]!.filter((y) => y !== x);
    }
  }
  const unfilled = memberIds.map((_, i) => i).filter((i) => mine[i]!.length < desired[i]!);
  let cursor = 0;
  let assignedThisPass = false;
  for (const x of partitions) {
    const holders = byPartition.get(x)!;
    let wanted = sharing - holders.length;
    while (wanted > 0 && unfilled.length > 0) {
      if (cursor >= unfilled.length) {
        if (!assignedThisPass) break;
        cursor = 0;
        assignedThisPass = false;
      }
      const i = unfilled[cursor]!;
      if (holders.includes(i)) {
        cursor++;
        continue;
      }
      mine[i]!.push(x);
      holders.push(i);
      wanted--;
      assignedThisPass = true;
      if (mine[i]!.length >= desired[i]!) unfilled.splice(cursor, 1);
      else cursor++;
    }
    if (unfilled.length === 0) break;
  }
  memberIds.forEach((id, i) => (out[id] = [...mine[i]!].sort(comparePartitionNames)));
  return out;
}

/**
 * The consumer group protocol's server-side "uniform" assignor for members with the same subscription
 * (Kafka 4.4 group-coordinator UniformHomogeneousAssignmentBuilder): every member keeps what it owns up
 * to its quota (total / members, and one more for the first members that already hold more, as many as
 * total % members allow), the rest goes to the members under quota in order. Balance, then
 * stickiness. Kafka walks members in hash order of their (random) ids; `memberIds` is that order here.
 */
export function uniformAssign(memberIds: readonly string[], partitions: readonly string[], previous: Assignment): Assignment {
  const out = nameTable<string[]>();
  const n = memberIds.length;
  if (n === 0) return out;
  const exists = new Set(partitions);
  const held = new Set(memberIds.flatMap((id) => own(previous, id) ?? []));
  // Partitions nobody holds first (in order), then those members give up, in member order.
  const unassigned = partitions.filter((p) => !held.has(p));
  const minQuota = Math.floor(partitions.length / n);
  let extra = partitions.length % n;
  const unfilled: { id: string; left: number }[] = [];
  memberIds.forEach((id, index) => {
    let quota = minQuota;
    let hasExtra = false;
    if (extra > 0) {
      quota++;
      hasExtra = true;
    }
    const kept: string[] = [];
    for (const p of (own(previous, id) ?? []).filter((x) => exists.has(x)).sort(comparePartitionNames)) {
      if (quota > 0) {
        kept.push(p);
        quota--;
      } else unassigned.push(p);
    }
    // Give the extra partition up for a later member, unless this member is one of the last that must take it.
    if (quota > 0 && hasExtra && n - index > extra) {
      quota--;
      hasExtra = false;
    }
    if (quota > 0) unfilled.push({ id, left: quota });
    if (hasExtra) extra--;
    out[id] = kept;
  });
  let next = 0;
  for (const u of unfilled) for (let i = 0; i < u.left && next < unassigned.length; i++) out[u.id]!.push(unassigned[next++]!);
  for (const id of memberIds) out[id]!.sort(comparePartitionNames);
  return out;
}
