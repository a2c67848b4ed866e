// The simulator page's state, in slices per concern: loading (which scenario, links, interventions),
// playback (the clock), narration, and view options. The Simulation itself lives outside the
// reactive state (it mutates) in a Session the slices share; the store publishes its snapshot
// whenever the clock stops, and while playing only the time and a frame counter.
import { createStore } from 'zustand/vanilla';
import { loadingSlice } from './loading';
import { playbackSlice } from './playback';
import { Session } from './session';
import type { EngineApi, SimActions, SimState, SimStore } from './types';

export type * from './types';
export { LINES_PER_ENTRY, PLAY_NARRATION_MS } from './narration';
export { PUBLISH_MS, SPEEDS } from './playback';

export function createSimStore(engine: EngineApi, initialId = 'log-vs-queue'): SimStore {
  const first = engine.builtInScenarios.find((b) => b.id === initialId) ?? engine.builtInScenarios[0];
  if (!first) throw new Error('the engine has no built-in scenario');
  return createStore<SimState & SimActions>()((set, get) => {
    const session = new Session(engine, first.scenario, set);
    return {
      ...loadingSlice(session, set, get, first),
      ...playbackSlice(session, set, get),
      narration: [],
      wholeLog: false,
      setWholeLog(on) {
        set({ wholeLog: on });
      },
    };
  });
}
