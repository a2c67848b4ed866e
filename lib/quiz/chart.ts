// Axis of the contribution chart: symmetric around 0, whole points, 0 always shown.

/**
 * Ticks from −max to +max, always including 0; step 1 up to 6 points, else 2. The axis reaches at least one step
 * past the largest push, so the number printed at a bar's tip stays inside the chart.
 */
export function axisTicks(largestPush: number): number[] {
  const step = largestPush > 6 ? 2 : 1;
  const max = Math.ceil((Math.max(3, largestPush) + 1) / step) * step;
  const ticks: number[] = [];
  for (let t = -max; t <= max; t += step) ticks.push(t);
  return ticks;
}

/** A tick's label: the number of points, whichever side it counts for (the sides are labelled under the axis). */
export const tickLabel = (v: number) => String(Math.abs(v));
