// Built-in scenarios that run Kafka and RabbitMQ side by side.
import type { Def } from './types';

export const sideBySideScenarios: Def[] = [
  {
    id: 'log-vs-queue',
    title: 'A log keeps, a queue deletes',
    explanation:
      'One Kafka partition holds five records at offsets 0–4; three consumer groups read it independently and sit at committed offsets 5, 2 and 4, so their lags are 0, 3 and 1. Beside it a RabbitMQ queue hands each message to one consumer and deletes it on ack.',
    lanes: ['kafka', 'rabbitmq'],
    chapters: [
      {
        time: 0,
        title: 'Five records, three readers',
        text: 'The log-end offset is 5. Group billing has committed 5 (lag 0), analytics 2 (lag 3), audit 4 (lag 1: only offset 4 is unread).',
      },
      {
        time: 1000,
        title: 'The queue pops',
        text: 'The RabbitMQ consumer acks each message and the queue deletes it: no one else can read it later.',
      },
      {
        time: 2000,
        title: 'Each group reads at its own pace',
        text: 'Consumers fetch from their committed offsets and commit after processing; reading removes nothing from the log.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 15_000,
      kafka: {
        topics: [
          {
            name: 'orders',
            partitions: 1,
            records: ['order #1', 'order #2', 'order #3', 'order #4', 'order #5'].map((value) => ({ partition: 0, key: null, value })),
          },
        ],
        groups: [
          {
            id: 'billing',
            topics: ['orders'],
            enableAutoCommit: false,
            rebalanceDelayMs: 0,
            committed: { 'orders-0': 5 },
            consumers: [{ id: 'A', maxPollRecords: 1, processingMsPerRecord: 2000 }],
          },
          {
            id: 'analytics',
            topics: ['orders'],
            enableAutoCommit: false,
            rebalanceDelayMs: 0,
            committed: { 'orders-0': 2 },
            consumers: [{ id: 'B', maxPollRecords: 1, processingMsPerRecord: 2000 }],
          },
          {
            id: 'audit',
            topics: ['orders'],
            enableAutoCommit: false,
            rebalanceDelayMs: 0,
            committed: { 'orders-0': 4 },
            consumers: [{ id: 'C', maxPollRecords: 1, processingMsPerRecord: 2000 }],
          },
        ],
      },
      rabbitmq: {
        exchanges: [{ name: 'orders', type: 'direct' }],
        queues: [{ name: 'orders' }],
        bindings: [{ exchange: 'orders', queue: 'orders', bindingKey: 'order.created' }],
        publishers: [{ id: 'shop', exchange: 'orders', routingKeys: ['order.created'], ratePerSec: 5, count: 5 }],
        consumers: [{ id: 'worker', queue: 'orders', prefetchCount: 1, processingMs: 1500, startMs: 1000 }],
      },
    },
  },
  {
    id: 'side-by-side',
    title: 'The same events into Kafka and RabbitMQ',
    explanation:
      'The same stream of shop events goes to a Kafka topic read by two consumer groups and to a RabbitMQ fanout exchange with one queue per service. Kafka keeps every event for replay and tracks each group by offset; RabbitMQ copies each event into each queue and deletes every copy once it is acked.',
    lanes: ['kafka', 'rabbitmq'],
    chapters: [
      { time: 0, title: 'One stream, two brokers', text: 'Same message ids on both sides.' },
      {
        time: 8100,
        title: 'A consumer dies on each side',
        text: 'Kafka: the group resumes from the committed offset. RabbitMQ: unacked messages are requeued.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 20_000,
      kafka: {
        topics: [{ name: 'events', partitions: 2 }],
        producers: [{ id: 'shop', topic: 'events', keys: { prefix: 'cart-', count: 8 }, ratePerSec: 2, count: 30 }],
        groups: [
          {
            id: 'billing',
            topics: ['events'],
            autoOffsetReset: 'earliest',
            enableAutoCommit: false,
            consumers: [
              { id: 'billing-1', maxPollRecords: 2, processingMsPerRecord: 900 },
              { id: 'billing-2', maxPollRecords: 2, processingMsPerRecord: 900 },
            ],
          },
          {
            id: 'email',
            topics: ['events'],
            autoOffsetReset: 'earliest',
            enableAutoCommit: false,
            consumers: [{ id: 'email-1', maxPollRecords: 2, processingMsPerRecord: 600 }],
          },
        ],
      },
      rabbitmq: {
        exchanges: [{ name: 'events', type: 'fanout' }],
        queues: [{ name: 'billing' }, { name: 'email' }],
        bindings: [
          { exchange: 'events', queue: 'billing' },
          { exchange: 'events', queue: 'email' },
        ],
        publishers: [{ id: 'shop', exchange: 'events', routingKeys: ['cart.event'], ratePerSec: 2, count: 30 }],
        consumers: [
          { id: 'billing-1', queue: 'billing', prefetchCount: 2, processingMs: 900 },
          { id: 'billing-2', queue: 'billing', prefetchCount: 2, processingMs: 900 },
          { id: 'email-1', queue: 'email', prefetchCount: 2, processingMs: 600 },
        ],
      },
      interventions: [
        { time: 8100, intervention: { type: 'kafka.crashConsumer', group: 'billing', consumer: 'billing-1' } },
        { time: 8100, intervention: { type: 'rabbitmq.crashConsumer', consumer: 'billing-1' } },
      ],
    },
  },
  {
    id: 'heavy',
    title: 'Heavy load (benchmark)',
    explanation:
      'Six partitions read by three consumer groups and a topic exchange feeding four queues with slow consumers; from about 30 s on, retention (30 s) and a queue length limit (150) hold about 1,250 messages at once, all on screen in the "Whole log" view. It exists to measure how fast the page draws, not to teach.',
    lanes: ['kafka', 'rabbitmq'],
    scenario: {
      version: 1,
      durationMs: 120_000,
      kafka: {
        topics: [{ name: 'metrics', partitions: 6, segmentBytes: 2_000, retentionMs: 30_000 }],
        producers: [{ id: 'agents', topic: 'metrics', keys: { prefix: 'host-', count: 60 }, ratePerSec: 20, count: 2_400 }],
        groups: [
          {
            id: 'storage',
            topics: ['metrics'],
            autoOffsetReset: 'earliest',
            consumers: [
              { id: 's1', maxPollRecords: 20 },
              { id: 's2', maxPollRecords: 20 },
              { id: 's3', maxPollRecords: 20 },
            ],
          },
          {
            id: 'alerting',
            topics: ['metrics'],
            strategy: 'roundrobin',
            autoOffsetReset: 'earliest',
            consumers: [
              { id: 'a1', maxPollRecords: 20, processingMsPerRecord: 20 },
              { id: 'a2', maxPollRecords: 20, processingMsPerRecord: 20 },
            ],
          },
          {
            id: 'reports',
            topics: ['metrics'],
            strategy: 'cooperative-sticky',
            autoOffsetReset: 'earliest',
            consumers: [{ id: 'r1', maxPollRecords: 50, processingMsPerRecord: 30 }],
          },
        ],
      },
      rabbitmq: {
        exchanges: [{ name: 'metrics', type: 'topic' }],
        queues: [
          { name: 'cpu', maxLength: 150 },
          { name: 'memory', maxLength: 150 },
          { name: 'eu', maxLength: 150 },
          { name: 'all', maxLength: 150 },
        ],
        bindings: [
          { exchange: 'metrics', queue: 'cpu', bindingKey: '*.cpu' },
          { exchange: 'metrics', queue: 'memory', bindingKey: '*.memory' },
          { exchange: 'metrics', queue: 'eu', bindingKey: 'eu.#' },
          { exchange: 'metrics', queue: 'all', bindingKey: '#' },
        ],
        publishers: [
          { id: 'hosts', exchange: 'metrics', routingKeys: ['eu.cpu', 'us.memory', 'eu.memory', 'us.cpu'], ratePerSec: 12, count: 1_440 },
        ],
        consumers: [
          { id: 'cpu-1', queue: 'cpu', prefetchCount: 10, processingMs: 1_000 },
          { id: 'memory-1', queue: 'memory', prefetchCount: 10, processingMs: 1_000 },
          { id: 'eu-1', queue: 'eu', prefetchCount: 10, processingMs: 1_200 },
          { id: 'all-1', queue: 'all', prefetchCount: 10, processingMs: 500 },
        ],
      },
    },
  },
];
