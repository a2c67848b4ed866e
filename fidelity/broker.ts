// Connection to the broker that scripts/fidelity.sh started.
import amqp from 'amqplib';
import { afterAll, beforeAll } from 'vitest';

export type Connection = Awaited<ReturnType<typeof amqp.connect>>;

export function brokerUrl(): string {
  const url = process.env.FIDELITY_AMQP_URL;
  if (!url) throw new Error('FIDELITY_AMQP_URL is not set: run the fidelity suite with `npm run test:fidelity`, which starts a broker');
  return url;
}

export async function connect(): Promise<Connection> {
  return amqp.connect(brokerUrl());
}

/** One broker connection for a test file: opened before its tests, closed after them. */
export function brokerConnection(): () => Connection {
  let conn: Connection | undefined;
  beforeAll(async () => {
    conn = await connect();
  });
  afterAll(async () => {
    await conn?.close();
  });
  return () => {
    if (!conn) throw new Error('the broker connection is not open yet (use it inside a test)');
    return conn;
  };
}

/** A per-run prefix so names never clash with leftovers or other runs. */
export const runId = `fid${process.pid.toString(36)}`;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lets the broker's clock run: waits until `ms` have passed since `since` (for TTL tests, where time itself is the condition). */
export const untilElapsed = (since: number, ms: number) => sleep(Math.max(0, since + ms - Date.now()));

/**
 * Waits until the broker has written to this channel everything a queue sent it before now: two
 * round trips in a row on the channel. The queue answers the first after its earlier deliveries
 * reached the channel process; the channel handles those before it reads the second request.
 */
export async function drained(ch: { checkQueue(q: string): Promise<unknown> }, q: string): Promise<void> {
  await ch.checkQueue(q);
  await ch.checkQueue(q);
}

/** Waits until check() is true or the time runs out; returns whether it became true. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await sleep(2);
  }
}
