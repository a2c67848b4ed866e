// What the broker models need from the world: the clock, the agenda, the event sink and the seeded
// random source.
import type { EventBody } from './events';
import type { Random } from './random';
import type { Counters } from './snapshot';

export type { Counters };

export interface Ctx {
  readonly time: number;
  /** False when the event log is off (benchmark): hot paths skip building events. */
  readonly rec: boolean;
  readonly rng: Random;
  emit(e: EventBody): void;
  schedule(time: number, kind: number, a: number, b: number): void;
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

// Task kinds on the agenda.
export const T = {
  intervention: 0,
  kProduce: 1,
  kPoll: 2,
  kProcessed: 3,
  kRebalance: 4,
  kSession: 5,
  kMemberStart: 6,
  kLogCheck: 7,
  rPublish: 20,
  rConsumerStart: 21,
  rProcessed: 22,
  rExpiry: 23,
  rStreamRead: 24,
  rStreamRetention: 25,
} as const;
