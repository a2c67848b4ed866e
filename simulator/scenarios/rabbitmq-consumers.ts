// Built-in RabbitMQ scenarios about who gets a message and how often: a poison message in classic and
// quorum queues, single active consumer failover, consumer priorities.
import type { Def } from './types';

export const rabbitConsumerScenarios: Def[] = [
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
