// A group member's own work: poll (fetch up to max.poll.records from its partitions in turn),
// process, commit (auto-commit inside poll(), or commitSync() after each batch), seek, and
// auto.offset.reset when it has no valid position.
import { Work } from '../core/context';
import type { KafkaResetPolicy } from '../core/events';
import type { Intervention } from '../schema';
import { partitionName } from './assignors';
import { REMOVED, type PartitionLog } from './log';
import { applyAssignment, rejoinFromPoll, stopsTheWorld } from './group-coordinator';
import { reconcileInPoll } from './group-protocol';
import { KafkaTask, type Batch, type GroupState, type KafkaState, type MemberState } from './state';

type CommitMode = 'auto' | 'manual' | 'revoke';

export function schedulePoll(k: KafkaState, m: MemberState, at: number): void {
  m.token++;
  k.schedule(at, KafkaTask.poll, m.idx, m.token);
}

export function commit(k: KafkaState, g: GroupState, m: MemberState, pname: string, offset: number, mode: CommitMode): void {
  const prev = g.committed.get(pname);
  if (prev === offset) return;
  g.committed.set(pname, offset);
  k.w.counters.kafkaCommitted++;
  if (!k.w.rec) return;
  const log = k.log(pname)!;
  k.w.emit({
    type: 'committed',
    group: g.id,
    consumer: m.id,
    topic: log.topic,
    partition: log.partition,
    committedOffset: offset,
    previous: prev ?? null,
    logEndOffset: log.logEndOffset,
    lag: Math.max(0, log.highWatermark - offset),
    mode,
  });
}

/** Commits the positions of processed records (records still being processed are not included). */
export function commitProcessed(k: KafkaState, g: GroupState, m: MemberState, mode: 'auto' | 'revoke', only?: string[]): void {
  for (const pname of only ?? m.assigned) {
    const inFlight = m.inFlight?.find((b) => b.pname === pname);
    const pos = inFlight ? inFlight.from : m.positions.get(pname);
    if (pos !== undefined) commit(k, g, m, pname, pos, mode);
  }
}

/** Position for a newly assigned partition: the committed offset, or auto.offset.reset. */
export function initPosition(k: KafkaState, g: GroupState, m: MemberState, pname: string): void {
  const log = k.log(pname)!;
  const c = g.committed.get(pname);
  if (c !== undefined && c >= log.logStartOffset && c <= log.logEndOffset) {
    m.positions.set(pname, c);
    return;
  }
  reset(k, g, m, pname, c ?? null, c === undefined ? 'no-committed-offset' : 'out-of-range');
}

/** auto.offset.reset; false when the policy is `none` (poll() throws and the application stops the consumer). */
function reset(
  k: KafkaState,
  g: GroupState,
  m: MemberState,
  pname: string,
  from: number | null,
  reason: 'no-committed-offset' | 'out-of-range' | 'log-truncation',
  at?: number,
): boolean {
  const log = k.log(pname)!;
  const policy: KafkaResetPolicy = g.spec.autoOffsetReset;
  // ListOffsets "latest" for read_uncommitted is the high watermark.
  const to = policy === 'none' ? null : (at ?? (policy === 'earliest' ? log.logStartOffset : log.highWatermark));
  if (k.w.rec)
    k.w.emit({
      type: 'offsetReset',
      group: g.id,
      consumer: m.id,
      topic: log.topic,
      partition: log.partition,
      policy,
      from,
      to,
      reason,
      logStartOffset: log.logStartOffset,
      logEndOffset: log.logEndOffset,
    });
  if (to === null) {
    m.status = 'stopped';
    m.token++;
    const why = `no valid offset for ${pname} and auto.offset.reset=none`;
    if (k.w.rec) k.w.emit({ type: 'consumerFailed', group: g.id, consumer: m.id, reason: why });
    return false;
  }
  m.positions.set(pname, to);
  return true;
}

export function poll(k: KafkaState, m: MemberState): void {
  const g = k.groups[m.group]!;
  if (!m.inGroup || (m.status !== 'active' && m.status !== 'idle')) return;
  if (g.rebalancing && stopsTheWorld(g)) return; // rejoining; the rebalance reschedules polls
  // An assignment that arrived while it was processing takes effect now (the revocation callback runs in poll()).
  if (m.pending && !reconcileInPoll(k, m)) applyAssignment(k, g, m, m.pending);
  // Cooperative: it rejoins with what it owns now; if that completes the rebalance, the rebalance schedules its poll.
  if (g.rebalancing && g.spec.groupProtocol === 'classic' && rejoinFromPoll(k, g, m)) return;
  const now = k.w.time;
  if (g.spec.enableAutoCommit && now - m.lastAutoCommit >= g.spec.autoCommitIntervalMs) {
    commitProcessed(k, g, m, 'auto');
    m.lastAutoCommit = now;
  }
  const n = m.assigned.length;
  if (n === 0) {
    m.status = 'idle';
    return;
  }
  let budget = m.spec.maxPollRecords;
  const batches: Batch[] = [];
  for (let i = 0; i < n && budget > 0; i++) {
    const pname = m.assigned[(m.rr + i) % n]!;
    // A partition whose leader is down or missing cannot be fetched; the consumer tries again later.
    if (!k.reachable(k.parts[k.partIndex.get(pname)!]!)) continue;
    const log = k.log(pname)!;
    if (k.cluster.on && !validatePosition(k, g, m, pname, log)) return;
    const pos = m.positions.get(pname)!;
    if ((pos < log.logStartOffset || pos > log.logEndOffset) && !reset(k, g, m, pname, pos, 'out-of-range')) return;
    const b = fetch(k, g, m, pname, log, budget);
    if (b) {
      batches.push(b);
      budget -= b.count;
    }
  }
  m.rr = (m.rr + 1) % n;
  if (batches.length === 0) return schedulePoll(k, m, now + m.spec.pollIntervalMs);
  let total = 0;
  for (const b of batches) total += b.count;
  m.inFlight = batches;
  m.processingUntil = now + total * m.spec.processingMsPerRecord;
  m.token++;
  k.schedule(m.processingUntil, KafkaTask.processed, m.idx, m.token);
}

