// The consumer group protocol (KIP-848; group.protocol=consumer, the default for new Kafka 4.0+
// consumers is still "classic"): the broker computes a target assignment with its own assignor
// ("uniform" by default, or "range") whenever membership changes (the group epoch + 1), and each member
// reconciles on its own heartbeats, with no group-wide barrier. A member first gives up the partitions
// it must revoke (inside poll(), committing first) and says so on a heartbeat sent at once; it gets a
// partition only once its previous owner has released it. Sources (apache/kafka 4.4): group-coordinator
// modern/consumer/CurrentAssignmentBuilder.java (UNREVOKED_PARTITIONS, UNRELEASED_PARTITIONS, STABLE),
// modern/TargetAssignmentBuilder.java, assignor/UniformAssignor.java and RangeAssignor.java;
// ConsumerConfig (group.protocol), GroupCoordinatorConfig (group.consumer.heartbeat.interval.ms 5000,
// group.consumer.session.timeout.ms 45000).
import { own } from '../core/table';
import { assignPartitions, partitionName, uniformAssign, type Assignment } from './assignors';
import { schedulePoll } from './consumer';
import { applyAssignment, liveMembers, rebalanceBegins, rebalanceEnds } from './group-coordinator';
import { KafkaTask, type GroupState, type KafkaState, type MemberState } from './state';

function partitionsOf(k: KafkaState, g: GroupState): string[] {
  const out: string[] = [];
  for (const t of [...g.spec.topics].sort()) {
    const topic = k.topic(t);
    if (topic) for (let p = 0; p < topic.partitions.length; p++) out.push(partitionName(t, p));
  }
  return out;
}

/** Membership changed: group epoch + 1 and a new target assignment; members learn it on their heartbeats. */
export function targetChanged(k: KafkaState, g: GroupState, reason: string): void {
  g.groupEpoch++;
  const live = liveMembers(k, g);
  // Members that stopped (a failed poll) or were fenced are out of the group and own nothing.
  for (const i of g.members) if (!live.includes(k.members[i]!)) k.members[i]!.assigned = [];
  g.members = live.map((m) => m.idx);
  const ids = live.map((m) => m.id);
  const assignor = g.spec.groupRemoteAssignor;
  const target: Assignment =
    assignor === 'range'
      ? assignPartitions(
          'range',
          ids.map((memberId) => ({ memberId, topics: [...g.spec.topics] })),
          Object.fromEntries(g.spec.topics.map((t) => [t, k.topic(t)?.partitions.length ?? 0])),
        )
      : uniformAssign(ids, partitionsOf(k, g), g.target);
  g.target = target;
  g.rebalancing = true;
  rebalanceBegins(k, g);
  if (k.w.rec) k.w.emit({ type: 'targetAssignment', group: g.id, groupEpoch: g.groupEpoch, assignor, target: { ...target }, reason });
  settled(k, g);
}

/** A member's heartbeat now (it joined, or it just revoked partitions), then every heartbeatIntervalMs. */
export function heartbeatNow(k: KafkaState, m: MemberState): void {
  const g = k.groups[m.group]!;
  if (g.spec.groupProtocol !== 'consumer') return;
  reconcile(k, g, m);
  m.heartbeatToken++;
  k.schedule(k.w.time + g.spec.heartbeatIntervalMs, KafkaTask.heartbeat, m.idx, m.heartbeatToken);
}

export function heartbeat(k: KafkaState, idx: number, token: number): void {
  const m = k.members[idx]!;
  if (m.heartbeatToken !== token || !m.inGroup || (m.status !== 'active' && m.status !== 'idle')) return;
  heartbeatNow(k, m);
}

/**
 * CurrentAssignmentBuilder: a member owning partitions outside its target must revoke them first (it
 * keeps the rest and is given nothing new meanwhile); one that has revoked gets the target partitions
 * no other member still owns, and waits for the others.
 */
function reconcile(k: KafkaState, g: GroupState, m: MemberState): void {
  const target = own(g.target, m.id) ?? [];
  const owned = m.pending ?? m.assigned;
  const revoke = owned.filter((p) => !target.includes(p));
  if (revoke.length > 0) {
    const keep = owned.filter((p) => target.includes(p));
    // The revocation runs in poll(): now if the member is between batches, else when its batch is done.
    if (m.inFlight) m.pending = keep;
    else revokeNow(k, g, m, keep);
    return;
  }
  const held = new Set<string>();
  for (const i of g.members) {
    const o = k.members[i]!;
    if (o !== m) for (const p of [...o.assigned, ...(o.pending ?? [])]) held.add(p);
  }
  const added = target.filter((p) => !owned.includes(p) && !held.has(p));
  const waiting = target.filter((p) => !owned.includes(p) && held.has(p));
  const wasIdle = m.status === 'idle';
  const epochBefore = m.memberEpoch;
  m.memberEpoch = g.groupEpoch;
  if (added.length > 0) {
    if (m.pending) m.pending = [...m.pending, ...added];
    else applyAssignment(k, g, m, [...owned, ...added]);
  }
  if (added.length > 0 || epochBefore !== m.memberEpoch) tell(k, g, m, [], added, waiting);
  if (wasIdle && m.status === 'active') schedulePoll(k, m, k.w.time);
  settled(k, g);
}

/** onPartitionsRevoked (auto-commit commits first), then a heartbeat at once to say so. */
function revokeNow(k: KafkaState, g: GroupState, m: MemberState, keep: string[]): void {
  const { revoked } = applyAssignment(k, g, m, keep);
  tell(k, g, m, revoked, [], []);
  heartbeatNow(k, m);
}

/** poll(): a member that was asked to revoke while processing does it now. Returns whether it did. */
export function reconcileInPoll(k: KafkaState, m: MemberState): boolean {
  const g = k.groups[m.group]!;
  if (g.spec.groupProtocol !== 'consumer' || !m.pending) return false;
  const next = m.pending;
  const dropping = m.assigned.some((p) => !next.includes(p));
  if (dropping) revokeNow(k, g, m, next);
  else applyAssignment(k, g, m, next);
  return true;
}

function tell(k: KafkaState, g: GroupState, m: MemberState, revoked: string[], added: string[], waiting: string[]): void {
  if (k.w.rec)
    k.w.emit({
      type: 'memberReconciled',
      group: g.id,
      consumer: m.id,
      memberEpoch: m.memberEpoch,
      groupEpoch: g.groupEpoch,
      assigned: [...m.assigned],
      revoked,
      added,
      waiting,
    });
}

/** The group has settled once every member owns exactly its target at the current epoch. */
function settled(k: KafkaState, g: GroupState): void {
  const live = liveMembers(k, g);
  const done = live.every((m) => {
    const target = own(g.target, m.id) ?? [];
    return (
      !m.pending && m.memberEpoch === g.groupEpoch && m.assigned.length === target.length && target.every((p) => m.assigned.includes(p))
    );
  });
  if (!done) return;
  g.rebalancing = false;
  rebalanceEnds(k, g);
}
