// Kafka key input: a list (one key per line) or a pattern like `user-{0..99}` or `{eu,us}-{1..3}`.

/** Most keys the calculator works on at once; more would freeze the page for little insight. */
export const MAX_KEYS = 10_000;

export interface KeyList {
  /** Distinct keys in input order, at most MAX_KEYS. */
  keys: string[];
  /** How many keys the input describes before the cap (and before dropping duplicates). */
  total: number;
  duplicates: number;
  /** Set when keys were cut to MAX_KEYS. */
  capped: boolean;
  /** A readable reason the input is not usable; keys is then empty. */
  error?: string;
}

type Group = string[] | { from: number; to: number; width: number };

function groupSize(g: Group): number {
  return Array.isArray(g) ? g.length : Math.abs(g.to - g.from) + 1;
}

function groupItem(g: Group, i: number): string {
  if (Array.isArray(g)) return g[i]!;
  const n = g.from <= g.to ? g.from + i : g.from - i;
  const s = String(Math.abs(n)).padStart(g.width, '0');
  return n < 0 ? `-${s}` : s;
}

const RANGE = /^(-?\d{1,9})\.\.(-?\d{1,9})$/;

function parseGroup(body: string): Group | string {
  const range = RANGE.exec(body);
  if (range) {
    const [a, b] = [range[1]!, range[2]!];
    // Like bash: a leading zero on either bound pads every number to that width.
    const padded = /^-?0\d/.test(a) || /^-?0\d/.test(b);
    const width = padded ? Math.max(a.replace('-', '').length, b.replace('-', '').length) : 0;
    return { from: Number(a), to: Number(b), width };
  }
  if (body.includes(',')) return body.split(',');
  return `"{${body}}" is neither a range like {0..99} nor a list like {eu,us}`;
}

/** Splits a pattern into literal text and brace groups, or returns an error message. */
function parsePattern(pattern: string): { parts: (string | Group)[] } | { error: string } {
  const parts: (string | Group)[] = [];
  let i = 0;
  while (i < pattern.length) {
    const open = pattern.indexOf('{', i);
    const stray = pattern.indexOf('}', i);
    if (stray >= 0 && (open < 0 || stray < open)) return { error: `"}" at position ${stray + 1} has no matching "{"` };
    if (open < 0) {
      parts.push(pattern.slice(i));
      break;
    }
    const close = pattern.indexOf('}', open);
    if (close < 0) return { error: `"{" at position ${open + 1} is never closed` };
    const inner = pattern.slice(open + 1, close);
    if (inner.includes('{')) return { error: 'groups cannot be nested' };
    parts.push(pattern.slice(i, open));
    const g = parseGroup(inner);
    if (typeof g === 'string') return { error: g };
    parts.push(g);
    i = close + 1;
  }
  return { parts };
}

function dedupe(all: string[], total: number, capped: boolean): KeyList {
  const keys = [...new Set(all)];
  return { keys, total, duplicates: all.length - keys.length, capped };
}

/** Expands a pattern into keys (cartesian product of its groups, first group slowest), capped at MAX_KEYS. */
export function expandKeyPattern(pattern: string, cap = MAX_KEYS): KeyList {
  const parsed = parsePattern(pattern);
  if ('error' in parsed) return { keys: [], total: 0, duplicates: 0, capped: false, error: parsed.error };
  const groups = parsed.parts.filter((p): p is Group => typeof p !== 'string');
  const total = groups.reduce((n, g) => n * groupSize(g), 1);
  const count = Math.min(total, cap);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    // Mixed-radix digits of k pick one item per group.
    let rest = k;
    const picks: string[] = new Array(groups.length);
    for (let gi = groups.length - 1; gi >= 0; gi--) {
      const size = groupSize(groups[gi]!);
      picks[gi] = groupItem(groups[gi]!, rest % size);
      rest = Math.floor(rest / size);
    }
    let gi = 0;
    out.push(parsed.parts.map((p) => (typeof p === 'string' ? p : picks[gi++])).join(''));
  }
  return dedupe(out, total, total > cap);
}

/**
 * One key per line. A blank line in the middle is a real empty key (Kafka allows it); the newline
 * after the last line does not make one more.
 */
export function parseKeyList(text: string, cap = MAX_KEYS): KeyList {
  if (text === '') return { keys: [], total: 0, duplicates: 0, capped: false };
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  return dedupe(lines.slice(0, cap), lines.length, lines.length > cap);
}

/** Lines of the batch box: each a routing key; the trailing newline adds none. Capped at `cap` lines. */
export function parseBatch(text: string, cap = 500): { keys: string[]; capped: boolean } {
  const { keys, capped } = parseKeyList(text, cap);
  return { keys, capped };
}
