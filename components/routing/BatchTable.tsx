'use client';
import { useMemo } from 'react';
import { MAX_BATCH_EXCHANGE_VISITS, routeBatch } from '@/lib/routing/batch';
import { parseBatch } from '@/lib/routing/keys';
import type { Publish, Topology } from '@/simulator/rabbitmq/routing';
import { Breakable } from '@/components/ui/Breakable';
import { DataTable } from '@/components/ui/DataTable';
import { Field, inputClass } from './ui';
import { count } from '@/lib/format';

interface Props {
  text: string;
  onText: (text: string) => void;
  topology: Topology;
  /** The publish every line shares; each line only changes the routing key. */
  base: Omit<Publish, 'routingKey'>;
}

const OUTCOME = { routed: 'routed', dropped: 'dropped', returned: 'returned (mandatory)' } as const;
const MAX_VISITS = count(MAX_BATCH_EXCHANGE_VISITS);
/** Queues named per line; a fanout to thousands of queues lists the first few and counts the rest. */
const ROW_QUEUES = 10;

export function BatchTable({ text, onText, topology, base }: Props) {
  const { keys, capped } = useMemo(() => parseBatch(text), [text]);
  // Props are memoised by the playground, so typing elsewhere on the page does not route every line again.
  const { rows, unrouted } = useMemo(() => routeBatch(topology, base, keys), [topology, base, keys]);
  const hint = unrouted
    ? `${count(unrouted)} line${unrouted === 1 ? ' is' : 's are'} not routed: each message passes many exchanges in this topology, and the table stops at ${MAX_VISITS} exchanges passed in all.`
    : capped
      ? 'Only the first 500 lines are routed.'
      : 'Same exchange, headers and mandatory flag as above.';
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
      <Field label="Routing keys, one per line" hint={hint}>
        {(ids) => (
          <textarea {...ids} rows={8} className={inputClass} value={text} onChange={(e) => onText(e.target.value)} spellCheck={false} />
        )}
      </Field>
      <div>
        <DataTable
          look="boxed"
          region="Batch results"
          className="max-h-96"
          caption="Where each routing key goes"
          captionHidden
          rows={rows}
          rowKey={(_, i) => i}
          columns={[
            {
              header: 'Routing key',
              className: 'font-mono break-words',
              cell: ({ routingKey }) => (routingKey === '' ? '(empty)' : <Breakable text={routingKey} />),
            },
            {
              header: 'Queues',
              className: 'font-mono break-words',
              cell: ({ result: r }) => (
                <>
                  {r && r.queues.length > 0
                    ? r.queues.slice(0, ROW_QUEUES).map((q, j) => (
                        <span key={q}>
                          {j > 0 && ', '}
                          <Breakable text={q} />
                        </span>
                      ))
                    : '—'}
                  {r && r.queues.length > ROW_QUEUES && ` and ${count(r.queues.length - ROW_QUEUES)} more`}
                </>
              ),
            },
            {
              header: 'Outcome',
              cell: ({ problem, result: r }) =>
                problem ? (
                  <span className="text-red-700 dark:text-red-400">{problem}</span>
                ) : !r ? (
                  'not routed (the table’s limit was reached)'
                ) : r.error ? (
                  r.error
                ) : (
                  `${OUTCOME[r.outcome]}${r.viaAlternate ? ' via alternate exchange' : ''}`
                ),
            },
          ]}
        />
        {keys.length === 0 && <p className="p-2 text-sm text-zinc-600 dark:text-zinc-400">Type routing keys to see where each goes.</p>}
      </div>
    </div>
  );
}
