// The quiz's scoring: a pure function from answers to a recommendation with its reasons.
//
// 1. Every answer adds the points of weights.ts (plus conditional weights that depend on another answer).
// 2. A job queue (retries, dead-lettering, priorities, RPC) beside an event log (replay, many readers) is "both",
//    whatever the point ratio; otherwise the point totals decide (kafka, rabbitmq, both, or no strong signal).
// 3. A complete set of answers with no lean is "either: run what you know".
// 4. Hard constraints (gates.ts) come last and can overrule all of it: "neither, as asked", or the one broker left.
// Confidence always belongs to the recommended outcome.
import { caveatsFor } from './caveats';
import { gatesFor, isGateOption } from './gates';
import type { Source } from './sources';
import { NOT_SURE, QUESTIONS } from './questions';
import type { Answers, Contribution, DecidingAnswer, Push, QuizQuestion, QuizResult, Recommendation, Side } from './types';
import { CONDITIONAL_WEIGHTS, MULTI_CAP, THRESHOLDS as T, WEIGHTS, conditionalFor } from './weights';

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

/** The points of one option, conditional weights included. */
export function optionPush(questionId: string, optionId: string, answers: Answers): Required<Push> {
  let kafka = WEIGHTS[questionId]?.[optionId]?.kafka ?? 0;
  let rabbitmq = WEIGHTS[questionId]?.[optionId]?.rabbitmq ?? 0;
  for (const c of conditionalFor(questionId, optionId, answers)) {
    kafka += c.push.kafka ?? 0;
    rabbitmq += c.push.rabbitmq ?? 0;
  }
  return { kafka, rabbitmq };
}

function pushOf(q: QuizQuestion, chosen: readonly string[], answers: Answers): Required<Push> {
  const cap = q.kind === 'multi' ? MULTI_CAP : Infinity;
  let kafka = 0;
  let rabbitmq = 0;
  for (const o of chosen) {
    const p = optionPush(q.id, o, answers);
    kafka += p.kafka;
    rabbitmq += p.rabbitmq;
  }
  return { kafka: Math.min(cap, kafka), rabbitmq: Math.min(cap, rabbitmq) };
}

function subsets(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << ids.length; mask++) out.push(ids.filter((_, i) => mask & (1 << i)));
  return out;
}

/** The most points (both sides together) an answer to `q` can add, conditional weights included: its weight in the quiz. */
function maxPoints(q: QuizQuestion): number {
  const ids = q.options.map((o) => o.id);
  const sets: string[][] = q.kind === 'single' ? ids.map((id) => [id]) : subsets(ids).filter((s) => answerProblem(q, s) === null);
  // Every conditional weight switched on, so the question counts with its largest possible push.
  const everything: Answers = Object.fromEntries(CONDITIONAL_WEIGHTS.map((c) => [c.when.question, [...c.when.options]]));
  return Math.max(
    0,
    ...sets.map((s) => {
      const p = pushOf(q, s, everything);
      return p.kafka + p.rabbitmq;
    }),
  );
}

const WEIGHT_OF = new Map(QUESTIONS.map((q) => [q.id, maxPoints(q)]));
const TOTAL_WEIGHT = [...WEIGHT_OF.values()].reduce((a, b) => a + b, 0);

/** True when an option adds no points, triggers no gate and depends on no other answer: a "No" answer. */
export function isNeutralOption(questionId: string, optionId: string): boolean {
  const w = WEIGHTS[questionId]?.[optionId];
  if (w?.kafka || w?.rabbitmq) return false;
  if (isGateOption(questionId, optionId)) return false;
  return !CONDITIONAL_WEIGHTS.some((c) => c.question === questionId && c.option === optionId);
}

function labelOf(q: QuizQuestion, chosen: readonly string[]): string {
  return chosen.map((id) => q.options.find((o) => o.id === id)?.label ?? id).join(', ');
}

/** The options of an answer that carry points, with their own reasons and sources. */
function pushingOptions(q: QuizQuestion, chosen: readonly string[], answers: Answers) {
  return chosen
    .map((id) => q.options.find((o) => o.id === id))
    .filter((o): o is NonNullable<typeof o> => o !== undefined)
    .filter((o) => {
      const p = optionPush(q.id, o.id, answers);
      return p.kafka > 0 || p.rabbitmq > 0;
    });
}

