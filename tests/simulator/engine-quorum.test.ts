// Quorum queues on one node (delivery limit, returns, dead-lettering), single active consumer and
// consumer priorities, as the engine plays them (RabbitMQ 4.3 rules; see simulator/rabbitmq/quorum-queue.ts).
import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, type ScenarioInput } from '@/simulator';
import { ofType, rabbit, runToEnd, scenario } from './engine-helpers';

type R = NonNullable<ScenarioInput['rabbitmq']>;

/** A quorum queue `q` (with a dead-letter queue `dead` when dlx), three messages m-0..m-2, a consumer that fails m-1. */
function poison(queue: Partial<R['queues'][number]>, failWith: 'nack' | 'reject', dlx = true) {
  return rabbit({
    exchanges: dlx ? [{ name: 'dlx', type: 'fanout' }] : [],
    queues: [{ name: 'q', type: 'quorum', ...(dlx ? { deadLetterExchange: 'dlx' } : {}), ...queue }, { name: 'dead' }],
    bindings: dlx ? [{ exchange: 'dlx', queue: 'dead' }] : [],
    publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 500, count: 3 }],
    consumers: [{ id: 'c', queue: 'q', processingMs: 10, failMessages: ['m-1'], failWith }],
  });
}

const deliveriesOf = (events: ReturnType<typeof runToEnd>['events'] extends () => infer E ? E : never, id: string) =>
  ofType(events, 'delivered').filter((d) => d.messageId === id && d.queue === 'q');

describe('quorum queue delivery limit (RabbitMQ 4.x)', () => {
  it.each([
    [0, 1],
    [2, 3],
    [5, 6],
  ])('x-delivery-limit %i with basic.reject: delivered %i times, then dead-lettered (delivery_limit)', (limit, times) => {
    const events = runToEnd(poison({ deliveryLimit: limit }, 'reject')).events();
    expect(deliveriesOf(events, 'm-1')).toHaveLength(times);
    expect(deliveriesOf(events, 'm-1').map((d) => d.deliveryCount)).toEqual(
      Array.from({ length: times }, (_, i) => (i === 0 ? undefined : i)),
    );
    const dl = ofType(events, 'deadLettered');
    expect(dl.map((d) => [d.messageId, d.reason])).toEqual([['m-1', 'delivery_limit']]);
    expect(
      ofType(events, 'enqueued')
        .filter((e) => e.queue === 'dead')
        .map((e) => e.messageId),
    ).toEqual(['m-1']);
  });

  it('defaults to 20 (RabbitMQ 4.0+): 21 deliveries', () => {
    const events = runToEnd(poison({}, 'reject')).events();
    expect(deliveriesOf(events, 'm-1')).toHaveLength(21);
    expect(ofType(events, 'deadLettered')).toHaveLength(1);
  });

  it('without a dead-letter exchange the message is dropped', () => {
    const events = runToEnd(poison({ deliveryLimit: 1 }, 'reject', false)).events();
    expect(ofType(events, 'dropped').map((d) => [d.messageId, d.reason])).toEqual([['m-1', 'delivery_limit']]);
  });

  it('4.3: basic.nack with requeue does not count (x-acquired-count grows, x-delivery-count stays absent)', () => {
    const events = runToEnd(poison({ deliveryLimit: 2 }, 'nack'), 1).events();
    const d = deliveriesOf(events, 'm-1');
    expect(d.length).toBeGreaterThan(50); // never removed
    expect(d.every((x) => x.deliveryCount === undefined)).toBe(true);
    expect(d.slice(1, 4).map((x) => x.acquiredCount)).toEqual([1, 2, 3]);
    expect(ofType(events, 'deadLettered')).toHaveLength(0);
  });

  it('-1 turns the limit off: a rejected message comes back forever, at the back of the queue', () => {
    const events = runToEnd(poison({ deliveryLimit: -1 }, 'reject')).events();
    expect(deliveriesOf(events, 'm-1').length).toBeGreaterThan(50);
    const requeued = ofType(events, 'requeued');
    expect(new Set(requeued.map((r) => r.to))).toEqual(new Set(['back']));
  });

  it('a classic queue never counts: the poison message loops', () => {
    const events = runToEnd(
      rabbit({
        queues: [{ name: 'q' }],
        publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 500, count: 3 }],
        consumers: [{ id: 'c', queue: 'q', processingMs: 10, failMessages: ['m-1'], failWith: 'reject' }],
      }),
    ).events();
    expect(deliveriesOf(events, 'm-1').length).toBeGreaterThan(50);
    expect(deliveriesOf(events, 'm-1').every((d) => d.deliveryCount === undefined)).toBe(true);
  });
});

