// Built-in scenarios that run the same situation through Kafka and RabbitMQ on one clock (#16, #17): a
// machine dies under each, a poison message in three kinds of queue, and a slow consumer. Timeouts
// are scaled down on both sides so each plays in seconds, and the chapters say by how much.
import type { Def } from './types';

export const kafkaRabbitScenarios: Def[] = [
  {
    id: 'broker-dies-both',
    title: 'The same failure on both: the leader’s machine dies',
    explanation:
      'One machine dies under each broker at the same moment: a Kafka broker leading a partition with three replicas (acks=all, min.insync.replicas=2), and a RabbitMQ node leading a quorum queue and holding a classic queue, all fed by producers and publishers that wait to be told their messages are safe. Watch what stops and for how long, and what each ledger says was lost: nothing acknowledged by Kafka or confirmed by the quorum queue, while the classic queue refuses every publish until its node is back.',
    lanes: ['kafka', 'rabbitmq'],
    chapters: [
      {
        time: 0,
        title: 'Replicated on both sides',
        text: 'Kafka: orders-0 is led by broker 1, with followers on brokers 2 and 3. RabbitMQ: orders-quorum is led by node 1 with members on nodes 2 and 3; orders-classic lives on node 1 only. Every producer and publisher waits to be told its message is safe.',
      },
      {
        time: 6000,
        title: 'Broker 1 and node 1 die (kill -9)',
        text: 'Kafka clients cannot reach orders-0 until the controller notices: the producer holds its records and retries. RabbitMQ notices at once here: the quorum queue elects a leader among the two live members; the classic queue is simply gone until its node returns, and publishes to it are nacked.',
      },
      {
        time: 7000,
        title: 'The quorum queue leads again',
        text: 'Node 2 leads orders-quorum (an election takes about a second here): the held publishes are committed by a majority and confirmed. Nothing confirmed is lost.',
      },
      {
        time: 9000,
        title: 'The controller fences broker 1',
        text: 'broker.session.timeout.ms (9 s by default, 3 s here) without a heartbeat: broker 2, the first live in-sync replica, leads orders-0 with every acknowledged record; the producer’s retries go through. Nothing acknowledged is lost.',
      },
      {
        time: 16000,
        title: 'Both machines return',
        text: 'Broker 1 truncates what it alone had (nothing acknowledged), catches up and rejoins the ISR; node 1 rejoins the quorum queue as a follower, and orders-classic is back with its persistent messages. Compare the two ledgers: acks=all and quorum queues lost nothing; the classic queue’s publisher was told which messages it lost.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 26_000,
      kafka: {
        brokers: 3,
        brokerSessionTimeoutMs: 3000,
        replicaLagTimeMaxMs: 10_000,
        leaderImbalanceCheckIntervalSeconds: 60,
        networkDelayMs: 20,
        topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 }],
        producers: [{ id: 'checkout', topic: 'orders', acks: 'all', ratePerSec: 4, count: 80 }],
        groups: [
          {
            id: 'billing',
            topics: ['orders'],
            autoOffsetReset: 'earliest',
            consumers: [{ id: 'billing-1', maxPollRecords: 10, processingMsPerRecord: 40 }],
          },
        ],
      },
      rabbitmq: {
        nodes: 3,
        queues: [
          { name: 'orders-quorum', type: 'quorum', homeNode: 1 },
          { name: 'orders-classic', homeNode: 1, durable: true },
        ],
        publishers: [
          { id: 'to-quorum', routingKeys: ['orders-quorum'], ratePerSec: 4, count: 80, confirms: true, persistent: true, node: 2 },
          {
            id: 'to-classic',
            routingKeys: ['orders-classic'],
            ratePerSec: 4,
            count: 80,
            confirms: true,
            persistent: true,
            node: 2,
            startMs: 100,
          },
        ],
        consumers: [
          { id: 'worker-q', queue: 'orders-quorum', node: 3, prefetchCount: 4, processingMs: 100 },
          { id: 'worker-c', queue: 'orders-classic', node: 3, prefetchCount: 4, processingMs: 100 },
        ],
      },
      interventions: [
        { time: 6000, intervention: { type: 'kafka.killBroker', broker: 1 } },
        { time: 6000, intervention: { type: 'rabbitmq.killNode', node: 1 } },
        { time: 16_000, intervention: { type: 'kafka.startBroker', broker: 1 } },
        { time: 16_000, intervention: { type: 'rabbitmq.startNode', node: 1 } },
      ],
    },
  },
  {
    id: 'poison-three-ways',
    title: 'A poison message three ways: classic queue, quorum queue, share group',
    explanation:
      'The same ten messages go to a RabbitMQ classic queue, a RabbitMQ quorum queue with a delivery limit of 5 and a Kafka share group (share.delivery.count.limit is 5 by default), and the third one makes every consumer fail. The classic queue redelivers it forever, the quorum queue dead-letters it once its delivery count passes the limit, and the share group archives it when its delivery count reaches the limit.',
    lanes: ['kafka', 'rabbitmq'],
    chapters: [
      {
        time: 0,
        title: 'One bad message, three queues',
        text: 'Each consumer rejects (RabbitMQ) or releases (Kafka) the poison message and takes 0.25 s per message. The quorum queue has x-delivery-limit 5 (20 by default since RabbitMQ 4.0) and a dead-letter exchange; the share group uses the default share.delivery.count.limit of 5.',
      },
      {
        time: 2000,
        title: 'Back it comes',
        text: 'The classic queue redelivers it with redelivered=true and no count; the quorum queue raises x-delivery-count; the share group raises the record’s delivery count and hands it out again before newer records.',
      },
      {
        time: 4500,
        title: 'Limits reached',
        text: 'The quorum queue dead-letters it to orders.dead (reason delivery_limit); the share group archives it (Kafka 4.4 can copy it to a dead-letter topic). Both move on. The classic queue is still looping: with prefetch 1 nothing behind it gets through.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 12_000,
      kafka: {
        topics: [{ name: 'orders', partitions: 1 }],
        producers: [
          { id: 'shop', topic: 'orders', keys: ['a', 'b', 'poison', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], ratePerSec: 4, count: 10 },
        ],
        shareGroups: [
          {
            id: 'fulfilment',
            topics: ['orders'],
            shareAutoOffsetReset: 'earliest',
            consumers: [
              {
                id: 'share-worker',
                maxPollRecords: 1,
                processingMsPerRecord: 250,
                shareAcknowledgementMode: 'explicit',
                fail: { keys: ['poison'] },
              },
            ],
          },
        ],
      },
      rabbitmq: {
        exchanges: [
          { name: 'orders', type: 'fanout' },
          { name: 'dlx', type: 'fanout' },
        ],
        queues: [
          { name: 'classic' },
          { name: 'quorum', type: 'quorum', deliveryLimit: 5, deadLetterExchange: 'dlx' },
          { name: 'orders.dead' },
        ],
        bindings: [
          { exchange: 'orders', queue: 'classic' },
          { exchange: 'orders', queue: 'quorum' },
          { exchange: 'dlx', queue: 'orders.dead' },
        ],
        publishers: [{ id: 'shop', exchange: 'orders', routingKeys: ['order'], ratePerSec: 4, count: 10 }],
        consumers: [
          { id: 'classic-worker', queue: 'classic', prefetchCount: 1, processingMs: 250, failMessages: ['shop-3'], failWith: 'reject' },
          { id: 'quorum-worker', queue: 'quorum', prefetchCount: 1, processingMs: 250, failMessages: ['shop-3'], failWith: 'reject' },
        ],
      },
    },
  },
  {
    id: 'slow-consumer-lock-vs-prefetch',
    title: 'A slow consumer: share-group lock vs RabbitMQ prefetch',
    explanation:
      'A slow and a fast consumer on each side: in the Kafka share group each record is locked for share.record.lock.duration.ms (30 s by default, 3 s here), so when the slow consumer overruns the lock its records go to the fast one and are processed twice. In RabbitMQ the slow consumer’s prefetch of 5 holds five messages unacked for as long as it takes, so each is processed once but they wait (a consumer dies, or passes the 30-minute consumer timeout, before anyone else gets them).',
    lanes: ['kafka', 'rabbitmq'],
    chapters: [
      {
        time: 0,
        title: 'Slow takes five, fast takes one',
        text: 'Jobs arrive at 10 a second. slow starts first, needs 2.5 s per message and takes up to 5 at a time; fast needs 0.2 s and takes 1.',
      },
      {
        time: 3500,
        title: 'Kafka: slow’s locks expire',
        text: 'slow acquired five records at 0.5 s and has processed one, but an acknowledgement goes with its next poll (explicit mode), after the whole batch: at 3.5 s all five locks expire, the records become available with their delivery count kept, and fast takes them (delivery count 2). When slow finishes, at 13 s, its acknowledgements are refused: those records were processed twice.',
      },
      {
        time: 6000,
        title: 'RabbitMQ: held by prefetch',
        text: 'slow still holds five unacked messages it will not reach for seconds: no one else may have them, and each is processed once. fast keeps up with the rest; at the end slow’s last five finish long after fast is idle.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 20_000,
      kafka: {
        topics: [{ name: 'jobs', partitions: 1 }],
        producers: [{ id: 'app', topic: 'jobs', ratePerSec: 10, count: 60 }],
        shareGroups: [
          {
            id: 'workers',
            topics: ['jobs'],
            shareAutoOffsetReset: 'earliest',
            shareRecordLockDurationMs: 3000,
            consumers: [
              { id: 'slow', maxPollRecords: 5, processingMsPerRecord: 2500, shareAcknowledgementMode: 'explicit', startMs: 500 },
              { id: 'fast', maxPollRecords: 1, processingMsPerRecord: 200, shareAcknowledgementMode: 'explicit', startMs: 800 },
            ],
          },
        ],
      },
      rabbitmq: {
        queues: [{ name: 'jobs' }],
        publishers: [{ id: 'app', routingKeys: ['jobs'], ratePerSec: 10, count: 60 }],
        consumers: [
          { id: 'slow', queue: 'jobs', prefetchCount: 5, processingMs: 2500, startMs: 500 },
          { id: 'fast', queue: 'jobs', prefetchCount: 1, processingMs: 200, startMs: 800 },
        ],
      },
    },
  },
];
