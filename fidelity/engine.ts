// The third party of the differentials: the simulation engine, driven only through its public API
// (a scenario validated by parseScenario, timed interventions, events and snapshots), exactly as the
// /simulate page drives it.
import { createSimulation, parseScenario, type InterventionInput, type ScenarioInput, type SimEvent } from '@/simulator';
import type { QueueOutcome } from '@/tests/oracles/classic-queue-oracle';
import type { Topology } from '@/simulator/rabbitmq/routing';

/** Validates a scenario the way the page does; a fidelity script the schema refuses is a bug here. */
export function runScenario(input: ScenarioInput) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`the engine refused the scenario: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return createSimulation(parsed.scenario, 1);
}

// ---------- routing ----------

export interface EnginePublish {
  exchange: string;
  routingKey: string;
  headers: Record<string, string>;
  mandatory: boolean;
}

/**
 * Whether the engine's schema can express the topology: it has no exchange-to-exchange bindings.
 * (Headers and binding arguments of any name, "__proto__" included, are kept since issue #20.)
 */
export function engineCanRoute(topology: Topology): boolean {
  return topology.bindings.every((b) => b.destinationType !== 'exchange');
}

/** Publishes each message (one burst per ms) and reads back where the engine's events say it went. */
export function routeOnEngine(topology: Topology, messages: EnginePublish[]): { queues: string[]; returned: boolean }[] {
  const sim = runScenario({
    version: 1,
    durationMs: Math.max(100, messages.length + 1),
    rabbitmq: {
      exchanges: topology.exchanges.map((x) => ({
        name: x.name,
        type: x.type,
        ...(x.alternateExchange !== undefined ? { alternateExchange: x.alternateExchange } : {}),
      })),
      queues: topology.queues.map((name) => ({ name })),
      // The generators use plain header values (3.10 and 3.13+ compare typed numbers differently).
      bindings: topology.bindings.map((b) => ({
        exchange: b.exchange,
        queue: b.queue,
        bindingKey: b.bindingKey,
        ...(b.arguments ? { arguments: b.arguments as Record<string, string | null> } : {}),
      })),
    },
    interventions: messages.map((m, i) => ({
      time: i + 1,
      // No headers at all (rather than an empty table) takes the engine's cached route, which must agree too.
      intervention: {
        type: 'rabbitmq.publishBurst',
        publisher: 'p',
        exchange: m.exchange,
        routingKeys: [m.routingKey],
        ...(Object.keys(m.headers).length > 0 ? { headers: [m.headers] } : {}),
        mandatory: m.mandatory,
        count: 1,
      },
    })),
  });
  sim.runUntil(sim.endTime);
  const out = messages.map(() => ({ queues: [] as string[], returned: false }));
  const index = (messageId: string) => Number(messageId.slice('p-'.length));
  for (const e of sim.events()) {
    if (e.type === 'routed') out[index(e.messageId)]!.queues.push(e.queue);
    if (e.type === 'unroutable' && e.outcome === 'returned') out[index(e.messageId)]!.returned = true;
  }
  for (const r of out) r.queues.sort();
  return out;
}

// ---------- dispatch ----------

/** One executed script step as the engine replays it: at `time`, with what broker and ClassicQueueOracle did. */
export interface DispatchStep {
  time: number;
  intervention: InterventionInput;
  /** ClassicQueueOracle's outcomes for this step, normalised by outcomeLines. */
  outcomes: string[];
  /** What each consumer had received after the step, on the broker (`id[*]#tag`). */
  received: Record<string, string[]>;
}

/** The state the broker was left in. */
export interface DispatchEnd {
  /** Per open consumer, its unacked deliveries `id#tag` in delivery order. */
  unacked: Record<string, string[]>;
  /** Ready messages head first, `id[*]`. */
  ready: string[];
  /** Publishes the broker refused (publisher nacks), sorted. */
  rejected: string[];
  /** The dead-letter queue's contents in order (when there is one). */
  deadLettered: string[] | null;
}

export interface DispatchQueue {
  maxLength?: number;
  maxLengthBytes?: number;
  overflow: 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
  deadLetter: boolean;
}

/** The message and queue names the engine uses (publisher "m" numbers messages m-0, m-1, …). */
export const ENGINE_QUEUE = 'q';
const ENGINE_DLX = 'dlx';
const ENGINE_DLQ = 'dlq';
const idOf = (messageId: string) => messageId.slice('m-'.length);

