// Changing the prefetch of a running consumer: the engine's rabbitmq.setPrefetch against basic.qos on
// a real broker. Each engine consumer has its own channel, and RabbitMQ applies a new limit to a
// running consumer only when it is the channel's limit (basic.qos global=true); a per-consumer limit
// (global=false) only affects consumers started afterwards. So here every broker consumer takes its
// prefetch as a channel limit, and the expectations are what the engine does, step by step.
import type { Channel, ConsumeMessage } from 'amqplib';
import { describe, expect, it } from 'vitest';
import { parseIntervention, type InterventionInput } from '@/simulator';
import { brokerConnection, drained, runId, waitFor } from './broker';
import { ENGINE_QUEUE, engineStep, runScenario } from './engine';

type Step =
  | { kind: 'consume'; consumer: string; prefetch: number }
  | { kind: 'publish'; count: number }
  | { kind: 'setPrefetch'; consumer: string; prefetch: number }
  /** Acks the consumer's oldest unacked delivery. */
  | { kind: 'ack'; consumer: string };

const conn = brokerConnection();
let n = 0;

async function compare(steps: Step[]): Promise<void> {
  const q = `${runId}.prefetch${n++}`;
  const pub = await conn().createConfirmChannel();
  await pub.assertQueue(q, { durable: false });
  const sim = runScenario({ version: 1, durationMs: 100, rabbitmq: { queues: [{ name: ENGINE_QUEUE }] } });
  const channels = new Map<string, Channel>();
  const broker = new Map<string, { received: string[]; unacked: ConsumeMessage[] }>();
  const engine = new Map<string, { received: string[]; unacked: number[] }>();
  let nextMsg = 0;
  let seen = 0;
  const intervene = (input: InterventionInput) => {
    const parsed = parseIntervention(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    sim.intervene(parsed.intervention);
  };
  try {
    for (const [i, step] of steps.entries()) {
      sim.runUntil(i + 1);
      if (step.kind === 'consume') {
        const ch = await conn().createChannel();
        channels.set(step.consumer, ch);
        const b = { received: [] as string[], unacked: [] as ConsumeMessage[] };
        broker.set(step.consumer, b);
        engine.set(step.consumer, { received: [], unacked: [] });
        await ch.prefetch(step.prefetch, true);
        await ch.consume(q, (msg) => {
          if (!msg) return;
          b.received.push(`${String(msg.properties.messageId)}#${msg.fields.deliveryTag}`);
          b.unacked.push(msg);
        });
        intervene(engineStep.consume(step.consumer, step.prefetch));
      } else if (step.kind === 'publish') {
        for (let k = 0; k < step.count; k++) pub.sendToQueue(q, Buffer.alloc(1), { messageId: String(nextMsg++) });
        await pub.waitForConfirms();
        intervene(engineStep.publish(step.count, 1));
      } else if (step.kind === 'setPrefetch') {
        await channels.get(step.consumer)!.prefetch(step.prefetch, true);
        intervene({ type: 'rabbitmq.setPrefetch', consumer: step.consumer, prefetchCount: step.prefetch });
      } else {
        const b = broker.get(step.consumer)!;
        const msg = b.unacked.shift()!;
        channels.get(step.consumer)!.ack(msg);
        // The ack reaches the queue before the reply to a later call on the same channel.
        await channels.get(step.consumer)!.checkQueue(q);
        intervene(engineStep.ack(step.consumer, engine.get(step.consumer)!.unacked.shift()!, false));
      }
      for (const e of sim.events().slice(seen)) {
        if (e.type !== 'delivered') continue;
        const c = engine.get(e.consumer)!;
        c.received.push(`${e.messageId.slice('m-'.length)}#${e.deliveryTag}`);
        c.unacked.push(e.deliveryTag);
      }
      seen = sim.events().length;
      // Deliveries after a limit change travel via the channel's limiter: wait for what the engine
      // predicts, then until every channel has passed on what the queue sent it, so an extra broker
      // delivery would show.
      await waitFor(() => [...engine].every(([id, c]) => broker.get(id)!.received.length >= c.received.length), 3000);
      for (const ch of channels.values()) await drained(ch, q);
      const where = `after step ${i} ${JSON.stringify(step)}`;
      for (const [id, c] of engine) expect(broker.get(id)!.received, `${where}: consumer ${id}`).toEqual(c.received);
    }
    const ready: string[] = [];
    for (let got = await pub.get(q, { noAck: true }); got !== false; got = await pub.get(q, { noAck: true }))
      ready.push(String(got.properties.messageId));
    const engineReady = sim.snapshot().rabbitmq!.queues[0]!.ready.map((m) => m.messageId.slice('m-'.length));
    expect(ready).toEqual(engineReady);
  } finally {
    for (const ch of channels.values()) await ch.close().catch(() => undefined);
    await pub.deleteQueue(q).catch(() => undefined);
    await pub.close().catch(() => undefined);
  }
}

describe('rabbitmq.setPrefetch against basic.qos (global) on a real broker', () => {
  it('raising the limit delivers more at once; lowering it holds new deliveries until the unacked drop below it', async () => {
    await compare([
      { kind: 'consume', consumer: 'c0', prefetch: 1 },
      { kind: 'publish', count: 8 },
      { kind: 'setPrefetch', consumer: 'c0', prefetch: 3 },
      { kind: 'ack', consumer: 'c0' },
      { kind: 'setPrefetch', consumer: 'c0', prefetch: 1 },
      { kind: 'ack', consumer: 'c0' },
      { kind: 'ack', consumer: 'c0' },
      { kind: 'ack', consumer: 'c0' },
    ]);
  });

  it('with two consumers: the one whose limit is raised takes more; 0 lifts the limit', async () => {
    await compare([
      { kind: 'consume', consumer: 'c0', prefetch: 1 },
      { kind: 'consume', consumer: 'c1', prefetch: 1 },
      { kind: 'publish', count: 9 },
      { kind: 'setPrefetch', consumer: 'c1', prefetch: 3 },
      { kind: 'ack', consumer: 'c0' },
      { kind: 'setPrefetch', consumer: 'c0', prefetch: 0 },
      { kind: 'publish', count: 2 },
    ]);
  });

  it('a lowered limit sends new messages to the other consumer', async () => {
    await compare([
      { kind: 'consume', consumer: 'c0', prefetch: 2 },
      { kind: 'consume', consumer: 'c1', prefetch: 2 },
      { kind: 'publish', count: 3 },
      { kind: 'setPrefetch', consumer: 'c0', prefetch: 1 },
      { kind: 'publish', count: 2 },
      { kind: 'ack', consumer: 'c1' },
      { kind: 'ack', consumer: 'c0' },
      { kind: 'ack', consumer: 'c0' },
      { kind: 'publish', count: 2 },
    ]);
  });
});
