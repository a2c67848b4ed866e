// Runs one script of consumer and publisher steps on a real queue (classic or quorum) and on the
// engine, step by step, and reports both sides: who received which message (with its redelivered flag
// and x-delivery-count), what is left in the queue, and what was dead-lettered. The tests decide what
// must agree (fidelity/quorum.test.ts).
import type { Channel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { parseIntervention, type InterventionInput } from '@/simulator';
import { runId, waitFor, type Connection } from './broker';
import { runScenario } from './engine';

export type ScriptStep =
  | { kind: 'publish'; count: number }
  | { kind: 'consume'; consumer: string; prefetch: number; priority?: number }
  /** Settles the consumer's oldest unacked delivery (pick = index among its unacked, wrapping). */
  | { kind: 'ack' | 'reject' | 'nack'; consumer: string; pick: number; requeue?: boolean }
  | { kind: 'close'; consumer: string };

export interface ScriptQueue {
  type: 'classic' | 'quorum';
  deliveryLimit?: number;
  deadLetter: boolean;
  singleActiveConsumer?: boolean;
}

export interface ScriptSide {
  /** Per step: the deliveries it caused, `consumer:id[*][dN]` (* = redelivered, dN = x-delivery-count N). */
  steps: string[][];
  /** Ready messages once every consumer is closed, head first (`id[*]`). */
  ready: string[];
  /** The dead-letter queue's messages in order. */
  deadLettered: string[];
}

const delivery = (consumer: string, id: string, redelivered: boolean, count: number | undefined) =>
  `${consumer}:${id}${redelivered ? '*' : ''}${count ? `d${count}` : ''}`;

let scriptNo = 0;

/** A broker call that does not answer within ms fails with what it was waiting for (a hang becomes a message). */
async function within<T>(label: string, p: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the broker within ${ms} ms: ${label}`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The engine's side of a script: interventions at 1 ms apart, events read after each. */
export function runScriptOnEngine(queue: ScriptQueue, script: readonly ScriptStep[]): ScriptSide {
  const sim = runScenario({
    version: 1,
    durationMs: Math.max(100, script.length + 10),
    rabbitmq: {
      exchanges: queue.deadLetter ? [{ name: 'dlx', type: 'fanout' }] : [],
      queues: [
        {
          name: 'q',
          type: queue.type,
          ...(queue.deliveryLimit !== undefined ? { deliveryLimit: queue.deliveryLimit } : {}),
          ...(queue.deadLetter ? { deadLetterExchange: 'dlx' } : {}),
          ...(queue.singleActiveConsumer ? { singleActiveConsumer: true } : {}),
        },
        { name: 'dlq' },
      ],
      bindings: queue.deadLetter ? [{ exchange: 'dlx', queue: 'dlq' }] : [],
    },
  });
  const intervene = (input: InterventionInput) => {
    const parsed = parseIntervention(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    sim.intervene(parsed.intervention);
  };
  const steps: string[][] = [];
  const open = new Set<string>();
  let seen = sim.events().length;
  script.forEach((step, i) => {
    sim.runUntil(i + 1);
    if (step.kind === 'publish')
      intervene({ type: 'rabbitmq.publishBurst', publisher: 'm', routingKeys: ['q'], count: step.count, valueBytes: 1 });
    else if (step.kind === 'consume') {
      intervene({
        type: 'rabbitmq.addConsumer',
        consumer: {
          id: step.consumer,
          queue: 'q',
          prefetchCount: step.prefetch,
          settleBy: 'interventions',
          ...(step.priority ? { priority: step.priority } : {}),
        },
      });
      open.add(step.consumer);
    } else if (step.kind === 'close') {
      intervene({ type: 'rabbitmq.removeConsumer', consumer: step.consumer });
      open.delete(step.consumer);
    } else {
      const tags = sim.snapshot().rabbitmq!.consumers.find((c) => c.id === step.consumer)?.unacked ?? [];
      if (tags.length > 0) {
        const deliveryTag = tags[step.pick % tags.length]!;
        if (step.kind === 'ack') intervene({ type: 'rabbitmq.ack', consumer: step.consumer, deliveryTag });
        else intervene({ type: `rabbitmq.${step.kind}`, consumer: step.consumer, deliveryTag, requeue: step.requeue ?? true });
      }
    }
    const events = sim.events().slice(seen);
    seen += events.length;
    steps.push(
      events.flatMap((e) =>
        e.type === 'delivered' && e.queue === 'q' ? [delivery(e.consumer, e.messageId, e.redelivered, e.deliveryCount)] : [],
      ),
    );
  });
  sim.runUntil(script.length + 1);
  for (const c of open) intervene({ type: 'rabbitmq.removeConsumer', consumer: c });
  const view = sim.snapshot().rabbitmq!;
  return {
    steps,
    ready: view.queues[0]!.ready.map((m) => `${m.messageId}${m.redelivered ? '*' : ''}`),
    deadLettered: view.queues[1]!.ready.map((m) => m.messageId),
  };
}

interface BrokerConsumer {
  ch: Channel;
  received: string[];
  unacked: ConsumeMessage[];
}

/** The real broker's side: one channel per consumer (prefetch per consumer, as quorum queues require). */
export async function runScriptOnBroker(
  conn: Connection,
  queue: ScriptQueue,
  script: readonly ScriptStep[],
  expected: ScriptSide,
): Promise<ScriptSide> {
  const q = `${runId}.script${scriptNo++}`;
  const pub: ConfirmChannel = await conn.createConfirmChannel();
  // A channel error (e.g. a refused operation) fails the script instead of tearing down the connection.
  const channelErrors: string[] = [];
  pub.on('error', (err: Error) => channelErrors.push(`publisher channel: ${err.message}`));
  const dlx = `${q}.dlx`;
  const dlq = `${q}.dlq`;
  if (queue.deadLetter) {
    await pub.assertExchange(dlx, 'fanout', { durable: false, autoDelete: false });
    await pub.assertQueue(dlq, { durable: false });
    await pub.bindQueue(dlq, dlx, '');
  }
  await pub.assertQueue(q, {
    durable: queue.type === 'quorum',
    arguments: {
      ...(queue.type === 'quorum' ? { 'x-queue-type': 'quorum' } : {}),
      // 4.x turns the limit off with -1; 3.10 has no such value (-1 drops every returned message) and no
      // default limit, so "off" is the argument left out.
      ...(queue.deliveryLimit !== undefined && queue.deliveryLimit >= 0 ? { 'x-delivery-limit': queue.deliveryLimit } : {}),
      ...(queue.deadLetter ? { 'x-dead-letter-exchange': dlx } : {}),
      ...(queue.singleActiveConsumer ? { 'x-single-active-consumer': true } : {}),
    },
  });
  const consumers = new Map<string, BrokerConsumer>();
  const all: string[] = [];
  let nextMsg = 0;
  const steps: string[][] = [];
  try {
    for (const [i, step] of script.entries()) {
      const before = all.length;
      if (step.kind === 'publish') {
        for (let k = 0; k < step.count; k++) pub.sendToQueue(q, Buffer.alloc(1), { messageId: `m-${nextMsg++}` });
        await within('publisher confirms', pub.waitForConfirms());
      } else if (step.kind === 'consume') {
        const ch = await within('open a channel', conn.createChannel());
        ch.on('error', (err: Error) => channelErrors.push(`${step.consumer}'s channel: ${err.message}`));
        const b: BrokerConsumer = { ch, received: [], unacked: [] };
        consumers.set(step.consumer, b);
        await within('basic.qos', ch.prefetch(step.prefetch, false));
        await within(
          'basic.consume',
          ch.consume(
            q,
            (msg) => {
              if (!msg) return;
              const count = msg.properties.headers?.['x-delivery-count'] as number | undefined;
              const line = delivery(step.consumer, String(msg.properties.messageId), msg.fields.redelivered, count);
              b.received.push(line);
              all.push(line);
              b.unacked.push(msg);
            },
            { noAck: false, ...(step.priority ? { arguments: { 'x-priority': step.priority } } : {}) },
          ),
        );
      } else if (step.kind === 'close') {
        await within(`close ${step.consumer}`, consumers.get(step.consumer)?.ch.close() ?? Promise.resolve());
        consumers.delete(step.consumer);
      } else {
        const b = consumers.get(step.consumer);
        if (b && b.unacked.length > 0) {
          const [msg] = b.unacked.splice(step.pick % b.unacked.length, 1);
          if (step.kind === 'ack') b.ch.ack(msg!);
          else if (step.kind === 'reject') b.ch.reject(msg!, step.requeue ?? true);
          else b.ch.nack(msg!, false, step.requeue ?? true);
        }
      }
      // The broker acts on its own time: wait for as many deliveries as the engine made (or a moment more).
      const want = before + (expected.steps[i]?.length ?? 0);
      await waitFor(() => all.length >= want, 1500);
      for (const [id, b] of consumers) await within(`queue.declare passive on ${id}'s channel`, b.ch.checkQueue(q));
      steps.push(all.slice(before));
    }
    for (const [id, b] of consumers) await within(`close ${id} at the end`, b.ch.close());
    consumers.clear();
    const ready: string[] = [];
    const deadLettered: string[] = [];
    await waitFor(async () => (await within('queue.declare passive', pub.checkQueue(q))).messageCount >= expected.ready.length, 1500);
    if (queue.singleActiveConsumer && queue.type === 'quorum') {
      // 3.10 refuses basic.get on a quorum queue with single active consumer (405 RESOURCE_LOCKED): drain with a consumer.
      const count = (await within('queue.declare passive', pub.checkQueue(q))).messageCount;
      const drain = await within('open a channel', conn.createChannel());
      await within(
        'basic.consume (drain)',
        drain.consume(q, (m) => m && ready.push(`${String(m.properties.messageId)}${m.fields.redelivered ? '*' : ''}`), { noAck: true }),
      );
      await waitFor(() => ready.length >= count, 3000);
      await within('close the drain', drain.close());
    } else
      for (let m = await within('basic.get', pub.get(q, { noAck: true })); m; m = await within('basic.get', pub.get(q, { noAck: true })))
        ready.push(`${String(m.properties.messageId)}${m.fields.redelivered ? '*' : ''}`);
    if (queue.deadLetter) {
      await waitFor(
        async () => (await within('queue.declare passive (dlq)', pub.checkQueue(dlq))).messageCount >= expected.deadLettered.length,
        1500,
      );
      for (
        let m = await within('basic.get (dlq)', pub.get(dlq, { noAck: true }));
        m;
        m = await within('basic.get (dlq)', pub.get(dlq, { noAck: true }))
      )
        deadLettered.push(String(m.properties.messageId));
    }
    if (channelErrors.length > 0) throw new Error(channelErrors.join('; '));
    return { steps, ready, deadLettered };
  } finally {
    const quietly = (p: Promise<unknown>) => within('clean up', p, 5000).catch(() => undefined);
    for (const b of consumers.values()) await quietly(b.ch.close());
    await quietly(pub.deleteQueue(q));
    if (queue.deadLetter) {
      await quietly(pub.deleteQueue(dlq));
      await quietly(pub.deleteExchange(dlx));
    }
    await quietly(pub.close());
  }
}
