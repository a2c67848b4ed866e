// A classic queue, and the queue machinery quorum queues share with it: FIFO of ready messages;
// dispatch to consumers with room under their prefetch, by priority and round-robin
// (consumer-priority.ts), or to the single active consumer (single-active-consumer.ts); requeue at the
// original position; TTL that expires at the head only; x-max-length(-bytes) over ready messages with
// drop-head or reject-publish; dead-lettering (dead-letter.ts). What quorum queues do differently (Raft, returns,
// delivery limit, at-least-once dead-lettering) is in quorum-queue.ts; what a node failure does is in
// cluster.ts. Source: rabbitmq-server rabbit_amqqueue_process.erl (deliver_or_enqueue, will_overflow,
// maybe_drop_head, requeue), rabbit_queue_consumers.erl (deliver, block/unblock); rabbitmq-website
// docs: consumers, consumer-prefetch, ttl, maxlength, dlx. The real broker settles the cases the docs
// leave open: fidelity/queue-rules.test.ts and fidelity/dispatch.test.ts.
import { COPY_STEPS, Work } from '../core/context';
import type { EventOf } from '../core/events';
import { unavailableOnPublish } from './cluster';
import { accepted, awaitDisk, noteWrite, refused } from './confirms';
import { enterLine } from './consumer-priority';
import { deadLetter, type DeathReason } from './dead-letter';
import { copyAdded, copyGone, deliveredMsg } from './ledger';
import { atLeastOnce, countsOf, quorumReturn, type ReturnReason } from './quorum-queue';
import { mayReceive, sacSettled } from './single-active-consumer';
import {
  messageIdOf,
  RabbitTask,
  type Confirm,
  type ConsumerState,
  type Delivery,
  type Entry,
  type Msg,
  type QueueState,
  type RabbitState,
} from './state';

/** A routed message arrives: lost if the queue is down, refused at the limit (reject-publish), else stored. */
export function enqueue(r: RabbitState, q: QueueState, msg: Msg, confirm: Confirm | null): void {
  if (!q.available) return unavailableOnPublish(r, q, msg, confirm);
  const s = q.spec;
  r.w.charge(Work.enqueue, COPY_STEPS);
  expireHead(r, q);
  if (s.overflow !== 'drop-head' && beyondLimit(q, 'at', msg.bytes)) {
    rejectPublish(r, q, msg);
    if (confirm) refused(r, confirm, q.name, 'reject-publish');
    return;
  }
  noteWrite(q, r.w.time);
  copyAdded(r, msg);
  if (confirm) {
    // A persistent message in a durable queue is confirmed once it is on disk; anything else once accepted.
    if (s.durable !== false && msg.persistent) awaitDisk(r, q, confirm);
    else accepted(r, confirm, 'accepted');
  }
  store(r, q, msg);
}

/** The message is in the queue: handed straight to a consumer with room, or queued (dropping the head over the limit). */
export function store(r: RabbitState, q: QueueState, msg: Msg): void {
  let ttl = q.spec.messageTtlMs;
  if (msg.expiration !== undefined && (ttl === undefined || msg.expiration < ttl)) ttl = msg.expiration;
  const entry: Entry = { msg, pos: q.nextPos++, expiresAt: ttl === undefined ? Infinity : r.w.time + ttl, redelivered: false, tag: 0 };
  q.counters.published++;
  if (r.w.rec)
    r.w.emit({
      type: 'enqueued',
      queue: q.name,
      messageId: messageIdOf(msg),
      ready: q.ready.length + 1,
      expiresAt: entry.expiresAt === Infinity ? null : entry.expiresAt,
    });
  // An empty queue hands the message straight to a consumer with room (so even TTL 0 is delivered).
  if (q.ready.length === 0 && q.available) {
    const c = nextConsumer(r, q);
    if (c) return deliver(r, q, c, entry);
  }
  q.ready.push(entry);
  dropHeadWhileOver(r, q);
  expireHead(r, q);
}

