// A three-node RabbitMQ 3.10 cluster on loopback (fidelity/rabbit-cluster.sh: three node names and
// ports, join_cluster), a node killed with kill -9 while publishing, and the engine's cluster model
// (simulator/rabbitmq/cluster.ts, quorum-queue.ts) on the same story. What is compared is what is
// deterministic: which confirmed messages can still be consumed, which ones come back redelivered,
// whether a classic queue is reachable while its node is down, and what it holds after the restart.
// Timing (when the election happens, how many publishes land before the kill) is the broker's own.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimEvent } from '@/simulator';
import { runId, sleep, waitFor, type Connection } from './broker';
import { runScenario } from './engine';

const run = promisify(execFile);
const script = join(__dirname, 'rabbit-cluster.sh');
const dir = mkdtempSync(join(process.env.FIDELITY_KAFKA_WORK ?? tmpdir(), 'rabbit-cluster-'));
let urls: string[] = [];
const conns: Connection[] = [];
const cases = { quorum: 0, classic: 0, mismatches: 0 };

async function connect(node: number): Promise<Connection> {
  const c = await amqp.connect(urls[node - 1]!);
  c.on('error', () => undefined); // the node may be killed under it
  conns.push(c);
  return c;
}

const cluster = (cmd: 'start' | 'kill' | 'restart' | 'stop', node?: number) =>
  run('bash', [script, cmd, dir, ...(node ? [String(node)] : [])], { timeout: 240_000 });

beforeAll(async () => {
  const { stdout } = await cluster('start');
  urls = stdout.trim().split('\n');
  expect(urls).toHaveLength(3);
}, 300_000);

afterAll(async () => {
  for (const c of conns) await c.close().catch(() => undefined);
  await cluster('stop').catch(() => undefined);
  console.log(
    `RabbitMQ 3.10 cluster: ${cases.quorum} confirmed messages checked through a quorum leader's kill -9, ${cases.classic} through a classic queue's node kill -9 and restart, compared with the engine: ${cases.mismatches} mismatches`,
  );
}, 120_000);

/** Publishes ids one at a time on a confirm channel (sending the next while earlier confirms are pending); settles each id as acked or nacked. */
function publisher(ch: amqp.ConfirmChannel, queue: string) {
  const acked: string[] = [];
  const nacked: string[] = [];
  const pending = new Set<string>();
  const send = (id: string, persistent: boolean) => {
    pending.add(id);
    ch.sendToQueue(queue, Buffer.from(id), { messageId: id, persistent }, (err) => {
      pending.delete(id);
      (err ? nacked : acked).push(id);
    });
  };
  return { acked, nacked, pending, send };
}

async function drain(ch: amqp.Channel, queue: string): Promise<{ id: string; redelivered: boolean }[]> {
  const out: { id: string; redelivered: boolean }[] = [];
  for (let m = await ch.get(queue, { noAck: true }); m; m = await ch.get(queue, { noAck: true }))
    out.push({ id: String(m.properties.messageId), redelivered: m.fields.redelivered });
  return out;
}

const ofType = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T) =>
  events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