describe('where a returned message goes', () => {
  /** m-0..m-3 ready; c takes m-0 by intervention, then settles it. */
  function returned(deliveryLimit: number, settle: 'nack' | 'reject' | 'close') {
    const sim = createSimulation(
      scenario(
        rabbit(
          {
            queues: [{ name: 'q', type: 'quorum', deliveryLimit }],
            publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 500, count: 4 }],
          },
          [
            {
              time: 10,
              intervention: {
                type: 'rabbitmq.addConsumer',
                consumer: { id: 'c', queue: 'q', prefetchCount: 1, settleBy: 'interventions' },
              },
            },
            {
              time: 20,
              intervention:
                settle === 'close'
                  ? { type: 'rabbitmq.removeConsumer', consumer: 'c' }
                  : { type: `rabbitmq.${settle}`, consumer: 'c', deliveryTag: 1, requeue: true },
            },
            { time: 30, intervention: { type: 'rabbitmq.removeConsumer', consumer: 'c' } },
          ],
          100,
        ),
      ),
      1,
    );
    sim.runUntil(sim.endTime);
    return sim.snapshot().rabbitmq!.queues[0]!.ready.map((m) => m.messageId);
  }

  it('with a delivery limit: to the front (the returns queue) — observed on RabbitMQ 3.10.8', () => {
    expect(returned(5, 'nack')).toEqual(['m-0', 'm-1', 'm-2', 'm-3']);
  });
  it('without one: an explicit nack puts it at the back — observed on RabbitMQ 3.10.8', () => {
    expect(returned(-1, 'nack')).toEqual(['m-1', 'm-2', 'm-3', 'm-0']);
    expect(returned(-1, 'reject')).toEqual(['m-1', 'm-2', 'm-3', 'm-0']);
  });
  it('a closed channel returns to the front either way', () => {
    expect(returned(-1, 'close')).toEqual(['m-0', 'm-1', 'm-2', 'm-3']);
    expect(returned(5, 'close')).toEqual(['m-0', 'm-1', 'm-2', 'm-3']);
  });
});

describe('at-least-once dead-lettering', () => {
  const base = (dlq: boolean): ScenarioInput =>
    rabbit(
      {
        exchanges: [{ name: 'dlx', type: 'fanout' }],
        queues: [
          {
            name: 'q',
            type: 'quorum',
            deadLetterExchange: 'dlx',
            deadLetterStrategy: 'at-least-once',
            overflow: 'reject-publish',
            deliveryLimit: 0,
          },
          { name: 'dead' },
        ],
        bindings: dlq ? [{ exchange: 'dlx', queue: 'dead' }] : [],
        publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 500, count: 2 }],
        consumers: [{ id: 'c', queue: 'q', processingMs: 10, failMessages: ['m-0'], failWith: 'reject' }],
      },
      [],
      1000,
    );

  it('keeps a dead-lettered message the exchange routes nowhere (at-most-once would drop it)', () => {
    const sim = runToEnd(base(false));
    expect(sim.snapshot().rabbitmq!.queues[0]!.quorum!.deadLetterPending).toBe(1);
    expect(ofType(sim.events(), 'deadLettered')[0]!.strategy).toBe('at-least-once');
  });
  it('lets it go once a target queue has it', () => {
    const sim = runToEnd(base(true));
    expect(sim.snapshot().rabbitmq!.queues[0]!.quorum!.deadLetterPending).toBe(0);
    expect(sim.snapshot().rabbitmq!.queues[1]!.readyCount).toBe(1);
  });
  it('acts as at-most-once without reject-publish (RabbitMQ falls back)', () => {
    const s = base(false);
    s.rabbitmq!.queues[0]!.overflow = 'drop-head';
    const sim = runToEnd(s);
    expect(sim.snapshot().rabbitmq!.queues[0]!.quorum!.deadLetterStrategy).toBe('at-most-once');
    expect(sim.snapshot().rabbitmq!.queues[0]!.quorum!.deadLetterPending).toBe(0);
  });
});

