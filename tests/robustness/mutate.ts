// Shared fuzz helpers: mutations of valid strings and JSON (as data, so counterexamples print
// readably), and the "readable message" check every decoder's rejection must pass.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expect } from 'vitest';
import { PROTOTYPE_NAMES } from '../support/names';
import { runs } from '../support/property';

/** Pieces a hand-edited or mangled link typically contains. */
const GARBAGE = [
  '%',
  '%Z',
  '%zz',
  '%E0%A4',
  '%00',
  '%25',
  '%%',
  '%C0%AF',
  '%FF%FE',
  '%F0%9F',
  '&',
  '=',
  '&&',
  '==',
  '?',
  '#',
  '+',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '😀',
  '\u202E',
  'İ',
  'ß',
  '\r\n',
  ' ',
  '[',
  '"',
  '\\',
];

export type StringEdit =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; char: string }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; from: number; to: number }
  | { op: 'repeatParams' }
  | { op: 'huge'; length: number }
  | { op: 'percentEncode' }
  | { op: 'percentDecode' }
  | { op: 'upper' };

const pos = fc.nat({ max: 100_000 });

export const stringEdit: fc.Arbitrary<StringEdit> = fc.oneof(
  pos.map((at) => ({ op: 'truncate' as const, at })),
  fc.record({ op: fc.constant('flip' as const), at: pos, char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: pos,
    text: fc.oneof(fc.constantFrom(...GARBAGE), fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 4 })),
  }),
  fc.record({ op: fc.constant('duplicate' as const), from: pos, to: pos }),
  fc.constant({ op: 'repeatParams' as const }),
  fc.constantFrom(70_000, 120_000).map((length) => ({ op: 'huge' as const, length })),
  fc.constant({ op: 'percentEncode' as const }),
  fc.constant({ op: 'percentDecode' as const }),
  fc.constant({ op: 'upper' as const }),
);

export function applyStringEdit(s: string, e: StringEdit): string {
  const at = (n: number) => (s.length === 0 ? 0 : n % (s.length + 1));
  switch (e.op) {
    case 'truncate':
      return s.slice(0, at(e.at));
    case 'flip':
      return s.length === 0 ? e.char : s.slice(0, at(e.at) % s.length) + e.char + s.slice((at(e.at) % s.length) + 1);
    case 'insert':
      return s.slice(0, at(e.at)) + e.text + s.slice(at(e.at));
    case 'duplicate': {
      const [a, b] = [at(e.from), at(e.to)].sort((x, y) => x - y);
      return s.slice(0, b) + s.slice(a!, b) + s.slice(b);
    }
    case 'repeatParams':
      // The same parameters twice: `?x=1&y=2&x=1&y=2`.
      return `${s}&${s.replace(/^\?/, '')}`;
    case 'huge':
      return s + 'A'.repeat(e.length);
    case 'percentEncode':
      try {
        return encodeURIComponent(s);
      } catch {
        return s; // a lone surrogate cannot be percent-encoded
      }
    case 'percentDecode':
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    case 'upper':
      return s.toUpperCase();
  }
}

/** A valid string with one to four edits applied. */
export function mutatedString(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(valid, fc.array(stringEdit, { minLength: 1, maxLength: 4 })).map(([s, edits]) => edits.reduce(applyStringEdit, s));
}

export type JsonEdit =
  | { op: 'delete'; at: number }
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'duplicate'; at: number }
  | { op: 'huge'; at: number };

const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, '', -1, 0, 0.5, 1e21, -1e21, 2 ** 53 + 2, true, [], {}, 'NaN', '1', '😀', '\uD800'),
  // Names RabbitMQ and Kafka accept that trip plain-object tables (queues, exchanges, groups, topics).
  fc.constantFrom(...PROTOTYPE_NAMES),
);

export const jsonEdit: fc.Arbitrary<JsonEdit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: oddValue }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('huge' as const), at: fc.nat() }),
);

type Path = (string | number)[];

function allPaths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...prefix, i], out));
  else if (typeof v === 'object' && v !== null)
    for (const k of Object.keys(v)) allPaths((v as Record<string, unknown>)[k], [...prefix, k], out);
  return out;
}

/** Applies one edit at the `at`-th node (depth-first) of a copy of `root`; returns the copy and the path edited. */
export function applyJsonEdit(root: unknown, e: JsonEdit): { value: unknown; path: Path } {
  const copy = structuredClone(root);
  const paths = allPaths(copy);
  const path = paths[e.at % paths.length]!;
  if (path.length === 0) return { value: e.op === 'replace' ? e.value : copy, path };
  const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<
    string | number,
    unknown
  >;
  const key = path.at(-1)!;
  const old = parent[key];
  const set = (v: unknown) => Object.defineProperty(parent, key, { value: v, enumerable: true, writable: true, configurable: true });
  if (e.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (e.op === 'replace') set(e.value);
  else if (e.op === 'duplicate') {
    if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(old));
    else set(Array.isArray(old) ? [...old, ...(structuredClone(old) as unknown[])] : [old, old]);
  } else if (typeof old === 'number') set(old * 1e12 + 1);
  else if (typeof old === 'string') set(old + 'x'.repeat(100_000));
  else if (Array.isArray(old)) set(Array.from({ length: 2_000 }, () => ((JSON.stringify(old[0]) ?? '').length > 200 ? 0 : (old[0] ?? 0))));
  else set('x'.repeat(100_000));
  return { value: copy, path };
}

/** A valid JSON value with one to three edits applied (parsed back from JSON, as a decoder sees it). */
export function mutatedJson(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.array(jsonEdit, { minLength: 1, maxLength: 3 }))
    .map(([v, edits]) => JSON.parse(JSON.stringify(edits.reduce(applyBounded, v)) ?? 'null') as unknown);
}

/** Edits compound (a huge array of duplicated huge strings); past 1 MB the edit is skipped to keep runs fast. */
function applyBounded(acc: unknown, e: JsonEdit): unknown {
  const next = applyJsonEdit(acc, e).value;
  return (JSON.stringify(next)?.length ?? 0) > 1_000_000 ? acc : next;
}

/** Words that betray a leaked value rather than a sentence written for a person. */
const LEAKS = ['[object Object]', 'undefined', 'NaN', '[object ', 'function ', '=>'];

/**
 * A rejection must be a non-empty sentence with no leaked JavaScript values. A leak word that the
 * input itself contains may be quoted back, so those are skipped.
 */
export function expectReadable(message: unknown, input: string): void {
  expect(typeof message, `message for ${input.slice(0, 200)}`).toBe('string');
  const m = message as string;
  expect(m.trim().length, 'empty message').toBeGreaterThan(0);
  for (const leak of LEAKS) if (!input.includes(leak)) expect(m, `leaks "${leak}"`).not.toContain(leak);
}

/** Deep equality without vitest's diff, which can exhaust memory on the 100k-character values fuzzing makes. */
export function expectSame(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what} changed: ${JSON.stringify(actual)?.slice(0, 300)} ≠ ${JSON.stringify(expected)?.slice(0, 300)}`);
  }
}

/** Run counts for each file to stay well under 20 s on a shared 2-core machine (about 4 s when idle). */
export const RUNS = { fast: runs(400), medium: runs(200), slow: runs(60) } as const;