describe('three-node RabbitMQ 3.10 cluster, kill -9', () => {
  it('quorum queue, publisher confirms: every confirmed message is consumable after the leader node dies; the dead node’s consumer’s unacked ones come back redelivered', async () => {
    const q = `${runId}.qq`;
    const TOTAL = 300;
    // Declared through node 1: client-local leader placement puts the leader there.
    const c1 = await connect(1);
    const ch1 = await c1.createChannel();
    ch1.on('error', () => undefined);
    await ch1.assertQueue(q, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    // A consumer on node 1 that never acks (prefetch 10).
    const held: string[] = [];
    await ch1.prefetch(10, false);
    await ch1.consume(q, (m) => m && held.push(String(m.properties.messageId)), { noAck: false });
    // The publisher on node 2.
    const c2 = await connect(2);
    const pch = await c2.createConfirmChannel();
    const pub = publisher(pch, q);
    let killed = -1;
    for (let i = 0; i < TOTAL; i++) {
      pub.send(`p-${i}`, true);
      if (killed < 0 && pub.acked.length >= 80 && held.length === 10) {
        await cluster('kill', 1);
        killed = i;
      }
      await sleep(i % 10 === 0 ? 5 : 0);
    }
    expect(killed).toBeGreaterThan(0);
    expect(await waitFor(() => pub.pending.size === 0, 60_000)).toBe(true);
    // Everything that can still be read, through node 3.
    const c3 = await connect(3);
    const ch3 = await c3.createChannel();
    await waitFor(async () => (await ch3.checkQueue(q)).messageCount >= pub.acked.length, 20_000);
    const left = await drain(ch3, q);
    const found = new Set(left.map((m) => m.id));
    const confirmedLost = pub.acked.filter((id) => !found.has(id));
    const heldBack = left.filter((m) => held.includes(m.id));
    cases.quorum += pub.acked.length;

    // The engine on the same story: node 1 leads, the publisher is on node 2, the consumer on node 1
    // holds 10 unacked; node 1 is killed after as many publishes as the broker's was (500 messages/s, the schema's most).
    const sim = runScenario({
      version: 1,
      durationMs: 120_000,
      rabbitmq: {
        nodes: 3,
        queues: [{ name: 'qq', type: 'quorum', homeNode: 1 }],
        publishers: [{ id: 'p', routingKeys: ['qq'], ratePerSec: 500, count: TOTAL, confirms: true, persistent: true, node: 2 }],
        consumers: [{ id: 'c1', queue: 'qq', node: 1, prefetchCount: 10, settleBy: 'interventions' }],
      },
      interventions: [{ time: killed * 2 + 1, intervention: { type: 'rabbitmq.killNode', node: 1 } }],
    });
    sim.runUntil(120_000);
    const events = sim.events();
    const engineHeld = ofType(events, 'delivered')
      .filter((e) => e.consumer === 'c1')
      .map((e) => e.messageId);
    const engineLedger = sim.snapshot().rabbitmq!.ledger!.find((l) => l.publisher === 'p')!;
    const engineReady = sim.snapshot({ maxMessagesPerQueue: 10_000 }).rabbitmq!.queues[0]!.ready;
    const engineRedelivered = engineReady.filter((m) => engineHeld.includes(m.messageId));

    const mismatches = [
      confirmedLost.length !== engineLedger.confirmedLost &&
        `confirmed but lost: broker ${confirmedLost.length}, engine ${engineLedger.confirmedLost}`,
      heldBack.length !== engineRedelivered.length && `held messages back: broker ${heldBack.length}, engine ${engineRedelivered.length}`,
      heldBack.some((m) => !m.redelivered) !== engineRedelivered.some((m) => !m.redelivered) && 'redelivered flags differ',
      ofType(events, 'leaderElected').length !== 1 && 'the engine did not elect one new leader',
    ].filter(Boolean);
    cases.mismatches += mismatches.length;
    expect(mismatches).toEqual([]);
    expect(confirmedLost).toEqual([]);
    expect(heldBack.map((m) => m.redelivered)).toEqual(Array(10).fill(true));
    expect(new Set(heldBack.map((m) => m.id))).toEqual(new Set(held));
    console.log(
      `quorum leader kill -9: ${pub.acked.length} of ${TOTAL} confirmed (${pub.nacked.length} nacked), all consumable after failover (${left.length} left, ${heldBack.length} redelivered); engine: ${engineLedger.confirmed} confirmed, ${engineLedger.confirmedLost} confirmed but lost`,
    );
  }, 240_000);

  it('classic queue: unavailable while its node is down, back after the restart with its persistent messages only', async () => {
    const q = `${runId}.cq`;
    // Declared through node 3: its home node is node 3. The publisher is on node 2 (node 1 is dead).
    const c3 = await connect(3);
    const ch3 = await c3.createChannel();
    ch3.on('error', () => undefined);
    await ch3.assertQueue(q, { durable: true });
    const c2 = await connect(2);
    const pch = await c2.createConfirmChannel();
    pch.on('error', () => undefined);
    const pub = publisher(pch, q);
    const persistent: string[] = [];
    for (let i = 0; i < 20; i++) {
      const id = `m-${i}`;
      if (i % 2 === 0) persistent.push(id);
      pub.send(id, i % 2 === 0);
    }
    await pch.waitForConfirms();
    expect(pub.acked).toHaveLength(20);

    await cluster('kill', 3);
    // Unavailable: declaring or checking the queue through another node fails with 404 (home node down).
    let unavailable = '';
    await waitFor(async () => {
      const ch = await c2.createChannel();
      ch.on('error', () => undefined);
      try {
        await ch.checkQueue(q);
        await ch.close();
        return false;
      } catch (err) {
        unavailable = String((err as Error).message);
        return true;
      }
    }, 20_000);
    expect(unavailable).toMatch(/NOT_FOUND.*home node .* is down or inaccessible/);
    // A publish while it is down (recorded: the research inferred a nack from the source).
    const during = publisher(await c2.createConfirmChannel(), q);
    during.send('during', true);
    await waitFor(() => during.pending.size === 0, 10_000);

    await cluster('restart', 3);
    const c3b = await connect(3);
    const chb = await c3b.createChannel();
    const left = await drain(chb, q);
    cases.classic += pub.acked.length;

    const sim = runScenario({
      version: 1,
      durationMs: 60_000,
      rabbitmq: {
        nodes: 3,
        queues: [{ name: 'cq', homeNode: 3, durable: true }],
        publishers: [
          { id: 'durable', routingKeys: ['cq'], ratePerSec: 100, count: 10, persistent: true, confirms: true, node: 2 },
          { id: 'transient', routingKeys: ['cq'], ratePerSec: 100, count: 10, confirms: true, node: 2, startMs: 5 },
          { id: 'during', routingKeys: ['cq'], ratePerSec: 1, count: 1, confirms: true, persistent: true, node: 2, startMs: 2000 },
        ],
      },
      interventions: [
        { time: 1000, intervention: { type: 'rabbitmq.killNode', node: 3 } },
        { time: 5000, intervention: { type: 'rabbitmq.startNode', node: 3 } },
      ],
    });
    sim.runUntil(10_000);
    const events = sim.events();
    const ready = sim.snapshot().rabbitmq!.queues[0]!.ready;
    const engineLedger = (id: string) => sim.snapshot().rabbitmq!.ledger!.find((l) => l.publisher === id)!;
    const mismatches = [
      ready.length !== left.length && `messages back: broker ${left.length}, engine ${ready.length}`,
      left.length !== persistent.length && 'the broker kept other than the persistent ones',
      engineLedger('transient').confirmedLost !== 10 && `engine transient confirmed-but-lost ${engineLedger('transient').confirmedLost}`,
      !ofType(events, 'queueUnavailable').some((e) => e.queue === 'cq') && 'the engine never made the queue unavailable',
    ].filter(Boolean);
    cases.mismatches += mismatches.length;
    console.log(
      `classic node kill -9: ${left.length} of 20 confirmed back after restart (persistent ${persistent.length}); a publish while down was ${during.acked.length ? 'acked' : during.nacked.length ? 'nacked' : 'unanswered'}; ${mismatches.length} mismatches ${mismatches.join('; ')}`,
    );
    expect(left.map((m) => m.id)).toEqual(persistent);
    expect(mismatches).toEqual([]);
    // A documented difference: a publish to a durable classic queue whose home node is already down is
    // acked by 3.10 and the message is gone (it is not there after the restart: confirmed but lost); the
    // engine nacks it, the 4.x reading of rabbit_classic_queue (not verified on a 4.x broker).
    expect(during.acked).toEqual(['during']);
    expect(left.map((m) => m.id)).not.toContain('during');
    expect(engineLedger('during').failed).toBe(1);
  }, 240_000);
});
