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

/** Waits until check() is true or the time runs out; returns whether it became true. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await sleep(2);
  }
}

/** FIDELITY_SEED=<n> replays the fast-check run that printed that seed. */
export function seed(): { seed?: number } {
  return process.env.FIDELITY_SEED ? { seed: Number(process.env.FIDELITY_SEED) } : {};
}
