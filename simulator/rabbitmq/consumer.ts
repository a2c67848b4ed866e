// A RabbitMQ consumer on its own channel: it starts (basic.consume), holds at most prefetchCount
// unacked deliveries, processes them one at a time and acks (or nacks / rejects every nackEvery-th and
// each of its failMessages), or is settled by ack / nack / reject interventions; stopping requeues what
// it held (auto-ack deliveries are lost). The queue's side of each step is in classic-queue.ts (a
// quorum queue's returns in quorum-queue.ts, a stream's reads in stream.ts); what a node failure does
// to a consumer is in cluster.ts.
import type { Intervention, RabbitConsumerSpec } from '../schema';
import {
  ack,
  afterSettle,
  dispatch,
  expireHead,
  joinLine,
  leaveLine,
  nack,
  requeueAt,
  scheduleProcessing,
  unblockIfRoom,
} from './classic-queue';
import { connectNode, RECOVERY_MS } from './cluster';
import { priorityOf } from './consumer-priority';
import { isSingleActive, sacLeave, sacSubscribe } from './single-active-consumer';
import { messageIdOf, RabbitTask, type ConsumerState, type Delivery, type RabbitState } from './state';
import { streamAttach } from './stream';

/** Past this many settled deliveries at the front of `pending`, the array is compacted. */
const COMPACT_AFTER = 64;

export function addConsumerState(r: RabbitState, spec: RabbitConsumerSpec, startAt: number | null): ConsumerState {
  const c: ConsumerState = {
    idx: r.consumers.length,
    id: spec.id,
    queue: r.queueIndex.get(spec.queue) ?? 0,
    spec,
    prefetchCount: spec.prefetchCount,
    status: 'waiting',
    nextTag: 0,
    pending: [],
    pendingHead: 0,
    busy: false,
    busyUntil: 0,
    token: 0,
    processed: 0,
    blocked: false,
    offset: 0,
    node: (spec.node ?? 1) - 1,
    priority: priorityOf(spec),
    subscription: 0,
    replaced: false,
  };
  r.consumers.push(c);
  if (startAt !== null) r.schedule(startAt, RabbitTask.consumerStart, c.idx, 0);
  return c;
}

type StartEvent = 'rabbitConsumerAdded' | 'rabbitConsumerRestarted' | 'rabbitConsumerRecovered';

export function startConsumer(r: RabbitState, c: ConsumerState, type: StartEvent): void {
  const q = r.queueOf(c);
  // A client connects to its node, or (that node being down) to the next live one; with none up it waits.
  const node = connectNode(r, c.node);
  if (node < 0) {
    c.status = 'disconnected';
    r.schedule(r.w.time + RECOVERY_MS, RabbitTask.consumerReconnect, c.idx, 0);
    return;
  }
  c.node = node;
  c.status = 'active';
  c.nextTag = 0; // a new channel numbers deliveries from 1 again
  c.pending = [];
  c.pendingHead = 0;
  c.busy = false;
  c.token++;
  c.subscription = q.nextSubscription++;
  if (r.w.rec) r.w.emit({ type, queue: q.name, consumer: c.id, ...(r.clustered ? { node: node + 1 } : {}) });
  // basic.consume on a classic queue (or stream) whose node is down fails: the consumer tries again when it is back.
  if (!q.available && !q.quorum) {
    c.status = 'cancelled';
    return;
  }
  if (q.spec.type === 'stream') return streamAttach(r, c, q);
  leaveLine(r, c);
  if (isSingleActive(q)) sacSubscribe(r, q, c);
  joinLine(r, q, c);
  expireHead(r, q);
  dispatch(r, q);
}

/** The consumer goes away (closed or crashed): what it held goes back to the queue, or is lost with auto-ack. */
export function stopConsumer(r: RabbitState, id: string, how: 'crashed' | 'stopped'): void {
  const c = r.consumer(id);
  if (!c || (c.status !== 'active' && c.status !== 'cancelled')) return r.note(`Ignored: no running consumer ${id}`);
  const q = r.queueOf(c);
  const { requeued, lost } = releaseHeld(r, c, how === 'crashed' ? 'consumer-crash' : 'consumer-removed');
  c.status = how;
  const type = how === 'crashed' ? 'rabbitConsumerCrashed' : 'rabbitConsumerRemoved';
  if (r.w.rec) r.w.emit({ type, queue: q.name, consumer: c.id, requeued, lost });
  if (isSingleActive(q)) sacLeave(r, q, c);
  afterSettle(r, q);
}

/**
 * The consumer's channel is gone: it leaves the line and what it held goes back to the queue (auto-ack
 * deliveries are lost: they left the queue when delivered). The caller sets its new status.
 */
export function releaseHeld(
  r: RabbitState,
  c: ConsumerState,
  reason: 'consumer-crash' | 'consumer-removed' | 'connection-lost' | 'disconnected-timeout',
): { requeued: number; lost: number } {
  const q = r.queueOf(c);
  c.token++;
  c.busy = false;
  leaveLine(r, c);
  let requeued = 0;
  let lost = 0;
  const held = c.pending.slice(c.pendingHead);
  c.pending = [];
  c.pendingHead = 0;
  if (q.spec.type === 'stream') return { requeued, lost };
  for (const d of held) {
    if (c.spec.autoAck) {
      // Auto-ack deliveries already left the queue: they die with the consumer.
      lost++;
      q.counters.dropped++;
      r.w.counters.rabbitDropped++;
      if (r.w.rec) r.w.emit({ type: 'dropped', queue: q.name, messageId: messageIdOf(d.msg), reason: 'consumer-crash' });
    } else if (!q.available && !q.quorum) {
      // A classic queue that is down keeps them only on its disk (cluster.ts decided which survive).
      continue;
    } else {
      requeueAt(r, q, c, d, reason);
      requeued++;
    }
  }
  return { requeued, lost };
}

