// Dead-lettering: a message a queue rejects (nack without requeue), expires or drops over its length
// limit is republished to the queue's dead-letter exchange, with the queue's dead-letter routing key
// or its own, a death recorded in its x-death history, and no per-message TTL any more.
//
// Cycles: before the copy enters the queues the exchange routed it to, RabbitMQ drops it for every
// queue it already died in with no rejection since (that death included): a loop that only expiry
// and length limits drive would never end. A dead-lettering for `rejected` is never checked (a client
// chose it, and its next rejection is up to the client). Source: rabbitmq-server
// deps/rabbit/src/rabbit_dead_letter.erl (publish/5, detect_cycles/3: the `rejected` shortcut) and
// mc.erl (record_death/4: one entry per queue and reason, moved to the front when it repeats;
// is_death_cycle/2, is_cycle_v2); RabbitMQ 3.10's rabbit_dead_letter.erl keeps the same rule over the
// x-death header (update_x_death_header/2, is_cycle/2). fidelity/queue-rules.test.ts checks it on 3.10.
//
// The engine routes dead-letters in a loop, never by recursion: a dead-letter that makes another queue
// dead-letter at once (TTL 0, a full queue) waits behind the one being routed, so a chain of any length
// runs in constant stack depth.
//
// Quorum queues with `at-least-once` (quorum-queue.ts) keep the message and send the copy with a
// confirm the target queues answer; a copy no queue took is sent again later.
import { Work } from '../core/context';
import { atLeastOnce, deadLetterConfirm } from './quorum-queue';
import { messageIdOf, type Confirm, type Msg, type QueueState, type RabbitState } from './state';

/** delivery_limit: a quorum queue's message returned more often than its x-delivery-limit. */
export type DeathReason = 'rejected' | 'expired' | 'maxlen' | 'delivery_limit';

/** One x-death entry: the queue a message died in and why (RabbitMQ also counts how often). */
export interface Death {
  readonly queue: string;
  readonly reason: DeathReason;
}

/** A message that never died. */
export const NO_DEATHS: readonly Death[] = [];

/** The history after dying in `queue` for `reason`: that entry first, any older one for the same pair removed. */
export function recordDeath(deaths: readonly Death[], queue: string, reason: DeathReason): readonly Death[] {
  const out: Death[] = [{ queue, reason }];
  for (const d of deaths) if (d.queue !== queue || d.reason !== reason) out.push(d);
  return out;
}

/**
 * True when a copy with this history must not enter `target`: it died there before, and neither that
 * death nor any newer one was a rejection (is_cycle_v2: the deaths up to and including the newest in
 * `target` are all automatic).
 */
export function isDeathCycle(deaths: readonly Death[], target: string): boolean {
  for (const d of deaths) {
    if (d.reason === 'rejected') return false;
    if (d.queue === target) return true;
  }
  return false;
}

/** Whether a dead-lettered copy's targets are checked for cycles: only when it did not die by rejection. */
export function checksCycles(msg: Msg): boolean {
  return msg.deaths.length > 0 && msg.deaths[0]!.reason !== 'rejected';
}

/** The queue gives `msg` up: it goes to the queue's dead-letter exchange (routed at once, or after the one being routed). */
export function deadLetter(r: RabbitState, q: QueueState, msg: Msg, reason: DeathReason): void {
  const dlx = q.spec.deadLetterExchange;
  if (dlx === undefined) return;
  const routingKey = q.spec.deadLetterRoutingKey ?? msg.routingKey;
  const keep = atLeastOnce(q);
  r.w.charge(Work.deadLetter);
  q.counters.deadLettered++;
  r.w.counters.rabbitDeadLettered++;
  if (r.w.rec)
    r.w.emit({
      type: 'deadLettered',
      messageId: messageIdOf(msg),
      fromQueue: q.name,
      toExchange: dlx,
      routingKey,
      reason,
      ...(keep ? { strategy: 'at-least-once' as const } : {}),
    });
  const copy: Msg = { ...msg, expiration: undefined, deaths: recordDeath(msg.deaths, q.name, reason) };
  // at-least-once: the queue keeps the dead-lettered copy until a target queue confirms it.
  if (keep) q.quorum!.deadLetterPending.push(copy);
  route(r, copy, dlx, routingKey, keep ? deadLetterConfirm(q, copy) : null);
}

/** at-least-once: sends a kept dead-lettered copy again (its death is already in its history). */
export function sendDeadLetter(r: RabbitState, q: QueueState, copy: Msg, confirm: Confirm): void {
  route(r, copy, q.spec.deadLetterExchange!, q.spec.deadLetterRoutingKey ?? copy.routingKey, confirm);
}

function route(r: RabbitState, copy: Msg, exchange: string, routingKey: string, confirm: Confirm | null): void {
  const pending = r.deadLetters;
  pending.push({ msg: copy, exchange, routingKey, confirm });
  if (pending.length > 1) return; // an outer call is routing: it takes this one after the current
  try {
    for (let i = 0; i < pending.length; i++) {
      const d = pending[i]!;
      r.router.send(r, d.msg, d.exchange, d.routingKey, false, d.confirm);
    }
  } finally {
    pending.length = 0;
  }
}

/** The cycle check refused `target` for this dead-lettered copy: RabbitMQ drops it (and logs the cycle once). */
export function dropCycle(r: RabbitState, target: QueueState, msg: Msg): void {
  r.w.charge(Work.cycleDrop);
  r.w.counters.rabbitDropped++;
  if (r.w.rec) r.w.emit({ type: 'dropped', queue: target.name, messageId: messageIdOf(msg), reason: 'dead-letter-cycle' });
}
