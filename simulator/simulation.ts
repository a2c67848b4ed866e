// The public Simulation: a World (the brokers' state) plus an event log, checkpoints for seek, and the
// interventions a user made. Seeking restores the nearest checkpoint and replays; an intervention
// discards the future and re-simulates from now (a fork). A run that goes past its work budget
// (budget.ts) ends just before the moment that was too heavy, and says why (`stopped`).
import { TooHeavy } from './budget';
import type { SimEvent } from './core/events';
import type { Snapshot, SnapshotOptions, Totals } from './core/snapshot';
import type { Intervention, Scenario } from './schema';
import { BUDGET } from './schema/defaults';
import { World } from './world';

/** Why a run ended before its scenario's end. */
export interface Stopped {
  /** The moment that could not be computed; the run ends at the moment before it. */
  at: number;
  /** too-heavy: past the work budget; error: the engine failed (only with `stopOnError`). */
  reason: 'too-heavy' | 'error';
  /** Too heavy: what the steps went to, in words with counts, largest first. Error: the error's message. */
  details: string[];
}

/** What became of an intervention: applied, or refused (and nothing changed) because applying it failed. */
export type InterventionResult = { ok: true } | { ok: false; stopped: Stopped };

export interface Simulation {
  /** Current simulated time, integer ms. */
  readonly time: number;
  /** The last moment of the run: the scenario's duration, or earlier when the run was stopped. */
  readonly endTime: number;
  /** Set once the run has met a moment it could not compute (see Stopped); null otherwise. */
  readonly stopped: Stopped | null;
  /** Steps taken from time 0 to now on this timeline (tasks and messages handled; at most the budget). */
  readonly steps: number;
  /** Advance to the next time at which events happen; returns those events ([] only at the end). */
  step(): SimEvent[];
  runUntil(t: number): void;
  /** Jump to time t, backwards or forwards. */
  seek(t: number): void;
  /** Plain data to render; options cap how many records and messages are materialised. */
  snapshot(options?: SnapshotOptions): Snapshot;
  /** All events so far, in order. */
  events(): readonly SimEvent[];
  /** Events seq `from` up to (not including) `to`, of those so far: a copy of just that stretch. */
  eventRange(from: number, to?: number): SimEvent[];
  /** How many events there are so far (the seq of the next one). */
  readonly eventCount: number;
  /**
   * Applies at the current time; the future past now is discarded and re-simulated. Refused, with
   * the state left as it was, when applying it goes past the work budget.
   */
  intervene(i: Intervention): InterventionResult;
  interventions(): readonly { time: number; intervention: Intervention }[];
  /** Totals sampled every stepMs over the whole run (with the recorded interventions), for charts. */
  series(stepMs: number): { time: number; totals: Totals }[];
  /**
   * The same samples one at a time, computed as they are taken (to spread the work out); when done,
   * it returns why that run stopped early (the same moment this run stops at), or null.
   */
  samples(stepMs: number): Generator<{ time: number; totals: Totals }, Stopped | null>;
}

export interface SimulationOptions {
  /** Keep the event log (default true). The benchmark turns it off to measure the model alone. */
  recordEvents?: boolean;
  /** Take a checkpoint after this many steps (default 250; 0 = only at time 0). */
  checkpointEvery?: number;
  /** The most steps (tasks and messages handled) the run may take; default BUDGET.steps, Infinity for none. */
  budget?: number;
  /**
   * Treat any error the engine throws like a budget overrun: the run ends before that moment and
   * `stopped` says what failed (the page does this; tests and tools let errors surface).
   */
  stopOnError?: boolean;
}

interface Checkpoint {
  time: number;
  eventCount: number;
  applied: number;
  tasks: number;
  work: number;
  world: World;
}

class SimulationImpl implements Simulation {
  private world: World;
  /** Every event computed on the current timeline; events() is the prefix up to world.eventSeq. */
  private log: SimEvent[] = [];
  private visible: { seq: number; events: readonly SimEvent[] } | null = null;
  private readonly record: boolean;
  private readonly every: number;
  private readonly budget: number;
  private readonly stopOnError: boolean;
  private stoppedAt: Stopped | null = null;
  /** No checkpoint before this much work: the last attempt found the state bigger than the work since. */
  private nextSizeCheck = 0;
  private checkpoints: Checkpoint[] = [];
  private userInterventions: { time: number; intervention: Intervention }[] = [];
  /** How many of userInterventions the world has applied. */
  private applied = 0;
  private cachedSnapshot: Snapshot | null = null;
  private cachedAt = -1;
  private cachedVersion = -1;
  private cachedKey = '';

