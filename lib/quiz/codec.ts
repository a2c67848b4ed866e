// Answers ⇄ the `?a=` query parameter, e.g. `a=replay.often_protocols.mqtt-stomp`.
import { decodeEntries, encodeEntries } from '@/lib/url-state';
import { QUESTIONS, getQuestion } from './questions';
import { answerProblem } from './score';
import type { Answers } from './types';

export const ANSWERS_PARAM = 'a';

export interface Dropped {
  /** The piece of the link that was dropped, as written. */
  segment: string;
  reason: string;
}

export interface DecodedAnswers {
  answers: Answers;
  dropped: Dropped[];
}

/** Keeps question order stable so the same answers always give the same link. */
export function encodeAnswers(answers: Answers): string {
  return encodeEntries(
    QUESTIONS.filter((q) => Array.isArray(answers[q.id]) && answerProblem(q, answers[q.id]!) === null).map((q) => ({
      key: q.id,
      values: answers[q.id]!,
    })),
  );
}

export function decodeAnswers(raw: string | null | undefined): DecodedAnswers {
  const answers: Answers = {};
  const dropped: Dropped[] = [];
  if (!raw) return { answers, dropped };
  const { entries, garbage } = decodeEntries(raw);
  for (const g of garbage) dropped.push({ segment: g, reason: 'not a question.answer pair' });
  for (const { key, values } of entries) {
    const segment = `${key}.${values.join('-')}`;
    const q = getQuestion(key);
    if (!q) {
      dropped.push({ segment, reason: `unknown question “${key}”` });
      continue;
    }
    if (answers[key]) {
      dropped.push({ segment, reason: `“${key}” was answered earlier in the link` });
      continue;
    }
    const problem = answerProblem(q, values);
    if (problem) dropped.push({ segment, reason: problem });
    else answers[key] = values;
  }
  return { answers, dropped };
}

/** One readable line per dropped piece, for the notice shown to the user. */
export function describeDropped(dropped: readonly Dropped[]): string[] {
  return dropped.map((d) => `“${d.segment.length > 60 ? `${d.segment.slice(0, 57)}…` : d.segment}”: ${d.reason}`);
}
