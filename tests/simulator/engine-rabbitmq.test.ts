// RabbitMQ rules as the engine plays them over time.
import { describe, expect, it } from 'vitest';
import { createSimulation, type ScenarioInput } from '@/simulator';
import { ofType, rabbit, runToEnd, scenario } from './engine-helpers';
import { nackRequeueStorm } from '@/e2e/fixtures/hostile-scenarios';

type R = NonNullable<ScenarioInput['rabbitmq']>;

describe('RabbitMQ routing in the engine', () => {
  it('default exchange routes by queue name; unknown names are dropped, or returned when mandatory', () => {
    const events = runToEnd(
      rabbit({
        queues: [{ name: 'jobs' }],
        publishers: [
          { id: 'a', routingKeys: ['jobs', 'nowhere'], ratePerSec: 10, count: 2 },
          { id: 'b', routingKeys: ['nowhere'], mandatory: true, ratePerSec: 10, count: 1 },
        ],
      }),
    ).events();
    expect(ofType(events, 'routed').map((r) => [r.messageId, r.queue, r.bindingKey])).toEqual([['a-0', 'jobs', 'jobs']]);
    expect(ofType(events, 'unroutable').map((u) => [u.messageId, u.outcome])).toEqual([
      ['b-0', 'returned'],
      ['a-1', 'dropped'],
    ]);
  });

  it('headers exchange: x-match all / any, routing key ignored', () => {
    const events = runToEnd(
      rabbit({
        exchanges: [{ name: 'h', type: 'headers' }],
        queues: [{ name: 'pdf-a4' }, { name: 'any-pdf' }],
        bindings: [
          { exchange: 'h', queue: 'pdf-a4', arguments: { 'x-match': 'all', format: 'pdf', size: 'a4' } },
          { exchange: 'h', queue: 'any-pdf', arguments: { 'x-match': 'any', format: 'pdf', urgent: true } },
        ],
        publishers: [
          {
            id: 'p',
            exchange: 'h',
            routingKeys: ['ignored'],
            headers: [{ format: 'pdf', size: 'a4' }, { format: 'pdf' }, { urgent: true }, { format: 'zip' }],
            ratePerSec: 10,
            count: 4,
          },
        ],
      }),
    ).events();
    const routes = (id: string) =>
      ofType(events, 'routed')
        .filter((r) => r.messageId === id)
        .map((r) => r.queue)
        .sort();
    expect(routes('p-0')).toEqual(['any-pdf', 'pdf-a4']);
    expect(routes('p-1')).toEqual(['any-pdf']);
    expect(routes('p-2')).toEqual(['any-pdf']);
    expect(routes('p-3')).toEqual([]);
  });

  it('fanout copies to every bound queue; a queue bound twice still gets one copy', () => {
    const events = runToEnd(
      rabbit({
        exchanges: [{ name: 'd', type: 'direct' }],
        queues: [{ name: 'q' }],
        bindings: [
          { exchange: 'd', queue: 'q', bindingKey: 'a' },
          { exchange: 'd', queue: 'q', bindingKey: 'a' },
        ],
        publishers: [{ id: 'p', exchange: 'd', routingKeys: ['a'], ratePerSec: 10, count: 1 }],
      }),
    ).events();
    expect(ofType(events, 'enqueued')).toHaveLength(1);
  });
});

