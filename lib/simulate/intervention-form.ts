// The "Change something" form of /simulate as data: each action, its fields, the choices each field
// offers from the current snapshot, and the intervention it builds (the engine validates it).
import type { Snapshot } from '@/simulator';

export type Fields = Record<string, string>;
export type Option = { value: string; label: string };
/** `when`: the field shows only when the other fields make it matter (a seek's offset, say). */
export type FieldSpec = (
  | { name: string; label: string; kind: 'select'; options: (snap: Snapshot, f: Fields) => Option[] }
  | { name: string; label: string; kind: 'text' | 'number'; initial: (snap: Snapshot) => string }
  | { name: string; label: string; kind: 'checkbox'; initial?: boolean }
) & { when?: (f: Fields) => boolean };

export interface ActionSpec {
  id: string;
  label: string;
  lane: 'kafka' | 'rabbitmq';
  fields: FieldSpec[];
  build: (f: Fields, snap: Snapshot) => unknown;
}

const kafkaMembers = (s: Snapshot): Option[] =>
  (s.kafka?.groups ?? []).flatMap((g) =>
    g.members.map((m) => ({ value: `${g.id}\u0000${m.id}`, label: `${m.id} in ${g.id} (${m.status})` })),
  );
const kafkaGroups = (s: Snapshot): Option[] => (s.kafka?.groups ?? []).map((g) => ({ value: g.id, label: g.id }));
const kafkaTopics = (s: Snapshot): Option[] =>
  (s.kafka?.topics ?? []).map((t) => ({ value: t.name, label: `${t.name} (${t.partitions.length} partitions)` }));
const groupPartitions = (s: Snapshot, f: Fields): Option[] => {
  const group = (f.member ?? '').split('\u0000')[0];
  const g = s.kafka?.groups.find((x) => x.id === group) ?? s.kafka?.groups[0];
  return (g?.partitions ?? []).map((p) => ({ value: `${p.topic}\u0000${p.index}`, label: p.partition }));
};
const rabbitConsumers = (s: Snapshot): Option[] =>
  (s.rabbitmq?.consumers ?? []).map((c) => ({ value: c.id, label: `${c.id} on ${c.queue} (${c.status})` }));
const rabbitQueues = (s: Snapshot): Option[] => (s.rabbitmq?.queues ?? []).map((q) => ({ value: q.name, label: q.name }));
const rabbitExchanges = (s: Snapshot): Option[] => [
  ...(s.rabbitmq?.exchanges ?? []).filter((e) => e.name !== '').map((e) => ({ value: e.name, label: `${e.name} (${e.type})` })),
  { value: '', label: '(default exchange)' },
];
const unackedOf = (s: Snapshot, f: Fields): Option[] => {
  const consumer = f.consumer ?? rabbitConsumers(s)[0]?.value;
  return (s.rabbitmq?.queues ?? []).flatMap((q) =>
    q.unacked
      .filter((u) => u.consumer === consumer)
      .map((u) => ({ value: String(u.deliveryTag), label: `tag ${u.deliveryTag} (${u.message.messageId})` })),
  );
};
const splitMember = (v: string | undefined) => {
  const [group = '', consumer = ''] = (v ?? '').split('\u0000');
  return { group, consumer };
};
const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? NaN : Number(v));

const member: FieldSpec = { name: 'member', label: 'Consumer', kind: 'select', options: kafkaMembers };
const rconsumer: FieldSpec = { name: 'consumer', label: 'Consumer', kind: 'select', options: rabbitConsumers };
const multiple: FieldSpec = { name: 'multiple', label: 'And every earlier one it holds (multiple)', kind: 'checkbox', initial: false };

