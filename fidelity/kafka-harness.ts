// The Kafka oracle from TypeScript: the Java harness (fidelity/kafka/Harness.java, on the real
// kafka-clients 4.4.0) as a child process, one JSON step per line in and one answer per line out.
// scripts/fidelity.sh builds it and starts the broker (or KAFKA_BOOTSTRAP names one).
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { sleep } from './broker';
import { canonical } from './kafka-engine';

export const KAFKA_DIR = fileURLToPath(new URL('./kafka/', import.meta.url));
const KAFKA_SH = join(KAFKA_DIR, 'kafka.sh');

export function kafkaBootstrap(): string {
  const b = process.env.KAFKA_BOOTSTRAP;
  if (!b) throw new Error('KAFKA_BOOTSTRAP is not set: run the fidelity suite with `npm run test:fidelity`, which starts a Kafka broker');
  return b;
}

/** A per-run prefix for topic and group names, so a reused broker (KAFKA_BOOTSTRAP) never sees a clash. */
export const kafkaRunId = `fid${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;

export type Answer = { ok: true; [k: string]: unknown } | { ok: false; error: string };

export interface ConsumerState {
  records: KafkaRecord[];
  assignment: string[];
  events: { type: 'assigned' | 'revoked' | 'lost'; partitions: string[] }[];
}

export interface KafkaRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
  deliveryCount?: number;
}

export class HarnessError extends Error {}

/** One harness process (one "client application"): producers, consumers, share consumers and an admin client. */
export class Harness {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly pending: { resolve: (a: Answer) => void; reject: (e: Error) => void }[] = [];
  private readonly stderr: string[] = [];
  readonly exited: Promise<number | null>;

  constructor(bootstrap = kafkaBootstrap()) {
    const cp = `${join(KAFKA_DIR, 'lib')}/*:${join(KAFKA_DIR, 'target', 'classes')}`;
    this.proc = spawn(
      'java',
      [
        '-Xmx256m',
        '-XX:+UseSerialGC',
        '-XX:TieredStopAtLevel=1',
        `-Dlog4j2.configurationFile=${join(KAFKA_DIR, 'log4j2-client.properties')}`,
        '-cp',
        cp,
        'Harness',
        bootstrap,
      ],
      { stdio: 'pipe' },
    );
    createInterface({ input: this.proc.stdout }).on('line', (line) => {
      const waiter = this.pending.shift();
      if (!waiter) return;
      try {
        waiter.resolve(JSON.parse(line) as Answer);
      } catch {
        waiter.reject(new HarnessError(`the harness answered something that is not JSON: ${line}`));
      }
    });
    createInterface({ input: this.proc.stderr }).on('line', (line) => {
      this.stderr.push(line);
      if (this.stderr.length > 40) this.stderr.shift();
    });
    this.exited = new Promise((resolve) => {
      this.proc.on('exit', (code) => {
        for (const w of this.pending.splice(0))
          w.reject(new HarnessError(`the harness exited (${code}) before answering; its stderr:\n${this.stderr.join('\n')}`));
        resolve(code);
      });
    });
  }

  /** Sends one step and returns the answer, ok or not. */
  send(step: Record<string, unknown>): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.proc.stdin.write(`${JSON.stringify(step)}\n`);
    });
  }

  /** Sends one step; a failed step throws with the harness's error and the step. */
  async step<T = Record<string, unknown>>(step: Record<string, unknown>): Promise<T> {
    const a = await this.send(step);
    if (!a.ok) throw new HarnessError(`${String(step.op)} failed: ${a.error}\n  step: ${JSON.stringify(step)}`);
    return a as unknown as T;
  }

  /** "crash": the process halts at once, committing nothing and leaving no group. */
  async crash(): Promise<void> {
    this.proc.stdin.write(`${JSON.stringify({ op: 'crash' })}\n`);
    await this.exited;
  }

  async close(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.stdin.end(`${JSON.stringify({ op: 'exit' })}\n`);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** One harness for a test file: started before its tests, closed after them. */
export function harnessForFile(): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = new Harness();
    await h.step({ op: 'awaitBrokers', count: 1, timeoutMs: 60_000 });
  });
  afterAll(async () => {
    await h?.close();
  });
  return () => {
    if (!h) throw new Error('the harness is not started yet (use it inside a test)');
    return h;
  };
}

