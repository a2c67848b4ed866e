import type { Source } from './sources';

export type Side = 'kafka' | 'rabbitmq';
/**
 * - `kafka` / `rabbitmq` / `both`: what the answers point to;
 * - `neither`: a hard constraint (strict global order with competing consumers, a managed service that lacks what is
 *   needed) rules out every option as asked;
 * - `either`: the answers are complete enough and point nowhere: run what you know;
 * - `no-signal`: too little answered to say.
 */
export type Recommendation = Side | 'both' | 'neither' | 'either' | 'no-signal';

/** Comparison rows on `/` (`/#feature-<id>`). */
export type RowId =
  'throughput' | 'retention' | 'consumers' | 'replay' | 'routing' | 'latency' | 'ordering' | 'protocols' | 'management' | 'managed';

/** Simulator scenarios (`/simulate?scenario=<id>`): the engine's own list of ids. */
import type { ScenarioId } from '@/simulator/scenarios';

export type { ScenarioId };

export interface QuizOption {
  id: string;
  label: string;
  /** Why this answer pushes the result, shown when it is a deciding answer. */
  reason?: string;
  /** For a "both" result: the part of the system this answer puts on the side it pushes. */
  part?: string;
  /** Sources for `reason`. Every option that carries points has its own (a test checks). */
  sources?: Source[];
  /** Multi-choice only: picking it excludes every other option (e.g. "none of these"). */
  exclusive?: boolean;
}

export interface QuizQuestion {
  id: string;
  /** Short label for charts and tables. */
  short: string;
  prompt: string;
  kind: 'single' | 'multi';
  options: QuizOption[];
  why: string;
  /** Every claim in `why` (and in option reasons) is backed by one of these. */
  sources: Source[];
  row?: RowId;
  /** Simulator scenarios that show what the question is about. */
  scenarios?: readonly ScenarioId[];
}

/** Question id → chosen option ids. `['ns']` (or a missing key) means "not sure / doesn't matter". */
export type Answers = Record<string, string[]>;

export interface Push {
  kafka?: number;
  rabbitmq?: number;
}

export interface Contribution {
  questionId: string;
  short: string;
  answer: string;
  kafka: number;
  rabbitmq: number;
  /** kafka − rabbitmq: positive pushes towards Kafka, negative towards RabbitMQ. */
  net: number;
}

export interface DecidingAnswer extends Contribution {
  side: Side;
  why: string;
  /** Every claim in `why` (and in option reasons) is backed by one of these. */
  sources: Source[];
  row?: RowId;
  scenarios?: readonly ScenarioId[];
}

/** A need that the constraint cannot meet, with what would meet it. */
export interface UnmetNeed {
  questionId: string;
  need: string;
}

/** A hard constraint in the answers: it decides before the points do. */
export interface Gate {
  id: 'global-order' | 'amazon-mq' | 'kafka-service' | 'rabbitmq-service';
  /** What the constraint is, in the user's terms. */
  title: string;
  /** What it rules out, and why. */
  rulesOut: string;
  /** What to do instead. */
  alternative: string;
  /** Needs from the answers that the constraint cannot meet (empty: it only narrows the choice). */
  unmet: UnmetNeed[];
  /** What the constraint leaves, when it leaves one broker and nothing needed is missing. */
  leaves?: Side;
  sources: Source[];
}

export interface Caveat {
  id: string;
  text: string;
  sources: Source[];
}

export interface QuizResult {
  recommendation: Recommendation;
  /** How settled the recommended outcome is, 0–100 (100 when a hard constraint decides). */
  confidence: number;
  confidenceLevel: 'low' | 'medium' | 'high';
  totals: { kafka: number; rabbitmq: number };
  deciding: DecidingAnswer[];
  caveats: Caveat[];
  contributions: Contribution[];
  /** Only for 'both': which part of the system goes where. */
  split?: { kafka: string[]; rabbitmq: string[] };
  /** Unanswered questions that could move the result most (for 'no-signal', and as a hint otherwise). */
  toConsider: { questionId: string; prompt: string }[];
  answeredCount: number;
  /** Hard constraints that decided the result (empty when the points decided). */
  gates: Gate[];
  /** When a gate decided: what the rest of the answers point to without it. */
  withoutConstraints?: { recommendation: Recommendation; confidence: number };
  /** For 'either': the broker the team already runs well, if they said so. */
  runWhatYouKnow?: Side | 'both';
}
