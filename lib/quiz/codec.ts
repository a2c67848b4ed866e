// Answers ⇄ the `?a=` query parameter, e.g. `a=replay.often_protocols.mqtt-stomp`.
import { decodeEntries, encodeEntries, MAX_ENCODED_LENGTH } from '@/lib/url-state';
import { QUESTIONS, getQuestion } from './questions';
import { answerProblem } from './score';
import type { Answers } from './types';
import { count } from '@/lib/format';

export const ANSWERS_PARAM = 'a';

export interface Dropped {
  /** The piece of the link that was dropped, as written ('' for what is not one piece: the cut-off rest of a long link). */
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
  const { entries, garbage, cut } = decodeEntries(raw);
  if (cut > 0) {
    dropped.push({
      segment: '',
      reason: `The link is ${count(raw.length)} characters long; only its first ${count(MAX_ENCODED_LENGTH)} were read`,
    });
  }
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

/** Lines a notice lists before it summarises the rest (a hostile link can drop a thousand pieces). */
export const MAX_DROPPED_LINES = 8;

/** One readable line per dropped piece, for the notice shown to the user; past `max` lines, one line counts the rest. */
export function describeDropped(dropped: readonly Dropped[], max = MAX_DROPPED_LINES): string[] {
  const line = (d: Dropped) =>
    d.segment === '' ? d.reason : `“${d.segment.length > 60 ? `${d.segment.slice(0, 57)}…` : d.segment}”: ${d.reason}`;
  if (dropped.length <= max) return dropped.map(line);
  const rest = dropped.slice(max - 1);
  const reasons = new Set(rest.map((d) => d.reason));
  const why = reasons.size === 1 ? `, each ${rest[0]!.reason}` : '';
  return [...dropped.slice(0, max - 1).map(line), `…and ${count(rest.length)} more parts${why}`];
}