/**
 * KIP-320: after a leader change the consumer checks that the new leader still has what it read (the
 * end offset, in the leader's log, of the epoch of the last record it fetched). If the log was cut
 * below its position (an unclean election), it resets to that point (SubscriptionState: "resetting
 * offset to the first offset known to diverge"), or fails with LogTruncationException under
 * auto.offset.reset=none. False when the consumer stopped.
 */
function validatePosition(k: KafkaState, g: GroupState, m: MemberState, pname: string, log: PartitionLog): boolean {
  const seen = m.fetchEpochs.get(pname);
  const epoch = k.part(pname)!.epoch;
  if (!seen || seen.validated === epoch) return true;
  m.fetchEpochs.set(pname, { record: seen.record, validated: epoch }); // a new object: checkpoints share the old
  const pos = m.positions.get(pname)!;
  const end = log.endOffsetFor(seen.record);
  if (end >= pos) return true;
  return reset(k, g, m, pname, pos, 'log-truncation', end);
}

/** Up to `budget` present records of one partition from the member's position, below the high watermark (compacted offsets are skipped). */
function fetch(k: KafkaState, g: GroupState, m: MemberState, pname: string, log: PartitionLog, budget: number): Batch | null {
  const rec = k.w.rec;
  const from = m.positions.get(pname)!;
  const flags = log.flags;
  const offsets: number[] = [];
  let o = from;
  let count = 0;
  const hw = log.highWatermark;
  while (o < hw && count < budget) {
    if ((flags[o]! & REMOVED) === 0) {
      count++;
      if (rec) offsets.push(o);
    }
    o++;
  }
  if (o === from) return null;
  k.w.charge(Work.fetch, o - from);
  m.positions.set(pname, o);
  if (k.cluster.on) m.fetchEpochs.set(pname, { record: log.epochAt(o - 1), validated: k.part(pname)!.epoch });
  if (count === 0) return null;
  k.w.counters.kafkaFetched += count;
  const high = g.fetchedHigh.get(pname) ?? 0;
  if (o > high) g.fetchedHigh.set(pname, o);
  if (rec) {
    const c = g.committed.get(pname);
    let redelivered = 0;
    for (const off of offsets) if (off < high) redelivered++;
    k.w.emit({
      type: 'fetched',
      group: g.id,
      consumer: m.id,
      topic: log.topic,
      partition: log.partition,
      fromOffset: from,
      toOffset: o,
      count,
      offsets,
      messageIds: offsets.map((off) => k.reg.messageId(log.source[off]!, log.sourceSeq[off]!)),
      position: o,
      committedOffset: c ?? null,
      logEndOffset: log.logEndOffset,
      lag: c === undefined ? null : Math.max(0, hw - c),
      redelivered,
    });
  }
  return { pname, topic: log.topic, partition: log.partition, from, to: o, count };
}

export function processed(k: KafkaState, m: MemberState): void {
  const g = k.groups[m.group]!;
  const batches = m.inFlight ?? [];
  m.inFlight = null;
  for (const b of batches) {
    k.w.counters.kafkaProcessed += b.count;
    if (g.rebalancing) g.stats.processedDuringRebalance += b.count;
    if (k.w.rec)
      k.w.emit({
        type: 'processed',
        group: g.id,
        consumer: m.id,
        topic: b.topic,
        partition: b.partition,
        fromOffset: b.from,
        toOffset: b.to,
      });
    // enable.auto.commit=false: commitSync() after processing the batch.
    if (!g.spec.enableAutoCommit && m.assigned.includes(b.pname)) {
      const pos = m.positions.get(b.pname);
      if (pos !== undefined) commit(k, g, m, b.pname, pos, 'manual');
    }
  }
  poll(k, m);
}

type SeekTarget = Extract<Intervention, { type: 'kafka.seek' }>['to'];

/** KafkaConsumer.seek / seekToBeginning / seekToEnd / offsetsForTimes on a partition the member owns. */
export function seek(k: KafkaState, groupId: string, id: string, topic: string, partition: number, to: SeekTarget): void {
  const g = k.group(groupId);
  const m = g && k.member(g, id);
  const pname = partitionName(topic, partition);
  if (!g || !m || !m.assigned.includes(pname)) return k.note(`Ignored: consumer ${id} of group ${groupId} does not own ${pname}`);
  const log = k.log(pname)!;
  const from = m.positions.get(pname) ?? log.logStartOffset;
  let target: number;
  let label: string;
  if (to === 'earliest') [target, label] = [log.logStartOffset, 'earliest'];
  else if (to === 'latest') [target, label] = [log.highWatermark, 'latest'];
  else if ('offset' in to) [target, label] = [to.offset, `offset ${to.offset}`];
  else [target, label] = [log.offsetForTime(to.timestamp), `timestamp ${to.timestamp}`];
  m.positions.set(pname, target);
  if (k.w.rec) k.w.emit({ type: 'seeked', group: g.id, consumer: m.id, topic, partition, from, to: target, target: label });
  if (m.status === 'active' && !m.inFlight && !g.rebalancing) schedulePoll(k, m, k.w.time);
}
