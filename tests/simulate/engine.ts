// A simulator store for tests: the page's store with the engine host in this thread (the page runs
// the same host in a Web Worker), and helpers to wait for what the engine is doing.
import { expect } from 'vitest';
import { createSimStore, type SimStore } from '@/lib/simulate/store';
import { firstMoment } from '@/lib/simulate/engine/first-moment';
import { inProcessEngine } from '@/lib/simulate/engine/in-process';
import { builtInScenarios } from '@/simulator';
import { describeEvent } from '@/simulator/narrate';

export function testStore(): SimStore {
  return createSimStore({ builtInScenarios, engine: inProcessEngine, initial: firstMoment(builtInScenarios[0]!), describeEvent });
}

/** A store with the first scenario open in its engine. */
export async function openStore(id = builtInScenarios[0]!.id): Promise<SimStore> {
  const s = testStore();
  await s.getState().loadBuiltin(id, 1);
  return s;
}

/** Waits until `check` holds (the engine answers asynchronously), failing after a while. */
export async function until(check: () => boolean, what = 'the condition', timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) expect.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** Waits until the engine has answered everything the store asked. */
export const idle = (s: SimStore) => until(() => !s.getState().computing, 'the engine to answer');
