'use client';
// Messages travelling the topology graphs (#19, point 8): a dot moves along an edge for each engine
// event that moves a message there (lib/simulate/topology `hopOf`), from the same events the lanes'
// flights use (the store's `recent`). Each flight is a Web Animation of the dot's transform through
// points along the edge, so the compositor moves it: no React render, no layout or repaint of the
// graph, no script per frame. The animations follow the simulation's clock: they play while it plays
// (and while a step forward plays out), pause when it pauses, are dropped on a jump, and a hop's
// duration is divided by the speed. With reduced motion there are none (the lit path and the counts
// remain).
import { useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { pointAlong, type Layout, type Segment } from '@/lib/graph/layout';
import { eventsBetween } from '@/lib/simulate/flights';
import { FlightPlan, hopDuration, MAX_FLIGHTS, type Flight } from '@/lib/simulate/graph-flights';
import { hopOf, type Hop } from '@/lib/simulate/topology';
import { edgeKey, GRAPH_PAD } from '@/components/ui/FlowGraph';
import { useMediaQuery } from '@/components/ui/useMediaQuery';
import { useSimStore } from './context';

/** A dot's radius (px). */
const DOT_R = 5;
/** Points a flight's keyframes take along its edge (the compositor draws straight lines between them). */
const STOPS = 16;

/** The keyframes of a flight along `route`, in the overlay's pixels. */
function keyframes(route: readonly Segment[]): Keyframe[] {
  return Array.from({ length: STOPS + 1 }, (_, k) => {
    const p = pointAlong(route, k / STOPS);
    return { transform: `translate(${(p.x + GRAPH_PAD - DOT_R).toFixed(1)}px, ${(p.y + GRAPH_PAD - DOT_R).toFixed(1)}px)`, opacity: 1 };
  });
}

/**
 * The moving messages of one graph: `overlay` goes over its drawing, `note` beside it (how many moved
 * that are not drawn, when more than MAX_FLIGHTS move at once).
 */
export function useGraphFlights(layout: Layout): { overlay: ReactNode; note: ReactNode } {
  const store = useSimStore();
  // Until known, as if reduced: no dot appears before the page knows it may move.
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)', true);
  const routes = useMemo(() => new Map<string, Segment[]>(layout.edges.map((e) => [edgeKey(e), e.route])), [layout]);
  const routesRef = useRef(routes);
  useLayoutEffect(() => {
    routesRef.current = routes;
  }, [routes]);
  const slots = useRef<(HTMLSpanElement | null)[]>([]);
  const noteRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (reduced) return;
    const plan = new FlightPlan();
    // The flights' clock (ms): runs while the simulation plays or a step plays out, stands still while paused.
    let base = 0;
    let since: number | null = null;
    const now = () => base + (since === null ? 0 : performance.now() - since);
    /** What each slot shows: its flight, its animation and the count it says. */
    const shown: ({ flight: Flight; anim: Animation; count: number } | null)[] = Array(MAX_FLIGHTS).fill(null);
    const each = (f: (a: Animation) => void) => shown.forEach((s) => s && f(s.anim));
    const run = () => {
      if (since !== null) return;
      since = performance.now();
      each((a) => a.play());
    };
    const stop = () => {
      if (since === null) return;
      base = now();
      since = null;
      each((a) => a.pause());
    };
    const clear = () => {
      each((a) => a.cancel());
      shown.fill(null);
      plan.clear();
    };
    /** Gives each flight scheduled and not yet drawn a free slot and its animation; says the counts. */
    const draw = () => {
      const t = now();
      plan.at(t);
      const live = new Set(plan.scheduled);
      shown.forEach((s, i) => {
        if (s && !live.has(s.flight)) {
          s.anim.cancel();
          shown[i] = null;
        }
      });
      for (const flight of plan.scheduled) {
        let i = shown.findIndex((s) => s?.flight === flight);
        if (i < 0) {
          const route = routesRef.current.get(flight.edge);
          i = shown.indexOf(null);
          const el = slots.current[i];
          if (!route || i < 0 || !el) continue;
          const anim = el.animate(keyframes(route), { duration: flight.duration, delay: flight.start - t, easing: 'ease-in-out' });
          if (since === null) anim.pause();
          el.dataset.flight = String(flight.id);
          el.dataset.on = flight.edge;
          shown[i] = { flight, anim, count: 0 };
        }
        const s = shown[i]!;
        if (s.count !== flight.count) {
          s.count = flight.count;
          slots.current[i]!.lastElementChild!.textContent = flight.count > 1 ? `×${flight.count}` : '';
        }
      }
      const note = noteRef.current;
      const words = plan.undrawn ? `+${plan.undrawn} more moved than drawn` : '';
      if (note && note.textContent !== words) note.textContent = words;
    };

    let { jumps } = store.getState();
    let seq = store.getState().snapshot.eventCount;
    if (store.getState().playing) run();
    const off = store.subscribe((st, prev) => {
      const count = st.snapshot.eventCount;
      if (st.jumps !== jumps || count < seq) {
        jumps = st.jumps;
        seq = count;
        clear();
        draw();
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
          plan.add(hops, now(), hopDuration(st.speed), routesRef.current);
          // A step forward while paused: its messages move, then stand still again.
          if (!st.playing && hops.length) run();
        }
        draw();
      }
    });
    return () => {
      off();
      clear();
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
            className="absolute top-0 left-0 flex items-center gap-0.5 opacity-0"
          >
            <span
              style={{ width: 2 * DOT_R, height: 2 * DOT_R }}
              className="shrink-0 rounded-full border-[1.5px] border-white bg-amber-500 dark:border-zinc-900 dark:bg-amber-400"
            />
            <span className="-translate-y-2 rounded bg-white/90 px-0.5 font-mono text-[10px] leading-none text-zinc-900 empty:hidden dark:bg-zinc-900/90 dark:text-zinc-100" />
          </span>
        ))}
      </div>
    ),
    note: (
      <span ref={noteRef} aria-hidden="true" className="text-xs font-normal text-zinc-600 dark:text-zinc-400" data-testid="graph-undrawn" />
    ),
  };
}
