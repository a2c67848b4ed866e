// Which policy RabbitMQ applies to an exchange, for the alternate exchange a policy can set.
// Source: rabbitmq-server deps/rabbit/src/rabbit_policy.erl (match/2, matches/2, sort_pred/2): of the
// policies of the exchange's vhost whose apply-to covers exchanges and whose pattern matches the name
// (`re:run(Name, Pattern, [{capture, none}])`, an unanchored search), the one with the highest
// priority applies, and only that one.
//
// RabbitMQ's patterns are Erlang `re` (PCRE) regular expressions. A backtracking engine such as the
// browser's RegExp can take exponential time on patterns like `^(a+)+$`; PCRE inside Erlang gives up
// after its match limit (10,000,000 steps by default) and re:run then reports no match. Here every
// pattern runs on RE2 (re2js), which matches in time linear in the name, so no pattern can freeze the
// page. RE2 reads PCRE's syntax except backreferences and lookaround; a policy using those is left out
// with a note. Matching all policies against all exchanges is also capped (MAX_POLICY_WORK).
import { RE2JS } from 're2js';
import { listed } from './words';
import { count } from '@/lib/format';

export interface Policy {
  name: string;
  pattern: string;
  'apply-to'?: string | undefined;
  definition: Record<string, unknown>;
  priority?: number | undefined;
}

/**
 * Work one import may spend matching policies, in units of about 0.1 µs (measured with re2js in Node
 * on this project's 2-core machine): a test of a short pattern against a short name is one unit, a
 * test costs more for a long pattern on a long name, and compiling a pattern costs 700 units plus 15
 * per character. Two million units are about a fifth of a second.
 */
export const MAX_POLICY_WORK = 2_000_000;
/** Longer patterns are left out with a note (RE2 compiles them slowly; real policy patterns are short). */
export const MAX_PATTERN_LENGTH = 10_000;
const compileCost = (pattern: string) => 700 + 15 * pattern.length;
const testCost = (pattern: string, name: string) => 1 + Math.floor((pattern.length * name.length) / 800);

const SPECIAL = new Set('\\^$.|?*+()[]{}');
const QUANTIFIER = new Set('?*{');

/**
 * What a pattern asks of the start of a name, read without a regex engine: `exact` for `^text$`,
 * `prefix` for `^text` (both fully decided by the text), `regex` for anything else, with the literal
 * text every match must start with when the pattern is anchored (`^orders\.(eu|us)` → "orders.").
 */
export function patternShape(pattern: string): { kind: 'exact' | 'prefix' | 'regex'; prefix: string | null } {
  if (!pattern.startsWith('^') || topLevelAlternation(pattern)) return { kind: 'regex', prefix: null };
  let text = '';
  let i = 1;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '$' && i === pattern.length - 1) return { kind: 'exact', prefix: text };
    if (c === '\\') {
      const next = pattern[i + 1];
      // Only escaped punctuation is literal; \d, \w, \b, \Q… have meanings of their own.
      if (next === undefined || /[A-Za-z0-9]/.test(next)) break;
      if (QUANTIFIER.has(pattern[i + 2] ?? '')) break;
      text += next;
      i += 2;
      continue;
    }
    if (SPECIAL.has(c)) {
      // A quantifier makes the character before it optional ("^ab*" only promises "a"); "+" keeps it.
      if (QUANTIFIER.has(c)) text = text.slice(0, -1);
      return { kind: 'regex', prefix: text };
    }
    if (QUANTIFIER.has(pattern[i + 1] ?? '')) return { kind: 'regex', prefix: text };
    text += c;
    i++;
  }
  return i === pattern.length ? { kind: 'prefix', prefix: text } : { kind: 'regex', prefix: text };
}

