'use client';
// Messages travelling the topology graphs (#19, point 8): a dot moves along an edge for each engine
// event that moves a message there (lib/simulate/topology `hopOf`), from the same events the lanes'
// flights use (the store's `recent`). The dots run on an animation clock that advances only while the
// simulation plays (or plays out a step forward), at the chosen speed: pausing freezes them, a jump
// drops them. A fixed pool of SVG groups is moved by requestAnimationFrame (no React render per frame);
// with reduced motion there are none (the lit path and the counts remain).
import { useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { pointAlong, type Layout, type Segment } from '@/lib/graph/layout';
import { eventsBetween } from '@/lib/simulate/flights';
import { FlightPlan, hopDuration, MAX_FLIGHTS } from '@/lib/simulate/graph-flights';
import { hopOf, type Hop } from '@/lib/simulate/topology';
import { edgeKey } from '@/components/ui/FlowGraph';
import { useMediaQuery } from '@/components/ui/useMediaQuery';
import { useSimStore } from './context';

/** Eases in and out, so a dot leaves and arrives gently. */
const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/**
 * The moving messages of one graph: `overlay` goes inside its SVG, `note` beside it (how many moved
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
  const slots = useRef<(SVGGElement | null)[]>([]);
  const noteRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (reduced) return;
    const plan = new FlightPlan();
    let now = 0; // the animation clock: real ms while running
    let runUntil = 0; // a step forward while paused plays its flights out until then
    let raf = 0;
    let last = 0;
    let { jumps } = store.getState();
    let seq = store.getState().snapshot.eventCount;

    const draw = () => {
      const flying = plan.at(now);
      slots.current.forEach((g, i) => {
        if (!g) return;
        const item = flying[i];
        const route = item && routesRef.current.get(item.flight.edge);
        if (!item || !route) {
          g.setAttribute('display', 'none');
          return;
        }
        const p = pointAlong(route, ease(item.along));
        g.removeAttribute('display');
        g.setAttribute('transform', `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`);
        g.dataset.flight = String(item.flight.id);
        g.dataset.on = item.flight.edge;
        const label = item.flight.count > 1 ? `×${item.flight.count}` : '';
        const text = g.lastElementChild!;
        if (text.textContent !== label) text.textContent = label;
      });
      const note = noteRef.current;
      const words = plan.undrawn ? `+${plan.undrawn} more moved than drawn` : '';
      if (note && note.textContent !== words) note.textContent = words;
    };
    const running = () => store.getState().playing || now < runUntil;
    const frame = (t: number) => {
      now += Math.min(100, Math.max(0, t - last));
      last = t;
      draw();
      raf = running() && plan.until > now ? requestAnimationFrame(frame) : 0;
    };
    const kick = () => {
      if (raf || !running() || plan.until <= now) return;
      last = performance.now();
      raf = requestAnimationFrame(frame);
    };

    const off = store.subscribe((st, prev) => {
      const count = st.snapshot.eventCount;
      if (st.jumps !== jumps || count < seq) {
        jumps = st.jumps;
        seq = count;
        plan.clear();
        runUntil = now;
        draw();
        return;
      }
      if (st.frame !== prev.frame && count > seq) {
        const events = eventsBetween(st.recent, seq, count);
        seq = count;
        if (events) {
          const hops = events.map(hopOf).filter((h): h is Hop => h !== null);
          plan.add(hops, now, hopDuration(st.speed), routesRef.current);
          if (!st.playing) runUntil = plan.until;
        }
      }
      kick();
    });
    return () => {
      off();
      cancelAnimationFrame(raf);
    };
  }, [reduced, store]);

  if (reduced) return { overlay: null, note: null };
  return {
    overlay: (
      <g aria-hidden="true" className="pointer-events-none">
        {Array.from({ length: MAX_FLIGHTS }, (_, i) => (
          <g
            key={i}
            ref={(g) => {
              slots.current[i] = g;
            }}
            display="none"
            data-testid="graph-flight"
          >
            <circle r={5} className="fill-amber-500 stroke-white dark:fill-amber-400 dark:stroke-zinc-900" strokeWidth={1.5} />
            <text
              x={7}
              y={-6}
              fontSize={10}
              paintOrder="stroke"
              strokeWidth={3}
              className="fill-zinc-900 stroke-white dark:fill-zinc-100 dark:stroke-zinc-900"
            />
          </g>
        ))}
      </g>
    ),
    note: (
      <span ref={noteRef} aria-hidden="true" className="text-xs font-normal text-zinc-600 dark:text-zinc-400" data-testid="graph-undrawn" />
    ),
  };
}