describe('RabbitMQ classic queues in the engine', () => {
  it('three consumers with prefetch 1 and immediate acks take turns c1, c2, c3, c1, …', () => {
    const events = runToEnd(
      rabbit({
        queues: [{ name: 'q' }],
        publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 1, count: 6, startMs: 100 }],
        consumers: ['c1', 'c2', 'c3'].map((id) => ({ id, queue: 'q', prefetchCount: 1, processingMs: 0 })),
      }),
    ).events();
    expect(ofType(events, 'delivered').map((d) => d.consumer)).toEqual(['c1', 'c2', 'c3', 'c1', 'c2', 'c3']);
  });

  it('classic queues expire only at the head: a short TTL waits behind a long one', () => {
    const events = runToEnd(
      rabbit({
        queues: [{ name: 'q' }],
        publishers: [
          { id: 'long', routingKeys: ['q'], expirationMs: 5000, ratePerSec: 1, count: 1 },
          { id: 'short', routingKeys: ['q'], expirationMs: 1000, ratePerSec: 1, count: 1, startMs: 100 },
        ],
      }),
    ).events();
    expect(ofType(events, 'expired').map((e) => [e.messageId, e.time, e.expiresAt])).toEqual([
      ['long-0', 5000, 5000],
      ['short-0', 5000, 1100],
    ]);
  });

  it('the lower of queue TTL and message expiration wins', () => {
    const events = runToEnd(
      rabbit({
        queues: [{ name: 'q', messageTtlMs: 2000 }],
        publishers: [
          { id: 'a', routingKeys: ['q'], expirationMs: 500, ratePerSec: 1, count: 1 },
          { id: 'b', routingKeys: ['q'], expirationMs: 9000, ratePerSec: 1, count: 1, startMs: 600 },
        ],
      }),
    ).events();
    expect(ofType(events, 'enqueued').map((e) => e.expiresAt)).toEqual([500, 2600]);
  });

  it('an auto-ack consumer that dies loses what it had received; a manual-ack one gives it back', () => {
    const input = (autoAck: boolean) =>
      rabbit(
        {
          queues: [{ name: 'q' }],
          publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 20, count: 10 }],
          consumers: [{ id: 'c', queue: 'q', autoAck, prefetchCount: 0, processingMs: 1000 }],
        },
        [{ time: 1500, intervention: { type: 'rabbitmq.crashConsumer', consumer: 'c' } }],
      );
    const auto = runToEnd(input(true));
    expect(ofType(auto.events(), 'dropped').filter((d) => d.reason === 'consumer-crash')).toHaveLength(9);
    expect(auto.snapshot().rabbitmq!.queues[0]!.ready).toEqual([]);
    const manual = runToEnd(input(false));
    expect(ofType(manual.events(), 'requeued')).toHaveLength(9);
    expect(manual.snapshot().rabbitmq!.queues[0]!.ready.map((m) => m.redelivered)).toEqual(Array(9).fill(true));
  });

  it('prefetch 0 is unlimited for a manual-ack consumer', () => {
    const events = runToEnd(
      rabbit({
        queues: [{ name: 'q' }],
        publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 100, count: 30 }],
        consumers: [{ id: 'c', queue: 'q', prefetchCount: 0, processingMs: 5000 }],
      }),
    ).events();
    expect(Math.max(...ofType(events, 'delivered').map((d) => d.unacked))).toBe(30);
  });

  it('a nack intervention requeues the chosen delivery to its original position, or dead-letters it', () => {
    const base: R = {
      exchanges: [{ name: 'dlx', type: 'fanout' }],
      queues: [{ name: 'q', deadLetterExchange: 'dlx' }, { name: 'dead' }],
      bindings: [{ exchange: 'dlx', queue: 'dead' }],
      publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 100, count: 6 }],
      consumers: [{ id: 'c', queue: 'q', prefetchCount: 3, processingMs: 4000 }],
    };
    const sim = createSimulation(scenario(rabbit(base)), 1);
    sim.runUntil(500);
    expect(sim.snapshot().rabbitmq!.consumers[0]!.unacked).toEqual([1, 2, 3]);
    sim.intervene({ type: 'rabbitmq.nack', consumer: 'c', deliveryTag: 2, requeue: true });
    const q = () => sim.snapshot().rabbitmq!.queues[0]!;
    // m-1 went back to the head (its original position) and, with room again, straight back to c
    expect(ofType(sim.events(), 'requeued').at(-1)).toMatchObject({ messageId: 'm-1', position: 0, reason: 'nack' });
    expect(ofType(sim.events(), 'delivered').at(-1)).toMatchObject({ messageId: 'm-1', deliveryTag: 4, redelivered: true });
    expect(q().ready.map((m) => m.messageId)).toEqual(['m-3', 'm-4', 'm-5']);
    sim.intervene({ type: 'rabbitmq.nack', consumer: 'c', deliveryTag: 3, requeue: false });
    expect(ofType(sim.events(), 'deadLettered').at(-1)).toMatchObject({ messageId: 'm-2', reason: 'rejected', toExchange: 'dlx' });
    expect(sim.snapshot().rabbitmq!.queues[1]!.ready.map((m) => m.messageId)).toEqual(['m-2']);
    // an unknown tag is ignored with a note, never an exception
    sim.intervene({ type: 'rabbitmq.nack', consumer: 'c', deliveryTag: 99, requeue: true });
    expect(sim.events().at(-1)!.type).toBe('note');
  });

  it('a consumer with settleBy "interventions" holds its deliveries until ack / nack interventions settle them', () => {
    const base: R = {
      queues: [{ name: 'q' }],
      consumers: [{ id: 'c', queue: 'q', prefetchCount: 3, processingMs: 10, settleBy: 'interventions' }],
    };
    const sim = createSimulation(
      scenario(rabbit(base, [{ time: 5, intervention: { type: 'rabbitmq.publishBurst', routingKeys: ['q'], count: 6, publisher: 'm' } }])),
      1,
    );
    sim.runUntil(5000);
    const c = () => sim.snapshot().rabbitmq!.consumers[0]!;
    // processingMs would have acked everything long ago; nothing is settled without an intervention
    expect(ofType(sim.events(), 'acked')).toEqual([]);
    expect(c().unacked).toEqual([1, 2, 3]);
    expect(c().processing).toBeNull();
    sim.intervene({ type: 'rabbitmq.ack', consumer: 'c', deliveryTag: 2 });
    expect(ofType(sim.events(), 'acked').map((a) => [a.messageId, a.deliveryTag])).toEqual([['m-1', 2]]);
    expect(c().unacked).toEqual([1, 3, 4]);
    // multiple: every tag up to and including 3 (1 and 3; 2 is already gone)
    sim.intervene({ type: 'rabbitmq.ack', consumer: 'c', deliveryTag: 3, multiple: true });
    expect(ofType(sim.events(), 'acked').map((a) => a.deliveryTag)).toEqual([2, 1, 3]);
    expect(c().unacked).toEqual([4, 5, 6]);
    sim.runUntil(9000);
    expect(ofType(sim.events(), 'acked')).toHaveLength(3);
  });

  it('a nack with multiple requeues every delivery up to the tag, each to its original position', () => {
    const base: R = {
      queues: [{ name: 'q' }],
      consumers: [{ id: 'c', queue: 'q', prefetchCount: 3, settleBy: 'interventions' }],
    };
    const sim = createSimulation(
      scenario(rabbit(base, [{ time: 5, intervention: { type: 'rabbitmq.publishBurst', routingKeys: ['q'], count: 5, publisher: 'm' } }])),
      1,
    );
    sim.runUntil(10);
    sim.intervene({ type: 'rabbitmq.removeConsumer', consumer: 'c' });
    sim.intervene({
      type: 'rabbitmq.addConsumer',
      consumer: { id: 'd', queue: 'q', prefetchCount: 3, autoAck: false, processingMs: 0, nackRequeue: true, settleBy: 'interventions' },
    });
    // d got m-0..m-2 again (redelivered) with tags 1..3; nack tags ≤ 2 with requeue
    sim.intervene({ type: 'rabbitmq.nack', consumer: 'd', deliveryTag: 2, requeue: true, multiple: true });
    const requeued = ofType(sim.events(), 'requeued').filter((e) => e.consumer === 'd');
    expect(requeued.map((e) => [e.messageId, e.position])).toEqual([
      ['m-0', 0],
      ['m-1', 1],
    ]);
    // back at the head, in order, redelivered; d has room for two again and takes them back
    expect(
      ofType(sim.events(), 'delivered')
        .slice(-2)
        .map((e) => [e.messageId, e.deliveryTag, e.redelivered]),
    ).toEqual([
      ['m-0', 4, true],
      ['m-1', 5, true],
    ]);
    expect(sim.snapshot().rabbitmq!.queues[0]!.ready.map((m) => m.messageId)).toEqual(['m-3', 'm-4']);
    sim.intervene({ type: 'rabbitmq.ack', consumer: 'd', deliveryTag: 1 });
    expect(sim.events().at(-1)!.type).toBe('note'); // tag 1 was already settled by the nack
  });

  it('an ack intervention on the message being processed moves the consumer on to the next one', () => {
    const sim = createSimulation(
      scenario(
        rabbit({
          queues: [{ name: 'q' }],
          publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 100, count: 2 }],
          consumers: [{ id: 'c', queue: 'q', prefetchCount: 2, processingMs: 1000 }],
        }),
      ),
      1,
    );
    sim.runUntil(100);
    expect(sim.snapshot().rabbitmq!.consumers[0]!.processing).toMatchObject({ messageId: 'm-0', until: 1000 });
    sim.intervene({ type: 'rabbitmq.ack', consumer: 'c', deliveryTag: 1 });
    expect(sim.snapshot().rabbitmq!.consumers[0]!.processing).toMatchObject({ messageId: 'm-1', until: 1100 });
    sim.runUntil(2000);
    expect(ofType(sim.events(), 'acked').map((a) => [a.messageId, a.time])).toEqual([
      ['m-0', 100],
      ['m-1', 1100],
    ]);
  });

  it('a burst with small bodies counts their bytes against x-max-length-bytes', () => {
    const events = runToEnd(
      rabbit({ queues: [{ name: 'q', maxLengthBytes: 4, overflow: 'reject-publish' }] }, [
        { time: 1, intervention: { type: 'rabbitmq.publishBurst', routingKeys: ['q'], count: 3, valueBytes: 2, publisher: 'm' } },
        { time: 2, intervention: { type: 'rabbitmq.publishBurst', routingKeys: ['q'], count: 2, valueBytes: 0, publisher: 'm' } },
      ]),
    ).events();
    expect(ofType(events, 'rejectedPublish').map((e) => e.messageId)).toEqual(['m-2']);
    expect(ofType(events, 'enqueued').map((e) => e.messageId)).toEqual(['m-0', 'm-1', 'm-3', 'm-4']);
  });

  it('the dead-letter routing key replaces the original one', () => {
    const events = runToEnd(
      rabbit({
        exchanges: [{ name: 'dlx', type: 'direct' }],
        queues: [{ name: 'q', messageTtlMs: 100, deadLetterExchange: 'dlx', deadLetterRoutingKey: 'expired' }, { name: 'parking' }],
        bindings: [{ exchange: 'dlx', queue: 'parking', bindingKey: 'expired' }],
        publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 10, count: 2 }],
      }),
    ).events();
    expect(ofType(events, 'deadLettered').map((d) => d.routingKey)).toEqual(['expired', 'expired']);
    expect(ofType(events, 'enqueued').filter((e) => e.queue === 'parking')).toHaveLength(2);
  });

  it('streams keep messages for every reader and honour x-max-age by whole segments', () => {
    const sim = runToEnd(
      rabbit(
        {
          queues: [{ name: 's', type: 'stream', maxAgeMs: 2000, segmentMessages: 4 }],
          publishers: [{ id: 'm', routingKeys: ['s'], ratePerSec: 4, count: 24 }],
          consumers: [
            { id: 'a', queue: 's', offset: 'first', processingMs: 10 },
            { id: 'b', queue: 's', offset: 'first', processingMs: 10 },
          ],
        },
        [],
        8000,
      ),
    );
    const reads = (c: string) =>
      ofType(sim.events(), 'streamRead')
        .filter((r) => r.consumer === c)
        .map((r) => r.offset);
    expect(reads('a')).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(reads('b')).toEqual(reads('a'));
    const deleted = ofType(sim.events(), 'streamSegmentDeleted');
    expect(deleted.length).toBeGreaterThan(0);
    for (const d of deleted) expect([d.baseOffset % 4, d.lastOffset - d.baseOffset]).toEqual([0, 3]);
    const stream = sim.snapshot().rabbitmq!.queues[0]!.stream!;
    expect(stream.firstOffset).toBe(deleted.at(-1)!.firstOffset);
    expect(stream.nextOffset).toBe(24);
  });
});

