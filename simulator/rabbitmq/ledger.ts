// What became of each publisher's messages, counted per message (a resend is the same message): sent,
// confirmed, failed (nacked), in doubt (the connection died first), lost (no copy left for any consumer
// and none was consumed, because a node failed or a queue was unavailable), lost although confirmed,
// and duplicates delivered (a consumer got a second copy). The lesson in numbers: without
// confirms a publisher never learns of a loss; resending after a missing confirm creates duplicates.
// Kept only once failures or confirms are in play (RabbitState.clustered), so plain scenarios pay nothing.
import { grown } from '../core/columns';
import { Work } from '../core/context';
import type { Msg, PublisherState, RabbitState } from './state';

const CONFIRMED = 1;
const NACKED = 2;
const CONSUMED = 4;
/** A copy was lost to a failure (a node died, or the queue was unavailable). */
const LOSS = 8;
const IN_DOUBT = 16;

/** The counters a message contributes to, from its flags and live copies. */
const C_CONFIRMED = 1;
const C_FAILED = 2;
const C_IN_DOUBT = 4;
const C_LOST = 8;
const C_CONFIRMED_LOST = 16;

function categories(flags: number, copies: number): number {
  let c = 0;
  if (flags & CONFIRMED) c |= C_CONFIRMED;
  else if (flags & NACKED) c |= C_FAILED;
  else if (flags & IN_DOUBT) c |= C_IN_DOUBT;
  if (flags & LOSS && copies === 0 && !(flags & CONSUMED)) c |= flags & CONFIRMED ? C_LOST | C_CONFIRMED_LOST : C_LOST;
  return c;
}

/** +1 when a message entered the counter `bit`, -1 when it left it (a module function: no closure per change). */
function moved(before: number, after: number, bit: number): number {
  return ((after & bit) !== 0 ? 1 : 0) - ((before & bit) !== 0 ? 1 : 0);
}

export class Ledger {
  flags: Uint8Array;
  /** Copies of each message the broker holds now (queues, unacked, quorum logs, channels waiting for a leader). */
  copies: Uint16Array;
  /** Which attempts (bit per resend, the 8th and later share a bit) reached a consumer. */
  delivered: Uint8Array;
  sent = 0;
  resent = 0;
  confirmed = 0;
  failed = 0;
  inDoubt = 0;
  lost = 0;
  confirmedLost = 0;
  duplicates = 0;

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.flags = new Uint8Array(n);
    this.copies = new Uint16Array(n);
    this.delivered = new Uint8Array(n);
  }

  clone(): Ledger {
    const l: Ledger = Object.create(Ledger.prototype);
    Object.assign(l, this);
    l.flags = this.flags.slice();
    l.copies = this.copies.slice();
    l.delivered = this.delivered.slice();
    return l;
  }

  private room(seq: number): void {
    if (seq < this.flags.length) return;
    const n = Math.max(seq + 1, this.flags.length * 2);
    this.flags = grown(this.flags, n);
    this.copies = grown(this.copies, n);
    this.delivered = grown(this.delivered, n);
  }

  /** Applies a change to one message and moves it between the counters. */
  change(seq: number, setFlags: number, copiesDelta: number): void {
    this.room(seq);
    const before = categories(this.flags[seq]!, this.copies[seq]!);
    this.flags[seq]! |= setFlags;
    this.copies[seq] = Math.max(0, this.copies[seq]! + copiesDelta);
    const after = categories(this.flags[seq]!, this.copies[seq]!);
    if (before === after) return;
    this.confirmed += moved(before, after, C_CONFIRMED);
    this.failed += moved(before, after, C_FAILED);
    this.inDoubt += moved(before, after, C_IN_DOUBT);
    this.lost += moved(before, after, C_LOST);
    this.confirmedLost += moved(before, after, C_CONFIRMED_LOST);
  }
}

function ledgerOf(r: RabbitState, m: Msg): Ledger | null {
  return r.publishers[m.pub]?.ledger ?? null;
}

export function sent(p: PublisherState, m: Msg): void {
  if (!p.ledger) return;
  if (m.attempt === 0) p.ledger.sent++;
  else p.ledger.resent++;
}

/** A queue (or a quorum queue's log, or a channel waiting for a leader) now holds a copy. */
export function copyAdded(r: RabbitState, m: Msg): void {
  ledgerOf(r, m)?.change(m.seq, 0, 1);
}

/** A copy left the broker: consumed (acked, auto-acked, read), removed by a queue's own rules, or lost to a failure. */
export function copyGone(r: RabbitState, m: Msg, how: 'consumed' | 'policy' | 'lost'): void {
  ledgerOf(r, m)?.change(m.seq, how === 'consumed' ? CONSUMED : how === 'lost' ? LOSS : 0, -1);
}

/** A consumer read it from a stream (the stream keeps its copy). */
export function readMsg(r: RabbitState, m: Msg): void {
  ledgerOf(r, m)?.change(m.seq, CONSUMED, 0);
}

/** A copy never reached its queue: the queue was unavailable. */
export function lostOnTheWay(r: RabbitState, m: Msg): void {
  ledgerOf(r, m)?.change(m.seq, LOSS, 0);
}

export function confirmedMsg(r: RabbitState, m: Msg): void {
  ledgerOf(r, m)?.change(m.seq, CONFIRMED, 0);
}

export function nackedMsg(r: RabbitState, m: Msg): void {
  ledgerOf(r, m)?.change(m.seq, NACKED, 0);
}

export function inDoubtMsg(r: RabbitState, m: Msg): void {
  ledgerOf(r, m)?.change(m.seq, IN_DOUBT, 0);
}

/** A consumer received a copy: a copy of another attempt than any received before is a duplicate. */
export function deliveredMsg(r: RabbitState, m: Msg): void {
  const l = ledgerOf(r, m);
  if (!l) return;
  const bit = 1 << Math.min(m.attempt, 7);
  const seen = l.delivered[m.seq] ?? 0;
  if (seen & bit) return;
  if (seen !== 0) l.duplicates++;
  l.delivered[m.seq] = seen | bit;
}

/**
 * Starts the ledgers (first failure or confirm): counts the copies the broker holds now; a message
 * with none left was consumed or removed by a queue's rules before, so it is not lost.
 */
export function startLedgers(r: RabbitState): void {
  const holding: Msg[] = [];
  for (const q of r.queues) {
    for (const e of q.ready.toArray()) holding.push(e.msg);
    for (const rec of q.log) holding.push(rec.msg);
    if (q.quorum) {
      for (let i = q.quorum.logHead; i < q.quorum.log.length; i++) holding.push(q.quorum.log[i]!.msg);
      for (const e of q.quorum.held) holding.push(e.msg);
      holding.push(...q.quorum.deadLetterPending);
    }
  }
  for (const c of r.consumers) if (!c.spec.autoAck) for (let i = c.pendingHead; i < c.pending.length; i++) holding.push(c.pending[i]!.msg);
  r.publishers.forEach((p) => {
    if (p.ledger) return;
    const l = (p.ledger = new Ledger(p.produced));
    l.sent = p.produced;
  });
  r.w.charge(Work.failover, holding.length + r.publishers.reduce((n, p) => n + p.produced, 0));
  for (const m of holding) ledgerOf(r, m)?.change(m.seq, 0, 1);
  for (const p of r.publishers) {
    const l = p.ledger!;
    for (let s = 0; s < p.produced; s++) if (l.copies[s] === 0) l.change(s, CONSUMED, 0);
  }
}