/** Interventions for the script steps, in the engine's words. */
export const engineStep = {
  publish: (count: number, bytes: number): InterventionInput => ({
    type: 'rabbitmq.publishBurst',
    publisher: 'm',
    routingKeys: [ENGINE_QUEUE],
    count,
    valueBytes: bytes,
  }),
  consume: (consumer: string, prefetchCount: number): InterventionInput => ({
    type: 'rabbitmq.addConsumer',
    consumer: { id: consumer, queue: ENGINE_QUEUE, prefetchCount, settleBy: 'interventions' },
  }),
  close: (consumer: string): InterventionInput => ({ type: 'rabbitmq.removeConsumer', consumer }),
  ack: (consumer: string, deliveryTag: number, multiple: boolean): InterventionInput => ({
    type: 'rabbitmq.ack',
    consumer,
    deliveryTag,
    multiple,
  }),
  nack: (consumer: string, deliveryTag: number, requeue: boolean, multiple: boolean): InterventionInput => ({
    type: 'rabbitmq.nack',
    consumer,
    deliveryTag,
    requeue,
    multiple,
  }),
};

/** ClassicQueueOracle outcomes as lines comparable with the engine's events (blocking is internal to both). */
export function outcomeLines(out: readonly QueueOutcome[]): string[] {
  const lines: string[] = [];
  for (const o of out) {
    if (o.type === 'enqueued') lines.push(`enqueued ${o.msgId}`);
    else if (o.type === 'publishRejected')
      lines.push(`rejectedPublish ${o.msgId}`, ...(o.deadLetter ? [`deadLettered ${o.msgId} maxlen`] : []));
    else if (o.type === 'delivered') lines.push(`delivered ${o.msgId}${o.redelivered ? '*' : ''} to ${o.consumerId} #${o.deliveryTag}`);
    else if (o.type === 'acked') lines.push(`acked ${o.msgId} by ${o.consumerId} #${o.deliveryTag}`);
    else if (o.type === 'requeued') lines.push(`requeued ${o.msgId} from ${o.consumerId} #${o.deliveryTag}`);
    else if (o.type === 'expired') lines.push(`expired ${o.msgId}`);
    else if (o.type === 'deadLettered' || o.type === 'dropped') lines.push(`${o.type} ${o.msgId} ${o.reason}`);
  }
  return lines;
}

/** The engine's events about the scripted queue, as outcomeLines writes them. */
function eventLine(e: SimEvent): string | null {
  switch (e.type) {
    case 'enqueued':
      return e.queue === ENGINE_QUEUE ? `enqueued ${idOf(e.messageId)}` : null;
    case 'rejectedPublish':
      return e.queue === ENGINE_QUEUE ? `rejectedPublish ${idOf(e.messageId)}` : null;
    case 'delivered':
      return e.queue === ENGINE_QUEUE
        ? `delivered ${idOf(e.messageId)}${e.redelivered ? '*' : ''} to ${e.consumer} #${e.deliveryTag}`
        : null;
    case 'acked':
      return e.queue === ENGINE_QUEUE ? `acked ${idOf(e.messageId)} by ${e.consumer} #${e.deliveryTag}` : null;
    case 'requeued':
      return e.queue === ENGINE_QUEUE ? `requeued ${idOf(e.messageId)} from ${e.consumer} #${e.deliveryTag}` : null;
    case 'expired':
      return e.queue === ENGINE_QUEUE ? `expired ${idOf(e.messageId)}` : null;
    case 'deadLettered':
      return e.fromQueue === ENGINE_QUEUE ? `deadLettered ${idOf(e.messageId)} ${e.reason}` : null;
    case 'dropped':
      return e.queue === ENGINE_QUEUE ? `dropped ${idOf(e.messageId)} ${e.reason}` : null;
    case 'note':
      return `note ${e.text}`; // an intervention the engine ignored: never expected here
    default:
      return null;
  }
}

export class EngineDifference extends Error {
  constructor(
    message: string,
    /** Index into the executed steps, or -1 for the end state. */
    readonly step: number,
  ) {
    super(message);
  }
}

