import { describe, expect, it } from 'vitest';
import { builtInScenarios, createSimulation } from '@/simulator';
import { describeMoment, SUMMARY_LINES } from '@/lib/simulate/moment-summary';

const at = (id: string, t: number) => {
  const sim = createSimulation(builtInScenarios.find((b) => b.id === id)!.scenario, 1);
  sim.seek(t);
  return sim.snapshot();
};

describe('describeMoment', () => {
  it('says what log-vs-queue shows at 0 s: the log-end offset, each group’s committed offset and lag, the queue', () => {
    expect(describeMoment(at('log-vs-queue', 0))).toEqual([
      'orders-0: log-end offset 5; billing committed 5 (lag 0), analytics committed 2 (lag 3), audit committed 4 (lag 1).',
      'Queue orders: ready 1, unacked 0; 0 acked so far.',
    ]);
  });

  it('uses the snapshot’s own numbers for every partition and queue', () => {
    for (const b of builtInScenarios) {
      const s = at(b.id, Math.floor(b.scenario.durationMs / 2));
      const text = describeMoment(s).join('\n');
      for (const p of (s.kafka?.topics ?? []).flatMap((t) => t.partitions).slice(0, SUMMARY_LINES - 1))
        expect(text, b.id).toContain(`${p.name}: log-end offset ${p.logEndOffset}`);
      for (const q of (s.rabbitmq?.queues ?? []).filter((x) => !x.stream).slice(0, SUMMARY_LINES - 1))
        expect(text, b.id).toContain(`Queue ${q.name}: ready ${q.readyCount}, unacked ${q.unacked.length}`);
    }
  });

  it('counts what it leaves out', () => {
    const s = at('log-vs-queue', 0);
    const many = {
      ...s,
      rabbitmq: { ...s.rabbitmq!, queues: Array.from({ length: 9 }, (_, i) => ({ ...s.rabbitmq!.queues[0]!, name: `q${i}` })) },
    };
    const lines = describeMoment(many).filter((l) => !l.startsWith('orders'));
    expect(lines).toHaveLength(SUMMARY_LINES);
    expect(lines.at(-1)).toBe('… and 4 more queues.');
  });
});
