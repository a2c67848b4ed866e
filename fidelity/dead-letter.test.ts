// Dead-letter cycles on a real RabbitMQ 3.10 against the engine (issue #20, item 3). RabbitMQ drops a
// dead-lettered copy for every queue it already died in with no rejection since (the x-death cycle
// check, rabbit_dead_letter.erl); a cycle through a rejection goes round as often as the consumer
// rejects. A `tap` queue bound to the dead-letter exchange (it never dies) receives the published
// message and every dead-lettered copy, each with its x-death header, so the broker's count of
// dead-letterings per queue can be read back and compared with the engine's events.
import type { Channel } from 'amqplib';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '@/simulator';
import { brokerConnection, drained, runId, sleep, waitFor } from './broker';
import { deadLetterRetryLoop } from '@/e2e/fixtures/hostile-scenarios';
import { runScenario } from './engine';

const conn = brokerConnection();
let n = 0;

interface XDeath {
  queue: string;
  reason: string;
  count: number;
}

/** Everything in `q`, each message's x-death entries (newest first). */
async function drainDeaths(ch: Channel, q: string): Promise<XDeath[][]> {
  const out: XDeath[][] = [];
  for (let got = await ch.get(q, { noAck: true }); got !== false; got = await ch.get(q, { noAck: true })) {
    const deaths = (got.properties.headers?.['x-death'] ?? []) as { queue: string; reason: string; count: number }[];
    out.push(deaths.map((d) => ({ queue: String(d.queue), reason: String(d.reason), count: Number(d.count) })));
  }
  return out;
}

/** Waits until `q` has held `count` messages for a while (the broker has finished dead-lettering). */
async function settles(ch: Channel, q: string, count: number): Promise<void> {
  expect(await waitFor(async () => (await ch.checkQueue(q)).messageCount >= count, 5000)).toBe(true);
  await sleep(300);
  await drained(ch, q);
}

/** Dead-letterings per source queue, from the engine's events. */
function engineDeadLetters(input: ScenarioInput): Record<string, number> {
  const sim = runScenario(input);
  sim.runUntil(sim.endTime);
  const out: Record<string, number> = {};
  for (const e of sim.events()) if (e.type === 'deadLettered') out[e.fromQueue] = (out[e.fromQueue] ?? 0) + 1;
  return out;
}

/** Per source queue, how many copies in the tap died there last (x-death's newest entry). */
function brokerDeadLetters(copies: XDeath[][], prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const deaths of copies) {
    const last = deaths[0];
    if (last) out[last.queue.slice(prefix.length)] = (out[last.queue.slice(prefix.length)] ?? 0) + 1;
  }
  return out;
}

describe('dead-letter cycles on a real broker', () => {
  it.each([1, 2, 3])(
    'a fanout to %i queues with TTL 0 dead-lettering back to it: the same dead-letterings as the engine',
    async (queues) => {
      const prefix = `${runId}.dlc${n++}.`;
      const names = Array.from({ length: queues }, (_, i) => `q${i}`);
      const input: ScenarioInput = {
        version: 1,
        durationMs: 100,
        rabbitmq: {
          exchanges: [{ name: 'f', type: 'fanout' }],
          queues: [...names.map((name) => ({ name, messageTtlMs: 0, deadLetterExchange: 'f' })), { name: 'tap' }],
          bindings: [...names, 'tap'].map((queue) => ({ exchange: 'f', queue })),
          publishers: [{ id: 'p', exchange: 'f', count: 1 }],
        },
      };
      const engine = engineDeadLetters(input);
      const ch = await conn().createChannel();
      const f = `${prefix}f`;
      try {
        await ch.assertExchange(f, 'fanout', { durable: false, autoDelete: false });
        for (const q of names) {
          await ch.assertQueue(prefix + q, { durable: false, arguments: { 'x-message-ttl': 0, 'x-dead-letter-exchange': f } });
          await ch.bindQueue(prefix + q, f, '');
        }
        await ch.assertQueue(`${prefix}tap`, { durable: false });
        await ch.bindQueue(`${prefix}tap`, f, '');
        ch.publish(f, '', Buffer.from('m'));
        const total = 1 + Object.values(engine).reduce((a, b) => a + b, 0);
        await settles(ch, `${prefix}tap`, total);
        const copies = await drainDeaths(ch, `${prefix}tap`);
        expect(copies).toHaveLength(total);
        expect(brokerDeadLetters(copies, prefix)).toEqual(engine);
        // No copy died twice in one queue: every x-death entry has count 1.
        expect(copies.flat().every((d) => d.count === 1 && d.reason === 'expired')).toBe(true);
        for (const q of names) expect((await ch.checkQueue(prefix + q)).messageCount).toBe(0);
      } finally {
        for (const q of [...names, 'tap']) await ch.deleteQueue(prefix + q).catch(() => undefined);
        await ch.deleteExchange(f).catch(() => undefined);
        await ch.close().catch(() => undefined);
      }
    },
  );

  it('a retry loop through a rejection is no cycle: the message comes back each time the consumer rejects it', async () => {
    const prefix = `${runId}.dlr${n++}.`;
    const rejections = 3;
    const input = deadLetterRetryLoop(0, rejections);
    const sim = runScenario(input);
    sim.runUntil(sim.endTime);
    const engineDeliveries = sim.events().filter((e) => e.type === 'delivered').length;

    const ch = await conn().createChannel();
    const work = `${prefix}work`;
    const retryX = `${prefix}retry-x`;
    try {
      await ch.assertExchange(retryX, 'fanout', { durable: false });
      await ch.assertQueue(work, { durable: false, arguments: { 'x-dead-letter-exchange': retryX } });
      await ch.assertQueue(`${prefix}retry`, {
        durable: false,
        arguments: { 'x-message-ttl': 0, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': work },
      });
      await ch.bindQueue(`${prefix}retry`, retryX, '');
      await ch.prefetch(1);
      const seen: XDeath[][] = [];
      let done!: () => void;
      const finished = new Promise<void>((resolve) => (done = resolve));
      await ch.consume(work, (m) => {
        if (!m) return;
        seen.push(
          ((m.properties.headers?.['x-death'] ?? []) as XDeath[]).map((d) => ({
            queue: String(d.queue),
            reason: String(d.reason),
            count: Number(d.count),
          })),
        );
        if (seen.length <= rejections) ch.nack(m, false, false);
        else {
          ch.ack(m);
          done();
        }
      });
      ch.sendToQueue(work, Buffer.from('m'));
      await Promise.race([finished, sleep(5000)]);
      expect(seen).toHaveLength(engineDeliveries);
      expect(seen.at(-1)).toEqual([
        { queue: `${prefix}retry`, reason: 'expired', count: rejections },
        { queue: work, reason: 'rejected', count: rejections },
      ]);
    } finally {
      await ch.deleteQueue(work).catch(() => undefined);
      await ch.deleteQueue(`${prefix}retry`).catch(() => undefined);
      await ch.deleteExchange(retryX).catch(() => undefined);
      await ch.close().catch(() => undefined);
    }
  });
});
