// Primary sources behind every note in the quiz (checked late 2026, see content-facts.md).

export interface Source {
  label: string;
  url: string;
}

export const SOURCES = {
  kafkaCompaction: { label: 'Kafka docs: log compaction', url: 'https://kafka.apache.org/documentation/#compaction' },
  kafkaTiered: { label: 'Kafka docs: tiered storage', url: 'https://kafka.apache.org/documentation/#tiered_storage' },
  kafkaSemantics: { label: 'Kafka docs: message delivery semantics', url: 'https://kafka.apache.org/documentation/#semantics' },
  kafkaConcepts: { label: 'Kafka docs: topics and partitions', url: 'https://kafka.apache.org/documentation/#intro_concepts_and_terms' },
  kafkaReplication: { label: 'Kafka docs: replication', url: 'https://kafka.apache.org/documentation/#replication' },
  kafkaConnect: { label: 'Kafka docs: Kafka Connect', url: 'https://kafka.apache.org/documentation/#connect' },
  kafkaStreams: { label: 'Kafka Streams docs', url: 'https://kafka.apache.org/documentation/streams/' },
  kafkaConsumer: {
    label: 'KafkaConsumer javadoc',
    url: 'https://kafka.apache.org/41/javadoc/org/apache/kafka/clients/consumer/KafkaConsumer.html',
  },
  kafka42Upgrade: { label: 'Kafka 4.2 upgrade notes (share groups)', url: 'https://kafka.apache.org/42/getting-started/upgrade/' },
  kip932: { label: 'KIP-932: Queues for Kafka', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-932%3A+Queues+for+Kafka' },
  kip1030: {
    label: 'KIP-1030: linger.ms default 5 ms',
    url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-1030%3A+Change+constraints+and+default+values+for+various+configurations',
  },
  debezium: { label: 'Debezium documentation', url: 'https://debezium.io/documentation/' },
  flinkKafka: {
    label: 'Flink Kafka connector',
    url: 'https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/datastream/kafka/',
  },
  rabbitStreams: { label: 'RabbitMQ docs: streams', url: 'https://www.rabbitmq.com/docs/streams' },
  rabbitConsumers: { label: 'RabbitMQ docs: consumers', url: 'https://www.rabbitmq.com/docs/consumers' },
  rabbitQueues: { label: 'RabbitMQ docs: queues (ordering)', url: 'https://www.rabbitmq.com/docs/queues' },
  rabbitQuorum: { label: 'RabbitMQ docs: quorum queues', url: 'https://www.rabbitmq.com/docs/quorum-queues' },
  rabbitDlx: { label: 'RabbitMQ docs: dead letter exchanges', url: 'https://www.rabbitmq.com/docs/dlx' },
  rabbitPriority: { label: 'RabbitMQ docs: priority queues', url: 'https://www.rabbitmq.com/docs/priority' },
  rabbitTtl: { label: 'RabbitMQ docs: TTL', url: 'https://www.rabbitmq.com/docs/ttl' },
  rabbitReplyTo: { label: 'RabbitMQ docs: direct reply-to', url: 'https://www.rabbitmq.com/docs/direct-reply-to' },
  rabbitExchanges: { label: 'RabbitMQ docs: exchanges', url: 'https://www.rabbitmq.com/docs/exchanges' },
  rabbitProtocols: { label: 'RabbitMQ docs: protocols', url: 'https://www.rabbitmq.com/docs/protocols' },
  rabbitMqtt: { label: 'RabbitMQ docs: MQTT', url: 'https://www.rabbitmq.com/docs/mqtt' },
  rabbitVhosts: { label: 'RabbitMQ docs: virtual hosts', url: 'https://www.rabbitmq.com/docs/vhosts' },
  rabbitBench: { label: 'RabbitMQ 4.0 AMQP benchmarks', url: 'https://www.rabbitmq.com/blog/2024/08/21/amqp-benchmarks' },
  confluentBench: {
    label: 'Confluent 2020 benchmark',
    url: 'https://www.confluent.io/blog/kafka-fastest-messaging-system/',
  },
  eventHubsKafka: {
    label: 'Azure Event Hubs for Apache Kafka',
    url: 'https://learn.microsoft.com/en-us/azure/event-hubs/azure-event-hubs-apache-kafka-overview',
  },
  amazonMqNoStreams: {
    label: 'Amazon MQ for RabbitMQ best practices (no streams)',
    url: 'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/best-practices-rabbitmq.html',
  },
  azureChoose: {
    label: 'Azure: choose between messaging services',
    url: 'https://learn.microsoft.com/en-us/azure/service-bus-messaging/compare-messaging-services',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
