// The work budget (issue #20, item 5): a run takes at most BUDGET.steps steps. Past it the run ends
// just before the moment that was too heavy, says what the steps went to, and stays usable up to there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, hashEvents, LIMITS, type Scenario, type ScenarioInput } from '@/simulator';
import { BUDGET } from '@/simulator/schema/defaults';
import { deadLetterFanOut, fanoutFlood, nackRequeueStorm, pollStorm, pollStormAtTheCaps } from '@/e2e/fixtures/hostile-scenarios';
import { scenario } from './engine-helpers';
import { runs } from '../support/property';
import { namePool } from '../support/names';

const small = (s: ScenarioInput, budget: number, recordEvents = true) =>
  createSimulation(scenario(s), 1, { budget, recordEvents, checkpointEvery: 50 });

describe('a run past its budget', () => {
  it('ends just before the moment that was too heavy, names what the steps went to, and matches an unlimited run up to there', () => {
    const sim = small(pollStorm(), 20_000);
    sim.runUntil(300_000);
    const stopped = sim.stopped!;
    expect(stopped.reason).toBe('too-heavy');
    expect(stopped.details[0]).toMatch(/^[\d,]+ Kafka consumer polls$/);
    expect(sim.endTime).toBe(stopped.at - 1);
    expect(sim.time).toBe(sim.endTime);
    expect(sim.steps).toBeLessThanOrEqual(20_000);
    const free = createSimulation(scenario(pollStorm()), 1, { budget: Infinity });
    free.runUntil(sim.endTime);
    expect(hashEvents(sim.events())).toBe(hashEvents(free.events()));
    expect(sim.snapshot()).toEqual(free.snapshot());
  });

  it('charges the Kafka cluster and share groups: follower fetches are steps (they lead the tally with the share polls)', () => {
    // 3 brokers, RF 3, 4 producers at 500 records/s: each record is fetched by two followers; a share group of 4 reads them all.
    const heavy: ScenarioInput = {
      version: 1,
      durationMs: 60_000,
      kafka: {
        brokers: 3,
        topics: [{ name: 't', partitions: 3, replicationFactor: 3 }],
        producers: ['p', 'q', 'r', 's'].map((id) => ({ id, topic: 't', ratePerSec: 500, count: 20_000 })),
        shareGroups: [
          {
            id: 's',
            topics: ['t'],
            shareAutoOffsetReset: 'earliest',
            consumers: ['a', 'b', 'c', 'd'].map((id) => ({ id, maxPollRecords: 500, processingMsPerRecord: 0, pollIntervalMs: 1 })),
          },
        ],
      },
    } as ScenarioInput;
    const sim = small(heavy, 40_000, false);
    sim.runUntil(60_000);
    expect(sim.stopped?.reason).toBe('too-heavy');
    expect(sim.steps).toBeLessThanOrEqual(40_000);
    const words = sim.stopped!.details.join('; ');
    expect(words).toMatch(/Kafka records fetched/);
    expect(words).toMatch(/Kafka share consumer polls/);
  });

  it('is met at the same moment with or without the event log, so the charts end where the run does', () => {
    const withLog = small(nackRequeueStorm(), 30_000);
    withLog.runUntil(withLog.endTime);
    const withoutLog = small(nackRequeueStorm(), 30_000, false);
    withoutLog.runUntil(withoutLog.endTime);
    expect(withoutLog.stopped).toEqual(withLog.stopped);
    expect(withLog.series(1000).at(-1)).toEqual({ time: withLog.endTime, totals: withLog.snapshot().totals });
  });

  it('seeks and steps within the shortened run, and never past its end', () => {
    const sim = small(fanoutFlood(), 40_000);
    sim.runUntil(Infinity);
    const end = sim.endTime;
    const atEnd = JSON.stringify(sim.snapshot());
    sim.seek(end / 2);
    sim.seek(end + 5000);
    expect(sim.time).toBe(end);
    expect(JSON.stringify(sim.snapshot())).toBe(atEnd);
    expect(sim.step()).toEqual([]);
  });

  it('a run too heavy at time 0 is the state before anything happened, and refuses interventions', () => {
    const sim = createSimulation(scenario(deadLetterFanOut(16)), 1, { budget: 50_000 });
    expect(sim.stopped).toMatchObject({ at: 0, reason: 'too-heavy' });
    expect(sim.stopped!.details.join(', ')).toMatch(/message copies put into queues/);
    expect(sim.endTime).toBe(0);
    expect(sim.events()).toEqual([]);
    expect(sim.step()).toEqual([]);
    expect(sim.snapshot().rabbitmq!.queues.every((q) => q.readyCount === 0)).toBe(true);
    expect(sim.intervene({ type: 'rabbitmq.crashConsumer', consumer: 'none' }).ok).toBe(false);
  });

  it('an intervention too heavy to apply is refused and changes nothing; one that fits is applied', () => {
    const input: ScenarioInput = {
      version: 1,
      durationMs: 10_000,
      rabbitmq: {
        exchanges: [{ name: 'fan', type: 'fanout' }],
        queues: Array.from({ length: 16 }, (_, i) => ({ name: `q${i}` })),
        bindings: Array.from({ length: 16 }, (_, i) => ({ exchange: 'fan', queue: `q${i}` })),
        publishers: [{ id: 'p', exchange: 'fan', count: 100, ratePerSec: 50 }],
      },
    };
    const sim = small(input, 30_000);
    sim.runUntil(1000);
    const before = { snapshot: JSON.stringify(sim.snapshot()), events: hashEvents(sim.events()), steps: sim.steps };
    const burst = (count: number) =>
      scenario({ ...input, interventions: [{ time: 0, intervention: { type: 'rabbitmq.publishBurst', exchange: 'fan', count } }] })
        .interventions[0]!.intervention;
    const refused = sim.intervene(burst(5000));
    expect(refused).toEqual({ ok: false, stopped: expect.objectContaining({ at: 1000, reason: 'too-heavy' }) });
    expect({ snapshot: JSON.stringify(sim.snapshot()), events: hashEvents(sim.events()), steps: sim.steps }).toEqual(before);
    expect(sim.interventions()).toEqual([]);
    expect(sim.stopped).toBeNull();
    expect(sim.intervene(burst(10))).toEqual({ ok: true });
    expect(sim.interventions()).toHaveLength(1);
    sim.runUntil(sim.endTime);
    expect(sim.stopped).toBeNull();
  });

  it('an intervention before the moment a run stopped forks it: the future is simulated again', () => {
    const input: ScenarioInput = { ...pollStorm(), durationMs: 10_000 };
    const sim = small(input, 15_000);
    sim.runUntil(Infinity);
    const end = sim.endTime;
    expect(sim.stopped).not.toBeNull();
    sim.seek(end / 2);
    const removeMost = Array.from({ length: 15 }, (_, i) => i + 1);
    for (const c of removeMost) {
      const iv = scenario({
        ...input,
        interventions: [{ time: 0, intervention: { type: 'kafka.removeConsumer', group: 'g0', consumer: `c${c}` } }],
      }).interventions[0]!.intervention;
      expect(sim.intervene(iv).ok).toBe(true);
    }
    sim.runUntil(Infinity);
    // Fewer consumers poll, so the same budget lasts longer.
    expect(sim.endTime).toBeGreaterThan(end);
  });

  it('the repros of the issue end within the real budget', () => {
    for (const s of [pollStorm(), nackRequeueStorm(), fanoutFlood(), deadLetterFanOut(16)]) {
      const sim = createSimulation(scenario(s), 1, { recordEvents: false });
      sim.runUntil(Infinity);
      expect(sim.stopped?.reason).toBe('too-heavy');
      expect(sim.steps).toBeLessThanOrEqual(BUDGET.steps);
    }
  }, 60_000);

  // Why the storm at the caps (8 topics, 128 consumers polling every 1 ms) runs its 300 s within the budget
  // while the one-topic storm is too heavy at 8.2 s: pollIntervalMs is the wait after a poll that returned
  // nothing. The one-topic storm has 100 records in all, so its consumers poll empty every 1 ms. At the caps
  // 4,000 records a second arrive for each group of 16: a consumer always finds records, takes 5
  // (max.poll.records) and processes them in 500 ms (100 ms each, the default) before it polls again, as a
  // poll loop does (poll(), process, poll()). With no processing time the same consumers poll every moment.
  it('at the caps, consumers with records poll once a batch is processed, not every 1 ms: the run fits the budget; with 0 ms processing it does not', () => {
    const caps = createSimulation(scenario(pollStormAtTheCaps()), 1, { checkpointEvery: 0 });
    caps.runUntil(3000);
    const records = new Map<string, number>();
    for (const e of caps.events())
      if (e.type === 'fetched' && e.time >= 2000)
        records.set(`${e.group}/${e.consumer}`, (records.get(`${e.group}/${e.consumer}`) ?? 0) + e.count);
    // All 128 consumers busy: each fetched 2 batches of 5 in that second, none polled empty in between.
    expect(records.size).toBe(128);
    expect(new Set(records.values())).toEqual(new Set([10]));
    const whole = createSimulation(scenario(pollStormAtTheCaps()), 1, { recordEvents: false });
    whole.runUntil(Infinity);
    expect(whole.stopped).toBeNull();
    expect(whole.endTime).toBe(300_000);

    const eager = pollStormAtTheCaps();
    for (const g of eager.kafka!.groups!) for (const c of g.consumers ?? []) c.processingMsPerRecord = 0;
    const fast = createSimulation(scenario(eager), 1, { recordEvents: false });
    fast.runUntil(Infinity);
    expect(fast.stopped?.reason).toBe('too-heavy');
    expect(fast.stopped!.details[0]).toMatch(/Kafka consumer polls|records fetched/);
    expect(fast.endTime).toBeLessThan(8_000);
  }, 60_000);
});

