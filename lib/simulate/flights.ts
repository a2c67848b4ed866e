// Which queue messages moved between the ready list and a consumer since the view last drew it: the
// engine's `delivered` and `requeued` events say so, so the view never infers a move from where its
// chips were.
import type { RecentEvents } from './store/types';

export type Move = 'delivered' | 'requeued';

/**
 * Messages of `queue` delivered or requeued by events [from, to), each with its last move; none when
 * the store no longer has all of those events (the view then simply redraws).
 */
export function movesBetween(recent: RecentEvents, from: number, to: number, queue: string): Map<string, Move> {
  const moves = new Map<string, Move>();
  if (from < recent.from) return moves;
  const end = Math.min(to, recent.from + recent.events.length);
  for (let seq = from; seq < end; seq++) {
    const e = recent.events[seq - recent.from]!;
    if ((e.type === 'delivered' || e.type === 'requeued') && e.queue === queue) moves.set(e.messageId, e.type);
  }
  return moves;
}
