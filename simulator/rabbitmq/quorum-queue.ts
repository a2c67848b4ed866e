// A quorum queue (x-queue-type: quorum), as RabbitMQ 4.3 runs one. The queue machinery it shares with
// classic queues (dispatch, prefetch, TTL at the head, length limits, dead-lettering) is in
// classic-queue.ts; here is what differs.
//
// Raft. The queue is a Raft group: x-quorum-initial-group-size members (default 3, at most one per
// node), the first on its home node, which leads. An enqueue is written by the leader, copied to the
// followers and committed once a majority has it written (fsynced): only then is it in the queue
// (deliverable) and confirmed to a publisher. With no majority up nothing commits and nothing is
// delivered; a dead leader is replaced by the live member with the longest log once a majority is up;
// entries only the old leader had are dropped (a live publisher's channel sends them again, without
// duplicating them: the queue deduplicates per channel), and the old leader drops them too when it
// returns. Sources: rabbitmq-website docs quorum-queues/index.md (4.3: "Leader Election and Failure
// Handling", "Data Safety", "Availability"), docs confirms.md ("a quorum replicas have accepted and
// confirmed the message to the elected leader"); rabbitmq/ra src/ra_server.erl (agreed_commit: the
// majority's written index), src/ra_log_wal.erl (fsync before a write counts); rabbitmq-server
// rabbit_quorum_queue.erl (get_default_quorum_initial_group_size; Makefile quorum_cluster_size 3),
// rabbit_fifo_client.erl (pending commands resent to a new leader), rabbit_fifo.erl (apply_enqueue
// drops an enqueue whose per-channel sequence number it has seen).
// Simplified (simulator/README.md): a follower has an entry REPLICATION_MS after the leader wrote it and
// the leader hears so REPLICATION_MS later; a returning member catches up in one such round whatever it
// missed; an election takes ELECTION_MS; acks, returns and deliveries apply at once (only enqueues wait
// for a majority); members are the home node and the next nodes in order (RabbitMQ picks them at random
// but always includes the declaring node).
//
// Delivery limit. x-delivery-limit defaults to 20 since 4.0 (3.x: no limit); -1 turns it off. In 4.3
// x-delivery-count counts failed deliveries only: basic.reject with requeue and a consumer whose channel
// closed count, basic.nack with requeue does not (it counts in x-acquired-count, as every return does);
// 3.x and 4.0-4.2 counted every return. The return that takes the count above the limit removes the
// message: dead-lettered (reason delivery_limit) with a dead-letter exchange, otherwise dropped, so a
// message is delivered at most limit + 1 times. With a limit, returned messages go to a returns queue
// served before the rest, in the order returned; without one an explicit nack or reject puts the
// message at the back (a channel that closed still returns to the front). Sources: rabbitmq-server
// v4.3.5 rabbit_fifo.erl (return_one: delivery_count > delivery_limit → discard_or_dead_letter;
// incr_msg_headers; returns queue; handle_aux #return with delivery_limit = undefined → #requeue at the
// back), rabbit_channel.erl (basic.reject requeue → modify with delivery-failed; basic.nack requeue →
// requeue), rabbit_fifo_client.erl (x-delivery-count, x-acquired-count, redelivered = acquired > 0),
// rabbit_quorum_queue.erl v4.0.0 (DEFAULT_DELIVERY_LIMIT 20); docs quorum-queues/index.md 4.3 ("Poison
// Message Handling", "When is delivery count incremented?", "Repeatedly Requeued Deliveries").
//
// Dead-lettering: at-most-once (default) sends and forgets; at-least-once (x-dead-letter-strategy, needs
// a dead-letter exchange and x-overflow reject-publish, else it acts as at-most-once) keeps each
// dead-lettered message in the source queue until every target queue confirmed it, retrying every
// dead_letter_worker_publisher_confirm_timeout (180 s). Source: docs quorum-queues/index.md ("Dead
// Lettering", "Limitations", "Caveats"); rabbit_fifo_dlx_worker.erl; deps/rabbit/Makefile.
import { COPY_STEPS, Work } from '../core/context';
import { DEFAULTS } from '../schema/defaults';
import { beyondLimit, dispatch, dropOrDeadLetter, expireHead, putBack, rejectPublish, store } from './classic-queue';
import { accepted, refused } from './confirms';
import { copyAdded, copyGone } from './ledger';
import {
  RabbitTask,
  type Confirm,
  type ConsumerState,
  type Delivery,
  type LogEntry,
  type Msg,
  type QueueState,
  type QuorumState,
  type RabbitState,
} from './state';

