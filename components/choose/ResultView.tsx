'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { QUESTIONS, RECOMMENDATION_TITLE, THRESHOLDS, eitherSentence, type QuizResult } from '@/lib/quiz';
import { buttonClass, linkClass, rowHref, rowLabel, scenarioHref, scenarioLabel } from './links';
import { SourceLinks } from './SourceLinks';
import { DataTable } from '@/components/ui/DataTable';

const ContributionChart = dynamic(() => import('./ContributionChart'), {
  ssr: false,
  loading: () => <p className="py-8 text-sm text-zinc-600 dark:text-zinc-400">Loading the chart…</p>,
});

const TONE: Record<QuizResult['recommendation'], string> = {
  kafka: 'border-kafka-600 bg-kafka-50 text-kafka-900 dark:border-kafka-400 dark:bg-kafka-950 dark:text-kafka-100',
  rabbitmq: 'border-rabbit-600 bg-rabbit-50 text-rabbit-950 dark:border-rabbit-400 dark:bg-rabbit-950 dark:text-rabbit-100',
  both: 'border-zinc-500 bg-zinc-50 text-zinc-900 dark:border-zinc-400 dark:bg-zinc-900 dark:text-zinc-100',
  neither: 'border-amber-600 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950/50 dark:text-amber-50',
  either: 'border-zinc-500 bg-white text-zinc-900 dark:border-zinc-400 dark:bg-zinc-950 dark:text-zinc-100',
  'no-signal': 'border-dashed border-zinc-500 bg-white text-zinc-900 dark:border-zinc-400 dark:bg-zinc-950 dark:text-zinc-100',
};

const sideName = (side: 'kafka' | 'rabbitmq') => (side === 'kafka' ? 'Kafka' : 'RabbitMQ');

export function RecommendationSummary({ result }: { result: QuizResult }) {
  return (
    <div className={`rounded-xl border-2 p-4 sm:p-6 ${TONE[result.recommendation]}`}>
      <p className="text-sm font-semibold tracking-wide uppercase">Recommendation</p>
      <p className="mt-1 text-2xl font-bold sm:text-3xl" data-testid="recommendation">
        {RECOMMENDATION_TITLE[result.recommendation]}
      </p>
      {result.gates.length > 0 ? (
        <p className="mt-4 text-sm" data-testid="confidence-note">
          Decided by a hard constraint in your answers, not by points (points: Kafka {result.totals.kafka}, RabbitMQ{' '}
          {result.totals.rabbitmq}).
          {result.withoutConstraints && (
            <>
              {' '}
              Without it, your other answers point to <strong>{RECOMMENDATION_TITLE[result.withoutConstraints.recommendation]}</strong> (
              {result.withoutConstraints.confidence}%).
            </>
          )}
        </p>
      ) : (
        <div className="mt-4">
          <p className="text-sm">
            Confidence: <strong data-testid="confidence">{result.confidence}%</strong> ({result.confidenceLevel}) · points: Kafka{' '}
            {result.totals.kafka}, RabbitMQ {result.totals.rabbitmq} · {result.answeredCount} answered
            {result.answeredCount < QUESTIONS.length ? `, ${QUESTIONS.length - result.answeredCount} not sure or skipped` : ''}
          </p>
          <div
            role="meter"
            aria-label="Confidence"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={result.confidence}
            className="mt-2 h-2 w-full max-w-md overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
          >
            <div className="h-full rounded-full bg-current" style={{ width: `${result.confidence}%` }} />
          </div>
          <p className="mt-2 text-sm">
            {result.recommendation === 'either' ? (
              <>For “either”, confidence is the share of the quiz you answered, less any lean one way.</>
            ) : (
              <>
                Confidence is about the recommendation shown: how large its lead is ({THRESHOLDS.fullLead} points is a full lead; for
                “both”, {THRESHOLDS.fullBoth} points on the weaker side), less when the lead was won against many opposing points, and
                scaled by how much of the quiz you answered.
              </>
            )}{' '}
            Answer “No” where a need does not apply, rather than skipping.
          </p>
        </div>
      )}
    </div>
  );
}

