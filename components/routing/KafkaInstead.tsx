import { Source } from './ui';

/** What a Kafka design does where RabbitMQ would route with an exchange. */
export function KafkaInstead() {
  return (
    <section
      aria-labelledby="kafka-instead-h"
      className="rounded-lg border border-kafka-200 bg-kafka-50 p-4 text-sm text-zinc-800 dark:border-kafka-800 dark:bg-kafka-950/40 dark:text-zinc-200"
    >
      <h3 id="kafka-instead-h" className="text-base font-semibold text-kafka-900 dark:text-kafka-200">
        What Kafka does instead of exchange routing
      </h3>
      <p className="mt-1">
        A Kafka broker does not look inside messages to pick destinations: the producer names a topic and its key picks the partition. The
        routing a RabbitMQ exchange does is spread over these choices:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          <strong>A topic per event type</strong> (<code>order.confirmed</code>, <code>order.large</code>…): the producer picks the topic,
          and each service subscribes to the topics it needs, each in its own consumer group (
          <Source href="https://kafka.apache.org/documentation/#intro_concepts_and_terms">Kafka: concepts</Source>).
        </li>
        <li>
          <strong>Consumer-side filtering</strong>: a service reads a broader topic and skips what it does not want, e.g. with a Kafka
          Streams <code>filter</code>; every record is still fetched (
          <Source href="https://kafka.apache.org/documentation/streams/developer-guide/dsl-api.html">Kafka Streams DSL</Source>).
        </li>
        <li>
          <strong>Regex subscriptions</strong>: a consumer can subscribe to every topic whose name matches a pattern, such as{' '}
          <code>order\..*</code>, and picks up new matching topics as they appear (
          <Source href="https://kafka.apache.org/40/javadoc/org/apache/kafka/clients/consumer/KafkaConsumer.html">
            KafkaConsumer.subscribe
          </Source>
          ). With the newer consumer group protocol the broker evaluates the pattern (
          <Source href="https://cwiki.apache.org/confluence/display/KAFKA/KIP-848%3A+The+Next+Generation+of+the+Consumer+Rebalance+Protocol">
            KIP-848
          </Source>
          ).
        </li>
      </ul>
      <p className="mt-2">
        RabbitMQ compares routing keys and headers on the broker instead (
        <Source href="https://www.rabbitmq.com/docs/exchanges">RabbitMQ: exchanges</Source>).
      </p>
    </section>
  );
}
