// Built-in RabbitMQ scenarios about who gets a message and how often: acking one by one, many at once
// or not at all, a poison message in classic and quorum queues, single active consumer failover,
// consumer priorities.
import type { Def } from './types';

export const rabbitConsumerScenarios: Def[] = [
  {
    id: 'ack-each-multiple-auto',
    title: 'Acks: one by one, many at once, or none',
    explanation:
      'A consumer with manual acks answers basic.ack for each delivery once it has done the work; basic.ack with multiple=true settles every delivery up to that delivery tag in one answer; with auto-ack the queue forgets a message the moment it sends it. The difference shows when a consumer dies: what was delivered but not acked goes back to the queue, marked redelivered, while an auto-acked message that had not been processed yet is lost with the consumer (Kafka has one kind of answer, an offset commit, and it always covers every record before it).',
    lanes: ['rabbitmq'],
    chapters: [
      {
        time: 0,
        title: 'Three consumers, three ways to ack',
        text: 'The jobs exchange copies every message to three queues. each (prefetch 4) acks every delivery after 700 ms of work; batcher (prefetch 8) acks now and then with multiple=true; auto uses auto-ack: nothing to ack.',
      },
      {
        time: 2600,
        title: 'One ack settles six deliveries',
        text: 'batcher sends basic.ack for delivery tag 6 with multiple=true: tags 1 to 6 are settled at once and its prefetch window opens again.',
      },
      {
        time: 6300,
        title: 'All three consumers die',
        text: 'The 4 messages each held unacked and the 2 batcher held go back to their queues, marked redelivered. auto’s queue counted its 5 messages as settled when it sent them: they are lost with the consumer.',
      },
      {
        time: 8000,
        title: 'Back, on new channels',
        text: 'Each consumer subscribes again. Delivery tags count per channel, so they start again at 1: a tag from before the crash means nothing now.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 15_000,
      rabbitmq: {
        exchanges: [{ name: 'jobs', type: 'fanout' }],
        queues: [{ name: 'one-by-one' }, { name: 'batched' }, { name: 'auto-acked' }],
        bindings: [
          { exchange: 'jobs', queue: 'one-by-one' },
          { exchange: 'jobs', queue: 'batched' },
          { exchange: 'jobs', queue: 'auto-acked' },
        ],
        publishers: [{ id: 'app', exchange: 'jobs', routingKeys: ['job'], ratePerSec: 2, count: 30 }],
        consumers: [
          { id: 'each', queue: 'one-by-one', prefetchCount: 4, processingMs: 700 },
          { id: 'batcher', queue: 'batched', prefetchCount: 8, settleBy: 'interventions' },
          { id: 'auto', queue: 'auto-acked', autoAck: true, processingMs: 700 },
        ],
      },
      // batcher's acks: the newest delivery tag it holds then, with multiple=true (tests/simulator/engine-scenarios checks each settles them all).
      interventions: [
        { time: 2600, intervention: { type: 'rabbitmq.ack', consumer: 'batcher', deliveryTag: 6, multiple: true } },
        { time: 5100, intervention: { type: 'rabbitmq.ack', consumer: 'batcher', deliveryTag: 11, multiple: true } },
        { time: 6300, intervention: { type: 'rabbitmq.crashConsumer', consumer: 'each' } },
        { time: 6300, intervention: { type: 'rabbitmq.crashConsumer', consumer: 'batcher' } },
        { time: 6300, intervention: { type: 'rabbitmq.crashConsumer', consumer: 'auto' } },
        { time: 8000, intervention: { type: 'rabbitmq.restartConsumer', consumer: 'each' } },
        { time: 8000, intervention: { type: 'rabbitmq.restartConsumer', consumer: 'batcher' } },
        { time: 8000, intervention: { type: 'rabbitmq.restartConsumer', consumer: 'auto' } },
        { time: 10500, intervention: { type: 'rabbitmq.ack', consumer: 'batcher', deliveryTag: 8, multiple: true } },
        { time: 13500, intervention: { type: 'rabbitmq.ack', consumer: 'batcher', deliveryTag: 16, multiple: true } },
      ],
    },
  },
  {
    id: 'poison-message',
    title: 'A poison message: classic vs quorum queue',
    explanation:
      'One message (shop-3) makes every consumer fail: a classic queue takes it back each time and delivers it again, forever, while a quorum queue counts failed deliveries in x-delivery-count and dead-letters it past its delivery limit (20 by default since RabbitMQ 4.0; 3 here). In RabbitMQ 4.3 only failed deliveries count: basic.reject and a consumer that dies holding the message do, basic.nack does not.',
    lanes: ['rabbitmq'],
    chapters: [
      {
        time: 0,
        title: 'Three queues, one poison message',
        text: 'The orders exchange copies every message to a classic queue and two quorum queues with x-delivery-limit 3. Each consumer fails on shop-3: the classic one and quorum-reject answer basic.reject with requeue, quorum-nack answers basic.nack with requeue.',
      },
      {
        time: 1750,
        title: 'Requeued, again and again',
        text: 'Each queue takes shop-3 back ahead of the rest and delivers it again at once, marked redelivered: with prefetch 1 nothing behind it gets through. The quorum queues show the counts a consumer sees: x-delivery-count (failed deliveries) and x-acquired-count (every return).',
      },
      {
        time: 2500,
        title: 'The delivery limit',
        text: 'quorum-reject’s fourth rejection takes x-delivery-count past 3: the queue dead-letters shop-3 (reason delivery_limit) to orders.dead and goes on with the next message.',
      },
      {
        time: 5000,
        title: 'basic.nack is not counted (4.3)',
        text: 'On quorum-nack, x-acquired-count keeps rising but x-delivery-count stays at 0, so shop-3 loops just as it does in the classic queue. RabbitMQ 3.x to 4.2 counted every return, nack included.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 15_000,
      rabbitmq: {
        exchanges: [
          { name: 'orders', type: 'fanout' },
          { name: 'dlx', type: 'fanout' },
        ],
        queues: [
          { name: 'classic' },
          { name: 'quorum-reject', type: 'quorum', deliveryLimit: 3, deadLetterExchange: 'dlx' },
          { name: 'quorum-nack', type: 'quorum', deliveryLimit: 3, deadLetterExchange: 'dlx' },
          { name: 'orders.dead' },
        ],
        bindings: [
          { exchange: 'orders', queue: 'classic' },
          { exchange: 'orders', queue: 'quorum-reject' },
          { exchange: 'orders', queue: 'quorum-nack' },
          { exchange: 'dlx', queue: 'orders.dead' },
        ],
        publishers: [{ id: 'shop', exchange: 'orders', routingKeys: ['order'], ratePerSec: 2, count: 12 }],
        consumers: [
          { id: 'classic-worker', queue: 'classic', processingMs: 250, failMessages: ['shop-3'], failWith: 'reject' },
          { id: 'reject-worker', queue: 'quorum-reject', processingMs: 250, failMessages: ['shop-3'], failWith: 'reject' },
          { id: 'nack-worker', queue: 'quorum-nack', processingMs: 250, failMessages: ['shop-3'], failWith: 'nack' },
        ],
      },
    },
  },
  {
    id: 'single-active-consumer',
    title: 'Single active consumer: who takes over',
    explanation:
      'With x-single-active-consumer one consumer gets every message, in order, and the others wait; the first to subscribe is active. A classic queue keeps it until it goes away and then picks the waiting consumer with the highest priority; a quorum queue (RabbitMQ 4.0+) also lets a higher-priority consumer that subscribes later take over, once the active one has settled what it holds.',
    lanes: ['rabbitmq'],
    chapters: [
      {
        time: 0,
        title: 'Two queues, two consumers each',
        text: 'invoices-classic and invoices-quorum both have x-single-active-consumer. a subscribes first and is active; b waits.',
      },
      {
        time: 5000,
        title: 'A higher priority subscribes',
        text: 'c arrives with x-priority 5. The classic queue keeps a active. The quorum queue stops giving a new messages and hands over to c once a has acked the two it holds (6 s).',
      },
      {
        time: 10000,
        title: 'The active consumer dies',
        text: 'classic-a and quorum-c crash; their unacked messages go back. The classic queue activates classic-c (highest priority); the quorum queue activates quorum-a (same priority as b, more room, then subscribed first).',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 18_000,
      rabbitmq: {
        exchanges: [{ name: 'invoices', type: 'fanout' }],
        queues: [
          { name: 'invoices-classic', singleActiveConsumer: true },
          { name: 'invoices-quorum', type: 'quorum', singleActiveConsumer: true },
        ],
        bindings: [
          { exchange: 'invoices', queue: 'invoices-classic' },
          { exchange: 'invoices', queue: 'invoices-quorum' },
        ],
        publishers: [{ id: 'shop', exchange: 'invoices', routingKeys: ['invoice'], ratePerSec: 3, count: 50 }],
        consumers: [
          { id: 'classic-a', queue: 'invoices-classic', prefetchCount: 2, processingMs: 600 },
          { id: 'classic-b', queue: 'invoices-classic', prefetchCount: 2, processingMs: 600, startMs: 10 },
          { id: 'classic-c', queue: 'invoices-classic', prefetchCount: 2, processingMs: 600, startMs: 5000, priority: 5 },
          { id: 'quorum-a', queue: 'invoices-quorum', prefetchCount: 2, processingMs: 600 },
          { id: 'quorum-b', queue: 'invoices-quorum', prefetchCount: 2, processingMs: 600, startMs: 10 },
          { id: 'quorum-c', queue: 'invoices-quorum', prefetchCount: 2, processingMs: 600, startMs: 5000, priority: 5 },
        ],
      },
      interventions: [
        { time: 10000, intervention: { type: 'rabbitmq.crashConsumer', consumer: 'classic-a' } },
        { time: 10000, intervention: { type: 'rabbitmq.crashConsumer', consumer: 'quorum-c' } },
      ],
    },
  },
  {
    id: 'consumer-priorities',
    title: 'Consumer priorities: the fast worker first',
    explanation:
      'A consumer can subscribe with x-priority, and the queue gives each message to its highest-priority consumer that has room under its prefetch. Lower-priority consumers get messages only while the higher ones are full: RabbitMQ never waits for a busy high-priority consumer.',
    lanes: ['rabbitmq'],
    chapters: [
      {
        time: 0,
        title: 'A fast and a slow worker',
        text: 'gpu has x-priority 10 and prefetch 2; cpu has the default priority 0. At three jobs a second gpu keeps up, so cpu gets nothing.',
      },
      {
        time: 6000,
        title: 'A burst',
        text: 'Twenty jobs at once: gpu fills its two slots and the rest go to cpu, which works through them slowly. As soon as gpu has room again it gets the next job first.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 20_000,
      rabbitmq: {
        queues: [{ name: 'renders' }],
        publishers: [{ id: 'studio', routingKeys: ['renders'], ratePerSec: 3, count: 45 }],
        consumers: [
          { id: 'gpu', queue: 'renders', priority: 10, prefetchCount: 2, processingMs: 250 },
          { id: 'cpu', queue: 'renders', prefetchCount: 2, processingMs: 1500 },
        ],
      },
      interventions: [
        { time: 6000, intervention: { type: 'rabbitmq.publishBurst', routingKeys: ['renders'], count: 20, publisher: 'batch' } },
      ],
    },
  },
];
