'use client';
// Messages travelling the topology graphs (#19, point 8): a dot moves along an edge for each engine
// event that moves a message there (lib/simulate/topology `hopOf`), from the same events the lanes'
// flights use (the store's `recent`). The dots follow the simulation's clock: they move while it plays
// (and while a step forward plays out), stand still when it pauses, are dropped on a jump, and a hop
// takes HOP_MS divided by the speed, for the dots in the air too when the speed changes. With reduced
// motion there are none (the lit path and the counts remain).
//
// Each of the MAX_FLIGHTS dots has one Web Animation of its transform for as long as the graph is open,
// given one flight after another (its keyframes: along the edge for one flight time, then away, outside
// the overlay that clips it), so the compositor moves the dots with no script, layout or paint per
// frame. A Web Animation per flight did the same, but each one that started or ended on the compositor
// made it sort the page's layers again (PaintArtifactCompositor::Update: with the heavy scenario at 8×,
// about 5 a second more than with no dots, a few ms each). A new layout moves a dot in the air onto its
// edge's new path at the same share of the way, or drops it if the edge is gone.
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { pointAlong, type Box, type Layout, type Segment } from '@/lib/graph/layout';
import { eventsBetween } from '@/lib/simulate/flights';
import { FlightPlan, flightRate, HOP_MS, MAX_FLIGHTS, type Flight } from '@/lib/simulate/graph-flights';
import { hopOf, type Hop } from '@/lib/simulate/topology';
import { edgeKey, GRAPH_PAD } from '@/components/ui/FlowGraph';
import { useMediaQuery } from '@/components/ui/useMediaQuery';
import { useSimStore } from './context';

/** A dot's radius (px). */
const DOT_R = 5;
/** Where a dot waits while it carries nothing: outside the overlay, which clips it. */
const AWAY = 'translate(-100px, -100px)';

/** Points a flight's keyframes take along its edge (the compositor draws straight lines between them). */
const STOPS = 16;
/** A slot's animation lasts this many flights: the first one along the edge, then away until it is given another. */
const SPAN = 10_000;

/** A slot's keyframes: along `route` during the first flight time, then away (all away without a route). */
function keyframes(route: readonly Segment[] | null): Keyframe[] {
  if (!route) return [{ transform: AWAY }, { transform: AWAY }];
  const along = Array.from({ length: STOPS + 1 }, (_, k) => {
    const p = pointAlong(route, k / STOPS);
    return {
      offset: k / STOPS / SPAN,
      transform: `translate(${(p.x + GRAPH_PAD - DOT_R).toFixed(1)}px, ${(p.y + GRAPH_PAD - DOT_R).toFixed(1)}px)`,
    };
  });
  return [...along, { offset: 1 / SPAN, transform: AWAY }, { offset: 1, transform: AWAY }];
}

/** An edge as drawn now: its route and path, and the box of the node it leaves. */
interface DrawnEdge {
  route: Segment[];
  d: string;
  from?: Box;
}

/** The room a dot's count ("×12") takes above and behind it (px, generous: 10 px monospace, padded). */
const COUNT_W = 30;
const COUNT_H = 12;

/**
 * How far along `route` (0–1) its dot's count first clears `from`, the node the dot leaves: until then
 * the count would print over that node's corner. On a short edge it may never clear (1): that flight's
 * count is not shown, there is no room for it.
 */
function countClearsAt(route: readonly Segment[], from: Box | undefined): number {
  if (!from) return 0;
  for (let k = 0; k <= 64; k++) {
    const p = pointAlong(route, k / 64);
    const right = p.x - DOT_R + 2;
    const bottom = p.y - DOT_R + 2;
    if (right - COUNT_W >= from.x + from.w || right <= from.x || bottom - COUNT_H >= from.y + from.h || bottom <= from.y) return k / 64;
  }
  return 1;
}

/** The count's keyframes, beside its dot's: hidden until it clears the node the dot leaves, and while away. */
function countKeyframes(edge: DrawnEdge | null): Keyframe[] {
  if (!edge) return [{ opacity: 0 }, { opacity: 0 }];
  const clear = countClearsAt(edge.route, edge.from) / SPAN;
  return [
    { offset: 0, opacity: 0 },
    { offset: clear, opacity: 0 },
    { offset: clear, opacity: 1 },
    { offset: 1 / SPAN, opacity: 1 },
    { offset: 1 / SPAN, opacity: 0 },
    { offset: 1, opacity: 0 },
  ];
}

