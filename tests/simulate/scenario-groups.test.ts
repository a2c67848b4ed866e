import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '@/simulator';
import { groupScenarios, SCENARIO_GROUPS } from '@/lib/simulate/scenario-groups';

describe('scenario groups', () => {
  it('every built-in scenario is in exactly one group', () => {
    const listed = SCENARIO_GROUPS.flatMap((g) => g.ids);
    expect(new Set(listed).size).toBe(listed.length);
    expect(builtInScenarios.map((b) => b.id).filter((id) => !listed.includes(id))).toEqual([]);
  });

  it('a scenario not listed still shows, under "More" for its broker', () => {
    const groups = groupScenarios([
      { id: 'log-vs-queue', lanes: ['kafka', 'rabbitmq'] },
      { id: 'new-kafka', lanes: ['kafka'] },
      { id: 'new-rabbit', lanes: ['rabbitmq'] },
    ]);
    expect(groups.map((g) => [g.theme, g.scenarios.map((s) => s.id)])).toEqual([
      ['Start here: a log beside a queue', ['log-vs-queue']],
      ['More: Kafka', ['new-kafka']],
      ['More: RabbitMQ', ['new-rabbit']],
    ]);
  });
});
