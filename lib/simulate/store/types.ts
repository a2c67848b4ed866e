// The simulator page's store: its state and actions. The engine runs in a Web Worker (../engine): the
// store sends it requests and shows what comes back, so every action that needs the engine returns a
// promise that settles once the store shows its result. The store is made of slices per concern
// (loading.ts, playback.ts, narration.ts; index.ts puts them together).
import type { StoreApi } from 'zustand/vanilla';
import type { BuiltInScenario, Scenario, SimEvent, Snapshot, Stopped } from '@/simulator';
import type { EngineFactory } from '../engine/client';
import type { Errors, ViewLimits } from '../engine/protocol';
import type { ChartSeries } from '../series';
import type { SimUrlState, TimedIntervention } from '../url-state';

export type { Errors, ViewLimits };

/** What the store is made from: the built-in scenarios, where the engine comes from, and the first moment to show. */
export interface SimStoreOptions {
  builtInScenarios: readonly BuiltInScenario[];
  /** A Web Worker in the page (workerEngine), the host in-process in tests. Called when first needed. */
  engine: EngineFactory;
  /** The first scenario's first moment, computed before the engine is there (at build time). */
  initial: { id: string; snapshot: Snapshot };
  /** Narration of one event. */
  describeEvent(e: SimEvent): string;
}

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
  /** When the entry's lines happened (a batch: the newest event spelled out). */
  time: number;
  /** A batch gathered while playing: when its first event happened; its lines are its newest events. */
  from?: number;
  lines: string[];
  /** Events in the batch not spelled out (in a batch with `from`, earlier than its lines). */
  more: number;
  chapter?: Chapter;
}

/** Events between snapshots, for the view to animate: contiguous from seq `from` up to the snapshot's eventCount. */
export interface RecentEvents {
  from: number;
  events: readonly SimEvent[];
}

/** Which scenario runs, from which link, with which interventions. */
export interface LoadingState {
  loaded: LoadedScenario;
  seed: number;
  /** Said next to the scenario: what a link could not do, why the run stops early, or that the engine failed. */
  notice: string | null;
  interventions: TimedIntervention[];
  /** Bumped whenever the timeline changes (new scenario, seed or intervention): charts recompute. */
  revision: number;
}

export interface LoadingActions {
  loadBuiltin(id: string, seed?: number): Promise<void>;
  /** Runs a custom scenario; resolves with the validation errors instead when it is not valid. */
  loadCustom(input: unknown, seed?: number): Promise<Errors | null>;
  /** Opens what a link describes; a notice says what could not be used. */
  openUrlState(state: SimUrlState): Promise<void>;
  setSeed(seed: number): Promise<void>;
  /** Applies an intervention now; resolves with what is wrong with it instead when it was refused. */
  intervene(input: unknown): Promise<Errors | null>;
  /** Takes back the user's `index`-th change: the timeline is made again without it, at the same moment. */
  undo(index: number): Promise<void>;
  setNotice(notice: string | null): void;
}

/** The clock: where the simulation is, and whether it plays. */
export interface PlaybackState {
  time: number;
  endTime: number;
  /** The moment on show, with at most the view's limits of records and messages. */
  snapshot: Snapshot;
  /** The events between recent snapshots (what moved since the view last drew). */
  recent: RecentEvents;
  /** Bumped on every new snapshot: what the lanes redraw on. */
  frame: number;
  /**
   * Bumped when the clock jumps instead of running on (a seek, a step back, a timeline opened or made
   * again): the events since the last frame were not watched, so nothing animates them.
   */
  jumps: number;
  playing: boolean;
  speed: number;
  /** True while the engine works on a request (a seek far ahead, a heavy moment). */
  computing: boolean;
  /** Why the run ends before the scenario's end (too heavy, or the engine failed), or null. */
  stopped: Stopped | null;
}

export interface PlaybackActions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  stepForward(): Promise<void>;
  stepBack(): Promise<void>;
  seek(t: number): Promise<void>;
  restart(): Promise<void>;
  /** Advances the clock by `realMs` of wall time times the speed (the animation loop calls it). */
  tick(realMs: number): void;
  /** How much the lanes can show: snapshots from now on carry at most this. */
  setViewLimits(limits: ViewLimits): void;
  /** The lanes drew this snapshot (they say so after each commit): play paces its requests by how long that took. */
  drawn(snapshot: Snapshot): void;
}

/** Chart data for the whole timeline, computed by the engine in the background. */
export interface ChartsState {
  /** null until computed (or after the timeline changed); see chartsProblem when it could not be. */
  series: ChartSeries | null;
  chartsProblem: string | null;
}

export interface ChartsActions {
  /** Asks for the chart data of the current timeline (the charts panel calls it when shown). */
  requestSeries(): void;
}

export interface NarrationState {
  narration: NarrationEntry[];
}

/** How the lanes draw. */
export interface ViewState {
  /** Every record and ready message, wrapped over several lines, instead of one strip. */
  wholeLog: boolean;
}

export interface ViewActions {
  setWholeLog(on: boolean): void;
}

export type SimState = LoadingState & PlaybackState & ChartsState & NarrationState & ViewState;
export type SimActions = LoadingActions & PlaybackActions & ChartsActions & ViewActions;
export type SimStore = StoreApi<SimState & SimActions>;
export type Set = SimStore['setState'];
export type Get = SimStore['getState'];