// ---------- random scenarios at the caps ----------

const int = (min: number, max: number) => fc.integer({ min, max });
/** Mostly the cap itself, sometimes anything below it. */
const atCap = (max: number, min = 0) => fc.oneof({ weight: 2, arbitrary: fc.constant(max) }, { weight: 1, arbitrary: int(min, max) });

const kafkaAtCaps = fc.record({
  topics: fc.array(
    fc.record({ partitions: atCap(LIMITS.partitions, 1), compact: fc.boolean(), retentionMs: fc.option(int(1, 5000), { nil: undefined }) }),
    {
      minLength: 1,
      maxLength: LIMITS.topics,
    },
  ),
  producers: fc.array(fc.record({ rate: atCap(LIMITS.ratePerSec), count: atCap(LIMITS.count), keyed: fc.boolean() }), {
    maxLength: LIMITS.producers,
  }),
  groups: fc.array(
    fc.record({
      consumers: atCap(LIMITS.consumersPerGroup),
      poll: fc.oneof(fc.constant(1), int(1, 100)),
      maxPoll: atCap(LIMITS.maxPollRecords, 1),
      processing: fc.oneof(fc.constant(0), int(0, 10)),
      strategy: fc.constantFrom('range' as const, 'roundrobin' as const, 'cooperative-sticky' as const),
    }),
    { maxLength: LIMITS.groups },
  ),
});

