// Numbers in words for the page, without Intl: a page's first Intl call loads the browser's locale
// data (12–16 ms of main-thread work at load on this machine, four times that on Lighthouse's phone),
// and every number the site prints is English. Both agree with Intl (`en-US`), which a property test
// checks over many numbers.

/** 1234567 → "1,234,567", as `toLocaleString('en-US')` writes a count. */
export function count(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = digits.slice(Math.max(0, end - 3), end) + (out ? ',' + out : '');
  return (n < 0 ? '-' : '') + out;
}

const UNITS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
  [1, ''],
];

/** 12345 → "12.3K", 2000000 → "2M": Intl's compact English notation with at most one decimal. */
export function compact(v: number): string {
  if (!Number.isFinite(v) || Math.abs(v) >= 1e15) return v.toLocaleString('en-US', { notation: 'compact', maximumFractionDigits: 1 });
  // Tenths of the unit, rounded half away from zero as Intl does (10 × an integer count is exact).
  const tenths = (value: number, unit: number) => Math.round((Math.abs(value) * 10) / unit) / 10;
  let i = UNITS.findIndex(([unit]) => Math.abs(v) >= unit);
  if (i === -1) i = UNITS.length - 1;
  // Rounding can carry into the next unit: 999,960 is "1M", not "1000K".
  if (i > 0 && tenths(v, UNITS[i]![0]) >= 1000) i -= 1;
  const [unit, suffix] = UNITS[i]!;
  const scaled = tenths(v, unit);
  return scaled === 0 ? '0' : `${v < 0 ? '-' : ''}${scaled}${suffix}`; // Intl writes "-0" for -0.04
}
