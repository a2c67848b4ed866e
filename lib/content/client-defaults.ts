import type { SourceId } from './sources';
import type { Claim } from './types';

// Kafka producer defaults are not the broker's: each client library has its own. Every mention of a default on the
// site (feature table, quiz, code comments) must agree with this table (tests/content/client-defaults.test.ts).

export interface ClientDefaults {
  id: 'java' | 'librdkafka' | 'confluent-js' | 'kafkajs';
  client: string;
  /** Who uses it, in a few words. */
  usedBy: string;
  idempotence: { on: boolean; text: string };
  acks: string;
  /** Default linger in ms (null: the client does not wait to batch). */
  lingerMs: number | null;
  linger: string;
  partitioner: string;
  sources: readonly SourceId[];
}

export const CLIENT_DEFAULTS: readonly ClientDefaults[] = [
  {
    id: 'java',
    client: 'Java client (Apache Kafka 4.x)',
    usedBy: 'Java and JVM services, Kafka Streams, Kafka Connect',
    idempotence: {
      on: true,
      text: 'on (since 3.0); setting acks to 0 or 1 (or a conflicting retries or max.in.flight) without setting it turns it off silently',
    },
    acks: 'all (since 3.0)',
    lingerMs: 5,
    linger: '5 ms (since 4.0; 0 before)',
    partitioner: 'murmur2 of the key; records without a key stick to one partition per batch',
    sources: ['kafka-producer-configs', 'kafka-idempotence-default', 'kafka-linger-default'],
  },
  {
    id: 'librdkafka',
    client: 'librdkafka',
    usedBy: 'confluent-kafka for Python, Go and .NET',
    idempotence: { on: false, text: 'off' },
    acks: 'all (-1)',
    lingerMs: 5,
    linger: '5 ms (since 1.5)',
    partitioner:
      'consistent_random: CRC-32 of the key (not Java’s murmur2); no key or an empty key: a random partition, kept for a short while',
    sources: ['librdkafka-configuration', 'librdkafka-changelog'],
  },
  {
    id: 'confluent-js',
    client: '@confluentinc/kafka-javascript (KafkaJS-compatible API)',
    usedBy: 'Node.js, on librdkafka',
    idempotence: { on: false, text: 'off' },
    acks: 'all (-1), set per producer',
    lingerMs: 5,
    linger: '5 ms (librdkafka’s)',
    partitioner: 'murmur2_random: murmur2 like Java',
    sources: ['confluent-javascript-migration', 'librdkafka-configuration'],
  },
  {
    id: 'kafkajs',
    client: 'kafkajs 2.x',
    usedBy: 'Node.js, pure JavaScript (no longer developed)',
    idempotence: { on: false, text: 'off (and experimental)' },
    acks: 'all (-1), set per send()',
    lingerMs: null,
    linger: 'none: each send() goes out as it is',
    partitioner: 'murmur2 like Java (the default since 2.0)',
    sources: ['kafkajs-producing', 'kafkajs-2-release'],
  },
];

export const CLIENT_DEFAULTS_NOTE: Claim<SourceId> = {
  text: 'Producer defaults belong to the client library, not to Kafka, so the same producer code behaves differently by client. Set idempotence, acks and the partitioner explicitly when services in different languages share a topic: with the defaults, the same key can land on different partitions from Java and from Python.',
  sources: ['kafka-producer-configs', 'librdkafka-configuration'],
};
