// A RabbitMQ cluster in the engine: nodes die and come back; classic queues are unavailable and keep
// only persistent messages; quorum queues elect a new leader and lose nothing confirmed; publisher
// confirms, resends and the ledger (simulator/rabbitmq/cluster.ts, quorum-queue.ts, confirms.ts, ledger.ts).
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '@/simulator';
import { ofType, runToEnd } from './engine-helpers';

type R = NonNullable<ScenarioInput['rabbitmq']>;
const cluster = (r: R, interventions: ScenarioInput['interventions'], durationMs = 20_000): ScenarioInput => ({
  version: 1,
  durationMs,
  rabbitmq: r,
  interventions,
});
const kill = (time: number, node: number) => ({ time, intervention: { type: 'rabbitmq.killNode' as const, node } });
const start = (time: number, node: number) => ({ time, intervention: { type: 'rabbitmq.startNode' as const, node } });

describe('a classic queue whose node dies', () => {
  /** Two publishers (persistent, transient) into a classic queue on node 2; nobody consumes. */
  const s = (durable: boolean) =>
    cluster(
      {
        nodes: 2,
        queues: [{ name: 'q', homeNode: 2, durable }],
        publishers: [
          { id: 'p', routingKeys: ['q'], ratePerSec: 10, count: 10, persistent: true, confirms: true },
          { id: 't', routingKeys: ['q'], ratePerSec: 10, count: 10, confirms: true, startMs: 5 },
        ],
      },
      [kill(2000, 2), start(4000, 2)],
      6000,
    );

  it('is unavailable while down, and comes back with its persistent messages only', () => {
    const sim = runToEnd(s(true));
    const events = sim.events();
    const down = ofType(events, 'queueUnavailable')[0]!;
    expect([down.reason, down.kept, down.lost]).toEqual(['home-node-down', 10, 10]);
    expect(ofType(events, 'queueAvailable')[0]!.ready).toBe(10);
    const q = sim.snapshot().rabbitmq!.queues[0]!;
    expect(q.ready.map((m) => m.messageId)).toEqual(Array.from({ length: 10 }, (_, i) => `p-${i}`));
    const ledger = Object.fromEntries(sim.snapshot().rabbitmq!.ledger!.map((l) => [l.publisher, l]));
    // The transient messages were confirmed (accepted in memory) and are gone: confirmed but lost.
    expect([ledger.t!.confirmed, ledger.t!.lost, ledger.t!.confirmedLost]).toEqual([10, 10, 10]);
    // Persistent ones were confirmed once on disk, and survive.
    expect([ledger.p!.confirmed, ledger.p!.lost, ledger.p!.confirmedLost]).toEqual([10, 0, 0]);
    expect(ofType(events, 'publishConfirmed').find((c) => c.publisher === 'p')!.safe).toBe('on-disk');
  });

  it('a non-durable queue comes back empty', () => {
    const down = ofType(runToEnd(s(false)).events(), 'queueUnavailable')[0]!;
    expect([down.kept, down.lost]).toEqual([0, 20]);
  });

  it('a publish while it is down is lost: nacked in confirm mode, silent without', () => {
    const sim = runToEnd(
      cluster(
        {
          nodes: 2,
          queues: [{ name: 'q', homeNode: 2 }],
          publishers: [
            { id: 'blind', routingKeys: ['q'], ratePerSec: 10, count: 30, persistent: true },
            { id: 'careful', routingKeys: ['q'], ratePerSec: 10, count: 30, persistent: true, confirms: true },
            { id: 'retry', routingKeys: ['q'], ratePerSec: 10, count: 30, persistent: true, confirms: true, resendAfterMs: 500 },
          ],
        },
        [kill(1000, 2), start(2000, 2)],
        8000,
      ),
    );
    const l = Object.fromEntries(sim.snapshot().rabbitmq!.ledger!.map((x) => [x.publisher, x]));
    expect([l.blind!.lost, l.blind!.failed]).toEqual([10, 0]);
    expect([l.careful!.lost, l.careful!.failed, l.careful!.confirmed]).toEqual([10, 10, 20]);
    expect([l.retry!.lost, l.retry!.failed, l.retry!.confirmed, l.retry!.duplicatesDelivered]).toEqual([0, 0, 30, 0]);
    expect(l.retry!.resent).toBeGreaterThanOrEqual(10);
  });

  it('its consumers are cancelled and subscribe again when it is back; unacked persistent messages return redelivered', () => {
    const sim = runToEnd(
      cluster(
        {
          nodes: 2,
          queues: [{ name: 'q', homeNode: 2 }],
          publishers: [{ id: 'p', routingKeys: ['q'], ratePerSec: 10, count: 4, persistent: true }],
          consumers: [{ id: 'c', queue: 'q', node: 1, prefetchCount: 2, settleBy: 'interventions' }],
        },
        [kill(1000, 2), start(2000, 2)],
        3000,
      ),
    );
    const events = sim.events();
    expect(ofType(events, 'rabbitConsumerCancelled').map((e) => e.consumer)).toEqual(['c']);
    expect(ofType(events, 'rabbitConsumerRecovered').map((e) => [e.consumer, e.time])).toEqual([['c', 2000]]);
    const again = ofType(events, 'delivered').filter((d) => d.time === 2000);
    expect(again.map((d) => [d.messageId, d.redelivered])).toEqual([
      ['p-0', true],
      ['p-1', true],
    ]);
  });
});

