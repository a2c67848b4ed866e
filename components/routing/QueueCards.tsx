'use client';
import { explainBinding } from '@/lib/routing/explain';
import type { PlaygroundModel } from '@/lib/routing/playground';
import type { BindingDraft, QueueDraft, RabbitState } from '@/lib/routing/state';
import { X_MATCH_VALUES, type XMatch } from '@/simulator/rabbitmq/headers';
import type { Publish, RouteResult } from '@/simulator/rabbitmq/routing';
import { BindingWhy } from './BindingWhy';
import { HeaderRowsEditor } from './HeaderRowsEditor';
import { buttonClass, ErrorText, Field, inputClass, smallButtonClass } from './ui';

interface Props {
  rabbit: RabbitState;
  model: PlaygroundModel;
  msg: Publish | null;
  result: RouteResult | null;
  onQueues: (queues: QueueDraft[]) => void;
}

const NEW_BINDING: BindingDraft = { key: '', xMatch: 'all', args: [] };

/** x-match in words: which headers must be equal, and whether x- headers count. */
const X_MATCH_WORDS: Record<XMatch, string> = {
  all: 'all: every argument equal',
  any: 'any: at least one argument equal',
  'all-with-x': 'all-with-x: every argument, x- headers too',
  'any-with-x': 'any-with-x: one argument, x- headers too',
};

/** The queues bound to the playground exchange, lit when they get a copy, each binding with its why. */
export function QueueCards({ rabbit, model, msg, result, onQueues }: Props) {
  const { queues, exchangeType } = rabbit;
  const setQueue = (qi: number, q: QueueDraft) => onQueues(queues.map((x, j) => (j === qi ? q : x)));
  const setBinding = (qi: number, bi: number, patch: Partial<BindingDraft>) =>
    setQueue(qi, { ...queues[qi]!, bindings: queues[qi]!.bindings.map((b, j) => (j === bi ? { ...b, ...patch } : b)) });

  return (
    <div>
      <ul className="grid gap-3 md:grid-cols-2" aria-label="Queues">
        {queues.map((q, qi) => {
          const problem = model.queueProblems[qi];
          const lit = !problem && !!result?.queues.includes(q.name);
          const copies = result?.matchedBindings[q.name]?.length ?? 0;
          const label = q.name || `queue ${qi + 1}`;
          return (
            <li
              key={qi}
              data-testid="queue-card"
              data-lit={lit}
              className={`rounded-lg border-2 p-3 transition-colors motion-reduce:transition-none ${
                lit
                  ? 'border-rabbit-500 bg-rabbit-50 dark:border-rabbit-400 dark:bg-rabbit-950/50'
                  : 'border-zinc-200 bg-white dark:border-zinc-700 dark:bg-zinc-900'
              }`}
            >
              <div className="flex items-start gap-2">
                <Field label="Queue" error={problem} className="flex-1">
                  {(ids) => (
                    <input {...ids} className={inputClass} value={q.name} onChange={(e) => setQueue(qi, { ...q, name: e.target.value })} />
                  )}
                </Field>
                <button type="button" className={`${smallButtonClass} mt-6`} onClick={() => onQueues(queues.filter((_, j) => j !== qi))}>
                  Remove<span className="sr-only"> queue {label}</span>
                </button>
              </div>
              <p
                className={`mt-2 text-sm font-semibold ${lit ? 'text-rabbit-900 dark:text-rabbit-200' : 'text-zinc-600 dark:text-zinc-400'}`}
                data-testid="queue-verdict"
              >
                {problem
                  ? 'Not declared: fix the name'
                  : lit
                    ? copies > 1
                      ? `Gets one copy (${copies} bindings match, still one copy)`
                      : 'Gets a copy'
                    : 'Gets nothing'}
              </p>
              <ul className="mt-2 space-y-3" aria-label={`Bindings of ${label}`}>
                {q.bindings.map((b, bi) => {
                  const check = model.bindingChecks[qi]?.[bi];
                  const owner = `${label} binding ${bi + 1}`;
                  const why = check?.binding && msg && !problem ? explainBinding(exchangeType, check.binding, msg) : null;
                  return (
                    <li key={bi} className="border-t border-zinc-200 pt-2 dark:border-zinc-700">
                      <div className="flex items-end gap-2">
                        {exchangeType === 'headers' ? (
                          <Field
                            label={`x-match (binding ${bi + 1})`}
                            error={check?.problem?.includes('x-match') ? check.problem : null}
                            className="flex-1"
                          >
                            {(ids) => (
                              <select
                                {...ids}
                                className={inputClass}
                                value={b.xMatch}
                                onChange={(e) => setBinding(qi, bi, { xMatch: e.target.value })}
                              >
                                {X_MATCH_VALUES.map((v) => (
                                  <option key={v} value={v}>
                                    {X_MATCH_WORDS[v]}
                                  </option>
                                ))}
                                {/* A link can carry a value the broker refuses: it stays, marked, until another is chosen. */}
                                {!(X_MATCH_VALUES as readonly string[]).includes(b.xMatch) && (
                                  <option value={b.xMatch}>{b.xMatch} (not valid)</option>
                                )}
                              </select>
                            )}
                          </Field>
                        ) : exchangeType === 'fanout' ? (
                          <p className="flex-1 text-sm text-zinc-700 dark:text-zinc-300">
                            Binding {bi + 1}: fanout ignores the binding key
                          </p>
                        ) : (
                          <Field label={`Binding key ${bi + 1}`} error={check?.problem} className="flex-1">
                            {(ids) => (
                              <input
                                {...ids}
                                className={inputClass}
                                value={b.key}
                                onChange={(e) => setBinding(qi, bi, { key: e.target.value })}
                              />
                            )}
                          </Field>
                        )}
                        <button
                          type="button"
                          className={`${smallButtonClass} mb-1.5`}
                          onClick={() => setQueue(qi, { ...q, bindings: q.bindings.filter((_, j) => j !== bi) })}
                        >
                          Unbind<span className="sr-only"> {owner}</span>
                        </button>
                      </div>
                      {exchangeType === 'headers' && (
                        <div className="mt-2">
                          <p className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Arguments</p>
                          <HeaderRowsEditor
                            noun="argument"
                            owner={owner}
                            rows={b.args}
                            problems={check?.argProblems ?? []}
                            onChange={(args) => setBinding(qi, bi, { args })}
                          />
                          {check?.problem && !check.problem.includes('x-match') && <ErrorText>{check.problem}</ErrorText>}
                        </div>
                      )}
                      {why && <BindingWhy why={why} />}
                    </li>
                  );
                })}
              </ul>
              <button
                type="button"
                className={`${buttonClass} mt-3`}
                onClick={() => setQueue(qi, { ...q, bindings: [...q.bindings, NEW_BINDING] })}
              >
                + Add binding<span className="sr-only"> to {label}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className={`${buttonClass} mt-3`}
        onClick={() => onQueues([...queues, { name: `queue-${queues.length + 1}`, bindings: [{ ...NEW_BINDING }] }])}
      >
        + Add queue
      </button>
    </div>
  );
}
