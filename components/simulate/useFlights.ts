'use client';
// Messages fly between a queue's ready list and its consumers' prefetch slots: a delivery moves the
// chip from where it waited into the consumer's slot, a requeue moves it back. Which chips fly comes
// from the engine's `delivered` / `requeued` events since the card last drew (lib/simulate/flights);
// the chips' places before and after are measured (FLIP with the Web Animations API). Skipped at
// fast speeds, with reduced motion and in the "Whole log" view, where the state simply steps (measuring
// the chips there lays out thousands of them again, several times a second).
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { movesBetween } from '@/lib/simulate/flights';
import { useSimStore } from './context';

/** Ready chips measured from the head: deliveries take from the head, so these are the ones that fly. */
const HEAD = 16;
const DURATION_MS = 380;

interface Drawn {
  /** Events the card had seen when it drew (the snapshot's eventCount). */
  seq: number;
  places: Map<string, { x: number; y: number }>;
}

function chips(card: HTMLElement): HTMLElement[] {
  const ready = [...card.querySelectorAll<HTMLElement>('[data-side="ready"]')].slice(0, HEAD);
  return [...ready, ...card.querySelectorAll<HTMLElement>('[data-side="slot"]')];
}

/** Off screen in a lane that skips such rows (`.kvr-lazy`): nobody sees a flight, and measuring would force its layout. */
const skipped = (card: HTMLElement) => typeof card.checkVisibility === 'function' && !card.checkVisibility({ contentVisibilityAuto: true });

function still(card: HTMLElement): boolean {
  return (
    card.classList.contains('kvr-whole') ||
    card.closest('[data-fast="true"]') !== null ||
    window.matchMedia('(prefers-reduced-motion: reduce)').matches ||
    skipped(card)
  );
}

/**
 * `signature` changes whenever the card's content does (its memo key): one measurement per redraw.
 * `seq` is the snapshot's eventCount: the moves of `queue` in the events between two redraws fly.
 */
export function useFlights(card: RefObject<HTMLElement | null>, queue: string, seq: number, signature: string) {
  const store = useSimStore();
  const last = useRef<Drawn | null>(null);
  useLayoutEffect(() => {
    const el = card.current;
    if (!el) return;
    if (still(el)) {
      last.current = null;
      return;
    }
    const origin = el.getBoundingClientRect();
    const places = new Map<string, { x: number; y: number }>();
    const byId = new Map<string, HTMLElement>();
    for (const chip of chips(el)) {
      const id = chip.dataset.msg;
      if (!id) continue;
      const r = chip.getBoundingClientRect();
      places.set(id, { x: r.left - origin.left, y: r.top - origin.top });
      byId.set(id, chip);
    }
    const before = last.current;
    // Forward only: after a seek back the events since the last draw are not the ones on screen.
    if (before && seq > before.seq) {
      for (const [id] of movesBetween(store.getState().recent, before.seq, seq, queue)) {
        const chip = byId.get(id);
        const from = before.places.get(id);
        const to = places.get(id);
        if (!chip || !from || !to || typeof chip.animate !== 'function') continue;
        chip.animate([{ transform: `translate(${from.x - to.x}px, ${from.y - to.y}px)` }, { transform: 'none' }], {
          duration: DURATION_MS,
          easing: 'cubic-bezier(0.2, 0.7, 0.3, 1)',
        });
      }
    }
    last.current = { seq, places };
  }, [card, queue, seq, signature, store]);
}
