// The simulator page's store: its state and actions, and what it needs from the engine. The store is
// made of slices per concern (loading.ts, playback.ts, narration.ts; index.ts puts them together).
import type { StoreApi } from 'zustand/vanilla';
import type { BuiltInScenario, Intervention, Scenario, SimEvent, Simulation, Snapshot, SnapshotOptions, Totals } from '@/simulator';
import type { SimUrlState, TimedIntervention } from '../url-state';

export type Errors = { path: string; message: string }[];

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

/** Which scenario runs, from which link, with which interventions. */
export interface LoadingState {
  loaded: LoadedScenario;
  seed: number;
  notice: string | null;
  interventions: TimedIntervention[];
  /** Bumped whenever the timeline changes (new scenario, seed or intervention): charts recompute. */
  revision: number;
}

export interface LoadingActions {
  loadBuiltin(id: string, seed?: number): void;
  /** Runs a custom scenario; returns the validation errors instead when it is not valid. */
  loadCustom(input: unknown, seed?: number): Errors | null;
  /** Opens what a link describes; returns a notice when part of it could not be used. */
  openUrlState(state: SimUrlState): void;
  setSeed(seed: number): void;
  intervene(input: unknown): Errors | null;
  setNotice(notice: string | null): void;
  setValidators(v: Validators): void;
}

/** The clock: where the simulation is, and whether it plays. */
export interface PlaybackState {
  time: number;
  endTime: number;
  /** The snapshot as of the last stop (pause, step, seek, chapter, end); while playing use liveSnapshot(). */
  snapshot: Snapshot;
  /** Bumped on every publish, playing or not: what the lanes redraw on. */
  frame: number;
  playing: boolean;
  speed: number;
}

export interface PlaybackActions {
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
  /** The simulation's state right now (cached by the engine until it changes). */
  liveSnapshot(options?: SnapshotOptions): Snapshot;
  /** Every event so far (what the view animates between two redraws). */
  events(): readonly SimEvent[];
  /** Totals over the whole timeline, sampled by the engine every `stepMs` (for charts). */
  series(stepMs: number): { time: number; totals: Totals }[];
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

export type SimState = LoadingState & PlaybackState & NarrationState & ViewState;
export type SimActions = LoadingActions & PlaybackActions & ViewActions;
export type SimStore = StoreApi<SimState & SimActions>;
export type Set = SimStore['setState'];
export type Get = SimStore['getState'];
