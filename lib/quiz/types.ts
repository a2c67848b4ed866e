import type { Source } from './sources';

export type Side = 'kafka' | 'rabbitmq';
export type Recommendation = Side | 'both' | 'no-signal';

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
  /** Sources for `reason` when narrower than the question's own. */
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
  scenario?: ScenarioId;
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
  scenario?: ScenarioId;
}

export interface Caveat {
  id: string;
  text: string;
  source: Source;
}

export interface QuizResult {
  recommendation: Recommendation;
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
}
