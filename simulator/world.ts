// The whole simulated state at one instant: clock, agenda, random source, both brokers. Plain rules
// over a state (RaftScope's idea): a World can be cloned for checkpoints and replayed exactly.
import { heaviest, TALLY_SIZE, taskSlot, TooHeavy } from './budget';
import { Agenda } from './core/agenda';
import type { ViewLimits } from './core/broker';
import { newCounters, Owner, type Counters, type Ctx, type Work } from './core/context';
import type { EventBody, SimEvent } from './core/events';
import { Random } from './core/random';
import type { Snapshot, SnapshotOptions, Totals } from './core/snapshot';
import { nameTable } from './core/table';
import { KafkaBroker, type KafkaIntervention } from './kafka/broker';
import { RabbitBroker } from './rabbitmq/broker';
import type { Intervention, Scenario } from './schema';

function isKafka(iv: Intervention): iv is KafkaIntervention {
  return iv.type.startsWith('kafka.');
}

export class World implements Ctx {
  time = 0;
  readonly endTime: number;
  /** Tasks run so far: the checkpoint cadence. */
  tasksRun = 0;
  /** Bumped on every change, so a cached snapshot knows when it is stale. */
  version = 0;
  eventSeq = 0;
  rec: boolean;
  agenda = new Agenda();
  rng: Random;
  counters: Counters = newCounters();
  kafka: KafkaBroker | null = null;
  rabbitmq: RabbitBroker | null = null;
  /** Steps taken so far (tasks and messages handled: simulator/budget.ts), and what they went to. */
  work = 0;
  tally = new Float64Array(TALLY_SIZE);

  constructor(
    readonly scenario: Scenario,
    seed: number,
    private sink: SimEvent[] | null,
    /** The most steps this run may take (Infinity: no limit). */
    readonly budget: number,
  ) {
    this.endTime = scenario.durationMs;
    this.rec = sink !== null;
    this.rng = new Random(seed);
  }

  /** Builds the brokers from the scenario and schedules the first tasks. */
  start(): void {
    const s = this.scenario;
    if (s.kafka) this.kafka = KafkaBroker.start(this, s.kafka);
    if (s.rabbitmq) this.rabbitmq = RabbitBroker.start(this, s.rabbitmq);
    // The world's own tasks: a scenario's timed interventions (kind 0, `a` = its index).
    s.interventions.forEach((iv, i) => this.schedule(iv.time, Owner.world, 0, i, 0));
  }

  emit(e: EventBody): void {
    const sink = this.sink;
    if (!sink) return;
    // Replaying a stretch already in the log (after a seek back): the event is identical, keep the old one.
    if (this.eventSeq < sink.length) this.eventSeq++;
    else sink.push({ seq: this.eventSeq++, time: this.time, ...e } as SimEvent);
  }

  schedule(time: number, owner: Owner, kind: number, a: number, b: number): void {
    this.agenda.push(time, owner, kind, a, b);
  }

  nextTime(): number {
    return this.agenda.peekTime();
  }

  charge(what: Work, n = 1): void {
    this.tally[what]! += n;
    if ((this.work += n) > this.budget) this.overBudget();
  }

  private overBudget(): never {
    throw new TooHeavy(this.time, this.budget, heaviest(this.tally));
  }

  private runTask(owner: number, kind: number, a: number, b: number): void {
    this.tasksRun++;
    this.tally[taskSlot(owner, kind)]!++;
    if (++this.work > this.budget) this.overBudget();
    if (owner === Owner.kafka) this.kafka!.run(kind, a, b);
    else if (owner === Owner.rabbitmq) this.rabbitmq!.run(kind, a, b);
    else this.apply(this.scenario.interventions[a]!.intervention);
  }

  /** Runs every task due at the next task time (including tasks those tasks add at that time). */
  stepNext(): void {
    const t = this.agenda.peekTime();
    if (t === Infinity) return;
    this.time = Math.max(this.time, t);
    this.drain();
  }

  /** Runs every task due at or before the current time. */
  private drain(): void {
    const ag = this.agenda;
    const t = ag.popped;
    while (ag.peekTime() <= this.time && ag.pop()) this.runTask(t.owner, t.kind, t.a, t.b);
    this.version++;
  }

  /** Drops every scheduled task: a run stopped before its first moment stays as it was built. */
  halt(): void {
    this.agenda = new Agenda();
  }

  /** Runs every task due up to and including t, then sets the clock to t. */
  runUntil(t: number): void {
    while (this.agenda.peekTime() <= t) this.stepNext();
    if (t > this.time) {
      this.time = t;
      this.version++;
    }
  }

  /** Hands an intervention to its broker (a note when the scenario has none), then runs what it made due. */
  apply(iv: Intervention): void {
    const broker = isKafka(iv) ? this.kafka : this.rabbitmq;
    if (broker) broker.apply(iv as never);
    else this.emit({ type: 'note', text: `Ignored ${iv.type}: this scenario has no such broker` });
    this.drain();
  }

  clone(sink: SimEvent[] | null): World {
    const w: World = Object.create(World.prototype);
    Object.assign(w, this);
    w.sink = sink;
    w.rec = sink !== null;
    w.agenda = this.agenda.clone();
    w.rng = this.rng.clone();
    w.counters = { ...this.counters };
    w.tally = this.tally.slice();
    w.kafka = this.kafka?.clone(w) ?? null;
    w.rabbitmq = this.rabbitmq?.clone(w) ?? null;
    return w;
  }

  /** Roughly how many entries clone() copies. */
  size(): number {
    return this.agenda.size + (this.kafka?.size() ?? 0) + (this.rabbitmq?.size() ?? 0);
  }

  /** Running totals, per-group lag and per-queue depth: cheap, for charts. */
  totals(): Totals {
    const t: Totals = { ...this.counters, groupLag: nameTable(), queueDepth: nameTable() };
    this.kafka?.totals(t);
    this.rabbitmq?.totals(t);
    return t;
  }

  snapshot(opts: SnapshotOptions = {}): Snapshot {
    const limits: ViewLimits = { maxRecords: opts.maxRecordsPerPartition ?? Infinity, maxMessages: opts.maxMessagesPerQueue ?? Infinity };
    return {
      time: this.time,
      endTime: this.endTime,
      eventCount: this.eventSeq,
      kafka: this.kafka?.view(limits) ?? null,
      rabbitmq: this.rabbitmq?.view(limits) ?? null,
      totals: this.totals(),
    };
  }
}
