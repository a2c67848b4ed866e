// The simulator page's state: which scenario, the clock, play/pause and speed, narration. The
// Simulation itself lives outside the reactive state (it mutates); the store publishes its snapshot
// whenever the clock stops, and while playing only the time and a frame counter: the lanes then pull
// the snapshot in their deferred render (liveSnapshot), off the animation frame.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BuiltInScenario, Intervention, Scenario, SimEvent, Simulation, Snapshot, SnapshotOptions, Totals } from '@/simulator';
import { describeIntervention } from './interventions';
import type { SimUrlState, TimedIntervention } from './url-state';

type Errors = { path: string; message: string }[];

/** The engine's validators (zod): the page loads them on demand, so they may arrive late. */
export interface Validators {
  parseScenario(input: unknown): { ok: true; scenario: Scenario } | { ok: false; errors: Errors };
  parseIntervention(input: unknown): { ok: true; intervention: Intervention } | { ok: false; errors: Errors };
}

/** The slice of the engine the page uses; injected so the store can be tested on its own. */
export interface EngineApi {
  builtInScenarios: readonly BuiltInScenario[];
  createSimulation(scenario: Scenario, seed: number): Simulation;
  describeEvent(e: SimEvent): string;
  validators?: Validators;
}

const NOT_READY: Errors = [{ path: '(page)', message: 'The scenario checker is still loading; try again in a moment.' }];

export type Lane = 'kafka' | 'rabbitmq';
export interface Chapter {
  time: number;
  title: string;
  text: string;
}

export interface LoadedScenario {
  /** Built-in id, or null for a custom scenario. */
  id: string | null;
  title: string;
  explanation: string;
  lanes: Lane[];
  chapters: Chapter[];
  scenario: Scenario;
  /** The custom scenario as the user gave it (what a link carries); null for a built-in. */
  custom: unknown;
}

