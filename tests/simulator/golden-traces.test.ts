// Golden traces: every built-in scenario's event-trace fingerprint and final-snapshot fingerprint at
// two seeds, pinned. A change here changes what users see on /simulate: make it on purpose, say why
// in the commit, and regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/simulator/golden-traces.test.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInScenarios, createSimulation, hashEvents } from '@/simulator';
import { canonicalJson, fnv1a } from '@/simulator/core/hash';

type Golden = Record<string, { events: number; trace: string; snapshot: string }>;

const FILE = fileURLToPath(new URL('./golden-traces.json', import.meta.url));
const SEEDS = [1, 7];
const update = process.env.UPDATE_GOLDEN === '1';
const golden: Golden = update ? {} : (JSON.parse(readFileSync(FILE, 'utf8')) as Golden);

function fingerprint(id: string, seed: number) {
  const b = builtInScenarios.find((s) => s.id === id)!;
  const sim = createSimulation(b.scenario, seed);
  sim.runUntil(sim.endTime);
  const events = sim.events();
  return { events: events.length, trace: hashEvents(events), snapshot: fnv1a(canonicalJson(sim.snapshot())).toString(16).padStart(8, '0') };
}

describe('golden traces of the built-in scenarios', () => {
  it('pins every built-in scenario, and nothing else', () => {
    if (update) return;
    expect(Object.keys(golden).sort()).toEqual(builtInScenarios.flatMap((b) => SEEDS.map((s) => `${b.id}@${s}`)).sort());
  });

  for (const b of builtInScenarios)
    for (const seed of SEEDS)
      it(`${b.id} at seed ${seed}`, () => {
        const got = fingerprint(b.id, seed);
        if (update) golden[`${b.id}@${seed}`] = got;
        else expect(got).toEqual(golden[`${b.id}@${seed}`]);
      }, 60_000);

  afterAll(() => {
    if (update) writeFileSync(FILE, JSON.stringify(golden, null, 2) + '\n');
  });
});
