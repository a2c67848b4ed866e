import { describe, expect, it } from 'vitest';
import { allClaims } from '@/lib/content';
import { CLIENT_DEFAULTS } from '@/lib/content/client-defaults';
import { DURABILITY_OUTCOMES, KAFKA_DURABILITY, RABBIT_DURABILITY, durabilityClaims } from '@/lib/content/durability';
import { QUESTIONS } from '@/lib/quiz';
import { builtInScenarios } from '@/simulator';

const scenarioIds = new Set(builtInScenarios.map((s) => s.id));

describe('“When a broker dies” on /', () => {
  it('is part of the page’s claims, so its sources are numbered and listed', () => {
    const page = allClaims();
    for (const c of durabilityClaims()) expect(page).toContainEqual(c);
  });

  it('names the settings that decide durability on each side, with a default for each', () => {
    expect(KAFKA_DURABILITY.map((s) => s.name)).toEqual(
      expect.arrayContaining(['replication.factor', 'acks', 'min.insync.replicas', 'unclean.leader.election.enable', 'enable.idempotence']),
    );
    expect(RABBIT_DURABILITY.map((s) => s.id)).toEqual(
      expect.arrayContaining(['queue-type', 'durable-persistent', 'confirms', 'majority']),
    );
    for (const s of [...KAFKA_DURABILITY, ...RABBIT_DURABILITY]) {
      expect(s.defaults.length, s.id).toBeGreaterThan(0);
      expect(s.guarantee.sources.length, s.id).toBeGreaterThan(0);
    }
  });

  it('states the broker defaults as Kafka 4.x ships them', () => {
    const byName = new Map(KAFKA_DURABILITY.map((s) => [s.name, s]));
    expect(byName.get('replication.factor')!.defaults).toMatch(/^1 /);
    expect(byName.get('min.insync.replicas')!.defaults).toBe('1');
    expect(byName.get('unclean.leader.election.enable')!.defaults).toBe('false');
  });

  it('takes per-client producer defaults from the one client-defaults table', () => {
    const acks = KAFKA_DURABILITY.find((s) => s.name === 'acks')!.defaults;
    const idem = KAFKA_DURABILITY.find((s) => s.name === 'enable.idempotence')!.defaults;
    for (const id of ['java', 'librdkafka', 'kafkajs'] as const) {
      const c = CLIENT_DEFAULTS.find((d) => d.id === id)!;
      expect(acks).toContain(c.acks);
      expect(idem).toContain(c.idempotence.text);
    }
  });

  it('gives each broker an outcome with the defaults and with a deliberate setup, linked to scenarios', () => {
    for (const broker of ['kafka', 'rabbitmq'] as const) {
      const outcomes = DURABILITY_OUTCOMES.filter((o) => o.broker === broker);
      expect(outcomes.length).toBe(2);
      expect(outcomes.some((o) => (o.outcome.scenarios ?? []).length > 0)).toBe(true);
    }
  });

  it('links only to scenarios the simulator has, and each failure scenario is linked from the section', () => {
    const linked = [
      ...KAFKA_DURABILITY.flatMap((s) => s.guarantee.scenarios ?? []),
      ...RABBIT_DURABILITY.flatMap((s) => s.guarantee.scenarios ?? []),
      ...DURABILITY_OUTCOMES.flatMap((o) => o.outcome.scenarios ?? []),
    ];
    for (const id of linked) expect(scenarioIds.has(id), id).toBe(true);
    for (const id of [
      'acks-all-leader-dies',
      'acks-1-leader-dies',
      'two-brokers-down',
      'unclean-election',
      'retries-duplicates',
      'quorum-leader-dies',
      'classic-node-dies',
      'publisher-confirms',
    ])
      expect(linked, id).toContain(id);
  });
});

describe('scenario links from the rest of / and from /choose', () => {
  it('every claim’s scenario exists', () => {
    for (const c of allClaims()) for (const id of c.scenarios ?? []) expect(scenarioIds.has(id), id).toBe(true);
  });

  it('where / mentions share groups, poison messages or rebalancing, it links a scenario that shows it', () => {
    for (const c of allClaims()) {
      if (/share group|poison|fails every time|rebalance/i.test(c.text) && !/^Client library/.test(c.text)) {
        expect(c.scenarios?.length ?? 0, c.text.slice(0, 60)).toBeGreaterThan(0);
      }
    }
  });

  it('the quiz’s durability, task-queue and scaling questions link the new scenarios', () => {
    const q = (id: string) => QUESTIONS.find((x) => x.id === id)!;
    expect(q('durability').scenarios).toEqual(expect.arrayContaining(['broker-dies-both', 'acks-1-leader-dies', 'publisher-confirms']));
    expect(q('tasks').scenarios).toEqual(expect.arrayContaining(['poison-three-ways']));
    for (const question of QUESTIONS) for (const id of question.scenarios ?? []) expect(scenarioIds.has(id), id).toBe(true);
  });
});
