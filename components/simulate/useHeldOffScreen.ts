'use client';
// While the simulation plays, a partition or queue card out of sight keeps the moment it last showed,
// and takes up the newest one as it comes near the viewport or when play stops. Every moment changes
// every card, and redrawing the ones nobody sees (React, then style, layout and paint of their chips,
// and the glides that start on the compositor) was most of what a moment cost the page: in the
// "Whole log" view, and in the strip view with the lanes scrolled away (the topology graphs open and
// in view: heavy at 1×, 9.0 → 4.7 ms of CPU per frame). The engine's numbers are the same
// either way: this only decides when a card draws them. Held cards catch up one per animation frame,
// so stopping play (or the run reaching its end) never redraws them all in one long task.
import { useEffect, useRef, useState, type RefObject } from 'react';

/** How near the viewport a card must be to keep drawing each moment. */
const NEAR = '200px 0px';

/** Whether the element is near the viewport (true until first observed). */
function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setNear(entries.at(-1)!.isIntersecting), { rootMargin: NEAR });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return near;
}

/** Cards waiting to catch up, in turn: one is let go per animation frame. */
const waiting: (() => void)[] = [];
let frame = 0;

function letNextGo(): void {
  frame = 0;
  waiting.shift()?.();
  if (waiting.length > 0) frame = requestAnimationFrame(letNextGo);
}

/** Runs `go` at the next turn (one per frame); returns a cancel. */
function inTurn(go: () => void): () => void {
  waiting.push(go);
  if (!frame) frame = requestAnimationFrame(letNextGo);
  return () => {
    const i = waiting.indexOf(go);
    if (i >= 0) waiting.splice(i, 1);
  };
}

/** `value`, or while `hold` and the element at `ref` is far from the viewport, the value it last showed near it. */
export function useHeldOffScreen<T>(value: T, hold: boolean): { ref: RefObject<HTMLDivElement | null>; shown: T } {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearViewport(ref);
  const wanted = !hold || near;
  const [live, setLive] = useState(wanted);
  const [kept, setKept] = useState(value);
  // Both derived from the previous render's values (allowed during render): holding starts at once,
  // and the kept value follows while live.
  if (live && !wanted) setLive(false);
  if (live && kept !== value) setKept(value);
  useEffect(() => {
    if (wanted && !live) return inTurn(() => setLive(true));
  }, [wanted, live]);
  return { ref, shown: live ? value : kept };
}
