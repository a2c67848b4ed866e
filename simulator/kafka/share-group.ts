// Share groups (KIP-932, production-ready in Kafka 4.2; as in 4.4): the members of a group share
// partitions, and each record is acquired by one member at a time under a lock. Sources (apache/kafka
// 4.4): core/.../share/SharePartition.java (acquire, acknowledge, lock expiry, SPSO/SPEO, the in-flight
// window), server/.../share/fetch/InFlightState.java and RecordState.java (the state machine and the
// delivery count limit), KafkaShareConsumer javadoc (implicit and explicit acknowledgement, close),
// ShareSessionCache (a member whose connection closes has its records released), ShareGroupDLQStateManager
// (the 4.4 dead-letter topic), GroupConfig (defaults), SimpleAssignor (assignors.ts).
//
// Simplified: each poll acquires records one by one (Kafka acquires whole log batches), share state is
// not persisted to __share_group_state and survives a leader change intact (Kafka reloads what was
// persisted, so acquired records come back available), acknowledgements take effect when processing
// ends (Kafka sends them with the next poll, at once here), and a record on its last delivery attempt
// is always delivered alone (Kafka starts shrinking a poison record's batches at half the limit).
import { nameTable, own } from '../core/table';
import { Work } from '../core/context';
import type { ShareAckType } from '../core/events';
import { ChunkedInts } from '../core/chunked';
import type { ShareConsumerSpec, ShareGroupSpec } from '../schema';
import { partitionName, simpleShareAssign } from './assignors';
import { HEADERS_ONLY, REMOVED, TOMBSTONE, type PartitionLog } from './log';
import { NO_KEY } from './registry';
import { leaderAppended } from './replication';
import {
  KafkaTask,
  ShareRec,
  type KafkaState,
  type ShareGroupState,
  type ShareMemberState,
  type SharePartState,
  type TopicState,
} from './state';

/** A share-partition record's fields: state (ShareRec), delivery count, owner (member index), acquisition, lock deadline. */
const SR = { state: 0, count: 1, owner: 2, acquisition: 3, lockUntil: 4 } as const;
const SR_INITIAL = [ShareRec.outside, 0, -1, -1, 0];

export function addShareGroup(k: KafkaState, spec: ShareGroupSpec): void {
  const g: ShareGroupState = {
    idx: k.shareGroups.length,
    id: spec.id,
    spec,
    groupEpoch: 0,
    members: [],
    target: nameTable<string[]>(),
    parts: new Map(),
  };
  k.shareGroups.push(g);
  for (const c of spec.consumers) addMember(k, g, c, c.startMs);
}

function addMember(k: KafkaState, g: ShareGroupState, spec: ShareConsumerSpec, at: number): void {
  const m: ShareMemberState = {
    idx: k.shareMembers.length,
    group: g.idx,
    id: spec.id,
    spec,
    status: 'pending',
    inGroup: false,
    assigned: [],
    inFlight: null,
    processingUntil: 0,
    token: 0,
    heartbeatToken: 0,
    rr: 0,
    received: 0,
  };
  k.shareMembers.push(m);
  k.schedule(at, KafkaTask.shareStart, m.idx, 0);
}

function memberOf(k: KafkaState, groupId: string, id: string): { g: ShareGroupState; m: ShareMemberState } | null {
  const g = k.shareGroups.find((x) => x.id === groupId);
  if (!g) return null;
  for (let i = k.shareMembers.length - 1; i >= 0; i--) {
    const m = k.shareMembers[i]!;
    if (m.group === g.idx && m.id === id) return { g, m };
  }
  return null;
}

function subscribedPartitions(k: KafkaState, g: ShareGroupState): string[] {
  const out: string[] = [];
  for (const t of g.spec.topics) {
    const topic = k.topic(t);
    if (topic) for (let p = 0; p < topic.partitions.length; p++) out.push(partitionName(t, p));
  }
  return out;
}

