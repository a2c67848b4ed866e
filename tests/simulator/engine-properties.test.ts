// Properties of the engine over random small scenarios (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  hashEvents,
  parseIntervention,
  parseScenario,
  type Intervention,
  type InterventionInput,
  type Scenario,
  type ScenarioInput,
  type SimEvent,
  type Snapshot,
} from '@/simulator';
import { ofType, scenario } from './engine-helpers';
import { PROTOTYPE_NAMES } from '../support/names';
import { runs } from '../support/property';

const ROUTING_KEYS = ['order.created.eu', 'order.paid.us', 'invoice.created', 'order.created.us'];

const kafkaArb = fc.record({
  partitions: fc.integer({ min: 1, max: 4 }),
  segmentBytes: fc.integer({ min: 150, max: 1500 }),
  retentionMs: fc.option(fc.integer({ min: 300, max: 4000 }), { nil: undefined }),
  compact: fc.boolean(),
  rate: fc.integer({ min: 1, max: 40 }),
  count: fc.integer({ min: 0, max: 80 }),
  keys: fc.constantFrom<null | string[] | { prefix: string; count: number }>(null, ['a', 'b', 'c'], { prefix: 'k', count: 7 }, ['', 'x']),
  partitioner: fc.constantFrom('java' as const, 'consistent_random' as const, 'murmur2_random' as const),
  /** A three-broker cluster with replicated partitions (brokers die and come back through interventions). */
  cluster: fc.boolean(),
  acks: fc.constantFrom(0 as const, 1 as const, 'all' as const),
  /** A share group reading the topic too. */
  share: fc.boolean(),
  groups: fc.array(
    fc.record({
      strategy: fc.constantFrom('range' as const, 'roundrobin' as const, 'cooperative-sticky' as const),
      protocol: fc.constantFrom('classic' as const, 'classic' as const, 'consumer' as const),
      remoteAssignor: fc.constantFrom('uniform' as const, 'range' as const),
      autoOffsetReset: fc.constantFrom('earliest' as const, 'latest' as const, 'none' as const),
      enableAutoCommit: fc.boolean(),
      consumers: fc.integer({ min: 1, max: 4 }),
      processing: fc.integer({ min: 0, max: 150 }),
      maxPoll: fc.integer({ min: 1, max: 6 }),
      startMs: fc.integer({ min: 0, max: 2000 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

const queueArb = fc.record({
  ttl: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  maxLength: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  overflow: fc.constantFrom('drop-head' as const, 'reject-publish' as const, 'reject-publish-dlx' as const),
  dlx: fc.boolean(),
  bindingKey: fc.constantFrom('order.#', 'order.*.eu', '#', '*.created.*', 'invoice.created'),
  consumers: fc.array(
    fc.record({
      prefetch: fc.integer({ min: 0, max: 5 }),
      autoAck: fc.boolean(),
      processing: fc.integer({ min: 0, max: 600 }),
      nackEvery: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      nackRequeue: fc.boolean(),
      startMs: fc.integer({ min: 0, max: 2000 }),
    }),
    { minLength: 0, maxLength: 3 },
  ),
});

const rabbitArb = fc.record({
  queues: fc.array(queueArb, { minLength: 1, maxLength: 3 }),
  rate: fc.integer({ min: 1, max: 40 }),
  count: fc.integer({ min: 0, max: 80 }),
  expiration: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
  mandatory: fc.boolean(),
  alternate: fc.boolean(),
});

const ivArb = fc.record({
  time: fc.integer({ min: 0, max: 6000 }),
  pick: fc.integer({ min: 0, max: 16 }),
  n: fc.integer({ min: 0, max: 9 }),
  flag: fc.boolean(),
});

type KafkaArgs = typeof kafkaArb extends fc.Arbitrary<infer T> ? T : never;
type RabbitArgs = typeof rabbitArb extends fc.Arbitrary<infer T> ? T : never;
type Iv = { time: number; pick: number; n: number; flag: boolean };

/**
 * The names a scenario uses. Some are Object.prototype members ("constructor", "__proto__", …), which
 * RabbitMQ and Kafka accept and a plain-object table breaks on; names within one kind stay unique.
 */
interface Names {
  topic: string;
  group: (i: number) => string;
  member: (i: number) => string;
  queue: (i: number) => string;
  dead: string;
  unrouted: string;
  exchange: (name: 'x' | 'ae' | 'dlx') => string;
  rabbitConsumer: (queue: number, i: number) => string;
}

const ORDINARY: Names = {
  topic: 't',
  group: (i) => `g${i}`,
  member: (i) => `c${i}`,
  queue: (i) => `q${i}`,
  dead: 'dead',
  unrouted: 'unrouted',
  exchange: (name) => name,
  rabbitConsumer: (q, i) => `r${q}-${i}`,
};

/** For each kind of name, which slots take a prototype name (a distinct one per slot) instead of the ordinary one. */
const namesArb: fc.Arbitrary<Names> = fc
  .tuple(
    fc.shuffledSubarray([...PROTOTYPE_NAMES], { minLength: PROTOTYPE_NAMES.length }),
    fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
  )
  .map(([proto, use]) => {
    const pick = (slot: number, k: number, ordinary: string) => (use[slot] ? proto[k % proto.length]! : ordinary);
    const queueSlots = ['q0', 'q1', 'q2', 'dead', 'unrouted'];
    const queue = (name: string) => pick(8 + queueSlots.indexOf(name), queueSlots.indexOf(name), name);
    const exchanges = ['x', 'ae', 'dlx'] as const;
    return {
      topic: pick(0, 0, 't'),
      group: (i) => pick(1 + (i % 2), i % 2, `g${i}`),
      member: (i) => (i < 4 ? pick(3 + i, i, `c${i}`) : `c${i}`),
      queue: (i) => queue(`q${i}`),
      dead: queue('dead'),
      unrouted: queue('unrouted'),
      exchange: (name) => pick(13 + exchanges.indexOf(name), exchanges.indexOf(name), name),
      rabbitConsumer: (q, i) => (q === 0 && i < 3 ? pick(16 + i, i, `r${q}-${i}`) : `r${q}-${i}`),
    };
  });

function build(k: KafkaArgs | null, r: RabbitArgs | null, ivs: Iv[], n: Names = ORDINARY): ScenarioInput {
  const s: ScenarioInput = { version: 1, durationMs: 7000, interventions: [] };
  if (k) {
    s.kafka = {
      ...(k.cluster && { brokers: 3, brokerSessionTimeoutMs: 600, replicaLagTimeMaxMs: 800, networkDelayMs: 5 }),
      topics: [
        {
          name: n.topic,
          partitions: k.partitions,
          segmentBytes: k.segmentBytes,
          retentionMs: k.retentionMs,
          cleanupPolicy: k.compact ? 'compact' : 'delete',
          deleteRetentionMs: 1000,
          logCheckIntervalMs: 500,
          ...(k.cluster && { replicationFactor: 2 }),
        },
      ],
      producers: [
        {
          id: 'p',
          topic: n.topic,
          ratePerSec: k.rate,
          count: k.count,
          keys: k.keys,
          partitioner: k.partitioner,
          values: k.compact ? ['v1', 'v2', null] : undefined,
          valueBytes: 50,
          acks: k.acks,
          requestTimeoutMs: 500,
          deliveryTimeoutMs: 3000,
        },
      ],
      shareGroups: k.share
        ? [
            {
              id: 's',
              topics: [n.topic],
              shareAutoOffsetReset: 'earliest',
              shareRecordLockDurationMs: 400,
              shareDeliveryCountLimit: 3,
              heartbeatIntervalMs: 300,
              sessionTimeoutMs: 800,
              consumers: [
                { id: 's0', processingMsPerRecord: 60, shareAcknowledgementMode: 'explicit', fail: { every: 4 } },
                { id: 's1', processingMsPerRecord: 500, maxPollRecords: 2 },
              ],
            },
          ]
        : [],
      groups: k.groups.map((g, gi) => ({
        id: n.group(gi),
        topics: [n.topic],
        strategy: g.strategy,
        groupProtocol: g.protocol,
        groupRemoteAssignor: g.remoteAssignor,
        heartbeatIntervalMs: 300,
        autoOffsetReset: g.autoOffsetReset,
        enableAutoCommit: g.enableAutoCommit,
        autoCommitIntervalMs: 700,
        sessionTimeoutMs: 800,
        rebalanceDelayMs: 100,
        consumers: Array.from({ length: g.consumers }, (_, i) => ({
          id: n.member(i),
          processingMsPerRecord: g.processing,
          maxPollRecords: g.maxPoll,
          startMs: i === 0 ? g.startMs : 0,
        })),
      })),
    };
  }
  if (r) {
    const x = n.exchange('x');
    s.rabbitmq = {
      exchanges: [
        { name: x, type: 'topic', alternateExchange: r.alternate ? n.exchange('ae') : undefined },
        { name: n.exchange('ae'), type: 'fanout' },
        { name: n.exchange('dlx'), type: 'fanout' },
      ],
      queues: [
        ...r.queues.map((q, qi) => ({
          name: n.queue(qi),
          messageTtlMs: q.ttl,
          maxLength: q.maxLength,
          overflow: q.overflow,
          deadLetterExchange: q.dlx ? n.exchange('dlx') : undefined,
        })),
        { name: n.dead },
        { name: n.unrouted },
      ],
      bindings: [
        ...r.queues.map((q, qi) => ({ exchange: x, queue: n.queue(qi), bindingKey: q.bindingKey })),
        { exchange: n.exchange('dlx'), queue: n.dead },
        { exchange: n.exchange('ae'), queue: n.unrouted },
      ],
      publishers: [
        {
          id: 'pub',
          exchange: x,
          routingKeys: ROUTING_KEYS,
          ratePerSec: r.rate,
          count: r.count,
          expirationMs: r.expiration,
          mandatory: r.mandatory,
        },
      ],
      consumers: r.queues.flatMap((q, qi) =>
        q.consumers.map((c, ci) => ({
          id: n.rabbitConsumer(qi, ci),
          queue: n.queue(qi),
          prefetchCount: c.prefetch,
          autoAck: c.autoAck,
          processingMs: c.processing,
          nackEvery: c.nackEvery,
          nackRequeue: c.nackRequeue,
          startMs: c.startMs,
        })),
      ),
    };
  }
  s.interventions = ivs.flatMap((iv) => {
    const one = intervention(iv, k, r, n);
    return one ? [{ time: iv.time, intervention: one }] : [];
  });
  return s;
}

function intervention(iv: Iv, k: KafkaArgs | null, r: RabbitArgs | null, n: Names = ORDINARY): InterventionInput | null {
  const g = n.group(iv.n % 2);
  const c = n.member(iv.n % 4);
  const rc = r ? n.rabbitConsumer(iv.n % r.queues.length, iv.n % 3) : 'none';
  const t = n.topic;
  switch (iv.pick) {
    case 0:
      return k ? { type: 'kafka.crashConsumer', group: g, consumer: c } : null;
    case 1:
      return k ? { type: 'kafka.restartConsumer', group: g, consumer: c } : null;
    case 2:
      return k ? { type: 'kafka.addConsumer', group: g, consumer: { id: `extra${iv.n}` } } : null;
    case 3:
      return k ? { type: 'kafka.removeConsumer', group: g, consumer: c } : null;
    case 4:
      return k ? { type: 'kafka.seek', group: g, consumer: c, topic: t, partition: 0, to: iv.flag ? 'earliest' : { offset: iv.n } } : null;
    case 5:
      return k ? { type: 'kafka.produceBurst', topic: t, count: iv.n + 1, keys: iv.flag ? ['a', 'z'] : null } : null;
    case 6:
      return k && k.partitions < 6 ? { type: 'kafka.addPartitions', topic: t, partitions: 6 } : null;
    case 7:
      return r ? { type: 'rabbitmq.crashConsumer', consumer: rc } : null;
    case 8:
      return r ? { type: 'rabbitmq.restartConsumer', consumer: rc } : null;
    case 9:
      return r ? { type: 'rabbitmq.setPrefetch', consumer: rc, prefetchCount: iv.n % 4 } : null;
    case 10:
      return r
        ? { type: 'rabbitmq.publishBurst', exchange: n.exchange('x'), routingKeys: ROUTING_KEYS, count: iv.n + 1, mandatory: iv.flag }
        : null;
    case 12:
      return k?.cluster ? { type: iv.flag ? 'kafka.killBroker' : 'kafka.startBroker', broker: (iv.n % 3) + 1 } : null;
    case 13:
      return k?.cluster ? { type: iv.flag ? 'kafka.pauseFetching' : 'kafka.resumeFetching', broker: (iv.n % 3) + 1 } : null;
    case 14:
      return k?.share
        ? { type: iv.flag ? 'kafka.crashShareConsumer' : 'kafka.removeShareConsumer', group: 's', consumer: `s${iv.n % 2}` }
        : null;
    case 15:
      return k?.share ? { type: 'kafka.addShareConsumer', group: 's', consumer: { id: `s${iv.n}` } } : null;
    case 16:
      return k?.cluster ? { type: 'kafka.startBroker', broker: (iv.n % 3) + 1 } : null;
    default:
      return r ? { type: 'rabbitmq.nack', consumer: rc, deliveryTag: iv.n + 1, requeue: iv.flag } : null;
  }
}

/** The names each generated scenario was built with. */
const namesOf = new WeakMap<object, Names>();

/**
 * The scenario without the timed interventions the schema refuses (one naming a consumer that does not
 * exist at its time, say): the engine meets those through intervene(), as the page's form sends them.
 */
function withValidInterventions(input: ScenarioInput): Scenario {
  const r = parseScenario(input);
  if (r.ok) return r.scenario;
  const bad = new Set(r.errors.flatMap((e) => /^interventions\[(\d+)\]/.exec(e.path)?.[1] ?? []).map(Number));
  if (bad.size === 0) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return withValidInterventions({ ...input, interventions: input.interventions!.filter((_, i) => !bad.has(i)) });
}

/** An intervention as the schema parses it on its own (the engine ignores, with a note, what names nothing). */
function parsedIntervention(input: InterventionInput): Intervention {
  const r = parseIntervention(input);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.intervention;
}

const scenarioArb = fc
  .tuple(fc.option(kafkaArb, { nil: null }), fc.option(rabbitArb, { nil: null }), fc.array(ivArb, { maxLength: 6 }), namesArb)
  .filter(([k, r]) => k !== null || r !== null)
  .map(([k, r, ivs, names]) => {
    const s = withValidInterventions(build(k, r, ivs, names));
    namesOf.set(s, names);
    return s;
  });

/** One intervention of the generated kind, named for scenario `s`. */
function interventionFor(iv: Iv, s: ReturnType<typeof scenario>): InterventionInput | null {
  return intervention(iv, s.kafka ? ({ partitions: 1 } as never) : null, s.rabbitmq ? ({ queues: [1] } as never) : null, namesOf.get(s));
}

const RUNS = { numRuns: runs(40) };

function straight(s: ReturnType<typeof scenario>, seed: number) {
  const sim = createSimulation(s, seed);
  sim.runUntil(sim.endTime);
  return sim;
}

function checkSnapshot(snap: Snapshot, dead: string): void {
  // Every group and queue has its figures in the totals, whatever it is called.
  const sorted = (names: string[]) => [...names].sort();
  expect(sorted(Object.keys(snap.totals.groupLag))).toEqual(sorted(snap.kafka?.groups.map((g) => g.id) ?? []));
  expect(sorted(Object.keys(snap.totals.queueDepth))).toEqual(sorted(snap.rabbitmq?.queues.map((q) => q.name) ?? []));
  for (const g of snap.kafka?.groups ?? []) {
    for (const p of g.partitions) if (p.lag !== null) expect(p.lag).toBeGreaterThanOrEqual(0);
    for (const m of g.members) for (const p of m.partitions) if (p.lag !== null) expect(p.lag).toBeGreaterThanOrEqual(0);
    // a partition has at most one owner in a group
    const owned = g.members.flatMap((m) => m.assigned);
    expect(new Set(owned).size).toBe(owned.length);
    for (const m of g.members) for (const p of m.partitions) expect(p.position).toBeGreaterThanOrEqual(0);
  }
  for (const q of snap.rabbitmq?.queues ?? []) {
    if (q.name === dead) continue;
    const ids = [...q.ready.map((m) => m.messageId), ...q.unacked.map((u) => u.message.messageId)];
    expect(new Set(ids).size).toBe(ids.length);
  }
  for (const t of snap.kafka?.topics ?? [])
    for (const p of t.partitions) {
      expect(p.logStartOffset).toBeLessThanOrEqual(p.logEndOffset);
      for (const r of p.records) expect(r.offset >= p.logStartOffset && r.offset < p.logEndOffset).toBe(true);
      p.records.forEach((r, i) => i > 0 && expect(r.offset).toBeGreaterThan(p.records[i - 1]!.offset));
      expect(p.segments.filter((s) => s.active)).toHaveLength(1);
    }
}

function checkTrace(events: readonly SimEvent[], dead: string): void {
  // Offsets are contiguous from 0 per partition and never reused, within one leader epoch: a new
  // leader continues from its own log-end offset, which may be below what the old leader had appended.
  const next = new Map<string, number>();
  const epoch = new Map<string, number>();
  for (const a of ofType(events, 'appended')) {
    const k = `${a.topic}-${a.partition}`;
    const e = a.leaderEpoch ?? 0;
    if (e > (epoch.get(k) ?? 0)) {
      expect(a.offset).toBeLessThanOrEqual(next.get(k) ?? 0);
      epoch.set(k, e);
    } else expect(a.offset).toBe(next.get(k) ?? 0);
    next.set(k, a.offset + 1);
    expect(a.logEndOffset).toBe(a.offset + 1);
  }
  const held = new Map<string, Set<string>>();
  const acked = new Set<string>();
  const hold = (q: string) => held.get(q) ?? held.set(q, new Set()).get(q)!;
  for (const e of events) {
    switch (e.type) {
      case 'enqueued':
        // Dead-lettered copies from several queues may meet in one dead-letter queue; skip it.
        if (e.queue === dead) break;
        // A queue never holds a message twice.
        expect(hold(e.queue).has(e.messageId)).toBe(false);
        expect(acked.has(`${e.queue}/${e.messageId}`)).toBe(false);
        hold(e.queue).add(e.messageId);
        break;
      case 'delivered':
        expect(acked.has(`${e.queue}/${e.messageId}`)).toBe(false);
        expect(hold(e.queue).has(e.messageId)).toBe(true);
        if (e.autoAck) hold(e.queue).delete(e.messageId);
        else if (e.prefetchCount > 0) expect(e.unacked).toBeLessThanOrEqual(e.prefetchCount);
        break;
      case 'acked':
        acked.add(`${e.queue}/${e.messageId}`);
        hold(e.queue).delete(e.messageId);
        break;
      case 'requeued':
        // Acked messages never come back.
        expect(acked.has(`${e.queue}/${e.messageId}`)).toBe(false);
        break;
      case 'expired':
        hold(e.queue).delete(e.messageId);
        break;
      case 'dropped':
        if (e.reason !== 'consumer-crash') hold(e.queue).delete(e.messageId);
        break;
      case 'nacked':
        if (!e.requeue) hold(e.queue).delete(e.messageId);
        break;
      case 'fetched':
        if (e.lag !== null) expect(e.lag).toBeGreaterThanOrEqual(0);
        expect(e.toOffset).toBeLessThanOrEqual(e.logEndOffset);
        break;
      case 'committed':
        expect(e.lag).toBeGreaterThanOrEqual(0);
        break;
      default:
        break;
    }
  }
}

describe('engine properties', () => {
  it('traces keep the brokers’ invariants (offsets, single copies, acks, prefetch, lag)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (s, seed) => {
        const sim = createSimulation(s, seed);
        for (let t = 0; t <= s.durationMs; t += 1000) {
          sim.runUntil(t);
          checkSnapshot(sim.snapshot(), namesOf.get(s)!.dead);
        }
        checkTrace(sim.events(), namesOf.get(s)!.dead);
      }),
      RUNS,
    );
  }, 120_000);

  it('is deterministic: same scenario and seed give the same trace', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (s, seed) => {
        expect(hashEvents(straight(s, seed).events())).toBe(hashEvents(straight(s, seed).events()));
      }),
      RUNS,
    );
  }, 120_000);

  it('seek(t) then running forward equals a straight run', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer(),
        fc.array(fc.integer({ min: 0, max: 7000 }), { minLength: 1, maxLength: 4 }),
        (s, seed, seeks) => {
          const expected = hashEvents(straight(s, seed).events());
          const sim = createSimulation(s, seed, { checkpointEvery: 15 });
          for (const t of seeks) sim.seek(t);
          sim.runUntil(sim.endTime);
          expect(hashEvents(sim.events())).toBe(expected);
        },
      ),
      RUNS,
    );
  }, 120_000);

  it('seeking backwards then forwards reproduces the same snapshot', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), fc.integer({ min: 0, max: 7000 }), fc.integer({ min: 0, max: 7000 }), (s, seed, t, back) => {
        const sim = createSimulation(s, seed, { checkpointEvery: 10 });
        sim.runUntil(t);
        const at = JSON.stringify(sim.snapshot());
        const events = hashEvents(sim.events());
        sim.runUntil(sim.endTime);
        sim.seek(Math.min(back, t));
        sim.seek(t);
        expect(JSON.stringify(sim.snapshot())).toBe(at);
        expect(hashEvents(sim.events())).toBe(events);
      }),
      RUNS,
    );
  }, 120_000);

  it('interventions fork deterministically and replay on seek', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), fc.integer({ min: 0, max: 7000 }), ivArb, (s, seed, t, iv) => {
        const one = interventionFor(iv, s);
        fc.pre(one !== null);
        const parsed = parsedIntervention(one!);
        // A: run to t, intervene, run on.
        const a = createSimulation(s, seed);
        a.runUntil(t);
        a.intervene(parsed);
        a.runUntil(a.endTime);
        // B: run past t first, come back, intervene (discarding the old future), run on.
        const b = createSimulation(s, seed, { checkpointEvery: 12 });
        b.runUntil(b.endTime);
        b.seek(t);
        b.intervene(parsed);
        b.runUntil(b.endTime);
        expect(hashEvents(b.events())).toBe(hashEvents(a.events()));
        expect(b.interventions()).toEqual([{ time: t, intervention: parsed }]);
        // Replaying from zero applies the recorded intervention again.
        b.seek(0);
        b.runUntil(b.endTime);
        expect(hashEvents(b.events())).toBe(hashEvents(a.events()));
      }),
      RUNS,
    );
  }, 120_000);
});

