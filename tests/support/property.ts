// The shared property-test setting (see fast-check-setup.ts) and `runs(n)` for properties that ask
// for their own number of runs: n in `npm test`, n × FC_RUNS_FACTOR under `npm run fuzz`.

/** The seed `npm test` uses unless FC_SEED says otherwise. */
export const FIXED_SEED = 20261205;

function factor(): number {
  const f = Number(process.env.FC_RUNS_FACTOR ?? 1);
  return Number.isFinite(f) && f > 0 ? f : 1;
}

/** FC_SEED: unset → the fixed seed; "random" → a fresh seed (fast-check prints it on failure); a number → that seed. */
export function seedFromEnv(): number | undefined {
  const s = process.env.FC_SEED;
  if (s === undefined || s === '') return FIXED_SEED;
  if (s === 'random') return undefined;
  const n = Number(s);
  if (!Number.isInteger(n)) throw new Error(`FC_SEED must be an integer or "random", got ${JSON.stringify(s)}`);
  return n | 0;
}

export function propertySettings(): { seed?: number; numRuns: number } {
  const seed = seedFromEnv();
  return { ...(seed === undefined ? {} : { seed }), numRuns: runs(100) };
}

/** n runs in `npm test`; n × FC_RUNS_FACTOR when fuzzing. */
export function runs(n: number): number {
  return Math.max(1, Math.round(n * factor()));
}
