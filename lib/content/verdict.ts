import type { SourceId } from './sources';
import type { Claim } from './types';

// Opening of the page: the answer in one line, the versions described, why a broker at all, then the short answer
// for each side.

/** The whole verdict in one line, right under the title. */
export const ONE_LINE_VERDICT: Claim<SourceId> = {
  text: 'RabbitMQ for work, Kafka for history: a message that one worker must act on once belongs in a RabbitMQ queue; an event that many services read, now or later, belongs in a Kafka log. Many systems need both.',
  sources: ['azure-choose-messaging', 'rabbitmq-queues', 'kafka-consumer-javadoc'],
};

/** The versions this page describes, and when it was checked. */
export const VERSIONS: Claim<SourceId> = {
  text: 'Describes Apache Kafka 4.x (4.4 current) and RabbitMQ 4.x (4.3 current), checked against their documentation in December 2026.',
  sources: ['kafka-44-upgrade', 'rabbitmq-4-3-release'],
};

export const INTRO: readonly Claim<SourceId>[] = [
  {
    text: 'A message broker sits between services so that a sender does not wait for, or even know about, its receivers: work is handed off asynchronously, services can be deployed and scaled apart, and a burst of traffic waits in the broker instead of knocking over the consumer.',
    sources: ['azure-choose-messaging'],
  },
  {
    text: 'Kafka and RabbitMQ both do this, from opposite starting points: Kafka keeps an ordered log that consumers read at their own pace, while RabbitMQ routes each message to queues and removes it once a consumer acknowledges it.',
    sources: ['kafka-consumer-javadoc', 'rabbitmq-exchanges', 'rabbitmq-queues'],
  },
];

export interface VerdictSide {
  broker: 'kafka' | 'rabbitmq';
  heading: string;
  points: readonly Claim<SourceId>[];
}

export const VERDICT: readonly VerdictSide[] = [
  {
    broker: 'kafka',
    heading: 'Choose Kafka if…',
    points: [
      {
        text: 'you stream high volumes of events and several teams each need the full stream, independently and at their own pace;',
        sources: ['kafka-consumer-javadoc', 'confluent-benchmark'],
      },
      {
        text: 'consumers must replay history, or a new service must start from the beginning;',
        sources: ['kafka-consumer-javadoc'],
      },
      {
        text: 'you keep events for days, months or for good: retention is per topic, and tiered storage moves old segments to cheaper object storage (compaction, which keeps only the latest value per key, suits current state, not history);',
        sources: ['kafka-topic-configs', 'kafka-tiered-storage-ga', 'kafka-compaction'],
      },
      {
        text: 'you build data pipelines between systems: Kafka Connect and Debezium move data in and out, Kafka Streams or Flink process it.',
        sources: ['kafka-connect', 'debezium', 'kafka-streams', 'flink-kafka-connector'],
      },
    ],
  },
  {
    broker: 'rabbitmq',
    heading: 'Choose RabbitMQ if…',
    points: [
      {
        text: 'you hand out jobs to workers, with per-message acknowledgement, retries and priorities;',
        sources: ['rabbitmq-consumers', 'rabbitmq-prefetch', 'rabbitmq-priority'],
      },
      {
        text: 'services subscribe to different subsets of messages and you want the broker to do the routing;',
        sources: ['rabbitmq-exchanges'],
      },
      {
        text: 'you want each message pushed to a consumer as soon as it arrives, with low latency at moderate load;',
        sources: ['rabbitmq-consumers', 'confluent-benchmark'],
      },
      {
        text: 'the scale is modest and you want a broker that is quick to run: one node or a small cluster, with the management UI in the box (Kafka 4 narrowed this gap by dropping ZooKeeper);',
        sources: ['rabbitmq-management', 'rabbitmq-quorum-queues', 'kafka-40-upgrade'],
      },
      {
        text: 'clients speak AMQP, MQTT or STOMP, including older systems integrated through AMQP.',
        sources: ['rabbitmq-protocols'],
      },
    ],
  },
];

/** The honest caveat under the verdict: each broker has grown toward the other. */
export const CONVERGENCE: Claim<SourceId> = {
  text: 'The line has blurred: RabbitMQ streams (since 3.9) give RabbitMQ a replayable log, and Kafka share groups (production-ready in 4.2) give Kafka queue-style consumption with per-record acknowledgements.',
  sources: ['rabbitmq-streams', 'kafka-42-upgrade'],
  scenarios: ['stream-replay', 'more-consumers-than-partitions'],
};

export const BOTTOM_LINE: readonly Claim<SourceId>[] = [
  {
    text: 'Pick Kafka when events are a shared, durable record: high volume, many independent readers, replay and long retention, and data pipelines between systems.',
    sources: ['kafka-consumer-javadoc', 'kafka-tiered-storage-ga', 'kafka-connect'],
  },
  {
    text: 'Pick RabbitMQ when messages are work to be done or routed: task queues with per-message acknowledgement, retries and dead-lettering, routing on the broker, clients that speak AMQP, MQTT or STOMP, and teams whose operational needs are simple.',
    sources: ['rabbitmq-confirms', 'rabbitmq-dlx', 'rabbitmq-exchanges', 'rabbitmq-protocols'],
  },
  {
    text: 'At cloud scale Kafka has become the default choice for event streaming: AWS and Google Cloud run it for you, and Azure Event Hubs speaks its protocol. RabbitMQ remains an excellent broker for plain message passing, and its streams now cover much of the replay gap (though not on Amazon MQ).',
    sources: ['amazon-msk', 'google-managed-kafka', 'azure-event-hubs-kafka', 'rabbitmq-streams', 'amazon-mq-rabbitmq-best-practices'],
  },
  {
    text: 'Many systems use both: queues for commands, a log for events.',
    sources: ['azure-choose-messaging'],
  },
];