function reasonOf(q: QuizQuestion, chosen: readonly string[], answers: Answers): string {
  const reasons = pushingOptions(q, chosen, answers).map((o) => o.reason ?? '');
  return [...new Set(reasons.filter((r) => r.length > 0))].join(' ');
}

/** The sources of the options that pushed: each weighted option has its own (never the question's in its place). */
function sourcesOf(q: QuizQuestion, chosen: readonly string[], answers: Answers): Source[] {
  const own = pushingOptions(q, chosen, answers).flatMap((o) => o.sources ?? []);
  return [...new Map(own.map((s) => [s.url, s])).values()];
}

/** The point totals' verdict, before structural rules and gates. */
function byPoints(kafka: number, rabbitmq: number, mixed: boolean): Recommendation {
  const total = kafka + rabbitmq;
  const weaker = Math.min(kafka, rabbitmq);
  if (total < T.minEvidence) return 'no-signal';
  if (mixed && weaker >= T.bothMinWhenMixed) return 'both';
  if (weaker >= T.bothMin && weaker / Math.max(kafka, rabbitmq) >= T.bothRatio) return 'both';
  if (Math.abs(kafka - rabbitmq) < T.tieMargin * total) return 'no-signal';
  return kafka > rabbitmq ? 'kafka' : 'rabbitmq';
}

/** A job queue: work done once, with retries and dead-lettering, priorities or request/reply. */
function hasJobTier(a: Answers): boolean {
  return (a.tasks?.includes('yes') ?? false) || (a.msgfeatures?.some((o) => o === 'priority' || o === 'rpc') ?? false);
}

