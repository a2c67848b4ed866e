import { describe, expect, it } from 'vitest';
import { GROUPS, LOG_END_OFFSET, PARTITION, QUEUE_SIDE, SCENARIO_ID, SIMULATOR_LINK } from '@/lib/content/log-vs-queue';
import { getBuiltInScenario } from '@/simulator';

// The diagram on `/` is drawn from the engine running the simulator's scenario: one source of truth.
describe('log vs queue diagram', () => {
  const scenario = getBuiltInScenario(SCENARIO_ID)!.scenario;

  it('shows the scenario’s partition: offsets 0..4, log-end offset 5', () => {
    expect(PARTITION.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4]);
    expect(LOG_END_OFFSET).toBe(5);
    expect(PARTITION).toHaveLength(scenario.kafka!.topics[0]!.records!.length);
  });

  it('shows the scenario’s groups by their own names, with the engine’s committed offsets and lag', () => {
    expect(GROUPS.map((g) => g.group)).toEqual(scenario.kafka!.groups!.map((g) => g.id));
    expect(GROUPS.map((g) => [g.group, g.committedOffset, g.lag])).toEqual([
      ['billing', 5, 0],
      ['analytics', 2, 3],
      ['audit', 4, 1],
    ]);
  });

  it('records are named by their offsets only, so no 1-based label invites the off-by-one', () => {
    for (const r of PARTITION) expect(Object.keys(r)).toEqual(['offset']);
  });

  it('the queue side is the scenario’s queue a moment later: one delivery held, two waiting, two acked and gone', () => {
    expect(QUEUE_SIDE.queue).toBe(scenario.rabbitmq!.queues![0]!.name);
    expect(QUEUE_SIDE.consumer).toBe('worker');
    expect(QUEUE_SIDE.prefetch).toBe(1);
    expect(QUEUE_SIDE.inFlight).toHaveLength(1);
    expect(QUEUE_SIDE.ready).toHaveLength(2);
    expect(QUEUE_SIDE.acked).toBe(2);
  });

  it('links to that scenario', () => {
    expect(SIMULATOR_LINK).toBe(`/simulate?scenario=${SCENARIO_ID}`);
  });
});