/** The coordinator recomputes the target assignment (group epoch + 1); members pick it up on their heartbeats. */
function reassign(k: KafkaState, g: ShareGroupState, reason: string): void {
  g.groupEpoch++;
  const live = g.members.map((i) => k.shareMembers[i]!);
  g.target = simpleShareAssign(
    live.map((m) => m.id),
    subscribedPartitions(k, g),
    Object.fromEntries(live.map((m) => [m.id, m.assigned])),
  );
  if (k.w.rec) k.w.emit({ type: 'shareAssigned', group: g.id, groupEpoch: g.groupEpoch, assignment: { ...g.target }, reason });
}

/** A share consumer subscribes: its first heartbeat joins the group and brings back its assignment. */
export function shareStart(k: KafkaState, idx: number): void {
  const m = k.shareMembers[idx]!;
  const g = k.shareGroups[m.group]!;
  m.status = 'idle';
  m.inGroup = true;
  m.token++;
  g.members.push(m.idx);
  if (k.w.rec) k.w.emit({ type: 'consumerJoined', group: g.id, consumer: m.id });
  reassign(k, g, `${m.id} joined`);
  heartbeat(k, m);
}

/** share.heartbeat.interval.ms: the member takes its target assignment (no revocation step in share groups). */
function heartbeat(k: KafkaState, m: ShareMemberState): void {
  const g = k.shareGroups[m.group]!;
  m.assigned = [...(own(g.target, m.id) ?? [])];
  m.heartbeatToken++;
  k.schedule(k.w.time + g.spec.heartbeatIntervalMs, KafkaTask.shareHeartbeat, m.idx, m.heartbeatToken);
  if (m.status === 'idle' && m.assigned.length > 0) {
    m.status = 'active';
    schedulePoll(k, m, k.w.time);
  }
}

export function shareHeartbeat(k: KafkaState, idx: number, token: number): void {
  const m = k.shareMembers[idx]!;
  if (m.heartbeatToken !== token || !m.inGroup || (m.status !== 'active' && m.status !== 'idle')) return;
  heartbeat(k, m);
}

function schedulePoll(k: KafkaState, m: ShareMemberState, at: number): void {
  m.token++;
  k.schedule(at, KafkaTask.sharePoll, m.idx, m.token);
}

/** The share-partition, created (and its start offset set by share.auto.offset.reset) when first fetched. */
function sharePartition(k: KafkaState, g: ShareGroupState, pname: string): SharePartState {
  const i = g.parts.get(pname);
  if (i !== undefined) return k.shareParts[i]!;
  const log = k.log(pname)!;
  // SharePartition.startOffsetDuringInitialization: latest = the high watermark now, earliest = log start.
  const start = g.spec.shareAutoOffsetReset === 'earliest' ? log.logStartOffset : log.highWatermark;
  const sp: SharePartState = {
    idx: k.shareParts.length,
    group: g.idx,
    pname,
    initialized: true,
    spso: start,
    speo: start,
    recs: new ChunkedInts(5, SR_INITIAL),
    acquisitions: new Map(),
    nextAcquisition: 0,
    acknowledged: 0,
    archived: 0,
  };
  k.shareParts.push(sp);
  g.parts.set(pname, sp.idx);
  if (k.w.rec)
    k.w.emit({
      type: 'sharePartitionInitialized',
      ...spFields(k, g, sp),
      reset: g.spec.shareAutoOffsetReset,
    });
  return sp;
}

function spFields(k: KafkaState, g: ShareGroupState, sp: SharePartState) {
  const log = k.log(sp.pname)!;
  return { group: g.id, topic: log.topic, partition: log.partition, spso: sp.spso, speo: sp.speo };
}

/**
 * ShareFetch: in turn over its partitions, the member acquires up to max.poll.records: released or
 * expired records first (the lowest available offsets), then new ones from the SPEO up to the high
 * watermark, while the in-flight window SPEO − SPSO stays under share.partition.max.record.locks.
 * Each acquisition counts a delivery and starts a lock of share.record.lock.duration.ms.
 */