/** A follower has an entry this long after the leader wrote it; the leader hears so as long after. */
export const REPLICATION_MS = 5;
/** From a leader's loss (or a majority's return) to a new leader. */
export const ELECTION_MS = 1000;
/** at-least-once dead-lettering retries what no target took after this long (dead_letter_worker_publisher_confirm_timeout). */
export const DEAD_LETTER_RETRY_MS = 180_000;
/** Returned messages sort ahead of every message never delivered, in the order they came back. */
const RETURNS_BASE = -2_000_000_000;

export function initQuorum(q: QueueState, nodes: number): QuorumState {
  const size = Math.min(q.spec.quorumInitialGroupSize ?? DEFAULTS.quorum.initialGroupSize, nodes);
  return {
    members: Array.from({ length: size }, (_, i) => ({ node: (q.home + i) % nodes, written: 0, caughtUpAt: 0, stale: 0 })),
    leader: 0,
    lastLeader: 0,
    term: 1,
    commitIndex: 0,
    log: [],
    logHead: 0,
    held: [],
    commitAt: Infinity,
    electionToken: 0,
    electionAt: Infinity,
    deadLetterPending: [],
    deadLetterRetryAt: Infinity,
  };
}

function majority(qq: QuorumState): number {
  return (qq.members.length >> 1) + 1;
}

function membersUp(r: RabbitState, qq: QuorumState): number {
  let n = 0;
  for (const m of qq.members) if (r.nodes[m.node]!.up) n++;
  return n;
}

/** Entries a member has written by `now`: frozen while it is down, catching up or leaderless; else what reached it. */
function writtenBy(r: RabbitState, qq: QuorumState, i: number, now: number): number {
  if (i !== qq.leader && !r.nodes[qq.members[i]!.node]!.up) return qq.members[i]!.written;
  return writtenIfUp(qq, i, now);
}

function writtenIfUp(qq: QuorumState, i: number, now: number): number {
  const m = qq.members[i]!;
  if (i === qq.leader) return qq.commitIndex + qq.log.length - qq.logHead;
  if (qq.leader < 0 || m.caughtUpAt > now) return m.written;
  // Entries reach a follower REPLICATION_MS after the leader wrote them (log times never decrease).
  let lo = qq.logHead;
  let hi = qq.log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (qq.log[mid]!.at + REPLICATION_MS <= now) lo = mid + 1;
    else hi = mid;
  }
  return qq.commitIndex + lo - qq.logHead;
}

/** When the leader hears that follower m wrote entry e. */
function ackAt(m: { caughtUpAt: number }, e: LogEntry): number {
  return Math.max(e.at + REPLICATION_MS, m.caughtUpAt) + REPLICATION_MS;
}

// ---------- enqueue, commit ----------

/** A publish (or a dead-lettered message) reaches the queue: to the leader's log, or held by its channel until there is a leader. */
export function quorumEnqueue(r: RabbitState, q: QueueState, msg: Msg, confirm: Confirm | null, origin: number): void {
  const qq = q.quorum!;
  r.w.charge(Work.enqueue, COPY_STEPS);
  copyAdded(r, msg);
  const e: LogEntry = { msg, at: r.w.time, confirm, origin };
  if (qq.leader < 0) qq.held.push(e);
  else append(r, q, e);
}

function append(r: RabbitState, q: QueueState, e: LogEntry): void {
  const qq = q.quorum!;
  if (qq.members.length === 1) return commit(r, q, e); // the leader's own write is the majority
  qq.log.push(e);
  // A commit task already armed for an older entry covers this one (commitDue re-arms for what is left).
  if (qq.commitAt === Infinity) armCommit(r, q);
}