/** reject-publish(-dlx): the queue is at its limit, the message never enters it. */
export function rejectPublish(r: RabbitState, q: QueueState, msg: Msg): void {
  const dlx = q.spec.overflow === 'reject-publish-dlx';
  q.counters.rejected++;
  if (r.w.rec)
    r.w.emit({
      type: 'rejectedPublish',
      queue: q.name,
      messageId: messageIdOf(msg),
      deadLettered: dlx && q.spec.deadLetterExchange !== undefined,
    });
  if (dlx) deadLetter(r, q, msg, 'maxlen');
}

/** drop-head: make room by dropping (or dead-lettering) the oldest ready messages. */
function dropHeadWhileOver(r: RabbitState, q: QueueState): void {
  if (q.spec.overflow !== 'drop-head') return;
  while (q.ready.length > 0 && beyondLimit(q, 'over', 0)) dropOrDeadLetter(r, q, q.ready.shift().msg, 'maxlen');
}

/**
 * x-max-length(-bytes) count ready messages (and, in a quorum queue, dead-lettered ones it keeps for
 * at-least-once). 'at': adding `bytes` more would exceed; 'over': already beyond.
 */
export function beyondLimit(q: QueueState, mode: 'at' | 'over', bytes: number): boolean {
  const { maxLength, maxLengthBytes } = q.spec;
  const n = q.ready.length + (q.quorum ? q.quorum.deadLetterPending.length : 0) + (mode === 'at' ? 1 : 0);
  const b = q.ready.bytes + (mode === 'at' ? bytes : 0);
  return (maxLength !== undefined && n > maxLength) || (maxLengthBytes !== undefined && b > maxLengthBytes);
}

export function dropOrDeadLetter(r: RabbitState, q: QueueState, msg: Msg, reason: DeathReason): void {
  q.counts?.delete(msg);
  if (q.spec.deadLetterExchange !== undefined) {
    // at-least-once keeps its copy until a target queue has it; otherwise the copy leaves now.
    if (!atLeastOnce(q)) copyGone(r, msg, 'policy');
    deadLetter(r, q, msg, reason);
    return;
  }
  copyGone(r, msg, 'policy');
  if (reason !== 'expired') {
    q.counters.dropped++;
    r.w.counters.rabbitDropped++;
    if (r.w.rec) r.w.emit({ type: 'dropped', queue: q.name, messageId: messageIdOf(msg), reason });
  }
}

export function expireHead(r: RabbitState, q: QueueState): void {
  const now = r.w.time;
  while (q.ready.headExpiresAt() <= now) {
    const e = q.ready.shift();
    r.w.charge(Work.expire);
    q.counters.expired++;
    if (r.w.rec) r.w.emit({ type: 'expired', queue: q.name, messageId: messageIdOf(e.msg), expiresAt: e.expiresAt });
    dropOrDeadLetter(r, q, e.msg, 'expired');
  }
  armExpiry(r, q);
}

/** Classic queues expire only at the head: wake up when the head's TTL runs out. */
function armExpiry(r: RabbitState, q: QueueState): void {
  if (q.ready.length === 0) return;
  const at = q.ready.headExpiresAt();
  if (at === Infinity || q.expiryAt <= at) return;
  q.expiryAt = at;
  r.schedule(at, RabbitTask.expiry, q.idx, 0);
}

/** The armed expiry task: the head's TTL ran out (a queue that is down expires nothing until it is back). */
export function expiryDue(r: RabbitState, q: QueueState): void {
  q.expiryAt = Infinity;
  if (!q.available) return;
  expireHead(r, q);
  dispatch(r, q);
}

function canTake(c: ConsumerState): boolean {
  return c.spec.autoAck || c.prefetchCount === 0 || c.pending.length - c.pendingHead < c.prefetchCount;
}

