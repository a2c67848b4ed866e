import type { BindingExplanation, HeaderArgLine } from '@/lib/routing/explain';
import { showValue } from '@/lib/routing/explain';
import type { TopicTraceStep } from '@/simulator/rabbitmq/topic';

const words = (w: string[]) => (w.length === 0 ? 'nothing' : w.map((x) => (x === '' ? '(empty word)' : x)).join('.'));

function TopicStep({ step }: { step: TopicTraceStep }) {
  const cls = step.ok ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-700 dark:text-red-400';
  let text: string;
  if (step.pattern === null) text = `${words(step.words)} left over`;
  else if (!step.ok) text = step.words.length === 0 ? `${step.pattern} needs a word, none left` : `${step.pattern} ≠ ${words(step.words)}`;
  else if (step.pattern === '#') text = `# takes ${words(step.words)}`;
  else if (step.pattern === '*') text = `* takes ${words(step.words)}`;
  else text = `${step.pattern} = ${words(step.words)}`;
  return (
    <li className={`rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800 ${cls}`}>
      <span aria-hidden="true">{step.ok ? '✓ ' : '✗ '}</span>
      {text}
    </li>
  );
}

const STATUS: Record<HeaderArgLine['status'], string> = {
  equal: 'equal',
  present: 'present (void binding value only asks for presence)',
  missing: 'missing from the message',
  different: 'different value',
  skipped: 'not compared (x- arguments count only with -with-x)',
};

function HeaderLine({ line }: { line: HeaderArgLine }) {
  const { want, got } = line;
  const ok = line.status === 'equal' || line.status === 'present';
  const cls =
    line.status === 'skipped'
      ? 'text-zinc-600 dark:text-zinc-400'
      : ok
        ? 'text-emerald-800 dark:text-emerald-300'
        : 'text-red-700 dark:text-red-400';
  return (
    <li className={`font-mono text-xs ${cls}`}>
      <span aria-hidden="true">{line.status === 'skipped' ? '– ' : ok ? '✓ ' : '✗ '}</span>
      {line.name}: wants {showValue(want)}
      {line.status === 'missing' || line.status === 'skipped'
        ? ` → ${STATUS[line.status]}`
        : `, message has ${showValue(got)} → ${STATUS[line.status]}`}
    </li>
  );
}

/** The engine's verdict on one binding and the reasoning behind it. */
export function BindingWhy({ why }: { why: BindingExplanation }) {
  return (
    <div className="mt-1 text-sm">
      <p className={why.match ? 'font-medium text-emerald-800 dark:text-emerald-300' : 'text-zinc-700 dark:text-zinc-300'}>
        {why.match ? 'Matches' : 'No match'}: {why.summary}
      </p>
      {why.topicSteps && why.topicSteps.length > 0 && (
        <ol aria-label="Word by word" className="mt-1 flex flex-wrap gap-1">
          {why.topicSteps.map((s, i) => (
            <TopicStep key={i} step={s} />
          ))}
        </ol>
      )}
      {why.headerLines && why.headerLines.length > 0 && (
        <ul className="mt-1 space-y-0.5">
          {why.headerLines.map((l) => (
            <HeaderLine key={l.name} line={l} />
          ))}
        </ul>
      )}
    </div>
  );
}
