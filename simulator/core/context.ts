// What the broker models need from the world: the clock, the agenda, the event sink, the seeded
// random source and the work budget.
import type { EventBody } from './events';
import type { Random } from './random';
import type { Counters } from './snapshot';

export type { Counters };

/** Whose task an agenda entry is: the world's (a scenario's timed intervention) or one broker's. */
export const Owner = { world: 0, kafka: 1, rabbitmq: 2 } as const;
export type Owner = (typeof Owner)[keyof typeof Owner];

/**
 * What a unit of work was spent on, besides running an agenda task: one message or record handled
 * once. A run may spend a fixed number of units (simulator/budget.ts); these name the heavy part.
 * A copy put into a queue costs two (it makes two events: routed, enqueued), so a run's events stay
 * within about its steps whatever it does.
 */
export const Work = {
  task: 0,
  publish: 1,
  enqueue: 2,
  deliver: 3,
  settle: 4,
  requeue: 5,
  expire: 6,
  deadLetter: 7,
  produce: 8,
  fetch: 9,
  clean: 10,
  cycleDrop: 11,
  /** A quorum queue entry replicated and committed by a majority. */
  replicate: 12,
  /** A publisher confirm or nack settled. */
  confirm: 13,
  /** A message a node failure or an election handled: lost, kept, put in doubt or appended again. */
  failover: 14,
} as const;
export type Work = (typeof Work)[keyof typeof Work];

/** Steps a copy put into a queue costs (Work.enqueue). */
export const COPY_STEPS = 2;

export interface Ctx {
  readonly time: number;
  /** False when the event log is off (benchmark): hot paths skip building events. */
  readonly rec: boolean;
  readonly rng: Random;
  emit(e: EventBody): void;
  /** Puts a task on the agenda; `kind` is the owner's own task kind, `a` and `b` its arguments. */
  schedule(time: number, owner: Owner, kind: number, a: number, b: number): void;
  /** Spends `n` units (default 1) of the run's work budget; past the budget it throws TooHeavy. */
  charge(what: Work, n?: number): void;
  counters: Counters;
}

export function newCounters(): Counters {
  return {
    kafkaProduced: 0,
    kafkaFetched: 0,
    kafkaProcessed: 0,
    kafkaCommitted: 0,
    rabbitPublished: 0,
    rabbitDelivered: 0,
    rabbitAcked: 0,
    rabbitDeadLettered: 0,
    rabbitDropped: 0,
    rabbitReturned: 0,
  };
}
