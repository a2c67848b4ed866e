import type { SourceId } from './sources';
import type { ManagedOffering, UseCase } from './types';

export const USE_CASES: readonly UseCase<SourceId>[] = [
  {
    id: 'event-sourcing',
    broker: 'kafka',
    title: 'Event sourcing',
    why: 'The log is the record of what happened, so it must keep every event: unlimited retention (with tiered storage for older segments), keyed by entity so each entity’s events stay in order. Compaction would keep only the latest event per key.',
    example:
      'A bank account service appends deposit and withdrawal events keyed by account to a topic that deletes nothing (retention.ms=-1); a new balance service rebuilds every balance by reading from the earliest offset. A separate compacted topic can hold each account’s latest balance as a snapshot.',
    sources: ['kafka-topic-configs', 'kafka-consumer-javadoc', 'kafka-intro', 'kafka-compaction'],
  },
  {
    id: 'data-pipelines',
    broker: 'kafka',
    title: 'Data pipelines between systems',
    why: 'Kafka Connect moves data in and out with ready-made connectors, and change-data-capture tools such as Debezium stream every database change into a topic, in order.',
    example:
      'Changes to a PostgreSQL orders table flow into Kafka through Debezium; one sink connector loads them into the data warehouse and another keeps a search index up to date, each at its own pace.',
    sources: ['kafka-connect', 'debezium'],
  },
  {
    id: 'fan-out-analytics',
    broker: 'kafka',
    title: 'Many teams reading the same events',
    why: 'Each consumer group has its own offsets, so billing, inventory, email and analytics read one topic without slowing each other down.',
    example:
      'An order-placed topic feeds a billing group that is always caught up and an analytics group that loads hourly batches into a warehouse, each at its own pace.',
    sources: ['kafka-consumer-javadoc'],
  },
  {
    id: 'real-time-analytics',
    broker: 'kafka',
    title: 'Stream processing and real-time analytics',
    why: 'High sustained throughput and replay let a processing job restart from an earlier offset after a bug fix.',
    example:
      'Click events flow into a stream-processing job that counts views per product per minute; after fixing the job you reset its group’s offsets and recompute the last day.',
    sources: ['confluent-benchmark', 'kafka-consumer-javadoc'],
  },
  {
    id: 'audit-retention',
    broker: 'kafka',
    title: 'Audit logs and long retention',
    why: 'Retention is a per-topic setting and tiered storage moves old segments to cheaper object storage. An audit topic is never compacted: compaction would delete all but the latest event per key (and tiered storage does not take compacted topics anyway).',
    example: 'A payments platform keeps every authorisation event for seven years in a topic whose older segments live in object storage.',
    sources: ['kafka-topic-configs', 'kafka-tiered-storage', 'kafka-tiered-storage-ga'],
  },
  {
    id: 'task-queue',
    broker: 'rabbitmq',
    title: 'Background jobs and task queues',
    why: 'Workers compete for messages, each ack removes one job, and prefetch 1 keeps a slow worker from hoarding work.',
    example:
      'An upload service queues “resize image 8841” messages; five workers take one at a time, and a crashed worker’s unacknowledged job goes back to the queue for another.',
    sources: ['rabbitmq-consumers', 'rabbitmq-prefetch', 'rabbitmq-confirms'],
  },
  {
    id: 'routing-subsets',
    broker: 'rabbitmq',
    title: 'Services that want different subsets',
    why: 'Topic and headers exchanges let each queue declare which messages it wants; the broker does the filtering.',
    example:
      'The email service binds order.confirmed.*, the fraud service binds order.large.*, and inventory binds order.# on one topic exchange.',
    sources: ['rabbitmq-exchanges'],
  },
  {
    id: 'low-latency',
    broker: 'rabbitmq',
    title: 'Low-latency delivery at moderate load',
    why: 'Messages are pushed to a consumer as they arrive. In the RabbitMQ team’s one-node 4.0 test a classic queue’s p99 latency was 2 ms while it moved ≈99k small messages a second.',
    example: 'A ride-hailing dispatcher pushes “driver assigned” notifications to a few thousand connected app backends per second.',
    sources: ['rabbitmq-consumers', 'rabbitmq-amqp-benchmarks'],
  },
  {
    id: 'small-scale',
    broker: 'rabbitmq',
    title: 'Small scale, simple operations',
    why: 'One node, or a three-node cluster with quorum queues, covers a modest workload, and the management UI ships with the broker. Kafka 4 has narrowed the gap by running without ZooKeeper (KRaft only).',
    example:
      'A 20-person company sends its order emails, invoice PDFs and webhook calls through a few quorum queues on one small RabbitMQ cluster, and watches them in the management UI.',
    sources: ['rabbitmq-quorum-queues', 'rabbitmq-management', 'kafka-40-upgrade'],
  },
  {
    id: 'protocols-iot',
    broker: 'rabbitmq',
    title: 'Many protocols and legacy integration',
    why: 'One broker accepts AMQP 0-9-1, AMQP 1.0, MQTT and STOMP clients side by side.',
    example: 'Warehouse scanners publish over MQTT while a decades-old Java system consumes the same messages over AMQP.',
    sources: ['rabbitmq-protocols'],
  },
];

