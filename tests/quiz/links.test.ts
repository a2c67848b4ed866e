import { describe, expect, it } from 'vitest';
import { rowLabel, scenarioLabel } from '@/components/choose/links';
import { FEATURES } from '@/lib/content/features';
import { FEATURE_LABELS } from '@/lib/content/types';
import { QUESTIONS } from '@/lib/quiz';
import { SCENARIO_TITLES } from '@/lib/scenario-titles';
import { builtInScenarios } from '@/simulator';

describe('links from the quiz name their targets, never internal ids', () => {
  it('scenario titles are the engine’s own', () => {
    expect(SCENARIO_TITLES).toEqual(Object.fromEntries(builtInScenarios.map((s) => [s.id, s.title])));
  });

  it('every feature row has a label and the table shows it', () => {
    expect(Object.keys(FEATURE_LABELS).sort()).toEqual(FEATURES.map((r) => r.id).sort());
  });

  it.each(QUESTIONS.filter((q) => q.scenarios || q.row).map((q) => [q.id, q] as const))('%s links read as words', (_, q) => {
    for (const id of q.scenarios ?? []) {
      expect(scenarioLabel(id)).not.toContain(id);
      expect(scenarioLabel(id)).toMatch(/^Simulate: (?:[A-Z]|[a-z.]+=)/); // a sentence, or a setting (acks=1: …)
    }
    if (q.row) expect(rowLabel(q.row)).toMatch(/^Compare: the “[A-Z][a-z]/);
  });
});
