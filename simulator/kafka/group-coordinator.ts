// The group coordinator: membership (join, leave, crash, session timeout), and rebalances that hand
// out partitions. The classic protocol (JoinGroup/SyncGroup: a group-wide barrier, each member rejoins
// from poll()) with the group's client-side assignor (assignors.ts): eager ones (range, roundrobin)
// revoke everything and every member stops fetching until the rebalance ends; cooperative-sticky
// (KIP-429) revokes only what moves and places it in a follow-up rebalance, while members keep
// fetching what they keep (poll() returns records during a cooperative rebalance since Kafka 2.5,
// KAFKA-8421). The consumer protocol (KIP-848: no barrier, the broker assigns) is group-protocol.ts.
import type { GroupSpec, KafkaConsumerSpec } from '../schema';
import { nameTable, nameTableOf } from '../core/table';
import { assignPartitions, cooperativeStickyAssign, type Assignment, type AssignmentStrategy } from './assignors';
import { commitProcessed, initPosition, schedulePoll } from './consumer';
import { heartbeatNow, targetChanged } from './group-protocol';
import { KafkaTask, type GroupState, type KafkaState, type MemberState } from './state';

/** Eager classic rebalances stop every member's fetching until they end. */
export function stopsTheWorld(g: GroupState): boolean {
  return g.spec.groupProtocol === 'classic' && g.spec.strategy !== 'cooperative-sticky';
}

/** A rebalance began: the clock of what it costs starts (a follow-up is part of the same one). */
export function rebalanceBegins(k: KafkaState, g: GroupState): void {
  if (g.rebalanceStartedAt >= 0) return;
  g.rebalanceStartedAt = g.latestStartedAt = k.w.time;
  g.stats.rebalances++;
  g.statsAtStart = { ...g.stats };
}

export function rebalanceEnds(k: KafkaState, g: GroupState): void {
  if (g.rebalanceStartedAt < 0) return;
  g.stats.rebalancingMs += k.w.time - g.rebalanceStartedAt;
  g.rebalanceStartedAt = -1;
}

/** Nobody fetches these partitions now because of a rebalance. */
export function pausePartitions(k: KafkaState, g: GroupState, partitions: readonly string[]): void {
  for (const p of partitions) if (!g.pausedSince.has(p)) g.pausedSince.set(p, k.w.time);
}

/** A member fetches these again (or for the first time since a rebalance took them). */
export function resumePartitions(k: KafkaState, g: GroupState, partitions: readonly string[]): void {
  for (const p of partitions) {
    const since = g.pausedSince.get(p);
    if (since === undefined) continue;
    g.stats.pausedPartitionMs += k.w.time - since;
    g.pausedSince.delete(p);
  }
}

export function liveMembers(k: KafkaState, g: GroupState): MemberState[] {
  return g.members.map((i) => k.members[i]!).filter((m) => m.inGroup && (m.status === 'active' || m.status === 'idle'));
}

/**
 * A member takes on a new assignment (inside poll(): onPartitionsRevoked, then onPartitionsAssigned):
 * it commits what it processed on the partitions it gives up (auto-commit), forgets them, and starts
 * the new ones from their committed offsets.
 */
export function applyAssignment(k: KafkaState, g: GroupState, m: MemberState, next: string[]): { revoked: string[]; added: string[] } {
  const revoked = m.assigned.filter((p) => !next.includes(p));
  const added = next.filter((p) => !m.assigned.includes(p));
  if (revoked.length && g.spec.enableAutoCommit) commitProcessed(k, g, m, 'revoke', revoked);
  for (const p of revoked) m.positions.delete(p);
  pausePartitions(k, g, revoked);
  for (const p of added) if (!m.positions.has(p)) initPosition(k, g, m, p);
  m.assigned = [...next];
  m.pending = null;
  m.rr = 0;
  if (m.status === 'active' || m.status === 'idle') m.status = next.length === 0 ? 'idle' : 'active';
  resumePartitions(k, g, added);
  return { revoked, added };
}

