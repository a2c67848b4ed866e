import { describe, expect, it } from 'vitest';
import { allClaims, isKnownSource } from '@/lib/content';
import { CONVERGENCE, VERDICT } from '@/lib/content/verdict';
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