export function sharePoll(k: KafkaState, idx: number, token: number): void {
  const m = k.shareMembers[idx]!;
  if (m.token !== token || !m.inGroup || m.status !== 'active' || m.inFlight) return;
  const g = k.shareGroups[m.group]!;
  const n = m.assigned.length;
  let budget = m.spec.maxPollRecords;
  const batches: NonNullable<ShareMemberState['inFlight']> = [];
  for (let i = 0; i < n && budget > 0; i++) {
    const pname = m.assigned[(m.rr + i) % n]!;
    const ps = k.part(pname);
    if (!ps || !k.reachable(ps)) continue;
    const sp = sharePartition(k, g, pname);
    const got = acquire(k, g, m, sp, budget);
    if (got) {
      batches.push(got);
      budget -= got.offsets.length;
    }
  }
  if (n > 0) m.rr = (m.rr + 1) % n;
  if (batches.length === 0) {
    if (n === 0) m.status = 'idle';
    else schedulePoll(k, m, k.w.time + m.spec.pollIntervalMs);
    return;
  }
  let total = 0;
  for (const b of batches) total += b.offsets.length;
  m.inFlight = batches;
  m.processingUntil = k.w.time + total * m.spec.processingMsPerRecord;
  m.token++;
  k.schedule(m.processingUntil, KafkaTask.shareProcessed, m.idx, m.token);
  if (m.spec.renewLocks) scheduleRenew(k, g, m);
}

function acquire(
  k: KafkaState,
  g: ShareGroupState,
  m: ShareMemberState,
  sp: SharePartState,
  budget: number,
): { sp: number; offsets: number[]; acquisition: number } | null {
  const log = k.log(sp.pname)!;
  const recs = sp.recs;
  const limit = g.spec.shareDeliveryCountLimit;
  // Records gone from the log (retention moved the log start offset past the SPSO) are skipped.
  if (sp.spso < log.logStartOffset) moveStart(sp, log.logStartOffset);
  const offsets: number[] = [];
  const take = (o: number): boolean => {
    const count = recs.get(o, SR.count);
    // A record on its last attempt (4.4 throttles poison records) goes alone.
    const last = limit > 2 && count + 1 >= limit;
    if (last && offsets.length > 0) return false;
    offsets.push(o);
    return !last;
  };
  // 1. Available records inside the window, lowest first (released and expired ones come back before new ones).
  let more = true;
  for (let o = sp.spso; o < sp.speo && offsets.length < budget && more; o++)
    if (recs.get(o, SR.state) === ShareRec.available) more = take(o);
  // 2. New records from the SPEO, below the high watermark, within the in-flight window.
  const cap = g.spec.sharePartitionMaxRecordLocks;
  while (more && offsets.length < budget && sp.speo < log.highWatermark && sp.speo - sp.spso < cap) {
    const o = sp.speo++;
    if ((log.flags[o]! & REMOVED) !== 0) {
      // A compacted-away offset: nothing to deliver.
      recs.set(o, SR.state, ShareRec.archived);
      continue;
    }
    recs.set(o, SR.state, ShareRec.available);
    more = take(o);
  }
  if (offsets.length === 0) {
    advanceStart(sp);
    return null;
  }
  k.w.charge(Work.deliver, offsets.length);
  const acquisition = sp.nextAcquisition++;
  const lockUntil = k.w.time + g.spec.shareRecordLockDurationMs;
  let lo = Infinity;
  let hi = -1;
  for (const o of offsets) {
    recs.set(o, SR.state, ShareRec.acquired);
    recs.set(o, SR.count, recs.get(o, SR.count) + 1);
    recs.set(o, SR.owner, m.idx);
    recs.set(o, SR.acquisition, acquisition);
    recs.set(o, SR.lockUntil, lockUntil);
    if (o < lo) lo = o;
    if (o > hi) hi = o;
  }
  sp.acquisitions.set(acquisition, [lo, hi]);
  k.schedule(lockUntil, KafkaTask.shareLockExpiry, sp.idx, acquisition);
  m.received += offsets.length;
  k.w.counters.kafkaFetched += offsets.length;
  if (k.w.rec)
    k.w.emit({
      type: 'shareAcquired',
      ...spFields(k, g, sp),
      consumer: m.id,
      offsets,
      messageIds: offsets.map((o) => k.reg.messageId(log.source[o]!, log.sourceSeq[o]!)),
      deliveryCounts: offsets.map((o) => recs.get(o, SR.count)),
      lockUntil,
    });
  return { sp: sp.idx, offsets, acquisition };
}