export function addGroup(k: KafkaState, spec: GroupSpec, startAt: number): void {
  const g: GroupState = {
    idx: k.groups.length,
    id: spec.id,
    spec,
    generation: 0,
    members: [],
    committed: new Map(Object.entries(spec.committed)),
    fetchedHigh: new Map(),
    rebalancing: false,
    rebalanceToken: 0,
    rebalanceDue: false,
    reasons: [],
    groupEpoch: 0,
    target: nameTable<string[]>(),
    stats: { rebalances: 0, pausedPartitionMs: 0, processedDuringRebalance: 0, rebalancingMs: 0 },
    statsAtStart: { rebalances: 0, pausedPartitionMs: 0, processedDuringRebalance: 0, rebalancingMs: 0 },
    rebalanceStartedAt: -1,
    latestStartedAt: 0,
    pausedSince: new Map(),
  };
  k.groups.push(g);
  if (k.w.rec) k.w.emit({ type: 'groupCreated', group: g.id, topics: [...spec.topics], autoOffsetReset: spec.autoOffsetReset });
  for (const c of spec.consumers) addMember(k, g, c, Math.max(startAt, c.startMs));
}

function addMember(k: KafkaState, g: GroupState, spec: KafkaConsumerSpec, at: number): void {
  const m: MemberState = {
    idx: k.members.length,
    group: g.idx,
    id: spec.id,
    spec,
    status: 'pending',
    inGroup: false,
    assigned: [],
    positions: new Map(),
    inFlight: null,
    processingUntil: 0,
    token: 0,
    lastAutoCommit: at,
    rr: 0,
    rejoined: false,
    fetchEpochs: new Map(),
    pending: null,
    memberEpoch: 0,
    heartbeatToken: 0,
  };
  k.members.push(m);
  k.schedule(at, KafkaTask.memberStart, m.idx, 0);
}

export function triggerRebalance(k: KafkaState, g: GroupState, reason: string): void {
  if (g.spec.groupProtocol === 'consumer') return targetChanged(k, g, reason);
  g.reasons.push(reason);
  if (g.rebalancing) return;
  g.rebalancing = true;
  g.rebalanceToken++;
  rebalanceBegins(k, g);
  const live = liveMembers(k, g);
  if (stopsTheWorld(g))
    pausePartitions(
      k,
      g,
      live.flatMap((m) => m.assigned),
    );
  // Cooperative: each member rejoins from its next poll(), which it reaches once its current batch is done.
  else for (const m of live) m.rejoined = !m.inFlight;
  k.schedule(k.w.time + g.spec.rebalanceDelayMs, KafkaTask.rebalance, g.idx, g.rebalanceToken);
}

/**
 * Cooperative: a member reached poll() during a rebalance; it rejoins (and keeps fetching what it owns).
 * Returns true when that was the last member the due rebalance waited for, and it has now run.
 */
export function rejoinFromPoll(k: KafkaState, g: GroupState, m: MemberState): boolean {
  if (m.rejoined) return false;
  m.rejoined = true;
  if (g.rebalanceDue && liveMembers(k, g).every((x) => x.rejoined)) {
    rebalance(k, g);
    return true;
  }
  return false;
}

export function join(k: KafkaState, m: MemberState, how: 'joined' | 'restarted'): void {
  const g = k.groups[m.group]!;
  m.status = 'idle';
  m.inGroup = true;
  m.assigned = [];
  m.positions = new Map();
  m.inFlight = null;
  m.token++;
  m.lastAutoCommit = k.w.time;
  m.pending = null;
  m.memberEpoch = 0;
  m.rejoined = true; // joining is rejoining: it waits in poll() for its assignment
  if (!g.members.includes(m.idx)) g.members.push(m.idx);
  if (k.w.rec) k.w.emit({ type: how === 'joined' ? 'consumerJoined' : 'consumerRestarted', group: g.id, consumer: m.id });
  triggerRebalance(k, g, `${m.id} ${how}`);
  // Consumer protocol: the joining heartbeat brings back the member's first assignment.
  if (g.spec.groupProtocol === 'consumer') heartbeatNow(k, m);
}

function partitionsPerTopic(k: KafkaState, g: GroupState): Record<string, number> {
  const out = nameTable<number>();
  for (const t of g.spec.topics) {
    const topic = k.topic(t);
    if (topic) out[t] = topic.partitions.length;
  }
  return out;
}

