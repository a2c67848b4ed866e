// Dead-lettering (issue #20, items 3 and 4): RabbitMQ's x-death cycle rule instead of a hop limit,
// and dead-letter chains routed in a loop rather than by recursion.
import { describe, expect, it } from 'vitest';
import { isDeathCycle, recordDeath, type Death } from '@/simulator/rabbitmq/dead-letter';
import { deadLetterFanOut, deadLetterPingPong, deadLetterRetryLoop, ttlDeadLetterStack } from '@/e2e/fixtures/hostile-scenarios';
import { ofType, runToEnd } from './engine-helpers';

const d = (queue: string, reason: Death['reason']): Death => ({ queue, reason });

describe('the x-death history and the cycle check (mc.erl record_death, is_cycle_v2)', () => {
  it('a new death goes first; dying again in the same queue for the same reason moves that entry to the front', () => {
    let h = recordDeath([], 'a', 'expired');
    h = recordDeath(h, 'b', 'maxlen');
    expect(h).toEqual([d('b', 'maxlen'), d('a', 'expired')]);
    expect(recordDeath(h, 'a', 'expired')).toEqual([d('a', 'expired'), d('b', 'maxlen')]);
    // Another reason in the same queue is another entry.
    expect(recordDeath(h, 'a', 'rejected')).toEqual([d('a', 'rejected'), d('b', 'maxlen'), d('a', 'expired')]);
  });

  it.each([
    { when: 'never died in the target', deaths: [d('b', 'expired'), d('c', 'expired')], cycle: false },
    { when: 'died in the target just now (expired)', deaths: [d('a', 'expired')], cycle: true },
    { when: 'died in the target, then elsewhere, all automatic', deaths: [d('b', 'maxlen'), d('a', 'expired')], cycle: true },
    { when: 'the death in the target was a rejection', deaths: [d('b', 'expired'), d('a', 'rejected')], cycle: false },
    { when: 'a rejection after the death in the target', deaths: [d('b', 'rejected'), d('a', 'expired')], cycle: false },
    { when: 'a rejection only before the death in the target', deaths: [d('a', 'expired'), d('b', 'rejected')], cycle: true },
  ])('$when → cycle into "a": $cycle', ({ deaths, cycle }) => {
    expect(isDeathCycle(deaths, 'a')).toBe(cycle);
  });
});

/** Copies of one message a fanout of n queues with TTL 0 dead-lettering back to it makes: every sequence of distinct queues. */
function fanOutCounts(n: number) {
  let copies = 0;
  let sequences = 1;
  for (let k = 1; k <= n; k++) copies += sequences *= n - k + 1;
  // Every copy expires and is dead-lettered to all n queues; n published copies and the rest re-enter.
  return { copies, deadLettered: copies, dropped: copies * n - (copies - n) };
}

