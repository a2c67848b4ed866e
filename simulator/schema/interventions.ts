// Interventions: what a user (or a scenario's timeline) does to a running simulation.
import { z } from 'zod';
import { headersSchema, idString, intIn, LIMITS, routingKey, timeMs } from './common';
import { groupSchema, kafkaConsumerSchema, keysSchema, shareConsumerSchema } from './kafka';
import { nodeNumber, rabbitConsumerSchema } from './rabbitmq';

const kafkaSeekTarget = z.union(
  [z.enum(['earliest', 'latest']), z.strictObject({ offset: intIn(0, 1_000_000_000) }), z.strictObject({ timestamp: timeMs })],
  { error: 'must be "earliest", "latest", { offset } or { timestamp }' },
);

export const interventionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('kafka.addConsumer'), group: idString, consumer: kafkaConsumerSchema.omit({ startMs: true }) }),
    z.strictObject({ type: z.literal('kafka.removeConsumer'), group: idString, consumer: idString }),
    z.strictObject({ type: z.literal('kafka.crashConsumer'), group: idString, consumer: idString }),
    z.strictObject({ type: z.literal('kafka.restartConsumer'), group: idString, consumer: idString }),
    z.strictObject({
      type: z.literal('kafka.seek'),
      group: idString,
      consumer: idString,
      topic: idString,
      partition: intIn(0, LIMITS.partitions - 1),
      to: kafkaSeekTarget,
    }),
    z.strictObject({ type: z.literal('kafka.newGroup'), group: groupSchema }),
    z.strictObject({ type: z.literal('kafka.addPartitions'), topic: idString, partitions: intIn(1, LIMITS.partitions) }),
    z.strictObject({
      type: z.literal('kafka.produceBurst'),
      topic: idString,
      count: intIn(1, LIMITS.burst),
      keys: keysSchema.default(null),
      partitioner: z.enum(['java', 'consistent_random', 'murmur2_random']).default('java'),
      producer: idString.default('burst'),
    }),
    z.strictObject({ type: z.literal('kafka.killBroker'), broker: intIn(1, LIMITS.brokers) }),
    z.strictObject({ type: z.literal('kafka.startBroker'), broker: intIn(1, LIMITS.brokers) }),
    z.strictObject({ type: z.literal('kafka.pauseFetching'), broker: intIn(1, LIMITS.brokers) }),
    z.strictObject({ type: z.literal('kafka.resumeFetching'), broker: intIn(1, LIMITS.brokers) }),
    z.strictObject({
      type: z.literal('kafka.addShareConsumer'),
      group: idString,
      consumer: shareConsumerSchema.omit({ startMs: true }),
    }),
    z.strictObject({ type: z.literal('kafka.removeShareConsumer'), group: idString, consumer: idString }),
    z.strictObject({ type: z.literal('kafka.crashShareConsumer'), group: idString, consumer: idString }),
    z.strictObject({
      type: z.literal('rabbitmq.publishBurst'),
      exchange: z.string().max(255).default(''),
      routingKeys: z.array(routingKey).min(1).max(1_000).default(['']),
      headers: z.array(headersSchema).min(1).max(1_000).optional(),
      count: intIn(1, LIMITS.burst),
      expirationMs: intIn(0, LIMITS.timeMs).optional(),
      mandatory: z.boolean().default(false),
      publisher: idString.default('burst'),
      /** Body size of each message (default DEFAULTS.valueBytes; 0 is an empty body). */
      valueBytes: intIn(0, 1_000_000).optional(),
    }),
    z.strictObject({ type: z.literal('rabbitmq.addConsumer'), consumer: rabbitConsumerSchema.omit({ startMs: true }) }),
    z.strictObject({ type: z.literal('rabbitmq.removeConsumer'), consumer: idString }),
    z.strictObject({ type: z.literal('rabbitmq.crashConsumer'), consumer: idString }),
    z.strictObject({ type: z.literal('rabbitmq.restartConsumer'), consumer: idString }),
    z.strictObject({ type: z.literal('rabbitmq.setPrefetch'), consumer: idString, prefetchCount: intIn(0, LIMITS.prefetchCount) }),
    z.strictObject({
      type: z.literal('rabbitmq.ack'),
      consumer: idString,
      deliveryTag: intIn(1, 1_000_000_000),
      multiple: z.boolean().optional(),
    }),
    z.strictObject({
      type: z.literal('rabbitmq.nack'),
      consumer: idString,
      deliveryTag: intIn(1, 1_000_000_000),
      requeue: z.boolean(),
      multiple: z.boolean().optional(),
    }),
    z.strictObject({ type: z.literal('rabbitmq.reject'), consumer: idString, deliveryTag: intIn(1, 1_000_000_000), requeue: z.boolean() }),
    z.strictObject({ type: z.literal('rabbitmq.killNode'), node: nodeNumber }),
    z.strictObject({ type: z.literal('rabbitmq.startNode'), node: nodeNumber }),
  ],
  { error: 'must be a known intervention type (kafka.addConsumer, kafka.seek, rabbitmq.nack, ...)' },
);

export const timedInterventionSchema = z.strictObject({ time: timeMs, intervention: interventionSchema });
