// The simulator page's store, in slices per concern: loading (which scenario, links, interventions),
// playback (the clock), charts, narration and view options. The engine runs in a Web Worker (see
// ../engine and lib/simulate/README.md); the store sends it requests and shows the frames that come
// back, so nothing the engine does ever runs on the page's main thread.
import { createStore } from 'zustand/vanilla';
import { loadingSlice } from './loading';
import { playbackSlice } from './playback';
import { Session } from './session';
import type { SimActions, SimState, SimStore, SimStoreOptions } from './types';

export type * from './types';
export { LINES_PER_ENTRY, PLAY_NARRATION_MS } from './narration';
export { DRAW_SHARE, DRAW_WAIT_MS, playInterval, PUBLISH_MS, SPEEDS, WHOLE_LOG_PUBLISH_MS } from './playback';

export function createSimStore(options: SimStoreOptions): SimStore {
  const first = options.builtInScenarios.find((b) => b.id === options.initial.id) ?? options.builtInScenarios[0];
  if (!first) throw new Error('the engine has no built-in scenario');
  return createStore<SimState & SimActions>()((set, get) => {
    const session = new Session(options, set, get);
    let seriesAsked = -1;
    return {
      ...loadingSlice(session, set, get, first),
      ...playbackSlice(session, set, get, options.initial.snapshot),
      series: null,
      chartsProblem: null,
      requestSeries() {
        const { revision, series } = get();
        if (series || seriesAsked === revision) return;
        seriesAsked = revision;
        void session.ask({ kind: 'series' }).then((reply) => {
          if (get().revision !== revision) return;
          if (reply?.kind === 'series') set({ series: reply.series, chartsProblem: null });
          else if (reply?.kind === 'failed') set({ chartsProblem: reply.message });
        });
      },
      narration: [],
      wholeLog: false,
      setWholeLog(on) {
        set({ wholeLog: on });
      },
    };
  });
}
