// Which scenario runs: a built-in one, a custom one from the editor, or what a link describes (its
// seed, time and interventions replayed); and the user's interventions, each a fork of the timeline.
// The engine validates all of it (in its worker) and answers with the first frame, or with what is wrong.
import type { BuiltInScenario, Intervention, Scenario } from '@/simulator';
import { describeIntervention } from '../interventions';
import type { Frame, Reply } from '../engine/protocol';
import { describeMoment } from '../moment-summary';
import type { TimedIntervention } from '../url-state';
import { Session } from './session';
import type { Errors, Get, LoadedScenario, LoadingActions, LoadingState, Set } from './types';

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

/** What the engine said when the page could not get an answer: as errors for the form that asked. */
const unanswered = (reply: Reply | null): Errors => [
  {
    path: '(engine)',
    message: reply?.kind === 'failed' ? `the simulator failed: ${reply.message}` : 'another scenario was opened meanwhile',
  },
];

interface Opening {
  /** The scenario as the engine gets it (JSON data), and how the page names it once it is valid. */
  json: unknown;
  meta: (parsed: Scenario) => LoadedScenario;
  seed: number;
  time?: number;
  interventions?: readonly TimedIntervention[];
  /** What the narration says once it is open (default: "Loaded “…” at … ms."). */
  say?: (frame: Frame) => string[];
}

/**
 * Starts a scenario afresh in the engine: it replays the given interventions at their times, then goes
 * to `time`. Resolves with the engine's frame and notices, or the validation errors (nothing changed).
 */
async function start(session: Session, set: Set, o: Opening): Promise<{ errors: Errors } | { notices: string[] } | null> {
  session.newTimeline();
  set({ playing: false });
  const reply = await session.ask({
    kind: 'open',
    scenario: o.json,
    seed: o.seed,
    time: o.time ?? 0,
    interventions: o.interventions ?? [],
    limits: session.limits,
  });
  if (!reply || reply.kind === 'failed') return null;
  if (reply.kind === 'invalid') return { errors: reply.errors };
  if (reply.kind !== 'opened') return null;
  session.basis = reply.id;
  const loaded = o.meta(reply.scenario as Scenario);
  const frame: Frame = reply.frame;
  const words = o.say?.(frame) ?? [`Loaded “${loaded.title}” at ${frame.time} ms.`];
  const line = session.narrator.words(frame.time, words, Session.chapterAt(loaded, frame.time));
  session.show(frame, { loaded, seed: o.seed, narration: [line], series: null, chartsProblem: null }, true);
  set((s) => ({ revision: s.revision + 1 }));
  return { notices: reply.notices };
}

export function loadingSlice(session: Session, set: Set, get: Get, first: BuiltInScenario): LoadingState & LoadingActions {
  const builtins = session.options.builtInScenarios;
  const builtin = (id: string) => builtins.find((b) => b.id === id);
  const openBuiltin = (
    b: BuiltInScenario,
    seed: number,
    time = 0,
    interventions: readonly TimedIntervention[] = [],
    say?: Opening['say'],
  ) => start(session, set, { json: b.scenario, meta: () => fromBuiltin(b), seed, time, interventions, say });

  return {
    loaded: fromBuiltin(first),
    seed: 1,
    notice: null,
    interventions: [],
    revision: 0,

    async loadBuiltin(id, seed = get().seed) {
      const b = builtin(id);
      if (!b) return set({ notice: `There is no scenario called "${id}".` });
      session.setLinkNotice(null);
      await openBuiltin(b, seed);
    },

    async loadCustom(input, seed = get().seed) {
      const result = await start(session, set, { json: input, meta: (parsed) => fromCustom(parsed, input), seed });
      if (!result) return unanswered(null);
      if ('errors' in result) return result.errors;
      session.setLinkNotice(null);
      return null;
    },

    async openUrlState(url) {
      set({ wholeLog: url.wholeLog === true });
      const fallback = async (why: string) => {
        await openBuiltin(first, url.seed);
        session.setLinkNotice(why);
      };
      if (url.source.kind === 'builtin') {
        const b = builtin(url.source.id);
        if (!b) return fallback(`There is no scenario called "${url.source.id}"; showing the default scenario instead.`);
        const result = await openBuiltin(b, url.seed, url.time, url.interventions);
        if (result && 'notices' in result)
          session.setLinkNotice(result.notices.length ? `Part of this link was ignored: ${result.notices.join('; ')}.` : null);
        return;
      }
      const json = url.source.json;
      const result = await start(session, set, {
        json,
        meta: (parsed) => fromCustom(parsed, json),
        seed: url.seed,
        time: url.time,
        interventions: url.interventions,
      });
      if (result && 'errors' in result)
        return fallback(
          `The scenario in this link is not valid (${result.errors[0]?.path}: ${result.errors[0]?.message}); showing the default scenario instead.`,
        );
      if (result) session.setLinkNotice(result.notices.length ? `Part of this link was ignored: ${result.notices.join('; ')}.` : null);
    },

    async setSeed(seed) {
      const { loaded } = get();
      const b = loaded.id === null ? null : builtin(loaded.id);
      if (b) await openBuiltin(b, seed >>> 0);
      else await start(session, set, { json: loaded.custom, meta: (parsed) => fromCustom(parsed, loaded.custom), seed: seed >>> 0 });
    },

    async intervene(input) {
      session.flushNarration();
      const reply = await session.ask({ kind: 'intervene', intervention: input, limits: session.limits });
      if (!reply || reply.kind === 'failed') return unanswered(reply);
      if (reply.kind === 'refused') return reply.errors;
      if (reply.kind !== 'frame') return unanswered(null);
      session.basis = reply.id;
      const { frame } = reply;
      const mine = frame.interventions.at(-1)!.intervention as Intervention;
      const e = session.narrator.entry(frame.time, frame.events.list, undefined, frame.events.count);
      session.narrator.say({ ...e, lines: [`You: ${describeIntervention(mine)}.`, ...e.lines] });
      session.show(frame, { series: null, chartsProblem: null });
      set((st) => ({ revision: st.revision + 1 }));
      return null;
    },

    async undo(index) {
      const s = get();
      const gone = s.interventions[index];
      if (!gone) return;
      s.pause();
      const interventions = s.interventions.filter((_, k) => k !== index);
      // The timeline is made again without it, at the same moment; the narration says what went and what the lanes show now.
      const say = (frame: Frame) => [
        `Undid your change at ${gone.time} ms: ${describeIntervention(gone.intervention as Intervention)}. At t = ${frame.time} ms now.`,
        ...describeMoment(frame.snapshot),
      ];
      const b = s.loaded.id === null ? null : builtin(s.loaded.id);
      const result = b
        ? await openBuiltin(b, s.seed, s.time, interventions, say)
        : await start(session, set, {
            json: s.loaded.custom,
            meta: (parsed) => fromCustom(parsed, s.loaded.custom),
            seed: s.seed,
            time: s.time,
            interventions,
            say,
          });
      if (result && 'notices' in result)
        session.setLinkNotice(
          result.notices.length ? `Without that change, part of the rest no longer applies: ${result.notices.join('; ')}.` : null,
        );
    },

    setNotice(notice) {
      if (notice === null) session.clearNotices();
      set({ notice });
    },
  };
}
