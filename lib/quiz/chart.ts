// Axis of the contribution chart: symmetric around 0, whole points, 0 always shown.

/** Ticks from −max to +max (max rounded up to the step), always including 0; step 1 up to 6 points, else 2. */
export function axisTicks(largestPush: number): number[] {
  const step = largestPush > 6 ? 2 : 1;
  const max = Math.max(step, Math.ceil(Math.max(3, largestPush) / step) * step);
  const ticks: number[] = [];
  for (let t = -max; t <= max; t += step) ticks.push(t);
  return ticks;
}

/** A tick's label: the number of points, whichever side it counts for (the sides are labelled under the axis). */
export const tickLabel = (v: number) => String(Math.abs(v));
