'use client';
import { memo, useState } from 'react';
import type { PublisherLedgerView, RabbitView } from '@/simulator';
import { LedgerTable, type LedgerColumn } from './LedgerTable';
import { useSimStore } from './context';

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;

/**
 * The RabbitMQ cluster, when a scenario has more than one node (or a node died): each node up or down
 * (greyed, with the time it died), what lives on it (classic queues' home, quorum queue members, the
 * leader starred), who is connected to it, and a kill / restart button per node.
 */
export const RabbitNodes = memo(function RabbitNodes({ rabbit }: { rabbit: RabbitView }) {
  const nodes = rabbit.nodes;
  if (!nodes || nodes.length < 2) return null;
  return (
    <section className="mt-2 text-xs" aria-label="RabbitMQ nodes">
      <h3 className="text-sm font-semibold">Nodes</h3>
      <ul className="mt-1 grid gap-2 sm:grid-cols-3">
        {nodes.map((n) => (
          <NodeCard key={n.node} node={n} rabbit={rabbit} />
        ))}
      </ul>
    </section>
  );
});

function NodeCard({ node: n, rabbit }: { node: NonNullable<RabbitView['nodes']>[number]; rabbit: RabbitView }) {
  const store = useSimStore();
  const [problem, setProblem] = useState<string | null>(null);
  const classic = rabbit.queues.filter((q) => q.type !== 'quorum' && q.node === n.node);
  const members = rabbit.queues.flatMap((q) => {
    const m = q.quorum?.members.find((x) => x.node === n.node);
    return m && q.quorum ? [{ queue: q.name, member: m, term: q.quorum.term }] : [];
  });
  const clients = [
    ...rabbit.consumers.filter((c) => c.node === n.node).map((c) => c.id),
    ...(rabbit.ledger ?? []).filter((l) => l.node === n.node).map((l) => l.publisher),
  ];
  const act = () => {
    const input = { type: n.up ? 'rabbitmq.killNode' : 'rabbitmq.startNode', node: n.node };
    void store
      .getState()
      .intervene(input)
      .then((errors) => setProblem(errors && errors.length > 0 ? errors.map((e) => e.message).join('; ') : null));
  };
  return (
    <li
      data-node={n.node}
      data-up={n.up}
      className={`rounded-lg border p-2 ${
        n.up
          ? 'border-rabbit-300 bg-white dark:border-rabbit-800 dark:bg-zinc-900'
          : 'border-dashed border-zinc-400 bg-zinc-100 text-zinc-600 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-400'
      }`}
    >
      <div className="flex items-center justify-between gap-2">
        <h4 className="font-semibold">
          node {n.node} <span className="font-normal">{n.up ? '· up' : `· down since ${seconds(n.downSince ?? 0)}`}</span>
        </h4>
        <button
          type="button"
          onClick={act}
          className="rounded border border-zinc-300 px-2 py-0.5 font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-zinc-600 dark:hover:bg-zinc-800"
          aria-label={n.up ? `Kill node ${n.node}` : `Restart node ${n.node}`}
        >
          {n.up ? 'Kill' : 'Restart'}
        </button>
      </div>
      {members.length > 0 && (
        <ul className="mt-1" aria-label={`Quorum queue members on node ${n.node}`}>
          {members.map(({ queue, member, term }) => (
            <li key={queue}>
              <span className="font-mono">{queue}</span>:{' '}
              {!member.up ? 'member down' : member.leader ? <strong>leader ★ (term {term})</strong> : 'follower'}
              {member.catchingUp ? ', catching up' : ''} · log {member.logLength}
            </li>
          ))}
        </ul>
      )}
      {classic.length > 0 && (
        <p className="mt-1">
          home of{' '}
          {classic.map((q, i) => (
            <span key={q.name}>
              {i > 0 && ', '}
              <span className="font-mono">{q.name}</span>
              {q.available === false ? ' (unavailable)' : ''}
            </span>
          ))}
        </p>
      )}
      {clients.length > 0 && (
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">
          connected: <span className="font-mono">{clients.join(', ')}</span>
        </p>
      )}
      {problem && (
        <p role="alert" className="mt-1 text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
    </li>
  );
}

/** Each quorum queue's Raft group in one line: members, the leader, the commit index. */
export function QuorumMembers({ quorum }: { quorum: NonNullable<RabbitView['queues'][number]['quorum']> }) {
  return (
    <p className="text-zinc-600 dark:text-zinc-400" data-quorum-members>
      members{' '}
      {quorum.members.map((m, i) => (
        <span key={m.node} className={m.up ? '' : 'line-through'}>
          {i > 0 && ', '}
          node {m.node}
          {m.leader ? ' ★ leader' : ''}
          {m.up ? '' : ' (down)'}
        </span>
      ))}
      {quorum.leader === null ? ' · no leader: nothing is confirmed or delivered' : ` · term ${quorum.term}`} · committed{' '}
      {quorum.commitIndex}
      {quorum.uncommitted > 0 ? ` · ${quorum.uncommitted} awaiting a majority` : ''}
      {quorum.waitingForLeader > 0 ? ` · ${quorum.waitingForLeader} publishes waiting for a leader` : ''}
      {` · delivery limit ${quorum.deliveryLimit ?? 'none'}`}
    </p>
  );
}

const ledgerColumns: LedgerColumn<PublisherLedgerView>[] = [
  { key: 'sent', label: 'sent', help: 'Messages published (a resend is the same message).', value: (l) => l.sent },
  { key: 'confirmed', label: 'confirmed', help: 'The broker confirmed them (basic.ack).', value: (l) => l.confirmed },
  {
    key: 'failed',
    label: 'failed',
    help: 'Nacked (basic.nack) and not confirmed by a later resend: the publisher knows.',
    value: (l) => l.failed,
  },
  {
    key: 'inDoubt',
    label: 'in doubt',
    help: 'Sent, then the connection died before an answer: the publisher cannot know whether the broker has them.',
    value: (l) => l.inDoubt,
  },
  { key: 'lost', label: 'lost', help: 'No copy left for any consumer and none was consumed.', value: (l) => l.lost, alarm: true },
  {
    key: 'confirmedLost',
    label: 'confirmed but lost',
    help: 'Lost although the broker had confirmed them (e.g. transient messages on a node that died).',
    value: (l) => l.confirmedLost,
    alarm: true,
  },
  {
    key: 'duplicatesDelivered',
    label: 'duplicates delivered',
    help: 'Deliveries of a second copy of a message a consumer already received (resends after a missing confirm).',
    value: (l) => l.duplicatesDelivered,
    alarm: true,
  },
];

/** The publisher ledger: what became of each publisher's messages. */
export function PublisherLedger({ ledger }: { ledger: readonly PublisherLedgerView[] }) {
  return (
    <LedgerTable
      caption="Publisher ledger"
      rows={ledger}
      rowKey={(l) => l.publisher}
      rowLabel={(l) => (
        <>
          {l.publisher}
          <span className="font-sans text-zinc-600 dark:text-zinc-400">{l.confirms ? ' (confirms)' : ' (no confirms)'}</span>
        </>
      )}
      columns={ledgerColumns}
      note="Without confirms a publisher never learns of a loss; with confirms it knows what failed or is in doubt, and resending what is in doubt can deliver duplicates."
    />
  );
}
