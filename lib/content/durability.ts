import { CLIENT_DEFAULTS } from './client-defaults';
import type { SourceId } from './sources';
import type { Claim, DurabilitySetting, DurabilityOutcome } from './types';

// "When a broker dies": the settings that decide what survives a dead machine on each side, their defaults (per
// client where they differ), what each guarantees, and the simulator scenario that shows it happening.
// The rules themselves live in the engine (simulator/kafka/replication.ts, simulator/rabbitmq/quorum-queue.ts…) and
// are checked against real brokers in fidelity/; this file only words them.

const kafkaClient = (id: (typeof CLIENT_DEFAULTS)[number]['id']) => CLIENT_DEFAULTS.find((c) => c.id === id)!;

export const DURABILITY_LEAD: Claim<SourceId> = {
  text: 'Both brokers can keep every acknowledged message through the loss of a machine, and neither does with every default. What decides it is a handful of settings, split between the producer, the topic or queue, and the broker.',
  sources: ['kafka-replication', 'rabbitmq-quorum-queues'],
  scenarios: ['broker-dies-both'],
};

export const KAFKA_DURABILITY: readonly DurabilitySetting<SourceId>[] = [
  {
    id: 'replication-factor',
    name: 'replication.factor',
    where: 'topic (broker default: default.replication.factor)',
    defaults: '1 for topics created with the broker’s default; set it when creating the topic (3 is the usual choice)',
    guarantee: {
      text: 'Each partition has one leader and replication.factor − 1 followers on other brokers. With one replica a dead broker takes its partitions offline until it returns; with three, a follower in the in-sync set takes over.',
      sources: ['kafka-replication', 'kafka-broker-configs'],
      scenarios: ['acks-all-leader-dies'],
    },
  },
  {
    id: 'acks',
    name: 'acks',
    where: 'producer',
    defaults: `Java: ${kafkaClient('java').acks}; librdkafka: ${kafkaClient('librdkafka').acks}; kafkajs: ${kafkaClient('kafkajs').acks}`,
    guarantee: {
      text: 'acks=all answers once every in-sync replica has the record, so it survives while any of them lives. acks=1 answers after the leader alone has written it: if the leader dies before a follower copies it, the record was acknowledged and is gone.',
      sources: ['kafka-producer-configs', 'kafka-replication'],
      scenarios: ['acks-all-leader-dies', 'acks-1-leader-dies'],
    },
  },
  {
    id: 'min-insync-replicas',
    name: 'min.insync.replicas',
    where: 'topic or broker',
    defaults: '1',
    guarantee: {
      text: 'With acks=all, a write is refused with NOT_ENOUGH_REPLICAS while fewer replicas than this are in sync. At the default of 1 the leader alone can acknowledge once its followers have fallen out of sync; 2 with three replicas keeps two copies of every acknowledged record and stops writes when a second broker is lost.',
      sources: ['kafka-replication', 'kafka-broker-configs'],
      scenarios: ['two-brokers-down'],
    },
  },
  {
    id: 'unclean-leader-election',
    name: 'unclean.leader.election.enable',
    where: 'topic or broker',
    defaults: 'false',
    guarantee: {
      text: 'When no in-sync replica is alive the partition stays offline until a replica holding every committed record returns: an in-sync one or, on clusters created with 4.1 or later, an eligible leader replica. Turned on, an out-of-sync replica may lead instead: the partition is back sooner, and the records it lacks are lost for good.',
      sources: ['kafka-replication', 'kafka-broker-configs', 'kafka-eligible-leader-replicas'],
      scenarios: ['unclean-election'],
    },
  },
  {
    id: 'idempotence',
    name: 'enable.idempotence',
    where: 'producer',
    defaults: `Java: ${kafkaClient('java').idempotence.text}; librdkafka: ${kafkaClient('librdkafka').idempotence.text}; kafkajs: ${kafkaClient('kafkajs').idempotence.text}`,
    guarantee: {
      text: 'A producer that times out waiting for an answer retries. Without idempotence a retry of a write that did land is written again; with it the broker recognises the batch by its sequence number and keeps one copy.',
      sources: ['kafka-producer-configs', 'kafka-idempotence-default'],
      scenarios: ['retries-duplicates'],
    },
  },
  {
    id: 'flush',
    name: 'log.flush.interval.messages / .ms',
    where: 'broker or topic',
    defaults: '9223372036854775807, i.e. never: Kafka forces no fsync, and the operating system decides when data reaches the disk',
    guarantee: {
      text: 'Kafka acknowledges from memory and counts on the replicas for durability, not on fsync. With three replicas, min.insync.replicas 2 and acks=all, losing one broker loses nothing acknowledged; a power cut that takes every in-sync replica at once can.',
      sources: ['kafka-flush', 'kafka-broker-configs', 'kafka-replication'],
    },
  },
];

