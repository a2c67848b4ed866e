// Issue #20, item 1: topics, groups, consumers, queues, exchanges and headers named like
// Object.prototype members ("constructor", "toString", "__proto__", …) work everywhere in the engine.
// Each test here failed on the engine that kept these names in plain objects.
import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, type ScenarioInput } from '@/simulator';
import { assignPartitions, cooperativeStickyAssign } from '@/simulator/kafka/assignors';
import { chartSeries } from '@/lib/simulate/series';
import { prototypeNames } from '@/e2e/fixtures/hostile-scenarios';
import { ofType, runToEnd, scenario } from './engine-helpers';
import { PROTOTYPE_NAMES } from '../support/names';

const kafkaWith = (topic: string, group: string): ScenarioInput => ({
  version: 1,
  durationMs: 4000,
  kafka: {
    topics: [{ name: topic, partitions: 2 }],
    producers: [{ id: 'p', topic, ratePerSec: 10, count: 10 }],
    groups: [{ id: group, topics: [topic], autoOffsetReset: 'earliest', consumers: [{ id: 'c1' }, { id: 'c2' }] }],
  },
});

const rabbitWith = (queue: string): ScenarioInput => ({
  version: 1,
  durationMs: 3000,
  rabbitmq: {
    queues: [{ name: queue }],
    publishers: [{ id: 'p', exchange: '', routingKeys: [queue], ratePerSec: 10, count: 10 }],
  },
});

describe('Kafka with prototype names', () => {
  it.each(PROTOTYPE_NAMES)('a topic called %s is assigned and read (partitionsPerTopic dropped "__proto__")', (name) => {
    const sim = runToEnd(kafkaWith(name, 'g'));
    const fetched = ofType(sim.events(), 'fetched').reduce((n, e) => n + e.count, 0);
    expect(fetched).toBe(10);
    const rebalanced = ofType(sim.events(), 'rebalanced').at(-1)!;
    expect(Object.values(rebalanced.assignment).flat().sort()).toEqual([`${name}-0`, `${name}-1`]);
  });

  it.each(PROTOTYPE_NAMES)('a group called %s has its lag in the totals', (name) => {
    const sim = createSimulation(scenario({ ...kafkaWith('t', name), durationMs: 1000 }), 1);
    sim.runUntil(600);
    const lag = sim.snapshot().totals.groupLag;
    expect(Object.keys(lag)).toEqual([name]);
    expect(Object.prototype.hasOwnProperty.call(lag, name)).toBe(true);
    expect(typeof lag[name]).toBe('number');
  });

  it('consumers called __proto__, constructor and toString share a group in every assignor', () => {
    const members = ['__proto__', 'constructor', 'toString'].map((memberId) => ({ memberId, topics: ['t'] }));
    const counts = Object.assign(Object.create(null) as Record<string, number>, { t: 6 });
    for (const strategy of ['range', 'roundrobin'] as const) {
      const a = assignPartitions(strategy, members, counts);
      expect(Object.keys(a).sort()).toEqual(['__proto__', 'constructor', 'toString']);
      expect(Object.values(a).flat()).toHaveLength(6);
    }
    const first = cooperativeStickyAssign(members, counts, Object.create(null) as Record<string, string[]>);
    expect(Object.values(first.assignment).flat()).toHaveLength(6);
    // A plain-object `previous` (as a caller may pass) never reads Object.prototype's members as owned partitions.
    const again = cooperativeStickyAssign([...members, { memberId: 'valueOf', topics: ['t'] }], counts, {});
    expect(Object.values(again.target).flat()).toHaveLength(6);
  });

  it('a cooperative-sticky group of members __proto__ and constructor rebalances and revokes by name', () => {
    const sim = runToEnd({
      version: 1,
      durationMs: 6000,
      kafka: {
        topics: [{ name: '__proto__', partitions: 4 }],
        producers: [{ id: 'p', topic: '__proto__', ratePerSec: 10, count: 20 }],
        groups: [
          {
            id: 'constructor',
            topics: ['__proto__'],
            strategy: 'cooperative-sticky',
            autoOffsetReset: 'earliest',
            consumers: [{ id: '__proto__' }, { id: 'constructor', startMs: 2000 }],
          },
        ],
      },
    });
    const rebalances = ofType(sim.events(), 'rebalanced');
    const last = rebalances.at(-1)!;
    expect(Object.keys(last.assignment).sort()).toEqual(['__proto__', 'constructor']);
    expect(last.assignment['__proto__']).toHaveLength(2);
    expect(last.assignment['constructor']).toHaveLength(2);
    // The second member's join revoked two partitions from "__proto__" in a first rebalance.
    expect(
      rebalances.some((r) => Object.prototype.hasOwnProperty.call(r.revoked, '__proto__') && r.revoked['__proto__']!.length === 2),
    ).toBe(true);
    expect(ofType(sim.events(), 'fetched').reduce((n, e) => n + e.count, 0)).toBeGreaterThanOrEqual(20);
  });
});

