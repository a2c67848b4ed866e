import { FEATURE_LABELS } from '@/lib/content/types';
import type { RowId, ScenarioId } from '@/lib/quiz';
import { SCENARIO_TITLES } from '@/lib/quiz/scenario-titles';

export const rowHref = (row: RowId) => `/#feature-${row}`;
export const scenarioHref = (scenario: ScenarioId) => `/simulate?scenario=${scenario}`;
/** Link labels name things as the pages do, never by their internal ids. */
export const rowLabel = (row: RowId) => `Compare: the “${FEATURE_LABELS[row]}” row`;
export const scenarioLabel = (scenario: ScenarioId) => `Simulate: ${SCENARIO_TITLES[scenario]}`;

/** Shared look of inline links in the quiz (underlined, brand colour, readable in both themes). */
export const linkClass =
  'font-medium text-kafka-700 underline decoration-kafka-300 underline-offset-2 hover:decoration-2 dark:text-kafka-300 dark:decoration-kafka-700';

export const buttonClass =
  'inline-flex items-center justify-center gap-2 rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-semibold text-zinc-900 shadow-sm hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800';

export const primaryButtonClass =
  'inline-flex items-center justify-center gap-2 rounded-lg bg-kafka-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-kafka-800 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-kafka-300 dark:text-kafka-950 dark:hover:bg-kafka-200';
