'use client';
import { memo, useId, useMemo, useState } from 'react';
import type { GroupView, KafkaView } from '@/simulator';
import { bounded, LAZY_ROWS, MEMBERS_SHOWN, partitionsShown } from '@/lib/simulate/bounded';
import { kafkaRows, type PartitionRowModel } from '@/lib/simulate/view-model';
import { StripRow } from './KafkaStripRow';
import { LaneFrame } from './LaneFrame';
import { ShowMore } from './ShowMore';
import { WholeRow } from './KafkaWholeRow';
import { KafkaReplicas, replicatedPartitions } from './KafkaReplicas';
import { ShareGroups } from './ShareGroupView';
import { KafkaLegend } from './KafkaLegend';
import { useSim } from './context';
import { useHeldOffScreen } from './useHeldOffScreen';

/**
 * Past this many marker tracks (partitions × the groups reading them) the markers step instead of
 * gliding (simulate.css, data-dense): each glide that starts makes the compositor sort the page's
 * layers again, and with the heavy scenario's 18 tracks that was a third of every frame at 1×.
 */
const DENSE_TRACKS = 12;

export const KafkaLane = memo(function KafkaLane({ kafka, cap, whole = false }: { kafka: KafkaView; cap: number; whole?: boolean }) {
  const topics = useMemo(() => kafkaRows(kafka, cap), [kafka, cap]);
  const replicated = useMemo(() => replicatedPartitions(kafka.topics), [kafka.topics]);
  const lazy = topics.reduce((n, t) => n + t.rows.length, 0) > LAZY_ROWS;
  const dense = topics.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.tracks.length, 0), 0) > DENSE_TRACKS;
  return (
    <LaneFrame broker="kafka" title="Kafka" tagline="a log per partition; reading moves a position, deletes nothing">
      {topics.map((t) => (
        <div key={t.topic} className="mt-3" data-dense={dense}>
          <h3 className="text-sm font-semibold">
            Topic <span className="font-mono">{t.topic}</span>{' '}
            <span className="font-normal text-zinc-600 dark:text-zinc-400">(cleanup.policy={t.cleanupPolicy})</span>
          </h3>
          <TopicRows topic={t.topic} rows={t.rows} limit={partitionsShown(topics.length)} lazy={lazy} whole={whole} />
        </div>
      ))}
      <KafkaLegend whole={whole} />
      {kafka.cluster && <KafkaReplicas cluster={kafka.cluster} partitions={replicated} />}
      <Groups groups={kafka.groups} />
      {kafka.shareGroups && <ShareGroups groups={kafka.shareGroups} />}
    </LaneFrame>
  );
});

/**
 * A topic's partitions: the first `limit` (partitionsShown), then "+N more" that opens them all. When `lazy`,
 * each row skips style, layout and paint while off screen (kvr-lazy), so even an opened topic of 64
 * partitions draws only what is in view.
 */
function TopicRows({
  topic,
  rows,
  limit,
  lazy,
  whole,
}: {
  topic: string;
  rows: PartitionRowModel[];
  limit: number;
  lazy: boolean;
  whole: boolean;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const playing = useSim((s) => s.playing);
  const { shown, more } = bounded(rows, limit, open);
  return (
    <>
      <div id={id}>
        {shown.map((row) => (
          <PartitionRow key={row.name} row={row} lazy={lazy} whole={whole} playing={playing} />
        ))}
      </div>
      <ShowMore
        more={more}
        open={open}
        total={rows.length}
        noun="partitions"
        of={`topic ${topic}`}
        controls={id}
        onToggle={() => setOpen(!open)}
      />
    </>
  );
}

/** One partition, strip or "Whole log"; while playing, it holds its moment while far off screen (useHeldOffScreen). */
function PartitionRow({ row, lazy, whole, playing }: { row: PartitionRowModel; lazy: boolean; whole: boolean; playing: boolean }) {
  const { ref, shown } = useHeldOffScreen(row, playing);
  return (
    <div ref={ref} className={lazy ? 'kvr-lazy' : undefined}>
      {whole ? <WholeRow row={shown} /> : <StripRow row={shown} />}
    </div>
  );
}

const Groups = memo(
  function Groups({ groups }: { groups: GroupView[] }) {
    if (groups.length === 0) return null;
    return (
      <div className="mt-3 grid gap-2 sm:grid-cols-2">
        {groups.map((g) => (
          <GroupCard key={g.id} g={g} />
        ))}
      </div>
    );
  },
  (a, b) => JSON.stringify(a.groups) === JSON.stringify(b.groups),
);

/** One group: its settings and total lag, then its consumers (the first MEMBERS_SHOWN, then "+N more"). */
function GroupCard({ g }: { g: GroupView }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const { shown, more } = bounded(g.members, MEMBERS_SHOWN, open);
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-2 text-xs dark:border-zinc-800 dark:bg-zinc-900" data-group-card={g.id}>
      <h3 className="text-sm font-semibold">
        Group <span className="font-mono">{g.id}</span>
        {g.rebalancing && (
          <span className="ml-2 rounded bg-amber-100 px-1 text-amber-900 dark:bg-amber-900 dark:text-amber-100">rebalancing</span>
        )}
      </h3>
      <p className="text-zinc-600 dark:text-zinc-400">
        {g.groupProtocol === 'consumer'
          ? `group.protocol=consumer (KIP-848), assignor ${g.groupRemoteAssignor} · group epoch ${g.groupEpoch}`
          : `${g.strategy} · generation ${g.generation}`}{' '}
        · {g.enableAutoCommit ? 'auto-commit' : 'commit after processing'} · auto.offset.reset={g.autoOffsetReset} · total lag {g.totalLag}
      </p>
      {g.rebalanceStats && (
        <p data-testid={`rebalance-stats-${g.id}`}>
          Rebalances {g.rebalanceStats.rebalances} · partitions paused {(g.rebalanceStats.pausedPartitionMs / 1000).toFixed(1)} partition-s
          · records processed while rebalancing {g.rebalanceStats.processedDuringRebalance} · time rebalancing{' '}
          {(g.rebalanceStats.rebalancingMs / 1000).toFixed(1)} s
        </p>
      )}
      <ul className="mt-1 space-y-0.5" id={id}>
        {shown.map((m) => (
          <li key={m.id}>
            <span className="font-semibold">{m.id}</span> <span className="text-zinc-600 dark:text-zinc-400">({m.status})</span>:{' '}
            {m.partitions.length === 0
              ? 'no partition'
              : m.partitions
                  .map((p) => `${p.partition} position ${p.position}, committed ${p.committedOffset ?? '–'}, lag ${p.lag ?? '–'}`)
                  .join('; ')}
            {m.processing.length > 0 &&
              ` · processing ${m.processing.map((p) => `${p.topic}-${p.partition} offsets ${p.fromOffset}–${p.toOffset - 1}`).join(', ')}`}
          </li>
        ))}
        {g.members.length === 0 && <li className="text-zinc-600 dark:text-zinc-400">no consumers</li>}
      </ul>
      <ShowMore
        more={more}
        open={open}
        total={g.members.length}
        noun="consumers"
        of={`group ${g.id}`}
        controls={id}
        onToggle={() => setOpen(!open)}
      />
    </div>
  );
}