describe('single active consumer', () => {
  /** A, B (priority 0) then C (priority 10) subscribe; A (active) closes at 50 ms. */
  function failover(type: 'classic' | 'quorum') {
    const sim = runToEnd(
      rabbit(
        {
          queues: [{ name: 'q', type, singleActiveConsumer: true }],
          publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 100, count: 10 }],
          consumers: [
            { id: 'A', queue: 'q', processingMs: 5 },
            { id: 'B', queue: 'q', processingMs: 5, startMs: 1 },
            { id: 'C', queue: 'q', processingMs: 5, startMs: 2, priority: 10 },
          ],
        },
        [{ time: 50, intervention: { type: 'rabbitmq.removeConsumer', consumer: 'A' } }],
        200,
      ),
    );
    return ofType(sim.events(), 'activeConsumer').map((e) => [e.consumer, e.reason, e.takingOver ?? null]);
  }

  it('classic: the first subscriber is active; on failover the highest priority takes over — observed on 3.10.8', () => {
    expect(failover('classic')).toEqual([
      ['A', 'first', null],
      ['C', 'failover', null],
    ]);
  });

  it('quorum (4.0+): a higher-priority subscriber takes over once the active one has nothing unacked', () => {
    const got = failover('quorum');
    expect(got[0]).toEqual(['A', 'first', null]);
    expect(got.some(([c, reason]) => c === 'C' && reason === 'priority')).toBe(true);
  });

  it('only the active consumer is ever delivered to', () => {
    const events = runToEnd(
      rabbit({
        queues: [{ name: 'q', type: 'quorum', singleActiveConsumer: true }],
        publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 20, count: 40 }],
        consumers: [
          { id: 'A', queue: 'q', processingMs: 30, prefetchCount: 5 },
          { id: 'B', queue: 'q', processingMs: 30, prefetchCount: 5 },
        ],
      }),
    ).events();
    expect(new Set(ofType(events, 'delivered').map((d) => d.consumer))).toEqual(new Set(['A']));
  });
});

describe('consumer priorities', () => {
  it.each(['classic', 'quorum'] as const)(
    '%s: the higher priority gets messages while it has room; the lower one gets the rest',
    (type) => {
      const events = runToEnd(
        rabbit({
          queues: [{ name: 'q', type }],
          publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 500, count: 4 }],
          // HI never settles (like the fidelity test's consumer that never acks): it holds one message.
          consumers: [
            { id: 'HI', queue: 'q', prefetchCount: 1, priority: 10, settleBy: 'interventions' },
            { id: 'LO', queue: 'q', prefetchCount: 10, processingMs: 100 },
          ],
        }),
      ).events();
      const to = (c: string) =>
        ofType(events, 'delivered')
          .filter((d) => d.consumer === c)
          .map((d) => d.messageId);
      expect(to('HI')).toEqual(['m-0']);
      expect(to('LO')).toEqual(['m-1', 'm-2', 'm-3']);
    },
  );

  it('equal priorities share round-robin; a lower priority with room gets nothing while they have room', () => {
    const events = runToEnd(
      rabbit({
        queues: [{ name: 'q' }],
        publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 500, count: 6, startMs: 10 }],
        consumers: [
          { id: 'a', queue: 'q', prefetchCount: 10, priority: 5, processingMs: 100 },
          { id: 'b', queue: 'q', prefetchCount: 10, priority: 5, processingMs: 100 },
          { id: 'low', queue: 'q', prefetchCount: 10, processingMs: 100 },
        ],
      }),
    ).events();
    expect(ofType(events, 'delivered').map((d) => d.consumer)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
  });
});

describe('scenario validation for quorum queues', () => {
  it.each([
    [
      { name: 'q', type: 'quorum', durable: false },
      'durable',
      'must be true: quorum queues are always durable (RabbitMQ refuses a non-durable one)',
    ],
    [
      { name: 'q', type: 'quorum', overflow: 'reject-publish-dlx' },
      'overflow',
      'must be "drop-head" or "reject-publish" for a quorum queue',
    ],
    [{ name: 'q', deliveryLimit: 3 }, 'deliveryLimit', 'applies only to quorum queues ("type": "quorum"); this queue is classic'],
    [{ name: 'q', type: 'stream', singleActiveConsumer: true }, 'singleActiveConsumer', 'applies to classic and quorum queues'],
    [{ name: 'q', homeNode: 3 }, 'homeNode', 'names node 3, but the cluster has 1 node (rabbitmq.nodes)'],
  ])('%j', (queue, field, message) => {
    const r = parseScenario({ version: 1, durationMs: 1000, rabbitmq: { queues: [queue] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ path: `rabbitmq.queues[0].${field}`, message });
  });

  it('resendAfterMs needs confirms', () => {
    const r = parseScenario({
      version: 1,
      durationMs: 1000,
      rabbitmq: { queues: [{ name: 'q' }], publishers: [{ id: 'p', resendAfterMs: 100 }] },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('rabbitmq.publishers[0].resendAfterMs');
  });
});
