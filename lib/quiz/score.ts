// The quiz's scoring: a pure function from answers to a recommendation with its reasons.
import { caveatsFor } from './caveats';
import type { Source } from './sources';
import { NOT_SURE, QUESTIONS } from './questions';
import type { Answers, Contribution, DecidingAnswer, Push, QuizQuestion, QuizResult, Recommendation, Side } from './types';
import { MULTI_CAP, THRESHOLDS as T, WEIGHTS } from './weights';

const MAX_DECIDING = 5;

/** Why a chosen answer is not valid for its question, or null when it is. */
export function answerProblem(q: QuizQuestion, chosen: readonly string[]): string | null {
  if (chosen.length === 0) return 'no option given';
  if (chosen.includes(NOT_SURE)) return chosen.length === 1 ? null : '“not sure” mixed with other options';
  const unknown = chosen.find((o) => !q.options.some((opt) => opt.id === o));
  if (unknown !== undefined) return `“${unknown}” is not an option of “${q.id}”`;
  if (new Set(chosen).size !== chosen.length) return 'an option is repeated';
  if (q.kind === 'single' && chosen.length > 1) return 'only one option is allowed';
  const exclusive = q.options.find((o) => o.exclusive && chosen.includes(o.id));
  if (exclusive && chosen.length > 1) return `“${exclusive.id}” excludes the other options`;
  return null;
}

/** The valid, answered (not "not sure") options for a question, or null. Tolerates any input shape. */
function chosenOptions(q: QuizQuestion, answers: unknown): string[] | null {
  if (typeof answers !== 'object' || answers === null) return null;
  const raw: unknown = (answers as Record<string, unknown>)[q.id];
  if (!Array.isArray(raw) || !raw.every((o): o is string => typeof o === 'string')) return null;
  if (answerProblem(q, raw) !== null || raw[0] === NOT_SURE) return null;
  return raw;
}

function pushOf(q: QuizQuestion, chosen: readonly string[]): Required<Push> {
  const cap = q.kind === 'multi' ? MULTI_CAP : Infinity;
  let kafka = 0;
  let rabbitmq = 0;
  for (const o of chosen) {
    kafka += WEIGHTS[q.id]?.[o]?.kafka ?? 0;
    rabbitmq += WEIGHTS[q.id]?.[o]?.rabbitmq ?? 0;
  }
  return { kafka: Math.min(cap, kafka), rabbitmq: Math.min(cap, rabbitmq) };
}

/** Every net push (kafka − rabbitmq) an answer to `q` could give, "not sure" (0) included. */
function reachableNets(q: QuizQuestion): number[] {
  const ids = q.options.map((o) => o.id);
  const sets: string[][] = q.kind === 'single' ? ids.map((id) => [id]) : subsets(ids).filter((s) => answerProblem(q, s) === null);
  return [
    0,
    ...sets.map((s) => {
      const p = pushOf(q, s);
      return p.kafka - p.rabbitmq;
    }),
  ];
}

function subsets(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << ids.length; mask++) out.push(ids.filter((_, i) => mask & (1 << i)));
  return out;
}

const NET_RANGE = new Map(
  QUESTIONS.map((q) => {
    const nets = reachableNets(q);
    return [q.id, { min: Math.min(...nets), max: Math.max(...nets) }];
  }),
);

function labelOf(q: QuizQuestion, chosen: readonly string[]): string {
  return chosen.map((id) => q.options.find((o) => o.id === id)?.label ?? id).join(', ');
}

function reasonOf(q: QuizQuestion, chosen: readonly string[]): string {
  const reasons = chosen
    .map((id) => q.options.find((o) => o.id === id))
    .filter((o) => o?.reason && (WEIGHTS[q.id]?.[o.id]?.kafka || WEIGHTS[q.id]?.[o.id]?.rabbitmq))
    .map((o) => o?.reason ?? '');
  return reasons.length > 0 ? [...new Set(reasons)].join(' ') : q.why;
}

/** The chosen options' own sources when they have them, else the question's. */
function sourcesOf(q: QuizQuestion, chosen: readonly string[]): Source[] {
  const own = chosen.flatMap((id) => q.options.find((o) => o.id === id)?.sources ?? []);
  return own.length > 0 ? [...new Map(own.map((s) => [s.url, s])).values()] : q.sources;
}

function recommend(kafka: number, rabbitmq: number, mixed: boolean): Recommendation {
  const total = kafka + rabbitmq;
  const weaker = Math.min(kafka, rabbitmq);
  if (total < T.minEvidence) return 'no-signal';
  if (mixed && weaker >= T.bothMinWhenMixed) return 'both';
  if (weaker >= T.bothMin && weaker / Math.max(kafka, rabbitmq) >= T.bothRatio) return 'both';
  if (Math.abs(kafka - rabbitmq) < T.tieMargin * total) return 'no-signal';
  return kafka > rabbitmq ? 'kafka' : 'rabbitmq';
}

/**
 * How settled each outcome is, 0–1, counting only what the answers settle: a Kafka (or RabbitMQ) lead that
 * survives even if every skipped question went the other way, or for "both" the strength of the weaker side.
 * Turning an answer into "not sure" can only lower each of them.
 */
