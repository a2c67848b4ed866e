import { explainBinding } from '@/lib/routing/explain';
import type { ImportedTopology } from '@/lib/routing/state';
import type { Publish, RouteResult } from '@/simulator/rabbitmq/routing';
import { BindingWhy } from './BindingWhy';

interface Props {
  imported: ImportedTopology;
  msg: Publish | null;
  result: RouteResult | null;
}

/** The bindings of every exchange the message passed through, and the vhost's queues lit or not. */
export function ImportedView({ imported, msg, result }: Props) {
  const { topology } = imported;
  const types = new Map(topology.exchanges.map((x) => [x.name, x.type]));
  const visited = result?.exchangesVisited ?? [];
  return (
    <div className="space-y-4">
      {visited.map((x) => {
        const bindings = topology.bindings.filter((b) => b.exchange === x);
        const type = types.get(x);
        return (
          <section key={x} aria-label={`Bindings of ${x}`} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
            <h4 className="font-semibold">
              Exchange <span className="font-mono">{x}</span>{' '}
              <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">({type})</span>
            </h4>
            {bindings.length === 0 && <p className="text-sm text-zinc-700 dark:text-zinc-300">No bindings.</p>}
            <ul className="mt-2 space-y-2">
              {bindings.map((b, i) => (
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
                  {msg && type && <BindingWhy why={explainBinding(type, b, msg)} args={b.arguments} headers={msg.headers} />}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <div>
        <h4 className="font-semibold">Queues in vhost {imported.vhost}</h4>
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Imported queues">
          {topology.queues.map((q) => {
            const lit = !!result?.queues.includes(q);
            return (
              <li
                key={q}
                data-lit={lit}
                className={`rounded-md border-2 px-2 py-1 font-mono text-sm ${lit ? 'border-rabbit-500 bg-rabbit-50 font-semibold dark:border-rabbit-400 dark:bg-rabbit-950/50' : 'border-zinc-200 dark:border-zinc-700'}`}
              >
                {lit && <span aria-hidden="true">● </span>}
                {q}
                {lit && <span className="sr-only"> (gets a copy)</span>}
              </li>
            );
          })}
        </ul>
      </div>
      {imported.notes.length > 0 && (
        <div className="text-sm text-zinc-700 dark:text-zinc-300">
          <p className="font-medium">Notes on this import</p>
          <ul className="list-disc pl-5">
            {imported.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
