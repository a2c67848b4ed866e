// The complete example in simulator/README.md must stay valid and runnable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario } from '@/simulator';

describe('simulator/README.md example', () => {
  it('parses and runs to its end', () => {
    const md = readFileSync(new URL('../../simulator/README.md', import.meta.url), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(md)![1]!;
    const r = parseScenario(JSON.parse(json));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const sim = createSimulation(r.scenario, 1);
    sim.runUntil(sim.endTime);
    const types = new Set(sim.events().map((e) => e.type));
    for (const t of [
      'appended',
      'fetched',
      'committed',
      'rebalanced',
      'consumerCrashed',
      'routed',
      'unroutable',
      'delivered',
      'acked',
      'expired',
      'deadLettered',
      'rejectedPublish',
      'prefetchChanged',
    ])
      expect(types, t).toContain(t);
  });
});