export function dispatchScenario(queue: DispatchQueue, steps: readonly DispatchStep[]): ScenarioInput {
  const limited = queue.maxLength !== undefined || queue.maxLengthBytes !== undefined;
  return {
    version: 1,
    durationMs: Math.max(100, steps.length + 1),
    rabbitmq: {
      exchanges: queue.deadLetter ? [{ name: ENGINE_DLX, type: 'fanout' }] : [],
      queues: [
        {
          name: ENGINE_QUEUE,
          ...(queue.maxLength !== undefined ? { maxLength: queue.maxLength } : {}),
          ...(queue.maxLengthBytes !== undefined ? { maxLengthBytes: queue.maxLengthBytes } : {}),
          ...(limited ? { overflow: queue.overflow } : {}),
          ...(queue.deadLetter ? { deadLetterExchange: ENGINE_DLX } : {}),
        },
        ...(queue.deadLetter ? [{ name: ENGINE_DLQ }] : []),
      ],
      bindings: queue.deadLetter ? [{ exchange: ENGINE_DLX, queue: ENGINE_DLQ }] : [],
    },
    interventions: steps.map((s) => ({ time: s.time, intervention: s.intervention })),
  };
}

/**
 * Replays a dispatch script on the engine and compares, step by step, its events with ClassicQueueOracle's
 * outcomes and its consumers' deliveries with the broker's, then the end state with the broker's.
 * Returns how many engine events were compared.
 */
export function compareDispatchOnEngine(queue: DispatchQueue, steps: readonly DispatchStep[], end: DispatchEnd): number {
  const sim = runScenario(dispatchScenario(queue, steps));
  const received: Record<string, string[]> = {};
  let seen = 0;
  let compared = 0;
  steps.forEach((step, i) => {
    sim.runUntil(step.time);
    const events = sim.events().slice(seen);
    seen += events.length;
    const lines: string[] = [];
    for (const e of events) {
      const line = eventLine(e);
      if (line !== null) lines.push(line);
      if (e.type === 'delivered' && e.queue === ENGINE_QUEUE)
        (received[e.consumer] ??= []).push(`${idOf(e.messageId)}${e.redelivered ? '*' : ''}#${e.deliveryTag}`);
    }
    if (JSON.stringify(lines) !== JSON.stringify(step.outcomes)) {
      throw new EngineDifference(`engine events ${JSON.stringify(lines)}, ClassicQueueOracle outcomes ${JSON.stringify(step.outcomes)}`, i);
    }
    for (const [consumer, list] of Object.entries(step.received)) {
      const got = received[consumer] ?? [];
      if (JSON.stringify(got) !== JSON.stringify(list))
        throw new EngineDifference(
          `consumer ${consumer} received ${JSON.stringify(got)} on the engine, ${JSON.stringify(list)} on the broker`,
          i,
        );
    }
    compared += lines.length;
  });

  const view = sim.snapshot().rabbitmq!;
  const q = view.queues.find((x) => x.name === ENGINE_QUEUE)!;
  const unacked: Record<string, string[]> = {};
  for (const u of q.unacked) (unacked[u.consumer] ??= []).push(`${idOf(u.message.messageId)}#${u.deliveryTag}`);
  for (const [consumer, want] of Object.entries(end.unacked)) {
    const got = unacked[consumer] ?? [];
    if (JSON.stringify(got) !== JSON.stringify(want))
      throw new EngineDifference(
        `at the end: consumer ${consumer} holds ${JSON.stringify(got)} unacked on the engine, ${JSON.stringify(want)} on the broker`,
        -1,
      );
  }
  const open = new Set(Object.keys(end.unacked));
  const stray = q.unacked.filter((u) => !open.has(u.consumer));
  if (stray.length > 0)
    throw new EngineDifference(`at the end: the engine still counts ${stray.length} unacked deliveries for closed consumers`, -1);
  const ready = q.ready.map((m) => `${idOf(m.messageId)}${m.redelivered ? '*' : ''}`);
  if (JSON.stringify(ready) !== JSON.stringify(end.ready))
    throw new EngineDifference(
      `at the end: the engine's queue holds ${JSON.stringify(ready)}, the broker's ${JSON.stringify(end.ready)}`,
      -1,
    );
  const rejected = sim
    .events()
    .filter((e): e is Extract<SimEvent, { type: 'rejectedPublish' }> => e.type === 'rejectedPublish')
    .map((e) => idOf(e.messageId))
    .sort();
  if (JSON.stringify(rejected) !== JSON.stringify(end.rejected))
    throw new EngineDifference(
      `publishes refused by the engine ${JSON.stringify(rejected)}, by the broker ${JSON.stringify(end.rejected)}`,
      -1,
    );
  if (end.deadLettered) {
    const dlq = view.queues.find((x) => x.name === ENGINE_DLQ)!.ready.map((m) => idOf(m.messageId));
    if (JSON.stringify(dlq) !== JSON.stringify(end.deadLettered))
      throw new EngineDifference(`dead-lettered: engine ${JSON.stringify(dlq)}, broker ${JSON.stringify(end.deadLettered)}`, -1);
  }
  return compared;
}
