// The RabbitMQ code samples shown on `/` (lib/content/code-samples.ts), run unchanged against the real broker: the
// Python ones with Debian's pika, the TypeScript ones with tsx and amqplib. Poison messages included.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Channel, ConfirmChannel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_SAMPLES } from '@/lib/content/code-samples';
import { brokerConnection, brokerUrl, waitFor } from './broker';

const run = promisify(execFile);
const conn = brokerConnection();
const ROOT = path.resolve(__dirname, '..');
// Inside the repository, so the TypeScript samples resolve amqplib from its node_modules.
const DIR = path.join(ROOT, `.fidelity-samples-${process.pid}`);
const PYTHON = process.env.FIDELITY_PYTHON ?? '/usr/bin/python3';
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

const QUEUE = 'order-tasks';
const DLQ = 'order-tasks.dlq';
const STREAM = 'order-events';
/** Valid JSON that is no order, and no JSON at all: each must be dead-lettered without stopping the worker. */
const POISON = ['{"truncated": ', '[1, 2, 3]', '"just a string"', '{"total": 9.5}'];

function sample(id: string): string {
  const s = CODE_SAMPLES.find((x) => x.id === id);
  if (!s) throw new Error(`no sample ${id}`);
  return s.code;
}

/** Writes a sample to DIR under its page filename; returns its path. */
function write(id: string): string {
  const s = CODE_SAMPLES.find((x) => x.id === id)!;
  const file = path.join(DIR, s.filename);
  writeFileSync(file, sample(id));
  return file;
}

const env = () => ({ ...process.env, AMQP_URL: brokerUrl(), PYTHONUNBUFFERED: '1' });

