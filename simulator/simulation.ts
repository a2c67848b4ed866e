// The public Simulation: a World (the brokers' state) plus an event log, checkpoints for seek, and the
// interventions a user made. Seeking restores the nearest checkpoint and replays; an intervention
// discards the future and re-simulates from now (a fork).
import type { SimEvent } from './core/events';
import type { Snapshot, SnapshotOptions, Totals } from './core/snapshot';
import type { Intervention, Scenario } from './schema';
import { World } from './world';

export interface Simulation {
  /** Current simulated time, integer ms. */
  readonly time: number;
  readonly endTime: number;
  /** Advance to the next time at which events happen; returns those events ([] only at the end). */
  step(): SimEvent[];
  runUntil(t: number): void;
  /** Jump to time t, backwards or forwards. */
  seek(t: number): void;
  /** Plain data to render; options cap how many records and messages are materialised. */
  snapshot(options?: SnapshotOptions): Snapshot;
  /** All events so far, in order. */
  events(): readonly SimEvent[];
  /** Applies at the current time; the future past now is discarded and re-simulated. */
  intervene(i: Intervention): void;
  interventions(): readonly { time: number; intervention: Intervention }[];
  /** Totals sampled every stepMs over the whole run (with the recorded interventions), for charts. */
  series(stepMs: number): { time: number; totals: Totals }[];
}

export interface SimulationOptions {
  /** Keep the event log (default true). The benchmark turns it off to measure the model alone. */
  recordEvents?: boolean;
  /** Take a checkpoint after this many tasks or events (default 250; 0 = only at time 0). */
  checkpointEvery?: number;
}

interface Checkpoint {
  time: number;
  eventCount: number;
  applied: number;
  tasks: number;
  world: World;
}

class SimulationImpl implements Simulation {
  private world: World;
  /** Every event computed on the current timeline; events() is the prefix up to world.eventSeq. */
  private log: SimEvent[] = [];
  private visible: { seq: number; events: readonly SimEvent[] } | null = null;
  private readonly record: boolean;
  private readonly every: number;
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
    this.world = new World(scenario, seed, this.record ? this.log : null);
    this.world.start();
    this.world.runUntil(0); // the first snapshot already shows what happens at time 0
    this.checkpoint();
  }

  get time(): number {
    return this.world.time;
  }
  get endTime(): number {
    return this.world.endTime;
  }

  private checkpoint(): void {
    this.checkpoints.push({
      time: this.world.time,
      eventCount: this.world.eventSeq,
      applied: this.applied,
      tasks: this.world.tasksRun,
      world: this.world.clone(null),
    });
  }

  private restore(cp: Checkpoint): void {
    this.cachedSnapshot = null;
    this.world = cp.world.clone(this.record ? this.log : null);
    this.applied = cp.applied;
  }

  /** Runs everything up to and including time `target`, applying recorded interventions on the way. */
  private advanceTo(target: number): void {
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
      const last = this.checkpoints[this.checkpoints.length - 1]!;
      // Spacing grows with the run so a long one keeps about 400 checkpoints, not thousands.
      const gap = Math.max(this.every, Math.floor(Math.max(w.tasksRun, w.eventSeq) / 400));
      if (this.every > 0 && w.time > last.time && (w.tasksRun - last.tasks >= gap || w.eventSeq - last.eventCount >= gap))
        this.checkpoint();
    }
    w.runUntil(target);
  }

  step(): SimEvent[] {
    const from = this.world.eventSeq;
    // Some moments change nothing visible (a poll that finds no records); skip to one that does.
    while (this.world.time < this.world.endTime) {
      const w = this.world;
      const next = this.userInterventions[this.applied];
      this.advanceTo(Math.min(w.nextTime(), next?.time ?? Infinity, w.endTime));
      if (!this.record || this.world.eventSeq > from) break;
    }
    return this.log.slice(from, this.world.eventSeq);
  }

  runUntil(t: number): void {
    this.advanceTo(Math.max(this.world.time, Math.min(Math.floor(t), this.world.endTime)));
  }

  seek(t: number): void {
    const target = Math.max(0, Math.min(Math.floor(t), this.world.endTime));
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

  events(): readonly SimEvent[] {
    const seq = this.world.eventSeq;
    if (seq === this.log.length) return this.log;
    if (this.visible?.seq !== seq) this.visible = { seq, events: this.log.slice(0, seq) };
    return this.visible.events;
  }

  intervene(i: Intervention): void {
    const now = this.world.time;
    // Fork: forget the recorded future.
    this.userInterventions.length = this.applied;
    this.log.length = this.world.eventSeq;
    this.visible = null;
    this.cachedSnapshot = null;
    this.checkpoints = this.checkpoints.filter((c) => c.time <= now && c.tasks <= this.world.tasksRun);
    this.userInterventions.push({ time: now, intervention: i });
    this.world.apply(i);
    this.applied++;
  }

  interventions(): readonly { time: number; intervention: Intervention }[] {
    return this.userInterventions.slice();
  }

  series(stepMs: number): { time: number; totals: Totals }[] {
    const step = Math.max(1, Math.floor(stepMs), Math.ceil(this.world.endTime / 10_000));
    const run = new SimulationImpl(this.scenario, this.seed, { recordEvents: false, checkpointEvery: 0 });
    run.userInterventions = this.userInterventions.slice();
    const out: { time: number; totals: Totals }[] = [];
    for (let t = 0; ; t = Math.min(t + step, run.world.endTime)) {
      run.advanceTo(t);
      out.push({ time: t, totals: run.world.totals() });
      if (t >= run.world.endTime) break;
    }
    return out;
  }
}

export function createSimulation(scenario: Scenario, seed: number, options: SimulationOptions = {}): Simulation {
  return new SimulationImpl(scenario, seed, options);
}