/** Schedules the commit task for when a majority will have the oldest uncommitted entry. */
function armCommit(r: RabbitState, q: QueueState): void {
  const qq = q.quorum!;
  const head = qq.log[qq.logHead];
  if (!head || qq.leader < 0) return;
  const acks: number[] = [];
  qq.members.forEach((m, i) => {
    if (i !== qq.leader && r.nodes[m.node]!.up) acks.push(ackAt(m, head));
  });
  const need = majority(qq) - 1;
  if (acks.length < need) return;
  acks.sort((a, b) => a - b);
  const at = Math.max(r.w.time, need === 0 ? head.at : acks[need - 1]!);
  if (at >= qq.commitAt) return;
  qq.commitAt = at;
  r.schedule(at, RabbitTask.quorumCommit, q.idx, 0);
}

/** The commit task: every entry a majority has written by now is committed, in log order. */
export function commitDue(r: RabbitState, q: QueueState): void {
  const qq = q.quorum!;
  qq.commitAt = Infinity;
  if (qq.leader < 0) return;
  const now = r.w.time;
  const need = majority(qq) - 1;
  while (qq.logHead < qq.log.length) {
    const e = qq.log[qq.logHead]!;
    let acks = 0;
    for (let i = 0; i < qq.members.length; i++) {
      const m = qq.members[i]!;
      if (i !== qq.leader && r.nodes[m.node]!.up && ackAt(m, e) <= now) acks++;
    }
    if (acks < need) break;
    qq.log[qq.logHead++] = undefined as unknown as LogEntry;
    commit(r, q, e);
  }
  if (qq.logHead > 64 && qq.logHead * 2 > qq.log.length) {
    qq.log = qq.log.slice(qq.logHead);
    qq.logHead = 0;
  }
  armCommit(r, q);
}

/** Committed: the state machine applies the enqueue (reject-publish may refuse it) and the publisher gets its confirm. */
function commit(r: RabbitState, q: QueueState, e: LogEntry): void {
  r.w.charge(Work.replicate);
  q.quorum!.commitIndex++;
  expireHead(r, q);
  if (q.spec.overflow === 'reject-publish' && beyondLimit(q, 'at', e.msg.bytes)) {
    copyGone(r, e.msg, 'policy');
    rejectPublish(r, q, e.msg);
    if (e.confirm) refused(r, e.confirm, q.name, 'reject-publish');
    return;
  }
  if (e.confirm) accepted(r, e.confirm, 'majority');
  store(r, q, e.msg);
}

// ---------- members, leaders ----------

function setAvailable(r: RabbitState, q: QueueState, available: boolean, reason?: 'leader-down' | 'no-majority'): void {
  if (q.available === available) return;
  q.available = available;
  q.unavailableSince = available ? null : r.w.time;
  const qq = q.quorum!;
  if (!r.w.rec) return;
  if (available) r.w.emit({ type: 'queueAvailable', queue: q.name, ready: q.ready.length, node: qq.members[qq.leader]!.node + 1 });
  else
    r.w.emit({
      type: 'queueUnavailable',
      queue: q.name,
      reason: reason!,
      node: (qq.leader >= 0 ? qq.members[qq.leader]! : qq.members[0]!).node + 1,
      membersUp: membersUp(r, qq),
      members: qq.members.length,
    });
}

/** A member's node died. */
export function memberDown(r: RabbitState, q: QueueState, node: number): void {
  const qq = q.quorum!;
  const i = qq.members.findIndex((m) => m.node === node);
  if (i < 0) return;
  const now = r.w.time;
  // Called once the node is marked down; what a member had is frozen (entries still on their way die with the leader).
  if (i === qq.leader) {
    qq.members.forEach((m, j) => (m.written = j === i ? writtenIfUp(qq, j, now) : writtenBy(r, qq, j, now)));
    qq.lastLeader = i;
    qq.leader = -1;
    qq.commitAt = Infinity;
    setAvailable(r, q, false, 'leader-down');
    scheduleElection(r, q);
  } else {
    qq.members[i]!.written = writtenIfUp(qq, i, now);
    if (qq.leader >= 0 && membersUp(r, qq) < majority(qq)) setAvailable(r, q, false, 'no-majority');
  }
}

/** A member's node is back: it drops what a newer leader never had, catches up, and may restore a majority. */
export function memberUp(r: RabbitState, q: QueueState, node: number): void {
  const qq = q.quorum!;
  const i = qq.members.findIndex((m) => m.node === node);
  if (i < 0) return;
  const m = qq.members[i]!;
  const now = r.w.time;
  if (m.stale > 0) {
    if (r.w.rec) r.w.emit({ type: 'memberTruncated', queue: q.name, node: node + 1, dropped: m.stale, logLength: m.written });
    m.stale = 0;
  }
  m.caughtUpAt = now + REPLICATION_MS;
  if (qq.leader < 0) return scheduleElection(r, q);
  if (membersUp(r, qq) >= majority(qq)) {
    setAvailable(r, q, true);
    armCommit(r, q);
    dispatch(r, q);
  }
}