/** A long-running sample (a worker), with everything it has printed so far. */
interface Running {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(cmd: string, args: string[]): Running {
  const proc = spawn(cmd, args, { cwd: DIR, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

/** Runs a sample to completion; returns its exit code and output. */
async function once(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd: DIR, env: env(), timeout: 60_000 });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

async function queueType(name: string): Promise<string | undefined> {
  const ctl = process.env.FIDELITY_RABBITMQCTL;
  if (!ctl) throw new Error('FIDELITY_RABBITMQCTL is not set: run the suite with `npm run test:fidelity`');
  const { stdout } = await run(ctl, ['-q', 'list_queues', 'name', 'type', '--no-table-headers']);
  return stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find(([n]) => n === name)?.[1];
}

async function removeTopology(ch: Channel): Promise<void> {
  for (const q of [QUEUE, DLQ, STREAM]) await ch.deleteQueue(q);
  for (const x of ['orders', 'orders.dlx']) await ch.deleteExchange(x);
}

/** Every message in a queue, in order, with the reason it was dead-lettered. */
async function drain(ch: Channel, q: string): Promise<{ body: string; reason: unknown }[]> {
  const out: { body: string; reason: unknown }[] = [];
  for (let m = await ch.get(q, { noAck: true }); m !== false; m = await ch.get(q, { noAck: true })) {
    const deaths = m.properties.headers?.['x-death'] as { reason?: unknown }[] | undefined;
    out.push({ body: m.content.toString(), reason: deaths?.[0]?.reason });
  }
  return out;
}

async function publishPoison(ch: ConfirmChannel): Promise<void> {
  for (const body of POISON) ch.publish('orders', 'order.created', Buffer.from(body), { persistent: true });
  await ch.waitForConfirms();
}

async function messageCount(ch: Channel, q: string): Promise<number> {
  return (await ch.checkQueue(q)).messageCount;
}

beforeAll(() => mkdirSync(DIR, { recursive: true }));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** The worker/publisher pair of one language, checked the same way. */
function workerSuite(language: 'python' | 'typescript') {
  const py = language === 'python';
  const runner = py ? PYTHON : TSX;
  const worker = () => [write(`rabbitmq-consumer-${language}`)];
  const publisher = () => [write(`rabbitmq-producer-${language}`)];
  let ch: ConfirmChannel;
  let w: Running | undefined;

  beforeAll(async () => {
    ch = await conn().createConfirmChannel();
    await removeTopology(ch);
  });
  afterAll(async () => {
    if (w && w.proc.exitCode === null) w.proc.kill('SIGKILL');
    await removeTopology(ch);
    await ch.close();
  });

  it('the publisher, run before any worker, reports its unroutable message instead of losing it (mandatory)', async () => {
    const r = await once(runner, publisher());
    expect(r.out).toMatch(/no queue is bound for routing key/);
    expect(r.out).not.toMatch(/published order/);
    if (!py) expect(r.code).toBe(1);
  });

  it('the worker declares a quorum queue with a dead-letter exchange, and the published order is packed', async () => {
    w = start(runner, worker());
    expect(await waitFor(() => w!.output().includes('waiting for orders'), 30_000), w.output()).toBe(true);
    expect(await queueType(QUEUE)).toBe('quorum');
    expect(await queueType(DLQ)).toBe('quorum');
    const r = await once(runner, publisher());
    expect(r, r.out).toMatchObject({ code: 0 });
    expect(r.out).toContain('published order 1001');
    expect(await waitFor(() => w!.output().includes('packing order 1001'), 10_000), w.output()).toBe(true);
  });

  it('poison messages (bad JSON, and valid JSON that is no order) are dead-lettered and the worker keeps running', async () => {
    await publishPoison(ch);
    expect(await waitFor(async () => (await messageCount(ch, DLQ)) === POISON.length, 10_000)).toBe(true);
    expect(count(w!.output(), 'dead-lettering malformed message')).toBe(POISON.length);
    expect(await messageCount(ch, QUEUE)).toBe(0);
    expect(w!.proc.exitCode).toBeNull();
    expect(await drain(ch, DLQ)).toEqual(POISON.map((body) => ({ body, reason: 'rejected' })));
    // Still serving: a good order after the poison ones is processed.
    ch.publish('orders', 'order.created', Buffer.from('{"order_id": "1002", "total": 1}'));
    expect(await waitFor(() => w!.output().includes('packing order 1002'), 10_000), w!.output()).toBe(true);
  });

  it('stops cleanly on Ctrl-C', async () => {
    w!.proc.kill('SIGINT');
    expect(await w!.exited).toBe(0);
  });
}

describe('RabbitMQ · Python samples (pika) against the real broker', () => {
  workerSuite('python');

  it('a message that fails processing every time is dead-lettered by the quorum queue’s delivery limit', async () => {
    const ch = await conn().createConfirmChannel();
    await removeTopology(ch);
    try {
      write('rabbitmq-consumer-python');
      // The worker as the page shows it, with process() failing: the way a bug in the handler would.
      const harness = [
        'import worker',
        'def failing(order):',
        '    raise RuntimeError("downstream service unavailable")',
        'worker.process = failing',
        'worker.main()',
      ].join('\n');
      const w = start(PYTHON, ['-c', harness]);
      expect(await waitFor(() => w.output().includes('waiting for orders'), 30_000), w.output()).toBe(true);
      ch.publish('orders', 'order.created', Buffer.from('{"order_id": "1003", "total": 3}'));
      await ch.waitForConfirms();
      expect(await waitFor(async () => (await messageCount(ch, DLQ)) === 1, 15_000), w.output()).toBe(true);
      const dead = await drain(ch, DLQ);
      expect(dead).toEqual([{ body: '{"order_id": "1003", "total": 3}', reason: 'delivery_limit' }]);
      // RabbitMQ 3.10: x-delivery-limit 5 allows the first delivery and 5 redeliveries before dead-lettering.
      expect(count(w.output(), 'processing failed, requeueing')).toBe(6);
      expect(await messageCount(ch, QUEUE)).toBe(0);
      w.proc.kill('SIGINT');
      expect(await w.exited).toBe(0);
    } finally {
      await removeTopology(ch);
      await ch.close();
    }
  });

  it('the stream replay snippet reads every kept message from the first offset, and again on a second run', async () => {
    const ch = await conn().createConfirmChannel();
    await removeTopology(ch);
    try {
      const replay = write('rabbitmq-replay-python');
      // First run declares and binds the stream; nothing is in it yet.
      const empty = await once(PYTHON, [replay]);
      expect(empty, empty.out).toMatchObject({ code: 0 });
      expect(empty.out).not.toMatch(/offset/);
      expect(await queueType(STREAM)).toBe('stream');
      const bodies = ['{"order_id": "2001"}', '{"order_id": "2002"}', '{"order_id": "2003"}'];
      for (const b of bodies) ch.publish('orders', 'order.created', Buffer.from(b), { mandatory: true });
      await ch.waitForConfirms();
      const expected = bodies.map((b, i) => `offset ${i}: ${b}`).join('\n');
      for (let pass = 0; pass < 2; pass++) {
        const r = await once(PYTHON, [replay]);
        expect(r, r.out).toMatchObject({ code: 0 });
        expect(r.out.trim()).toBe(expected);
      }
    } finally {
      await removeTopology(ch);
      await ch.close();
    }
  });
});

describe('RabbitMQ · TypeScript samples (amqplib) against the real broker', () => {
  workerSuite('typescript');

  it('Python publisher → TypeScript worker: the samples share one message format', async () => {
    const ch = await conn().createConfirmChannel();
    await removeTopology(ch);
    const w = start(TSX, [write('rabbitmq-consumer-typescript')]);
    try {
      expect(await waitFor(() => w.output().includes('waiting for orders'), 30_000), w.output()).toBe(true);
      const r = await once(PYTHON, [write('rabbitmq-producer-python')]);
      expect(r.out).toContain('published order 1001');
      expect(await waitFor(() => w.output().includes('packing order 1001'), 10_000), w.output()).toBe(true);
      w.proc.kill('SIGINT');
      expect(await w.exited).toBe(0);
    } finally {
      if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
      await removeTopology(ch);
      await ch.close();
    }
  });
});
