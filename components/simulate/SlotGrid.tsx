'use client';
// The "Whole log" layout: every item sits at a fixed slot (a record's offset, a message's place in
// its queue), wrapped into rows as wide as the card. Removing the head or appending at the tail
// moves nothing else, so the browser only draws what changed; only the grid's height and one
// translate change when the first row empties.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CELL_PITCH } from './Cell';

const CELL_H = 28;
const ROW_GAP = 3;

export interface SlotPlace {
  cols: number;
  /** Height of the band above each row of cells (marker labels), px. */
  band: number;
}

const rowHeight = (band: number) => band + CELL_H + ROW_GAP;

/** Top-left corner of a slot's cell inside the grid. */
export function slotXY(slot: number, { cols, band }: SlotPlace): { x: number; y: number } {
  return { x: (slot % cols) * CELL_PITCH, y: Math.floor(slot / cols) * rowHeight(band) + band };
}

/** Columns that fit the element's content box (at least 4), following its width. */
function useColumns(ref: React.RefObject<HTMLElement | null>): number {
  const [cols, setCols] = useState(16);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setCols(Math.max(4, Math.floor((el.clientWidth + CELL_PITCH - 28) / CELL_PITCH)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return cols;
}

export function SlotGrid({
  first,
  last,
  band = 0,
  className = '',
  listLabel,
  render,
}: {
  /** Lowest and highest slot drawn (inclusive). */
  first: number;
  last: number;
  band?: number;
  className?: string;
  /** When set the grid is a list (its items carry role="listitem"). */
  listLabel?: string;
  render: (place: SlotPlace) => ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const cols = useColumns(ref);
  const h = rowHeight(band);
  const top = Math.floor(Math.max(0, first) / cols);
  const rows = Math.floor(Math.max(first, last) / cols) - top + 1;
  return (
    <div ref={ref} className={`kvr-slots ${className}`} style={{ height: rows * h - ROW_GAP }}>
      <div
        className="kvr-slots-inner"
        style={{ translate: `0 ${-top * h}px` }}
        {...(listLabel ? { role: 'list', 'aria-label': listLabel } : {})}
      >
        {render({ cols, band })}
      </div>
    </div>
  );
}
