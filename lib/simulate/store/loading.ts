// Which scenario runs: a built-in one, a custom one from the editor, or what a link describes (its
// seed, time and interventions replayed); and the user's interventions, each a fork of the timeline.
import type { BuiltInScenario, Scenario } from '@/simulator';
import { describeIntervention } from '../interventions';
import type { TimedIntervention } from '../url-state';
import { chapterAt, type Session } from './session';
import type { Errors, Get, LoadedScenario, LoadingActions, LoadingState, Set } from './types';

const NOT_READY: Errors = [{ path: '(page)', message: 'The scenario checker is still loading; try again in a moment.' }];

export function fromBuiltin(b: BuiltInScenario): LoadedScenario {
  return {
    id: b.id,
    title: b.title,
    explanation: b.explanation,
    lanes: [...b.lanes],
    chapters: [...(b.chapters ?? [])].sort((x, y) => x.time - y.time),
    scenario: b.scenario,
    custom: null,
  };
}

function fromCustom(scenario: Scenario, custom: unknown): LoadedScenario {
  return {
    id: null,
    title: 'Your scenario',
    explanation: 'A scenario you wrote in the editor (or opened from a shared link).',
    lanes: [...(scenario.kafka ? (['kafka'] as const) : []), ...(scenario.rabbitmq ? (['rabbitmq'] as const) : [])],
    chapters: [],
    scenario,
    custom,
  };
}

const timeline = (session: Session) => session.sim.interventions().map((x) => ({ time: x.time, intervention: x.intervention }));

/** Starts a scenario afresh: replays the given interventions at their times, then goes to `time`; says what could not be used. */
function start(
  session: Session,
  set: Set,
  loaded: LoadedScenario,
  seed: number,
  time: number,
  ivs: readonly TimedIntervention[],
): string | null {
  const sim = (session.sim = session.engine.createSimulation(loaded.scenario, seed));
  session.narrator.drop();
  let problem: string | null = null;
  for (const iv of [...ivs].sort((a, b) => a.time - b.time)) {
    const parsed = session.validators ? session.validators.parseIntervention(iv.intervention) : { ok: false as const };
    if (!parsed.ok) {
      problem = 'an intervention in this link was not valid and was left out';
      continue;
    }
    sim.runUntil(iv.time);
    sim.intervene(parsed.intervention);
  }
  if (time > sim.endTime) problem = `the time in this link is past the end of the scenario (${sim.endTime} ms), so it opens at the end`;
  sim.seek(Math.min(time, sim.endTime));
  const loadedLine = session.narrator.words(sim.time, [`Loaded “${loaded.title}” at ${sim.time} ms.`], chapterAt(loaded, sim.time));
  set((s) => ({ loaded, seed, playing: false, interventions: timeline(session), revision: s.revision + 1, narration: [loadedLine] }));
  session.publish();
  return problem;
}

export function loadingSlice(session: Session, set: Set, get: Get, first: BuiltInScenario): LoadingState & LoadingActions {
  const builtin = (id: string) => session.engine.builtInScenarios.find((b) => b.id === id);
  return {
    loaded: fromBuiltin(first),
    seed: 1,
    notice: null,
    interventions: [],
    revision: 0,

    loadBuiltin(id, seed = get().seed) {
      const b = builtin(id);
      if (!b) return set({ notice: `There is no scenario called "${id}".` });
      start(session, set, fromBuiltin(b), seed, 0, []);
    },

    loadCustom(input, seed = get().seed) {
      if (!session.validators) return NOT_READY;
      const parsed = session.validators.parseScenario(input);
      if (!parsed.ok) return parsed.errors;
      start(session, set, fromCustom(parsed.scenario, input), seed, 0, []);
      return null;
    },

    openUrlState(url) {
      set({ wholeLog: url.wholeLog === true });
      let loaded: LoadedScenario | null = null;
      let notice: string | null = null;
      if (url.source.kind === 'builtin') {
        const b = builtin(url.source.id);
        if (b) loaded = fromBuiltin(b);
        else notice = `There is no scenario called "${url.source.id}"; showing the default scenario instead.`;
      } else if (!session.validators) {
        notice = 'The custom scenario in this link could not be checked; showing the default scenario instead.';
      } else {
        const parsed = session.validators.parseScenario(url.source.json);
        if (parsed.ok) loaded = fromCustom(parsed.scenario, url.source.json);
        else
          notice = `The scenario in this link is not valid (${parsed.errors[0]?.path}: ${parsed.errors[0]?.message}); showing the default scenario instead.`;
      }
      if (!loaded) {
        start(session, set, fromBuiltin(first), url.seed, 0, []);
        return set({ notice });
      }
      const problem = start(session, set, loaded, url.seed, url.time, url.interventions);
      if (problem) set({ notice: `Part of this link was ignored: ${problem}.` });
    },

    setSeed(seed) {
      start(session, set, get().loaded, seed >>> 0, 0, []);
    },

    intervene(input) {
      if (!session.validators) return NOT_READY;
      const parsed = session.validators.parseIntervention(input);
      if (!parsed.ok) return parsed.errors;
      const { sim, narrator } = session;
      session.flushNarration();
      const from = sim.events().length;
      sim.intervene(parsed.intervention);
      const e = narrator.entry(sim.time, sim.events().slice(from));
      narrator.say({ ...e, lines: [`You: ${describeIntervention(parsed.intervention)}.`, ...e.lines] });
      set((st) => ({ interventions: timeline(session), revision: st.revision + 1 }));
      session.publish();
      return null;
    },

    setNotice(notice) {
      set({ notice });
    },

    setValidators(v) {
      session.validators = v;
    },
  };
}
