'use client';
// Kafka share groups (KIP-932) on the page (#17): per share-partition its start and end offsets and
// each in-flight record's state (available, acquired by whom, delivery count, acknowledged,
// archived), and the members with what they are processing. All of it is the engine's
// ShareGroupView; nothing is re-derived here.
import { memo } from 'react';
import type { ShareGroupView as ShareGroup, ShareMemberView, SharePartitionView, ShareRecordView } from '@/simulator';
import { useIntervene } from './useIntervene';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const STATE_STYLE: Record<ShareRecordView['state'], string> = {
  available: 'border-sky-500 bg-sky-50 text-sky-900 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100',
  acquired: 'border-amber-500 bg-amber-100 text-amber-950 dark:border-amber-400 dark:bg-amber-900 dark:text-amber-50',
  acknowledged: 'border-emerald-600 bg-emerald-100 text-emerald-950 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100',
  archived: 'border-zinc-400 bg-zinc-200 text-zinc-600 line-through dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-400',
};

function describe(r: ShareRecordView, limit: number): string {
  const count = `delivery count ${r.deliveryCount}${r.deliveryCount >= limit ? ' (the limit)' : ''}`;
  switch (r.state) {
    case 'available':
      return `offset ${r.offset}: available, ${count}`;
    case 'acquired':
      return `offset ${r.offset}: acquired by ${r.owner}${r.lockUntil !== null ? ` until ${seconds(r.lockUntil)}` : ''}, ${count}`;
    case 'acknowledged':
      return `offset ${r.offset}: acknowledged, ${count}`;
    case 'archived':
      return `offset ${r.offset}: archived, ${count}`;
  }
}

export const ShareGroups = memo(
  function ShareGroups({ groups }: { groups: ShareGroup[] }) {
    if (groups.length === 0) return null;
    return (
      <div className="mt-3 grid gap-2">
        {groups.map((g) => (
          <section
            key={g.id}
            aria-label={`Share group ${g.id}`}
            data-testid={`share-group-${g.id}`}
            className="rounded-lg border border-zinc-200 bg-white p-2 text-xs dark:border-zinc-800 dark:bg-zinc-900"
          >
            <h3 className="text-sm font-semibold">
              Share group <span className="font-mono">{g.id}</span>
            </h3>
            <p className="text-zinc-600 dark:text-zinc-400">
              share.record.lock.duration.ms {g.lockDurationMs} · share.delivery.count.limit {g.deliveryCountLimit} ·
              share.partition.max.record.locks {g.maxRecordLocks} · share.auto.offset.reset={g.autoOffsetReset}
              {g.deadLetterTopic ? ` · dead-letter topic ${g.deadLetterTopic}` : ''}
            </p>
            {g.partitions.map((p) => (
              <SharePartition key={p.name} p={p} limit={g.deliveryCountLimit} />
            ))}
            <ul className="mt-1 space-y-1">
              {g.members.map((m) => (
                <Member key={m.id} group={g.id} m={m} />
              ))}
            </ul>
            <AddMember group={g} />
            <ShareLegend />
          </section>
        ))}
      </div>
    );
  },
  (a, b) => JSON.stringify(a.groups) === JSON.stringify(b.groups),
);

const button =
  'rounded border border-zinc-300 bg-white px-2 py-0.5 text-xs font-medium hover:bg-zinc-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800';

