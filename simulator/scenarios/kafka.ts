// Built-in Kafka scenarios: consumer groups, replay, retention, compaction, commits, key ordering.
import type { Def } from './types';

export const kafkaScenarios: Def[] = [
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
];
