// Kafka key input: a list (one key per line) or a pattern like `user-{0..99}` or `{eu,us}-{1..3}`.

import { count } from '@/lib/format';
/** Most keys the calculator works on at once; more would freeze the page for little insight. */
export const MAX_KEYS = 10_000;
/**
 * Characters of keys the calculator makes, decided before any key is made from the longest key a
 * pattern can make. Each character is hashed seven times (three partitioners, and two of them again
 * for the growth), so 250,000 are a few tens of milliseconds, and 10,000 keys of 25 characters fit.
 * Without it `{a,b}` written 20,000 times asked for 10,000 keys of 20,000 characters and hung the tab.
 */
export const MAX_KEY_WORK = 250_000;

export interface KeyList {
  /** Distinct keys in input order, at most MAX_KEYS. */
  keys: string[];
  /** How many keys the input describes before the cap (and before dropping duplicates); Infinity when beyond counting. */
  total: number;
  duplicates: number;
  /** Set when keys were cut (to MAX_KEYS, or fewer when they are long: MAX_KEY_WORK). */
  capped: boolean;
  /** How many keys were made before dropping duplicates (the first `used` of `total`). */
  used: number;
  /** A readable reason the input is not usable; keys is then empty. */
  error?: string;
}

/** The cap in words, for the hint next to the input. */
export const KEY_CAP_WORDS = `The calculator uses the first ${count(MAX_KEYS)} keys, fewer when they are long (${count(MAX_KEY_WORK)} characters in all).`;

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
  return { keys, total, duplicates: all.length - keys.length, capped, used: all.length };
}

/** The longest text a group can put into a key. */
function groupWidth(g: Group): number {
  if (Array.isArray(g)) return g.reduce((w, item) => Math.max(w, item.length), 0);
  return Math.max(String(Math.abs(g.from)).length, String(Math.abs(g.to)).length, g.width) + 1;
}

/** Expands a pattern into keys (cartesian product of its groups, first group slowest), capped at MAX_KEYS and MAX_KEY_WORK. */
export function expandKeyPattern(pattern: string, cap = MAX_KEYS, work = MAX_KEY_WORK): KeyList {
  const parsed = parsePattern(pattern);
  if ('error' in parsed) return { keys: [], total: 0, duplicates: 0, capped: false, used: 0, error: parsed.error };
  const parts = parsed.parts;
  const groups = parts.filter((p): p is Group => typeof p !== 'string');
  const sizes = groups.map(groupSize);
  const total = sizes.reduce((n, size) => n * size, 1);
  // What one key costs at most, known before making any: its longest length (plus one, for empty keys).
  const perKey = parts.reduce((n, p) => n + (typeof p === 'string' ? p.length : groupWidth(p)), 1);
  const taken = Math.min(total, cap, Math.max(1, Math.floor(work / perKey)));
  // An odometer over the groups (the last turns fastest); text[i] is the key up to part i, so a step
  // rebuilds only the parts after the group that moved: each key costs about one concatenation.
  const digits = groups.map(() => 0);
  const groupOfPart: number[] = [];
  const partOfGroup: number[] = [];
  parts.forEach((p, i) => {
    groupOfPart.push(typeof p === 'string' ? -1 : partOfGroup.length);
    if (typeof p !== 'string') partOfGroup.push(i);
  });
  const text: string[] = [''];
  const rebuild = (from: number) => {
    for (let i = from; i < parts.length; i++) {
      const p = parts[i]!;
      text[i + 1] = text[i] + (typeof p === 'string' ? p : groupItem(p, digits[groupOfPart[i]!]!));
    }
  };
  rebuild(0);
  const out: string[] = [text[parts.length]!];
  for (let k = 1; k < taken; k++) {
    let g = groups.length - 1;
    while (g > 0 && digits[g]! + 1 === sizes[g]) digits[g--] = 0;
    digits[g]!++;
    rebuild(partOfGroup[g]!);
    out.push(text[parts.length]!);
  }
  return dedupe(out, total, taken < total);
}

/**
 * One key per line. A blank line in the middle is a real empty key (Kafka allows it); the newline
 * after the last line does not make one more.
 */
export function parseKeyList(text: string, cap = MAX_KEYS, work = MAX_KEY_WORK): KeyList {
  if (text === '') return { keys: [], total: 0, duplicates: 0, capped: false, used: 0 };
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines[lines.length - 1] === '') lines.pop();
  let taken = 0;
  let spent = 0;
  while (taken < Math.min(lines.length, cap) && spent + lines[taken]!.length + 1 <= work) spent += lines[taken++]!.length + 1;
  if (taken === 0 && lines.length > 0) {
    const error = `The first key has ${count(lines[0]!.length)} characters; this calculator hashes at most ${count(work)}`;
    return { keys: [], total: lines.length, duplicates: 0, capped: true, used: 0, error };
  }
  return dedupe(lines.slice(0, taken), lines.length, taken < lines.length);
}

/** Lines of the batch box: each a routing key; the trailing newline adds none. Capped at `cap` lines. */
export function parseBatch(text: string, cap = 500): { keys: string[]; capped: boolean } {
  const { keys, capped } = parseKeyList(text, cap);
  return { keys, capped };
}

/** A key as shown: a long one keeps its start and end (keys from a pattern often differ only there) and says its length. */
export const showKey = (k: string) =>
  k === '' ? '(empty key)' : k.length > 80 ? `${k.slice(0, 30)}…${k.slice(-30)} (${count(k.length)} characters)` : k;