describe('step()', () => {
  it('returns the events of one moment at a time and [] only at the end', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (s, seed) => {
        const sim = createSimulation(s, seed);
        const seen: SimEvent[] = [...sim.events()]; // set-up events (groupCreated) exist before the first step
        for (let guard = 0; guard < 100_000; guard++) {
          const batch = sim.step();
          if (batch.length === 0) break;
          expect(new Set(batch.map((e) => e.time)).size).toBe(1);
          expect(batch[0]!.time).toBe(sim.time);
          seen.push(...batch);
        }
        expect(sim.time).toBe(sim.endTime);
        expect(hashEvents(seen)).toBe(hashEvents(straight(s, seed).events()));
      }),
      { numRuns: runs(25) },
    );
  }, 120_000);
});

describe('series()', () => {
  it('samples totals over the whole run; the model without an event log makes the same decisions', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (s, seed) => {
        const sim = straight(s, seed);
        const series = sim.series(500);
        expect(series[0]!.time).toBe(0);
        expect(series.at(-1)!.time).toBe(sim.endTime);
        expect(series.at(-1)!.totals).toEqual(sim.snapshot().totals);
        for (let i = 1; i < series.length; i++)
          expect(series[i]!.totals.kafkaProduced).toBeGreaterThanOrEqual(series[i - 1]!.totals.kafkaProduced);
      }),
      { numRuns: runs(30) },
    );
  }, 120_000);
});