/** Whether this consumer fails to process the record (a scenario's poison records). */
function fails(k: KafkaState, m: ShareMemberState, sp: SharePartState, offset: number, nth: number): boolean {
  const f = m.spec.fail;
  if (!f) return false;
  if (f.every !== undefined && nth % f.every === 0) return true;
  if (f.keys) {
    const log = k.log(sp.pname)!;
    const keyId = log.keyId[offset]!;
    if (keyId !== NO_KEY && f.keys.includes(k.reg.keys[keyId]!)) return true;
  }
  return false;
}

/**
 * Processing ends: implicit mode accepts the whole batch (the next poll() acknowledges it); explicit
 * mode acknowledges each record, ACCEPT or, for a record it failed, RELEASE or REJECT. Then it polls.
 */
export function shareProcessed(k: KafkaState, idx: number, token: number): void {
  const m = k.shareMembers[idx]!;
  if (m.token !== token || !m.inFlight) return;
  const g = k.shareGroups[m.group]!;
  const batches = m.inFlight;
  m.inFlight = null;
  let nth = m.received - batches.reduce((n, b) => n + b.offsets.length, 0);
  for (const b of batches) {
    const sp = k.shareParts[b.sp]!;
    const accept: number[] = [];
    const failed: number[] = [];
    for (const o of b.offsets) (fails(k, m, sp, o, ++nth) ? failed : accept).push(o);
    if (accept.length) acknowledge(k, g, m, sp, 'ACCEPT', accept);
    if (failed.length) acknowledge(k, g, m, sp, m.spec.failAcknowledge, failed);
    k.w.counters.kafkaProcessed += b.offsets.length;
  }
  schedulePoll(k, m, k.w.time);
}

/**
 * SharePartition.acknowledge: only the member holding a record's lock may settle it. ACCEPT →
 * acknowledged; RELEASE → available again (delivery count kept), or archived once the count has
 * reached share.delivery.count.limit; REJECT → archived; RENEW → a fresh lock (Kafka 4.2+, KIP-1222).
 * Anything else fails with InvalidRecordStateException (the lock expired and the record moved on).
 */
function acknowledge(
  k: KafkaState,
  g: ShareGroupState,
  m: ShareMemberState,
  sp: SharePartState,
  ack: ShareAckType,
  offsets: number[],
): void {
  k.w.charge(Work.settle, offsets.length);
  const recs = sp.recs;
  const ok: number[] = [];
  const failedOffsets: number[] = [];
  const archivedOffsets: number[] = [];
  const toArchive: number[] = [];
  const lockUntil = k.w.time + g.spec.shareRecordLockDurationMs;
  for (const o of offsets) {
    if (recs.get(o, SR.state) !== ShareRec.acquired || recs.get(o, SR.owner) !== m.idx || o < sp.spso) {
      failedOffsets.push(o);
      continue;
    }
    ok.push(o);
    if (ack === 'ACCEPT') settle(sp, o, ShareRec.acknowledged);
    else if (ack === 'RENEW') recs.set(o, SR.lockUntil, lockUntil);
    else if (ack === 'REJECT' || recs.get(o, SR.count) >= g.spec.shareDeliveryCountLimit) {
      toArchive.push(o);
      if (ack === 'RELEASE') archivedOffsets.push(o);
    } else release(sp, o);
  }
  if (ack === 'RENEW' && ok.length > 0) {
    const acquisition = recs.get(ok[0]!, SR.acquisition);
    k.schedule(lockUntil, KafkaTask.shareLockExpiry, sp.idx, acquisition);
  }
  const archived = toArchive.length ? archive(k, g, sp, toArchive, ack === 'REJECT' ? 'rejected' : 'delivery-count-limit') : null;
  advanceStart(sp);
  if (k.w.rec) {
    const log = k.log(sp.pname)!;
    k.w.emit({
      type: 'shareAcknowledged',
      ...spFields(k, g, sp),
      consumer: m.id,
      ack,
      offsets: ok,
      messageIds: ok.map((o) => k.reg.messageId(log.source[o]!, log.sourceSeq[o]!)),
      failedOffsets,
      archivedOffsets,
    });
  }
  archived?.();
}