export const ACTIONS: ActionSpec[] = [
  {
    id: 'kafka.addConsumer',
    label: 'Add a consumer to a group',
    lane: 'kafka',
    fields: [
      { name: 'group', label: 'Group', kind: 'select', options: kafkaGroups },
      {
        name: 'id',
        label: 'New consumer id',
        kind: 'text',
        initial: (s) => `X${(s.kafka?.groups.reduce((n, g) => n + g.members.length, 0) ?? 0) + 1}`,
      },
    ],
    build: (f) => ({ type: 'kafka.addConsumer', group: f.group, consumer: { id: f.id } }),
  },
  ...(['removeConsumer', 'crashConsumer', 'restartConsumer'] as const).map((t): ActionSpec => ({
    id: `kafka.${t}`,
    label:
      { removeConsumer: 'Remove a consumer', crashConsumer: 'Crash a consumer', restartConsumer: 'Restart a consumer' }[t] + ' (Kafka)',
    lane: 'kafka',
    fields: [member],
    build: (f) => ({ type: `kafka.${t}`, ...splitMember(f.member) }),
  })),
  {
    id: 'kafka.seek',
    label: 'Seek a consumer',
    lane: 'kafka',
    fields: [
      member,
      { name: 'partition', label: 'Partition', kind: 'select', options: groupPartitions },
      {
        name: 'to',
        label: 'To',
        kind: 'select',
        options: () => [
          { value: 'earliest', label: 'earliest' },
          { value: 'latest', label: 'latest' },
          { value: 'offset', label: 'an offset' },
          { value: 'timestamp', label: 'a timestamp' },
        ],
      },
      { name: 'offset', label: 'Offset', kind: 'number', initial: () => '0', when: (f) => f.to === 'offset' },
      {
        name: 'timestamp',
        label: 'Timestamp (ms): the first record at or after it',
        kind: 'number',
        initial: (s) => String(Math.max(0, s.time - 5000)),
        when: (f) => f.to === 'timestamp',
      },
    ],
    build: (f) => {
      const [topic = '', partition = ''] = (f.partition ?? '').split('\u0000');
      return {
        type: 'kafka.seek',
        ...splitMember(f.member),
        topic,
        partition: num(partition),
        to: f.to === 'offset' ? { offset: num(f.offset) } : f.to === 'timestamp' ? { timestamp: num(f.timestamp) } : f.to,
      };
    },
  },
  {
    id: 'kafka.newGroup',
    label: 'Start a new consumer group',
    lane: 'kafka',
    fields: [
      { name: 'id', label: 'Group id', kind: 'text', initial: (s) => `group-${(s.kafka?.groups.length ?? 0) + 1}` },
      {
        name: 'reset',
        label: 'auto.offset.reset',
        kind: 'select',
        options: () => [
          { value: 'earliest', label: 'earliest (read from the log start)' },
          { value: 'latest', label: 'latest (only new records)' },
        ],
      },
    ],
    build: (f, s) => ({
      type: 'kafka.newGroup',
      group: { id: f.id, topics: (s.kafka?.topics ?? []).map((t) => t.name), autoOffsetReset: f.reset, consumers: [{ id: `${f.id}-c1` }] },
    }),
  },
  {
    id: 'kafka.addPartitions',
    label: 'Add partitions to a topic',
    lane: 'kafka',
    fields: [
      { name: 'topic', label: 'Topic', kind: 'select', options: kafkaTopics },
      {
        name: 'partitions',
        label: 'New partition count',
        kind: 'number',
        initial: (s) => String((s.kafka?.topics[0]?.partitions.length ?? 1) + 1),
      },
    ],
    build: (f) => ({ type: 'kafka.addPartitions', topic: f.topic, partitions: num(f.partitions) }),
  },
  {
    id: 'kafka.produceBurst',
    label: 'Produce a burst of records',
    lane: 'kafka',
    fields: [
      { name: 'topic', label: 'Topic', kind: 'select', options: kafkaTopics },
      { name: 'count', label: 'Records', kind: 'number', initial: () => '20' },
    ],
    build: (f) => ({ type: 'kafka.produceBurst', topic: f.topic, count: num(f.count) }),
  },
  {
    id: 'rabbitmq.publishBurst',
    label: 'Publish a burst of messages',
    lane: 'rabbitmq',
    fields: [
      { name: 'exchange', label: 'Exchange', kind: 'select', options: rabbitExchanges },
      {
        name: 'routingKey',
        label: 'Routing key',
        kind: 'text',
        initial: (s) => s.rabbitmq?.bindings[0]?.bindingKey.replace(/[#*]/g, 'x') ?? '',
      },
      { name: 'count', label: 'Messages', kind: 'number', initial: () => '10' },
    ],
    build: (f) => ({ type: 'rabbitmq.publishBurst', exchange: f.exchange, routingKeys: [f.routingKey ?? ''], count: num(f.count) }),
  },
  {
    id: 'rabbitmq.addConsumer',
    label: 'Add a consumer to a queue',
    lane: 'rabbitmq',
    fields: [
      { name: 'queue', label: 'Queue', kind: 'select', options: rabbitQueues },
      { name: 'id', label: 'New consumer id', kind: 'text', initial: (s) => `worker-${(s.rabbitmq?.consumers.length ?? 0) + 1}` },
      { name: 'prefetch', label: 'Prefetch count (0 = unlimited)', kind: 'number', initial: () => '1' },
    ],
    build: (f) => ({ type: 'rabbitmq.addConsumer', consumer: { id: f.id, queue: f.queue, prefetchCount: num(f.prefetch) } }),
  },
  ...(['removeConsumer', 'crashConsumer', 'restartConsumer'] as const).map((t): ActionSpec => ({
    id: `rabbitmq.${t}`,
    label:
      { removeConsumer: 'Remove a consumer', crashConsumer: 'Crash a consumer', restartConsumer: 'Restart a consumer' }[t] + ' (RabbitMQ)',
    lane: 'rabbitmq',
    fields: [rconsumer],
    build: (f) => ({ type: `rabbitmq.${t}`, consumer: f.consumer }),
  })),
  {
    id: 'rabbitmq.setPrefetch',
    label: 'Change a consumer’s prefetch',
    lane: 'rabbitmq',
    fields: [rconsumer, { name: 'prefetch', label: 'Prefetch count (0 = unlimited)', kind: 'number', initial: () => '10' }],
    build: (f) => ({ type: 'rabbitmq.setPrefetch', consumer: f.consumer, prefetchCount: num(f.prefetch) }),
  },
  {
    id: 'rabbitmq.ack',
    label: 'Ack a message',
    lane: 'rabbitmq',
    fields: [rconsumer, { name: 'deliveryTag', label: 'Unacked message', kind: 'select', options: unackedOf }, multiple],
    build: (f) => ({ type: 'rabbitmq.ack', consumer: f.consumer, deliveryTag: num(f.deliveryTag), multiple: f.multiple === 'true' }),
  },
  {
    id: 'rabbitmq.nack',
    label: 'Nack a message',
    lane: 'rabbitmq',
    fields: [
      rconsumer,
      { name: 'deliveryTag', label: 'Unacked message', kind: 'select', options: unackedOf },
      { name: 'requeue', label: 'Requeue it', kind: 'checkbox' },
      multiple,
    ],
    build: (f) => ({
      type: 'rabbitmq.nack',
      consumer: f.consumer,
      deliveryTag: num(f.deliveryTag),
      requeue: f.requeue === 'true',
      multiple: f.multiple === 'true',
    }),
  },
];
