'use client';
import { memo, useMemo } from 'react';
import { headersFromRows, playgroundModel } from '@/lib/routing/playground';
import { EXCHANGE_TYPES, type ImportedTopology, type RabbitState } from '@/lib/routing/state';
import { DEFAULT_EXCHANGE, route, type ExchangeType, type Publish } from '@/simulator/rabbitmq/routing';
import { validateRoutingKey } from '@/simulator/rabbitmq/topic';
import { BatchTable } from './BatchTable';
import { DefinitionsImport } from './DefinitionsImport';
import { HeaderRowsEditor } from './HeaderRowsEditor';
import { ImportedView } from './ImportedView';
import { Outcome } from './Outcome';
import { QueueCards } from './QueueCards';
import { TopologyGraph } from './TopologyGraph';
import { Field, inputClass, Source } from './ui';

interface Props {
  rabbit: RabbitState;
  onChange: (patch: Partial<RabbitState>) => void;
}

const panel = 'rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-700 dark:bg-zinc-900';
const h3 = 'text-lg font-semibold text-rabbit-900 dark:text-rabbit-200';

/** Which topology and exchange the message goes to: the playground's or an imported vhost's. */
function activeSetup(rabbit: Pick<RabbitState, 'source' | 'imported' | 'target'>, model: ReturnType<typeof playgroundModel>) {
  if (rabbit.source === 'imported' && rabbit.imported) {
    // The default exchange is in no export: every vhost has it, a direct exchange with each queue bound by its name.
    if (rabbit.target === DEFAULT_EXCHANGE)
      return { topology: rabbit.imported.topology, exchange: '', type: 'direct' as const, alternate: undefined };
    const x = rabbit.imported.topology.exchanges.find((e) => e.name === rabbit.target);
    return { topology: rabbit.imported.topology, exchange: rabbit.target, type: x?.type, alternate: x?.alternateExchange };
  }
  const x = model.topology.exchanges[0]!;
  return { topology: model.topology, exchange: x.name, type: x.type as ExchangeType | undefined, alternate: x.alternateExchange };
}

