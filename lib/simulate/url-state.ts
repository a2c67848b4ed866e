// The simulator's shareable state in the query string: `?scenario=log-vs-queue&seed=1&t=4000`, or a
// custom scenario as base64url JSON (`?custom=…`), plus the user's interventions (`&iv=…`).
// Decoding never throws: anything it cannot read becomes a notice and a default.
import { fromBase64Url, toBase64Url } from '@/lib/url-state';
import { count } from '@/lib/format';

export const DEFAULT_SCENARIO = 'log-vs-queue';
export const DEFAULT_SEED = 1;
export const MAX_SEED = 0xffff_ffff;
/** Longest custom scenario or intervention list a link may carry (characters of base64url). */
export const MAX_PARAM_LENGTH = 60_000;

export type SimSource = { kind: 'builtin'; id: string } | { kind: 'custom'; json: unknown };

/** A user intervention as it is replayed: at `time`, apply `intervention` (engine-validated later). */
export interface TimedIntervention {
  time: number;
  intervention: unknown;
}

export interface SimUrlState {
  source: SimSource;
  seed: number;
  time: number;
  interventions: TimedIntervention[];
  /** The "Whole log" view (every record and ready message, wrapped) instead of one strip per row. */
  wholeLog?: boolean;
}

export interface DecodedUrl {
  state: SimUrlState;
  /** Plain-words reason why (part of) the link was ignored, or null when it was read in full. */
  notice: string | null;
}

export function defaultUrlState(): SimUrlState {
  return { source: { kind: 'builtin', id: DEFAULT_SCENARIO }, seed: DEFAULT_SEED, time: 0, interventions: [] };
}

function decodeJsonParam(value: string): { ok: true; value: unknown } | { ok: false; tooLong: boolean } {
  if (value.length > MAX_PARAM_LENGTH) return { ok: false, tooLong: true };
  const text = fromBase64Url(value);
  if (text === null) return { ok: false, tooLong: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, tooLong: false };
  }
}

/** What is wrong with a JSON parameter, in words: too long, or damaged. */
function jsonProblem(what: string, value: string, decoded: { tooLong: boolean }): string {
  return decoded.tooLong
    ? `${what} in this link ${what.endsWith('s') ? 'are' : 'is'} too long (${count(value.length)} characters; a link carries at most ${count(MAX_PARAM_LENGTH)})`
    : `${what} in this link ${what.endsWith('s') ? 'are' : 'is'} damaged or truncated`;
}

/** A whole number 0..max, or what is wrong with the text: not a whole number, or out of range. */
function parseUint(value: string, max: number): number | 'not a number' | 'too large' {
  if (!/^\d+$/.test(value)) return 'not a number';
  const n = Number(value);
  return n <= max ? n : 'too large';
}

function isTimedIntervention(x: unknown): x is TimedIntervention {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return (
    typeof o.time === 'number' && Number.isInteger(o.time) && o.time >= 0 && typeof o.intervention === 'object' && o.intervention !== null
  );
}

/**
 * Reads the query string (with or without the leading `?`). Unknown scenario ids, malformed numbers and
 * unreadable custom scenarios fall back to defaults with a notice that says what was wrong.
 */
export function decodeSimUrl(search: string, knownIds: readonly string[]): DecodedUrl {
  const state = defaultUrlState();
  const problems: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  } catch {
    return { state, notice: 'This link could not be read; showing the default scenario instead.' };
  }
  const scenario = params.get('scenario');
  const custom = params.get('custom');
  let sourceOk = true;
  if (custom !== null) {
    const decoded = decodeJsonParam(custom);
    if (decoded.ok) state.source = { kind: 'custom', json: decoded.value };
    else {
      sourceOk = false;
      problems.push(jsonProblem('the custom scenario', custom, decoded));
    }
  } else if (scenario !== null) {
    if (knownIds.includes(scenario)) state.source = { kind: 'builtin', id: scenario };
    else {
      sourceOk = false;
      problems.push(`there is no scenario called "${scenario.slice(0, 60)}"`);
    }
  }
  const seed = params.get('seed');
  if (seed !== null) {
    const n = parseUint(seed, MAX_SEED);
    if (n === 'not a number') problems.push(`the seed "${seed.slice(0, 20)}" is not a whole number from 0 to ${MAX_SEED}`);
    else if (n === 'too large') problems.push(`the seed "${seed.slice(0, 20)}" is too large: seeds go from 0 to ${MAX_SEED}`);
    else state.seed = n;
  }
  const t = params.get('t');
  if (t !== null) {
    // Any whole number is a time: one past the scenario's end opens at the end, and the store says so.
    const n = parseUint(t, Infinity);
    if (typeof n === 'number') state.time = Math.min(n, Number.MAX_SAFE_INTEGER);
    else problems.push(`the time "${t.slice(0, 20)}" is not a whole number of milliseconds`);
  }
  const iv = params.get('iv');
  if (iv !== null) {
    const decoded = decodeJsonParam(iv);
    if (decoded.ok && Array.isArray(decoded.value) && decoded.value.every(isTimedIntervention)) {
      state.interventions = (decoded.value as TimedIntervention[]).map((x) => ({ time: x.time, intervention: x.intervention }));
    } else problems.push(jsonProblem('the interventions', iv, decoded.ok ? { tooLong: false } : decoded));
  }
  const view = params.get('view');
  if (view === 'whole-log') state.wholeLog = true;
  else if (view !== null) problems.push(`the view "${view.slice(0, 20)}" is not known`);
  // A link whose scenario is unreadable shows the default scenario from its start, not half of the link.
  if (!sourceOk) {
    return {
      state: defaultUrlState(),
      notice: `This link could not be opened: ${problems.join('; ')}. Showing the default scenario instead.`,
    };
  }
  return { state, notice: problems.length ? `Part of this link was ignored: ${problems.join('; ')}.` : null };
}

/** The query parameters for a state (null: not in the link); defaults are written too so a link is explicit. */
export function simUrlParams(state: SimUrlState): Record<string, string | null> {
  const builtin = state.source.kind === 'builtin' ? state.source.id : null;
  return {
    scenario: builtin,
    custom: state.source.kind === 'custom' ? toBase64Url(JSON.stringify(state.source.json)) : null,
    seed: String(state.seed),
    t: String(Math.max(0, Math.round(state.time))),
    iv: state.interventions.length ? toBase64Url(JSON.stringify(state.interventions)) : null,
    view: state.wholeLog ? 'whole-log' : null,
  };
}

/** The query string (with `?`) for a state. */
export function encodeSimUrl(state: SimUrlState): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(simUrlParams(state))) if (value !== null) params.set(name, value);
  return '?' + params.toString();
}
