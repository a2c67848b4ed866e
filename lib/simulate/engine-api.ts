// The engine as the page's client code uses it. It imports the simulation and narration modules
// directly, not the simulator's index: the index pulls in the zod schema, which loads on demand
// (loadValidators: a custom scenario or interventions in the link, or the user's first input). Built-in scenarios reach the client as data from the server page.
import type { BuiltInScenario } from '@/simulator';
import { describeEvent } from '@/simulator/narrate';
import { createSimulation } from '@/simulator/simulation';
import type { EngineApi, SimStore, Validators } from './store';

let validators: Promise<Validators> | null = null;

/** The zod-backed validators, fetched once (a separate chunk). */
export function loadValidators(): Promise<Validators> {
  // jitless before the schema module builds its objects: zod's eval probe would otherwise be
  // reported as a Content-Security-Policy violation (our CSP has no 'unsafe-eval').
  validators ??= import('zod')
    .then((z) => z.config({ jitless: true }))
    .then(() => import('@/simulator/schema'))
    .then((m) => ({ parseScenario: m.parseScenario, parseIntervention: m.parseIntervention }));
  return validators;
}

export function clientEngine(builtInScenarios: readonly BuiltInScenario[]): EngineApi {
  return { builtInScenarios, createSimulation, describeEvent };
}

/** Runs `fn` once the validators are in the store (at once when they already are). */
export function withValidators<T>(store: SimStore, fn: () => T): Promise<T> {
  return loadValidators().then((v) => {
    store.getState().setValidators(v);
    return fn();
  });
}