/** True when the pattern has a "|" outside any group or class: "^a|b" matches "b" anywhere. */
function topLevelAlternation(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

interface Candidate {
  policy: Policy;
  /** Position in priority order (highest priority first; equal priorities keep file order). */
  rank: number;
  kind: 'exact' | 'prefix' | 'regex';
  compiled?: RE2JS | null;
}

export interface PolicyMatcher {
  /** The alternate exchange the applying policy sets for this exchange, if any. */
  alternateFor(exchange: string): string | undefined;
  /** Readable notes: policies left out, and whether matching stopped at the cap. */
  notes(): string[];
}

const appliesToExchanges = (p: Policy) => p['apply-to'] === undefined || p['apply-to'] === 'exchanges' || p['apply-to'] === 'all';
const alternateOf = (p: Policy) => {
  const ae = p.definition['alternate-exchange'];
  return typeof ae === 'string' && ae !== '' ? ae : undefined;
};

/**
 * Compiles the policies of one vhost once. Exact names (`^name$`) are looked up in a map; a policy
 * whose pattern starts with literal text is tried only on names with that prefix; plain prefixes
 * (`^name`) need no regex at all. So the usual patterns cost no regex test.
 */
export function policyMatcher(policies: readonly Policy[], budget = MAX_POLICY_WORK): PolicyMatcher {
  const sorted = policies
    .filter(appliesToExchanges)
    .map((policy, i) => ({ policy, i }))
    .sort((a, b) => (b.policy.priority ?? 0) - (a.policy.priority ?? 0) || a.i - b.i)
    .map(({ policy }) => policy);
  // Only the applying policy counts, so those ranked after the last one with an alternate exchange can never give one.
  let last = sorted.length - 1;
  while (last >= 0 && alternateOf(sorted[last]!) === undefined) last--;
  const candidates: Candidate[] = [];
  const exact = new Map<string, number>();
  const byPrefix = new Map<string, Candidate[]>();
  const floating: Candidate[] = [];
  let longestPrefix = 0;
  sorted.slice(0, last + 1).forEach((policy, rank) => {
    const shape = patternShape(policy.pattern);
    const c: Candidate = { policy, rank, kind: shape.kind };
    candidates.push(c);
    if (shape.kind === 'exact') {
      if (!exact.has(shape.prefix!)) exact.set(shape.prefix!, rank);
    } else if (shape.prefix === null) floating.push(c);
    else {
      const list = byPrefix.get(shape.prefix);
      if (list) list.push(c);
      else byPrefix.set(shape.prefix, [c]);
      longestPrefix = Math.max(longestPrefix, shape.prefix.length);
    }
  });

  const unreadable: { name: string; reason: string }[] = [];
  let spent = 0;
  let stopped = false;
  let skipped = 0;

  const charge = (units: number) => {
    if (spent + units > budget) throw new OutOfBudget();
    spent += units;
  };
  const compile = (c: Candidate): RE2JS | null => {
    if (c.compiled !== undefined) return c.compiled;
    const pattern = c.policy.pattern;
    if (pattern.length > MAX_PATTERN_LENGTH) {
      unreadable.push({ name: c.policy.name, reason: `it is longer than ${count(MAX_PATTERN_LENGTH)} characters` });
      return (c.compiled = null);
    }
    charge(compileCost(pattern));
    try {
      c.compiled = RE2JS.compile(pattern);
    } catch (e) {
      c.compiled = null;
      unreadable.push({ name: c.policy.name, reason: e instanceof Error ? e.message : String(e) });
    }
    return c.compiled;
  };

  const best = (name: string): number => {
    // PCRE's "$" (no multiline) also matches before a newline that ends the name.
    const rank = exact.get(name) ?? (name.endsWith('\n') ? exact.get(name.slice(0, -1)) : undefined) ?? Infinity;
    const anchored: Candidate[] = [];
    for (let n = 0; n <= Math.min(name.length, longestPrefix); n++) {
      for (const c of byPrefix.get(name.slice(0, n)) ?? []) if (c.rank < rank) anchored.push(c);
    }
    anchored.sort((a, b) => a.rank - b.rank);
    let a = 0;
    let f = 0;
    for (;;) {
      const c = a < anchored.length && (f >= floating.length || anchored[a]!.rank < floating[f]!.rank) ? anchored[a++] : floating[f++];
      if (!c || c.rank >= rank) return rank;
      if (c.kind === 'prefix') return c.rank;
      const re = compile(c);
      if (!re) continue;
      charge(testCost(c.policy.pattern, name));
      if (re.test(name)) return c.rank;
    }
  };

  return {
    alternateFor(exchange) {
      if (candidates.length === 0) return undefined;
      if (stopped) {
        skipped++;
        return undefined;
      }
      try {
        const rank = best(exchange);
        return rank === Infinity ? undefined : alternateOf(candidates[rank]!.policy);
      } catch (e) {
        if (!(e instanceof OutOfBudget)) throw e;
        stopped = true;
        skipped++;
        return undefined;
      }
    },
    notes() {
      const out: string[] = [];
      if (unreadable.length > 0) {
        const one = unreadable.length === 1;
        out.push(
          `${one ? 'Policy' : 'Policies'} ${listed(unreadable.map((u) => u.name))} ${one ? 'has a pattern' : 'have patterns'} this page ` +
            `cannot evaluate (${unreadable[0]!.reason}; patterns are matched with RE2, which reads PCRE syntax except backreferences ` +
            `and lookaround), so ${one ? 'it is' : 'they are'} ignored`,
        );
      }
      if (skipped > 0) {
        out.push(
          `This page stops matching policy patterns after about a fifth of a second of work, and ${count(candidates.length)} policies ` +
            `can set an alternate exchange here: ${count(skipped)} exchange${skipped === 1 ? ' was' : 's were'} not matched, so ${skipped === 1 ? 'it gets' : 'they get'} ` +
            'no alternate exchange from a policy here, though RabbitMQ may give them one',
        );
      }
      return out;
    },
  };
}

class OutOfBudget extends Error {}