function settle(sp: SharePartState, o: number, state: typeof ShareRec.acknowledged | typeof ShareRec.archived): void {
  sp.recs.set(o, SR.state, state);
  sp.recs.set(o, SR.owner, -1);
  if (state === ShareRec.acknowledged) sp.acknowledged++;
  else sp.archived++;
}

function release(sp: SharePartState, o: number): void {
  sp.recs.set(o, SR.state, ShareRec.available);
  sp.recs.set(o, SR.owner, -1);
}

/**
 * Archived records are done for the group. With a dead-letter topic (Kafka 4.4, KIP-1191) each first
 * goes there (ARCHIVING, then ARCHIVED): to partition source % DLQ partitions, key and value only with
 * errors.deadletterqueue.copy.record.enable, the reason in its headers. Returns what tells it (after
 * the caller has moved the start offset).
 */
function archive(
  k: KafkaState,
  g: ShareGroupState,
  sp: SharePartState,
  offsets: number[],
  reason: 'delivery-count-limit' | 'rejected',
): () => void {
  const log = k.log(sp.pname)!;
  for (const o of offsets) settle(sp, o, ShareRec.archived);
  const dlqName = g.spec.errorsDeadletterqueueTopicName;
  let dlq: { topic: string; partition: number; offsets: number[] } | undefined;
  if (dlqName !== undefined) {
    const t = k.topic(dlqName)!;
    const p = log.partition % t.partitions.length;
    const copy = g.spec.errorsDeadletterqueueCopyRecordEnable;
    dlq = { topic: dlqName, partition: p, offsets: offsets.map((o) => writeDeadLetter(k, t, p, log, o, copy)).filter((x) => x >= 0) };
  }
  return () => {
    if (!k.w.rec) return;
    k.w.emit({
      type: 'shareArchived',
      ...spFields(k, g, sp),
      offsets,
      messageIds: offsets.map((o) => k.reg.messageId(log.source[o]!, log.sourceSeq[o]!)),
      deliveryCounts: offsets.map((o) => sp.recs.get(o, SR.count)),
      reason,
      ...(dlq && { dlq }),
    });
  };
}

/** The dead-letter record: the original's id, and its key and value only when the group copies them. Returns its offset, or -1 when the DLQ partition has no reachable leader (the record is archived all the same). */
function writeDeadLetter(k: KafkaState, t: TopicState, p: number, from: PartitionLog, o: number, copy: boolean): number {
  const ps = k.parts[t.parts[p]!]!;
  const leader = k.reachable(ps);
  if (!leader) return -1;
  const { offset } = leader.log.append(
    { timestamp: k.w.time, keyId: copy ? from.keyId[o]! : NO_KEY, source: from.source[o]!, seq: from.sourceSeq[o]! },
    copy ? from.size[o]! : 0,
    copy ? from.flags[o]! & TOMBSTONE : HEADERS_ONLY,
    t.spec,
  );
  leaderAppended(k, ps, leader);
  return offset;
}