describe('RabbitMQ consumer view', () => {
  it('shows the message being processed and when it will be done', () => {
    const sim = createSimulation(
      scenario(
        rabbit({
          queues: [{ name: 'q' }],
          publishers: [{ id: 'm', routingKeys: ['q'], ratePerSec: 10, count: 2 }],
          consumers: [{ id: 'c', queue: 'q', prefetchCount: 2, processingMs: 1000 }],
        }),
      ),
      1,
    );
    sim.runUntil(500);
    expect(sim.snapshot().rabbitmq!.consumers[0]!.processing).toEqual({ messageId: 'm-0', deliveryTag: 1, until: 1000 });
    sim.runUntil(1500);
    expect(sim.snapshot().rabbitmq!.consumers[0]!.processing).toEqual({ messageId: 'm-1', deliveryTag: 2, until: 2000 });
    sim.runUntil(3000);
    expect(sim.snapshot().rabbitmq!.consumers[0]!.processing).toBeNull();
  });
});

// Issue #20 item 5's nack-requeue storm gave its first 8 messages all to c0 of 32. RabbitMQ 3.10.8 does the
// same when the messages wait before the consumers subscribe (prefetch 0: the first consumer takes all that
// are ready), and deals them in turn when the consumers wait first (fidelity/dispatch.test.ts, "nack-requeue
// dispatch", 16 cases, no difference). In a scenario the publishers' ticks at 0 ms come before the
// consumers' subscriptions at 0 ms, so the storm is the first case; publishers starting 1 ms later make it the second.
describe('who gets the first messages: publishers and consumers at the same moment', () => {
  const firstDeliveries = (input: ScenarioInput) => {
    const sim = createSimulation(scenario(input), 1);
    sim.runUntil(1);
    return ofType(sim.events(), 'delivered')
      .filter((e) => !e.redelivered)
      .slice(0, 8)
      .map((e) => e.consumer);
  };

  it('at 0 ms the publishers publish first: with prefetch 0, c0 subscribes and takes all 8', () => {
    expect(firstDeliveries(nackRequeueStorm())).toEqual(Array(8).fill('c0'));
  });

  it('publishers starting at 1 ms find 32 consumers waiting: the 8 messages go to c0..c7 in turn', () => {
    const storm = nackRequeueStorm();
    for (const p of storm.rabbitmq!.publishers ?? []) p.startMs = 1;
    expect(firstDeliveries(storm)).toEqual(Array.from({ length: 8 }, (_, i) => `c${i}`));
  });
});