function scheduleElection(r: RabbitState, q: QueueState): void {
  const qq = q.quorum!;
  if (qq.leader >= 0 || qq.electionAt < Infinity || membersUp(r, qq) < majority(qq)) return;
  qq.electionAt = r.w.time + ELECTION_MS;
  r.schedule(qq.electionAt, RabbitTask.election, q.idx, ++qq.electionToken);
}

/** The election task: the live member with the longest log leads (Raft's up-to-date rule; ties: the first member). */
export function election(r: RabbitState, q: QueueState, token: number): void {
  const qq = q.quorum!;
  if (token !== qq.electionToken || qq.leader >= 0) return;
  qq.electionAt = Infinity;
  if (membersUp(r, qq) < majority(qq)) return;
  const now = r.w.time;
  let best = -1;
  qq.members.forEach((m, i) => {
    if (r.nodes[m.node]!.up && (best < 0 || m.written > qq.members[best]!.written)) best = i;
  });
  const previous = qq.members[qq.lastLeader] ?? null;
  const length = qq.members[best]!.written;
  // Uncommitted entries beyond the new leader's log existed only on members that are down.
  const keep = Math.max(0, length - qq.commitIndex);
  const old = qq.log.slice(qq.logHead);
  r.w.charge(Work.failover, old.length + qq.held.length);
  const kept = old.slice(0, keep);
  const dropped = old.slice(keep);
  for (const m of qq.members)
    if (m.written > length) {
      m.stale += m.written - length;
      m.written = length;
    }
  qq.leader = best;
  qq.lastLeader = best;
  qq.term++;
  // The new leader sends what it has to the others now; live members follow once they have it.
  qq.log = kept.map((e) => ({ ...e, at: now }));
  // A live channel sends its lost enqueues again (no duplicate: the queue tracks each channel's sequence numbers).
  const resent = dropped.filter((e) => channelAlive(r, e));
  qq.logHead = 0;
  qq.members.forEach((m, i) => {
    if (i !== best && r.nodes[m.node]!.up) m.caughtUpAt = Math.max(m.caughtUpAt, now + REPLICATION_MS);
  });
  if (r.w.rec)
    r.w.emit({
      type: 'leaderElected',
      queue: q.name,
      node: qq.members[best]!.node + 1,
      previous: previous ? previous.node + 1 : null,
      term: qq.term,
      logLength: length,
      dropped: dropped.length,
      lost: dropped.length - resent.length,
    });
  for (const e of dropped) if (!channelAlive(r, e)) copyGone(r, e.msg, 'lost');
  const held = qq.held;
  qq.held = [];
  for (const e of [...resent, ...held]) append(r, q, { ...e, at: now });
  setAvailable(r, q, true);
  armCommit(r, q);
  dispatch(r, q);
}

/** Whether the channel that sent an entry still runs (-1: the broker's own dead-lettering, which carries on). */
function channelAlive(r: RabbitState, e: LogEntry): boolean {
  return e.origin < 0 || r.nodes[e.origin]!.up;
}

/** A channel died with its node: enqueues it was still holding for a leader are gone. */
export function dropHeldFrom(r: RabbitState, q: QueueState, node: number): void {
  const qq = q.quorum!;
  const gone = qq.held.filter((e) => e.origin === node);
  if (gone.length === 0) return;
  r.w.charge(Work.failover, gone.length);
  qq.held = qq.held.filter((e) => e.origin !== node);
  for (const e of gone) copyGone(r, e.msg, 'lost');
}

/** Members as the view shows them. */
export function membersView(r: RabbitState, q: QueueState, now: number) {
  const qq = q.quorum!;
  return qq.members.map((m, i) => ({
    node: m.node + 1,
    up: r.nodes[m.node]!.up,
    leader: i === qq.leader,
    logLength: writtenBy(r, qq, i, now),
    catchingUp: r.nodes[m.node]!.up && m.caughtUpAt > now,
  }));
}

// ---------- returns, delivery limit ----------