/** A blocked consumer with room again rejoins the line behind its priority. */
export function unblockIfRoom(r: RabbitState, c: ConsumerState): void {
  if (c.blocked && c.status === 'active' && canTake(c)) {
    c.blocked = false;
    enterLine(r, r.queueOf(c), c);
  }
}

export function leaveLine(r: RabbitState, c: ConsumerState): void {
  const line = r.queueOf(c).active;
  const i = line.indexOf(c.idx);
  if (i >= 0) line.splice(i, 1);
  c.blocked = false;
}

/** A subscribed consumer joins the line, unless a single-active-consumer queue keeps it waiting. */
export function joinLine(r: RabbitState, q: QueueState, c: ConsumerState): void {
  if (mayReceive(q, c) && !q.active.includes(c.idx)) enterLine(r, q, c);
}

/**
 * The consumer at the front of the line, which then goes behind the others of its priority. A
 * consumer found at its prefetch limit leaves the line (blocked) until an ack makes room
 * (rabbit_queue_consumers).
 */
function nextConsumer(r: RabbitState, q: QueueState): ConsumerState | null {
  const line = q.active;
  while (line.length > 0) {
    const ci = line.shift()!;
    const c = r.consumers[ci]!;
    if (!canTake(c)) {
      c.blocked = true;
      continue;
    }
    // A quorum queue (rabbit_fifo's service queue) keeps only consumers with credit left: one this
    // delivery fills leaves the line now and rejoins at the back when it settles one (fidelity/quorum.test.ts).
    if (q.quorum && !c.spec.autoAck && c.prefetchCount !== 0 && c.pending.length - c.pendingHead + 1 >= c.prefetchCount) c.blocked = true;
    else enterLine(r, q, c);
    return c;
  }
  return null;
}

function deliver(r: RabbitState, q: QueueState, c: ConsumerState, e: Entry): void {
  const tag = ++c.nextTag;
  r.w.charge(Work.deliver);
  e.tag = tag;
  c.pending.push(e);
  q.counters.delivered++;
  r.w.counters.rabbitDelivered++;
  if (r.w.rec) {
    const counts = q.counts ? countsOf(q, e.msg) : null;
    r.w.emit({
      type: 'delivered',
      queue: q.name,
      consumer: c.id,
      deliveryTag: tag,
      messageId: messageIdOf(e.msg),
      redelivered: e.redelivered,
      autoAck: c.spec.autoAck,
      unacked: c.spec.autoAck ? 0 : c.pending.length - c.pendingHead,
      prefetchCount: c.prefetchCount,
      ...(counts && counts.delivery > 0 ? { deliveryCount: counts.delivery } : {}),
      ...(counts && counts.acquired > 0 ? { acquiredCount: counts.acquired } : {}),
    });
  }
  deliveredMsg(r, e.msg);
  if (c.spec.autoAck) {
    // Auto-ack: the message left the queue on delivery.
    q.counts?.delete(e.msg);
    copyGone(r, e.msg, 'consumed');
  }
  if (!c.busy) scheduleProcessing(r, c);
}

/** Hands ready messages to consumers with room, in turn, expiring a head whose TTL ran out on the way. */
export function dispatch(r: RabbitState, q: QueueState): void {
  if (!q.available) return;
  const now = r.w.time;
  while (q.active.length > 0 && q.ready.length > 0) {
    if (q.ready.headExpiresAt() <= now) {
      expireHead(r, q);
      continue;
    }
    const c = nextConsumer(r, q);
    if (!c) break;
    deliver(r, q, c, q.ready.shift());
  }
  armExpiry(r, q);
}

