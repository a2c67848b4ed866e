import type { SourceId } from './sources';
import type { Claim } from './types';

// Opening of the page: why a broker at all, then the short answer for each side.

export const INTRO: readonly Claim<SourceId>[] = [
  {
    text: 'A message broker sits between services so that a sender does not wait for, or even know about, its receivers: work is handed off asynchronously, services can be deployed and scaled apart, and a burst of traffic waits in the broker instead of knocking over the consumer.',
    sources: ['rabbitmq-queues', 'kafka-consumer-javadoc'],
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
        text: 'you keep events for days, months or indefinitely, with compaction or tiered storage keeping that affordable;',
        sources: ['kafka-compaction', 'kafka-tiered-storage-ga'],
      },
      {
        text: 'you build data pipelines and stream processing around the Kafka ecosystem (connectors, stream processing with Flink).',
        sources: ['confluent-cloud'],
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
        text: 'you want low latency at moderate load and a broker that is simple to run;',
        sources: ['confluent-benchmark', 'rabbitmq-amqp-benchmarks'],
      },
      {
        text: 'clients speak AMQP, MQTT or STOMP.',
        sources: ['rabbitmq-protocols'],
      },
    ],
  },
];

/** The honest caveat under the verdict: each broker has grown toward the other. */
export const CONVERGENCE: Claim<SourceId> = {
  text: 'The line has blurred: RabbitMQ streams (since 3.9) give RabbitMQ a replayable log, and Kafka share groups (production-ready in 4.2) give Kafka queue-style consumption with per-record acknowledgements.',
  sources: ['rabbitmq-streams', 'kafka-42-upgrade'],
};

export const BOTTOM_LINE: readonly Claim<SourceId>[] = [
  {
    text: 'Pick Kafka when events are a shared, durable record: high volume, many independent readers, replay and long retention.',
    sources: ['kafka-consumer-javadoc', 'kafka-tiered-storage-ga'],
  },
  {
    text: 'Pick RabbitMQ when messages are work to be done or routed: task queues, per-message acknowledgement and retries, flexible routing, many protocols and simpler operations.',
    sources: ['rabbitmq-consumers', 'rabbitmq-exchanges', 'rabbitmq-protocols'],
  },
  {
    text: 'Kafka has become a common backbone for event streaming at cloud scale: AWS and Google Cloud run it for you and Azure Event Hubs speaks its protocol. RabbitMQ remains an excellent broker for message passing, and its streams cover much of the replay gap. Many systems use both: queues for commands, a log for events.',
    sources: ['amazon-msk', 'google-managed-kafka', 'azure-event-hubs-kafka', 'rabbitmq-streams'],
  },
];