/** Lock expiry: still-acquired records of that acquisition become available again, or archived at the delivery count limit. */
export function shareLockExpiry(k: KafkaState, idx: number, acquisition: number): void {
  const sp = k.shareParts[idx]!;
  const range = sp.acquisitions.get(acquisition);
  if (!range) return;
  const g = k.shareGroups[sp.group]!;
  const now = k.w.time;
  const recs = sp.recs;
  const expired: number[] = [];
  let pending = false;
  for (let o = Math.max(range[0], sp.spso); o <= range[1]; o++) {
    if (recs.get(o, SR.state) !== ShareRec.acquired || recs.get(o, SR.acquisition) !== acquisition) continue;
    if (recs.get(o, SR.lockUntil) > now)
      pending = true; // renewed
    else expired.push(o);
  }
  if (!pending) sp.acquisitions.delete(acquisition);
  if (expired.length === 0) return;
  const owner = k.shareMembers[recs.get(expired[0]!, SR.owner)]!;
  releaseOrArchive(k, g, sp, owner, expired, 'shareLockExpired');
}

/** Release (lock expiry, member gone): available again with the count kept, or archived when the count has reached the limit. */
function releaseOrArchive(
  k: KafkaState,
  g: ShareGroupState,
  sp: SharePartState,
  m: ShareMemberState,
  offsets: number[],
  type: 'shareLockExpired' | 'shareReleasedOnLeave',
): void {
  k.w.charge(Work.requeue, offsets.length);
  const recs = sp.recs;
  const limit = g.spec.shareDeliveryCountLimit;
  const archivedOffsets = offsets.filter((o) => recs.get(o, SR.count) >= limit);
  for (const o of offsets) if (recs.get(o, SR.count) < limit) release(sp, o);
  const archived = archivedOffsets.length ? archive(k, g, sp, archivedOffsets, 'delivery-count-limit') : null;
  advanceStart(sp);
  if (k.w.rec) {
    const log = k.log(sp.pname)!;
    k.w.emit({
      type,
      ...spFields(k, g, sp),
      consumer: m.id,
      offsets,
      messageIds: offsets.map((o) => k.reg.messageId(log.source[o]!, log.sourceSeq[o]!)),
      deliveryCounts: offsets.map((o) => recs.get(o, SR.count)),
      archivedOffsets,
    });
  }
  archived?.();
}

/** The SPSO moves over the contiguous run of acknowledged and archived records at the start of the window. */
function advanceStart(sp: SharePartState): void {
  const recs = sp.recs;
  let o = sp.spso;
  while (o < sp.speo) {
    const s = recs.get(o, SR.state);
    if (s !== ShareRec.acknowledged && s !== ShareRec.archived) break;
    o++;
  }
  if (o !== sp.spso) moveStart(sp, o);
}

function moveStart(sp: SharePartState, to: number): void {
  for (let o = sp.spso; o < Math.min(to, sp.speo); o++) {
    const s = sp.recs.get(o, SR.state);
    if (s === ShareRec.available) settle(sp, o, ShareRec.archived);
  }
  sp.spso = to;
  if (sp.speo < to) sp.speo = to;
  sp.recs.dropBelow(to);
}

/** RENEW (explicit mode): while processing, the consumer renews its locks when half the lock duration has passed. */
function scheduleRenew(k: KafkaState, g: ShareGroupState, m: ShareMemberState): void {
  const half = Math.max(1, Math.floor(g.spec.shareRecordLockDurationMs / 2));
  if (k.w.time + half < m.processingUntil) k.schedule(k.w.time + half, KafkaTask.shareRenew, m.idx, m.token);
}

export function shareRenew(k: KafkaState, idx: number, token: number): void {
  const m = k.shareMembers[idx]!;
  if (m.token !== token || !m.inFlight) return;
  const g = k.shareGroups[m.group]!;
  for (const b of m.inFlight) acknowledge(k, g, m, k.shareParts[b.sp]!, 'RENEW', b.offsets);
  scheduleRenew(k, g, m);
}

