'use client';
import { useId, useState } from 'react';
import type { Snapshot } from '@/simulator';
import { withValidators } from '@/lib/simulate/engine-api';
import { useSim, useSimStore } from './context';
import { buttonClass } from '@/components/ui/button';

type Fields = Record<string, string>;
type Option = { value: string; label: string };
type FieldSpec =
  | { name: string; label: string; kind: 'select'; options: (snap: Snapshot, f: Fields) => Option[] }
  | { name: string; label: string; kind: 'text' | 'number'; initial: (snap: Snapshot) => string }
  | { name: string; label: string; kind: 'checkbox' };

interface ActionSpec {
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
        ],
      },
      { name: 'offset', label: 'Offset (when seeking to an offset)', kind: 'number', initial: () => '0' },
    ],
    build: (f) => {
      const [topic = '', partition = ''] = (f.partition ?? '').split('\u0000');
      return {
        type: 'kafka.seek',
        ...splitMember(f.member),
        topic,
        partition: num(partition),
        to: f.to === 'offset' ? { offset: num(f.offset) } : f.to,
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
    id: 'rabbitmq.nack',
    label: 'Nack a message',
    lane: 'rabbitmq',
    fields: [
      rconsumer,
      { name: 'deliveryTag', label: 'Unacked message', kind: 'select', options: unackedOf },
      { name: 'requeue', label: 'Requeue it', kind: 'checkbox' },
    ],
    build: (f) => ({ type: 'rabbitmq.nack', consumer: f.consumer, deliveryTag: num(f.deliveryTag), requeue: f.requeue === 'true' }),
  },
];

const control = 'h-11 w-full rounded-lg border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900';

/** Changes made while the simulation runs; one at an earlier time forks the timeline from there. */
export function InterventionsPanel() {
  // Not redrawn during play (the choices come from the last stop); every stop refreshes them,
  // including the unacked delivery tags for nack.
  useSim((s) => (s.playing ? `playing:${s.revision}` : `${s.time}:${s.snapshot.eventCount}:${s.revision}`));
  const snapshot = useSimStore().getState().snapshot;
  const lanes = useSim((s) => s.loaded.lanes);
  const pausedAt = useSim((s) => (s.playing ? null : s.time));
  const interventions = useSim((s) => s.interventions);
  const store = useSimStore();
  const uid = useId();
  const available = ACTIONS.filter((a) => lanes.includes(a.lane) && (a.lane === 'kafka' ? snapshot.kafka : snapshot.rabbitmq));
  const [actionId, setActionId] = useState<string>('');
  const action = available.find((a) => a.id === actionId) ?? available[0];
  const [edits, setEdits] = useState<Fields>({});
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [done, setDone] = useState<string | null>(null);
  if (!action) return null;

  // Current value of each field: what the user chose, else the first option / initial value.
  const values: Fields = {};
  for (const f of action.fields) {
    if (f.kind === 'select') {
      const opts = f.options(snapshot, values);
      const chosen = edits[f.name];
      values[f.name] = chosen !== undefined && opts.some((o) => o.value === chosen) ? chosen : (opts[0]?.value ?? '');
    } else if (f.kind === 'checkbox') values[f.name] = edits[f.name] ?? 'true';
    else values[f.name] = edits[f.name] ?? f.initial(snapshot);
  }

  return (
    <section aria-labelledby={`${uid}-h`} className="rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <h2 id={`${uid}-h`} className="text-base font-semibold">
        Change something
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Applies at the current time{pausedAt === null ? '' : ` (${pausedAt} ms)`}. Doing this at an earlier moment forks the timeline: what
        happened after it is simulated again.
      </p>
      <form
        className="mt-2 grid gap-2 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          const iv = action.build(values, snapshot);
          const time = store.getState().time;
          const later = store.getState().interventions.filter((i) => i.time > time).length;
          void withValidators(store, () => store.getState().intervene(iv)).then((result) => {
            setErrors(result ?? []);
            setDone(
              result
                ? null
                : `Done at ${time} ms${later ? `; the ${later} later change${later === 1 ? ' was' : 's were'} dropped (the timeline forked)` : ''}.`,
            );
          });
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium sm:col-span-2">
          Action
          <select
            name="action"
            className={control}
            value={action.id}
            onChange={(e) => {
              setActionId(e.target.value);
              setEdits({});
              setErrors([]);
              setDone(null);
            }}
          >
            {available.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        {action.fields.map((f) => {
          const id = `${uid}-${f.name}`;
          const set = (v: string) => setEdits((x) => ({ ...x, [f.name]: v }));
          if (f.kind === 'checkbox')
            return (
              <label key={f.name} className="flex items-center gap-2 text-sm font-medium">
                <input
                  type="checkbox"
                  name={f.name}
                  className="h-5 w-5"
                  checked={values[f.name] === 'true'}
                  onChange={(e) => set(String(e.target.checked))}
                />
                {f.label}
              </label>
            );
          const opts = f.kind === 'select' ? f.options(snapshot, values) : [];
          return (
            <label key={f.name} htmlFor={id} className="flex flex-col gap-1 text-sm font-medium">
              {f.label}
              {f.kind === 'select' ? (
                <select
                  id={id}
                  name={f.name}
                  className={control}
                  value={values[f.name]}
                  onChange={(e) => set(e.target.value)}
                  disabled={opts.length === 0}
                >
                  {opts.length === 0 && <option value="">(none available)</option>}
                  {opts.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  name={f.name}
                  className={control}
                  type="text"
                  inputMode={f.kind === 'number' ? 'numeric' : undefined}
                  value={values[f.name]}
                  onChange={(e) => set(e.target.value)}
                />
              )}
            </label>
          );
        })}
        <div className="sm:col-span-2">
          <button type="submit" className={buttonClass({ size: 'touch', tone: 'primary' })}>
            Apply now
          </button>
          {errors.length > 0 && (
            <ul role="alert" className="mt-2 list-disc pl-5 text-sm text-red-700 dark:text-red-300">
              {errors.map((e, i) => (
                <li key={i}>
                  {e.path}: {e.message}
                </li>
              ))}
            </ul>
          )}
          {done && (
            <p role="status" className="mt-2 text-sm text-green-800 dark:text-green-300">
              {done}
            </p>
          )}
        </div>
      </form>
      {interventions.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">Your changes ({interventions.length})</summary>
          <ul className="mt-1 list-disc pl-5">
            {interventions.map((i, k) => (
              <li key={k}>
                {i.time} ms: {(i.intervention as { type: string }).type}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
