// Where the marks of one consumer group go on the line under a partition's strip of records: the
// lag span (from the committed offset to where consumers may read up to: the high watermark, which is
// the log-end offset unless followers are still catching up), the committed offset's tick, each
// consumer's position (a ▲ under the record it fetches next) and the labels that name them. Marks sit
// at their exact record; labels move to the nearest free room, never over a mark or another label,
// and never past the strip's ends; a label with no room on the line goes to a second line.
import { cut } from '@/lib/graph/layout';
import { BEFORE_FIRST, type MarkerModel } from './view-model';

/** A consumer's name on the track is cut to this many characters (its title and the lag list say it whole). */
const MAX_NAME = 14;

/** Track labels are monospace at this size, so their widths are known without measuring. */
export const TRACK_FONT_PX = 11;
export const TRACK_CHAR_W = TRACK_FONT_PX * 0.6;
/** Space kept between a label and its neighbours. */
const GAP = 3;
/** A ▲'s width, and a tick's. */
export const TRIANGLE_W = 8;
export const TICK_W = 2;

export const labelWidth = (text: string) => Math.ceil(text.length * TRACK_CHAR_W) + 2;

export interface Interval {
  x: number;
  w: number;
}

export interface PlacedLabel extends Interval {
  id: string;
  text: string;
  /** 0: on the track's line; 1: on the line below it (no room on the first). */
  line: 0 | 1;
}

export interface TrackLayout {
  /** The lag span, px from the first drawn record's left edge; null when nothing is committed or nothing lags. */
  span: (Interval & { open: boolean }) | null;
  /** The committed offset's tick (null when nothing is committed or it points before the first record drawn). */
  tick: Interval | null;
  /** One ▲ per consumer position. */
  triangles: (Interval & { id: string })[];
  labels: PlacedLabel[];
  /** Lines the track needs: 1, or 2 when a label went below. */
  lines: 1 | 2;
}

/**
 * Puts each label in the free room nearest where it wants to be, in the order given (first come,
 * first placed), within [min, max]. `taken` are marks that never move. A label that fits nowhere
 * returns null.
 */
export function placeLabels(
  wants: readonly { id: string; text: string; x: number }[],
  taken: readonly Interval[],
  min: number,
  max: number,
): ({ id: string; text: string; x: number; w: number } | null)[] {
  const busy: Interval[] = [...taken];
  return wants.map((want) => {
    const w = labelWidth(want.text);
    // Free gaps between busy intervals (each padded by GAP), within the bounds.
    const sorted = [...busy].sort((a, b) => a.x - b.x);
    const gaps: [number, number][] = [];
    let from = min;
    for (const b of sorted) {
      const start = b.x - GAP;
      if (start > from) gaps.push([from, start]);
      from = Math.max(from, b.x + b.w + GAP);
    }
    if (max > from) gaps.push([from, max]);
    let best: number | null = null;
    for (const [a, b] of gaps) {
      if (b - a < w) continue;
      const x = Math.min(Math.max(want.x, a), b - w);
      if (best === null || Math.abs(x - want.x) < Math.abs(best - want.x)) best = x;
    }
    if (best === null) return null;
    busy.push({ x: best, w });
    return { id: want.id, text: want.text, x: best, w };
  });
}

/**
 * The marks of one group under a strip of `cells` records drawn `pitch` px apart (the log-end box
 * just after the last). `markers` come from partitionRow (slot: index among the drawn records);
 * `lag` is the engine's figure for the group and `readableSlot` the high watermark's slot, where the
 * lag span ends.
 */
export function trackLayout(
  markers: readonly MarkerModel[],
  cells: number,
  pitch: number,
  { lag, readableSlot }: { lag: number | null; readableSlot: number },
): TrackLayout {
  const end = cells * pitch; // the log-end box's left edge
  const max = end + pitch; // …and its right edge: labels stay within the strip
  const committed = markers.find((m) => m.kind === 'committed');
  const positions = markers.filter((m) => m.kind === 'position');
  const slotX = (slot: number) => (slot === BEFORE_FIRST ? 0 : slot * pitch);

  let span: TrackLayout['span'] = null;
  let tick: Interval | null = null;
  if (committed) {
    const x = slotX(committed.slot);
    const to = Math.min(end, slotX(readableSlot));
    if (committed.slot !== BEFORE_FIRST) tick = { x: Math.max(0, x - TICK_W / 2), w: TICK_W };
    if (x < to) span = { x, w: to - x, open: committed.slot === BEFORE_FIRST };
  }
  // A position before the first record drawn has no record to point at: its label (◂) says where it is.
  const triangles = positions
    .filter((m) => m.slot !== BEFORE_FIRST)
    .map((m) => ({ id: m.id, x: Math.min(end, m.slot * pitch) + (pitch - 2 - TRIANGLE_W) / 2, w: TRIANGLE_W }));

  const wants: { id: string; text: string; x: number }[] = [];
  for (const m of positions) {
    const t = triangles.find((x) => x.id === m.id);
    const name = cut(m.label, MAX_NAME);
    wants.push(t ? { id: m.id, text: name, x: t.x + t.w + GAP } : { id: m.id, text: `◂${name} @${m.offset}`, x: 0 });
  }
  if (committed && lag !== null) {
    const text = `lag ${lag}`;
    const center = span ? span.x + span.w / 2 : end;
    wants.push({ id: `${committed.group}:lag`, text, x: center - labelWidth(text) / 2 });
  }
  const fixed: Interval[] = [...triangles, ...(tick ? [tick] : [])];
  const first = placeLabels(wants, fixed, 0, max);
  const labels: PlacedLabel[] = [];
  const rest: typeof wants = [];
  first.forEach((p, i) => (p ? labels.push({ ...p, line: 0 }) : rest.push(wants[i]!)));
  // What did not fit goes on a second line, where only the other leftovers compete.
  for (const p of placeLabels(rest, [], 0, max)) if (p) labels.push({ ...p, line: 1 });
  return { span, tick, triangles, labels, lines: rest.length ? 2 : 1 };
}
