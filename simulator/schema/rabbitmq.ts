// The scenario's `rabbitmq` section: exchanges, queues, bindings, publishers, consumers.
import { z } from 'zod';
import { amqpName, DEFAULTS, headersSchema, idString, intIn, LIMITS, numIn, routingKey, timeMs } from './common';

export const exchangeSchema = z.strictObject({
  name: amqpName,
  type: z.enum(['direct', 'fanout', 'topic', 'headers'], { error: 'must be "direct", "fanout", "topic" or "headers"' }),
  alternateExchange: amqpName.optional(),
});

/** A RabbitMQ node of the cluster, numbered from 1 (`rabbitmq.nodes`). */
export const nodeNumber = intIn(1, LIMITS.rabbitNodes);

export const queueSchema = z.strictObject({
  name: amqpName,
  type: z.enum(['classic', 'quorum', 'stream'], { error: 'must be "classic", "quorum" or "stream"' }).default('classic'),
  /** Survives a node restart (classic: with its persistent messages). Quorum queues are always durable. */
  durable: z.boolean().optional(),
  /** The node a classic queue or stream lives on; a quorum queue's first member and initial leader (default 1). */
  homeNode: nodeNumber.optional(),
  /** Quorum queues: x-quorum-initial-group-size, members on distinct nodes (default 3, at most the node count). */
  quorumInitialGroupSize: intIn(1, LIMITS.rabbitNodes).optional(),
  /** Quorum queues: x-delivery-limit (default 20 since RabbitMQ 4.0; -1 = no limit, as 3.x had by default). */
  deliveryLimit: intIn(-1, 1_000_000).optional(),
  /** Quorum queues: x-dead-letter-strategy (default at-most-once). */
  deadLetterStrategy: z.enum(['at-most-once', 'at-least-once'], { error: 'must be "at-most-once" or "at-least-once"' }).optional(),
  /** x-single-active-consumer: one consumer gets every message, the others wait (classic and quorum). */
  singleActiveConsumer: z.boolean().optional(),
  /** Quorum queues: x-consumer-disconnected-timeout, RabbitMQ 4.3 (default 60,000 ms). */
  consumerDisconnectedTimeoutMs: intIn(0, LIMITS.timeMs).optional(),
  messageTtlMs: intIn(0, LIMITS.timeMs).optional(),
  maxLength: intIn(0, 1_000_000).optional(),
  maxLengthBytes: intIn(0, LIMITS.bytes).optional(),
  overflow: z
    .enum(['drop-head', 'reject-publish', 'reject-publish-dlx'], {
      error: 'must be "drop-head", "reject-publish" or "reject-publish-dlx"',
    })
    .default('drop-head'),
  deadLetterExchange: z.string().max(255).optional(),
  deadLetterRoutingKey: routingKey.optional(),
  /** Streams: x-max-age in ms. */
  maxAgeMs: intIn(1, LIMITS.timeMs).optional(),
  /** Streams: messages per segment (retention removes whole segments). */
  segmentMessages: intIn(1, 100_000).default(10),
});

export const bindingSchema = z.strictObject({
  exchange: amqpName,
  queue: amqpName,
  bindingKey: routingKey.default(''),
  arguments: headersSchema.optional(),
});

export const publisherSchema = z.strictObject({
  id: idString,
  exchange: z.string().max(255).default(''),
  /** Routing keys cycled in order. */
  routingKeys: z.array(routingKey).min(1).max(1_000).default(['']),
  /** Header tables cycled in order (for headers exchanges). */
  headers: z.array(headersSchema).min(1).max(1_000).optional(),
  /** Per-message TTL (the `expiration` property), ms. */
  expirationMs: intIn(0, LIMITS.timeMs).optional(),
  mandatory: z.boolean().default(false),
  ratePerSec: numIn(0, LIMITS.ratePerSec).default(2),
  count: intIn(0, LIMITS.count).default(10),
  startMs: timeMs.default(0),
  valueBytes: intIn(1, 1_000_000).default(DEFAULTS.valueBytes),
  /** delivery_mode 2: a durable classic queue keeps the message across a restart (default false, as in the clients). */
  persistent: z.boolean().optional(),
  /** confirm.select: the broker acks (basic.ack) or nacks each message once it is safe, or not (default false). */
  confirms: z.boolean().optional(),
  /** With confirms: publish a message again when it is nacked, or not confirmed within this many ms, or in doubt after a reconnect. */
  resendAfterMs: intIn(1, LIMITS.timeMs).optional(),
  /** The node its connection is on (default 1). */
  node: nodeNumber.optional(),
});

export const streamOffsetSchema = z.union(
  [z.enum(['first', 'last', 'next']), z.strictObject({ offset: intIn(0, 1_000_000_000) }), z.strictObject({ timestamp: timeMs })],
  { error: 'must be "first", "last", "next", { offset } or { timestamp }' },
);

export const rabbitConsumerSchema = z.strictObject({
  id: idString,
  queue: amqpName,
  /** basic.qos prefetch_count per consumer; 0 = unlimited. */
  prefetchCount: intIn(0, LIMITS.prefetchCount).default(1),
  autoAck: z.boolean().default(false),
  processingMs: intIn(0, 60_000).default(200),
  startMs: timeMs.default(0),
  /** Nack every Nth message it processes (1 = every message). */
  nackEvery: intIn(1, 1_000_000).optional(),
  nackRequeue: z.boolean().default(true),
  /** Message ids it fails to process (poison messages): it settles them like a nackEvery message. */
  failMessages: z.array(idString).max(1_000).optional(),
  /** How it settles a failed message: basic.nack (default) or basic.reject; requeue = nackRequeue. */
  failWith: z.enum(['nack', 'reject'], { error: 'must be "nack" or "reject"' }).optional(),
  /** x-priority: higher-priority consumers get messages first while they have room (default 0). */
  priority: intIn(-1_000, 1_000).optional(),
  /** The node its connection is on (default 1). */
  node: nodeNumber.optional(),
  /**
   * Who settles its deliveries (manual ack only): "processing" (default) acks or nacks each one after
   * processingMs; "interventions" never settles on its own, only rabbitmq.ack / rabbitmq.nack do.
   */
  settleBy: z.enum(['processing', 'interventions'], { error: 'must be "processing" or "interventions"' }).optional(),
  /** Streams only: where to attach. */
  offset: streamOffsetSchema.optional(),
});

export const rabbitmqSchema = z.strictObject({
  /** Cluster nodes (default 1). */
  nodes: intIn(1, LIMITS.rabbitNodes).optional(),
  exchanges: z
    .array(exchangeSchema)
    .max(LIMITS.exchanges, { error: `must have at most ${LIMITS.exchanges} exchanges` })
    .default([]),
  queues: z
    .array(queueSchema)
    .min(1, { error: 'must declare at least one queue' })
    .max(LIMITS.queues, { error: `must have at most ${LIMITS.queues} queues` }),
  bindings: z
    .array(bindingSchema)
    .max(LIMITS.bindings, { error: `must have at most ${LIMITS.bindings} bindings` })
    .default([]),
  publishers: z
    .array(publisherSchema)
    .max(LIMITS.publishers, { error: `must have at most ${LIMITS.publishers} publishers` })
    .default([]),
  consumers: z
    .array(rabbitConsumerSchema)
    .max(LIMITS.rabbitConsumers, { error: `must have at most ${LIMITS.rabbitConsumers} consumers` })
    .default([]),
});