  constructor(
    private readonly scenario: Scenario,
    private readonly seed: number,
    options: SimulationOptions,
  ) {
    this.record = options.recordEvents ?? true;
    this.every = options.checkpointEvery ?? 250;
    this.budget = options.budget ?? BUDGET.steps;
    this.stopOnError = options.stopOnError ?? false;
    this.world = this.freshWorld();
    try {
      this.world.runUntil(0); // the first snapshot already shows what happens at time 0
      this.checkpoint();
    } catch (e) {
      this.stopBefore(this.stoppedBy(e));
    }
  }

  private freshWorld(): World {
    const w = new World(this.scenario, this.seed, this.record ? this.log : null, this.budget);
    w.start();
    return w;
  }

  get time(): number {
    return this.world.time;
  }
  get endTime(): number {
    return this.stoppedAt ? Math.max(0, this.stoppedAt.at - 1) : this.world.endTime;
  }
  get stopped(): Stopped | null {
    return this.stoppedAt;
  }
  get steps(): number {
    return this.world.work;
  }

  /** What an error thrown while computing means for the run; rethrows what must surface. */
  private stoppedBy(e: unknown): Stopped {
    if (e instanceof TooHeavy) return { at: e.time, reason: 'too-heavy', details: e.heaviest };
    if (!this.stopOnError) throw e;
    return { at: this.world.time, reason: 'error', details: [e instanceof Error ? `${e.name}: ${e.message}` : String(e)] };
  }

  private checkpoint(): void {
    this.checkpoints.push({
      time: this.world.time,
      eventCount: this.world.eventSeq,
      applied: this.applied,
      tasks: this.world.tasksRun,
      work: this.world.work,
      world: this.world.clone(null),
    });
  }

  /** The run ends just before `stopped.at`: the world is rebuilt at the moment before from a checkpoint. */
  private stopBefore(stopped: Stopped): void {
    this.stoppedAt = stopped;
    this.cachedSnapshot = null;
    if (stopped.at > 0) {
      this.checkpoints = this.checkpoints.filter((c) => c.time < stopped.at);
      this.rebuild(stopped.at - 1);
      return;
    }
    // Time 0 itself is too heavy: the run is the state before anything happened, with nothing scheduled.
    this.applied = 0;
    this.world = this.freshWorld();
    this.world.halt();
    this.log.length = this.world.eventSeq;
    this.visible = null;
    this.checkpoints = [];
    this.checkpoint();
  }

  /** Back to the last checkpoint at or before `t` (keeping the log) and forward to `t`, replaying what was computed before. */
  private rebuild(t: number): void {
    const cps = this.checkpoints.filter((c) => c.time <= t);
    this.checkpoints = cps;
    this.restore(cps[cps.length - 1]!);
    this.advance(t);
    this.log.length = this.world.eventSeq;
    this.visible = null;
  }

  private restore(cp: Checkpoint): void {
    this.cachedSnapshot = null;
    this.world = cp.world.clone(this.record ? this.log : null);
    this.applied = cp.applied;
  }

  /**
   * Runs everything up to and including time `target` (at most the end), applying recorded
   * interventions on the way. A moment past the budget ends the run just before it.
   */
  private advanceTo(target: number): void {
    try {
      this.advance(Math.min(target, this.endTime));
    } catch (e) {
      // The world stopped in the middle of a moment.
      this.stopBefore(this.stoppedBy(e));
    }
  }

  private advance(target: number): void {
    const w = this.world;
    for (;;) {
      const next = this.userInterventions[this.applied];
      const tNext = w.nextTime();
      if (next !== undefined && next.time <= target && next.time < tNext) {
        w.runUntil(next.time);
        w.apply(next.intervention);
        this.applied++;
        continue;
      }
      if (tNext > target) break;
      w.stepNext();
      if (this.every > 0) this.maybeCheckpoint();
    }
    w.runUntil(target);
  }

  /**
   * Spacing grows with the run, so a long one keeps about 400 checkpoints, not thousands; and with the
   * state, so copying a big state is paid for by at least as much work since the last copy.
   */
  private maybeCheckpoint(): void {
    const w = this.world;
    const last = this.checkpoints[this.checkpoints.length - 1]!;
    const since = w.work - last.work;
    if (w.time <= last.time || since < Math.max(this.every, Math.floor(w.work / 400)) || w.work < this.nextSizeCheck) return;
    const size = w.size();
    if (since >= size) this.checkpoint();
    else this.nextSizeCheck = last.work + size;
  }

