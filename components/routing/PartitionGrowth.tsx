'use client';
import { useMemo, useState } from 'react';
import { DataTable } from '@/components/ui/DataTable';
import { showKey } from '@/lib/routing/keys';
import { moves, type Growth, type GrowthRow, type Placement } from '@/lib/routing/partitions';
import { kafkaHeading, panelClass, Source } from './ui';
import { count } from '@/lib/format';

/** Rows the table shows at most; the counts above it use every key. */
const TABLE_ROWS = 200;
const pct = (n: number, d: number) => (d === 0 ? '0%' : `${((100 * n) / d).toFixed(1)}%`);

const FILTERS = {
  either: { label: 'that move under either client', keep: (r: GrowthRow) => moves(r.java) || moves(r.librdkafka) },
  java: { label: 'that move under Java', keep: (r: GrowthRow) => moves(r.java) },
  librdkafka: { label: 'that move under librdkafka', keep: (r: GrowthRow) => moves(r.librdkafka) },
  all: { label: 'every key', keep: () => true },
} as const;
type Filter = keyof typeof FILTERS;

/** Which clients' defaults move the key, in words. */
function movesUnder(r: GrowthRow): string {
  const [j, l] = [moves(r.java), moves(r.librdkafka)];
  if (j && l) return 'both';
  if (j) return r.librdkafka ? 'Java only' : 'Java (librdkafka: random)';
  if (l) return 'librdkafka only';
  return 'neither';
}

function PlacementCell({ p }: { p: Placement | null }) {
  if (!p) return <span className="text-zinc-600 dark:text-zinc-400">random (sticky) before and after</span>;
  const moved = p.from !== p.to;
  return (
    <span className="font-mono whitespace-nowrap">
      {p.from} → {p.to}
      {moved ? (
        <span className="ml-1.5 rounded bg-kafka-700 px-1 font-sans text-xs text-white dark:bg-kafka-300 dark:text-kafka-950">moves</span>
      ) : (
        <span className="ml-1.5 font-sans text-xs text-zinc-600 dark:text-zinc-400">stays</span>
      )}
    </span>
  );
}

/** Growing a topic: each key's partition before and after, under each client's default partitioner. */
export function PartitionGrowth({ grow, from, to }: { grow: Growth; from: number; to: number }) {
  const [filter, setFilter] = useState<Filter>('either');
  const shown = useMemo(() => grow.rows.filter(FILTERS[filter].keep), [grow, filter]);
  const counts = useMemo(
    () => Object.fromEntries(Object.entries(FILTERS).map(([k, f]) => [k, grow.rows.filter(f.keep).length])) as Record<Filter, number>,
    [grow],
  );
  return (
    <div className={panelClass} data-testid="growth">
      <h3 className={kafkaHeading}>
        Growing from {from} to {to} partitions
      </h3>
      <p className="mt-1 text-sm" data-testid="growth-summary">
        Java: <strong>{count(grow.javaMoves)}</strong> of {count(grow.javaKeys)} keys move ({pct(grow.javaMoves, grow.javaKeys)});
        librdkafka: <strong>{count(grow.librdkafkaMoves)}</strong> of {count(grow.librdkafkaKeys)} (
        {pct(grow.librdkafkaMoves, grow.librdkafkaKeys)}
        ).{' '}
        {grow.oneClientMoves > 0 &&
          `${count(grow.oneClientMoves)} ${grow.oneClientMoves === 1 ? 'key moves' : 'keys move'} under one client's default and not the other's. `}
        Existing messages stay where they are, so a moved key&apos;s old and new messages sit on different partitions and per-key order
        across the change is lost (
        <Source href="https://kafka.apache.org/documentation/#basic_ops_modify_topic">Kafka docs: modifying topics</Source>
        ).
      </p>
      <fieldset className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="mb-1 font-medium text-zinc-800 dark:text-zinc-200">Show keys</legend>
        {(Object.keys(FILTERS) as Filter[]).map((f) => (
          <label key={f} className="inline-flex items-center gap-1.5">
            <input type="radio" name="growth-filter" checked={filter === f} onChange={() => setFilter(f)} />
            {FILTERS[f].label} ({count(counts[f])})
          </label>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">No key {FILTERS[filter].label.replace(/^that /, '')}.</p>
      ) : (
        <DataTable
          look="boxed"
          region="Each key's partition before and after"
          className="mt-2 max-h-[28rem]"
          tableClassName="min-w-[36rem]"
          testId="growth-table"
          caption={`Each key's partition with ${from} partitions and with ${to}, under each client's default`}
          captionHidden
          rows={shown.slice(0, TABLE_ROWS)}
          rowKey={(r) => r.key}
          columns={[
            {
              header: 'Key',
              rowHeader: true,
              className: 'min-w-[9rem] font-mono font-normal [overflow-wrap:anywhere]',
              cell: (r) => showKey(r.key),
            },
            { header: `Java default (murmur2): ${from} → ${to}`, cell: (r) => <PlacementCell p={r.java} /> },
            { header: `librdkafka default (consistent_random): ${from} → ${to}`, cell: (r) => <PlacementCell p={r.librdkafka} /> },
            { header: 'Moves under', cell: movesUnder },
          ]}
        />
      )}
      {shown.length > TABLE_ROWS && (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          Showing the first {TABLE_ROWS} of {count(shown.length)} keys; the counts use every key.
        </p>
      )}
    </div>
  );
}
