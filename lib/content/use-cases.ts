import type { SourceId } from './sources';
import type { ManagedOffering, UseCase } from './types';

export const USE_CASES: readonly UseCase<SourceId>[] = [
  {
    id: 'event-sourcing',
    broker: 'kafka',
    title: 'Event sourcing and change logs',
    why: 'The log is the record of what happened; compaction keeps the latest state per key without losing offsets.',
    example:
      'A bank account service appends deposit and withdrawal events keyed by account; a new balance service rebuilds every balance by reading the topic from offset 0.',
    sources: ['kafka-compaction', 'kafka-consumer-javadoc'],
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
    why: 'Retention is a per-topic setting and tiered storage moves old segments to cheaper object storage.',
    example: 'A payments platform keeps every authorisation event for seven years in a topic whose older segments live in object storage.',
    sources: ['kafka-tiered-storage', 'kafka-tiered-storage-ga'],
  },
  {
    id: 'task-queue',
    broker: 'rabbitmq',
    title: 'Background jobs and task queues',
    why: 'Workers compete for messages, each ack removes one job, and prefetch 1 keeps a slow worker from hoarding work.',
    example:
      'An upload service queues “resize image 8841” messages; five workers take one at a time, and a crashed worker’s unacknowledged job goes back to the queue for another.',
    sources: ['rabbitmq-consumers', 'rabbitmq-prefetch'],
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
    why: 'Messages are pushed as soon as they arrive; at modest rates the measured p99 latency is a millisecond or two.',
    example: 'A ride-hailing dispatcher pushes “driver assigned” notifications to a few thousand connected app backends per second.',
    sources: ['confluent-benchmark', 'rabbitmq-amqp-benchmarks'],
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
    note: 'Self-hosted Redpanda is under the Business Source License: source-available, not open source. Its speed claims are disputed by independent tests.',
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
