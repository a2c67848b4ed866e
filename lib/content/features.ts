import type { SourceId } from './sources';
import type { FeatureRow } from './types';

// The ten rows of the feature table. `kafka` / `rabbitmq` are the short answers shown in the
// cell; `nuance` opens when the row expands. Figures always carry their conditions.
export const FEATURES: readonly FeatureRow<SourceId>[] = [
  {
    id: 'throughput',
    kafka: 'Scales out by partitions and brokers: ≈600k msg/s of 1 KB (≈605 MB/s) on three brokers in one vendor test',
    rabbitmq: '≈99k msg/s of 12 bytes (≈1.2 MB/s) through one classic queue on one small node in the team’s test; streams go further',
    conditions:
      'Kafka: Confluent, 2020, three brokers, 1 KB messages. RabbitMQ: RabbitMQ team, 2024, one 4.0 node limited to 3 scheduler threads, client on the same machine, 12-byte messages, end to end over AMQP 1.0. Single runs, not ceilings, and not comparable with each other.',
    nuance: [
      {
        text: 'Confluent’s 2020 run measured Kafka at 605 MB/s and RabbitMQ at 38 MB/s (≈38k msg/s of 1 KB), but the RabbitMQ side used mirrored queues, a feature RabbitMQ 4.0 removed.',
        sources: ['confluent-benchmark', 'rabbitmq-4-0-release'],
      },
      {
        text: 'The RabbitMQ team’s 4.0 run (one node limited to 3 scheduler threads, client on the same machine, 12-byte messages) moved ≈99k msg/s end to end through a classic queue over AMQP 1.0 (≈89k over AMQP 0-9-1); ≈83k through a quorum queue with flow-control limits raised (≈10k with the defaults on its slow disk); and through a stream ≈137k msg/s sent and ≈112k end to end over AMQP 1.0, ≈89k over AMQP 0-9-1.',
        sources: ['rabbitmq-amqp-benchmarks'],
      },
      {
        text: 'With 12-byte messages those runs carried only 1–2 MB/s: they measure the cost per message, not bandwidth. Each side’s figures come from its own vendor, on different hardware and message sizes. Up to a few tens of thousands of messages a second either broker copes; far above, Kafka or RabbitMQ streams. Measure your own workload.',
        sources: ['confluent-benchmark', 'rabbitmq-amqp-benchmarks'],
      },
    ],
    sources: ['confluent-benchmark', 'rabbitmq-amqp-benchmarks', 'rabbitmq-4-0-release'],
    differsMost: true,
  },
  {
    id: 'retention',
    kafka: 'Kept by time or size, or for good; compaction keeps the latest value per key; tiered storage for old segments',
    rabbitmq: 'Queues: until acknowledged (TTL, length limits). Streams: by age or size',
    nuance: [
      {
        text: 'Reading a Kafka record does not remove it; the broker deletes old log segments by time or size, or keeps the latest record per key with log compaction.',
        sources: ['kafka-topic-configs', 'kafka-compaction', 'kafka-consumer-javadoc'],
      },
      {
        text: 'Tiered storage moves closed segments to object storage so long retention stays cheap; it has been generally available since Kafka 3.9. It does not take compacted topics.',
        sources: ['kafka-tiered-storage', 'kafka-tiered-storage-ga'],
      },
      {
        text: 'A classic or quorum queue deletes a message once a consumer acknowledges it. A RabbitMQ stream keeps messages until x-max-age or x-max-length-bytes removes them, on the nodes’ local disks: RabbitMQ has neither compaction nor tiered storage.',
        sources: ['rabbitmq-streams', 'rabbitmq-queues', 'rabbitmq-compare-kafka'],
      },
    ],
    sources: ['kafka-compaction', 'kafka-tiered-storage', 'kafka-tiered-storage-ga', 'rabbitmq-streams'],
    differsMost: true,
  },
  {
    id: 'consumers',
    kafka: 'Pull. Groups split partitions; separate groups read independently',
    rabbitmq: 'Push, bounded by prefetch. Consumers of a queue compete',
    nuance: [
      {
        text: 'Within a Kafka consumer group each partition goes to one member, so parallelism is capped by the partition count; every group keeps its own committed offsets and reads the whole topic.',
        sources: ['kafka-consumer-javadoc'],
      },
      {
        text: 'Kafka share groups (KIP-932) add queue-style consumption: many consumers on one partition, per-record acknowledgement, delivery counts. Early access in 4.0, preview in 4.1, production-ready in 4.2.',
        sources: ['kip-932-early-access', 'kafka-41-upgrade', 'kafka-42-upgrade'],
        scenarios: ['more-consumers-than-partitions', 'share-poison-message'],
      },
      {
        text: 'A rebalance need not stop a Kafka group any more. The eager assignors (range, roundrobin) still revoke every partition from every member; cooperative-sticky revokes only the partitions that move; and the consumer group protocol (KIP-848, generally available since 4.0, opted into with group.protocol=consumer) lets the broker assign partitions and each member hand over its own, with no group-wide barrier.',
        sources: ['kip-429', 'kafka-rebalance-protocol'],
        scenarios: ['rebalance-styles'],
      },
      {
        text: 'A message that fails every time: a classic queue requeues it for ever; a quorum queue counts failed deliveries (a reject, or a consumer that dies holding the message; since RabbitMQ 4.3 not a nack) and drops or dead-letters it past x-delivery-limit (20 by default since RabbitMQ 4.0); a Kafka share group archives a record once it has been delivered group.share.delivery.count.limit times (5 by default).',
        sources: ['rabbitmq-quorum-queues', 'rabbitmq-nack', 'rabbitmq-dlx', 'kip-932'],
        scenarios: ['poison-three-ways', 'poison-message', 'share-poison-message'],
      },
      {
        text: 'RabbitMQ pushes messages to subscribed consumers, at most prefetch-count unacknowledged at a time each; basic.get lets a client pull one. A queue can also run single-active-consumer, and exchanges give each service its own copy.',
        sources: ['rabbitmq-consumers', 'rabbitmq-prefetch', 'rabbitmq-exchanges'],
        scenarios: ['single-active-consumer', 'consumer-priorities'],
      },
    ],
    sources: ['kafka-consumer-javadoc', 'kafka-42-upgrade', 'rabbitmq-consumers', 'rabbitmq-prefetch'],
    differsMost: true,
  },
  {
    id: 'replay',
    kafka: 'Yes: seek to any offset or timestamp; a new group starts from the earliest',
    rabbitmq: 'Queues: no. Streams (since 3.9): yes, from first, an offset or a time',
    nuance: [
      {
        text: 'Because a Kafka consumer only moves its own position, it can rewind and read history again, as long as retention still holds those records.',
        sources: ['kafka-consumer-javadoc'],
      },
      {
        text: 'An acknowledged message in a RabbitMQ queue is gone. A RabbitMQ stream, though, can be read again from the start, from an offset or from a timestamp, also by AMQP 0-9-1 clients such as pika via the x-stream-offset argument.',
        sources: ['rabbitmq-streams'],
      },
      {
        text: 'Kafka share groups track per-record state instead of offsets, so a share consumer cannot seek.',
        sources: ['kip-932'],
        scenarios: ['share-lock-expiry', 'slow-consumer-lock-vs-prefetch'],
      },
    ],
    sources: ['kafka-consumer-javadoc', 'rabbitmq-streams', 'kip-932'],
    differsMost: true,
  },
  {
    id: 'routing',
    kafka: 'Producer picks the topic; the key picks the partition; no broker-side routing',
    rabbitmq: 'Exchanges route by exact key, pattern, headers or to everyone',
    nuance: [
      {
        text: 'Kafka consumers can subscribe to topics by regular expression and filter records themselves, but the broker never inspects content to decide who gets a record.',
        sources: ['kafka-consumer-javadoc'],
      },
      {
        text: 'RabbitMQ ships direct, fanout, topic and headers exchanges, the default exchange and, built in since 4.0, the local random exchange (x-local-random, for request-reply); plugins add more, such as consistent-hash.',
        sources: ['rabbitmq-exchanges', 'rabbitmq-local-random'],
      },
      {
        text: 'Streams can filter too: Bloom-filter stream filtering arrived in 3.13, AMQP 1.0 property filter expressions in 4.1, and SQL filter expressions in 4.2.',
        sources: ['rabbitmq-3-13-release', 'rabbitmq-amqp-filters', 'rabbitmq-4-2-release'],
      },
    ],
    sources: ['rabbitmq-exchanges', 'kafka-consumer-javadoc', 'rabbitmq-amqp-filters', 'rabbitmq-4-2-release'],
    differsMost: true,
  },
  {
    id: 'latency',
    kafka: 'p99 5 ms at 200 MB/s (≈200k msg/s of 1 KB) in one vendor test',
    rabbitmq:
      'p99 1 ms at 30 MB/s in the same test, on mirrored queues since removed; p99 2 ms at ≈99k msg/s of 12 bytes on a 4.0 classic queue',
    conditions:
      'Confluent, 2020, three brokers, 1 KB messages (RabbitMQ on mirrored queues, removed in 4.0); RabbitMQ team, 2024, one node limited to 3 scheduler threads, client on the same machine, 12-byte messages. Latency depends on load and durability settings.',
    nuance: [
      {
        text: 'In Confluent’s test RabbitMQ had the lowest latency at modest load, but its latency grew sharply above about 30 MB/s; Kafka kept 5 ms at p99 at 200 MB/s.',
        sources: ['confluent-benchmark'],
      },
      {
        text: 'The RabbitMQ team measured a 2 ms p99 on a 4.0 classic queue at about 99k msg/s of 12-byte messages.',
        sources: ['rabbitmq-amqp-benchmarks'],
      },
      {
        text: 'Kafka producers may wait to fill a batch: linger.ms defaults to 5 ms in the Java client (since 4.0) and in librdkafka (since 1.5), while kafkajs sends each send() at once. Set it lower for a latency-sensitive flow; the table under “Code” lists each client’s defaults.',
        sources: ['kafka-linger-default', 'librdkafka-configuration', 'librdkafka-changelog', 'kafkajs-producing'],
      },
    ],
    sources: ['confluent-benchmark', 'rabbitmq-amqp-benchmarks', 'kafka-linger-default', 'librdkafka-configuration'],
    differsMost: false,
  },
  {
    id: 'ordering',
    kafka: 'Per partition; same key, same partition, same order',
    rabbitmq: 'Per queue, for messages from one channel; requeues, priorities and parallel consumers can reorder',
    nuance: [
      {
        text: 'Kafka keeps order within a partition only. An idempotent producer stops retries from duplicating or reordering records: the Java client has it on by default since 3.0, librdkafka (confluent-kafka) and kafkajs leave it off.',
        sources: ['kafka-intro', 'kafka-idempotence-default', 'librdkafka-configuration', 'kafkajs-producing'],
      },
      {
        text: 'A RabbitMQ queue is FIFO for what one channel publishes, but priorities and requeued messages change the order consumers observe, and several consumers process in parallel. Single active consumer or a stream keeps strict order.',
        sources: ['rabbitmq-queues', 'rabbitmq-priority', 'rabbitmq-consumers'],
      },
    ],
    sources: ['kafka-intro', 'kafka-idempotence-default', 'rabbitmq-queues', 'rabbitmq-priority'],
    differsMost: false,
  },
  {
    id: 'protocols',
    kafka: 'The Kafka wire protocol (also spoken by Redpanda and Azure Event Hubs)',
    rabbitmq: 'AMQP 0-9-1, AMQP 1.0, MQTT 3.1–5.0, STOMP, stream protocol, WebSockets',
    nuance: [
      {
        text: 'RabbitMQ speaks AMQP 0-9-1 and AMQP 1.0 (a core protocol since 4.0), MQTT 3.1, 3.1.1 and 5.0, STOMP, its own stream protocol, and MQTT and STOMP over WebSockets.',
        sources: ['rabbitmq-protocols', 'rabbitmq-server-readme'],
      },
      {
        text: 'Kafka has one binary protocol, which other systems implement too: Redpanda and the Kafka endpoint of Azure Event Hubs accept Kafka clients.',
        sources: ['redpanda-cloud', 'azure-event-hubs-kafka'],
      },
    ],
    sources: ['rabbitmq-protocols', 'rabbitmq-server-readme', 'azure-event-hubs-kafka'],
    differsMost: false,
  },
  {
    id: 'management',
    kafka: 'CLI tools only; web UIs come from third parties (e.g. Kafbat UI)',
    rabbitmq: 'Management plugin ships with the server: enable it for a web UI and HTTP API',
    nuance: [
      {
        text: 'Apache Kafka ships command-line tools. Kafbat UI continues the open-source “UI for Apache Kafka” after Provectus paused it; other UIs and Confluent’s commercial tools exist.',
        sources: ['kafbat-ui'],
      },
      {
        text: 'RabbitMQ’s management plugin is part of the distribution but off until enabled. Its own metrics are meant for development; for production monitoring the RabbitMQ team recommends Prometheus.',
        sources: ['rabbitmq-management'],
      },
    ],
    sources: ['kafbat-ui', 'rabbitmq-management'],
    differsMost: false,
  },
  {
    id: 'managed',
    kafka: 'Confluent Cloud, Amazon MSK, Google, Aiven, Redpanda Cloud; Event Hubs speaks Kafka',
    rabbitmq: 'CloudAMQP, Amazon MQ (RabbitMQ 4.x, no streams)',
    nuance: [
      {
        text: 'Amazon MSK and Google’s Managed Service for Apache Kafka run open-source Kafka; Azure Event Hubs is its own service with a Kafka-compatible endpoint.',
        sources: ['amazon-msk', 'google-managed-kafka', 'azure-event-hubs-kafka'],
      },
      {
        text: 'Amazon MQ runs RabbitMQ 4.2 and 4.3 but does not support streams, so replay on RabbitMQ needs another host, such as your own cluster.',
        sources: ['amazon-mq-rabbitmq-4', 'amazon-mq-rabbitmq-best-practices'],
      },
      {
        text: 'See the managed-services table below for the full list.',
        sources: ['confluent-cloud', 'aiven-kafka', 'redpanda-cloud'],
      },
    ],
    sources: ['amazon-msk', 'google-managed-kafka', 'amazon-mq-rabbitmq-best-practices', 'cloudamqp'],
    differsMost: false,
  },
];