const rabbitAtCaps = fc.record({
  queues: fc.array(
    fc.record({
      ttl: fc.option(fc.constantFrom(0, 1, 5), { nil: undefined }),
      maxLength: fc.option(int(0, 10), { nil: undefined }),
      dlx: fc.option(int(0, 3), { nil: undefined }),
    }),
    { minLength: 1, maxLength: LIMITS.queues },
  ),
  exchanges: fc.array(fc.constantFrom('fanout' as const, 'topic' as const, 'direct' as const), { minLength: 1, maxLength: 4 }),
  publishers: fc.array(fc.record({ rate: atCap(LIMITS.ratePerSec), count: atCap(LIMITS.count), exchange: int(0, 3) }), {
    maxLength: LIMITS.publishers,
  }),
  consumers: fc.array(
    fc.record({
      queue: int(0, LIMITS.queues - 1),
      prefetch: fc.oneof(fc.constant(0), atCap(LIMITS.prefetchCount)),
      processing: fc.oneof(fc.constant(0), int(0, 10)),
      nackEvery: fc.option(int(1, 3), { nil: undefined }),
      requeue: fc.boolean(),
    }),
    { maxLength: LIMITS.rabbitConsumers },
  ),
  bursts: int(0, LIMITS.interventions),
});

function atCaps(
  k: typeof kafkaAtCaps extends fc.Arbitrary<infer T> ? T : never,
  r: typeof rabbitAtCaps extends fc.Arbitrary<infer T> ? T : never,
  name: (i: number) => string,
): ScenarioInput {
  const topics = k.topics.map((_, i) => `t${i}`);
  const queues = r.queues.map((_, i) => name(i));
  const exchanges = r.exchanges.map((_, i) => `x${i}`);
  return {
    version: 1,
    durationMs: LIMITS.durationMs,
    kafka: {
      topics: k.topics.map((t, i) => ({
        name: topics[i]!,
        partitions: t.partitions,
        cleanupPolicy: t.compact ? 'compact' : 'delete',
        retentionMs: t.retentionMs,
        logCheckIntervalMs: 100,
      })),
      producers: k.producers.map((p, i) => ({
        id: `p${i}`,
        topic: topics[i % topics.length]!,
        ratePerSec: p.rate,
        count: p.count,
        keys: p.keyed ? { prefix: 'k', count: 100 } : null,
      })),
      groups: k.groups.map((g, i) => ({
        id: `g${i}`,
        topics,
        strategy: g.strategy,
        autoOffsetReset: 'earliest',
        consumers: Array.from({ length: g.consumers }, (_, c) => ({
          id: `c${c}`,
          pollIntervalMs: g.poll,
          maxPollRecords: g.maxPoll,
          processingMsPerRecord: g.processing,
        })),
      })),
    },
    rabbitmq: {
      exchanges: exchanges.map((n, i) => ({ name: n, type: r.exchanges[i]! })),
      queues: r.queues.map((q, i) => ({
        name: queues[i]!,
        messageTtlMs: q.ttl,
        maxLength: q.maxLength,
        ...(q.dlx !== undefined ? { deadLetterExchange: exchanges[q.dlx % exchanges.length]! } : {}),
      })),
      // Every queue bound to every exchange (up to the binding cap), with a key every routing key matches where it is a topic.
      bindings: exchanges
        .flatMap((x, xi) => queues.map((q) => ({ exchange: x, queue: q, bindingKey: r.exchanges[xi] === 'topic' ? '#' : '' })))
        .slice(0, LIMITS.bindings),
      publishers: r.publishers.map((p, i) => ({
        id: `r${i}`,
        exchange: exchanges[p.exchange % exchanges.length]!,
        ratePerSec: p.rate,
        count: p.count,
      })),
      consumers: r.consumers.map((c, i) => ({
        id: `rc${i}`,
        queue: queues[c.queue % queues.length]!,
        prefetchCount: c.prefetch,
        processingMs: c.processing,
        nackEvery: c.nackEvery,
        nackRequeue: c.requeue,
      })),
    },
    interventions: Array.from({ length: r.bursts }, (_, i) => ({
      time: i * 1000,
      intervention: { type: 'rabbitmq.publishBurst' as const, exchange: exchanges[i % exchanges.length]!, count: LIMITS.burst },
    })),
  };
}

