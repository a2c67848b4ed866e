'use client';
import { parseBatch } from '@/lib/routing/keys';
import { route, type Publish, type Topology } from '@/simulator/rabbitmq/routing';
import { validateRoutingKey } from '@/simulator/rabbitmq/topic';
import { Breakable } from '@/components/ui/Breakable';
import { Field, inputClass } from './ui';

interface Props {
  text: string;
  onText: (text: string) => void;
  topology: Topology;
  /** The publish every line shares; each line only changes the routing key. */
  base: Omit<Publish, 'routingKey'>;
}

const OUTCOME = { routed: 'routed', dropped: 'dropped', returned: 'returned (mandatory)' } as const;

export function BatchTable({ text, onText, topology, base }: Props) {
  const { keys, capped } = parseBatch(text);
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
      <Field
        label="Routing keys, one per line"
        hint={capped ? 'Only the first 500 lines are routed.' : 'Same exchange, headers and mandatory flag as above.'}
      >
        {(ids) => (
          <textarea {...ids} rows={8} className={inputClass} value={text} onChange={(e) => onText(e.target.value)} spellCheck={false} />
        )}
      </Field>
      <div
        className="max-h-96 overflow-auto rounded-md border border-zinc-200 dark:border-zinc-700"
        tabIndex={0}
        role="region"
        aria-label="Batch results"
      >
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-zinc-100 dark:bg-zinc-800">
            <tr>
              <th scope="col" className="px-2 py-1">
                Routing key
              </th>
              <th scope="col" className="px-2 py-1">
                Queues
              </th>
              <th scope="col" className="px-2 py-1">
                Outcome
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((routingKey, i) => {
              const problem = validateRoutingKey(routingKey);
              const r = problem ? null : route(topology, { ...base, routingKey });
              return (
                <tr key={i} className="border-t border-zinc-200 dark:border-zinc-700">
                  <td className="px-2 py-1 font-mono break-words">{routingKey === '' ? '(empty)' : <Breakable text={routingKey} />}</td>
                  <td className="px-2 py-1 font-mono break-words">
                    {r && r.queues.length > 0
                      ? r.queues.map((q, j) => (
                          <span key={q}>
                            {j > 0 && ', '}
                            <Breakable text={q} />
                          </span>
                        ))
                      : '—'}
                  </td>
                  <td className="px-2 py-1">
                    {problem ? (
                      <span className="text-red-700 dark:text-red-400">{problem}</span>
                    ) : r!.error ? (
                      r!.error
                    ) : (
                      `${OUTCOME[r!.outcome]}${r!.viaAlternate ? ' via alternate exchange' : ''}`
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {keys.length === 0 && <p className="p-2 text-sm text-zinc-600 dark:text-zinc-400">Type routing keys to see where each goes.</p>}
      </div>
    </div>
  );
}
