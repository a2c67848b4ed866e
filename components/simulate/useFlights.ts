'use client';
// Messages fly between a queue's ready list and its consumers' prefetch slots: a delivery moves the
// chip from the head of the queue into the consumer's slot, a requeue moves it back. After each
// redraw, a chip whose message sat on the other side before is animated from its old place
// (FLIP with the Web Animations API). Skipped at fast speeds and with reduced motion, where the
// state simply steps.
import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Ready chips measured from the head: deliveries take from the head, so these are the ones that fly. */
const HEAD = 16;
const DURATION_MS = 380;

type Side = 'ready' | 'slot';
interface Seen {
  side: Side;
  x: number;
  y: number;
}

function chips(card: HTMLElement): HTMLElement[] {
  const ready = [...card.querySelectorAll<HTMLElement>('[data-side="ready"]')].slice(0, HEAD);
  return [...ready, ...card.querySelectorAll<HTMLElement>('[data-side="slot"]')];
}

function still(card: HTMLElement): boolean {
  return card.closest('[data-fast="true"]') !== null || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** `signature` changes whenever the card's content does (its memo key): one measurement per redraw. */
export function useFlights(card: RefObject<HTMLElement | null>, signature: string) {
  const last = useRef<Map<string, Seen> | null>(null);
  useLayoutEffect(() => {
    const el = card.current;
    if (!el) return;
    if (still(el)) {
      last.current = null;
      return;
    }
    const origin = el.getBoundingClientRect();
    const now = new Map<string, Seen>();
    for (const chip of chips(el)) {
      const id = chip.dataset.msg;
      const side = chip.dataset.side as Side;
      if (!id) continue;
      const r = chip.getBoundingClientRect();
      const seen = { side, x: r.left - origin.left, y: r.top - origin.top };
      now.set(id, seen);
      const before = last.current?.get(id);
      if (before && before.side !== side && typeof chip.animate === 'function') {
        chip.animate([{ transform: `translate(${before.x - seen.x}px, ${before.y - seen.y}px)` }, { transform: 'none' }], {
          duration: DURATION_MS,
          easing: 'cubic-bezier(0.2, 0.7, 0.3, 1)',
        });
      }
    }
    last.current = now;
  }, [card, signature]);
}