describe('many forks', () => {
  it('after any mix of seeks and interventions, the recorded interventions replay to the same trace', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer(),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7000 }), ivArb), { minLength: 1, maxLength: 5 }),
        (s, seed, ops) => {
          const sim = createSimulation(s, seed, { checkpointEvery: 20 });
          sim.runUntil(sim.endTime);
          for (const [t, iv] of ops) {
            const one = interventionFor(iv, s);
            if (!one) continue;
            const parsed = parsedIntervention(one);
            sim.seek(t);
            sim.intervene(parsed);
          }
          sim.runUntil(sim.endTime);
          const recorded = sim.interventions();
          for (let i = 1; i < recorded.length; i++) expect(recorded[i]!.time).toBeGreaterThanOrEqual(recorded[i - 1]!.time);
          const fresh = createSimulation(s, seed);
          for (const r of recorded) {
            fresh.runUntil(r.time);
            fresh.intervene(r.intervention);
          }
          fresh.runUntil(fresh.endTime);
          expect(hashEvents(sim.events())).toBe(hashEvents(fresh.events()));
          sim.seek(0);
          sim.runUntil(sim.endTime);
          expect(hashEvents(sim.events())).toBe(hashEvents(fresh.events()));
        },
      ),
      { numRuns: runs(60) },
    );
  }, 120_000);
});
