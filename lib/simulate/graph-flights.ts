// Messages moving along the topology graphs' edges (#19, point 8). Each hop (topology.ts `hopOf`: an
// engine event that moves a message) becomes a flight along its edge, timed on an animation clock that
// the view runs only while the simulation plays (or plays out a step), so pausing freezes the flights
// and a jump drops them. A message's next hop leaves when its previous one arrives (published, then
// routed, then delivered), and at most MAX_FLIGHTS fly at once: messages on the same edge leaving
// together ride one flight as its count; past MAX_FLIGHTS they ride along with a flight on the same edge
// leaving about then, and the rest are counted as not drawn while they would be in the air. Where a
// message goes comes from the events only.
import type { Hop } from './topology';

/** Flights drawn at once per graph. */
export const MAX_FLIGHTS = 12;
/** How long a hop takes at 1× (real ms); the speed divides it, down to MIN_HOP_MS. */
export const HOP_MS = 600;
export const MIN_HOP_MS = 150;
/** A hop's flight time at `speed` (real ms). */
export const hopDuration = (speed: number) => Math.max(MIN_HOP_MS, HOP_MS / speed);
/**
 * How fast the animation clock runs at `speed`, against real time: every hop takes HOP_MS on that
 * clock, so a change of speed changes the pace of the flights in the air as well as of those to come.
 */
export const flightRate = (speed: number) => HOP_MS / hopDuration(speed);
/** A hop waits for the one before it at most this many flight times; later than that it is not drawn. */
const MAX_WAIT = 3;
/** Hops along one edge leaving less than this share of a flight apart ride one flight (their dots would overlap). */
const TOGETHER = 1 / 8;
/** Past MAX_FLIGHTS, a hop rides along with a flight on its edge leaving less than this share of a flight apart. */
const RIDE_ALONG = 1 / 2;
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

/** Messages that moved without a flight of their own: when they would have flown, and how many. */
interface Missed {
  start: number;
  end: number;
  count: number;
}

export class FlightPlan {
  private flights: Flight[] = [];
  private missed: Missed[] = [];
  /** When a message arrives at a node (`id@node`), on the animation clock. */
  private arrivals = new Map<string, number>();
  private nextId = 1;

  /** Schedules `hops` seen at `now`, each taking `duration`; hops along edges not in `edges` are left out. */
  add(hops: readonly Hop[], now: number, duration: number, edges: { has(edge: string): boolean }): void {
    for (const h of hops) {
      const edge = `${h.from}\u0000${h.to}`;
      if (!edges.has(edge)) continue;
      const start = Math.max(now, this.arrivals.get(`${h.messageId}@${h.from}`) ?? now);
      this.arrivals.set(`${h.messageId}@${h.to}`, start + duration);
      const missed = { start, end: start + duration, count: h.count };
      if (start - now > MAX_WAIT * duration) {
        this.missed.push(missed);
        continue;
      }
      const full = this.flights.length >= MAX_FLIGHTS;
      const within = (full ? RIDE_ALONG : TOGETHER) * duration;
      const mate = this.flights.find((f) => f.edge === edge && Math.abs(f.start - start) < within);
      if (mate) mate.count += h.count;
      else if (!full) this.flights.push({ id: this.nextId++, edge, start, duration, count: h.count });
      else this.missed.push(missed);
    }
    if (this.arrivals.size > ARRIVALS_KEEP) for (const [k, t] of this.arrivals) if (t < now) this.arrivals.delete(k);
  }

  /** The flights in the air at `now`, each with how far along it is (0 … 1); those that arrived are dropped. */
  at(now: number): { flight: Flight; along: number }[] {
    this.flights = this.flights.filter((f) => now < f.start + f.duration);
    this.missed = this.missed.filter((m) => now < m.end);
    return this.flights.filter((f) => now >= f.start).map((flight) => ({ flight, along: (now - flight.start) / flight.duration }));
  }

  /** Every flight scheduled and not yet arrived at the last `at` (some may not have left yet). */
  get scheduled(): readonly Flight[] {
    return this.flights;
  }

  /** Messages moving (or about to) without a flight of their own, as of the last `at`. */
  get undrawn(): number {
    return this.missed.reduce((n, m) => n + m.count, 0);
  }

  /** When the last scheduled flight, drawn or not, arrives (0 when none). */
  get until(): number {
    return Math.max(0, ...this.flights.map((f) => f.start + f.duration), ...this.missed.map((m) => m.end));
  }

  /** Takes a flight out (its edge is no longer drawn). */
  drop(flight: Flight): void {
    this.flights = this.flights.filter((f) => f !== flight);
  }

  /** A jump: nothing in the air any more. */
  clear(): void {
    this.flights = [];
    this.missed = [];
    this.arrivals.clear();
  }
}
