// Properties of the RabbitMQ cluster model over random scenarios (fast-check): nodes die and come back
// at random; classic, quorum and single-active-consumer queues; publishers with and without confirms,
// persistent or not, resending or not; consumers that reject poison messages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, hashEvents, type InterventionInput, type ScenarioInput, type SimEvent } from '@/simulator';
import { ofType, scenario } from './engine-helpers';
import { runs } from '../support/property';

const queueArb = fc.record({
  type: fc.constantFrom('classic' as const, 'quorum' as const),
  home: fc.integer({ min: 1, max: 3 }),
  durable: fc.boolean(),
  deliveryLimit: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
  sac: fc.boolean(),
  dlx: fc.boolean(),
  timeout: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
});

const publisherArb = fc.record({
  node: fc.integer({ min: 1, max: 3 }),
  confirms: fc.boolean(),
  persistent: fc.boolean(),
  resend: fc.option(fc.integer({ min: 200, max: 2000 }), { nil: undefined }),
  rate: fc.integer({ min: 1, max: 40 }),
  count: fc.integer({ min: 0, max: 60 }),
  queue: fc.nat(2),
});

const consumerArb = fc.record({
  node: fc.integer({ min: 1, max: 3 }),
  queue: fc.nat(2),
  prefetch: fc.integer({ min: 0, max: 4 }),
  processing: fc.integer({ min: 0, max: 400 }),
  priority: fc.integer({ min: -1, max: 2 }),
  fail: fc.constantFrom('none' as const, 'nack' as const, 'reject' as const),
});

const ivArb = fc.record({ time: fc.integer({ min: 0, max: 6000 }), node: fc.integer({ min: 1, max: 3 }), up: fc.boolean() });

const clusterArb = fc
  .record({
    nodes: fc.integer({ min: 1, max: 3 }),
    queues: fc.array(queueArb, { minLength: 1, maxLength: 3 }),
    publishers: fc.array(publisherArb, { minLength: 1, maxLength: 3 }),
    consumers: fc.array(consumerArb, { maxLength: 4 }),
    ivs: fc.array(ivArb, { maxLength: 6 }),
  })
  .map((a) => scenario(build(a)));

type Args = {
  nodes: number;
  queues: (typeof queueArb extends fc.Arbitrary<infer T> ? T : never)[];
  publishers: (typeof publisherArb extends fc.Arbitrary<infer T> ? T : never)[];
  consumers: (typeof consumerArb extends fc.Arbitrary<infer T> ? T : never)[];
  ivs: { time: number; node: number; up: boolean }[];
};

function build(a: Args): ScenarioInput {
  const on = (n: number) => Math.min(n, a.nodes);
  const qn = (i: number) => `q${i % a.queues.length}`;
  return {
    version: 1,
    durationMs: 7000,
    rabbitmq: {
      nodes: a.nodes,
      exchanges: [{ name: 'dlx', type: 'fanout' }],
      queues: [
        ...a.queues.map((q, i) => ({
          name: `q${i}`,
          type: q.type,
          homeNode: on(q.home),
          ...(q.type === 'classic' ? { durable: q.durable } : { deliveryLimit: q.deliveryLimit, consumerDisconnectedTimeoutMs: q.timeout }),
          singleActiveConsumer: q.sac,
          deadLetterExchange: q.dlx ? 'dlx' : undefined,
        })),
        { name: 'dead', homeNode: 1 },
      ],
      bindings: [{ exchange: 'dlx', queue: 'dead' }],
      publishers: a.publishers.map((p, i) => ({
        id: `p${i}`,
        routingKeys: [qn(p.queue)],
        node: on(p.node),
        confirms: p.confirms,
        persistent: p.persistent,
        resendAfterMs: p.confirms ? p.resend : undefined,
        ratePerSec: p.rate,
        count: p.count,
      })),
      consumers: a.consumers.map((c, i) => ({
        id: `c${i}`,
        queue: qn(c.queue),
        node: on(c.node),
        prefetchCount: c.prefetch,
        processingMs: c.processing,
        priority: c.priority,
        ...(c.fail === 'none' ? {} : { failMessages: a.publishers.map((_, j) => `p${j}-1`), failWith: c.fail }),
      })),
    },
    interventions: a.ivs
      .filter((iv) => iv.node <= a.nodes)
      .map((iv) => ({
        time: iv.time,
        intervention: { type: iv.up ? 'rabbitmq.startNode' : 'rabbitmq.killNode', node: iv.node } as InterventionInput,
      })),
  };
}

