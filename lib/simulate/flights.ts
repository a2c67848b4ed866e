// What moved since the view last drew: the engine's events between two frames say so, so the view
// never infers a move from where its chips were. The lanes fly queue messages between the ready list
// and a consumer (`movesBetween`); the topology graphs move them along their edges (graph-flights.ts).
import type { SimEvent } from '@/simulator';
import type { RecentEvents } from './store/types';

export type Move = 'delivered' | 'requeued';

/** Events [from, to) when the store still has all of them, else null (the view then simply redraws). */
export function eventsBetween(recent: RecentEvents, from: number, to: number): readonly SimEvent[] | null {
  if (from < recent.from) return null;
  return recent.events.slice(from - recent.from, Math.max(0, Math.min(to, recent.from + recent.events.length) - recent.from));
}

/** Messages of `queue` delivered or requeued by events [from, to), each with its last move. */
export function movesBetween(recent: RecentEvents, from: number, to: number, queue: string): Map<string, Move> {
  const moves = new Map<string, Move>();
  for (const e of eventsBetween(recent, from, to) ?? [])
    if ((e.type === 'delivered' || e.type === 'requeued') && e.queue === queue) moves.set(e.messageId, e.type);
  return moves;
}
