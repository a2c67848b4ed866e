// The group coordinator: membership (join, leave, crash, session timeout), and rebalances that hand
// out partitions with the group's assignor (assignors.ts). Eager assignors (range, roundrobin) revoke
// everything first; cooperative-sticky revokes only what moves and places it in a follow-up rebalance.
import type { GroupSpec, KafkaConsumerSpec } from '../schema';
import { nameTable, nameTableOf } from '../core/table';
import { assignPartitions, cooperativeStickyAssign, type Assignment, type AssignmentStrategy } from './assignors';
import { commitProcessed, initPosition, schedulePoll } from './consumer';
import { KafkaTask, type GroupState, type KafkaState, type MemberState } from './state';

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
    reasons: [],
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
  };
  k.members.push(m);
  k.schedule(at, KafkaTask.memberStart, m.idx, 0);
}

export function triggerRebalance(k: KafkaState, g: GroupState, reason: string): void {
  g.reasons.push(reason);
  if (g.rebalancing) return;
  g.rebalancing = true;
  g.rebalanceToken++;
  k.schedule(k.w.time + g.spec.rebalanceDelayMs, KafkaTask.rebalance, g.idx, g.rebalanceToken);
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
  if (!g.members.includes(m.idx)) g.members.push(m.idx);
  if (k.w.rec) k.w.emit({ type: how === 'joined' ? 'consumerJoined' : 'consumerRestarted', group: g.id, consumer: m.id });
  triggerRebalance(k, g, `${m.id} ${how}`);
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
  revoked: Assignment,
): { assignment: Assignment; followUp: boolean } {
  const previous = nameTable<string[]>();
  for (const m of live) previous[m.id] = m.assigned;
  const members = live.map((m) => ({ memberId: m.id, topics: [...g.spec.topics] }));
  const res = cooperativeStickyAssign(members, partitionsPerTopic(k, g), previous);
  for (const m of live) {
    const gone = res.revoked[m.id] ?? [];
    revoked[m.id] = gone;
    if (g.spec.enableAutoCommit) commitProcessed(k, g, m, 'revoke', gone);
    for (const p of gone) m.positions.delete(p);
  }
  return { assignment: res.assignment, followUp: res.followUpNeeded };
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
  const now = k.w.time;
  const live = g.members.map((i) => k.members[i]!).filter((m) => m.inGroup && (m.status === 'active' || m.status === 'idle'));
  // The group waits for members to finish the records they are processing (they rejoin from poll()).
  const busyUntil = Math.max(0, ...live.filter((m) => m.inFlight).map((m) => m.processingUntil));
  if (busyUntil > now) return k.schedule(busyUntil, KafkaTask.rebalance, g.idx, g.rebalanceToken);
  // Crashed members that never came back lose their partitions now.
  for (const i of g.members) {
    const m = k.members[i]!;
    if (!live.includes(m)) m.assigned = [];
  }
  g.members = live.map((m) => m.idx);
  const revoked = nameTable<string[]>();
  const strategy = g.spec.strategy;
  const { assignment, followUp } =
    strategy === 'cooperative-sticky' ? cooperative(k, g, live, revoked) : eager(k, g, live, revoked, strategy);
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
  const reason = g.reasons.join(', ');
  g.reasons = [];
  if (k.w.rec)
    k.w.emit({
      type: 'rebalanced',
      group: g.id,
      generation: g.generation,
      strategy: g.spec.strategy,
      assignment: nameTableOf(live.map((m) => [m.id, [...m.assigned]])),
      revoked,
      idle,
      followUp,
      reason,
    });
  g.rebalancing = false;
  if (followUp) triggerRebalance(k, g, 'follow-up to place revoked partitions');
  for (const m of live) if (m.status === 'active') schedulePoll(k, m, now);
}

/** A crashed member sent no heartbeat for session.timeout.ms: the coordinator drops it. */
export function sessionTimedOut(k: KafkaState, m: MemberState): void {
  const g = k.groups[m.group]!;
  m.inGroup = false;
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
  m.assigned = [];
  m.inFlight = null;
  m.token++;
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
  m.token++;
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
