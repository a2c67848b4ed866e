// What the slices share and the reactive state does not hold: the Simulation (it mutates), the
// validators, the narrator and the real-time clock of the animation loop.
import type { Scenario, Simulation } from '@/simulator';
import { Narrator } from './narration';
import type { EngineApi, LoadedScenario, Set, SimState, Validators } from './types';

export class Session {
  sim: Simulation;
  validators: Validators | null;
  readonly narrator: Narrator;
  /** Real milliseconds the animation loop has reported so far. */
  realClock = 0;

  constructor(
    readonly engine: EngineApi,
    first: Scenario,
    private readonly set: Set,
  ) {
    this.sim = engine.createSimulation(first, 1);
    this.validators = engine.validators ?? null;
    this.narrator = new Narrator(engine.describeEvent, set);
  }

  /** Says what play gathered so far (before a step, seek or intervention changes the moment). */
  flushNarration(): void {
    this.narrator.flush(this.sim.time, this.realClock);
  }

  /** Puts the simulation's current moment into the store: a new frame. */
  publish(extra: Partial<SimState> = {}): void {
    const sim = this.sim;
    this.set((st) => ({ time: sim.time, endTime: sim.endTime, snapshot: sim.snapshot(), frame: st.frame + 1, ...extra }));
  }
}

/** The last chapter at or before `t`. */
export function chapterAt(loaded: LoadedScenario, t: number) {
  return loaded.chapters.filter((c) => c.time <= t).at(-1);
}