function settledness(
  kafka: number,
  rabbitmq: number,
  lo: number,
  hi: number,
  mixed: boolean,
): Record<Exclude<Recommendation, 'no-signal'>, number> {
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  return {
    kafka: clamp(lo / T.fullLead),
    rabbitmq: clamp(-hi / T.fullLead),
    both: clamp(Math.min(kafka, rabbitmq) / (mixed ? T.fullBoth : T.fullBothUnmixed)),
  };
}

function pickDeciding(rec: Recommendation, decisive: DecidingAnswer[]): DecidingAnswer[] {
  const bySide = (side: Side) => decisive.filter((d) => d.side === side).sort((a, b) => Math.abs(b.net) - Math.abs(a.net));
  if (rec === 'kafka' || rec === 'rabbitmq') return bySide(rec).slice(0, MAX_DECIDING);
  if (rec === 'no-signal') {
    return [...decisive].sort((a, b) => Math.abs(b.net) - Math.abs(a.net)).slice(0, MAX_DECIDING);
  }
  const mixed = decisive.filter((d) => d.questionId === 'mixed');
  const k = bySide('kafka');
  const r = bySide('rabbitmq');
  const interleaved: DecidingAnswer[] = [];
  for (let i = 0; i < Math.max(k.length, r.length); i++) {
    if (k[i]) interleaved.push(k[i]!);
    if (r[i]) interleaved.push(r[i]!);
  }
  return [...mixed, ...interleaved.filter((d) => d.questionId !== 'mixed')].slice(0, MAX_DECIDING);
}

const DEFAULT_SPLIT = {
  kafka: 'events: facts that many services read, kept as a replayable log',
  rabbitmq: 'commands and jobs: work done once by one consumer, with acks, retries and dead-lettering',
};

export function score(answers: Answers): QuizResult {
  const contributions: Contribution[] = [];
  const decisive: DecidingAnswer[] = [];
  const split = { kafka: [] as string[], rabbitmq: [] as string[] };
  const skipped: QuizQuestion[] = [];
  const valid: Answers = {};
  let kafka = 0;
  let rabbitmq = 0;
  let lo = 0;
  let hi = 0;

  for (const q of QUESTIONS) {
    const chosen = chosenOptions(q, answers);
    const range = NET_RANGE.get(q.id) ?? { min: 0, max: 0 };
    if (chosen === null) {
      skipped.push(q);
      lo += range.min;
      hi += range.max;
      continue;
    }
    valid[q.id] = chosen;
    const push = pushOf(q, chosen);
    const net = push.kafka - push.rabbitmq;
    kafka += push.kafka;
    rabbitmq += push.rabbitmq;
    lo += net;
    hi += net;
    const c: Contribution = { questionId: q.id, short: q.short, answer: labelOf(q, chosen), ...push, net };
    contributions.push(c);
    if (push.kafka > 0 || push.rabbitmq > 0) {
      const side: Side = net >= 0 ? 'kafka' : 'rabbitmq';
      decisive.push({ ...c, side, why: reasonOf(q, chosen), sources: sourcesOf(q, chosen), row: q.row, scenario: q.scenario });
    }
    for (const o of chosen) {
      const part = q.options.find((opt) => opt.id === o)?.part;
      const w = WEIGHTS[q.id]?.[o];
      if (part && w?.kafka) split.kafka.push(part);
      if (part && w?.rabbitmq) split.rabbitmq.push(part);
    }
  }

  const mixed = valid.mixed?.includes('yes') ?? false;
  // The most settled outcome wins once it is settled enough; below that the point totals decide, with low confidence.
  const settled = settledness(kafka, rabbitmq, lo, hi, mixed);
  const [mostSettled, best] = (Object.entries(settled) as [Recommendation, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  const confidence = Math.round(100 * best);
  const recommendation = confidence >= T.settled ? mostSettled : recommend(kafka, rabbitmq, mixed);
  // Skipped questions that could move the result by 3+ points, in the quiz's order (most fundamental first).
  const toConsider = skipped
    .filter((q) => (NET_RANGE.get(q.id)?.max ?? 0) - (NET_RANGE.get(q.id)?.min ?? 0) >= 3)
    .slice(0, 5)
    .map((q) => ({ questionId: q.id, prompt: q.prompt }));

  return {
    recommendation,
    confidence,
    confidenceLevel: confidence >= T.high ? 'high' : confidence >= T.medium ? 'medium' : 'low',
    totals: { kafka, rabbitmq },
    deciding: pickDeciding(recommendation, decisive),
    caveats: caveatsFor(valid, recommendation),
    contributions,
    split:
      recommendation === 'both'
        ? {
            kafka: split.kafka.length > 0 ? split.kafka : [DEFAULT_SPLIT.kafka],
            rabbitmq: split.rabbitmq.length > 0 ? split.rabbitmq : [DEFAULT_SPLIT.rabbitmq],
          }
        : undefined,
    toConsider,
    answeredCount: contributions.length,
  };
}