describe('a quorum queue whose leader dies', () => {
  const s = (extra: Partial<R> = {}, ivs = [kill(3000, 1), start(8000, 1)]) =>
    cluster(
      {
        nodes: 3,
        queues: [{ name: 'q', type: 'quorum', consumerDisconnectedTimeoutMs: 2000 }],
        publishers: [{ id: 'p', routingKeys: ['q'], ratePerSec: 20, count: 200, confirms: true, node: 2 }],
        consumers: [
          { id: 'c1', queue: 'q', node: 1, prefetchCount: 3, processingMs: 100 },
          { id: 'c3', queue: 'q', node: 3, prefetchCount: 3, processingMs: 100 },
        ],
        ...extra,
      },
      ivs,
    );

  it('elects the live member with the longest log; nothing confirmed is lost; every message is consumed once', () => {
    const sim = runToEnd(s());
    const events = sim.events();
    const elected = ofType(events, 'leaderElected');
    expect(elected.map((e) => [e.time, e.node, e.term, e.previous])).toEqual([[4000, 2, 2, 1]]);
    expect(ofType(events, 'queueUnavailable').map((e) => [e.time, e.reason])).toEqual([[3000, 'leader-down']]);
    const l = sim.snapshot().rabbitmq!.ledger![0]!;
    expect([l.sent, l.confirmed, l.lost, l.confirmedLost, l.duplicatesDelivered]).toEqual([200, 200, 0, 0, 0]);
    const acked = new Set(ofType(events, 'acked').map((a) => a.messageId));
    expect(acked.size).toBe(200);
  });

  it('no delivery and no confirm while it has no leader', () => {
    const events = runToEnd(s()).events();
    const quiet = (t: number) => t > 3000 && t < 4000;
    expect(ofType(events, 'delivered').filter((d) => quiet(d.time))).toHaveLength(0);
    expect(ofType(events, 'publishConfirmed').filter((d) => quiet(d.time))).toHaveLength(0);
  });

  it("the lost node's consumer's unacked messages come back after consumer_disconnected_timeout (4.3), redelivered, not counted as failed", () => {
    const events = runToEnd(s()).events();
    const held = ofType(events, 'rabbitConsumerDisconnected')[0]!;
    expect([held.consumer, held.holdMs]).toEqual(['c1', 2000]);
    const back = ofType(events, 'requeued').filter((r) => r.reason === 'disconnected-timeout');
    expect(back.length).toBeGreaterThan(0);
    expect(back.every((r) => r.time === 5000 && r.deliveryCount === undefined && r.acquiredCount === 1)).toBe(true);
    const redelivered = ofType(events, 'delivered').filter((d) => back.some((b) => b.messageId === d.messageId) && d.redelivered);
    expect(redelivered.map((d) => d.consumer)).toEqual(back.map(() => 'c3'));
  });

  it("when the node is back before the timeout, its consumer's messages return then (counted as a failed delivery)", () => {
    const events = runToEnd(s({ queues: [{ name: 'q', type: 'quorum' }] }, [kill(3000, 1), start(5000, 1)])).events();
    const back = ofType(events, 'requeued').filter((r) => r.reason === 'connection-lost');
    expect(back.length).toBeGreaterThan(0);
    expect(back.every((r) => r.time === 5000 && r.deliveryCount === 1)).toBe(true);
  });

  it('with no majority it accepts, confirms and delivers nothing, and loses nothing once the majority is back', () => {
    const sim = runToEnd(
      s({ consumers: [{ id: 'c2', queue: 'q', node: 2, prefetchCount: 3, processingMs: 100 }] }, [
        kill(3000, 1),
        kill(3000, 3),
        start(7000, 3),
        start(9000, 1),
      ]),
    );
    const events = sim.events();
    const dark = (t: number) => t > 3000 && t < 7000;
    expect(ofType(events, 'publishConfirmed').filter((c) => dark(c.time))).toHaveLength(0);
    expect(ofType(events, 'delivered').filter((c) => dark(c.time))).toHaveLength(0);
    expect(ofType(events, 'leaderElected').map((e) => [e.time, e.node])).toEqual([[8000, 2]]);
    const l = sim.snapshot().rabbitmq!.ledger![0]!;
    expect([l.confirmed, l.lost, l.duplicatesDelivered]).toEqual([200, 0, 0]);
  });
});

