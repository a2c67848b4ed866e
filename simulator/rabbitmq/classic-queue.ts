// A classic queue, the one implementation the engine runs: FIFO of ready messages; round-robin
// dispatch to consumers with room under their prefetch; requeue at the original position; TTL that
// expires at the head only; x-max-length(-bytes) over ready messages with drop-head or reject-publish;
// dead-lettering. Source: rabbitmq-server rabbit_amqqueue_process.erl (deliver_or_enqueue,
// will_overflow, maybe_drop_head, requeue), rabbit_queue_consumers.erl (deliver, block/unblock);
// rabbitmq-website docs: consumers, consumer-prefetch, ttl, maxlength, dlx. The real broker settles
// the cases the docs leave open: fidelity/queue-rules.test.ts and fidelity/dispatch.test.ts.
import { COPY_STEPS, Work } from '../core/context';
import { deadLetter, type DeathReason } from './dead-letter';
import {
  messageIdOf,
  RabbitTask,
  type ConsumerState,
  type Delivery,
  type Entry,
  type Msg,
  type QueueState,
  type RabbitState,
} from './state';

/** A routed message arrives: refused at the limit (reject-publish), handed straight to a consumer, or queued. */
export function enqueue(r: RabbitState, q: QueueState, msg: Msg): void {
  const s = q.spec;
  r.w.charge(Work.enqueue, COPY_STEPS);
  expireHead(r, q);
  if (s.overflow !== 'drop-head' && beyondLimit(q, 'at', msg.bytes)) return rejectPublish(r, q, msg);
  let ttl = s.messageTtlMs;
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
  if (q.ready.length === 0) {
    const c = nextConsumer(r, q);
    if (c) return deliver(r, q, c, entry);
  }
  q.ready.push(entry);
  dropHeadWhileOver(r, q);
  expireHead(r, q);
}

/** reject-publish(-dlx): the queue is at its limit, the message never enters it. */
function rejectPublish(r: RabbitState, q: QueueState, msg: Msg): void {
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

/** x-max-length(-bytes) count ready messages only. 'at': adding `bytes` more would exceed; 'over': already beyond. */
function beyondLimit(q: QueueState, mode: 'at' | 'over', bytes: number): boolean {
  const { maxLength, maxLengthBytes } = q.spec;
  const n = q.ready.length + (mode === 'at' ? 1 : 0);
  const b = q.ready.bytes + (mode === 'at' ? bytes : 0);
  return (maxLength !== undefined && n > maxLength) || (maxLengthBytes !== undefined && b > maxLengthBytes);
}

function dropOrDeadLetter(r: RabbitState, q: QueueState, msg: Msg, reason: DeathReason): void {
  if (q.spec.deadLetterExchange !== undefined) deadLetter(r, q, msg, reason);
  else if (reason !== 'expired') {
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

/** The armed expiry task: the head's TTL ran out. */
export function expiryDue(r: RabbitState, q: QueueState): void {
  q.expiryAt = Infinity;
  expireHead(r, q);
  dispatch(r, q);
}

function canTake(c: ConsumerState): boolean {
  return c.spec.autoAck || c.prefetchCount === 0 || c.pending.length - c.pendingHead < c.prefetchCount;
}

/** A blocked consumer with room again rejoins the round-robin line at the back. */
export function unblockIfRoom(r: RabbitState, c: ConsumerState): void {
  if (c.blocked && c.status === 'active' && canTake(c)) {
    c.blocked = false;
    r.queueOf(c).active.push(c.idx);
  }
}

export function leaveLine(r: RabbitState, c: ConsumerState): void {
  const line = r.queueOf(c).active;
  const i = line.indexOf(c.idx);
  if (i >= 0) line.splice(i, 1);
  c.blocked = false;
}

/**
 * The consumer at the front of the line, which then goes to the back. A consumer found at its
 * prefetch limit leaves the line (blocked) until an ack makes room (rabbit_queue_consumers).
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
    line.push(ci);
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
  if (r.w.rec)
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
    });
  if (!c.busy) scheduleProcessing(r, c);
}

/** Hands ready messages to consumers with room, in turn, expiring a head whose TTL ran out on the way. */
export function dispatch(r: RabbitState, q: QueueState): void {
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
  const ms = c.spec.processingMs === 0 && c.spec.nackEvery !== undefined && c.spec.nackRequeue ? 1 : c.spec.processingMs;
  c.busyUntil = r.w.time + ms;
  r.schedule(c.busyUntil, RabbitTask.processed, c.idx, c.token);
}

/** After an ack or nack: a requeue can push the queue over its limit; then expire and dispatch. */
export function afterSettle(r: RabbitState, q: QueueState): void {
  dropHeadWhileOver(r, q);
  expireHead(r, q);
  dispatch(r, q);
}

export function ack(r: RabbitState, c: ConsumerState, d: Delivery): void {
  const q = r.queueOf(c);
  r.w.charge(Work.settle);
  q.counters.acked++;
  r.w.counters.rabbitAcked++;
  if (r.w.rec) r.w.emit({ type: 'acked', queue: q.name, consumer: c.id, deliveryTag: d.tag, messageId: messageIdOf(d.msg) });
  unblockIfRoom(r, c);
}

export function nack(r: RabbitState, c: ConsumerState, d: Delivery, requeue: boolean): void {
  const q = r.queueOf(c);
  r.w.charge(Work.settle);
  q.counters.nacked++;
  if (r.w.rec) r.w.emit({ type: 'nacked', queue: q.name, consumer: c.id, deliveryTag: d.tag, messageId: messageIdOf(d.msg), requeue });
  if (requeue) requeueAt(r, q, c, d, 'nack');
  else dropOrDeadLetter(r, q, d.msg, 'rejected');
  unblockIfRoom(r, c);
}

/** Back into the queue at its original position, marked redelivered. */
export function requeueAt(
  r: RabbitState,
  q: QueueState,
  c: ConsumerState,
  d: Delivery,
  reason: 'nack' | 'consumer-crash' | 'consumer-removed',
): void {
  const e: Entry = { msg: d.msg, pos: d.pos, expiresAt: d.expiresAt, redelivered: true, tag: 0 };
  r.w.charge(Work.requeue);
  const position = q.ready.insert(e);
  q.counters.requeued++;
  if (r.w.rec)
    r.w.emit({
      type: 'requeued',
      queue: q.name,
      consumer: c.id,
      deliveryTag: d.tag,
      messageId: messageIdOf(e.msg),
      redelivered: true,
      position,
      reason,
    });
}