/** A consumer works through what it holds one delivery at a time, processingMs each (consumer.ts settles it). */
export function scheduleProcessing(r: RabbitState, c: ConsumerState): void {
  if (c.pendingHead >= c.pending.length || c.status !== 'active' || c.spec.settleBy === 'interventions') return;
  c.busy = true;
  // A consumer that requeues with no processing time would spin forever at one instant.
  const requeues = c.spec.nackRequeue && (c.spec.nackEvery !== undefined || c.spec.failMessages !== undefined);
  const ms = c.spec.processingMs === 0 && requeues ? 1 : c.spec.processingMs;
  c.busyUntil = r.w.time + ms;
  r.schedule(c.busyUntil, RabbitTask.processed, c.idx, c.token);
}

/** After an ack or nack: a requeue can push the queue over its limit; then expire and dispatch. */
export function afterSettle(r: RabbitState, q: QueueState): void {
  if (!q.available) return;
  dropHeadWhileOver(r, q);
  expireHead(r, q);
  dispatch(r, q);
}

/** basic.ack of `d`; `multipleUpTo`: by an ack of that delivery tag with multiple=true. */
export function ack(r: RabbitState, c: ConsumerState, d: Delivery, multipleUpTo?: number): void {
  const q = r.queueOf(c);
  r.w.charge(Work.settle);
  q.counters.acked++;
  r.w.counters.rabbitAcked++;
  if (r.w.rec)
    r.w.emit({
      type: 'acked',
      queue: q.name,
      consumer: c.id,
      deliveryTag: d.tag,
      messageId: messageIdOf(d.msg),
      ...(multipleUpTo !== undefined ? { multipleUpTo } : {}),
    });
  q.counts?.delete(d.msg);
  copyGone(r, d.msg, 'consumed');
  unblockIfRoom(r, c);
  sacSettled(r, q, c);
}

/** basic.nack, or basic.reject (`reject`): requeued, else dead-lettered or dropped. */
export function nack(r: RabbitState, c: ConsumerState, d: Delivery, requeue: boolean, reject = false): void {
  const q = r.queueOf(c);
  r.w.charge(Work.settle);
  q.counters.nacked++;
  if (r.w.rec)
    r.w.emit({
      type: 'nacked',
      queue: q.name,
      consumer: c.id,
      deliveryTag: d.tag,
      messageId: messageIdOf(d.msg),
      requeue,
      ...(reject ? { reject: true as const } : {}),
    });
  if (requeue) requeueAt(r, q, c, d, reject ? 'reject' : 'nack');
  else dropOrDeadLetter(r, q, d.msg, 'rejected');
  unblockIfRoom(r, c);
  sacSettled(r, q, c);
}

/**
 * Back into the queue, marked redelivered: a classic queue puts it at its original position; a quorum
 * queue counts the return and may remove the message at its delivery limit (quorum-queue.ts).
 */
export function requeueAt(r: RabbitState, q: QueueState, c: ConsumerState, d: Delivery, reason: ReturnReason): void {
  if (q.quorum) {
    // RabbitMQ 4.3: basic.nack and a lost node's timeout are not failed deliveries; the rest are.
    const failed = reason !== 'nack' && reason !== 'disconnected-timeout';
    return quorumReturn(r, q, c, d, failed, reason);
  }
  putBack(r, q, c, d, d.pos, reason);
}

type RequeueDetail = Pick<EventOf<'requeued'>, 'to' | 'deliveryCount' | 'acquiredCount'>;

/** The delivery goes back among the ready messages at `pos`, marked redelivered. */
export function putBack(
  r: RabbitState,
  q: QueueState,
  c: ConsumerState,
  d: Delivery,
  pos: number,
  reason: ReturnReason,
  detail?: RequeueDetail,
): void {
  const e: Entry = { msg: d.msg, pos, expiresAt: d.expiresAt, redelivered: true, tag: 0 };
  r.w.charge(Work.requeue);
  const position = q.ready.insert(e);
  q.counters.requeued++;
  if (r.w.rec)
    r.w.emit({
      type: 'requeued',
      queue: q.name,
      consumer: c.id,
      deliveryTag: d.tag,
      messageId: messageIdOf(d.msg),
      redelivered: true,
      position,
      reason,
      ...detail,
    });
}
