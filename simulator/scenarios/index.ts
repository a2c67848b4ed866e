// Built-in scenarios: plain data, validated by the same schema as user scenarios. Kafka's defaults
// (7-day retention, 5 s auto-commit, 45 s session timeout) are scaled down here so each plays in
// seconds; the rules themselves are unchanged.
import { scenarioSchema, type Scenario, type ScenarioInput } from '../schema';

export type ScenarioId =
  | 'log-vs-queue'
  | 'group-scaling'
  | 'replay-new-group'
  | 'retention-reset'
  | 'compaction'
  | 'crash-before-commit'
  | 'key-ordering'
  | 'work-queue-prefetch'
  | 'requeue-on-crash'
  | 'ttl-dead-letter'
  | 'order-topic-exchange'
  | 'length-limit'
  | 'side-by-side'
  | 'stream-replay'
  | 'heavy';

export interface BuiltInScenario {
  id: ScenarioId;
  title: string;
  explanation: string;
  lanes: ('kafka' | 'rabbitmq')[];
  chapters?: { time: number; title: string; text: string }[];
  scenario: Scenario;
}

interface Def extends Omit<BuiltInScenario, 'scenario'> {
  scenario: ScenarioInput;
}

const defs: Def[] = [
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
    id: 'group-scaling',
    title: 'Scaling a consumer group past its partitions',
    explanation:
      'A topic with three partitions is read by a group that grows from one consumer to four; each join triggers a rebalance that spreads the partitions. The fourth consumer gets nothing and sits idle, because a partition has at most one consumer per group.',
    lanes: ['kafka'],
    chapters: [
      { time: 0, title: 'One consumer owns everything', text: 'c1 is assigned all three partitions.' },
      { time: 5000, title: 'c2 joins', text: 'The group rebalances (range assignor): c1 keeps two partitions, c2 gets one.' },
      { time: 10000, title: 'c3 joins', text: 'Three consumers, three partitions: one each.' },
      {
        time: 15000,
        title: 'c4 joins and idles',
        text: 'There is no fourth partition, so c4 is idle: more consumers than partitions adds no throughput.',
      },
      {
        time: 22000,
        title: 'c1 leaves',
        text: 'Another rebalance; the idle c4 now takes over a partition, resuming from the committed offset.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 30_000,
      kafka: {
        topics: [{ name: 'events', partitions: 3 }],
        producers: [{ id: 'app', topic: 'events', keys: { prefix: 'user-', count: 12 }, ratePerSec: 12, count: 340 }],
        groups: [
          {
            id: 'workers',
            topics: ['events'],
            autoOffsetReset: 'earliest',
            consumers: [{ id: 'c1', maxPollRecords: 4, processingMsPerRecord: 60 }],
          },
        ],
      },
      interventions: [
        {
          time: 5000,
          intervention: {
            type: 'kafka.addConsumer',
            group: 'workers',
            consumer: { id: 'c2', maxPollRecords: 4, processingMsPerRecord: 60 },
          },
        },
        {
          time: 10000,
          intervention: {
            type: 'kafka.addConsumer',
            group: 'workers',
            consumer: { id: 'c3', maxPollRecords: 4, processingMsPerRecord: 60 },
          },
        },
        {
          time: 15000,
          intervention: {
            type: 'kafka.addConsumer',
            group: 'workers',
            consumer: { id: 'c4', maxPollRecords: 4, processingMsPerRecord: 60 },
          },
        },
        { time: 22000, intervention: { type: 'kafka.removeConsumer', group: 'workers', consumer: 'c1' } },
      ],
    },
  },
  {
    id: 'replay-new-group',
    title: 'A new group replays the log from the start',
    explanation:
      'Group billing has been reading orders for a while. A new group analytics starts with auto.offset.reset=earliest and reads every retained record from offset 0, while a group alerts starting with latest only sees records produced after it joined.',
    lanes: ['kafka'],
    chapters: [
      { time: 0, title: 'One group reading', text: 'billing keeps up with the producer.' },
      {
        time: 10000,
        title: 'Two new groups',
        text: 'analytics (earliest) replays all history; alerts (latest) starts at the log-end offset.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 25_000,
      kafka: {
        topics: [{ name: 'orders', partitions: 2 }],
        producers: [{ id: 'shop', topic: 'orders', keys: { prefix: 'customer-', count: 6 }, ratePerSec: 4, count: 72 }],
        groups: [
          { id: 'billing', topics: ['orders'], autoOffsetReset: 'earliest', consumers: [{ id: 'billing-1', processingMsPerRecord: 50 }] },
        ],
      },
      interventions: [
        {
          time: 10000,
          intervention: {
            type: 'kafka.newGroup',
            group: {
              id: 'analytics',
              topics: ['orders'],
              autoOffsetReset: 'earliest',
              consumers: [{ id: 'analytics-1', maxPollRecords: 5, processingMsPerRecord: 120 }],
            },
          },
        },
        {
          time: 10000,
          intervention: {
            type: 'kafka.newGroup',
            group: {
              id: 'alerts',
              topics: ['orders'],
              autoOffsetReset: 'latest',
              consumers: [{ id: 'alerts-1', processingMsPerRecord: 50 }],
            },
          },
        },
      ],
    },
  },
  {
    id: 'retention-reset',
    title: 'Retention deletes what a slow consumer has not read',
    explanation:
      'Retention deletes whole old segments on a schedule, whether or not every group has read them. A slow group falls behind the log start offset, its position is out of range, and auto.offset.reset=earliest jumps it forward past records it never saw.',
    lanes: ['kafka'],
    chapters: [
      { time: 0, title: 'Segments roll', text: 'Each segment holds five records; retention.ms is 6 s (scaled down from 7 days).' },
      {
        time: 8000,
        title: 'Old segments go',
        text: 'Only closed segments whose newest record is older than retention.ms are deleted; the active one never is.',
      },
      {
        time: 14000,
        title: 'The slow group falls off the log',
        text: 'Its next fetch is below the log start offset: out of range, reset to earliest. Records in between are lost to it.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 30_000,
      kafka: {
        topics: [{ name: 'clicks', partitions: 1, segmentBytes: 500, retentionMs: 6000, logCheckIntervalMs: 1000 }],
        producers: [{ id: 'web', topic: 'clicks', ratePerSec: 4, count: 110, valueBytes: 100 }],
        groups: [
          { id: 'dashboard', topics: ['clicks'], autoOffsetReset: 'earliest', consumers: [{ id: 'fast-1', processingMsPerRecord: 20 }] },
          {
            id: 'warehouse',
            topics: ['clicks'],
            autoOffsetReset: 'earliest',
            enableAutoCommit: false,
            consumers: [{ id: 'slow-1', maxPollRecords: 2, processingMsPerRecord: 1400 }],
          },
        ],
      },
    },
  },
  {
    id: 'compaction',
    title: 'Compaction keeps the latest value per key',
    explanation:
      'On a compacted topic the cleaner removes records that a newer record with the same key supersedes, but never touches the active segment and never changes an offset. A tombstone (a null value) deletes its key and is itself removed after delete.retention.ms.',
    lanes: ['kafka'],
    chapters: [
      { time: 0, title: 'Prices by ticker', text: 'Each record is keyed by ticker; later prices supersede earlier ones.' },
      {
        time: 6000,
        title: 'The cleaner runs',
        text: 'Older values in closed segments disappear; offsets of the survivors stay the same, leaving gaps.',
      },
      {
        time: 12000,
        title: 'A tombstone',
        text: 'MSFT gets a null value: the cleaner drops its older values, then the tombstone itself after delete.retention.ms.',
      },
      {
        time: 22000,
        title: 'A new reader',
        text: 'A new group reads the compacted log from the start and sees only the latest value per key.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 30_000,
      kafka: {
        topics: [
          { name: 'prices', partitions: 1, cleanupPolicy: 'compact', segmentBytes: 330, deleteRetentionMs: 4000, logCheckIntervalMs: 2000 },
        ],
        producers: [
          {
            id: 'feed',
            topic: 'prices',
            keys: ['AAPL', 'MSFT', 'GOOG'],
            values: ['190', '410', '170', '191', '412', '171', '193', '415', '169', '194', null, '172', '195', '168', '196'],
            ratePerSec: 1.5,
            count: 30,
            valueBytes: 60,
          },
        ],
      },
      interventions: [
        {
          time: 22000,
          intervention: {
            type: 'kafka.newGroup',
            group: {
              id: 'snapshot',
              topics: ['prices'],
              autoOffsetReset: 'earliest',
              consumers: [{ id: 'loader', maxPollRecords: 3, processingMsPerRecord: 150 }],
            },
          },
        },
      ],
    },
  },
  {
    id: 'crash-before-commit',
    title: 'A crash before the commit means duplicates',
    explanation:
      'With auto-commit, offsets are committed only every auto.commit.interval.ms, so a consumer that dies between commits has processed records its group never recorded. The partition moves to another consumer, which resumes from the last committed offset and processes those records again: at-least-once delivery.',
    lanes: ['kafka'],
    chapters: [
      { time: 0, title: 'Processing ahead of the commit', text: 'c1 processes records continuously but commits only every 5 s.' },
      { time: 9000, title: 'c1 crashes', text: 'Everything it processed since the last commit is not recorded anywhere.' },
      {
        time: 11000,
        title: 'Session timeout, rebalance',
        text: 'c2 takes the partition from the committed offset and reads those records again (marked redelivered).',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 20_000,
      kafka: {
        topics: [{ name: 'payments', partitions: 1 }],
        producers: [{ id: 'checkout', topic: 'payments', keys: { prefix: 'payment-', count: 100 }, ratePerSec: 3, count: 54 }],
        groups: [
          {
            id: 'ledger',
            topics: ['payments'],
            autoOffsetReset: 'earliest',
            enableAutoCommit: true,
            autoCommitIntervalMs: 5000,
            sessionTimeoutMs: 2000,
            consumers: [
              { id: 'c1', maxPollRecords: 2, processingMsPerRecord: 150 },
              { id: 'c2', maxPollRecords: 2, processingMsPerRecord: 150 },
            ],
          },
        ],
      },
      interventions: [{ time: 9000, intervention: { type: 'kafka.crashConsumer', group: 'ledger', consumer: 'c1' } }],
    },
  },
  {
    id: 'key-ordering',
    title: 'A key picks a partition; order holds per key',
    explanation:
      'The Java client hashes each key with murmur2 to pick a partition, so all records of one customer land in one partition in order, while different partitions interleave freely. A librdkafka producer (Python, Go, .NET) hashes with CRC-32 by default, so the same key can land elsewhere and the per-key order is lost across the two.',
    lanes: ['kafka'],
    chapters: [
      {
        time: 0,
        title: 'Same key, same partition',
        text: 'Each customer-N always goes to the same partition: records for one customer stay in order.',
      },
      {
        time: 12000,
        title: 'A Python producer joins',
        text: 'Its default consistent_random partitioner (CRC-32) sends some of the same keys to different partitions.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 25_000,
      kafka: {
        topics: [{ name: 'orders', partitions: 4 }],
        producers: [
          {
            id: 'java-app',
            topic: 'orders',
            partitioner: 'java',
            keys: ['customer-1', 'customer-2', 'customer-3', 'customer-4', 'customer-5'],
            ratePerSec: 3,
            count: 60,
          },
          {
            id: 'python-app',
            topic: 'orders',
            partitioner: 'consistent_random',
            keys: ['customer-1', 'customer-2', 'customer-3', 'customer-4', 'customer-5'],
            ratePerSec: 2,
            count: 20,
            startMs: 12000,
          },
        ],
        groups: [
          {
            id: 'shipping',
            topics: ['orders'],
            strategy: 'roundrobin',
            autoOffsetReset: 'earliest',
            consumers: [
              { id: 'ship-1', processingMsPerRecord: 80 },
              { id: 'ship-2', processingMsPerRecord: 80 },
            ],
          },
        ],
      },
    },
  },
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

export const builtInScenarios: readonly BuiltInScenario[] = defs.map((d) => ({ ...d, scenario: scenarioSchema.parse(d.scenario) }));

export function getBuiltInScenario(id: string): BuiltInScenario | undefined {
  return builtInScenarios.find((s) => s.id === id);
}
