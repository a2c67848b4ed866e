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
  kafkaPersistence: {
    label: 'Kafka docs: persistence (the log is written to the page cache, not necessarily flushed)',
    url: 'https://kafka.apache.org/documentation/#design_filesystem',
  },
  kafkaSemantics: { label: 'Kafka docs: message delivery semantics', url: 'https://kafka.apache.org/documentation/#semantics' },
  kafkaConcepts: fromContent('kafka-intro'),
  kafkaConnect: fromContent('kafka-connect'),
  kafkaStreams: fromContent('kafka-streams'),
  kafkaConsumer: fromContent('kafka-consumer-javadoc'),
  kafka42Upgrade: fromContent('kafka-42-upgrade'),
  kip932: fromContent('kip-932'),
  lingerDefault: fromContent('kafka-linger-default'),
  librdkafkaConfig: fromContent('librdkafka-configuration'),
  kafkajsProducing: fromContent('kafkajs-producing'),
  debezium: fromContent('debezium'),
  flinkKafka: fromContent('flink-kafka-connector'),
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
  rabbitVhosts: fromContent('rabbitmq-vhosts'),
  rabbitBench: fromContent('rabbitmq-amqp-benchmarks'),
  confluentBench: fromContent('confluent-benchmark'),
  eventHubsKafka: fromContent('azure-event-hubs-kafka'),
  amazonMqNoStreams: fromContent('amazon-mq-rabbitmq-best-practices'),
  amazonMqRabbit4: fromContent('amazon-mq-rabbitmq-4'),
  amazonMsk: fromContent('amazon-msk'),
  confluentCloud: fromContent('confluent-cloud'),
  cloudamqp: fromContent('cloudamqp'),
  azureChoose: fromContent('azure-choose-messaging'),
} satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