const RUNS = { numRuns: runs(60) };

function run(s: ReturnType<typeof scenario>, seed = 1, every?: number) {
  const sim = createSimulation(s, seed, every === undefined ? {} : { checkpointEvery: every });
  sim.runUntil(sim.endTime);
  return sim;
}

/**
 * Which publishers route only to quorum queues, or only to durable classic queues with persistent
 * messages, without dead-lettering (a dead-lettered message lives on in its target queue, under that
 * queue's guarantees: a transient one in a classic queue dies with its node).
 */
function safeOnlyPublishers(s: ReturnType<typeof scenario>): Set<string> {
  const r = s.rabbitmq!;
  const safe = new Set<string>();
  for (const p of r.publishers) {
    const q = r.queues.find((x) => x.name === p.routingKeys[0])!;
    if (q.deadLetterExchange === undefined && (q.type === 'quorum' || (q.durable !== false && p.persistent))) safe.add(p.id);
  }
  return safe;
}

function checkTrace(s: ReturnType<typeof scenario>, events: readonly SimEvent[]): void {
  const limits = new Map(s.rabbitmq!.queues.map((q) => [q.name, q.type === 'quorum' ? (q.deliveryLimit ?? 20) : null]));
  const acked = new Set<string>();
  const active = new Map<string, string | null>();
  for (const e of events) {
    if (e.type === 'activeConsumer') active.set(e.queue, e.consumer);
    if (e.type === 'acked') acked.add(`${e.queue}/${e.messageId}`);
    if (e.type === 'delivered') {
      // Acked messages never come back; unacked never exceed the prefetch.
      expect(acked.has(`${e.queue}/${e.messageId}`)).toBe(false);
      if (e.prefetchCount > 0) expect(e.unacked).toBeLessThanOrEqual(e.prefetchCount);
      // A quorum queue never delivers a message whose failed deliveries passed its limit.
      const limit = limits.get(e.queue);
      if (limit !== null && limit !== undefined && limit >= 0) expect(e.deliveryCount ?? 0).toBeLessThanOrEqual(limit);
      // A single-active-consumer queue delivers only to its active consumer.
      if (active.has(e.queue)) expect(e.consumer).toBe(active.get(e.queue));
    }
  }
}

