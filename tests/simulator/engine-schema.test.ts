import { describe, expect, it } from 'vitest';
import { builtInScenarios, parseIntervention, parseScenario } from '@/simulator';

const base = { version: 1, durationMs: 5000 };

describe('parseScenario gives readable errors that name the field', () => {
  it.each([
    [{ ...base, kafka: { topics: [{ name: 't', partitions: 100 }] } }, 'kafka.topics[0].partitions', 'must be an integer from 1 to 64'],
    [{ ...base, kafka: { topics: [{ name: 't', partitions: 1.5 }] } }, 'kafka.topics[0].partitions', 'must be an integer from 1 to 64'],
    [{ ...base, durationMs: 10_000_000 }, 'durationMs', 'must be an integer from 100 to 300000'],
    [{ ...base, version: 2 }, 'version', 'must be 1'],
    [
      { ...base, kafka: { topics: [{ name: 't', partitions: 1 }], producers: [{ id: 'p', topic: 't', ratePerSec: 1e9 }] } },
      'kafka.producers[0].ratePerSec',
      'must be a number from 0 to 500',
    ],
    [
      { ...base, kafka: { topics: [{ name: 't', partitions: 1 }], producers: [{ id: 'p', topic: 'nope' }] } },
      'kafka.producers[0].topic',
      'names no declared topic ("nope")',
    ],
    [
      { ...base, kafka: { topics: [{ name: 't', partitions: 1 }], groups: [{ id: 'g', topics: ['t'], strategy: 'sticky' }] } },
      'kafka.groups[0].strategy',
      'must be "range", "roundrobin" or "cooperative-sticky"',
    ],
    [
      { ...base, rabbitmq: { queues: [{ name: 'q' }], consumers: [{ id: 'c', queue: 'q', prefetchCount: -1 }] } },
      'rabbitmq.consumers[0].prefetchCount',
      'must be an integer from 0 to 1000',
    ],
    [
      { ...base, rabbitmq: { queues: [{ name: 'q' }], bindings: [{ exchange: 'x', queue: 'q' }] } },
      'rabbitmq.bindings[0].exchange',
      'names no declared exchange ("x")',
    ],
    [
      { ...base, rabbitmq: { queues: [{ name: 'q' }], consumers: [{ id: 'c', queue: 'q', offset: 'first' }] } },
      'rabbitmq.consumers[0].offset',
      'applies only to consumers of a stream queue',
    ],
    [
      { ...base, rabbitmq: { exchanges: [{ name: 'amq.x', type: 'direct' }], queues: [{ name: 'q' }] } },
      'rabbitmq.exchanges[0].name',
      'must not start with "amq." (reserved by the broker)',
    ],
    [
      {
        ...base,
        rabbitmq: {
          exchanges: [{ name: 'h', type: 'headers' }],
          queues: [{ name: 'q' }],
          bindings: [{ exchange: 'h', queue: 'q', arguments: { 'x-match': 'some' } }],
        },
      },
      'rabbitmq.bindings[0].arguments.x-match',
      'must be "all", "any", "all-with-x" or "any-with-x"',
    ],
    [
      {
        ...base,
        kafka: { topics: [{ name: 't', partitions: 1 }] },
        interventions: [{ time: 9000, intervention: { type: 'kafka.addPartitions', topic: 't', partitions: 2 } }],
      },
      'interventions[0].time',
      "must be within the scenario's 5000 ms",
    ],
    [
      {
        ...base,
        kafka: { topics: [{ name: 't', partitions: 2 }] },
        interventions: [{ time: 1, intervention: { type: 'kafka.addPartitions', topic: 't', partitions: 2 } }],
      },
      'interventions[0].intervention.partitions',
      "must be more than the topic's current 2 partitions",
    ],
    [
      { ...base, rabbitmq: { queues: [{ name: 'q' }], consumers: [{ id: 'c', queue: 'q', autoAck: true, settleBy: 'interventions' }] } },
      'rabbitmq.consumers[0].settleBy',
      'applies only to manual-ack consumers of a classic or quorum queue',
    ],
    [
      { ...base, rabbitmq: { queues: [{ name: 'q' }], consumers: [{ id: 'c', queue: 'q', settleBy: 'never' }] } },
      'rabbitmq.consumers[0].settleBy',
      'must be "processing" or "interventions"',
    ],
    [
      {
        ...base,
        rabbitmq: { queues: [{ name: 'q' }] },
        interventions: [{ time: 1, intervention: { type: 'rabbitmq.publishBurst', count: 1, valueBytes: -1 } }],
      },
      'interventions[0].intervention.valueBytes',
      'must be an integer from 0 to 1000000',
    ],
    [
      { ...base, interventions: [{ time: 1, intervention: { type: 'kafka.explode' } }] },
      'interventions[0].intervention.type',
      'must be a known intervention type (kafka.addConsumer, kafka.seek, rabbitmq.nack, ...)',
    ],
  ])('%#: %j', (input, path, message) => {
    const r = parseScenario(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ path, message });
  });

  it('rejects unknown keys (typos) instead of ignoring them', () => {
    const r = parseScenario({ ...base, kafka: { topics: [{ name: 't', partitons: 3, partitions: 1 }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('kafka.topics[0]');
  });

  it('reports every problem at once', () => {
    const r = parseScenario({ version: 3, durationMs: -1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['durationMs', 'version']);
  });

  it('never throws on garbage', () => {
    for (const input of [null, undefined, 42, 'x', [], { version: 1 }, { kafka: null }]) expect(parseScenario(input).ok).toBe(false);
  });

  it('fills defaults so a minimal scenario runs', () => {
    const r = parseScenario({ ...base, kafka: { topics: [{ name: 't', partitions: 1 }] } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.kafka!.topics[0]!.cleanupPolicy).toBe('delete');
  });

  it('parses interventions on their own (for the page controls)', () => {
    expect(parseIntervention({ type: 'rabbitmq.nack', consumer: 'c', deliveryTag: 1, requeue: false }).ok).toBe(true);
    expect(parseIntervention({ type: 'rabbitmq.nack', consumer: 'c', deliveryTag: 1, requeue: false, multiple: true }).ok).toBe(true);
    expect(parseIntervention({ type: 'rabbitmq.ack', consumer: 'c', deliveryTag: 3, multiple: true }).ok).toBe(true);
    expect(parseIntervention({ type: 'rabbitmq.ack', consumer: 'c', deliveryTag: 3, requeue: true }).ok).toBe(false);
    const bad = parseIntervention({ type: 'rabbitmq.nack', consumer: 'c', deliveryTag: 0, requeue: false });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toContainEqual({ path: 'deliveryTag', message: 'must be an integer from 1 to 1000000000' });
  });

  it('accepts every built-in scenario as plain JSON', () => {
    for (const b of builtInScenarios) expect(parseScenario(JSON.parse(JSON.stringify(b.scenario))).ok, b.id).toBe(true);
  });
});