export function ResultView({ result }: { result: QuizResult }) {
  const [showTable, setShowTable] = useState(false);
  const pushed = result.contributions.filter((c) => c.net !== 0 || c.kafka > 0);
  return (
    <div className="space-y-8">
      <RecommendationSummary result={result} />

      {result.gates.length > 0 && (
        <section aria-labelledby="gates-h">
          <h3 id="gates-h" className="text-lg font-semibold">
            {result.gates.length === 1 ? 'The hard constraint' : 'The hard constraints'}
          </h3>
          <ul className="mt-3 space-y-3" data-testid="gates">
            {result.gates.map((g) => (
              <li
                key={g.id}
                className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 text-sm dark:border-amber-400 dark:bg-amber-950/40"
              >
                <p className="font-semibold">{g.title}</p>
                <p className="mt-1">{g.rulesOut}</p>
                <p className="mt-1">
                  <span className="font-semibold">Instead: </span>
                  {g.alternative}
                </p>
                <p className="mt-1">
                  <SourceLinks sources={g.sources} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {result.recommendation === 'either' && (
        <section aria-labelledby="either-h">
          <h3 id="either-h" className="text-lg font-semibold">
            Run what you know
          </h3>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300" data-testid="either">
            {eitherSentence(result)}
          </p>
        </section>
      )}

      {result.split && (
        <section aria-labelledby="split-h">
          <h3 id="split-h" className="text-lg font-semibold">
            Which part goes where
          </h3>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            {(['rabbitmq', 'kafka'] as const).map((side) => (
              <div key={side} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
                <p
                  className={`font-semibold ${side === 'kafka' ? 'text-kafka-700 dark:text-kafka-300' : 'text-rabbit-800 dark:text-rabbit-300'}`}
                >
                  {sideName(side)}
                </p>
                <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                  {result.split?.[side].map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </section>
      )}

      {result.recommendation === 'no-signal' && (
        <section aria-labelledby="consider-h">
          <h3 id="consider-h" className="text-lg font-semibold">
            What to consider
          </h3>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            {result.answeredCount === 0
              ? 'No answer points either way yet. These questions separate the two brokers most:'
              : 'Your answers do not lean clearly either way. These open questions could settle it:'}
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {result.toConsider.map((t) => (
              <li key={t.questionId}>
                <a href={`#edit-q-${t.questionId}`} className={linkClass}>
                  {t.prompt}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {result.deciding.length > 0 && (
        <section aria-labelledby="deciding-h">
          <h3 id="deciding-h" className="text-lg font-semibold">
            {result.gates.length > 0
              ? 'How your other answers weigh'
              : result.recommendation === 'either' || result.recommendation === 'no-signal'
                ? 'How your answers weigh'
                : 'The answers that decided it'}
          </h3>
          <ol className="mt-3 space-y-3" data-testid="deciding">
            {result.deciding.map((d) => (
              <li key={d.questionId} className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
                <p>
                  <span className="font-semibold">{d.short}:</span> {d.answer}{' '}
                  <span className={d.side === 'kafka' ? 'text-kafka-700 dark:text-kafka-300' : 'text-rabbit-800 dark:text-rabbit-300'}>
                    ({d.net === 0 ? `both +${d.kafka}` : `${sideName(d.side)} +${Math.abs(d.net)}`})
                  </span>
                </p>
                <p className="mt-1 text-zinc-700 dark:text-zinc-300">{d.why}</p>
                <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 leading-6">
                  <SourceLinks sources={d.sources} />
                  {d.row && (
                    <a href={rowHref(d.row)} className={linkClass}>
                      {rowLabel(d.row)}
                    </a>
                  )}
                  {d.scenarios?.map((id) => (
                    <a key={id} href={scenarioHref(id)} className={linkClass}>
                      {scenarioLabel(id)}
                    </a>
                  ))}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}

      {result.caveats.length > 0 && (
        <section aria-labelledby="caveats-h">
          <h3 id="caveats-h" className="text-lg font-semibold">
            Caveats that apply
          </h3>
          <ul className="mt-3 space-y-2" data-testid="caveats">
            {result.caveats.map((c) => (
              <li key={c.id} className="rounded-lg border-l-4 border-amber-500 bg-amber-50 p-3 text-sm dark:bg-amber-950/40">
                {c.text} <SourceLinks sources={c.sources} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="chart-h">
        <h3 id="chart-h" className="text-lg font-semibold">
          How each answer pushed the result
        </h3>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          Bars to the right push towards Kafka, to the left towards RabbitMQ; the numbers are points. Every answer’s points are fixed and
          the same for everyone.
        </p>
        {pushed.length === 0 ? (
          <p className="mt-3 text-sm">No answer has pushed either way yet.</p>
        ) : (
          <>
            <figure className="mt-3" aria-label="Bar chart of each answer's push; the same data is in the table below">
              <ContributionChart contributions={result.contributions} />
            </figure>
            <button type="button" className={`${buttonClass} mt-2`} aria-expanded={showTable} onClick={() => setShowTable((v) => !v)}>
              {showTable ? 'Hide' : 'Show'} the numbers as a table
            </button>
            {showTable && (
              <DataTable
                className="mt-3"
                caption="Points each answer gave to Kafka and RabbitMQ"
                captionHidden
                rows={result.contributions}
                rowKey={(c) => c.questionId}
                columns={[
                  { header: 'Question', rowHeader: true, className: 'font-normal', cell: (c) => c.short },
                  { header: 'Answer', cell: (c) => c.answer },
                  { header: 'Kafka', cell: (c) => c.kafka },
                  { header: 'RabbitMQ', cell: (c) => c.rabbitmq },
                ]}
              />
            )}
          </>
        )}
      </section>
    </div>
  );
}