export interface NarrationEntry {
  id: number;
  time: number;
  lines: string[];
  /** Events in the batch not spelled out. */
  more: number;
  chapter?: Chapter;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
/** Lines spelled out per narration entry; the rest are counted. */
export const LINES_PER_ENTRY = 4;
const NARRATION_KEEP = 40;
/** While playing, events are gathered into one narration entry per this much real time. */
export const PLAY_NARRATION_MS = 1200;
/** While playing, a new frame is published at most this often (real ms). */
export const PUBLISH_MS = 50;

export interface SimState {
  loaded: LoadedScenario;
  seed: number;
  time: number;
  endTime: number;
  /** The snapshot as of the last stop (pause, step, seek, chapter, end); while playing use liveSnapshot(). */
  snapshot: Snapshot;
  /** Bumped on every publish, playing or not: what the lanes redraw on. */
  frame: number;
  playing: boolean;
  speed: number;
  narration: NarrationEntry[];
  notice: string | null;
  interventions: TimedIntervention[];
  /** Bumped whenever the timeline changes (new scenario, seed or intervention): charts recompute. */
  revision: number;
  /** View option: every record and ready message, wrapped over several lines, instead of one strip. */
  wholeLog: boolean;
}

export interface SimActions {
  loadBuiltin(id: string, seed?: number): void;
  /** Runs a custom scenario; returns the validation errors instead when it is not valid. */
  loadCustom(input: unknown, seed?: number): Errors | null;
  /** Opens what a link describes; returns a notice when part of it could not be used. */
  openUrlState(state: SimUrlState): void;
  setSeed(seed: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  stepForward(): void;
  stepBack(): void;
  seek(t: number): void;
  restart(): void;
  /** Advances the clock by `realMs` of wall time times the speed (the animation loop calls it). */
  tick(realMs: number): void;
  intervene(input: unknown): Errors | null;
  setNotice(notice: string | null): void;
  setWholeLog(on: boolean): void;
  setValidators(v: Validators): void;
  /** The simulation's state right now (cached by the engine until it changes). */
  liveSnapshot(options?: SnapshotOptions): Snapshot;
  /** Every event so far (what the view animates between two redraws). */
  events(): readonly SimEvent[];
  /** Totals over the whole timeline, sampled by the engine every `stepMs` (for charts). */
  series(stepMs: number): { time: number; totals: Totals }[];
}

export type SimStore = StoreApi<SimState & SimActions>;

function clampSpeed(s: number): number {
  return SPEEDS.reduce((best, x) => (Math.abs(x - s) < Math.abs(best - s) ? x : best), 1);
}

export function createSimStore(engine: EngineApi, initialId = 'log-vs-queue'): SimStore {
  let sim: Simulation;
  let validators: Validators | null = engine.validators ?? null;
  let nextNarrationId = 1;
  // Events gathered while playing, flushed as one narration entry per PLAY_NARRATION_MS.
  let pending: SimEvent[] = [];
  let pendingSince = 0;
  let realClock = 0;
  let lastPublish = -Infinity;

  const fromBuiltin = (b: BuiltInScenario): LoadedScenario => ({
    id: b.id,
    title: b.title,
    explanation: b.explanation,
    lanes: [...b.lanes],
    chapters: [...(b.chapters ?? [])].sort((x, y) => x.time - y.time),
    scenario: b.scenario,
    custom: null,
  });
  const fromCustom = (scenario: Scenario, custom: unknown): LoadedScenario => ({
    id: null,
    title: 'Your scenario',
    explanation: 'A scenario you wrote in the editor (or opened from a shared link).',
    lanes: [...(scenario.kafka ? (['kafka'] as const) : []), ...(scenario.rabbitmq ? (['rabbitmq'] as const) : [])],
    chapters: [],
    scenario,
    custom,
  });
  const builtin = (id: string) => engine.builtInScenarios.find((b) => b.id === id);
  const first = builtin(initialId) ?? engine.builtInScenarios[0];
  if (!first) throw new Error('the engine has no built-in scenario');

  const entry = (time: number, events: readonly SimEvent[], chapter?: Chapter): NarrationEntry => ({
    id: nextNarrationId++,
    time,
    lines: events.slice(0, LINES_PER_ENTRY).map((e) => engine.describeEvent(e)),
    more: Math.max(0, events.length - LINES_PER_ENTRY),
    chapter,
  });

  const store = createStore<SimState & SimActions>()((set, get) => {
    const publish = (extra: Partial<SimState> = {}) =>
      set((st) => ({ time: sim.time, endTime: sim.endTime, snapshot: sim.snapshot(), frame: st.frame + 1, ...extra }));
    const narrate = (e: NarrationEntry) => set((s) => ({ narration: [...s.narration, e].slice(-NARRATION_KEEP) }));
    const flushPending = () => {
      if (pending.length) narrate(entry(sim.time, pending));
      pending = [];
      pendingSince = realClock;
    };
    const chapterAt = (loaded: LoadedScenario, t: number) => loaded.chapters.filter((c) => c.time <= t).at(-1);

    /** Starts a scenario afresh: replays the given interventions at their times, then goes to `time`. */
    const start = (loaded: LoadedScenario, seed: number, time: number, interventions: readonly TimedIntervention[]): string | null => {
      sim = engine.createSimulation(loaded.scenario, seed);
      pending = [];
      let problem: string | null = null;
      for (const iv of [...interventions].sort((a, b) => a.time - b.time)) {
        const parsed = validators ? validators.parseIntervention(iv.intervention) : { ok: false as const };
        if (!parsed.ok) {
          problem = 'an intervention in this link was not valid and was left out';
          continue;
        }
        sim.runUntil(iv.time);
        sim.intervene(parsed.intervention);
      }
      if (time > sim.endTime) problem = `the time in this link is past the end of the scenario (${sim.endTime} ms), so it opens at the end`;
      sim.seek(Math.min(time, sim.endTime));
      const chapter = chapterAt(loaded, sim.time);
      set((s) => ({
        loaded,
        seed,
        playing: false,
        interventions: sim.interventions().map((x) => ({ time: x.time, intervention: x.intervention })),
        revision: s.revision + 1,
        narration: [
          {
            id: nextNarrationId++,
            time: sim.time,
            lines: [`Loaded “${loaded.title}” at ${sim.time} ms.`],
            more: 0,
            chapter,
          },
        ],
      }));
      publish();
      return problem;
    };

    sim = engine.createSimulation(first.scenario, 1);
    const initialLoaded = fromBuiltin(first);

    return {
      loaded: initialLoaded,
      seed: 1,
      time: sim.time,
      endTime: sim.endTime,
      snapshot: sim.snapshot(),
      frame: 0,
      playing: false,
      speed: 1,
      narration: [],
      notice: null,
      interventions: [],
      revision: 0,
      wholeLog: false,

      loadBuiltin(id, seed = get().seed) {
        const b = builtin(id);
        if (!b) {
          set({ notice: `There is no scenario called "${id}".` });
          return;
        }
        start(fromBuiltin(b), seed, 0, []);
      },

      loadCustom(input, seed = get().seed) {
        if (!validators) return NOT_READY;
        const parsed = validators.parseScenario(input);
        if (!parsed.ok) return parsed.errors;
        start(fromCustom(parsed.scenario, input), seed, 0, []);
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
        } else if (!validators) {
          notice = 'The custom scenario in this link could not be checked; showing the default scenario instead.';
        } else {
          const parsed = validators.parseScenario(url.source.json);
          if (parsed.ok) loaded = fromCustom(parsed.scenario, url.source.json);
          else
            notice = `The scenario in this link is not valid (${parsed.errors[0]?.path}: ${parsed.errors[0]?.message}); showing the default scenario instead.`;
        }
        if (!loaded) {
          start(fromBuiltin(first), url.seed, 0, []);
          set({ notice });
          return;
        }
        const problem = start(loaded, url.seed, url.time, url.interventions);
        if (problem) set({ notice: `Part of this link was ignored: ${problem}.` });
      },

      setSeed(seed) {
        const s = get();
        start(s.loaded, seed >>> 0, 0, []);
      },

      play() {
        if (sim.time >= sim.endTime) {
          sim.seek(0);
          publish();
        }
        pendingSince = realClock;
        set({ playing: true });
      },
      pause() {
        flushPending();
        publish({ playing: false });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        set({ speed: clampSpeed(speed) });
      },

      stepForward() {
        flushPending();
        const before = sim.time;
        // Some engine steps only move timers; skip them so every step shows something happening.
        let events = sim.step();
        while (events.length === 0 && sim.time < sim.endTime) events = sim.step();
        const chapter = get().loaded.chapters.find((c) => c.time > before && c.time <= sim.time);
        if (events.length || chapter) narrate(entry(sim.time, events, chapter));
        publish({ playing: false });
      },

      stepBack() {
        flushPending();
        const now = sim.time;
        const log = sim.events();
        let target = 0;
        for (let i = log.length - 1; i >= 0; i--) {
          const t = log[i]!.time;
          if (t < now) {
            target = t;
            break;
          }
        }
        sim.seek(target);
        const atTarget: SimEvent[] = [];
        for (let i = sim.events().length - 1; i >= 0 && sim.events()[i]!.time === sim.time; i--) atTarget.unshift(sim.events()[i]!);
        const e = entry(sim.time, atTarget);
        narrate({ ...e, lines: [`Stepped back to ${sim.time} ms.`, ...e.lines] });
        publish({ playing: false });
      },

      seek(t) {
        flushPending();
        sim.seek(Math.max(0, Math.min(Math.round(t), sim.endTime)));
        publish();
      },

      restart() {
        flushPending();
        sim.seek(0);
        const chapter = chapterAt(get().loaded, 0);
        narrate({ id: nextNarrationId++, time: 0, lines: ['Back to the start.'], more: 0, chapter });
        publish({ playing: false });
      },

      tick(realMs) {
        realClock += realMs;
        const s = get();
        if (!s.playing) return;
        const before = sim.time;
        let target = Math.min(sim.endTime, before + realMs * s.speed);
        // Narrated chapters pause at their moment.
        const chapter = s.loaded.chapters.find((c) => c.time > before && c.time <= target);
        if (chapter) target = chapter.time;
        const from = sim.events().length;
        sim.runUntil(target);
        const log = sim.events();
        for (let i = from; i < log.length; i++) pending.push(log[i]!);
        const ended = sim.time >= sim.endTime;
        if (chapter || ended || realClock - pendingSince >= PLAY_NARRATION_MS) {
          if (pending.length || chapter) narrate(entry(sim.time, pending, chapter));
          pending = [];
          pendingSince = realClock;
        }
        // The view redraws at most every PUBLISH_MS while playing; CSS transitions carry the motion between.
        if (chapter || ended) publish({ playing: false });
        else if (realClock - lastPublish >= PUBLISH_MS) {
          lastPublish = realClock;
          if (sim.time !== s.time) set((st) => ({ time: sim.time, frame: st.frame + 1 }));
        }
      },

      intervene(input) {
        if (!validators) return NOT_READY;
        const parsed = validators.parseIntervention(input);
        if (!parsed.ok) return parsed.errors;
        flushPending();
        const from = sim.events().length;
        sim.intervene(parsed.intervention);
        const e = entry(sim.time, sim.events().slice(from));
        narrate({ ...e, lines: [`You: ${describeIntervention(parsed.intervention)}.`, ...e.lines] });
        set((st) => ({
          interventions: sim.interventions().map((x) => ({ time: x.time, intervention: x.intervention })),
          revision: st.revision + 1,
        }));
        publish();
        return null;
      },

      setNotice(notice) {
        set({ notice });
      },

      setWholeLog(on) {
        set({ wholeLog: on });
      },

      setValidators(v) {
        validators = v;
      },

      liveSnapshot(options) {
        return sim.snapshot(options);
      },

      events() {
        return sim.events();
      },

      series(stepMs) {
        return sim.series(stepMs);
      },
    };
  });
  return store;
}
