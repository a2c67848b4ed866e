// Ticks for a time axis in milliseconds: whole seconds only ("0 s, 5 s, 10 s"), a round step chosen so
// that at most `most` ticks fit.

const STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** Whole-second ticks from the first whole second at or after `from` up to `to` (ms), at most `most` of them. */
export function wholeSecondTicks(from: number, to: number, most = 8): number[] {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return [];
  const first = Math.ceil(from / 1000);
  const last = Math.floor(to / 1000);
  if (last < first) return [];
  const span = last - first;
  const step = STEPS_S.find((s) => Math.floor(span / s) + 1 <= most) ?? Math.ceil(span / (most - 1));
  const start = Math.ceil(first / step) * step;
  const ticks: number[] = [];
  for (let s = start; s <= last; s += step) ticks.push(s * 1000);
  return ticks;
}
