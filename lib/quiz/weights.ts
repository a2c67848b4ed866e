// All the quiz's weights and thresholds, in one place a reviewer can read top to bottom.
// Each option pushes Kafka and/or RabbitMQ by a few points; "not sure" and unlisted options push nothing.
import type { Push } from './types';

export const WEIGHTS: Record<string, Record<string, Push>> = {
  //            option         → points
  replay: { often: { kafka: 3 }, sometimes: { kafka: 2 }, no: {} },
  retention: { consumed: { rabbitmq: 1 }, days: { kafka: 1 }, years: { kafka: 3 } },
  changelog: { yes: { kafka: 3 }, no: {} },
  streamproc: { kstreams: { kafka: 3 }, flink: { kafka: 3 }, connect: { kafka: 2 }, none: {} },
  tasks: { yes: { rabbitmq: 3 }, no: {} },
  msgfeatures: { priority: { rabbitmq: 2 }, ttl: { rabbitmq: 1 }, rpc: { rabbitmq: 2 }, none: {} },
  routing: { pattern: { rabbitmq: 3 }, topic: {} },
  fanout: { one: { rabbitmq: 1 }, few: {}, many: { kafka: 2 } },
  ordering: { perkey: { kafka: 2 }, global: {}, queue: { rabbitmq: 1 }, none: {} },
  throughput: { low: { rabbitmq: 1 }, mid: {}, high: { kafka: 3 } },
  latency: { tight: { rabbitmq: 2 }, relaxed: {} },
  durability: { site: { rabbitmq: 2 }, replicas: {} },
  exactlyonce: { yes: { kafka: 2 }, no: {} },
  protocols: { mqtt: { rabbitmq: 3 }, stomp: { rabbitmq: 2 }, amqp: { rabbitmq: 1 }, kafka: { kafka: 2 }, none: {} },
  tenants: { yes: { rabbitmq: 2 }, no: {} },
  managed: { amazonmq: { rabbitmq: 2 }, cloudamqp: { rabbitmq: 1 }, kafkasvc: { kafka: 2 }, self: {} },
  skills: { kafka: { kafka: 1 }, rabbitmq: { rabbitmq: 1 }, both: {}, neither: {} },
  mixed: { yes: { kafka: 2, rabbitmq: 2 }, no: {} },
};

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
  /** A lead of this many points that no skipped question could overturn is 100% confidence. */
  fullLead: 12,
  /** For "both": the weaker side having this many points is 100% confidence… */
  fullBoth: 10,
  /** …or twice as many when "commands and events" was not answered yes: two brokers for one workload need a strong case. */
  fullBothUnmixed: 20,
  /** Confidence (0–100) from which the most settled outcome is the recommendation, whatever the point totals say. */
  settled: 25,
  /** Confidence level bands (0–100). */
  medium: 40,
  high: 70,
} as const;
