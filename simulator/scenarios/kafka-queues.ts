// Built-in Kafka scenarios about queue-style consumption and rebalances: share groups (KIP-932) and
// the three ways a consumer group rebalances in Kafka 4.x. Timeouts are scaled down (lock duration
// 30 s → 3 s, heartbeat interval 5 s → 1 s) so each plays in seconds.
import type { Def } from './types';

const worker = (id: string, extra: Record<string, unknown> = {}) => ({ id, maxPollRecords: 2, processingMsPerRecord: 400, ...extra });

export const kafkaQueueScenarios: Def[] = [
  {
    id: 'more-consumers-than-partitions',
    title: 'More consumers than partitions: group vs share group',
    explanation:
      'Two partitions, four consumers in a consumer group and four in a share group: in a consumer group a partition has one consumer at a time, so two of its consumers sit idle and the backlog grows. A share group (Kafka 4.2+, KIP-932) lets several members read one partition, each record acquired by one member under a lock, so all four work, at the price of ordering.',
    lanes: ['kafka'],
    chapters: [
      {
        time: 0,
        title: 'Four consumers, two partitions',
        text: 'The consumer group assigns each partition to one member: two are idle. The share group\u2019s simple assignor gives each partition to ceil(4/2) = 2 members.',
      },
      {
        time: 6000,
        title: 'Who keeps up',
        text: 'Each consumer handles 2.5 records a second and 8 arrive: the consumer group\u2019s two busy members fall behind, the share group\u2019s four keep up. Records acquired by one share consumer are locked; the others take the next ones.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 20_000,
      kafka: {
        topics: [{ name: 'jobs', partitions: 2 }],
        producers: [{ id: 'app', topic: 'jobs', keys: { prefix: 'job-', count: 40 }, ratePerSec: 8, count: 150 }],
        groups: [
          {
            id: 'group',
            topics: ['jobs'],
            autoOffsetReset: 'earliest',
            consumers: ['g1', 'g2', 'g3', 'g4'].map((id) => worker(id)),
          },
        ],
        shareGroups: [
          {
            id: 'share',
            topics: ['jobs'],
            shareAutoOffsetReset: 'earliest',
            shareRecordLockDurationMs: 3000,
            consumers: ['s1', 's2', 's3', 's4'].map((id) => worker(id)),
          },
        ],
      },
    },
  },
  {
    id: 'share-lock-expiry',
    title: 'A slow share consumer loses its lock',
    explanation:
      'A share consumer holds each record it acquires under a lock (share.record.lock.duration.ms: 30 s by default, 3 s here), and slow needs 4 s per record: its lock expires, fast takes the record with its delivery count raised, and slow\u2019s late acknowledgement is refused, so the record was processed twice. renewing is just as slow but renews its locks (RENEW, Kafka 4.2+) while it works, so its records stay its own.',
    lanes: ['kafka'],
    chapters: [
      { time: 500, title: 'Three consumers share a partition', text: 'fast takes 0.3 s a record; slow and renewing take 4 s.' },
      {
        time: 3500,
        title: 'slow\u2019s lock expires',
        text: 'Its record goes back (delivery count kept) and fast acquires it with delivery count 2. renewing renewed at half the lock duration and keeps its record.',
      },
      {
        time: 4500,
        title: 'A refused acknowledgement',
        text: 'slow finishes and accepts, but the record is no longer its own: InvalidRecordStateException. It was processed twice; a share group is at-least-once.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 16_000,
      kafka: {
        topics: [{ name: 'tasks', partitions: 1 }],
        producers: [{ id: 'app', topic: 'tasks', ratePerSec: 3, count: 40, startMs: 500 }],
        shareGroups: [
          {
            id: 'workers',
            topics: ['tasks'],
            shareRecordLockDurationMs: 3000,
            consumers: [
              worker('slow', { maxPollRecords: 1, processingMsPerRecord: 4000 }),
              worker('renewing', {
                maxPollRecords: 1,
                processingMsPerRecord: 4000,
                shareAcknowledgementMode: 'explicit',
                renewLocks: true,
              }),
              worker('fast', { maxPollRecords: 1, processingMsPerRecord: 300 }),
            ],
          },
        ],
      },
    },
  },
  {
    id: 'share-poison-message',
    title: 'A poison record in a share group',
    explanation:
      'Every consumer fails on the record with key "poison" and releases it, and each delivery counts: at share.delivery.count.limit (5 by default) a release archives it instead, and Kafka 4.4 can first copy it to a dead-letter topic (errors.deadletterqueue.topic.name). Meanwhile the share-partition start offset (SPSO) cannot pass the record, but the records after it keep flowing.',
    lanes: ['kafka'],
    chapters: [
      {
        time: 1500,
        title: 'A record no one can process',
        text: 'Released records come back before new ones, with their delivery count kept: 1, 2, 3 …',
      },
      {
        time: 5000,
        title: 'The last attempt is delivered alone',
        text: 'Kafka 4.4 isolates a record on its last delivery so a poison record cannot take healthy ones down with it.',
      },
      {
        time: 5500,
        title: 'Archived, and copied to dlq.orders',
        text: 'The fifth release archives it; the dead-letter record keeps its id, but not its key or value (errors.deadletterqueue.copy.record.enable is false), and its headers say why.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 12_000,
      kafka: {
        topics: [
          { name: 'orders', partitions: 1 },
          { name: 'dlq.orders', partitions: 1, errorsDeadletterqueueGroupEnable: true },
        ],
        producers: [
          {
            id: 'shop',
            topic: 'orders',
            keys: ['a', 'b', 'poison', 'c', 'd', 'e', 'f', 'g', 'h', 'i'],
            ratePerSec: 2,
            count: 20,
            startMs: 500,
          },
        ],
        shareGroups: [
          {
            id: 'fulfilment',
            topics: ['orders'],
            errorsDeadletterqueueTopicName: 'dlq.orders',
            consumers: ['w1', 'w2'].map((id) =>
              worker(id, {
                maxPollRecords: 3,
                processingMsPerRecord: 500,
                shareAcknowledgementMode: 'explicit',
                fail: { keys: ['poison'] },
              }),
            ),
          },
        ],
      },
    },
  },
  {
    id: 'rebalance-styles',
    title: 'Three rebalance styles on one clock',
    explanation:
      'Three groups read one topic with two consumers each, and a third consumer joins each group at 10 s. Eager (range) stops the whole group until the rebalance ends, cooperative-sticky pauses only the partitions that move and hands them over in a follow-up rebalance, and the consumer protocol (KIP-848, Kafka 4.0+) has no barrier at all: each member gives up and takes partitions on its own heartbeats.',
    lanes: ['kafka'],
    chapters: [
      { time: 0, title: 'Three groups, one topic', text: 'Six partitions, two consumers per group, each keeping up.' },
      {
        time: 10000,
        title: 'A third consumer joins each group',
        text: 'eager: every member stops at its next poll and gives up all its partitions. coop: members rejoin but keep reading. kip848: the coordinator computes a new target (group epoch + 1); nobody stops.',
      },
      {
        time: 10500,
        title: 'Eager ends; cooperative hands over',
        text: 'eager resumes with a fresh assignment. coop revoked one partition from each member in the first rebalance and places them in a follow-up. kip848\u2019s members revoke on their heartbeats, and the newcomer takes each partition once it is released.',
      },
      {
        time: 13000,
        title: 'What it cost',
        text: 'Compare each group\u2019s latest rebalance: partition-time paused (eager paused all six partitions for the whole rebalance; the others only the two that moved), records processed while it ran, and how long it took. The consumer protocol\u2019s moves wait for heartbeats (1 s here, 5 s by default), so a moved partition can wait longer than in a cooperative rebalance, but no member ever stops.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 20_000,
      kafka: {
        topics: [{ name: 'orders', partitions: 6 }],
        producers: [{ id: 'shop', topic: 'orders', keys: { prefix: 'customer-', count: 30 }, ratePerSec: 30, count: 600 }],
        groups: [
          { id: 'eager', strategy: 'range' as const },
          { id: 'coop', strategy: 'cooperative-sticky' as const },
          { id: 'kip848', groupProtocol: 'consumer' as const, heartbeatIntervalMs: 1000 },
        ].map((g) => ({
          ...g,
          topics: ['orders'],
          autoOffsetReset: 'earliest' as const,
          consumers: [1, 2].map((i) => ({ id: `${g.id}-${i}`, maxPollRecords: 5, processingMsPerRecord: 120 })),
        })),
      },
      interventions: ['eager', 'coop', 'kip848'].map((g) => ({
        time: 10_000,
        intervention: {
          type: 'kafka.addConsumer' as const,
          group: g,
          consumer: { id: `${g}-3`, maxPollRecords: 5, processingMsPerRecord: 120 },
        },
      })),
    },
  },
];