/** Cooperative-sticky: members give up only the partitions that move; those are placed by a follow-up. */
function cooperative(
  k: KafkaState,
  g: GroupState,
  live: MemberState[],
): { assignment: Assignment; revoked: Assignment; followUp: boolean } {
  const previous = nameTable<string[]>();
  for (const m of live) previous[m.id] = m.assigned;
  const members = live.map((m) => ({ memberId: m.id, topics: [...g.spec.topics] }));
  const res = cooperativeStickyAssign(members, partitionsPerTopic(k, g), previous);
  return { assignment: res.assignment, revoked: res.revoked, followUp: res.followUpNeeded };
}

/** Eager (range, roundrobin): everyone gives up everything, then gets a fresh assignment. */
function eager(
  k: KafkaState,
  g: GroupState,
  live: MemberState[],
  revoked: Assignment,
  strategy: AssignmentStrategy,
): { assignment: Assignment; followUp: boolean } {
  for (const m of live) {
    revoked[m.id] = m.assigned;
    if (g.spec.enableAutoCommit) commitProcessed(k, g, m, 'revoke');
    m.positions = new Map();
  }
  const members = live.map((m) => ({ memberId: m.id, topics: [...g.spec.topics] }));
  return { assignment: assignPartitions(strategy, members, partitionsPerTopic(k, g)), followUp: false };
}

export function rebalance(k: KafkaState, g: GroupState): void {
  if (!stopsTheWorld(g)) return cooperativeRebalance(k, g);
  const now = k.w.time;
  const live = liveMembers(k, g);
  // The group waits for members to finish the records they are processing (they rejoin from poll()).
  const busyUntil = Math.max(0, ...live.filter((m) => m.inFlight).map((m) => m.processingUntil));
  if (busyUntil > now) return k.schedule(busyUntil, KafkaTask.rebalance, g.idx, g.rebalanceToken);
  dropDeparted(k, g, live);
  const revoked = nameTable<string[]>();
  const strategy = g.spec.strategy as AssignmentStrategy;
  const { assignment, followUp } = eager(k, g, live, revoked, strategy);
  g.generation++;
  const idle: string[] = [];
  for (const m of live) {
    const next = assignment[m.id] ?? [];
    for (const p of next) if (!m.positions.has(p)) initPosition(k, g, m, p);
    m.assigned = next;
    m.rr = 0;
    if (m.status !== 'stopped') m.status = next.length === 0 ? 'idle' : 'active';
    if (next.length === 0) idle.push(m.id);
  }
  resumePartitions(
    k,
    g,
    live.flatMap((m) => m.assigned),
  );
  g.pausedSince.clear(); // partitions nobody owns now are not paused by a rebalance
  rebalanced(k, g, live, Object.fromEntries(live.map((m) => [m.id, [...m.assigned]])), revoked, idle, followUp);
  g.rebalancing = false;
  rebalanceEnds(k, g);
  for (const m of live) if (m.status === 'active') schedulePoll(k, m, now);
}

/** Crashed members that never came back lose their partitions now. */
function dropDeparted(k: KafkaState, g: GroupState, live: MemberState[]): void {
  for (const i of g.members) {
    const m = k.members[i]!;
    if (!live.includes(m)) m.assigned = [];
  }
  g.members = live.map((m) => m.idx);
}

function rebalanced(
  k: KafkaState,
  g: GroupState,
  live: MemberState[],
  assignment: Assignment,
  revoked: Assignment,
  idle: string[],
  followUp: boolean,
): void {
  const reason = g.reasons.join(', ');
  g.reasons = [];
  if (k.w.rec)
    k.w.emit({
      type: 'rebalanced',
      group: g.id,
      generation: g.generation,
      strategy: g.spec.strategy,
      assignment: nameTableOf(live.map((m) => [m.id, [...(assignment[m.id] ?? [])]])),
      revoked,
      idle,
      followUp,
      reason,
    });
}

/**
 * Cooperative-sticky: the rebalance completes once every member has rejoined from poll() (a member
 * busy with a batch rejoins when it is done; members keep fetching what they own meanwhile). A member
 * still processing takes on its new assignment at its next poll(); the others at once.
 */