/** The member's records held under lock go back at once (its connection to the leader closed). */
function releaseAll(k: KafkaState, g: ShareGroupState, m: ShareMemberState): void {
  for (const i of g.parts.values()) {
    const sp = k.shareParts[i]!;
    const mine: number[] = [];
    for (let o = sp.spso; o < sp.speo; o++)
      if (sp.recs.get(o, SR.state) === ShareRec.acquired && sp.recs.get(o, SR.owner) === m.idx) mine.push(o);
    if (mine.length) releaseOrArchive(k, g, sp, m, mine, 'shareReleasedOnLeave');
  }
}

function leave(k: KafkaState, g: ShareGroupState, m: ShareMemberState, reason: string): void {
  m.inGroup = false;
  m.assigned = [];
  m.inFlight = null;
  m.token++;
  m.heartbeatToken++;
  g.members = g.members.filter((i) => i !== m.idx);
  reassign(k, g, reason);
}

export function addShareConsumer(k: KafkaState, groupId: string, spec: Omit<ShareConsumerSpec, 'startMs'>): void {
  const g = k.shareGroups.find((x) => x.id === groupId);
  if (!g) return k.note(`Ignored: no share group "${groupId}"`);
  const existing = memberOf(k, groupId, spec.id)?.m;
  if (existing && existing.status !== 'stopped' && existing.status !== 'crashed')
    return k.note(`Ignored: share consumer ${spec.id} is already in share group ${groupId}`);
  addMember(k, g, { ...spec, startMs: k.w.time }, k.w.time);
}

/** close(): acquired records not yet acknowledged are released; the member leaves the group at once. */
export function removeShareConsumer(k: KafkaState, groupId: string, id: string): void {
  const found = memberOf(k, groupId, id);
  if (!found || !found.m.inGroup) return k.note(`Ignored: no running share consumer ${id} in share group ${groupId}`);
  const { g, m } = found;
  releaseAll(k, g, m);
  m.status = 'stopped';
  if (k.w.rec) k.w.emit({ type: 'consumerLeft', group: g.id, consumer: m.id, reason: 'closed (its acquired records are released)' });
  leave(k, g, m, `${id} left`);
}

/**
 * The process dies: its connection to the share-partition leaders closes and the broker releases its
 * records at once (ShareSessionCache); the coordinator drops it after share.session.timeout.ms.
 */
export function crashShareConsumer(k: KafkaState, groupId: string, id: string): void {
  const found = memberOf(k, groupId, id);
  if (!found || !found.m.inGroup || found.m.status === 'crashed')
    return k.note(`Ignored: no running share consumer ${id} in share group ${groupId}`);
  const { g, m } = found;
  m.status = 'crashed';
  m.inFlight = null;
  m.token++;
  m.heartbeatToken++;
  if (k.w.rec)
    k.w.emit({ type: 'consumerCrashed', group: g.id, consumer: m.id, reason: 'process died; the broker releases its acquired records' });
  releaseAll(k, g, m);
  k.schedule(k.w.time + g.spec.sessionTimeoutMs, KafkaTask.shareSessionTimeout, m.idx, m.token);
}

export function shareSessionTimeout(k: KafkaState, idx: number, token: number): void {
  const m = k.shareMembers[idx]!;
  if (m.token !== token || m.status !== 'crashed' || !m.inGroup) return;
  const g = k.shareGroups[m.group]!;
  if (k.w.rec)
    k.w.emit({
      type: 'consumerLeft',
      group: g.id,
      consumer: m.id,
      reason: `session timeout (${g.spec.sessionTimeoutMs} ms without a heartbeat)`,
    });
  leave(k, g, m, `${m.id} timed out`);
}

/** The view's per-offset fields of a share-partition. */
export function shareRecord(sp: SharePartState, o: number): { state: number; count: number; owner: number; lockUntil: number } {
  return {
    state: sp.recs.get(o, SR.state),
    count: sp.recs.get(o, SR.count),
    owner: sp.recs.get(o, SR.owner),
    lockUntil: sp.recs.get(o, SR.lockUntil),
  };
}
