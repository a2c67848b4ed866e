// The one small interface every broker model offers the world: the world routes interventions and
// agenda tasks to their broker and never knows a broker's rules.
import type { Ctx, Owner } from './context';
import type { Totals } from './snapshot';

/** How much of a large state a view materialises. */
export interface ViewLimits {
  /** Newest records per Kafka partition and per stream. */
  maxRecords: number;
  /** First ready messages per classic queue. */
  maxMessages: number;
}

export interface Broker<I, V> {
  /** Applies one of this broker's interventions at the current time. */
  apply(intervention: I): void;
  /** Runs one of this broker's tasks that fell due on the agenda (`kind` is the broker's own task kind). */
  run(kind: number, a: number, b: number): void;
  /** A copy for a checkpoint, bound to the cloned world. */
  clone(ctx: Ctx): Broker<I, V>;
  /**
   * Roughly how many entries clone() copies (queued messages, segments, positions): checkpoints are
   * spaced at least this many steps apart, so copying them never costs more than the run itself.
   */
  size(): number;
  /** Plain data to render. */
  view(limits: ViewLimits): V;
  /** This broker's part of the running totals (lag, queue depth), cheap enough for charts. */
  totals(into: Totals): void;
}

/** What every broker's state has: the world it lives in, and its own way onto the agenda. */
export class BrokerState<Task extends number> {
  constructor(
    public w: Ctx,
    private readonly owner: Owner,
  ) {}

  schedule(time: number, task: Task, a: number, b: number): void {
    this.w.schedule(time, this.owner, task, a, b);
  }

  /** Says why an intervention was ignored. */
  note(text: string): void {
    if (this.w.rec) this.w.emit({ type: 'note', text });
  }
}