function cooperativeRebalance(k: KafkaState, g: GroupState): void {
  const live = liveMembers(k, g);
  if (!live.every((m) => m.rejoined)) {
    g.rebalanceDue = true;
    return;
  }
  g.rebalanceDue = false;
  dropDeparted(k, g, live);
  const { assignment, revoked, followUp } = cooperative(k, g, live);
  g.generation++;
  const idle = live.filter((m) => (assignment[m.id] ?? []).length === 0).map((m) => m.id);
  rebalanced(k, g, live, assignment, revoked, idle, followUp);
  g.rebalancing = false;
  for (const m of live) {
    const next = assignment[m.id] ?? [];
    if (m.inFlight) m.pending = next;
    else {
      applyAssignment(k, g, m, next);
      if (m.status === 'active') schedulePoll(k, m, k.w.time);
    }
  }
  if (followUp) triggerRebalance(k, g, 'follow-up to place revoked partitions');
  else rebalanceEnds(k, g);
}

/** A crashed member sent no heartbeat for session.timeout.ms: the coordinator drops it. */
export function sessionTimedOut(k: KafkaState, m: MemberState): void {
  const g = k.groups[m.group]!;
  m.inGroup = false;
  pausePartitions(k, g, m.assigned);
  m.assigned = [];
  g.members = g.members.filter((i) => i !== m.idx);
  const reason = `session timeout (${g.spec.sessionTimeoutMs} ms without a heartbeat)`;
  if (k.w.rec) k.w.emit({ type: 'consumerLeft', group: g.id, consumer: m.id, reason });
  triggerRebalance(k, g, `${m.id} timed out`);
}

export function addConsumer(k: KafkaState, groupId: string, spec: Omit<KafkaConsumerSpec, 'startMs'>): void {
  const g = k.group(groupId);
  if (!g) return k.note(`Ignored: no group "${groupId}"`);
  const existing = k.member(g, spec.id);
  if (existing && existing.status !== 'stopped') return k.note(`Ignored: consumer ${spec.id} is already in group ${groupId}`);
  addMember(k, g, { ...spec, startMs: k.w.time }, k.w.time);
}

/** close(): commits processed positions when auto-commit is on, then leaves the group at once. */
export function removeConsumer(k: KafkaState, groupId: string, id: string): void {
  const g = k.group(groupId);
  const m = g && k.member(g, id);
  if (!g || !m || m.status === 'stopped' || m.status === 'pending') return k.note(`Ignored: no running consumer ${id} in group ${groupId}`);
  if (m.inGroup && g.spec.enableAutoCommit) commitProcessed(k, g, m, 'auto');
  m.status = 'stopped';
  m.inGroup = false;
  pausePartitions(k, g, m.assigned);
  m.assigned = [];
  m.inFlight = null;
  m.pending = null;
  m.token++;
  m.heartbeatToken++;
  g.members = g.members.filter((i) => i !== m.idx);
  if (k.w.rec) k.w.emit({ type: 'consumerLeft', group: g.id, consumer: m.id, reason: 'closed (left the group)' });
  triggerRebalance(k, g, `${id} left`);
}

/** The process dies: nothing is committed; the member keeps its partitions until its session times out. */
export function crashConsumer(k: KafkaState, groupId: string, id: string): void {
  const g = k.group(groupId);
  const m = g && k.member(g, id);
  if (!g || !m || (m.status !== 'active' && m.status !== 'idle')) return k.note(`Ignored: no running consumer ${id} in group ${groupId}`);
  m.status = 'crashed';
  m.inFlight = null;
  m.pending = null;
  m.token++;
  m.heartbeatToken++;
  const reason = 'process died; nothing committed since the last commit';
  if (k.w.rec) k.w.emit({ type: 'consumerCrashed', group: g.id, consumer: m.id, reason });
  k.schedule(k.w.time + g.spec.sessionTimeoutMs, KafkaTask.sessionTimeout, m.idx, m.token);
}

export function restartConsumer(k: KafkaState, groupId: string, id: string): void {
  const g = k.group(groupId);
  const m = g && k.member(g, id);
  if (!g || !m || (m.status !== 'crashed' && m.status !== 'stopped'))
    return k.note(`Ignored: consumer ${id} in group ${groupId} is not crashed or stopped`);
  join(k, m, 'restarted');
}

export function newGroup(k: KafkaState, spec: GroupSpec): void {
  if (k.group(spec.id)) return k.note(`Ignored: group "${spec.id}" already exists`);
  addGroup(k, spec, k.w.time);
}
