import { memo, useMemo } from 'react';
import { explainBinding } from '@/lib/routing/explain';
import type { ImportedTopology } from '@/lib/routing/state';
import { DEFAULT_EXCHANGE, type Binding, type Publish, type RouteResult } from '@/simulator/rabbitmq/routing';
import { BindingWhy } from './BindingWhy';
import { Source } from './ui';
import { count } from '@/lib/format';

interface Props {
  imported: ImportedTopology;
  msg: Publish | null;
  result: RouteResult | null;
}

/** An imported file can hold tens of thousands of each: the page shows this many and counts the rest. */
const SHOWN_EXCHANGES = 20;
const SHOWN_BINDINGS = 50;
const SHOWN_QUEUES = 200;

const more = (n: number, what: string) => `…and ${count(n)} more ${what}`;

/** The bindings of every exchange the message passed through, and the vhost's queues lit or not. */
export function ImportedView({ imported, msg, result }: Props) {
  const { topology } = imported;
  const { types, bySource } = useMemo(() => {
    const bySource = new Map<string, Binding[]>();
    for (const b of topology.bindings) {
      const list = bySource.get(b.exchange);
      if (list) list.push(b);
      else bySource.set(b.exchange, [b]);
    }
    return { types: new Map(topology.exchanges.map((x) => [x.name, x.type])), bySource };
  }, [topology]);
  const visited = result?.exchangesVisited ?? [];
  return (
    <div className="space-y-4">
      {visited.slice(0, SHOWN_EXCHANGES).map((x) => {
        if (x === DEFAULT_EXCHANGE && msg) return <DefaultExchange key="" msg={msg} reached={(result?.queues.length ?? 0) > 0} />;
        const bindings = bySource.get(x) ?? [];
        const type = types.get(x);
        return (
          <section key={x} aria-label={`Bindings of ${x}`} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
            <h4 className="font-semibold">
              Exchange <span className="font-mono">{x}</span>{' '}
              <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">({type})</span>
            </h4>
            {bindings.length === 0 && <p className="text-sm text-zinc-700 dark:text-zinc-300">No bindings.</p>}
            <ul className="mt-2 space-y-2">
              {bindings.slice(0, SHOWN_BINDINGS).map((b, i) => (
                <li key={i} className="border-t border-zinc-200 pt-2 first:border-0 first:pt-0 dark:border-zinc-700">
                  <p className="text-sm">
                    → {b.destinationType === 'exchange' ? 'exchange' : 'queue'} <span className="font-mono font-medium">{b.queue}</span>
                    {type !== 'headers' && type !== 'fanout' && (
                      <>
                        {' '}
                        with binding key <span className="font-mono">{b.bindingKey === '' ? '(empty)' : b.bindingKey}</span>
                      </>
                    )}
                  </p>
                  {msg && type && <BindingWhy why={explainBinding(type, b, msg)} />}
                </li>
              ))}
            </ul>
            {bindings.length > SHOWN_BINDINGS && (
              <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{more(bindings.length - SHOWN_BINDINGS, 'bindings')}</p>
            )}
          </section>
        );
      })}
      {visited.length > SHOWN_EXCHANGES && (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          The message passed {count(visited.length)} exchanges; the first {SHOWN_EXCHANGES} are shown.
        </p>
      )}
      <ImportedQueues vhost={imported.vhost} queues={topology.queues} reached={result?.queues ?? null} />
      {imported.notes.length > 0 && (
        <div className="text-sm text-zinc-700 dark:text-zinc-300">
          <p className="font-medium">Notes on this import</p>
          <ul className="list-disc pl-5 break-words">
            {imported.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The vhost's queues, those that get the message first; memoised so typing does not redraw thousands. */
const ImportedQueues = memo(function ImportedQueues({
  vhost,
  queues,
  reached,
}: {
  vhost: string;
  queues: string[];
  reached: string[] | null;
}) {
  const lit = new Set(reached ?? []);
  const shown = queues.length <= SHOWN_QUEUES ? queues : [...queues.filter((q) => lit.has(q)), ...queues.filter((q) => !lit.has(q))];
  const rest = shown.length - SHOWN_QUEUES;
  return (
    <div>
      <h4 className="font-semibold">Queues in vhost {vhost}</h4>
      <ul className="mt-2 flex flex-wrap gap-2" aria-label="Imported queues">
        {shown.slice(0, SHOWN_QUEUES).map((q) => {
          const on = lit.has(q);
          return (
            <li
              key={q}
              data-lit={on}
              className={`rounded-md border-2 px-2 py-1 font-mono text-sm break-all ${on ? 'border-rabbit-500 bg-rabbit-50 font-semibold dark:border-rabbit-400 dark:bg-rabbit-950/50' : 'border-zinc-200 dark:border-zinc-700'}`}
            >
              {on && <span aria-hidden="true">● </span>}
              {q}
              {on && <span className="sr-only"> (gets a copy)</span>}
            </li>
          );
        })}
      </ul>
      {rest > 0 && (
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{more(rest, 'queues (the ones that get a copy come first)')}</p>
      )}
    </div>
  );
});

/** The default exchange: every queue is bound to it by its own name, so the routing key names the queue. */
function DefaultExchange({ msg, reached }: { msg: Publish; reached: boolean }) {
  return (
    <section aria-label="The default exchange" className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
      <h4 className="font-semibold">
        The default exchange <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">(direct, named &quot;&quot;)</span>
      </h4>
      <p className="mt-1 text-sm">
        Every queue in the vhost is bound to it with its own name as the binding key, so a message goes to the queue named by its routing
        key:{' '}
        {reached ? (
          <>
            <span className="font-mono">{msg.routingKey}</span> exists here and gets it.
          </>
        ) : (
          <>
            no queue is called <span className="font-mono">{msg.routingKey === '' ? '(empty)' : msg.routingKey}</span> in this vhost.
          </>
        )}{' '}
        No other binding can be made to it (
        <Source href="https://www.rabbitmq.com/docs/exchanges#default-exchange">default exchange</Source>
        ).
      </p>
    </section>
  );
}
