// The whole simulated state at one instant: clock, agenda, random source, both brokers. Plain rules
// over a state (RaftScope's idea): a World can be cloned for checkpoints and replayed exactly.
import { Agenda } from './core/agenda';
import type { Counters, Ctx } from './core/context';
import { newCounters, T } from './core/context';
import type { EventBody, SimEvent } from './core/events';
import { Random } from './core/random';
import type { Snapshot, SnapshotOptions, Totals } from './core/snapshot';
import { KafkaModel, KafkaRegistry } from './kafka/engine';
import { RabbitModel } from './rabbitmq/engine';
import type { Intervention, Scenario } from './schema';

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
  kafka: KafkaModel | null = null;
  rabbit: RabbitModel | null = null;

  constructor(
    readonly scenario: Scenario,
    seed: number,
    private sink: SimEvent[] | null,
  ) {
    this.endTime = scenario.durationMs;
    this.rec = sink !== null;
    this.rng = new Random(seed);
  }

  /** Builds the brokers from the scenario and schedules the first tasks. */
  start(): void {
    const s = this.scenario;
    if (s.kafka) {
      const k = (this.kafka = new KafkaModel(this, new KafkaRegistry()));
      for (const t of s.kafka.topics) k.addTopic(t);
      for (const p of s.kafka.producers) k.addProducer(p);
      for (const g of s.kafka.groups) k.addGroup(g, 0);
    }
    if (s.rabbitmq) this.rabbit = new RabbitModel(this, s.rabbitmq);
    s.interventions.forEach((iv, i) => this.schedule(iv.time, T.intervention, i, 0));
  }

  emit(e: EventBody): void {
    const sink = this.sink;
    if (!sink) return;
    // Replaying a stretch already in the log (after a seek back): the event is identical, keep the old one.
    if (this.eventSeq < sink.length) this.eventSeq++;
    else sink.push({ seq: this.eventSeq++, time: this.time, ...e } as SimEvent);
  }

  schedule(time: number, kind: number, a: number, b: number): void {
    this.agenda.push(time, kind, a, b);
  }

  nextTime(): number {
    return this.agenda.peekTime();
  }

  private runTask(kind: number, a: number, b: number): void {
    this.tasksRun++;
    if (kind === T.intervention) this.apply(this.scenario.interventions[a]!.intervention);
    else if (kind < 20) this.kafka?.run(kind, a, b);
    else this.rabbit?.run(kind, a, b);
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
    while (ag.peekTime() <= this.time && ag.pop()) this.runTask(t.kind, t.a, t.b);
    this.version++;
  }

  /** Runs every task due up to and including t, then sets the clock to t. */
  runUntil(t: number): void {
    while (this.agenda.peekTime() <= t) this.stepNext();
    if (t > this.time) {
      this.time = t;
      this.version++;
    }
  }

  apply(iv: Intervention): void {
    const k = this.kafka;
    const r = this.rabbit;
    switch (iv.type) {
      case 'kafka.addConsumer':
        k?.addConsumer(iv.group, iv.consumer);
        break;
      case 'kafka.removeConsumer':
        k?.removeConsumer(iv.group, iv.consumer);
        break;
      case 'kafka.crashConsumer':
        k?.crashConsumer(iv.group, iv.consumer);
        break;
      case 'kafka.restartConsumer':
        k?.restartConsumer(iv.group, iv.consumer);
        break;
      case 'kafka.seek':
        k?.seek(iv.group, iv.consumer, iv.topic, iv.partition, iv.to);
        break;
      case 'kafka.newGroup':
        k?.newGroup(iv.group);
        break;
      case 'kafka.addPartitions':
        k?.addPartitions(iv.topic, iv.partitions);
        break;
      case 'kafka.produceBurst':
        k?.produceBurst(iv.topic, iv.count, iv.keys, iv.partitioner, iv.producer);
        break;
      default:
        r?.apply(iv);
    }
    if ((iv.type.startsWith('kafka.') && !k) || (iv.type.startsWith('rabbitmq.') && !r))
      this.emit({ type: 'note', text: `Ignored ${iv.type}: this scenario has no such broker` });
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
    w.kafka = this.kafka ? this.kafka.clone(w) : null;
    w.rabbit = this.rabbit ? this.rabbit.clone(w) : null;
    return w;
  }

  /** Running totals, per-group lag and per-queue depth: cheap, for charts. */
  totals(): Totals {
    const queueDepth: Record<string, { ready: number; unacked: number }> = {};
    if (this.rabbit) Object.assign(queueDepth, this.rabbit.depths());
    return { ...this.counters, groupLag: this.kafka?.groupLag() ?? {}, queueDepth };
  }

  snapshot(opts: SnapshotOptions = {}): Snapshot {
    const maxRecords = opts.maxRecordsPerPartition ?? Infinity;
    return {
      time: this.time,
      endTime: this.endTime,
      eventCount: this.eventSeq,
      kafka: this.kafka?.view(maxRecords) ?? null,
      rabbitmq: this.rabbit?.view(opts.maxMessagesPerQueue ?? Infinity, maxRecords) ?? null,
      totals: this.totals(),
    };
  }
}
