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

/** An intervention at its time, as a scenario's timeline (or a link's) holds it. */
export interface TimedIntervention {
  time: number;
  intervention: Intervention;
}

/** What parseTimeline refused: the intervention's index in the list given (-1: the whole list), and why. */
export interface TimelineProblem {
  index: number;
  /** The field within that intervention (`consumer.queue`), or `(intervention)`. */
  path: string;
  message: string;
}

/**
 * Interventions to apply to a parsed scenario (a user's, or a link's), checked exactly as a scenario's
 * own timed interventions are: each one's fields, and, with the scenario's, the cap on their number
 * and every cross-check (what they name exists by then; added consumers stay within the caps). One that
 * fails is left out and the rest checked again (a later one may have needed it). Never throws.
 */
export function parseTimeline(
  scenario: Scenario,
  timeline: readonly { time: unknown; intervention: unknown }[],
): { accepted: TimedIntervention[]; problems: TimelineProblem[] } {
  const own = scenario.interventions.length;
  const problems: TimelineProblem[] = [];
  let kept = timeline.map((t, index) => ({ t, index }));
  for (;;) {
    const r = scenarioSchema.safeParse(
      { ...scenario, interventions: [...scenario.interventions, ...kept.map((k) => k.t)] },
      { error: missingField },
    );
    if (r.success) return { accepted: r.data.interventions.slice(own), problems };
    const refused = new Set<number>();
    for (const issue of r.error.issues) {
      const [head, k, ...rest] = issue.path;
      if (head === 'interventions' && typeof k === 'number' && k >= own) {
        refused.add(k - own);
        const field = rest[0] === 'intervention' ? rest.slice(1) : rest;
        problems.push({ index: kept[k - own]!.index, path: field.length ? formatPath(field) : '(intervention)', message: issue.message });
      } else {
        // The list as a whole (too many), or something only the combination breaks: none is applied.
        problems.push({ index: -1, path: formatPath(issue.path), message: issue.message });
        return { accepted: [], problems };
      }
    }
    kept = kept.filter((_, i) => !refused.has(i));
  }
}
