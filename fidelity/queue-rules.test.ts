// Fixed broker checks for the rules the random scripts leave out: TTL (it needs the clock) and
// headers-binding validation. Expectations come from ClassicQueueOracle / validateHeadersBinding, not tables.
import type { Channel, ConsumeMessage } from 'amqplib';
import { describe, expect, it } from 'vitest';
import { validateHeadersBinding, type HeaderArg } from '@/simulator/rabbitmq/headers';
import { ClassicQueueOracle, type ClassicQueueOptions, type QueueOutcome } from '@/tests/oracles/classic-queue-oracle';
import { brokerConnection, drained, runId, untilElapsed, waitFor } from './broker';

const conn = brokerConnection();
let n = 0;

const deadLetteredIds = (out: QueueOutcome[]) =>
  out.flatMap((o) => ((o.type === 'expired' && o.deadLetter) || o.type === 'deadLettered' ? [String(o.msgId)] : []));

/** A classic queue with a dead-letter exchange feeding `${q}.dlq`; removed afterwards. */
async function withQueue(options: ClassicQueueOptions, body: (ch: Channel, q: string, dlq: string) => Promise<void>) {
  const q = `${runId}.ttl${n++}`;
  const ch = await conn().createChannel();
  await ch.assertExchange(`${q}.dlx`, 'fanout', { durable: false });
  await ch.assertQueue(`${q}.dlq`, { durable: false });
  await ch.bindQueue(`${q}.dlq`, `${q}.dlx`, '');
  await ch.assertQueue(q, {
    durable: false,
    arguments: {
      'x-dead-letter-exchange': `${q}.dlx`,
      ...(options.messageTtl !== undefined ? { 'x-message-ttl': options.messageTtl } : {}),
    },
  });
  try {
    await body(ch, q, `${q}.dlq`);
  } finally {
    await ch.deleteQueue(q).catch(() => undefined);
    await ch.deleteQueue(`${q}.dlq`).catch(() => undefined);
    await ch.deleteExchange(`${q}.dlx`).catch(() => undefined);
    await ch.close().catch(() => undefined);
  }
}

async function drain(ch: Channel, q: string): Promise<string[]> {
  const ids: string[] = [];
  for (let got = await ch.get(q, { noAck: true }); got !== false; got = await ch.get(q, { noAck: true }))
    ids.push(String(got.properties.messageId));
  return ids;
}

