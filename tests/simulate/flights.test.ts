import { describe, expect, it } from 'vitest';
import { builtInScenarios, createSimulation, type EventOf } from '@/simulator';
import { movesBetween } from '@/lib/simulate/flights';

describe('movesBetween: the moves a queue card animates come from the engine events', () => {
  const b = builtInScenarios.find((s) => s.id === 'requeue-on-crash')!;
  const sim = createSimulation(b.scenario, 1);
  sim.runUntil(sim.endTime);
  const events = sim.events();
  const all = { from: 0, events };

  it('names each delivered and requeued message of the queue, with its last move', () => {
    const moves = movesBetween(all, 0, events.length, 'jobs');
    const delivered = events.filter((e): e is EventOf<'delivered'> => e.type === 'delivered' && e.queue === 'jobs');
    const requeued = events.filter((e): e is EventOf<'requeued'> => e.type === 'requeued' && e.queue === 'jobs');
    expect(delivered.length).toBeGreaterThan(0);
    expect(requeued.length).toBeGreaterThan(0);
    expect(new Set(moves.keys())).toEqual(new Set([...delivered, ...requeued].map((e) => e.messageId)));
    // A requeued message that was delivered again flies into a slot: its last move wins.
    for (const e of requeued) {
      const later = delivered.some((d) => d.messageId === e.messageId && d.seq > e.seq);
      expect(moves.get(e.messageId)).toBe(later ? 'delivered' : 'requeued');
    }
  });

  it('looks only at the events in the range, and at no other queue', () => {
    const first = events.findIndex((e) => e.type === 'delivered');
    expect(movesBetween(all, first, first + 1, 'jobs').size).toBe(1);
    expect(movesBetween(all, first, first, 'jobs').size).toBe(0);
    expect(movesBetween(all, 0, events.length, 'no-such-queue').size).toBe(0);
    expect(movesBetween(all, 5, 2, 'jobs').size).toBe(0);
  });

  it('names nothing when the store no longer has the first events of the range', () => {
    const first = events.findIndex((e) => e.type === 'delivered');
    const later = { from: first + 1, events: events.slice(first + 1) };
    expect(movesBetween(later, first, events.length, 'jobs').size).toBe(0);
    expect(movesBetween(later, first + 1, events.length, 'jobs')).toEqual(movesBetween(all, first + 1, events.length, 'jobs'));
  });
});