/** An event log: history read again, or many services reading the same events. */
function hasEventTier(a: Answers): boolean {
  return (a.replay?.some((o) => o === 'often' || o === 'sometimes') ?? false) || (a.fanout?.includes('many') ?? false);
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/**
 * Confidence in one outcome, 0–1: how strong its evidence is, scaled by how much of the quiz was answered
 * (the share of all possible points that the answered questions carry; never below `coverageFloor`).
 */
export function confidenceOf(outcome: Recommendation, kafka: number, rabbitmq: number, coverage: number): number {
  const scale = T.coverageFloor + (1 - T.coverageFloor) * coverage;
  const lead = Math.abs(kafka - rabbitmq);
  const total = kafka + rabbitmq;
  switch (outcome) {
    case 'kafka':
    case 'rabbitmq': {
      const ahead = outcome === 'kafka' ? kafka - rabbitmq : rabbitmq - kafka;
      if (ahead <= 0) return 0;
      // A lead counts fully at fullLead points; a lead won against many opposing points counts less.
      return clamp01(ahead / T.fullLead) * (0.5 + 0.5 * (ahead / total)) * scale;
    }
    case 'both':
      return clamp01(Math.min(kafka, rabbitmq) / T.fullBoth) * scale;
    case 'either':
      // Settled when most of the quiz is answered and the totals stay level.
      return coverage * (1 - clamp01(lead / T.fullLead));
    case 'neither':
      return 1;
    case 'no-signal':
      return 0;
  }
}

function pickDeciding(rec: Recommendation, decisive: DecidingAnswer[]): DecidingAnswer[] {
  const byNet = (a: DecidingAnswer, b: DecidingAnswer) => Math.abs(b.net) - Math.abs(a.net);
  const bySide = (side: Side) => decisive.filter((d) => d.side === side).sort(byNet);
  if (rec === 'kafka' || rec === 'rabbitmq') return bySide(rec).slice(0, MAX_DECIDING);
  if (rec !== 'both') return [...decisive].sort(byNet).slice(0, MAX_DECIDING);
  const mixed = decisive.filter((d) => d.questionId === 'mixed');
  const k = bySide('kafka').filter((d) => d.questionId !== 'mixed');
  const r = bySide('rabbitmq').filter((d) => d.questionId !== 'mixed');
  const interleaved: DecidingAnswer[] = [];
  for (let i = 0; i < Math.max(k.length, r.length); i++) {
    if (k[i]) interleaved.push(k[i]!);
    if (r[i]) interleaved.push(r[i]!);
  }
  return [...mixed, ...interleaved].slice(0, MAX_DECIDING);
}

const DEFAULT_SPLIT = {
  kafka: 'events: facts that many services read, kept as a replayable log',
  rabbitmq: 'commands and jobs: work done once by one consumer, with acks, retries and dead-lettering',
};

/** The recommendation, its confidence and gates for a set of valid answers and their totals. */
function decide(valid: Answers, kafka: number, rabbitmq: number, coverage: number, skippedSwing: boolean) {
  const mixed = valid.mixed?.includes('yes') ?? false;
  let byAnswers: Recommendation = hasJobTier(valid) && hasEventTier(valid) ? 'both' : byPoints(kafka, rabbitmq, mixed);
  if (byAnswers === 'no-signal' && !skippedSwing) byAnswers = 'either';
  const withoutConstraints = {
    recommendation: byAnswers,
    confidence: Math.round(100 * confidenceOf(byAnswers, kafka, rabbitmq, coverage)),
  };
  const gates = gatesFor(valid);
  if (gates.length === 0) return { ...withoutConstraints, gates, withoutConstraints: undefined };
  const blocking = gates.some((g) => g.unmet.length > 0);
  const left = new Set(gates.map((g) => g.leaves));
  const recommendation: Recommendation = blocking || left.size !== 1 ? 'neither' : [...left][0]!;
  return { recommendation, confidence: 100, gates, withoutConstraints };
}

export function score(answers: Answers): QuizResult {
  const valid: Answers = {};
  for (const q of QUESTIONS) {
    const chosen = chosenOptions(q, answers);
    if (chosen !== null) valid[q.id] = chosen;
  }

  const contributions: Contribution[] = [];
  const decisive: DecidingAnswer[] = [];
  const split = { kafka: [] as string[], rabbitmq: [] as string[] };
  const skipped: QuizQuestion[] = [];
  let kafka = 0;
  let rabbitmq = 0;
  let answeredWeight = 0;

  for (const q of QUESTIONS) {
    const chosen = valid[q.id];
    if (!chosen) {
      skipped.push(q);
      continue;
    }
    answeredWeight += WEIGHT_OF.get(q.id) ?? 0;
    const push = pushOf(q, chosen, valid);
    const net = push.kafka - push.rabbitmq;
    kafka += push.kafka;
    rabbitmq += push.rabbitmq;
    const c: Contribution = { questionId: q.id, short: q.short, answer: labelOf(q, chosen), ...push, net };
    contributions.push(c);
    if (push.kafka > 0 || push.rabbitmq > 0) {
      const side: Side = net >= 0 ? 'kafka' : 'rabbitmq';
      const why = reasonOf(q, chosen, valid);
      decisive.push({ ...c, side, why, sources: sourcesOf(q, chosen, valid), row: q.row, scenarios: q.scenarios });
    }
    for (const o of chosen) {
      const part = q.options.find((opt) => opt.id === o)?.part;
      const p = optionPush(q.id, o, valid);
      if (part && p.kafka) split.kafka.push(part);
      if (part && p.rabbitmq) split.rabbitmq.push(part);
    }
  }

  // Skipped questions that could still move the result by 3+ points, in the quiz's order (most fundamental first).
  const toConsider = skipped
    .filter((q) => (WEIGHT_OF.get(q.id) ?? 0) >= 3)
    .slice(0, 5)
    .map((q) => ({ questionId: q.id, prompt: q.prompt }));
  const coverage = TOTAL_WEIGHT === 0 ? 0 : answeredWeight / TOTAL_WEIGHT;
  const { recommendation, confidence, gates, withoutConstraints } = decide(valid, kafka, rabbitmq, coverage, toConsider.length > 0);
  const skills = valid.skills?.[0];

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
    gates,
    withoutConstraints,
    runWhatYouKnow: recommendation === 'either' && (skills === 'kafka' || skills === 'rabbitmq' || skills === 'both') ? skills : undefined,
  };
}
