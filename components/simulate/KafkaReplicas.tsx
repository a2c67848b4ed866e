'use client';
// The Kafka cluster when a scenario has more than one broker (#16): each broker (up, down since when,
// fenced) with kill / restart and stall / resume-fetching buttons, each partition's replicas with
// leader, ISR membership, log-end offset and high watermark, and each producer's ledger. Everything
// shown comes from the engine's snapshot (ClusterView, ReplicationView): nothing is re-derived here.
import { memo } from 'react';
import type { BrokerView, ClusterView, InterventionInput, ProducerLedgerView, ReplicationView, TopicView } from '@/simulator';
import { useSimStore } from './context';
import { LedgerTable, type LedgerColumn } from './LedgerTable';
import { useIntervene } from './useIntervene';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const REPLICA_COLUMNS = ['Broker', 'Role', 'In ISR', 'Log-end offset', 'High watermark'];

const button =
  'rounded border border-zinc-300 bg-white px-2 py-0.5 text-xs font-medium hover:bg-zinc-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800';

/** A partition's name and replication: all this view draws of it (not its records, which change every frame). */
export interface ReplicatedPartition {
  name: string;
  replication: ReplicationView;
}

/** The replicated partitions of a snapshot's topics. */
export function replicatedPartitions(topics: readonly TopicView[]): ReplicatedPartition[] {
  return topics.flatMap((t) => t.partitions.flatMap((p) => (p.replication ? [{ name: p.name, replication: p.replication }] : [])));
}

export const KafkaReplicas = memo(
  function KafkaReplicas({ cluster, partitions }: { cluster: ClusterView; partitions: ReplicatedPartition[] }) {
    useSimStore(); // a provider is required for the buttons
    return (
      <section aria-label="Kafka cluster" className="mt-3" data-testid="kafka-cluster">
        <h3 className="text-sm font-semibold">Brokers</h3>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          A killed broker is noticed by the controller after broker.session.timeout.ms ({seconds(cluster.brokerSessionTimeoutMs)} here) and
          then fenced: it leaves every ISR and loses its leaderships. A follower that has not caught up for replica.lag.time.max.ms (
          {seconds(cluster.replicaLagTimeMaxMs)}) leaves the ISR.
        </p>
        <ul className="mt-1 grid gap-2 sm:grid-cols-3">
          {cluster.brokers.map((b) => (
            <Broker key={b.id} broker={b} />
          ))}
        </ul>
        <div className="mt-2 grid gap-2">
          {partitions.map((p) => (
            <Replicas key={p.name} partition={p} brokers={cluster.brokers} />
          ))}
        </div>
        <Ledger ledger={cluster.ledger} />
      </section>
    );
  },
  (a, b) => JSON.stringify(a) === JSON.stringify(b),
);

function statusText(b: BrokerView): string {
  if (b.status === 'up') return b.fetching ? 'up' : 'up, replica fetcher stalled';
  const since = b.diedAt === null ? '' : ` at ${seconds(b.diedAt)}`;
  return b.status === 'down' ? `died${since}, not fenced yet` : `died${since}, fenced by the controller`;
}

