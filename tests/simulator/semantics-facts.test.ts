// Every RabbitMQ fact in semantics_facts.json that these functions model gets an executable check;
// the Kafka log facts belong to the engine (simulator/kafka/log.ts, log-cleaner.ts) and are tested there.
import { describe, expect, it } from 'vitest';
import { ClassicQueueOracle, type QueueOutcome } from '@/tests/oracles/classic-queue-oracle';
import { route, type Topology } from '@/simulator/rabbitmq/routing';
import { validateRoutingKey } from '@/simulator/rabbitmq/topic';
import { loadVector } from './vectors';

interface Facts {
  rabbitmq_classic_queue: { fact: string; source: string[] }[];
}
const facts = loadVector<Facts>('semantics_facts.json').rabbitmq_classic_queue;

const deliveredTo = (out: QueueOutcome[]) => out.flatMap((o) => (o.type === 'delivered' ? [`${o.msgId}>${o.consumerId}`] : []));

/** Fact (matched by how it starts) → a check against the model, or why it is out of scope. */
const checks: [string, (() => void) | string][] = [
  [
    'Without single-active-consumer, ready messages are dispatched round-robin',
    () => {
      const q = new ClassicQueueOracle();
      for (const c of ['a', 'b', 'c']) q.addConsumer(c, {}, 0);
      const out = [0, 1, 2, 3, 4].flatMap((i) => q.publish({ id: i }, 0));
      expect(deliveredTo(out)).toEqual(['0>a', '1>b', '2>c', '3>a', '4>b']);
    },
  ],
  [
    'basic.qos prefetch_count caps unacked deliveries; 0 = unlimited',
    () => {
      const q = new ClassicQueueOracle();
      q.addConsumer('limited', { prefetchCount: 2 }, 0);
      q.addConsumer('unlimited', { prefetchCount: 0 }, 0);
      for (let i = 0; i < 10; i++) q.publish({ id: i }, 0);
      expect(q.unackedOf('limited')).toHaveLength(2);
      expect(q.unackedOf('unlimited')).toHaveLength(8);
    },
  ],
  [
    'Example: four unacked deliveries (tags 5..8) with prefetch 4',
    () => {
      const q = new ClassicQueueOracle();
      q.addConsumer('c', { prefetchCount: 4 }, 0);
      for (let i = 0; i < 9; i++) q.publish({ id: i }, 0);
      for (let tag = 1; tag <= 4; tag++) q.ack('c', tag, 0);
      expect(q.unackedOf('c').map((u) => u.deliveryTag)).toEqual([5, 6, 7, 8]);
      expect(q.readyCount).toBe(1);
      expect(deliveredTo(q.ack('c', 5, 0))).toEqual(['8>c']);
    },
  ],
  [
    'When a channel or connection closes, all its unacked deliveries are requeued',
    () => {
      const q = new ClassicQueueOracle();
      q.addConsumer('a', { prefetchCount: 2 }, 0);
      q.publish({ id: 'm0' }, 0);
      q.publish({ id: 'm1' }, 0);
      q.publish({ id: 'm2' }, 0);
      q.removeConsumer('a', 0);
      expect(q.readyMessages().map((m) => [m.msgId, m.redelivered])).toEqual([
        ['m0', true],
        ['m1', true],
        ['m2', false],
      ]);
    },
  ],
  [
    'basic.reject / basic.nack with requeue=true requeue',
    () => {
      const q = new ClassicQueueOracle({ deadLetterExchange: 'dlx' });
      q.addConsumer('a', { prefetchCount: 3 }, 0);
      for (let i = 0; i < 3; i++) q.publish({ id: i }, 0);
      expect(q.nack('a', 3, false, 0, true).filter((o) => o.type === 'deadLettered')).toHaveLength(3);
    },
  ],
  [
    'Dead-letter triggers: reject/nack requeue=false, per-message TTL expiry, length-limit drop',
    () => {
      const q = new ClassicQueueOracle({ deadLetterExchange: 'dlx', maxLength: 1 });
      q.publish({ id: 'ttl', expiration: 5 }, 0);
      expect(q.expire(5)).toEqual([{ type: 'expired', msgId: 'ttl', deadLetter: true }]);
      q.publish({ id: 'old' }, 0);
      expect(q.publish({ id: 'new' }, 0)).toContainEqual({ type: 'deadLettered', msgId: 'old', reason: 'maxlen' });
    },
  ],
  [
    'TTL: x-message-ttl (queue arg/policy message-ttl) and per-message expiration',
    () => {
      const q = new ClassicQueueOracle({ messageTtl: 50 });
      q.publish({ id: 'a', expiration: 500 }, 0);
      q.publish({ id: 'b', expiration: 10 }, 0);
      expect(q.readyMessages().map((m) => m.expiresAt)).toEqual([50, 10]);
      expect(q.expire(20)).toEqual([]);
    },
  ],
  ['Queue TTL (x-expires / expires policy)', 'whole-queue expiry is not part of ClassicQueueOracle (the engine owns queue lifecycles)'],
  [
    'x-max-length / x-max-length-bytes (min of policy and arg',
    () => {
      const q = new ClassicQueueOracle({ maxLength: 1, overflow: 'reject-publish' });
      q.addConsumer('c', { prefetchCount: 1 }, 0);
      q.publish({ id: 'unacked' }, 0);
      q.publish({ id: 'ready' }, 0);
      expect(q.publish({ id: 'refused' }, 0)).toEqual([{ type: 'publishRejected', msgId: 'refused', deadLetter: false }]);
    },
  ],
  [
    'Default exchange: name "", direct, pre-declared',
    () => {
      const t: Topology = { exchanges: [], queues: ['jobs'], bindings: [] };
      expect(route(t, { exchange: '', routingKey: 'jobs' }).queues).toEqual(['jobs']);
      expect(route(t, { exchange: '', routingKey: 'other' })).toMatchObject({ outcome: 'dropped', viaAlternate: false });
    },
  ],
  [
    'Unroutable message: mandatory=false (default) -> silently discarded',
    () => {
      const t: Topology = {
        exchanges: [
          { name: 'x', type: 'direct', alternateExchange: 'ae1' },
          { name: 'ae1', type: 'direct', alternateExchange: 'ae2' },
          { name: 'ae2', type: 'fanout', alternateExchange: 'x' },
        ],
        queues: ['caught'],
        bindings: [{ exchange: 'ae2', queue: 'caught', bindingKey: '' }],
      };
      expect(route(t, { exchange: 'x', routingKey: 'k', mandatory: true })).toMatchObject({
        queues: ['caught'],
        outcome: 'routed',
        viaAlternate: true,
      });
      expect(route({ ...t, bindings: [] }, { exchange: 'x', routingKey: 'k', mandatory: true })).toMatchObject({
        outcome: 'returned',
        exchangesVisited: ['x', 'ae1', 'ae2'],
      });
    },
  ],
  [
    'Queue names up to 255 bytes of UTF-8; routing keys up to 255 bytes',
    () => {
      expect(validateRoutingKey('k'.repeat(255))).toBeNull();
      expect(validateRoutingKey('k'.repeat(256))).not.toBeNull();
    },
  ],
];

describe('semantics_facts.json: RabbitMQ facts', () => {
  it('every fact has a check or a stated reason, and every check names a fact that exists', () => {
    for (const f of facts)
      expect(
        checks.some(([start]) => f.fact.startsWith(start)),
        f.fact,
      ).toBe(true);
    for (const [start] of checks)
      expect(
        facts.some((f) => f.fact.startsWith(start)),
        start,
      ).toBe(true);
  });
  it.each(checks.filter(([, c]) => typeof c === 'function'))('%s…', (_start, check) => {
    (check as () => void)();
  });
});