  step(): SimEvent[] {
    const from = this.world.eventSeq;
    // Some moments change nothing visible (a poll that finds no records); skip to one that does.
    while (this.world.time < this.endTime) {
      const w = this.world;
      const next = this.userInterventions[this.applied];
      this.advanceTo(Math.min(w.nextTime(), next?.time ?? Infinity, this.endTime));
      if (!this.record || this.world.eventSeq > from) break;
    }
    return this.log.slice(from, Math.max(from, this.world.eventSeq));
  }

  runUntil(t: number): void {
    this.advanceTo(Math.max(this.world.time, Math.min(Math.floor(t), this.endTime)));
  }

  seek(t: number): void {
    const target = Math.max(0, Math.min(Math.floor(t), this.endTime));
    // The latest checkpoint at or before the target.
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.checkpoints[mid]!.time <= target) lo = mid;
      else hi = mid - 1;
    }
    const cp = this.checkpoints[lo]!;
    const forwardFromHere = target >= this.world.time && cp.tasks <= this.world.tasksRun;
    if (!forwardFromHere) this.restore(cp);
    this.advanceTo(target);
  }

  snapshot(options: SnapshotOptions = {}): Snapshot {
    const w = this.world;
    const key = `${options.maxRecordsPerPartition ?? ''}/${options.maxMessagesPerQueue ?? ''}`;
    if (this.cachedSnapshot && this.cachedAt === w.time && this.cachedVersion === w.version && this.cachedKey === key)
      return this.cachedSnapshot;
    this.cachedSnapshot = w.snapshot(options);
    this.cachedAt = w.time;
    this.cachedVersion = w.version;
    this.cachedKey = key;
    return this.cachedSnapshot;
  }

  get eventCount(): number {
    return this.world.eventSeq;
  }

  eventRange(from: number, to = Infinity): SimEvent[] {
    return this.log.slice(Math.max(0, from), Math.max(0, Math.min(to, this.world.eventSeq)));
  }

  events(): readonly SimEvent[] {
    const seq = this.world.eventSeq;
    if (seq === this.log.length) return this.log;
    if (this.visible?.seq !== seq) this.visible = { seq, events: this.log.slice(0, seq) };
    return this.visible.events;
  }

  intervene(i: Intervention): InterventionResult {
    const now = this.world.time;
    if (this.stoppedAt && this.stoppedAt.at <= now) return { ok: false, stopped: this.stoppedAt };
    // Fork: forget the recorded future (and so any stop in it).
    this.userInterventions.length = this.applied;
    this.log.length = this.world.eventSeq;
    this.visible = null;
    this.cachedSnapshot = null;
    this.checkpoints = this.checkpoints.filter((c) => c.time <= now && c.tasks <= this.world.tasksRun);
    this.stoppedAt = null;
    this.userInterventions.push({ time: now, intervention: i });
    try {
      this.world.apply(i);
    } catch (e) {
      const stopped = this.stoppedBy(e);
      // Refused: the state is rebuilt as it was before it (the world stopped halfway through applying it).
      this.userInterventions.pop();
      this.rebuild(now);
      return { ok: false, stopped };
    }
    this.applied++;
    return { ok: true };
  }

  interventions(): readonly { time: number; intervention: Intervention }[] {
    return this.userInterventions.slice();
  }

  series(stepMs: number): { time: number; totals: Totals }[] {
    return [...this.samples(stepMs)];
  }

  *samples(stepMs: number): Generator<{ time: number; totals: Totals }, Stopped | null> {
    const step = Math.max(1, Math.floor(stepMs), Math.ceil(this.world.endTime / 10_000));
    const run = new SimulationImpl(this.scenario, this.seed, {
      recordEvents: false,
      checkpointEvery: 0,
      budget: this.budget,
      stopOnError: this.stopOnError,
    });
    run.userInterventions = this.userInterventions.slice();
    // The same steps as this run, so a run too heavy at some moment is sampled up to the moment before.
    for (let t = 0; ; t = Math.min(t + step, run.endTime)) {
      run.advanceTo(t);
      yield { time: run.time, totals: run.world.totals() };
      if (run.time >= run.endTime) return run.stopped;
    }
  }
}

export function createSimulation(scenario: Scenario, seed: number, options: SimulationOptions = {}): Simulation {
  return new SimulationImpl(scenario, seed, options);
}
