// What the broker models need from the world: the clock, the agenda, the event sink and the seeded
// random source.
import type { EventBody } from './events';
import type { Random } from './random';
import type { Counters } from './snapshot';

export type { Counters };

/** Whose task an agenda entry is: the world's (a scenario's timed intervention) or one broker's. */
export const Owner = { world: 0, kafka: 1, rabbitmq: 2 } as const;
export type Owner = (typeof Owner)[keyof typeof Owner];

export interface Ctx {
  readonly time: number;
  /** False when the event log is off (benchmark): hot paths skip building events. */
  readonly rec: boolean;
  readonly rng: Random;
  emit(e: EventBody): void;
  /** Puts a task on the agenda; `kind` is the owner's own task kind, `a` and `b` its arguments. */
  schedule(time: number, owner: Owner, kind: number, a: number, b: number): void;
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
