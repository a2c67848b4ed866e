// All the quiz's weights and thresholds, in one place a reviewer can read top to bottom.
// Each option pushes Kafka and/or RabbitMQ by a few points; "not sure" and unlisted options push nothing.
// Hard constraints (strict global order, a managed service you must use) are not points: see gates.ts.
import type { Answers, Push } from './types';

export const WEIGHTS: Record<string, Record<string, Push>> = {
  //            option         → points
  replay: { often: { kafka: 3 }, sometimes: { kafka: 2 }, no: {} },
  retention: { consumed: { rabbitmq: 1 }, days: { kafka: 1 }, weeks: { kafka: 2 }, years: { kafka: 3 } },
  changelog: { yes: { kafka: 3 }, no: {} },
  streamproc: { kstreams: { kafka: 3 }, flink: { kafka: 3 }, connect: { kafka: 2 }, none: {} },
  tasks: { yes: { rabbitmq: 4 }, no: {} },
  msgfeatures: { priority: { rabbitmq: 2 }, ttl: { rabbitmq: 1 }, rpc: { rabbitmq: 2 }, none: {} },
  routing: { pattern: { rabbitmq: 3 }, topic: {} },
  // One reading service is competing consumers on either broker (a Kafka group competes too): no points.
  fanout: { one: {}, few: {}, many: { kafka: 2 } },
  ordering: { perkey: { kafka: 2 }, global: {}, queue: { rabbitmq: 1 }, none: {} },
  throughput: { low: { rabbitmq: 1 }, mid: {}, high: { kafka: 3 }, vhigh: { kafka: 4 } },
  latency: { tight: { rabbitmq: 2 }, relaxed: {} },
  durability: { site: { rabbitmq: 2 }, replicas: {} },
  exactlyonce: { yes: { kafka: 2 }, no: {} },
  protocols: { mqtt: { rabbitmq: 3 }, stomp: { rabbitmq: 2 }, amqp: { rabbitmq: 1 }, kafka: { kafka: 2 }, none: {} },
  tenants: { yes: { rabbitmq: 2 }, no: {} },
  // A managed service you must use is a gate, not points (gates.ts).
  managed: { amazonmq: {}, cloudamqp: {}, kafkasvc: {}, self: {} },
  // Team skills break a tie ("either fits: run what you know"); they do not outweigh what the workload needs.
  skills: { kafka: {}, rabbitmq: {}, both: {}, neither: {} },
  mixed: { yes: { kafka: 2, rabbitmq: 2 }, no: {} },
};

/** An answer whose points depend on another answer. Shown with its own reason and sources. */
export interface ConditionalWeight {
  question: string;
  option: string;
  /** Applies when any of these answers was given. */
  when: { question: string; options: readonly string[] };
  push: Push;
}

export const CONDITIONAL_WEIGHTS: readonly ConditionalWeight[] = [
  // A few independent readers cost RabbitMQ one copy of every message per reader; at high volume that adds up.
  { question: 'fanout', option: 'few', when: { question: 'throughput', options: ['high', 'vhigh'] }, push: { kafka: 2 } },
];

/** The conditional weights that apply to `option` of `question` given all answers. */
export function conditionalFor(question: string, option: string, answers: Answers): ConditionalWeight[] {
  return CONDITIONAL_WEIGHTS.filter(
    (c) => c.question === question && c.option === option && c.when.options.some((o) => answers[c.when.question]?.includes(o)),
  );
}

/** A multi-choice question adds at most this many points per side, so ticking everything is not a landslide. */
export const MULTI_CAP = 4;

export const THRESHOLDS = {
  /** Fewer total points than this (both sides together) is too little to recommend anything. */
  minEvidence: 4,
  /** "Both" when each side has at least this many points and the weaker has this share of the stronger… */
  bothMin: 6,
  bothRatio: 0.45,
  /** …or when "commands and events" was answered yes and each side has at least this many points. */
  bothMinWhenMixed: 4,
  /** A lead smaller than this share of all points is no strong signal. */
  tieMargin: 0.15,
  /** A lead of this many points is a full-strength lead. */
  fullLead: 10,
  /** For "both": the weaker side having this many points is full strength. */
  fullBoth: 8,
  /** Confidence never goes below this share of the strength, however few questions were answered… */
  coverageFloor: 0.4,
  /** Confidence level bands (0–100). */
  medium: 40,
  high: 70,
} as const;
