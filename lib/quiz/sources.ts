// Sources behind every note in the quiz. Pages the comparison already cites come from its checked registry
// (lib/content/sources.ts), so each URL is kept in one place; the rest are quiz-only.
import { SOURCES as CONTENT_SOURCES, type SourceId as ContentSourceId } from '@/lib/content/sources';

export interface Source {
  label: string;
  url: string;
}

function fromContent(id: ContentSourceId): Source {
  const s = CONTENT_SOURCES[id];
  return { label: s.title, url: s.url };
}

export const SOURCES = {
  kafkaCompaction: fromContent('kafka-compaction'),
  kafkaTiered: fromContent('kafka-tiered-storage'),
  kafkaTopicConfigs: fromContent('kafka-topic-configs'),
  kafkaProducerConfigs: fromContent('kafka-producer-configs'),
  kafkaPersistence: fromContent('kafka-design-persistence'),
  kafkaSemantics: { label: 'Kafka docs: message delivery semantics', url: 'https://kafka.apache.org/documentation/#semantics' },
  kafkaConcepts: { label: 'Kafka docs: topics and partitions', url: 'https://kafka.apache.org/documentation/#intro_concepts_and_terms' },
  kafkaConnect: fromContent('kafka-connect'),
  kafkaStreams: { label: 'Kafka Streams docs', url: 'https://kafka.apache.org/documentation/streams/' },
  kafkaConsumer: fromContent('kafka-consumer-javadoc'),
  kafka42Upgrade: fromContent('kafka-42-upgrade'),
  kip932: { label: 'KIP-932: Queues for Kafka', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-932%3A+Queues+for+Kafka' },
  lingerDefault: fromContent('kafka-linger-default'),
  librdkafkaConfig: fromContent('librdkafka-configuration'),
  kafkajsProducing: fromContent('kafkajs-producing'),
  debezium: { label: 'Debezium documentation', url: 'https://debezium.io/documentation/' },
  flinkKafka: {
    label: 'Flink Kafka connector',
    url: 'https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/datastream/kafka/',
  },
  rabbitStreams: fromContent('rabbitmq-streams'),
  rabbitConsumers: fromContent('rabbitmq-consumers'),
  rabbitConfirms: fromContent('rabbitmq-confirms'),
  rabbitQueues: fromContent('rabbitmq-queues'),
  rabbitQuorum: fromContent('rabbitmq-quorum-queues'),
  rabbitDlx: fromContent('rabbitmq-dlx'),
  rabbitPriority: fromContent('rabbitmq-priority'),
  rabbitTtl: { label: 'RabbitMQ docs: TTL', url: 'https://www.rabbitmq.com/docs/ttl' },
  rabbitReplyTo: { label: 'RabbitMQ docs: direct reply-to', url: 'https://www.rabbitmq.com/docs/direct-reply-to' },
  rabbitExchanges: fromContent('rabbitmq-exchanges'),
  rabbitProtocols: fromContent('rabbitmq-protocols'),
  rabbitMqtt: { label: 'RabbitMQ docs: MQTT', url: 'https://www.rabbitmq.com/docs/mqtt' },
  rabbitVhosts: { label: 'RabbitMQ docs: virtual hosts', url: 'https://www.rabbitmq.com/docs/vhosts' },
  rabbitBench: fromContent('rabbitmq-amqp-benchmarks'),
  confluentBench: fromContent('confluent-benchmark'),
  eventHubsKafka: fromContent('azure-event-hubs-kafka'),
  amazonMqNoStreams: fromContent('amazon-mq-rabbitmq-best-practices'),
  amazonMqRabbit4: fromContent('amazon-mq-rabbitmq-4'),
  amazonMsk: fromContent('amazon-msk'),
  confluentCloud: fromContent('confluent-cloud'),
  cloudamqp: fromContent('cloudamqp'),
  azureChoose: {
    label: 'Azure: choose between messaging services',
    url: 'https://learn.microsoft.com/en-us/azure/service-bus-messaging/compare-messaging-services',
  },
} satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