describe('dead-letter cycles (item 3)', () => {
  it.each([1, 2, 3, 4, 5])('a fanout to %i queues with TTL 0 dead-lettering back to it ends with the counts RabbitMQ gives', (n) => {
    const sim = runToEnd(deadLetterFanOut(n));
    const events = sim.events();
    const want = fanOutCounts(n);
    expect(ofType(events, 'enqueued')).toHaveLength(want.copies);
    expect(ofType(events, 'expired')).toHaveLength(want.copies);
    expect(ofType(events, 'deadLettered')).toHaveLength(want.deadLettered);
    const dropped = ofType(events, 'dropped');
    expect(dropped).toHaveLength(want.dropped);
    expect(dropped.every((e) => e.reason === 'dead-letter-cycle')).toBe(true);
    expect(sim.stopped).toBeNull();
    expect(sim.snapshot().totals.rabbitDropped).toBe(want.dropped);
    for (const q of sim.snapshot().rabbitmq!.queues) expect(q.readyCount).toBe(0);
  });

  it('the three-queue repro of the issue: 15 dead-letterings, not 262,142 for two queues or a crash for three', () => {
    expect(fanOutCounts(3)).toEqual({ copies: 15, deadLettered: 15, dropped: 33 });
    expect(ofType(runToEnd(deadLetterFanOut(2)).events(), 'deadLettered')).toHaveLength(4);
  });

  it('a queue dead-lettering into itself by expiry lets the message die once (the hop limit counted 17)', () => {
    const sim = runToEnd({
      version: 1,
      durationMs: 100,
      rabbitmq: {
        queues: [{ name: 'self', messageTtlMs: 0, deadLetterExchange: '', deadLetterRoutingKey: 'self' }],
        publishers: [{ id: 'p', exchange: '', routingKeys: ['self'], count: 1 }],
      },
    });
    expect(ofType(sim.events(), 'deadLettered')).toHaveLength(1);
    expect(ofType(sim.events(), 'dropped')).toEqual([
      expect.objectContaining({ queue: 'self', messageId: 'p-0', reason: 'dead-letter-cycle' }),
    ]);
  });

  it.each([0, 10])('a retry loop through a rejection is no cycle (retry TTL %i ms): the message comes back until it is acked', (ttl) => {
    const sim = runToEnd(deadLetterRetryLoop(ttl, 3));
    const events = sim.events();
    expect(ofType(events, 'delivered').map((e) => e.deliveryTag)).toEqual([1, 2, 3, 4]);
    expect(ofType(events, 'deadLettered').map((e) => `${e.fromQueue}:${e.reason}`)).toEqual([
      'work:rejected',
      'retry:expired',
      'work:rejected',
      'retry:expired',
      'work:rejected',
      'retry:expired',
    ]);
    expect(ofType(events, 'dropped')).toEqual([]);
    expect(ofType(events, 'acked')).toHaveLength(1);
  });

  it('a loop of two automatic deaths (length limit, then TTL) is a cycle: the copy is dropped at the first queue', () => {
    const sim = runToEnd(
      deadLetterPingPong(
        { maxLength: 1 },
        { messageTtlMs: 50 },
        { durationMs: 1000, publishers: [{ id: 'p', exchange: 'to-a', count: 2, ratePerSec: 500 }] },
      ),
    );
    const events = sim.events();
    // p-0 is pushed out of a (maxlen) by p-1, expires in b, and may not go back to a.
    expect(ofType(events, 'deadLettered').map((e) => `${e.messageId}@${e.fromQueue}:${e.reason}`)).toEqual([
      'p-0@a:maxlen',
      'p-0@b:expired',
    ]);
    expect(ofType(events, 'dropped')).toEqual([expect.objectContaining({ queue: 'a', messageId: 'p-0', reason: 'dead-letter-cycle' })]);
    expect(
      sim
        .snapshot()
        .rabbitmq!.queues.find((q) => q.name === 'a')!
        .ready.map((m) => m.messageId),
    ).toEqual(['p-1']);
  });
});

describe('dead-letter chains run in a loop (item 4)', () => {
  it('two queues with a 1 ms TTL dead-lettering into each other, 5,000 messages each: no stack overflow', () => {
    const sim = runToEnd(ttlDeadLetterStack());
    const events = sim.events();
    expect(sim.time).toBe(sim.endTime);
    // Each message dies in its first queue, once in the other, and may not go back (a cycle).
    expect(ofType(events, 'deadLettered')).toHaveLength(20_000);
    expect(ofType(events, 'dropped')).toHaveLength(10_000);
    expect(sim.snapshot().rabbitmq!.queues.map((q) => q.readyCount)).toEqual([0, 0]);
  });

  it('a dead-letter that makes the next queue dead-letter is routed after the one that caused it, each copy once', () => {
    // x fans out to a and b (TTL 0, both dead-letter to `dl`, bound to `sink`): two dead-letters, two copies in sink.
    const sim = runToEnd({
      version: 1,
      durationMs: 100,
      rabbitmq: {
        exchanges: [
          { name: 'x', type: 'fanout' },
          { name: 'dl', type: 'fanout' },
        ],
        queues: [
          { name: 'a', messageTtlMs: 0, deadLetterExchange: 'dl' },
          { name: 'b', messageTtlMs: 0, deadLetterExchange: 'dl' },
          { name: 'sink' },
        ],
        bindings: [
          { exchange: 'x', queue: 'a' },
          { exchange: 'x', queue: 'b' },
          { exchange: 'dl', queue: 'sink' },
        ],
        publishers: [{ id: 'p', exchange: 'x', count: 1 }],
      },
    });
    const order = sim
      .events()
      .flatMap((e) => (e.type === 'enqueued' || e.type === 'deadLettered' ? [`${e.type}:${'queue' in e ? e.queue : e.fromQueue}`] : []));
    expect(order).toEqual(['enqueued:a', 'deadLettered:a', 'enqueued:sink', 'enqueued:b', 'deadLettered:b', 'enqueued:sink']);
  });
});