function Broker({ broker: b }: { broker: BrokerView }) {
  const act = useIntervene();
  const dead = b.status !== 'up';
  const iv = (type: InterventionInput['type']) => act({ type, broker: b.id } as InterventionInput);
  return (
    <li
      data-testid={`broker-${b.id}`}
      data-status={b.status}
      className={`rounded-lg border p-2 text-xs ${
        dead
          ? 'border-dashed border-zinc-300 bg-zinc-100 text-zinc-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-500'
          : 'border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900'
      }`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <span className="text-sm font-semibold">Broker {b.id}</span>
        <span data-testid={`broker-${b.id}-status`}>{statusText(b)}</span>
      </div>
      <p className="mt-0.5">{b.leads.length ? `leads ${b.leads.join(', ')}` : 'leads nothing'}</p>
      <div className="mt-1 flex flex-wrap gap-1">
        {dead ? (
          <button type="button" className={button} onClick={() => iv('kafka.startBroker')}>
            Restart broker {b.id}
          </button>
        ) : (
          <>
            <button type="button" className={button} onClick={() => iv('kafka.killBroker')}>
              Kill broker {b.id}
            </button>
            <button
              type="button"
              className={button}
              aria-pressed={!b.fetching}
              title="Its replicas stop copying from their leaders, so they fall behind (and leave the ISR after replica.lag.time.max.ms)"
              onClick={() => iv(b.fetching ? 'kafka.pauseFetching' : 'kafka.resumeFetching')}
            >
              {b.fetching ? `Stall broker ${b.id}'s fetcher` : `Resume broker ${b.id}'s fetcher`}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

function Replicas({ partition: p, brokers }: { partition: ReplicatedPartition; brokers: BrokerView[] }) {
  const r = p.replication;
  const leaderLeo = r.replicas.find((x) => x.role === 'leader')?.logEndOffset ?? Math.max(0, ...r.replicas.map((x) => x.logEndOffset));
  const scale = Math.max(1, leaderLeo, ...r.replicas.map((x) => x.logEndOffset));
  const diedAt = (id: number) => brokers.find((b) => b.id === id)?.diedAt ?? null;
  return (
    <div
      data-testid={`replicas-${p.name}`}
      className="overflow-x-auto rounded-lg border border-zinc-200 bg-white p-2 text-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <p className="font-semibold">
        <span className="font-mono">{p.name}</span>{' '}
        <span className="font-normal">
          {r.leader === null ? 'offline: no eligible replica to lead' : `leader broker ${r.leader}`} · leader epoch {r.leaderEpoch} · ISR{' '}
          {`{${r.isr.join(', ')}}`} · high watermark <span data-testid={`hw-${p.name}`}>{r.highWatermark}</span> · min.insync.replicas{' '}
          {r.minInsyncReplicas}
        </span>
      </p>
      {r.underMinIsr && (
        <p role="status" className="mt-0.5 text-red-700 dark:text-red-400">
          ISR below min.insync.replicas: acks=all writes fail with NOT_ENOUGH_REPLICAS, and the high watermark stands still.
        </p>
      )}
      {r.leaderUnreachable && (
        <p className="mt-0.5 text-amber-800 dark:text-amber-300">
          The leader is down and not fenced yet: clients cannot reach this partition.
        </p>
      )}
      <table className="mt-1 w-full border-collapse text-left">
        <caption className="sr-only">Replicas of {p.name}</caption>
        <thead className="text-zinc-600 dark:text-zinc-400">
          <tr>
            {REPLICA_COLUMNS.map((c) => (
              <th key={c} scope="col" className="pr-2 font-medium">
                {c}
              </th>
            ))}
            <th scope="col" className="w-1/3 font-medium">
              <span className="sr-only">Log drawn to scale</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {r.replicas.map((x) => {
            const died = diedAt(x.broker);
            return (
              <tr
                key={x.broker}
                data-testid={`replica-${p.name}-${x.broker}`}
                className={x.alive ? '' : 'text-zinc-400 dark:text-zinc-600'}
              >
                <th scope="row" className="pr-2 font-medium">
                  {x.broker}
                  {!x.alive && died !== null && <span className="ml-1 font-normal">(died at {seconds(died)})</span>}
                </th>
                <td className="pr-2">
                  {x.role === 'leader' ? <strong>leader</strong> : x.fetching ? 'follower' : 'follower, not fetching'}
                </td>
                <td className="pr-2">{x.inIsr ? 'yes' : x.lagMs > 0 ? `no (behind ${seconds(x.lagMs)})` : 'no'}</td>
                <td className="pr-2 font-mono">{x.logEndOffset}</td>
                <td className="pr-2 font-mono">{x.highWatermark}</td>
                <td aria-hidden="true">
                  <div className="relative h-2 rounded bg-zinc-100 dark:bg-zinc-800">
                    <div
                      className={`absolute inset-y-0 left-0 rounded ${x.divergentFrom !== null ? 'bg-red-400 dark:bg-red-700' : x.inIsr ? 'bg-emerald-500 dark:bg-emerald-600' : 'bg-amber-400 dark:bg-amber-600'}`}
                      style={{ width: `${(100 * x.logEndOffset) / scale}%` }}
                    />
                    <div
                      className="absolute inset-y-[-2px] w-0.5 bg-zinc-900 dark:bg-zinc-100"
                      style={{ left: `${(100 * r.highWatermark) / scale}%` }}
                    />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {r.replicas.some((x) => x.divergentFrom !== null) && (
        <p className="mt-0.5 text-red-700 dark:text-red-400">
          Red: a replica holds offsets from {Math.min(...r.replicas.filter((x) => x.divergentFrom !== null).map((x) => x.divergentFrom!))}{' '}
          on that the leader does not have; it truncates them when it fetches again.
        </p>
      )}
    </div>
  );
}

const LEDGER_COLUMNS: readonly LedgerColumn<ProducerLedgerView>[] = [
  { key: 'sent', label: 'sent', help: 'Records handed to send()', value: (l) => l.sent },
  {
    key: 'acknowledged',
    label: 'acknowledged',
    help: 'The producer was told they were written (acks=0: as soon as they were sent)',
    value: (l) => l.acknowledged,
  },
  {
    key: 'failed',
    label: 'failed',
    help: 'The producer gave up (retries or delivery.timeout.ms): the application got an error',
    value: (l) => l.failed,
  },
  { key: 'pending', label: 'pending', help: 'Waiting for a leader, a retry or the in-sync replicas', value: (l) => l.pending },
  {
    key: 'acknowledgedButLost',
    label: 'acknowledged but lost',
    help: 'Acknowledged, yet no longer in the partition: no consumer can ever read them',
    value: (l) => l.acknowledgedButLost,
    alarm: true,
  },
  {
    key: 'duplicatesDelivered',
    label: 'duplicates delivered',
    help: 'Extra copies that retries wrote: every consumer reads them again',
    value: (l) => l.duplicatesDelivered,
    alarm: true,
  },
];

/** Each producer: what it sent, what it was told, and what became of it. */
function Ledger({ ledger }: { ledger: ProducerLedgerView[] }) {
  return (
    <div data-testid="producer-ledger">
      <LedgerTable
        caption="Producer ledger"
        rowHeading="producer"
        rows={ledger}
        rowKey={(l) => l.producer}
        rowLabel={(l) => (
          <>
            {l.producer}
            <span className="font-sans text-zinc-600 dark:text-zinc-400">
              {' '}
              → {l.topic} (acks={l.acks}
              {l.idempotent ? ', idempotent' : ''})
            </span>
          </>
        )}
        columns={LEDGER_COLUMNS}
        note="Acknowledged but lost: the producer was told the record was written, and no consumer can ever read it. Duplicates delivered: extra copies that retries wrote, which every consumer reads again."
      />
    </div>
  );
}
