// Messages moving along the topology graphs' edges (#19, point 8). Each hop (topology.ts `hopOf`: an
// engine event that moves a message) becomes a flight along its edge, timed on an animation clock that
// the view runs only while the simulation plays (or plays out a step), so pausing freezes the flights
// and a jump drops them. A message's next hop leaves when its previous one arrives (published, then
// routed, then delivered), and at most MAX_FLIGHTS fly at once: more on the same edge ride along as a
// count, the rest are counted as not drawn. Where a message goes comes from the events only.
import type { Hop } from './topology';

/** Flights drawn at once per graph. */
export const MAX_FLIGHTS = 12;
/** How long a hop takes at 1× (real ms); the speed divides it, down to MIN_HOP_MS. */
export const HOP_MS = 600;
export const MIN_HOP_MS = 150;
/** A hop's flight time at `speed`. */
export const hopDuration = (speed: number) => Math.max(MIN_HOP_MS, HOP_MS / speed);
/** A hop waits for the one before it at most this many flight times; later than that it is not drawn. */
const MAX_WAIT = 3;
/** Arrival times kept per message and node before old ones are forgotten. */
const ARRIVALS_KEEP = 4096;

export interface Flight {
  id: number;
  /** The edge, as `from \u0000 to` (FlowGraph's edgeKey). */
  edge: string;
  /** On the animation clock (ms). */
  start: number;
  duration: number;
  /** Messages it carries. */
  count: number;
}

export class FlightPlan {
  private flights: Flight[] = [];
  /** When a message arrives at a node (`id@node`), on the animation clock. */
  private arrivals = new Map<string, number>();
  private nextId = 1;
  /** Messages that moved while MAX_FLIGHTS were already flying, not drawn; reset when the flights run out. */
  undrawn = 0;

  /** Schedules `hops` seen at `now`, each taking `duration`; hops along edges not in `edges` are left out. */
  add(hops: readonly Hop[], now: number, duration: number, edges: { has(edge: string): boolean }): void {
    for (const h of hops) {
      const edge = `${h.from}\u0000${h.to}`;
      if (!edges.has(edge)) continue;
      const start = Math.max(now, this.arrivals.get(`${h.messageId}@${h.from}`) ?? now);
      this.arrivals.set(`${h.messageId}@${h.to}`, start + duration);
      if (start - now > MAX_WAIT * duration) this.undrawn += h.count;
      else if (this.flights.length < MAX_FLIGHTS) this.flights.push({ id: this.nextId++, edge, start, duration, count: h.count });
      else {
        // Full: ride along with a flight on the same edge leaving about then.
        const mate = this.flights.find((f) => f.edge === edge && Math.abs(f.start - start) < duration / 2);
        if (mate) mate.count += h.count;
        else this.undrawn += h.count;
      }
    }
    if (this.arrivals.size > ARRIVALS_KEEP) for (const [k, t] of this.arrivals) if (t < now) this.arrivals.delete(k);
  }

  /** The flights in the air at `now`, each with how far along it is (0 … 1); those that arrived are dropped. */
  at(now: number): { flight: Flight; along: number }[] {
    this.flights = this.flights.filter((f) => now < f.start + f.duration);
    if (this.flights.length === 0) this.undrawn = 0;
    return this.flights.filter((f) => now >= f.start).map((flight) => ({ flight, along: (now - flight.start) / flight.duration }));
  }

  /** Every flight scheduled and not yet arrived at the last `at` (some may not have left yet). */
  get scheduled(): readonly Flight[] {
    return this.flights;
  }

  /** When the last scheduled flight arrives (0 when none). */
  get until(): number {
    return this.flights.reduce((t, f) => Math.max(t, f.start + f.duration), 0);
  }

  /** A jump: nothing in the air any more. */
  clear(): void {
    this.flights = [];
    this.arrivals.clear();
    this.undrawn = 0;
  }
}
