// Which queue messages moved between the ready list and a consumer since the view last drew it: the
// engine's `delivered` and `requeued` events say so, so the view never infers a move from where its
// chips were.
import type { SimEvent } from '@/simulator';

export type Move = 'delivered' | 'requeued';

/** Messages of `queue` delivered or requeued by events [from, to), each with its last move. */
export function movesBetween(events: readonly SimEvent[], from: number, to: number, queue: string): Map<string, Move> {
  const moves = new Map<string, Move>();
  for (let i = Math.max(0, from); i < Math.min(to, events.length); i++) {
    const e = events[i]!;
    if ((e.type === 'delivered' || e.type === 'requeued') && e.queue === queue) moves.set(e.messageId, e.type);
  }
  return moves;
}
