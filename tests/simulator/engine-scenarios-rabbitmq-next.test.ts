// The lesson each of the RabbitMQ failure and consumer scenarios is built to show, checked on the engine.
import { describe, expect, it } from 'vitest';
import { createSimulation, getBuiltInScenario } from '@/simulator';
import { ofType } from './engine-helpers';

function run(id: string) {
  const sim = createSimulation(getBuiltInScenario(id)!.scenario, 1);
  sim.runUntil(sim.endTime);
  const snap = sim.snapshot().rabbitmq!;
  const ledger = Object.fromEntries((snap.ledger ?? []).map((l) => [l.publisher, l]));
  return { events: sim.events(), snap, ledger };
}

describe('RabbitMQ failure scenarios', () => {
  it('quorum-leader-dies: a new leader in a second, nothing confirmed lost, the lost consumer’s messages redelivered', () => {
    const { events, ledger, snap } = run('quorum-leader-dies');
    expect(ofType(events, 'leaderElected').map((e) => [e.time, e.node])).toEqual([[7000, 2]]);
    expect([ledger.checkout!.sent, ledger.checkout!.confirmed, ledger.checkout!.lost, ledger.checkout!.duplicatesDelivered]).toEqual([
      64, 64, 0, 0,
    ]);
    const back = ofType(events, 'requeued').filter((r) => r.reason === 'disconnected-timeout');
    expect(back.length).toBeGreaterThan(0);
    for (const b of back)
      expect(ofType(events, 'delivered').some((d) => d.messageId === b.messageId && d.redelivered && d.consumer === 'worker-3')).toBe(true);
    expect(snap.queues[0]!.counters.acked).toBe(64);
  });

  it('classic-node-dies: unavailable while down; persistent messages back, transient ones gone though confirmed', () => {
    const { events, ledger } = run('classic-node-dies');
    const down = ofType(events, 'queueUnavailable')[0]!;
    expect(down.kept).toBeGreaterThan(0);
    expect(down.lost).toBeGreaterThan(0);
    expect(ofType(events, 'queueAvailable')[0]!.ready).toBe(down.kept);
    expect(ledger.ledger!.confirmedLost).toBe(0);
    expect(ledger.audit!.confirmedLost).toBeGreaterThan(0);
    expect(ledger.ledger!.failed).toBeGreaterThan(0); // nacked while the queue was down
  });

  it('publisher-confirms: silent loss without confirms, in doubt with them, duplicates when resending', () => {
    const { ledger } = run('publisher-confirms');
    const f = ledger['fire-and-forget']!;
    const c = ledger.confirms!;
    const r = ledger.resend!;
    expect(f.lost).toBeGreaterThan(0);
    expect([f.confirmed, f.failed, f.inDoubt]).toEqual([0, 0, 0]);
    expect(c.inDoubt).toBe(c.lost);
    expect(c.lost).toBeGreaterThan(0);
    expect([r.lost, r.confirmed]).toEqual([0, r.sent]);
    expect(r.duplicatesDelivered).toBeGreaterThan(0);
    expect(f.duplicatesDelivered + c.duplicatesDelivered).toBe(0);
  });
});

describe('RabbitMQ consumer scenarios', () => {
  it('poison-message: the classic queue and basic.nack loop; basic.reject hits the limit and is dead-lettered', () => {
    const { events, snap } = run('poison-message');
    const count = (q: string) => ofType(events, 'delivered').filter((d) => d.queue === q && d.messageId === 'shop-3').length;
    expect(count('classic')).toBeGreaterThan(30);
    expect(count('quorum-nack')).toBeGreaterThan(30);
    expect(count('quorum-reject')).toBe(4);
    expect(ofType(events, 'deadLettered').map((d) => [d.fromQueue, d.messageId, d.reason])).toEqual([
      ['quorum-reject', 'shop-3', 'delivery_limit'],
    ]);
    expect(snap.queues.find((q) => q.name === 'orders.dead')!.ready.map((m) => m.messageId)).toEqual(['shop-3']);
    // Behind the looping head nothing gets through; past the limit the rest flows.
    expect(snap.queues.find((q) => q.name === 'quorum-reject')!.counters.acked).toBe(11);
    expect(snap.queues.find((q) => q.name === 'classic')!.counters.acked).toBe(3);
  });

  it('single-active-consumer: classic fails over to the highest priority; quorum hands over to it early', () => {
    const { events } = run('single-active-consumer');
    const changes = ofType(events, 'activeConsumer')
      .filter((e) => !e.takingOver)
      .map((e) => [e.time, e.queue, e.consumer, e.reason]);
    expect(changes).toEqual([
      [0, 'invoices-classic', 'classic-a', 'first'],
      [0, 'invoices-quorum', 'quorum-a', 'first'],
      [6000, 'invoices-quorum', 'quorum-c', 'priority'],
      [10000, 'invoices-classic', 'classic-c', 'failover'],
      [10000, 'invoices-quorum', 'quorum-a', 'failover'],
    ]);
  });

  it('consumer-priorities: cpu gets messages only while gpu is full', () => {
    const { events } = run('consumer-priorities');
    const cpu = ofType(events, 'delivered').filter((d) => d.consumer === 'cpu');
    expect(cpu.length).toBeGreaterThan(0);
    expect(cpu.every((d) => d.time >= 6000)).toBe(true);
  });
});