const queueName = fc.array(namePool(['q']), { minLength: LIMITS.queues, maxLength: LIMITS.queues });

describe('random scenarios at the caps', () => {
  it('every one ends, finished or too heavy, within its budget, with and without the event log', () => {
    const budget = 40_000;
    fc.assert(
      fc.property(kafkaAtCaps, rabbitAtCaps, queueName, fc.integer(), (k, r, names, seed) => {
        // Queue names from the pool ("constructor", "__proto__", … or q<i>), a repeated one made unique.
        const unique = names.map((name, i) => (name === 'q' || names.indexOf(name) < i ? `${name}${i}` : name));
        const s: Scenario = scenario(atCaps(k, r, (i) => unique[i]!));
        const sim = createSimulation(s, seed, { budget, checkpointEvery: 100 });
        sim.runUntil(Infinity);
        expect(sim.time).toBe(sim.endTime);
        expect(sim.steps).toBeLessThanOrEqual(budget);
        if (sim.stopped) {
          expect(sim.stopped.reason).toBe('too-heavy');
          expect(sim.stopped.details.length).toBeGreaterThan(0);
        } else expect(sim.endTime).toBe(s.durationMs);
        const samples = sim.series(10_000);
        expect(samples.at(-1)!.time).toBe(sim.endTime);
      }),
      { numRuns: runs(12) },
    );
  }, 120_000);
});