/**
 * The moving messages of one graph: `overlay` goes over its drawing, `note` beside it (how many are
 * moving without a dot of their own, when more than MAX_FLIGHTS move at once).
 */
export function useGraphFlights(layout: Layout): { overlay: ReactNode; note: ReactNode } {
  const store = useSimStore();
  // Until known, as if reduced: no dot appears before the page knows it may move.
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)', true);
  /** The edges' routes and paths as drawn now. */
  const routes = useRef(new Map<string, DrawnEdge>());
  /**
   * Set by the flights' effect, called with each new layout: the dots on the edges `moved` go on along
   * their new paths (or are dropped where an edge is gone), and the hops of the moment the layout draws
   * take off (an edge can be new in it: a producer seen for the first time).
   */
  const laidOut = useRef<((moved: ReadonlySet<string>) => void) | null>(null);
  useLayoutEffect(() => {
    const nodes = new Map(layout.nodes.map((n) => [n.id, n]));
    const next = new Map(layout.edges.map((e) => [edgeKey(e), { route: e.route, d: e.d, from: nodes.get(e.from) }]));
    // A new layout comes with every moment; mostly its paths are the ones already drawn.
    const moved = new Set([...routes.current].filter(([k, r]) => next.get(k)?.d !== r.d).map(([k]) => k));
    routes.current = next;
    laidOut.current?.(moved);
  }, [layout]);
  const slots = useRef<(HTMLSpanElement | null)[]>([]);
  const noteRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (reduced) return;
    const plan = new FlightPlan();
    // The flights' clock (ms): runs while the simulation plays or a step plays out, stands still while
    // paused, at `rate` times real time (a hop takes HOP_MS on it, whatever the speed).
    let base = 0;
    let since: number | null = null;
    let rate = flightRate(store.getState().speed);
    const now = () => base + (since === null ? 0 : (performance.now() - since) * rate);
    /** What each slot shows: its flight and the count it says. */
    const shown: ({ flight: Flight; count: number } | null)[] = Array(MAX_FLIGHTS).fill(null);
    // One animation per slot for as long as the graph is open, given each flight in turn (and one for
    // its count): a dot that starts or ends an animation on the compositor makes it sort the page's
    // layers again.
    const timing = { duration: SPAN * HOP_MS };
    const anims = slots.current.map((el) =>
      el ? { dot: el.animate(keyframes(null), timing), count: el.lastElementChild!.animate(countKeyframes(null), timing) } : null,
    );
    /** Slot `i` follows `edge` (or waits away without one). */
    const follow = (i: number, edge: DrawnEdge | null) => {
      (anims[i]!.dot.effect as KeyframeEffect).setKeyframes(keyframes(edge && edge.route));
      (anims[i]!.count.effect as KeyframeEffect).setKeyframes(countKeyframes(edge));
    };
    const each = (f: (a: Animation) => void) => anims.forEach((a) => a && [a.dot, a.count].forEach(f));
    each((a) => {
      a.playbackRate = rate;
      a.pause();
    });
    let settle = 0;
    /** Says the counts again when the last flight lands, if no new moment comes first (a step, the end). */
    const settleLater = () => {
      clearTimeout(settle);
      const left = plan.until - now();
      if (since !== null && left > 0) settle = window.setTimeout(draw, left / rate + 20);
    };

    /** Gives each flight scheduled a slot, frees the slots of those that landed; says the counts. */
    function draw() {
      const t = now();
      plan.at(t);
      const live = new Set(plan.scheduled);
      // A slot whose flight landed is free (its keyframes have put its dot away already).
      shown.forEach((s, i) => {
        if (s && !live.has(s.flight)) label(i, null);
      });
      for (const flight of plan.scheduled) {
        let i = shown.findIndex((s) => s?.flight === flight);
        if (i < 0) {
          i = shown.indexOf(null);
          if (i < 0 || !routes.current.has(flight.edge)) continue;
          give(i, flight, t);
        }
        const s = shown[i]!;
        if (s.count !== flight.count) {
          s.count = flight.count;
          slots.current[i]!.lastElementChild!.textContent = flight.count > 1 ? `×${flight.count}` : '';
        }
      }
      const note = noteRef.current;
      const words = plan.undrawn ? `+${plan.undrawn} more moving than drawn` : '';
      if (note && note.textContent !== words) note.textContent = words;
      settleLater();
    }
    /** Slot `i` flies `flight` (from where it is at `t`), or waits away. */
    function give(i: number, flight: Flight | null, t: number) {
      const anim = anims[i];
      if (!anim) return;
      follow(i, flight && routes.current.get(flight.edge)!);
      anim.dot.currentTime = anim.count.currentTime = flight ? t - flight.start : 0;
      label(i, flight);
    }
    /** What slot `i` carries, for the slot and its element. */
    function label(i: number, flight: Flight | null) {
      const el = slots.current[i];
      if (!el) return;
      el.dataset.flight = flight ? String(flight.id) : '';
      el.dataset.on = flight?.edge ?? '';
      shown[i] = flight && { flight, count: 0 };
    }
    const run = () => {
      if (since !== null) return;
      since = performance.now();
      each((a) => a.play());
      settleLater();
    };
    const stop = () => {
      if (since === null) return;
      base = now();
      since = null;
      each((a) => a.pause());
      clearTimeout(settle);
    };
    const clear = () => {
      // Dots in the air go away with their flights (a landed one is away already).
      shown.forEach((s, i) => s && give(i, null, now()));
      plan.clear();
      pending = [];
      draw();
    };
    /** Hops seen and not yet scheduled: they wait for the layout of their moment. */
    let pending: Hop[] = [];
    let waiting = 0;
    const takeOff = () => {
      cancelAnimationFrame(waiting);
      waiting = 0;
      if (!pending.length) return;
      plan.add(pending, now(), HOP_MS, routes.current);
      pending = [];
      draw();
    };
    laidOut.current = (moved) => {
      // The same share of the way along the path as drawn now; a dot whose edge is gone is dropped.
      shown.forEach((s, i) => {
        if (!s || !moved.has(s.flight.edge)) return;
        const route = routes.current.get(s.flight.edge);
        if (route) follow(i, route);
        else {
          plan.drop(s.flight);
          give(i, null, now());
        }
      });
      takeOff();
    };

    let { jumps } = store.getState();
    let seq = store.getState().snapshot.eventCount;
    if (store.getState().playing) run();
    const off = store.subscribe((st, prev) => {
      const count = st.snapshot.eventCount;
      if (st.speed !== prev.speed) {
        base = now();
        if (since !== null) since = performance.now();
        rate = flightRate(st.speed);
        each((a) => a.updatePlaybackRate(rate));
        settleLater();
      }
      if (st.jumps !== jumps || count < seq) {
        jumps = st.jumps;
        seq = count;
        clear();
        return;
      }
      if (st.playing !== prev.playing) {
        if (st.playing) run();
        else stop();
      }
      if (st.frame !== prev.frame && count > seq) {
        const events = eventsBetween(st.recent, seq, count);
        seq = count;
        if (events) {
          const hops = events.map(hopOf).filter((h): h is Hop => h !== null);
          pending.push(...hops);
          // A step forward while paused: its messages move, then stand still again.
          if (!st.playing && hops.length) run();
          // The graph draws this moment next (then laidOut); if it has nothing new to draw, the next frame.
          if (hops.length && !waiting) waiting = requestAnimationFrame(takeOff);
        }
      }
    });
    return () => {
      off();
      clearTimeout(settle);
      cancelAnimationFrame(waiting);
      each((a) => a.cancel());
      laidOut.current = null;
    };
  }, [reduced, store]);

  if (reduced) return { overlay: null, note: null };
  return {
    overlay: (
      <div aria-hidden="true" className="pointer-events-none absolute inset-0 overflow-hidden [contain:strict]">
        {Array.from({ length: MAX_FLIGHTS }, (_, i) => (
          <span
            key={i}
            ref={(g) => {
              slots.current[i] = g;
            }}
            data-testid="graph-flight"
            style={{ transform: AWAY }}
            className="absolute top-0 left-0 flex items-center"
          >
            <span
              style={{ width: 2 * DOT_R, height: 2 * DOT_R }}
              className="shrink-0 rounded-full border-[1.5px] border-white bg-amber-500 dark:border-zinc-900 dark:bg-amber-400"
            />
            {/* The count rides above and behind the dot, over the edge it came along, clear of the name on the node it reaches;
                it shows once clear of the node the dot leaves (countKeyframes). */}
            <span className="absolute right-full bottom-full -mr-0.5 -mb-0.5 rounded bg-white/90 px-0.5 font-mono text-[10px] leading-none text-zinc-900 empty:hidden dark:bg-zinc-900/90 dark:text-zinc-100" />
          </span>
        ))}
      </div>
    ),
    note: (
      <span ref={noteRef} aria-hidden="true" className="text-xs font-normal text-zinc-600 dark:text-zinc-400" data-testid="graph-undrawn" />
    ),
  };
}