describe('TTL on a real classic queue', () => {
  it('expires only at the head: a short TTL waits behind a long one', async () => {
    const model = new ClassicQueueOracle({ deadLetterExchange: 'dlx' });
    model.publish({ id: 'long', expiration: 1500 }, 0);
    model.publish({ id: 'short', expiration: 100 }, 0);
    model.expire(400);
    const readyAt400 = model.readyCount;
    const deadBy2000 = deadLetteredIds(model.expire(2000));
    await withQueue({}, async (ch, q, dlq) => {
      const started = Date.now();
      ch.sendToQueue(q, Buffer.alloc(0), { messageId: 'long', expiration: '1500' });
      ch.sendToQueue(q, Buffer.alloc(0), { messageId: 'short', expiration: '100' });
      await untilElapsed(started, 400);
      expect((await ch.checkQueue(q)).messageCount).toBe(readyAt400);
      await waitFor(async () => (await ch.checkQueue(dlq)).messageCount >= 2, 4000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
      expect(await drain(ch, dlq)).toEqual(deadBy2000);
    });
  });

  it('the lower of x-message-ttl and the message expiration wins', async () => {
    const model = new ClassicQueueOracle({ messageTtl: 300, deadLetterExchange: 'dlx' });
    model.publish({ id: 'a', expiration: 5000 }, 0);
    expect(model.nextExpiryAt()).toBe(300);
    await withQueue({ messageTtl: 300 }, async (ch, q, dlq) => {
      const started = Date.now();
      ch.sendToQueue(q, Buffer.alloc(0), { messageId: 'a', expiration: '5000' });
      expect(await waitFor(async () => (await ch.checkQueue(dlq)).messageCount === 1, 3000)).toBe(true);
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(250);
      expect(took).toBeLessThan(2500);
      expect(await drain(ch, dlq)).toEqual(deadLetteredIds(model.expire(300)));
    });
  });

  it('expiry survives a requeue: an expired message comes back and is dead-lettered, not redelivered', async () => {
    const model = new ClassicQueueOracle({ messageTtl: 300, deadLetterExchange: 'dlx' });
    model.publish({ id: 'a' }, 0);
    model.addConsumer('c', { prefetchCount: 1 }, 0);
    const afterNack = model.nack('c', 1, true, 700);
    await withQueue({ messageTtl: 300 }, async (ch, q, dlq) => {
      const cch = await conn().createChannel();
      const received: ConsumeMessage[] = [];
      await cch.prefetch(1);
      ch.sendToQueue(q, Buffer.alloc(0), { messageId: 'a' });
      await cch.consume(q, (m) => m && received.push(m), { noAck: false });
      await waitFor(() => received.length === 1);
      const deliveredAt = Date.now();
      await untilElapsed(deliveredAt, 700); // hold it past its TTL
      cch.nack(received[0]!, false, true);
      await cch.checkQueue(q);
      await waitFor(async () => (await ch.checkQueue(dlq)).messageCount === 1, 2000);
      await drained(cch, q);
      expect(received.length).toBe(1 + afterNack.filter((o) => o.type === 'delivered').length);
      expect(await drain(ch, dlq)).toEqual(deadLetteredIds(afterNack));
      await cch.close();
    });
  });

  it('TTL 0: delivered to a consumer with room, expired at once otherwise', async () => {
    const model = new ClassicQueueOracle({ messageTtl: 0, deadLetterExchange: 'dlx' });
    model.addConsumer('c', { prefetchCount: 1 }, 0);
    const out = [...model.publish({ id: 'first' }, 0), ...model.publish({ id: 'second' }, 0)];
    await withQueue({ messageTtl: 0 }, async (ch, q, dlq) => {
      const cch = await conn().createChannel();
      const received: string[] = [];
      await cch.prefetch(1);
      await cch.consume(q, (m) => m && received.push(String(m.properties.messageId)), { noAck: false });
      ch.sendToQueue(q, Buffer.alloc(0), { messageId: 'first' });
      ch.sendToQueue(q, Buffer.alloc(0), { messageId: 'second' });
      await waitFor(async () => (await ch.checkQueue(dlq)).messageCount === 1, 2000);
      await drained(cch, q);
      expect(received).toEqual(out.flatMap((o) => (o.type === 'delivered' ? [String(o.msgId)] : [])));
      expect(await drain(ch, dlq)).toEqual(deadLetteredIds(out));
      await cch.close();
    });
  });
});

describe('headers binding validation on a real broker', () => {
  it.each<HeaderArg>(['all', 'any', 'all-with-x', 'any-with-x', 'ALL', 'some', '', 1])(
    'x-match %j: the broker and validateHeadersBinding agree',
    async (xMatch) => {
      const x = `${runId}.hx${n++}`;
      const setup = await conn().createChannel();
      await setup.assertExchange(x, 'headers', { durable: false });
      const { queue } = await setup.assertQueue('', { exclusive: true });
      const ch = await conn().createChannel();
      ch.on('error', () => undefined); // a refused bind closes this channel with 406
      const brokerError = await ch.bindQueue(queue, x, '', { 'x-match': xMatch, a: 'b' }).then(
        () => null,
        (e: Error) => e.message,
      );
      const modelError = validateHeadersBinding({ 'x-match': xMatch, a: 'b' });
      expect(brokerError === null).toBe(modelError === null);
      if (brokerError) expect(brokerError).toMatch(/406|PRECONDITION_FAILED/);
      await ch.close().catch(() => undefined);
      await setup.deleteExchange(x);
      await setup.close();
    },
  );
});
