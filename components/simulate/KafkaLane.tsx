'use client';
import { memo, useMemo } from 'react';
import type { GroupView, KafkaView } from '@/simulator';
import { kafkaRows } from '@/lib/simulate/view-model';
import { StripRow } from './KafkaStripRow';
import { LaneFrame } from './LaneFrame';
import { WholeRow } from './KafkaWholeRow';
import { KafkaReplicas, replicatedPartitions } from './KafkaReplicas';
import { ShareGroups } from './ShareGroupView';
import { KafkaLegend } from './KafkaLegend';

export const KafkaLane = memo(function KafkaLane({ kafka, cap, whole = false }: { kafka: KafkaView; cap: number; whole?: boolean }) {
  const topics = useMemo(() => kafkaRows(kafka, cap), [kafka, cap]);
  const replicated = useMemo(() => replicatedPartitions(kafka.topics), [kafka.topics]);
  return (
    <LaneFrame broker="kafka" title="Kafka" tagline="a log per partition; reading moves a position, deletes nothing">
      {topics.map((t) => (
        <div key={t.topic} className="mt-3">
          <h3 className="text-sm font-semibold">
            Topic <span className="font-mono">{t.topic}</span>{' '}
            <span className="font-normal text-zinc-600 dark:text-zinc-400">(cleanup.policy={t.cleanupPolicy})</span>
          </h3>
          {t.rows.map((row) => (whole ? <WholeRow key={row.name} row={row} /> : <StripRow key={row.name} row={row} />))}
        </div>
      ))}
      <KafkaLegend whole={whole} />
      {kafka.cluster && <KafkaReplicas cluster={kafka.cluster} partitions={replicated} />}
      <Groups groups={kafka.groups} />
      {kafka.shareGroups && <ShareGroups groups={kafka.shareGroups} />}
    </LaneFrame>
  );
});

const Groups = memo(
  function Groups({ groups }: { groups: GroupView[] }) {
    if (groups.length === 0) return null;
    return (
      <div className="mt-3 grid gap-2 sm:grid-cols-2">
        {groups.map((g) => (
          <div key={g.id} className="rounded-lg border border-zinc-200 bg-white p-2 text-xs dark:border-zinc-800 dark:bg-zinc-900">
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
              · {g.enableAutoCommit ? 'auto-commit' : 'commit after processing'} · auto.offset.reset={g.autoOffsetReset} · total lag{' '}
              {g.totalLag}
            </p>
            {g.rebalanceStats && (
              <p data-testid={`rebalance-stats-${g.id}`}>
                Rebalances {g.rebalanceStats.rebalances} · partitions paused {(g.rebalanceStats.pausedPartitionMs / 1000).toFixed(1)}{' '}
                partition-s · records processed while rebalancing {g.rebalanceStats.processedDuringRebalance} · time rebalancing{' '}
                {(g.rebalanceStats.rebalancingMs / 1000).toFixed(1)} s
              </p>
            )}
            <ul className="mt-1 space-y-0.5">
              {g.members.map((m) => (
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
          </div>
        ))}
      </div>
    );
  },
  (a, b) => JSON.stringify(a.groups) === JSON.stringify(b.groups),
);
