// Built-in RabbitMQ scenarios: work queues, requeue, TTL and dead-lettering, topic routing, length limits, streams.
import type { Def } from './types';

export const rabbitScenarios: Def[] = [
  {
    id: 'work-queue-prefetch',
    title: 'Work queue: prefetch 1 vs 10',
    explanation:
      'RabbitMQ hands ready messages round-robin to consumers that still have room under their prefetch limit. With prefetch 1 a slow worker takes only what it can finish, while a worker with prefetch 10 hoards messages that faster workers could have processed.',
    lanes: ['rabbitmq'],
    chapters: [
      { time: 0, title: 'Three workers', text: 'fast (prefetch 1), slow (prefetch 1) and hoarder (prefetch 10, slow).' },
      {
        time: 10000,
        title: 'Lower the hoarder to prefetch 1',
        text: 'The new limit takes effect at once: the hoarder keeps the messages it already holds, gets no new one until it is down to none unacked, and from then on holds at most one.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 25_000,
      rabbitmq: {
        queues: [{ name: 'tasks' }],
        publishers: [{ id: 'web', exchange: '', routingKeys: ['tasks'], ratePerSec: 6, count: 90 }],
        consumers: [
          { id: 'fast', queue: 'tasks', prefetchCount: 1, processingMs: 250 },
          { id: 'slow', queue: 'tasks', prefetchCount: 1, processingMs: 900 },
          { id: 'hoarder', queue: 'tasks', prefetchCount: 10, processingMs: 900 },
        ],
      },
      interventions: [{ time: 10000, intervention: { type: 'rabbitmq.setPrefetch', consumer: 'hoarder', prefetchCount: 1 } }],
    },
  },
  {
    id: 'requeue-on-crash',
    title: 'A consumer dies holding unacked messages',
    explanation:
      "Messages delivered but not yet acked stay owned by the queue. When the consumer's channel closes they go back to their original positions with redelivered=true and another consumer gets them, so work is never lost but may be done twice.",
    lanes: ['rabbitmq'],
    chapters: [
      { time: 0, title: 'Two consumers, prefetch 5', text: 'Each holds up to five unacked messages.' },
      { time: 3500, title: 'c1 dies', text: 'Its unacked messages return to the queue ahead of the rest, marked redelivered.' },
      { time: 9000, title: 'c1 comes back', text: 'It subscribes again and shares the remaining work.' },
    ],
    scenario: {
      version: 1,
      durationMs: 20_000,
      rabbitmq: {
        queues: [{ name: 'jobs' }],
        publishers: [{ id: 'scheduler', routingKeys: ['jobs'], ratePerSec: 20, count: 30 }],
        consumers: [
          { id: 'c1', queue: 'jobs', prefetchCount: 5, processingMs: 1000 },
          { id: 'c2', queue: 'jobs', prefetchCount: 5, processingMs: 1000 },
        ],
      },
      interventions: [
        { time: 3500, intervention: { type: 'rabbitmq.crashConsumer', consumer: 'c1' } },
        { time: 9000, intervention: { type: 'rabbitmq.restartConsumer', consumer: 'c1' } },
      ],
    },
  },
  {
    id: 'ttl-dead-letter',
    title: 'TTL and a dead-letter queue',
    explanation:
      'The orders queue has a 5-second message TTL and a dead-letter exchange: messages that wait too long, or that the consumer rejects without requeue, are republished to the DLX and land in a dead-letter queue. Classic queues expire messages only at the head, so a short per-message TTL can wait behind older messages.',
    lanes: ['rabbitmq'],
    chapters: [
      { time: 0, title: 'A slow consumer', text: 'Messages arrive faster than the consumer processes them, so the backlog ages.' },
      {
        time: 3000,
        title: 'Short per-message TTL',
        text: 'urgent messages carry expiration=1000 ms but can expire only when they reach the head.',
      },
      { time: 6000, title: 'Expiry and dead letters', text: 'Expired and rejected messages go to the dlx exchange and on to orders.dead.' },
    ],
    scenario: {
      version: 1,
      durationMs: 30_000,
      rabbitmq: {
        exchanges: [
          { name: 'orders', type: 'direct' },
          { name: 'dlx', type: 'fanout' },
        ],
        queues: [{ name: 'orders', messageTtlMs: 5000, deadLetterExchange: 'dlx' }, { name: 'orders.dead' }],
        bindings: [
          { exchange: 'orders', queue: 'orders', bindingKey: 'order' },
          { exchange: 'dlx', queue: 'orders.dead' },
        ],
        publishers: [
          { id: 'shop', exchange: 'orders', routingKeys: ['order'], ratePerSec: 1.5, count: 24 },
          { id: 'urgent', exchange: 'orders', routingKeys: ['order'], expirationMs: 1000, ratePerSec: 1, count: 4, startMs: 3000 },
        ],
        consumers: [{ id: 'worker', queue: 'orders', prefetchCount: 1, processingMs: 1600, nackEvery: 4, nackRequeue: false }],
      },
    },
  },
  {
    id: 'order-topic-exchange',
    title: 'Order notifications through a topic exchange',
    explanation:
      'A topic exchange compares routing keys such as order.created.eu with binding patterns, where * matches one word and # any number of words, and each matching queue gets one copy. A message no binding matches goes to the alternate exchange instead of being dropped.',
    lanes: ['rabbitmq'],
    chapters: [
      { time: 0, title: 'Four bindings', text: 'eu-orders: order.*.eu; created: order.created.#; payments: order.paid.*; audit: order.#.' },
      { time: 2000, title: 'One message, many copies', text: 'order.created.eu matches three bindings: three queues each get one copy.' },
      { time: 4000, title: 'Unroutable', text: 'invoice.created matches nothing and goes to the alternate exchange unrouted.' },
    ],
    scenario: {
      version: 1,
      durationMs: 20_000,
      rabbitmq: {
        exchanges: [
          { name: 'orders', type: 'topic', alternateExchange: 'unrouted' },
          { name: 'unrouted', type: 'fanout' },
        ],
        queues: [{ name: 'eu-orders' }, { name: 'created' }, { name: 'payments' }, { name: 'audit' }, { name: 'unrouted' }],
        bindings: [
          { exchange: 'orders', queue: 'eu-orders', bindingKey: 'order.*.eu' },
          { exchange: 'orders', queue: 'created', bindingKey: 'order.created.#' },
          { exchange: 'orders', queue: 'payments', bindingKey: 'order.paid.*' },
          { exchange: 'orders', queue: 'audit', bindingKey: 'order.#' },
          { exchange: 'unrouted', queue: 'unrouted' },
        ],
        publishers: [
          {
            id: 'shop',
            exchange: 'orders',
            routingKeys: ['order.created.eu', 'order.created.us', 'order.paid.eu', 'invoice.created', 'order.cancelled.us'],
            ratePerSec: 2,
            count: 25,
          },
        ],
        consumers: [
          { id: 'eu-service', queue: 'eu-orders', processingMs: 700 },
          { id: 'mailer', queue: 'created', processingMs: 700 },
          { id: 'billing', queue: 'payments', processingMs: 700 },
          { id: 'auditor', queue: 'audit', processingMs: 400 },
        ],
      },
    },
  },
  {
    id: 'length-limit',
    title: 'A queue length limit overflows',
    explanation:
      'x-max-length caps the ready messages a queue holds. With the default overflow drop-head the oldest message is dropped (or dead-lettered) to make room; with reject-publish the new message is refused instead.',
    lanes: ['rabbitmq'],
    chapters: [
      { time: 0, title: 'Two capped queues', text: 'Both hold at most 5 ready messages; their consumers are slow.' },
      {
        time: 3000,
        title: 'Overflow',
        text: 'thumbnails (drop-head) dead-letters its oldest message; previews (reject-publish) refuses the newest.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 20_000,
      rabbitmq: {
        exchanges: [
          { name: 'uploads', type: 'fanout' },
          { name: 'dlx', type: 'fanout' },
        ],
        queues: [
          { name: 'thumbnails', maxLength: 5, overflow: 'drop-head', deadLetterExchange: 'dlx' },
          { name: 'previews', maxLength: 5, overflow: 'reject-publish' },
          { name: 'overflowed' },
        ],
        bindings: [
          { exchange: 'uploads', queue: 'thumbnails' },
          { exchange: 'uploads', queue: 'previews' },
          { exchange: 'dlx', queue: 'overflowed' },
        ],
        publishers: [{ id: 'uploader', exchange: 'uploads', routingKeys: ['file'], ratePerSec: 4, count: 40 }],
        consumers: [
          { id: 'thumbnailer', queue: 'thumbnails', prefetchCount: 1, processingMs: 1000 },
          { id: 'previewer', queue: 'previews', prefetchCount: 1, processingMs: 1000 },
        ],
      },
    },
  },
  {
    id: 'stream-replay',
    title: 'RabbitMQ streams replay like a log',
    explanation:
      'A RabbitMQ stream is an append-only log: reading does not remove messages, and each consumer chooses where to attach (first, last, next, an offset or a timestamp). Here a live reader follows new messages while two late readers replay from the start and from a point in time.',
    lanes: ['rabbitmq'],
    chapters: [
      { time: 0, title: 'A live reader', text: 'live attaches at next and sees only new messages.' },
      { time: 10000, title: 'Replay from first', text: 'replay attaches at first and reads every retained message.' },
      { time: 12000, title: 'Replay from a timestamp', text: 'audit attaches at timestamp 5000 ms.' },
    ],
    scenario: {
      version: 1,
      durationMs: 25_000,
      rabbitmq: {
        queues: [{ name: 'events', type: 'stream', segmentMessages: 5 }],
        publishers: [{ id: 'sensor', routingKeys: ['events'], ratePerSec: 2, count: 40 }],
        consumers: [
          { id: 'live', queue: 'events', offset: 'next', processingMs: 100 },
          { id: 'replay', queue: 'events', offset: 'first', processingMs: 150, startMs: 10000 },
          { id: 'audit', queue: 'events', offset: { timestamp: 5000 }, processingMs: 150, startMs: 12000 },
        ],
      },
    },
  },
];
