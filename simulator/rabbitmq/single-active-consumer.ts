// Single active consumer (x-single-active-consumer: true, a queue argument; classic and quorum
// queues): one consumer gets the queue's messages, in order, while the others wait. The first to
// subscribe is active. When it goes away (cancelled, channel closed) the next takes over: on a classic
// queue the waiting consumer with the highest x-priority, then the earliest subscribed; on a quorum
// queue (4.0+) the highest priority, then the most credit (room under its prefetch), then the earliest
// attached. Only on a quorum queue does a consumer that subscribes with a higher priority than the
// active one take over: the active one quiesces (gets nothing new) and hands over once it has no
// unacked messages. Sources: rabbitmq-website docs consumers.md 4.3 ("Single Active Consumer"),
// blog 2024-08-28 "Quorum Queues in 4.0"; rabbitmq-server rabbit_amqqueue_process.erl
// (new_single_active_consumer_after_channel_down / _after_basic_cancel) and rabbit_queue_consumers.erl
// (get_consumer = priority_queue:out_p) for classic queues; v4.3.5 rabbit_fifo.erl (activate_next_consumer,
// sort_waiting, status quiescing) for quorum queues. RabbitMQ 3.x quorum queues took the next in
// registration order, ignoring priority (fidelity/README.md: observed on 3.10.8).
import { enterLine } from './consumer-priority';
import type { ConsumerState, QueueState, RabbitState } from './state';

export function isSingleActive(q: QueueState): boolean {
  return q.spec.singleActiveConsumer === true;
}

function unacked(c: ConsumerState): number {
  return c.pending.length - c.pendingHead;
}

function waitingOf(r: RabbitState, q: QueueState, except: ConsumerState | null): ConsumerState[] {
  return r.consumers.filter((c) => c.queue === q.idx && c.status === 'active' && !c.replaced && c.idx !== q.sacActive && c !== except);
}

/** Who takes over: highest priority, then (quorum) most credit, then the earliest subscribed. */
function pickNext(r: RabbitState, q: QueueState, except: ConsumerState | null): ConsumerState | null {
  const credit = (c: ConsumerState) => (c.prefetchCount === 0 ? Infinity : c.prefetchCount - unacked(c));
  let best: ConsumerState | null = null;
  for (const c of waitingOf(r, q, except)) {
    if (!best) best = c;
    else if (c.priority !== best.priority) {
      if (c.priority > best.priority) best = c;
    } else if (q.quorum && credit(c) !== credit(best)) {
      if (credit(c) > credit(best)) best = c;
    } else if (c.subscription < best.subscription) best = c;
  }
  return best;
}

function activate(
  r: RabbitState,
  q: QueueState,
  c: ConsumerState | null,
  previous: ConsumerState | null,
  reason: 'first' | 'failover' | 'priority',
): void {
  q.sacActive = c ? c.idx : -1;
  q.sacQuiescing = false;
  if (c) enterLine(r, q, c);
  if (r.w.rec) r.w.emit({ type: 'activeConsumer', queue: q.name, consumer: c?.id ?? null, previous: previous?.id ?? null, reason });
}

/** A consumer subscribed; returns whether it is the active one now (else it waits). */
export function sacSubscribe(r: RabbitState, q: QueueState, c: ConsumerState): void {
  const active = q.sacActive >= 0 ? r.consumers[q.sacActive]! : null;
  // A quorum queue keeps the slot for an active consumer whose node it lost, until it gives up on it (4.3).
  if (!active || (active.status !== 'active' && active.status !== 'disconnected')) return activate(r, q, c, null, 'first');
  if (!q.quorum || c.priority <= active.priority) return;
  // Quorum queues, 4.0+: a higher priority takes over once the active consumer has settled what it holds.
  leaveLineOf(q, active);
  if (unacked(active) === 0) return activate(r, q, c, active, 'priority');
  q.sacQuiescing = true;
  if (r.w.rec)
    r.w.emit({ type: 'activeConsumer', queue: q.name, consumer: active.id, previous: active.id, reason: 'priority', takingOver: c.id });
}

function leaveLineOf(q: QueueState, c: ConsumerState): void {
  const i = q.active.indexOf(c.idx);
  if (i >= 0) q.active.splice(i, 1);
  c.blocked = false;
}

/** A consumer went away: if it was the active one, the next takes over. */
export function sacLeave(r: RabbitState, q: QueueState, c: ConsumerState): void {
  if (c.idx !== q.sacActive) return;
  activate(r, q, pickNext(r, q, c), c, 'failover');
}

/** After the active consumer settled a message: a quiescing one with nothing left unacked hands over. */
export function sacSettled(r: RabbitState, q: QueueState, c: ConsumerState): void {
  if (!q.sacQuiescing || c.idx !== q.sacActive || unacked(c) > 0) return;
  const next = pickNext(r, q, c);
  if (next) activate(r, q, next, c, 'priority');
  else {
    q.sacQuiescing = false;
    enterLine(r, q, c);
  }
}

/** May this consumer be handed messages now? */
export function mayReceive(q: QueueState, c: ConsumerState): boolean {
  return !isSingleActive(q) || (c.idx === q.sacActive && !q.sacQuiescing);
}