function Member({ group, m }: { group: string; m: ShareMemberView }) {
  const act = useIntervene();
  const running = m.status === 'active' || m.status === 'idle';
  return (
    <li data-testid={`share-member-${m.id}`}>
      <span className="font-semibold">{m.id}</span>{' '}
      <span className="text-zinc-600 dark:text-zinc-400">
        ({m.status}, {m.ackMode} acknowledgement)
      </span>
      : {m.assigned.length ? m.assigned.join(', ') : 'no partition'}
      {m.processing.length > 0 &&
        ` · processing ${m.processing.map((x) => `${x.topic}-${x.partition} offsets ${x.offsets.join(', ')} until ${seconds(x.until)}`).join('; ')}`}
      {running && (
        <span className="ml-2 inline-flex gap-1">
          <button
            type="button"
            className={button}
            title="The process dies: the broker releases its acquired records (delivery counts kept)"
            onClick={() => act({ type: 'kafka.crashShareConsumer', group, consumer: m.id })}
          >
            Crash {m.id}
          </button>
          <button
            type="button"
            className={button}
            title="close(): leaves the group; in implicit mode its acquired records are released"
            onClick={() => act({ type: 'kafka.removeShareConsumer', group, consumer: m.id })}
          >
            Close {m.id}
          </button>
        </span>
      )}
    </li>
  );
}

/** A new member with the first free name: the simple assignor shares the partitions again. */
function AddMember({ group: g }: { group: ShareGroup }) {
  const act = useIntervene();
  const taken = new Set(g.members.map((m) => m.id));
  let n = g.members.length + 1;
  while (taken.has(`${g.id}-${n}`)) n++;
  const id = `${g.id}-${n}`;
  return (
    <button
      type="button"
      className={`${button} mt-1`}
      onClick={() => act({ type: 'kafka.addShareConsumer', group: g.id, consumer: { id } })}
    >
      Add share consumer {id}
    </button>
  );
}

function SharePartition({ p, limit }: { p: SharePartitionView; limit: number }) {
  return (
    <div className="mt-1" data-testid={`share-partition-${p.name}`}>
      <p>
        <span className="font-mono font-semibold">{p.name}</span> · start offset (SPSO) <span data-testid={`spso-${p.name}`}>{p.spso}</span>{' '}
        · end offset (SPEO) <span data-testid={`speo-${p.name}`}>{p.speo}</span> · high watermark {p.highWatermark} · in flight {p.inFlight}{' '}
        · acknowledged {p.acknowledged} · archived {p.archived}
        {!p.initialized && ' · not read yet'}
      </p>
      {p.windowFull && (
        <p role="status" className="text-amber-800 dark:text-amber-300">
          The in-flight window is full: no new record is acquired until the start offset moves.
        </p>
      )}
      <ol className="mt-0.5 flex flex-wrap gap-1" aria-label={`In-flight records of ${p.name}`}>
        {p.records.map((r) => (
          <li
            key={r.offset}
            data-testid={`share-record-${p.name}-${r.offset}`}
            data-state={r.state}
            title={describe(r, limit)}
            className={`min-w-[3.25rem] rounded border px-1 py-0.5 leading-tight ${STATE_STYLE[r.state]}`}
          >
            <span className="sr-only">{describe(r, limit)}</span>
            <span aria-hidden="true" className="block font-mono">
              {r.offset}
            </span>
            <span aria-hidden="true" className="block truncate">
              {r.state === 'acquired' ? r.owner : r.state.slice(0, 5)}
            </span>
            <span aria-hidden="true" className="block">
              ×{r.deliveryCount}
            </span>
          </li>
        ))}
        {p.records.length === 0 && <li className="text-zinc-600 dark:text-zinc-400">nothing in flight</li>}
      </ol>
    </div>
  );
}

function ShareLegend() {
  const chip = (state: ShareRecordView['state'], label: string) => (
    <span className={`rounded border px-1 ${STATE_STYLE[state]}`}>{label}</span>
  );
  return (
    <p className="mt-1 leading-relaxed text-zinc-600 dark:text-zinc-400">
      A cell is an in-flight record: offset, state, ×delivery count. {chip('available', 'avail')} available (released or its lock expired),{' '}
      {chip('acquired', 'name')} acquired under a lock by that consumer, {chip('acknowledged', 'ackno')} acknowledged,{' '}
      {chip('archived', 'archi')} archived (rejected, or delivered share.delivery.count.limit times). The start offset moves past a run of
      finished records only. A share consumer cannot seek, and records are not ordered across consumers.
    </p>
  );
}
