// Built-in Kafka scenarios about a broker dying: replication, acks, elections, truncation, retries.
// Kafka's timeouts are scaled down so each plays in seconds (broker.session.timeout.ms 9 s → 3 s,
// replica.lag.time.max.ms 30 s → 4–10 s, delivery.timeout.ms 120 s → 8–20 s); the rules are unchanged.
import type { Def } from './types';

const kill = (time: number, broker: number) => ({ time, intervention: { type: 'kafka.killBroker' as const, broker } });
const start = (time: number, broker: number) => ({ time, intervention: { type: 'kafka.startBroker' as const, broker } });
const pause = (time: number, broker: number) => ({ time, intervention: { type: 'kafka.pauseFetching' as const, broker } });
const resume = (time: number, broker: number) => ({ time, intervention: { type: 'kafka.resumeFetching' as const, broker } });

const reader = (id: string, topics: string[]) => ({
  id,
  topics,
  autoOffsetReset: 'earliest' as const,
  consumers: [{ id: `${id}-1`, maxPollRecords: 10, processingMsPerRecord: 40 }],
});

export const kafkaFailureScenarios: Def[] = [
  {
    id: 'acks-all-leader-dies',
    title: 'acks=all: the leader dies, nothing acknowledged is lost',
    explanation:
      'Three brokers hold three replicas of each partition, and the producer uses the Java default acks=all with min.insync.replicas=2, so a record is acknowledged only once every in-sync replica (at least two) has it. Broker 1 dies with kill -9: its partitions wait until the controller notices, then an in-sync follower takes over with every acknowledged record.',
    lanes: ['kafka'],
    chapters: [
      {
        time: 0,
        title: 'Three replicas, one leader each',
        text: 'Each partition has a leader (the first replica) and two followers that fetch from it. The high watermark (HW) is the offset every in-sync replica has reached: consumers read below it, and acks=all answers once it passes a record.',
      },
      {
        time: 8000,
        title: 'Broker 1 dies',
        text: 'kill -9: orders-0, which it led, cannot be written or read. The producer keeps those records and retries; the controller has not noticed yet.',
      },
      {
        time: 11000,
        title: 'The controller fences broker 1',
        text: 'No heartbeat for broker.session.timeout.ms (3 s here, 9 s by default): broker 1 leaves every ISR and broker 2, the first live in-sync replica, leads orders-0 with leader epoch 1. It has every acknowledged record, so the ledger shows none lost.',
      },
      {
        time: 20000,
        title: 'Broker 1 comes back',
        text: 'It cuts its log back to where it agrees with the new leader (only unacknowledged records can go), fetches what it missed and rejoins the ISR.',
      },
      {
        time: 30000,
        title: 'Leadership goes home',
        text: 'auto.leader.rebalance.enable moves orders-0 back to its preferred replica, broker 1, at the next check (leader.imbalance.check.interval.seconds: 10 s here, 300 s by default).',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 36_000,
      kafka: {
        brokers: 3,
        brokerSessionTimeoutMs: 3000,
        replicaLagTimeMaxMs: 10_000,
        leaderImbalanceCheckIntervalSeconds: 10,
        networkDelayMs: 20,
        topics: [{ name: 'orders', partitions: 3, replicationFactor: 3, minInsyncReplicas: 2 }],
        producers: [{ id: 'checkout', topic: 'orders', acks: 'all', keys: { prefix: 'order-', count: 30 }, ratePerSec: 5, count: 160 }],
        groups: [reader('billing', ['orders'])],
      },
      interventions: [kill(8000, 1), start(20_000, 1)],
    },
  },
  {
    id: 'acks-1-leader-dies',
    title: 'acks=1: the leader dies and acknowledged records are lost',
    explanation:
      'With acks=1 the leader answers as soon as it has written a record, before any follower has it; here the followers fall behind while still counted in sync, and then the leader dies. A follower takes over without the records broker 1 alone had acknowledged, and broker 1 deletes them when it returns; no consumer ever saw them, because they were above the high watermark.',
    lanes: ['kafka'],
    chapters: [
      {
        time: 0,
        title: 'acks=1',
        text: 'Each record is acknowledged once the leader, broker 1, has appended it. Followers 2 and 3 copy it a moment later.',
      },
      {
        time: 4000,
        title: 'The followers fall behind',
        text: 'Their replica fetchers stall (a slow disk, a congested link). They stay in the ISR until replica.lag.time.max.ms (10 s here) says otherwise, and the high watermark stops: the consumer sees nothing new. The producer is still told every record is written.',
      },
      {
        time: 7000,
        title: 'The leader dies',
        text: 'The records from offset 20 on (web-20 to web-34) exist only on broker 1, and every one of them was acknowledged.',
      },
      {
        time: 10000,
        title: 'A follower takes over without them',
        text: 'The controller fences broker 1; broker 2 is in the ISR and leads from its own log-end offset. The ledger counts the acknowledged records that no log has any more: acknowledged but lost.',
      },
      {
        time: 18000,
        title: 'Broker 1 truncates them',
        text: 'Back, it finds that its records after offset 20 belong to an epoch the new leader never had, deletes them and fetches the new leader\u2019s records instead.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 26_000,
      kafka: {
        brokers: 3,
        brokerSessionTimeoutMs: 3000,
        replicaLagTimeMaxMs: 10_000,
        networkDelayMs: 20,
        topics: [{ name: 'clicks', partitions: 1, replicationFactor: 3 }],
        producers: [{ id: 'web', topic: 'clicks', acks: 1, ratePerSec: 5, count: 120 }],
        groups: [reader('stats', ['clicks'])],
      },
      interventions: [pause(4000, 2), pause(4000, 3), kill(7000, 1), resume(7500, 2), resume(7500, 3), start(18_000, 1)],
    },
  },
  {
    id: 'two-brokers-down',
    title: 'Two of three brokers down: NOT_ENOUGH_REPLICAS',
    explanation:
      'With min.insync.replicas=2, acks=all writes need two in-sync replicas: with two of three brokers gone they fail with NOT_ENOUGH_REPLICAS and the producer retries until delivery.timeout.ms. An acks=1 producer is still acknowledged, but since Kafka 3.7 the high watermark stands still while the ISR is below min.insync.replicas, so consumers cannot read those records until a second replica is back.',
    lanes: ['kafka'],
    chapters: [
      { time: 0, title: 'Two producers, one topic', text: 'safe uses acks=all, fast uses acks=1; min.insync.replicas is 2.' },
      {
        time: 4000,
        title: 'Broker 3 dies',
        text: 'Once fenced it leaves the ISR: two in-sync replicas are still enough for acks=all.',
      },
      {
        time: 10000,
        title: 'Broker 2 dies too',
        text: 'When the controller fences it the ISR is just the leader. safe now gets NOT_ENOUGH_REPLICAS on every attempt; fast is still acknowledged, but the high watermark stands still.',
      },
      {
        time: 21000,
        title: 'delivery.timeout.ms runs out',
        text: 'safe\u2019s oldest records have waited 8 s (120 s by default): the producer gives up on them and the application gets the error. It never believed they were written.',
      },
      {
        time: 24000,
        title: 'Broker 2 returns',
        text: 'It catches up and rejoins the ISR: the high watermark moves over fast\u2019s records, the consumer reads them, and safe\u2019s waiting records go through.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 32_000,
      kafka: {
        brokers: 3,
        brokerSessionTimeoutMs: 3000,
        replicaLagTimeMaxMs: 10_000,
        networkDelayMs: 20,
        topics: [{ name: 'payments', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 }],
        producers: [
          { id: 'safe', topic: 'payments', acks: 'all', ratePerSec: 3, count: 90, deliveryTimeoutMs: 8000 },
          { id: 'fast', topic: 'payments', acks: 1, ratePerSec: 3, count: 90 },
        ],
        groups: [reader('ledger', ['payments'])],
      },
      interventions: [kill(4000, 3), kill(10_000, 2), start(24_000, 2)],
    },
  },
  {
    id: 'unclean-election',
    title: 'Unclean leader election off vs on',
    explanation:
      'Two topics on one cluster are written with acks=all and the default min.insync.replicas=1; their followers fall out of the ISR, so the leader alone is in sync, and then it dies. With unclean.leader.election.enable=false (the default) the partition stays offline until broker 1 returns and nothing is lost; with it on, an out-of-sync follower leads at once and the acknowledged records only broker 1 had are gone.',
    lanes: ['kafka'],
    chapters: [
      {
        time: 3000,
        title: 'The followers stall',
        text: 'They stop fetching on both topics. After replica.lag.time.max.ms (4 s here) they leave the ISR; with min.insync.replicas=1 the leader alone is enough for acks=all.',
      },
      {
        time: 12000,
        title: 'The only in-sync replica dies',
        text: 'Broker 1 led partition 0 of both topics, and only it has their newest records.',
      },
      {
        time: 15000,
        title: 'Two answers',
        text: 'safe-orders (unclean election off) goes offline: no live in-sync replica. risky-orders (on) elects broker 2, out of sync: its acknowledged records from 3 s on are lost.',
      },
      {
        time: 24000,
        title: 'Broker 1 returns',
        text: 'safe-orders: it was the last in-sync replica, leads again, and nothing is lost. risky-orders: it truncates the records the unclean leader never had.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 30_000,
      kafka: {
        brokers: 3,
        brokerSessionTimeoutMs: 3000,
        replicaLagTimeMaxMs: 4000,
        networkDelayMs: 20,
        topics: [
          { name: 'safe-orders', partitions: 1, replicationFactor: 3, uncleanLeaderElection: false },
          { name: 'risky-orders', partitions: 1, replicationFactor: 3, uncleanLeaderElection: true },
        ],
        producers: [
          { id: 'safe-app', topic: 'safe-orders', acks: 'all', ratePerSec: 3, count: 90 },
          { id: 'risky-app', topic: 'risky-orders', acks: 'all', ratePerSec: 3, count: 90 },
        ],
        groups: [reader('audit', ['safe-orders', 'risky-orders'])],
      },
      interventions: [pause(3000, 2), pause(3000, 3), kill(12_000, 1), resume(13_000, 2), resume(13_000, 3), start(24_000, 1)],
    },
  },
  {
    id: 'retries-duplicates',
    title: 'Retries without idempotence write duplicates',
    explanation:
      'Two producers write with acks=all while a stalled follower still counts as in sync, so the high watermark cannot pass their records, their requests time out, and they send again although the leader already has the records. The idempotent producer (the Java default since Kafka 3.0) is recognised by its producer id and sequence and gets the first copy\u2019s offset; the other appends a second copy each time, and every consumer reads those twice.',
    lanes: ['kafka'],
    chapters: [
      {
        time: 3000,
        title: 'A follower stalls, still in the ISR',
        text: 'Broker 3 stops fetching. Until replica.lag.time.max.ms (8 s here) passes it is in sync, so acks=all waits for it.',
      },
      {
        time: 5000,
        title: 'Requests time out and are retried',
        text: 'After request.timeout.ms (2 s) each producer sends again. plain (enable.idempotence=false) appends another copy; idempotent is answered with the offset of the copy already there.',
      },
      {
        time: 12000,
        title: 'Broker 3 leaves the ISR',
        text: 'Every copy is committed at once: the ledger counts plain\u2019s duplicates, and the consumer reads each of them.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 20_000,
      kafka: {
        brokers: 3,
        replicaLagTimeMaxMs: 8000,
        networkDelayMs: 20,
        topics: [{ name: 'invoices', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 }],
        producers: [
          { id: 'plain', topic: 'invoices', acks: 'all', enableIdempotence: false, requestTimeoutMs: 2000, ratePerSec: 2, count: 36 },
          { id: 'idempotent', topic: 'invoices', acks: 'all', requestTimeoutMs: 2000, ratePerSec: 2, count: 36 },
        ],
        groups: [reader('accounting', ['invoices'])],
      },
      interventions: [pause(3000, 3)],
    },
  },
];