/** x-delivery-limit in force: the queue's, else 20 (RabbitMQ 4.0+); a negative value means none. */
export function deliveryLimitOf(q: QueueState): number | null {
  const limit = q.spec.deliveryLimit ?? DEFAULTS.quorum.deliveryLimit;
  return limit < 0 ? null : limit;
}

/** x-acquired-count (low 16 bits) and x-delivery-count (high bits) of a message in this queue. */
export function countsOf(q: QueueState, m: Msg): { delivery: number; acquired: number } {
  const packed = q.counts?.get(m) ?? 0;
  return { acquired: packed & 0xffff, delivery: packed >>> 16 };
}

export type ReturnReason = 'nack' | 'reject' | 'consumer-crash' | 'consumer-removed' | 'connection-lost' | 'disconnected-timeout';

/**
 * A delivery comes back to the queue. `failed` is RabbitMQ 4.3's delivery-failed: basic.reject and a
 * closed channel count, basic.nack and a consumer's lost node (after the timeout) do not.
 */
export function quorumReturn(r: RabbitState, q: QueueState, c: ConsumerState, d: Delivery, failed: boolean, reason: ReturnReason): void {
  const { delivery, acquired } = countsOf(q, d.msg);
  const counts = { acquired: Math.min(acquired + 1, 0xffff), delivery: delivery + (failed ? 1 : 0) };
  const limit = deliveryLimitOf(q);
  if (limit !== null && counts.delivery > limit) {
    q.counts!.delete(d.msg);
    return dropOrDeadLetter(r, q, d.msg, 'delivery_limit');
  }
  q.counts!.set(d.msg, counts.acquired | (counts.delivery << 16));
  const to = limit === null && (reason === 'nack' || reason === 'reject') ? 'back' : 'returns';
  const pos = to === 'back' ? q.nextPos++ : RETURNS_BASE + q.nextReturnPos++;
  putBack(r, q, c, d, pos, reason, {
    to,
    ...(counts.delivery > 0 ? { deliveryCount: counts.delivery } : {}),
    acquiredCount: counts.acquired,
  });
}

/** Whether a ready entry sits in the returns queue (ahead of the messages never delivered). */
export function isReturn(pos: number): boolean {
  return pos < 0;
}

// ---------- at-least-once dead-lettering ----------

/** x-dead-letter-strategy in force: at-least-once needs a dead-letter exchange and reject-publish. */
export function atLeastOnce(q: QueueState): boolean {
  const s = q.spec;
  return (
    s.type === 'quorum' && s.deadLetterStrategy === 'at-least-once' && s.deadLetterExchange !== undefined && s.overflow === 'reject-publish'
  );
}

/** The confirm an at-least-once dead-lettering waits for (pub -1: the queue's own dead-letter worker). */
export function deadLetterConfirm(q: QueueState, msg: Msg): Confirm {
  const exchange = q.spec.deadLetterExchange!;
  return {
    pub: -1,
    seqNo: 0,
    msg,
    exchange,
    mandatory: false,
    waiting: 0,
    nack: null,
    safe: 'routed-nowhere',
    settled: false,
    source: q.idx,
  };
}

/** A target answered an at-least-once dead-lettering: done when some queue took it, else retried later. */
export function settleDeadLetter(r: RabbitState, c: Confirm): void {
  const q = r.queues[c.source]!;
  const qq = q.quorum!;
  if (c.nack || c.safe === 'routed-nowhere') {
    if (qq.deadLetterRetryAt === Infinity) {
      qq.deadLetterRetryAt = r.w.time + DEAD_LETTER_RETRY_MS;
      r.schedule(qq.deadLetterRetryAt, RabbitTask.deadLetterRetry, q.idx, 0);
    }
    return;
  }
  const i = qq.deadLetterPending.indexOf(c.msg);
  if (i >= 0) qq.deadLetterPending.splice(i, 1);
  copyGone(r, c.msg, 'policy');
}

/** The retry task: send every kept dead-lettered message again. */
export function retryDeadLetters(r: RabbitState, q: QueueState, send: (q: QueueState, msg: Msg, c: Confirm) => void): void {
  q.quorum!.deadLetterRetryAt = Infinity;
  for (const msg of q.quorum!.deadLetterPending.slice()) send(q, msg, deadLetterConfirm(q, msg));
}
