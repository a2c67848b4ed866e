'use client';

import { NOT_SURE, NOT_SURE_LABEL, type QuizQuestion } from '@/lib/quiz';
import { linkClass, rowHref, rowLabel, scenarioHref, scenarioLabel } from './links';
import { SourceLinks } from './SourceLinks';

interface Props {
  question: QuizQuestion;
  /** Chosen option ids; undefined when unanswered. */
  value: string[] | undefined;
  onChange: (chosen: string[]) => void;
  /** Keeps input names unique when the same question is shown twice on a page. */
  idPrefix: string;
  number: number;
  total: number;
  compact?: boolean;
}

/** Multi-choice rules: "not sure" and exclusive options stand alone; anything else clears them. */
function toggleMulti(q: QuizQuestion, current: string[], id: string, checked: boolean): string[] {
  if (!checked) return current.filter((c) => c !== id);
  const standsAlone = id === NOT_SURE || q.options.some((o) => o.id === id && o.exclusive);
  if (standsAlone) return [id];
  const exclusive = new Set([NOT_SURE, ...q.options.filter((o) => o.exclusive).map((o) => o.id)]);
  return [...current.filter((c) => !exclusive.has(c)), id];
}

export function QuestionFieldset({ question: q, value, onChange, idPrefix, number, total, compact = false }: Props) {
  const chosen = value ?? [];
  const name = `${idPrefix}-${q.id}`;
  const options = [...q.options, { id: NOT_SURE, label: NOT_SURE_LABEL }];
  const multi = q.kind === 'multi';
  return (
    <fieldset id={`${idPrefix}-q-${q.id}`} className="min-w-0 scroll-mt-24">
      <legend className={compact ? 'text-base font-semibold' : 'text-lg font-semibold sm:text-xl'}>
        <span className="sr-only">
          Question {number} of {total}:{' '}
        </span>
        {q.prompt}
      </legend>
      {multi && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Choose all that apply.</p>}
      <div className={compact ? 'mt-2 flex flex-wrap gap-2' : 'mt-3 grid gap-2 sm:grid-cols-2'}>
        {options.map((o) => {
          const checked = chosen.includes(o.id);
          return (
            <label
              key={o.id}
              className={`flex cursor-pointer items-start rounded-lg border text-sm ${compact ? 'gap-2 px-2 py-1' : 'gap-3 px-3 py-2'} has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-kafka-500 ${
                checked
                  ? 'border-kafka-600 bg-kafka-50 dark:border-kafka-400 dark:bg-kafka-950'
                  : 'border-zinc-300 hover:border-zinc-400 dark:border-zinc-700 dark:hover:border-zinc-500'
              } ${o.id === NOT_SURE ? 'border-dashed' : ''}`}
            >
              <input
                type={multi ? 'checkbox' : 'radio'}
                name={name}
                value={o.id}
                checked={checked}
                onChange={(e) => onChange(multi ? toggleMulti(q, chosen, o.id, e.target.checked) : [o.id])}
                className="mt-0.5 size-4 shrink-0 accent-kafka-700 focus-visible:outline-none dark:accent-kafka-300"
              />
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
      {compact ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">Why this matters</summary>
          <QuestionNotes question={q} />
        </details>
      ) : (
        <QuestionNotes question={q} />
      )}
    </fieldset>
  );
}

function QuestionNotes({ question: q }: { question: QuizQuestion }) {
  return (
    <>
      <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
        <span className="font-semibold">Why this matters:</span> {q.why} {q.sources.length > 0 && <SourceLinks sources={q.sources} />}
      </p>
      {(q.row || q.scenarios) && (
        <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm leading-6">
          {q.row && (
            <a href={rowHref(q.row)} className={linkClass}>
              {rowLabel(q.row)}
            </a>
          )}
          {q.scenarios?.map((id) => (
            <a key={id} href={scenarioHref(id)} className={linkClass}>
              {scenarioLabel(id)}
            </a>
          ))}
        </p>
      )}
    </>
  );
}