/** The processing timer ran out: settle the delivery being processed and start on the next. */
export function processHead(r: RabbitState, c: ConsumerState): void {
  const q = r.queueOf(c);
  if (c.spec.processingMs === 0) {
    // No processing time: the consumer settles everything it holds at this instant, one
    // basic.ack / basic.nack after another, and the queue handles each in turn (dropping over its
    // limit, dispatching) before the next, as RabbitMQ 3.10.8 does (fidelity/queue-rules.test.ts).
    // Deliveries made meanwhile wait for the consumer's next turn.
    c.busy = true;
    for (let held = c.pending.length - c.pendingHead; held > 0; held--) {
      settleNext(r, c);
      afterSettle(r, q);
    }
    c.busy = false;
    scheduleProcessing(r, c);
    return;
  }
  c.busy = false;
  settleNext(r, c);
  scheduleProcessing(r, c);
  afterSettle(r, q);
}

/** The consumer is done with the oldest delivery it holds: ack it, or nack (or reject) a failed one. */
function settleNext(r: RabbitState, c: ConsumerState): void {
  const d = c.pending[c.pendingHead];
  if (!d) return;
  c.pending[c.pendingHead] = undefined as unknown as Delivery;
  c.pendingHead++;
  c.processed++;
  if (!c.spec.autoAck) {
    const fails =
      (c.spec.nackEvery !== undefined && c.processed % c.spec.nackEvery === 0) ||
      (c.spec.failMessages !== undefined && c.spec.failMessages.includes(messageIdOf(d.msg)));
    if (fails) nack(r, c, d, c.spec.nackRequeue, c.spec.failWith === 'reject');
    else ack(r, c, d);
  }
  if (c.pendingHead > COMPACT_AFTER && c.pendingHead * 2 > c.pending.length) {
    c.pending = c.pending.slice(c.pendingHead);
    c.pendingHead = 0;
  }
}

type Settle = Extract<Intervention, { type: 'rabbitmq.ack' | 'rabbitmq.nack' | 'rabbitmq.reject' }>;

/** basic.ack / basic.nack / basic.reject from an intervention: one delivery tag, or (ack, nack) with `multiple` every tag up to it. */
export function settleByIntervention(r: RabbitState, iv: Settle): void {
  const c = r.consumer(iv.consumer);
  const i = c ? c.pending.findIndex((d, j) => j >= c.pendingHead && d.tag === iv.deliveryTag) : -1;
  if (!c || c.spec.autoAck || i < 0) return r.note(`Ignored: consumer ${iv.consumer} holds no unacked delivery tag ${iv.deliveryTag}`);
  // Deliveries are held in delivery order, so "every tag up to it" is a prefix of what is held.
  const from = iv.type !== 'rabbitmq.reject' && iv.multiple ? c.pendingHead : i;
  const settled = c.pending.splice(from, i - from + 1);
  for (const d of settled) {
    if (iv.type === 'rabbitmq.ack') ack(r, c, d, iv.multiple ? iv.deliveryTag : undefined);
    else nack(r, c, d, iv.requeue, iv.type === 'rabbitmq.reject');
  }
  if (from === c.pendingHead && c.busy) {
    // The message being processed was settled: start on the next one.
    c.busy = false;
    c.token++;
    scheduleProcessing(r, c);
  }
  afterSettle(r, r.queueOf(c));
}

export function addConsumer(r: RabbitState, spec: Omit<RabbitConsumerSpec, 'startMs'>): void {
  const existing = r.consumer(spec.id);
  if (existing && existing.status !== 'crashed' && existing.status !== 'stopped')
    return r.note(`Ignored: consumer ${spec.id} already exists`);
  if (!r.queueIndex.has(spec.queue)) return r.note(`Ignored: no queue "${spec.queue}"`);
  const c = addConsumerState(r, { ...spec, startMs: r.w.time }, null);
  startConsumer(r, c, 'rabbitConsumerAdded');
}

export function restartConsumer(r: RabbitState, id: string): void {
  const c = r.consumer(id);
  if (!c || (c.status !== 'crashed' && c.status !== 'stopped')) return r.note(`Ignored: consumer ${id} is not crashed or stopped`);
  startConsumer(r, c, 'rabbitConsumerRestarted');
}

/** basic.qos with global=true on the consumer's channel: the new limit applies at once. */
export function setPrefetch(r: RabbitState, id: string, prefetchCount: number): void {
  const c = r.consumer(id);
  if (!c) return r.note(`Ignored: no consumer ${id}`);
  const from = c.prefetchCount;
  c.prefetchCount = prefetchCount;
  const q = r.queueOf(c);
  if (r.w.rec) r.w.emit({ type: 'prefetchChanged', queue: q.name, consumer: c.id, from, to: prefetchCount });
  unblockIfRoom(r, c);
  dispatch(r, q);
}