export const RABBIT_DURABILITY: readonly DurabilitySetting<SourceId>[] = [
  {
    id: 'queue-type',
    name: 'x-queue-type',
    where: 'queue (declare argument)',
    defaults:
      'classic, unless the virtual host or the node’s default_queue_type names another; Amazon MQ’s RabbitMQ 4.2 brokers default to quorum. Classic mirroring was removed in 4.0',
    guarantee: {
      text: 'A classic queue lives on one node: while that node is down the queue cannot be used. A quorum queue keeps copies on several nodes (three by default) and elects a new leader when its leader’s node dies.',
      sources: ['rabbitmq-clustering', 'rabbitmq-quorum-queues', 'rabbitmq-vhosts', 'rabbitmq-4-0-release', 'amazon-mq-rabbitmq-4'],
      scenarios: ['classic-node-dies', 'quorum-leader-dies'],
    },
  },
  {
    id: 'durable-persistent',
    name: 'durable (queue) + persistent (message)',
    where: 'queue declaration and each publish',
    defaults:
      'the AMQP 0-9-1 flags are off, but RabbitMQ 4.3 refuses a non-durable queue that is not exclusive (pika needs durable=True; amqplib declares queues durable). Messages are transient unless published persistent (delivery_mode=2, persistent: true in amqplib). Quorum queues and streams are always durable and keep every message',
    guarantee: {
      text: 'When a classic queue’s node restarts, a durable queue comes back with its persistent messages; transient messages are gone.',
      sources: ['rabbitmq-queues', 'amqplib-api-args', 'rabbitmq-4-3-release', 'rabbitmq-quorum-queues'],
      scenarios: ['classic-node-dies'],
    },
  },
  {
    id: 'confirms',
    name: 'publisher confirms (confirm.select)',
    where: 'publisher’s channel',
    defaults: 'off: a channel confirms nothing until the publisher turns confirms on',
    guarantee: {
      text: 'With confirms the broker acks a message once it is safe: written to a majority for a quorum queue, to disk for a persistent message in a durable classic queue. Without them a publisher never learns of a loss; resending what was not confirmed can deliver a message twice.',
      sources: ['rabbitmq-confirms', 'rabbitmq-quorum-queues'],
      scenarios: ['publisher-confirms'],
    },
  },
  {
    id: 'majority',
    name: 'x-quorum-initial-group-size',
    where: 'quorum queue (declare argument)',
    defaults: '3 members (fewer on a smaller cluster; quorum_queue.initial_cluster_size changes it node-wide)',
    guarantee: {
      text: 'A quorum queue works while a majority of its members is up: two of three. With one of three left it accepts and delivers nothing until a majority is back, rather than risk losing a confirmed message.',
      sources: ['rabbitmq-quorum-queues'],
      scenarios: ['quorum-leader-dies'],
    },
  },
  {
    id: 'manual-ack',
    name: 'manual acknowledgement',
    where: 'consumer',
    defaults: 'manual, unless the consumer asks for automatic acknowledgement (auto_ack in pika, noAck in amqplib)',
    guarantee: {
      text: 'A delivery that was not acknowledged when the consumer’s connection died goes back to the queue and is delivered again, marked redelivered: at least once, so handlers must tolerate repeats. With automatic acknowledgement a message counts as done when it is sent, so a crash loses it.',
      sources: ['rabbitmq-confirms', 'amqplib-api-args'],
      scenarios: ['quorum-leader-dies'],
    },
  },
  {
    id: 'fsync',
    name: 'fsync before confirming',
    where: 'queue type',
    defaults: 'quorum queues: yes; streams: no (like Kafka)',
    guarantee: {
      text: 'A quorum queue confirms only once a majority has the message on disk, so a confirmed message survives even a power cut of every node. Streams, like Kafka, confirm once a majority of replicas has written the data, without fsync: it may still be in the operating system’s page cache.',
      sources: ['rabbitmq-quorum-queues', 'rabbitmq-streams', 'kafka-flush'],
    },
  },
];

/** What the defaults do, and what a deliberate setup does, when one machine dies. */
export const DURABILITY_OUTCOMES: readonly DurabilityOutcome<SourceId>[] = [
  {
    broker: 'kafka',
    setup: 'Broker defaults',
    outcome: {
      text: 'One replica per partition: the dead broker’s partitions are offline until it returns, and records it had not yet written to disk can be lost.',
      sources: ['kafka-broker-configs', 'kafka-flush'],
    },
  },
  {
    broker: 'kafka',
    setup: 'replication.factor 3, min.insync.replicas 2, acks=all, idempotence on',
    outcome: {
      text: 'One broker down: a follower leads, writes go on, nothing acknowledged is lost and retries write no duplicates. Two down: writes are refused until a second replica is back.',
      sources: ['kafka-replication', 'kafka-producer-configs'],
      scenarios: ['acks-all-leader-dies', 'two-brokers-down'],
    },
  },
  {
    broker: 'rabbitmq',
    setup: 'Defaults (classic queue, no confirms)',
    outcome: {
      text: 'The queue is unavailable while its node is down; afterwards only persistent messages remain (in a durable queue, which RabbitMQ 4.3 requires of a shared one), and publishers are not told what was lost.',
      sources: ['rabbitmq-clustering', 'rabbitmq-queues', 'rabbitmq-confirms', 'rabbitmq-4-3-release'],
      scenarios: ['classic-node-dies'],
    },
  },
  {
    broker: 'rabbitmq',
    setup: 'Quorum queue, publisher confirms, manual acks',
    outcome: {
      text: 'One node of three down: a new leader is elected, nothing confirmed is lost, unacknowledged deliveries are redelivered. Two down: no confirms and no deliveries until a majority is back.',
      sources: ['rabbitmq-quorum-queues', 'rabbitmq-confirms'],
      scenarios: ['quorum-leader-dies', 'publisher-confirms'],
    },
  },
];

/** Every sourced sentence of the section, in page order. */
export function durabilityClaims(): Claim<SourceId>[] {
  const setting = (s: DurabilitySetting<SourceId>) => [{ text: `${s.name}: ${s.defaults}`, sources: s.guarantee.sources }, s.guarantee];
  return [
    DURABILITY_LEAD,
    ...DURABILITY_OUTCOMES.map((o) => o.outcome),
    ...KAFKA_DURABILITY.flatMap(setting),
    ...RABBIT_DURABILITY.flatMap(setting),
  ];
}
