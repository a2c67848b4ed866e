'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import {
  ANSWERS_PARAM,
  QUESTIONS,
  RECOMMENDATION_TITLE,
  confidenceWords,
  decodeAnswers,
  describeDropped,
  encodeAnswers,
  score,
} from '@/lib/quiz';
import { onSaveProblem, takeStorageProblem, useQuizStore, type QuizLayout } from '@/lib/quiz/store';
import { readParam } from '@/lib/url-state';
import { useUrlParams } from '@/lib/url-state/use-url-params';
import { ReadyRoot } from '@/components/ui/ReadyRoot';
import { DecisionRecord } from './DecisionRecord';
import { buttonClass, primaryButtonClass } from './links';
import { Notices, type NoticeItem } from './Notices';
import { QuestionFieldset } from './QuestionFieldset';
import { ResultView } from './ResultView';
import { count } from '@/lib/format';

const TOTAL = QUESTIONS.length;

function ProgressBar({ answered }: { answered: number }) {
  const pct = Math.round((100 * answered) / TOTAL);
  return (
    <div>
      <p id="progress-label" className="text-sm text-zinc-700 dark:text-zinc-300">
        {answered} of {TOTAL} answered
      </p>
      <div
        role="progressbar"
        aria-labelledby="progress-label"
        aria-valuemin={0}
        aria-valuemax={TOTAL}
        aria-valuenow={answered}
        className="mt-1 h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full rounded-full bg-kafka-600 transition-[width] dark:bg-kafka-400" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

function LayoutChoice({ layout, onChange }: { layout: QuizLayout; onChange: (l: QuizLayout) => void }) {
  const choices: { id: QuizLayout; label: string }[] = [
    { id: 'one', label: 'One question at a time' },
    { id: 'all', label: 'All on one page' },
  ];
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <legend className="sr-only">Show the questions</legend>
      {choices.map((c) => (
        <label key={c.id} className="inline-flex cursor-pointer items-center gap-2">
          <input
            type="radio"
            name="quiz-layout"
            value={c.id}
            checked={layout === c.id}
            onChange={() => onChange(c.id)}
            className="size-4 accent-kafka-700 dark:accent-kafka-300"
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}

export function ChooseApp() {
  const [ready, setReady] = useState(false);
  const [notices, setNotices] = useState<NoticeItem[]>([]);
  const answers = useQuizStore((s) => s.answers);
  const layout = useQuizStore((s) => s.layout);
  const step = useQuizStore((s) => s.step);
  const view = useQuizStore((s) => s.view);
  const { setAnswer, replaceAnswers, setLayout, goTo, showResult, showQuiz, reset } = useQuizStore.getState();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const moveFocus = useRef<'step' | 'result' | null>(null);

  const result = useMemo(() => score(answers), [answers]);
  const answered = QUESTIONS.filter((q) => answers[q.id]).length;

  // Load saved answers, then let a shared link (?a=…) take precedence.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      await useQuizStore.persist.rehydrate();
      if (cancelled) return;
      const found: NoticeItem[] = [];
      const problem = takeStorageProblem();
      if (problem) found.push({ id: 'storage', title: 'Saved answers reset', lines: [problem] });
      const raw = readParam(window.location.search, ANSWERS_PARAM);
      if (raw) {
        const decoded = decodeAnswers(raw);
        const saved = useQuizStore.getState().answers;
        if (Object.keys(saved).length > 0 && encodeAnswers(saved) !== encodeAnswers(decoded.answers)) {
          found.push({
            id: 'replaced',
            title: 'Showing the answers from the link',
            lines: ['They replace the answers this browser had saved; “Start over” clears them.'],
          });
        }
        replaceAnswers(decoded.answers);
        showResult();
        if (decoded.dropped.length > 0) {
          const n = decoded.dropped.length;
          found.push({
            id: 'link',
            title: `This link had ${count(n)} part${n === 1 ? '' : 's'} we could not use, so ${n === 1 ? 'it was' : 'they were'} dropped; the valid answers are kept`,
            lines: describeDropped(decoded.dropped),
          });
        }
      }
      setNotices((list) => [...list.filter((n) => n.id === 'save'), ...found]);
      setReady(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [replaceAnswers, showResult]);

  // Storage that is full or blocked loses the answers on reload: say so, once, like the simulator's draft.
  useEffect(
    () =>
      onSaveProblem((problem) =>
        setNotices((list) => [
          ...list.filter((n) => n.id !== 'save'),
          ...(problem ? [{ id: 'save', title: 'Your answers are not being saved', lines: [problem] }] : []),
        ]),
      ),
    [],
  );

  // The address bar holds the answers while the result is shown, so it can be shared or bookmarked.
  const encoded = encodeAnswers(answers);
  useUrlParams(ready ? { [ANSWERS_PARAM]: view === 'result' ? encoded || null : null } : null);

  useEffect(() => {
    if (moveFocus.current === 'step') stepHeading.current?.focus();
    if (moveFocus.current === 'result') resultHeading.current?.focus();
    moveFocus.current = null;
  }, [step, view, layout]);

  if (!ready) {
    return (
      // Holds the quiz's place so the footer does not jump when saved answers load (layout shift).
      <p className="mt-8 min-h-[40rem] text-zinc-700 dark:text-zinc-300" data-testid="quiz-loading">
        Loading the quiz…
      </p>
    );
  }

  const dismiss = (id: string) => setNotices((list) => list.filter((n) => n.id !== id));
  const go = (to: number) => {
    moveFocus.current = 'step';
    goTo(to);
  };
  const toResult = () => {
    moveFocus.current = 'result';
    showResult();
    window.scrollTo({ top: 0 });
  };

  const question = QUESTIONS[step] ?? QUESTIONS[0]!;

  return (
    <ReadyRoot testId="quiz-ready" ready className="mt-6 min-h-[40rem] space-y-6">
      <Notices notices={notices} onDismiss={dismiss} />
      <div aria-live="polite" className="sr-only">
        {view === 'result' ? `Result: ${RECOMMENDATION_TITLE[result.recommendation]}, ${confidenceWords(result)}` : ''}
      </div>

      {view === 'quiz' ? (
        <section aria-labelledby="quiz-h" className="space-y-6">
          <div className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
            <h2 id="quiz-h" className="sr-only">
              Questions
            </h2>
            <LayoutChoice
              layout={layout}
              onChange={(l) => {
                moveFocus.current = null;
                setLayout(l);
              }}
            />
            <ProgressBar answered={answered} />
          </div>

          {layout === 'one' ? (
            <div className="space-y-6">
              <h3 ref={stepHeading} tabIndex={-1} className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">
                Question {step + 1} of {TOTAL}
              </h3>
              <QuestionFieldset
                question={question}
                value={answers[question.id]}
                onChange={(c) => setAnswer(question.id, c)}
                idPrefix="quiz"
                number={step + 1}
                total={TOTAL}
              />
              <nav aria-label="Quiz steps" className="flex flex-wrap items-center gap-3">
                <button type="button" className={buttonClass} onClick={() => go(step - 1)} disabled={step === 0}>
                  ← Back
                </button>
                {step < TOTAL - 1 ? (
                  <button type="button" className={primaryButtonClass} onClick={() => go(step + 1)}>
                    Next →
                  </button>
                ) : (
                  <button type="button" className={primaryButtonClass} onClick={toResult}>
                    See the result
                  </button>
                )}
                {step < TOTAL - 1 && (
                  <button type="button" className={buttonClass} onClick={toResult}>
                    Skip to the result
                  </button>
                )}
              </nav>
            </div>
          ) : (
            <div className="space-y-10">
              {QUESTIONS.map((q, i) => (
                <div key={q.id} className="border-b border-zinc-200 pb-8 dark:border-zinc-800">
                  <QuestionFieldset
                    question={q}
                    value={answers[q.id]}
                    onChange={(c) => setAnswer(q.id, c)}
                    idPrefix="quiz"
                    number={i + 1}
                    total={TOTAL}
                  />
                </div>
              ))}
              <button type="button" className={primaryButtonClass} onClick={toResult}>
                See the result
              </button>
            </div>
          )}
        </section>
      ) : (
        <section aria-labelledby="result-h" className="space-y-10">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="result-h" ref={resultHeading} tabIndex={-1} className="text-2xl font-bold tracking-tight">
              Your result
            </h2>
            <div className="flex flex-wrap gap-2">
              <button type="button" className={buttonClass} onClick={() => showQuiz(0)}>
                Back to the questions
              </button>
              <button
                type="button"
                className={buttonClass}
                onClick={() => {
                  reset();
                  setNotices([]);
                }}
              >
                Start over
              </button>
            </div>
          </div>
          <div className="grid gap-10 lg:grid-cols-12">
            <div className="space-y-10 lg:col-span-7">
              <ResultView result={result} />
              <DecisionRecord answers={answers} result={result} encoded={encoded} />
            </div>
            <section
              aria-labelledby="edit-h"
              className="lg:sticky lg:top-20 lg:col-span-5 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto lg:pr-2"
            >
              <h3 id="edit-h" className="text-lg font-semibold">
                Your answers
              </h3>
              <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
                Change any answer: the result updates at once. Now:{' '}
                <strong data-testid="live-recommendation">{RECOMMENDATION_TITLE[result.recommendation]}</strong> ({confidenceWords(result)}
                ).
              </p>
              <div className="mt-4 space-y-6">
                {QUESTIONS.map((q, i) => (
                  <QuestionFieldset
                    key={q.id}
                    question={q}
                    value={answers[q.id]}
                    onChange={(c) => setAnswer(q.id, c)}
                    idPrefix="edit"
                    number={i + 1}
                    total={TOTAL}
                    compact
                  />
                ))}
              </div>
            </section>
          </div>
        </section>
      )}
    </ReadyRoot>
  );
}
