import { describe, expect, it } from 'vitest';
import { SOURCES, allClaims, isKnownSource } from '@/lib/content';
import { FEATURES } from '@/lib/content/features';
import { BOTTOM_LINE, CONVERGENCE, ONE_LINE_VERDICT, VERDICT, VERSIONS } from '@/lib/content/verdict';
import { MANAGED, USE_CASES } from '@/lib/content/use-cases';

describe('claims on the page', () => {
  const claims = allClaims();

  it('there are claims to check', () => {
    expect(claims.length).toBeGreaterThan(30);
  });

  it.each(claims.map((c, i) => [i, c] as const))('claim %i has text and at least one known source', (_, claim) => {
    expect(claim.text.trim().length).toBeGreaterThan(0);
    expect(claim.sources.length).toBeGreaterThanOrEqual(1);
    for (const id of claim.sources) expect(isKnownSource(id)).toBe(true);
  });

  it('the verdict has a side for each broker and the convergence line names both moves', () => {
    expect(VERDICT.map((v) => v.broker)).toEqual(['kafka', 'rabbitmq']);
    for (const side of VERDICT) expect(side.points.length).toBeGreaterThanOrEqual(3);
    expect(CONVERGENCE.text).toMatch(/streams/i);
    expect(CONVERGENCE.text).toMatch(/share groups/i);
  });
});

describe('use cases', () => {
  it('ids are unique and each has a concrete example and a source', () => {
    const ids = USE_CASES.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const u of USE_CASES) {
      expect(u.example.length).toBeGreaterThan(40);
      expect(u.sources.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('covers both brokers', () => {
    expect(USE_CASES.filter((u) => u.broker === 'kafka').length).toBeGreaterThanOrEqual(3);
    expect(USE_CASES.filter((u) => u.broker === 'rabbitmq').length).toBeGreaterThanOrEqual(3);
  });
});

describe('managed services', () => {
  it('ids are unique and every offering has a source', () => {
    const ids = MANAGED.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of MANAGED) expect(m.sources.length).toBeGreaterThanOrEqual(1);
  });

  it('includes the offerings content-facts asks for, with their caveats', () => {
    const byId = new Map(MANAGED.map((m) => [m.id, m]));
    expect(byId.get('google-managed-kafka')?.broker).toBe('kafka');
    expect(byId.get('azure-event-hubs')?.engine).toMatch(/Kafka protocol/);
    expect(byId.get('redpanda-cloud')?.note).toMatch(/Business Source License/);
    expect(byId.get('amazon-mq')?.note).toMatch(/No RabbitMQ streams/);
    expect(byId.has('cloudamqp')).toBe(true);
    expect(byId.has('amazon-msk')).toBe(true);
    expect(byId.has('confluent-cloud')).toBe(true);
  });
});

// Issue #18: the review of `/` by a senior engineer.
describe('facts as of 2026, each with a source that says it', () => {
  const claims = allClaims();
  const text = claims.map((c) => c.text).join('\n');
  const side = (id: string) => {
    const url = SOURCES[id as keyof typeof SOURCES].url;
    if (/rabbitmq|amazon-mq|cloudamqp|pika|amqplib/.test(url)) return 'rabbitmq';
    if (/kafka|confluent|redpanda|debezium|flink|msk|event-hubs|kafbat/.test(url)) return 'kafka';
    return 'neutral';
  };

  it.each(claims.filter((c) => /\bKafka\b/.test(c.text) !== /\bRabbitMQ\b/.test(c.text)).map((c) => [c.text.slice(0, 70), c] as const))(
    'a claim about one broker cites a source about that broker: %s…',
    (_, claim) => {
      const about = /\bKafka\b/.test(claim.text) ? 'kafka' : 'rabbitmq';
      expect(claim.sources.some((id) => side(id) === about || side(id) === 'neutral')).toBe(true);
    },
  );

  it('a dated line states the versions described', () => {
    expect(VERSIONS.text).toMatch(/Kafka 4\.x/);
    expect(VERSIONS.text).toMatch(/RabbitMQ 4\.x/);
    expect(VERSIONS.text).toMatch(/(January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d/);
  });

  it('RabbitMQ 4.3 made Khepri the only metadata store, with its release notes as the source', () => {
    const khepri = claims.find((c) => /Khepri/.test(c.text))!;
    expect(khepri.text).toMatch(/only store since 4\.3/);
    expect(khepri.sources).toContain('rabbitmq-4-3-release');
  });

  it('the local random exchange is built in since 4.0, not a plugin', () => {
    const exchanges = claims.find((c) => /consistent-hash/.test(c.text))!;
    expect(exchanges.text).toMatch(/built in since 4\.0, the local random exchange/);
    expect(exchanges.sources).toContain('rabbitmq-local-random');
  });

  it('event sourcing keeps every event and rebuilds from the earliest offset; compaction is not its retention', () => {
    const es = USE_CASES.find((u) => u.id === 'event-sourcing')!;
    expect(es.example).toMatch(/earliest offset/);
    expect(es.example).not.toMatch(/offset 0/);
    expect(es.example).toMatch(/retention\.ms=-1/);
    expect(es.why).toMatch(/Compaction would keep only the latest event per key/);
  });

  it('benchmarks are stated with their conditions, in the same units on both sides, never as ceilings', () => {
    const throughput = FEATURES.find((r) => r.id === 'throughput')!;
    for (const cell of [throughput.kafka, throughput.rabbitmq]) {
      expect(cell).toMatch(/msg\/s/);
      expect(cell).toMatch(/MB\/s/);
    }
    expect(throughput.conditions).toMatch(/3 scheduler threads/);
    expect(throughput.conditions).toMatch(/client on the same machine/);
    expect(throughput.conditions).toMatch(/not ceilings/);
    expect(text).toMatch(/≈137k msg\/s sent and ≈112k end to end over AMQP 1\.0, ≈89k over AMQP 0-9-1/);
    const latency = FEATURES.find((r) => r.id === 'latency')!;
    expect(latency.rabbitmq).toMatch(/mirrored queues since removed/);
    expect(latency.conditions).toMatch(/mirrored queues, removed in 4\.0/);
    expect(text).not.toMatch(/tops out|per cluster/);
  });

  it('the seed points are back: data pipelines, small scale, Kafka as the cloud-scale default, RabbitMQ for simpler needs', () => {
    expect(USE_CASES.find((u) => u.id === 'data-pipelines')?.broker).toBe('kafka');
    expect(USE_CASES.find((u) => u.id === 'small-scale')?.broker).toBe('rabbitmq');
    const bottom = BOTTOM_LINE.map((c) => c.text).join(' ');
    expect(bottom).toMatch(/cloud scale Kafka has become the default/);
    expect(bottom).toMatch(/excellent broker for plain message passing/);
    expect(bottom).toMatch(/operational needs are simple/);
  });

  it('Redpanda’s licence note says enterprise features need a paid licence, citing the current licensing page', () => {
    const rp = MANAGED.find((m) => m.id === 'redpanda-cloud')!;
    expect(rp.note).toMatch(/paid licence/);
    expect(SOURCES['redpanda-licensing'].url).not.toMatch(/\/docs\/introduction\//);
  });

  it('the one-line verdict says queues for work, a log for events', () => {
    expect(ONE_LINE_VERDICT.text).toMatch(/RabbitMQ queue/);
    expect(ONE_LINE_VERDICT.text).toMatch(/Kafka log/);
  });
});