describe('publisher confirms, resends and duplicates', () => {
  it('a confirm that never comes (no majority) makes a resending publisher duplicate', () => {
    const sim = runToEnd(
      cluster(
        {
          nodes: 3,
          queues: [{ name: 'q', type: 'quorum' }],
          publishers: [{ id: 'p', routingKeys: ['q'], ratePerSec: 10, count: 60, confirms: true, resendAfterMs: 1000 }],
          consumers: [{ id: 'c', queue: 'q', processingMs: 10, prefetchCount: 10 }],
        },
        [kill(2000, 2), kill(2000, 3), start(4500, 2)],
        10_000,
      ),
    );
    const l = sim.snapshot().rabbitmq!.ledger![0]!;
    expect(l.lost).toBe(0);
    expect(l.confirmed).toBe(60);
    // Everything published 2.0-3.5 s was resent at least once; every copy reached the consumer.
    expect(l.duplicatesDelivered).toBeGreaterThanOrEqual(15);
    expect(l.duplicatesDelivered).toBe(l.resent);
  });

  it('a publisher whose node dies holds its unconfirmed messages in doubt; resending one the queue had committed duplicates it', () => {
    const sim = runToEnd(
      cluster(
        {
          nodes: 3,
          queues: [{ name: 'q', type: 'quorum', homeNode: 2 }],
          publishers: [{ id: 'p', routingKeys: ['q'], ratePerSec: 10, count: 50, confirms: true, resendAfterMs: 30_000, node: 1 }],
          consumers: [{ id: 'c', queue: 'q', node: 3, processingMs: 10, prefetchCount: 10 }],
        },
        // p-10 is published at 1000 ms and committed at 1010 ms (leader 2 and follower 3): its confirm finds p's connection dead.
        [kill(1005, 1), start(3000, 1)],
        12_000,
      ),
    );
    const events = sim.events();
    expect(ofType(events, 'publisherDisconnected').map((e) => [e.time, e.inDoubt])).toEqual([[1005, 1]]);
    expect(ofType(events, 'publisherReconnected').map((e) => [e.time, e.node, e.inDoubt])).toEqual([[6005, 1, 1]]);
    expect(
      ofType(events, 'delivered')
        .filter((d) => d.messageId.startsWith('p-10'))
        .map((d) => d.messageId),
    ).toEqual(['p-10', 'p-10.r1']);
    const l = sim.snapshot().rabbitmq!.ledger![0]!;
    expect([l.sent, l.resent, l.confirmed, l.inDoubt, l.lost, l.duplicatesDelivered]).toEqual([50, 1, 50, 0, 0, 1]);
  });

  it('without confirms, a publisher whose messages were only on a dead leader loses them, and never knows', () => {
    const sim = runToEnd(
      cluster(
        {
          nodes: 3,
          queues: [{ name: 'q', type: 'quorum' }],
          publishers: [{ id: 'p', routingKeys: ['q'], ratePerSec: 10, count: 80, node: 1 }],
          consumers: [{ id: 'c', queue: 'q', node: 2, processingMs: 10, prefetchCount: 10 }],
        },
        // Followers 2 and 3 die: leader 1 writes on alone (no majority). Then 1 dies and 2, 3 come back.
        [kill(1000, 2), kill(1000, 3), kill(3000, 1), start(3500, 2), start(3500, 3), start(6000, 1)],
        12_000,
      ),
    );
    const events = sim.events();
    const elected = ofType(events, 'leaderElected')[0]!;
    expect(elected.dropped).toBe(20);
    expect(ofType(events, 'memberTruncated').map((e) => [e.node, e.dropped])).toEqual([[1, 20]]);
    const l = sim.snapshot().rabbitmq!.ledger![0]!;
    expect([l.sent, l.confirmed, l.failed, l.lost]).toEqual([80, 0, 0, 20]);
  });
});
