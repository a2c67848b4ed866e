// Scenarios are plain, versioned JSON. This schema validates them with messages that name the field,
// and caps sizes so an absurd number gets a readable error instead of freezing a browser tab.
import { z } from 'zod';
import { intIn, LIMITS } from './common';
import { crossCheck } from './cross-check';
import {
  groupSchema,
  kafkaConsumerSchema,
  kafkaSchema,
  keysSchema,
  producerSchema,
  shareConsumerSchema,
  shareGroupSchema,
  topicSchema,
} from './kafka';
import { interventionSchema, timedInterventionSchema } from './interventions';
import {
  bindingSchema,
  exchangeSchema,
  publisherSchema,
  queueSchema,
  rabbitConsumerSchema,
  rabbitmqSchema,
  streamOffsetSchema,
} from './rabbitmq';

export { DEFAULTS, LIMITS, headerValueSchema } from './common';
export { groupSchema, kafkaConsumerSchema, kafkaSchema, producerSchema, shareConsumerSchema, shareGroupSchema, topicSchema } from './kafka';
export { bindingSchema, exchangeSchema, publisherSchema, queueSchema, rabbitConsumerSchema, rabbitmqSchema } from './rabbitmq';
export { interventionSchema, timedInterventionSchema };

export const scenarioSchema = z
  .strictObject({
    version: z.literal(1, { error: 'must be 1' }),
    durationMs: intIn(100, LIMITS.durationMs),
    kafka: kafkaSchema.optional(),
    rabbitmq: rabbitmqSchema.optional(),
    interventions: z
      .array(timedInterventionSchema)
      .max(LIMITS.interventions, { error: `must have at most ${LIMITS.interventions} interventions` })
      .default([]),
  })
  .superRefine((s, ctx) => crossCheck(s, (path, message) => ctx.addIssue({ code: 'custom', path, message })));

export type Scenario = z.infer<typeof scenarioSchema>;
/** What a scenario author writes (defaults may be left out). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Intervention = z.infer<typeof interventionSchema>;
export type InterventionInput = z.input<typeof interventionSchema>;
export type TopicSpec = z.infer<typeof topicSchema>;
export type ProducerSpec = z.infer<typeof producerSchema>;
export type GroupSpec = z.infer<typeof groupSchema>;
export type KafkaConsumerSpec = z.infer<typeof kafkaConsumerSchema>;
export type ShareGroupSpec = z.infer<typeof shareGroupSchema>;
export type ShareConsumerSpec = z.infer<typeof shareConsumerSchema>;
export type ExchangeSpec = z.infer<typeof exchangeSchema>;
export type QueueSpec = z.infer<typeof queueSchema>;
export type BindingSpec = z.infer<typeof bindingSchema>;
export type PublisherSpec = z.infer<typeof publisherSchema>;
export type RabbitConsumerSpec = z.infer<typeof rabbitConsumerSchema>;
export type KeysSpec = z.infer<typeof keysSchema>;
export type StreamOffsetSpec = z.infer<typeof streamOffsetSchema>;

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: { path: string; message: string }[] };

/** Formats a zod path as `kafka.topics[0].partitions`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(scenario)' : out;
}

// Without this, a missing field reads "Invalid input: expected array, received undefined".
const missingField: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : undefined;

export function parseScenario(input: unknown): ParseResult {
  const r = scenarioSchema.safeParse(input, { error: missingField });
  if (r.success) return { ok: true, scenario: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

export function parseIntervention(
  input: unknown,
): { ok: true; intervention: Intervention } | { ok: false; errors: { path: string; message: string }[] } {
  const r = interventionSchema.safeParse(input, { error: missingField });
  if (r.success) return { ok: true, intervention: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}