export const RabbitPlayground = memo(function RabbitPlayground({ rabbit, onChange }: Props) {
  // Memoised piece by piece: an imported topology can hold 18,000 exchanges, and a keystroke in one
  // field must not rebuild (or re-route) what did not change.
  const { exchangeName, exchangeType, queues, alternate, source, imported: importedTopology, target, mandatory, routingKey } = rabbit;
  const model = useMemo(
    () => playgroundModel({ exchangeName, exchangeType, queues, alternate }),
    [exchangeName, exchangeType, queues, alternate],
  );
  const active = useMemo(
    () => activeSetup({ source, imported: importedTopology, target }, model),
    [source, importedTopology, target, model],
  );
  const keyProblem = validateRoutingKey(routingKey);
  const { headers, problems: headerProblems } = useMemo(() => headersFromRows(rabbit.headers), [rabbit.headers]);
  // Imported topologies may reach a headers exchange through exchange-to-exchange bindings.
  const usesHeaders = active.type === 'headers' || source === 'imported';
  const base = useMemo(
    () => ({ exchange: active.exchange, mandatory, ...(usesHeaders ? { headers } : {}) }),
    [active.exchange, mandatory, usesHeaders, headers],
  );
  const blocked = keyProblem
    ? `${keyProblem}: the client or broker refuses the publish.`
    : source === 'playground' && model.exchangeProblem
      ? model.exchangeProblem
      : null;
  const msg: Publish | null = useMemo(() => (blocked ? null : { ...base, routingKey }), [blocked, base, routingKey]);
  const result = useMemo(() => (msg ? route(active.topology, msg) : null), [active.topology, msg]);
  // The graph draws the topology even while the message is not valid (nothing lit then).
  const drawn = useMemo(() => msg ?? { ...base, routingKey: '' }, [msg, base]);
  const imported = source === 'imported' && importedTopology;
  const divertedBy = useMemo(() => {
    if (!result?.viaAlternate) return [];
    const visited = new Set(result.exchangesVisited);
    return active.topology.exchanges
      .filter((x) => visited.has(x.name) && x.alternateExchange !== undefined && visited.has(x.alternateExchange))
      .map((x) => x.name);
  }, [result, active.topology]);
  const exchangeOptions = useMemo(
    () =>
      importedTopology && (
        <>
          <option value={DEFAULT_EXCHANGE}>(default exchange: to the queue named by the routing key)</option>
          {importedTopology.topology.exchanges.map((x) => (
            <option key={x.name} value={x.name}>
              {x.name} ({x.type})
            </option>
          ))}
        </>
      ),
    [importedTopology],
  );

  const onImport = (next: ImportedTopology, firstExchange: string) =>
    onChange({ imported: next, source: 'imported', target: firstExchange });

  return (
    <div className="min-w-0 space-y-5">
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">Topology</legend>
        <label className="inline-flex items-center gap-1.5">
          <input
            type="radio"
            name="rabbit-source"
            checked={rabbit.source === 'playground'}
            onChange={() => onChange({ source: 'playground' })}
          />
          Playground exchange
        </label>
        <label className="inline-flex items-center gap-1.5">
          <input
            type="radio"
            name="rabbit-source"
            checked={rabbit.source === 'imported'}
            disabled={!rabbit.imported}
            onChange={() => onChange({ source: 'imported' })}
          />
          Imported definitions
          {rabbit.imported ? ` (${rabbit.imported.fileName}, vhost ${rabbit.imported.vhost})` : ' (import a file below)'}
        </label>
      </fieldset>

      <div className="grid gap-4 lg:grid-cols-2">
        <div className={panel}>
          <h3 className={h3}>Exchange</h3>
          {imported ? (
            <Field
              label="Publish to exchange"
              className="mt-2"
              hint={active.alternate ? `Alternate exchange: ${active.alternate}` : undefined}
            >
              {(ids) => (
                <select {...ids} className={inputClass} value={rabbit.target} onChange={(e) => onChange({ target: e.target.value })}>
                  {exchangeOptions}
                </select>
              )}
            </Field>
          ) : (
            <div className="mt-2 space-y-3">
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label="Name" error={model.exchangeProblem}>
                  {(ids) => (
                    <input
                      {...ids}
                      className={inputClass}
                      value={rabbit.exchangeName}
                      onChange={(e) => onChange({ exchangeName: e.target.value })}
                    />
                  )}
                </Field>
                <Field label="Type">
                  {(ids) => (
                    <select
                      {...ids}
                      className={inputClass}
                      value={rabbit.exchangeType}
                      onChange={(e) => onChange({ exchangeType: e.target.value as ExchangeType })}
                    >
                      {EXCHANGE_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {t}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={rabbit.alternate.on}
                  onChange={(e) => onChange({ alternate: { ...rabbit.alternate, on: e.target.checked } })}
                />
                Alternate exchange (a fanout that catches what this exchange cannot route)
              </label>
              {rabbit.alternate.on && (
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field label="Alternate exchange" error={model.alternateProblem?.includes('exchange') ? model.alternateProblem : null}>
                    {(ids) => (
                      <input
                        {...ids}
                        className={inputClass}
                        value={rabbit.alternate.name}
                        onChange={(e) => onChange({ alternate: { ...rabbit.alternate, name: e.target.value } })}
                      />
                    )}
                  </Field>
                  <Field
                    label="Its queue"
                    error={model.alternateProblem && !model.alternateProblem.includes('exchange') ? model.alternateProblem : null}
                  >
                    {(ids) => (
                      <input
                        {...ids}
                        className={inputClass}
                        value={rabbit.alternate.queue}
                        onChange={(e) => onChange({ alternate: { ...rabbit.alternate, queue: e.target.value } })}
                      />
                    )}
                  </Field>
                </div>
              )}
            </div>
          )}
        </div>

        <div className={panel}>
          <h3 className={h3}>Message</h3>
          <div className="mt-2 space-y-3">
            <Field
              label="Routing key"
              error={keyProblem}
              hint={
                active.type === 'headers'
                  ? 'A headers exchange ignores the routing key (bindings to other exchange types still use it).'
                  : active.type === 'fanout'
                    ? 'A fanout exchange ignores the routing key.'
                    : undefined
              }
            >
              {(ids) => (
                <input
                  {...ids}
                  className={inputClass}
                  value={rabbit.routingKey}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => onChange({ routingKey: e.target.value })}
                />
              )}
            </Field>
            {usesHeaders && (
              <div>
                <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Headers</p>
                <HeaderRowsEditor
                  noun="header"
                  owner="message"
                  rows={rabbit.headers}
                  problems={headerProblems}
                  onChange={(rows) => onChange({ headers: rows })}
                />
              </div>
            )}
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={rabbit.mandatory} onChange={(e) => onChange({ mandatory: e.target.checked })} />
              mandatory (return the message to the publisher when no queue gets it)
            </label>
          </div>
        </div>
      </div>

      <Outcome result={result} blocked={blocked} alternate={active.alternate} divertedBy={divertedBy} mandatory={rabbit.mandatory} />

      <TopologyGraph topology={active.topology} msg={drawn} result={result} />

      {imported ? (
        <ImportedView imported={imported} msg={msg} result={result} />
      ) : (
        <QueueCards rabbit={rabbit} model={model} msg={msg} result={result} onQueues={(queues) => onChange({ queues })} />
      )}
      <p className="text-xs text-zinc-700 dark:text-zinc-300">
        Checked as you type: routing keys, binding keys and queue names hold at most 255 bytes of UTF-8 (AMQP 0-9-1 short strings); a
        headers binding&apos;s x-match must be all, any, all-with-x or any-with-x (
        <Source href="https://www.rabbitmq.com/docs/exchanges">exchanges</Source>); RabbitMQ 4.3.5 and later refuse topic binding keys with
        more than two # words (
        <Source href="https://github.com/rabbitmq/rabbitmq-server/commit/0f390a27178302644d0065aced5ef976b79662cc">
          rabbitmq-server change
        </Source>
        ). A binding the broker would refuse takes no part in routing here.
      </p>

      <section aria-labelledby="batch-h" className={panel}>
        <h3 id="batch-h" className={h3}>
          Batch: many routing keys at once
        </h3>
        <div className="mt-2">
          <BatchTable text={rabbit.batch} onText={(batch) => onChange({ batch })} topology={active.topology} base={base} />
        </div>
      </section>

      <section aria-labelledby="import-h" className={panel}>
        <h3 id="import-h" className={h3}>
          Route through your own broker&apos;s topology
        </h3>
        <div className="mt-2">
          <DefinitionsImport imported={rabbit.imported} onImport={onImport} />
        </div>
      </section>
    </div>
  );
});
