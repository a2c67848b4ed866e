// Ticks for a time axis in milliseconds: whole seconds only ("0 s, 5 s, 10 s"), a round step chosen so
// that at most `most` ticks fit.

const STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** Whole-second ticks from the first whole second at or after `from` up to `to` (ms), at most `most` of them. */
export function wholeSecondTicks(from: number, to: number, most = 8): number[] {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return [];
  const first = Math.ceil(from / 1000);
  const last = Math.floor(to / 1000);
  if (last < first) return [];
  // How many multiples of a step lie in [first, last]: ticks sit on round times (0 s, 30 s, 60 s…).
  const aligned = (step: number) => Math.floor(last / step) - Math.ceil(first / step) + 1;
  const step = STEPS_S.find((s) => aligned(s) <= most);
  const ticks: number[] = [];
  if (step === undefined) {
    // Longer than the table's steps allow: evenly from the first whole second.
    const every = Math.ceil((last - first) / (most - 1));
    for (let s = first; s <= last; s += every) ticks.push(s * 1000);
  } else if (aligned(step) === 0) {
    // The smaller steps give too many ticks and this one none (a short range between two multiples): one tick.
    ticks.push(first * 1000);
  } else {
    for (let s = Math.ceil(first / step) * step; s <= last; s += step) ticks.push(s * 1000);
  }
  return ticks;
}