describe('RabbitMQ with prototype names', () => {
  it.each(PROTOTYPE_NAMES)('a queue called %s has its depth in the totals', (name) => {
    const sim = createSimulation(scenario(rabbitWith(name)), 1);
    sim.runUntil(2000);
    const depth = sim.snapshot().totals.queueDepth;
    expect(Object.keys(depth)).toEqual([name]);
    expect(depth[name]).toEqual({ ready: 10, unacked: 0 });
  });

  it('binding arguments and publisher headers called __proto__ and constructor survive the schema and route', () => {
    const parsed = parseScenario(JSON.parse(JSON.stringify(prototypeNames())));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const binding = parsed.scenario.rabbitmq!.bindings.find((b) => b.queue === 'hasOwnProperty')!;
    expect(Object.keys(binding.arguments!).sort()).toEqual(['__proto__', 'constructor', 'x-match']);
    expect(Object.keys(parsed.scenario.rabbitmq!.publishers[1]!.headers![0]!).sort()).toEqual(['__proto__', 'constructor']);
    const sim = createSimulation(parsed.scenario, 1);
    sim.runUntil(sim.endTime);
    const routed = ofType(sim.events(), 'routed').filter((e) => e.queue === 'hasOwnProperty');
    expect(routed).toHaveLength(4);
  });

  it('the headers schema keeps every header name and still names a bad value', () => {
    const bad = parseScenario({
      version: 1,
      durationMs: 1000,
      rabbitmq: {
        exchanges: [{ name: 'h', type: 'headers' }],
        queues: [{ name: 'q' }],
        bindings: [{ exchange: 'h', queue: 'q', arguments: JSON.parse('{"__proto__": {"nested": 1}}') }],
      },
    });
    expect(bad).toEqual({
      ok: false,
      errors: [{ path: 'rabbitmq.bindings[0].arguments.__proto__', message: 'must be a string, number, boolean or null' }],
    });
  });
});

describe('the hostile-names scenario of the issue', () => {
  it('runs: every topic is read by both groups, every queue gets its copies, and the totals name them all', () => {
    const sim = runToEnd(prototypeNames());
    const events = sim.events();
    const fetchedBy = (group: string, topic: string) =>
      ofType(events, 'fetched')
        .filter((e) => e.group === group && e.topic === topic)
        .reduce((n, e) => n + e.count, 0);
    expect(fetchedBy('__proto__', '__proto__')).toBe(10);
    expect(fetchedBy('__proto__', 'constructor')).toBe(10);
    expect(fetchedBy('constructor', '__proto__')).toBe(10);
    const totals = sim.snapshot().totals;
    expect(Object.keys(totals.groupLag).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.keys(totals.queueDepth).sort()).toEqual(['__proto__', 'hasOwnProperty', 'toString']);
  });

  it('chart series keep a group or queue called __proto__', () => {
    const sim = runToEnd(prototypeNames());
    const series = chartSeries(sim.series(500), { kafka: true, rabbitmq: true });
    expect(series.lagKeys.map((k) => k.label).sort()).toEqual(['__proto__', 'constructor']);
    const proto = series.lagKeys.find((k) => k.label === '__proto__')!;
    expect(series.lag.every((p) => typeof p[proto.key] === 'number')).toBe(true);
    expect(series.depthKeys.map((k) => k.label)).toContain('__proto__ ready');
  });
});