/** Broker settings the retention and compaction tests need to finish in seconds (the private broker has them). */
export const FAST_LOG_SETTINGS = { 'log.retention.check.interval.ms': 1000, 'log.cleaner.backoff.ms': 1000 } as const;

/** Whether the broker checks retention and cleans logs often enough for the timed tests; otherwise why not. */
export async function slowLogChecks(h: Harness): Promise<string | null> {
  const names = Object.keys(FAST_LOG_SETTINGS);
  const { configs } = await h.step<{ configs: Record<string, string | null> }>({ op: 'brokerConfig', names });
  const slow = Object.entries(FAST_LOG_SETTINGS).filter(([k, max]) => Number(configs[k] ?? Infinity) > max);
  return slow.length === 0
    ? null
    : `the broker at KAFKA_BOOTSTRAP has ${slow.map(([k]) => `${k}=${configs[k]}`).join(', ')}; these tests need ≤ ${slow.map(([k, v]) => `${k}=${v}`).join(', ')}`;
}

/**
 * Starts a Kafka cluster of `brokers` combined broker+controller nodes of its own (kafka.sh start), or
 * with `dedicatedController` one controller-only node (id 1, the only KRaft voter) and brokers 2…N+1,
 * under the fidelity run's directory so scripts/fidelity.sh stops it even if the test dies. Returns
 * its bootstrap servers and a stop function.
 */
export function startCluster(
  brokers: number,
  opts: { dedicatedController?: boolean } = {},
): { bootstrap: string; stop: () => void; kill9: (broker: number) => void } {
  const base = process.env.FIDELITY_KAFKA_WORK;
  if (!base) throw new Error('FIDELITY_KAFKA_WORK is not set: run the fidelity suite with `npm run test:fidelity`');
  const dir = mkdtempSync(join(base, 'kafka-cluster-'));
  const bootstrap = execFileSync('bash', [KAFKA_SH, 'start', dir, String(brokers)], {
    encoding: 'utf8',
    env: { ...process.env, KAFKA_DEDICATED_CONTROLLER: opts.dedicatedController ? '1' : '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .pop()!;
  return {
    bootstrap,
    stop: () => execFileSync('bash', [KAFKA_SH, 'stop', dir], { stdio: 'inherit' }),
    // kill -9 one node (node i has node.id i): no controlled shutdown, the controller must notice.
    kill9: (broker: number) => process.kill(Number(readFileSync(join(dir, `node-${broker}`, 'pid'), 'utf8').trim()), 'SIGKILL'),
  };
}

/**
 * The base offsets of a partition's segment files, when the broker is the suite's own (its data
 * directory is on this machine); null with KAFKA_BOOTSTRAP pointing elsewhere. Deleted segments are
 * renamed *.deleted at once, so only live ones are listed.
 */
export function localSegments(topic: string, partition: number): number[] | null {
  const work = process.env.FIDELITY_KAFKA_WORK;
  if (!work || !existsSync(join(work, 'kafka', 'bootstrap'))) return null;
  if (readFileSync(join(work, 'kafka', 'bootstrap'), 'utf8').trim() !== process.env.KAFKA_BOOTSTRAP) return null;
  const dir = join(work, 'kafka', 'node-1', 'data', `${topic}-${partition}`);
  return readdirSync(dir)
    .filter((f) => /^\d{20}\.log$/.test(f))
    .map((f) => Number(f.slice(0, 20)))
    .sort((a, b) => a - b);
}

/**
 * Reads Kafka's state until it equals `expected` (what the engine says) or `timeoutMs` pass, and
 * returns the last state read: for what the broker does on its own schedule (retention checks,
 * the log cleaner), the condition waited for is "Kafka agrees", and a disagreement is reported after
 * the timeout.
 */
export async function untilKafka<T>(timeoutMs: number, expected: T, read: () => Promise<T>): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await read();
    if (canonical(got) === canonical(expected) || Date.now() > end) return got;
    await sleep(100);
  }
}
