import { describe, expect, it } from 'vitest';
import { FEATURE_IDS, FEATURE_LABELS, isKnownSource } from '@/lib/content';
import { FEATURES } from '@/lib/content/features';

describe('feature table rows', () => {
  it('has the ten rows in the agreed order (ids others link to as /#feature-<id>)', () => {
    expect(FEATURES.map((r) => r.id)).toEqual([...FEATURE_IDS]);
    expect(FEATURE_IDS).toEqual([
      'throughput',
      'retention',
      'consumers',
      'replay',
      'routing',
      'latency',
      'ordering',
      'protocols',
      'management',
      'managed',
    ]);
  });

  it.each(FEATURES.map((r) => [r.id, r] as const))('%s has short answers, nuance and known sources', (_, row) => {
    expect(FEATURE_LABELS[row.id].length).toBeGreaterThan(3);
    expect(row.kafka.length).toBeGreaterThan(3);
    expect(row.rabbitmq.length).toBeGreaterThan(3);
    expect(row.sources.length).toBeGreaterThanOrEqual(1);
    expect(row.nuance.length).toBeGreaterThanOrEqual(1);
    for (const id of row.sources) expect(isKnownSource(id)).toBe(true);
    for (const claim of row.nuance) {
      expect(claim.sources.length).toBeGreaterThanOrEqual(1);
      for (const id of claim.sources) expect(isKnownSource(id)).toBe(true);
    }
  });

  it('a row quoting a measured figure in its short answer states the conditions', () => {
    const figure = /\d\s*(MB\/s|msg\/s|ms\b)|\d+k\b/;
    for (const row of FEATURES) {
      if (figure.test(row.kafka) || figure.test(row.rabbitmq)) {
        expect(row.conditions, row.id).toBeDefined();
        expect(row.conditions!.length, row.id).toBeGreaterThan(20);
      }
    }
  });

  it('some rows differ at the root, not all (the table groups them first)', () => {
    const marked = FEATURES.filter((r) => r.differsMost).length;
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(FEATURES.length);
  });

  it('replay states that queues do not replay but streams do (since 3.9)', () => {
    const replay = FEATURES.find((r) => r.id === 'replay')!;
    expect(replay.rabbitmq).toMatch(/Queues: no/);
    expect(replay.rabbitmq).toMatch(/Streams \(since 3\.9\): yes/);
  });
});
