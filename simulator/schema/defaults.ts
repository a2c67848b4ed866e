// The size caps (LIMITS) and the defaults the engine also uses (DEFAULTS). No zod here: the engine
// imports this, and the page loads zod only when it validates input.

export const LIMITS = {
  durationMs: 300_000,
  topics: 8,
  partitions: 64,
  producers: 8,
  ratePerSec: 500,
  count: 20_000,
  groups: 8,
  consumersPerGroup: 16,
  maxPollRecords: 500,
  initialRecords: 1_000,
  exchanges: 16,
  queues: 16,
  bindings: 64,
  publishers: 8,
  rabbitConsumers: 32,
  prefetchCount: 1_000,
  interventions: 200,
  burst: 5_000,
  timeMs: 3_600_000,
  brokers: 9,
  bytes: 1_000_000_000,
  /** RabbitMQ cluster nodes. */
  rabbitNodes: 7,
} as const;

/**
 * The work budget of one run (simulator/budget.ts): at most this many steps, where a step is an agenda
 * task or one message or record handled once (published, put into a queue, delivered, acked, expired,
 * dead-lettered, produced, fetched, read by the log cleaner). Measured, not guessed: see
 * simulator/README.md ("Work budget") for what a run at the budget costs in a browser.
 */
export const BUDGET = {
  steps: 1_000_000,
} as const;

/**
 * Defaults the schema fills in, named once so the engine uses the same numbers where it builds a spec
 * itself (the producer of a burst, the publisher of a burst, seeded records).
 */
const VALUE_BYTES = 100;

export const DEFAULTS = {
  /** Body bytes of a record or message when a scenario does not say. */
  valueBytes: VALUE_BYTES,
  producer: {
    partitioner: 'java',
    ratePerSec: 2,
    count: 10,
    startMs: 0,
    keys: null,
    valueBytes: VALUE_BYTES,
    stickyBatchRecords: 4,
    acks: 'all',
    retries: 2_147_483_647,
    deliveryTimeoutMs: 120_000,
    requestTimeoutMs: 30_000,
    retryBackoffMs: 100,
    retryBackoffMaxMs: 1_000,
  },
  /**
   * RabbitMQ 4.x defaults the engine applies when a scenario leaves them out. Sources:
   * rabbitmq-server v4.3.5 rabbit_quorum_queue.erl (DEFAULT_DELIVERY_LIMIT 20, since 4.0; 3.x had no
   * limit), deps/rabbit/Makefile (quorum_cluster_size 3), rabbit_fifo.erl (consumer_disconnected_timeout
   * 60 000 ms, new in 4.3).
   */
  quorum: {
    deliveryLimit: 20,
    initialGroupSize: 3,
    consumerDisconnectedTimeoutMs: 60_000,
  },
} as const;