describe('RabbitMQ cluster properties', () => {
  // Found by the fuzzer (seed 1661497970): the first version of the property counted dead-lettered
  // messages as safe. A confirmed message the quorum queue dead-lettered (delivery limit) into a
  // transient classic queue is lost with that queue's node: the target's guarantees apply.
  it('example: a confirmed message dead-lettered into a classic queue dies with its node', () => {
    const s = scenario({
      version: 1,
      durationMs: 7000,
      rabbitmq: {
        exchanges: [{ name: 'dlx', type: 'fanout' }],
        queues: [{ name: 'q0', type: 'quorum', deadLetterExchange: 'dlx' }, { name: 'dead' }],
        bindings: [{ exchange: 'dlx', queue: 'dead' }],
        publishers: [{ id: 'p0', routingKeys: ['q0'], ratePerSec: 1, count: 2, confirms: true }],
        consumers: [{ id: 'c0', queue: 'q0', prefetchCount: 0, processingMs: 0, failMessages: ['p0-1'], failWith: 'reject' }],
      },
      interventions: [{ time: 1022, intervention: { type: 'rabbitmq.killNode', node: 1 } }],
    });
    const l = run(s).snapshot().rabbitmq!.ledger![0]!;
    expect([l.confirmed, l.lost, l.confirmedLost]).toEqual([2, 1, 1]);
  });

  it('confirmed messages in quorum queues and persistent ones in durable classic queues are never lost; the ledger adds up', () => {
    fc.assert(
      fc.property(clusterArb, (s) => {
        const sim = createSimulation(s, 1);
        const safe = safeOnlyPublishers(s);
        for (let t = 0; t <= s.durationMs; t += 700) {
          sim.runUntil(t);
          for (const l of sim.snapshot().rabbitmq!.ledger ?? []) {
            if (safe.has(l.publisher)) expect(l.confirmedLost).toBe(0);
            expect(l.confirmed + l.failed + l.inDoubt).toBeLessThanOrEqual(l.sent);
            expect(l.confirmedLost).toBeLessThanOrEqual(Math.min(l.lost, l.confirmed));
            expect(l.lost).toBeLessThanOrEqual(l.sent);
            if (!l.confirms) expect(l.confirmed + l.failed + l.resent).toBe(0);
            if (l.resent === 0) expect(l.duplicatesDelivered).toBe(0);
          }
        }
        checkTrace(s, sim.events());
      }),
      RUNS,
    );
  }, 120_000);

  it('without failures nothing is lost and nothing is duplicated', () => {
    fc.assert(
      fc.property(clusterArb, (s0) => {
        const s = { ...s0, interventions: [] };
        for (const l of run(s).snapshot().rabbitmq!.ledger ?? [])
          expect([l.lost, l.failed, l.inDoubt, l.duplicatesDelivered]).toEqual([0, 0, 0, 0]);
      }),
      RUNS,
    );
  }, 120_000);

  it('is deterministic, and seeking (checkpoints) replays the same trace', () => {
    fc.assert(
      fc.property(clusterArb, fc.array(fc.integer({ min: 0, max: 7000 }), { minLength: 1, maxLength: 3 }), (s, seeks) => {
        const expected = hashEvents(run(s).events());
        expect(hashEvents(run(s).events())).toBe(expected);
        const sim = createSimulation(s, 1, { checkpointEvery: 10 });
        for (const t of seeks) sim.seek(t);
        sim.runUntil(sim.endTime);
        expect(hashEvents(sim.events())).toBe(expected);
        const snapEnd = JSON.stringify(sim.snapshot());
        sim.seek(seeks[0]!);
        sim.runUntil(sim.endTime);
        expect(JSON.stringify(sim.snapshot())).toBe(snapEnd);
      }),
      RUNS,
    );
  }, 120_000);

  it('killing and starting nodes from the page forks like a timed intervention', () => {
    fc.assert(
      fc.property(clusterArb, fc.integer({ min: 0, max: 7000 }), fc.integer({ min: 1, max: 3 }), (s, t, node) => {
        fc.pre(node <= (s.rabbitmq!.nodes ?? 1));
        const iv = { type: 'rabbitmq.killNode' as const, node };
        const a = createSimulation(s, 1);
        a.runUntil(t);
        a.intervene(iv);
        a.runUntil(a.endTime);
        const b = createSimulation(s, 1, { checkpointEvery: 12 });
        b.runUntil(b.endTime);
        b.seek(t);
        b.intervene(iv);
        b.runUntil(b.endTime);
        expect(hashEvents(b.events())).toBe(hashEvents(a.events()));
      }),
      RUNS,
    );
  }, 120_000);

  it('a quorum queue never has two leaders and elects only with a majority up', () => {
    fc.assert(
      fc.property(clusterArb, (s) => {
        const sim = run(s);
        const events = sim.events();
        const up = new Set(Array.from({ length: s.rabbitmq!.nodes ?? 1 }, (_, i) => i + 1));
        for (const e of events) {
          if (e.type === 'nodeDown') up.delete(e.node);
          if (e.type === 'nodeUp') up.add(e.node);
          if (e.type === 'leaderElected') expect(up.has(e.node)).toBe(true);
        }
        for (const q of sim.snapshot().rabbitmq!.queues)
          if (q.quorum) expect(q.quorum.members.filter((m) => m.leader).length).toBeLessThanOrEqual(1);
        expect(ofType(events, 'note')).toEqual(ofType(events, 'note').filter((n) => n.text.startsWith('Ignored')));
      }),
      RUNS,
    );
  }, 120_000);
});