export const MANAGED: readonly ManagedOffering<SourceId>[] = [
  {
    id: 'confluent-cloud',
    name: 'Confluent Cloud',
    vendor: 'Confluent',
    broker: 'kafka',
    engine: 'Kafka-compatible (Kora engine)',
    note: 'Fully managed, with managed connectors, schema registry and Flink alongside.',
    sources: ['confluent-cloud'],
  },
  {
    id: 'amazon-msk',
    name: 'Amazon MSK',
    vendor: 'AWS',
    broker: 'kafka',
    engine: 'Apache Kafka',
    note: 'Open-source Kafka with AWS running the control plane.',
    sources: ['amazon-msk'],
  },
  {
    id: 'google-managed-kafka',
    name: 'Managed Service for Apache Kafka',
    vendor: 'Google Cloud',
    broker: 'kafka',
    engine: 'Apache Kafka',
    note: 'You set total vCPU and RAM; brokers and storage are managed for you.',
    sources: ['google-managed-kafka'],
  },
  {
    id: 'azure-event-hubs',
    name: 'Event Hubs (Kafka endpoint)',
    vendor: 'Microsoft Azure',
    broker: 'kafka',
    engine: 'Kafka protocol on Event Hubs',
    note: 'Not Kafka itself: a different service that Kafka clients can talk to.',
    sources: ['azure-event-hubs-kafka'],
  },
  {
    id: 'aiven-kafka',
    name: 'Aiven for Apache Kafka',
    vendor: 'Aiven',
    broker: 'kafka',
    engine: 'Apache Kafka',
    note: 'Managed open-source Kafka.',
    sources: ['aiven-kafka'],
  },
  {
    id: 'redpanda-cloud',
    name: 'Redpanda Cloud',
    vendor: 'Redpanda',
    broker: 'kafka',
    engine: 'Kafka API (Redpanda, C++)',
    note: 'Self-hosted Redpanda’s Community Edition is under the Business Source License (source-available, not open source), and its enterprise features, tiered storage among them, need a paid licence. Its speed claims are disputed by independent tests.',
    sources: ['redpanda-cloud', 'redpanda-licensing', 'vanlightly-redpanda'],
  },
  {
    id: 'cloudamqp',
    name: 'CloudAMQP',
    vendor: '84codes',
    broker: 'rabbitmq',
    engine: 'RabbitMQ',
    note: 'Hosted RabbitMQ clusters; a long-standing specialist.',
    sources: ['cloudamqp'],
  },
  {
    id: 'amazon-mq',
    name: 'Amazon MQ for RabbitMQ',
    vendor: 'AWS',
    broker: 'rabbitmq',
    engine: 'RabbitMQ 4.2 / 4.3',
    note: 'No RabbitMQ streams; quorum queues are the default on RabbitMQ 4.',
    sources: ['amazon-mq-rabbitmq-4', 'amazon-mq-rabbitmq-best-practices'],
  },
];
