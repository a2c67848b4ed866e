// Publisher confirms (confirm.select). The broker acks a publish (basic.ack) once every queue it was
// routed to has it safe: a transient message (or a non-durable queue) when the queue accepted it, a
// persistent message in a durable classic queue once it is written to disk, a quorum queue once a
// majority of its members have it; an unroutable message at once (after the basic.return of a mandatory
// one). It nacks (basic.nack) when a queue refuses it (reject-publish at the length limit) or is
// unavailable. Sources: rabbitmq-website docs/confirms.md (4.3: "When Will Published Messages Be
// Confirmed by the Broker?", "Negative Acknowledgments for Publishes"); rabbitmq-server
// rabbit_classic_queue.erl (a dead queue's pending publishes are rejected), rabbit_amqqueue_process.erl
// (SYNC_INTERVAL 200 ms: the queue writes to disk when idle, at the latest 200 ms later).
// Simplified: one basic.ack per message (the broker may batch them with multiple=true).
import { Work } from '../core/context';
import { confirmedMsg, nackedMsg } from './ledger';
import { resendLater } from './publisher';
import { settleDeadLetter } from './quorum-queue';
import { messageIdOf, RabbitTask, type Confirm, type Msg, type PublisherState, type QueueState, type RabbitState } from './state';

/** A durable classic queue is idle right after the work of an instant: it writes then. */
export const DISK_SYNC_MS = 1;

/** A publisher in confirm mode publishes: the channel numbers it and waits for the answer. */
export function newConfirm(p: PublisherState, pub: number, msg: Msg, exchange: string, mandatory: boolean): Confirm {
  const c: Confirm = {
    pub,
    seqNo: ++p.seqNo,
    msg,
    exchange,
    mandatory,
    waiting: 0,
    nack: null,
    safe: 'routed-nowhere',
    settled: false,
    source: -1,
  };
  p.outstanding.set(c.seqNo, c);
  return c;
}

/** How many queues will answer (set by the exchange once it routed the message). */
export function expectAnswers(r: RabbitState, c: Confirm, queues: number): void {
  c.waiting = queues;
  if (queues === 0) settle(r, c);
}

const STRENGTH = { 'routed-nowhere': 0, accepted: 1, 'on-disk': 2, majority: 3 } as const;

/** One queue has the message safe. */
export function accepted(r: RabbitState, c: Confirm, safe: Confirm['safe']): void {
  if (c.settled) return;
  if (STRENGTH[safe] > STRENGTH[c.safe]) c.safe = safe;
  if (--c.waiting <= 0) settle(r, c);
}

/** One queue refused it: the publish is nacked (at once: the broker does not wait for the other queues). */
export function refused(r: RabbitState, c: Confirm, queue: string, reason: NonNullable<Confirm['nack']>['reason']): void {
  if (c.settled) return;
  c.nack = { queue, reason };
  settle(r, c);
}

function settle(r: RabbitState, c: Confirm): void {
  r.w.charge(Work.confirm);
  c.settled = true;
  if (c.pub < 0) return settleDeadLetter(r, c);
  const p = r.publishers[c.pub]!;
  // A confirm for a channel that has since died (or a publish the publisher gave up on) reaches nobody.
  if (p.outstanding.get(c.seqNo) !== c) return;
  p.outstanding.delete(c.seqNo);
  const messageId = messageIdOf(c.msg);
  if (c.nack) {
    nackedMsg(r, c.msg);
    if (r.w.rec)
      r.w.emit({ type: 'publishNacked', publisher: p.spec.id, messageId, seqNo: c.seqNo, reason: c.nack.reason, queue: c.nack.queue });
    resendLater(r, c);
    return;
  }
  confirmedMsg(r, c.msg);
  if (r.w.rec) r.w.emit({ type: 'publishConfirmed', publisher: p.spec.id, messageId, seqNo: c.seqNo, safe: c.safe });
}

/** A persistent message in a durable classic queue: confirmed when the queue next writes to disk. */
export function awaitDisk(r: RabbitState, q: QueueState, c: Confirm): void {
  q.syncWaiters.push(c);
  if (q.syncWaiters.length === 1) r.schedule(r.w.time + DISK_SYNC_MS, RabbitTask.diskSync, q.idx, 0);
}

/** The disk-sync task: every persistent message written so far is on disk. */
export function diskSynced(r: RabbitState, q: QueueState): void {
  const waiting = q.syncWaiters;
  q.syncWaiters = [];
  for (const c of waiting) accepted(r, c, 'on-disk');
}

/** The queue died before writing them: every publish waiting for its disk write is nacked. */
export function failDiskWaiters(r: RabbitState, q: QueueState): void {
  const waiting = q.syncWaiters;
  q.syncWaiters = [];
  for (const c of waiting) refused(r, c, q.name, 'queue-unavailable');
}

/** A durable classic queue tracks what is on disk: everything enqueued before the current instant. */
export function noteWrite(q: QueueState, now: number): void {
  if (now > q.syncTime) {
    q.syncPos = q.nextPos;
    q.syncTime = now;
  }
}

/** Whether a message at this position survives a crash at `now`: written in an earlier instant. */
export function onDisk(q: QueueState, pos: number, now: number): boolean {
  return now > q.syncTime || pos < q.syncPos;
}
