import { buttonClass as kitButton } from '@/components/ui/button';
import { FEATURE_LABELS } from '@/lib/content/types';
import type { RowId, ScenarioId } from '@/lib/quiz';
import { SCENARIO_TITLES, scenarioHref } from '@/lib/scenario-titles';

export const rowHref = (row: RowId) => `/#feature-${row}`;
export { scenarioHref };
/** Link labels name things as the pages do, never by their internal ids. */
export const rowLabel = (row: RowId) => `Compare: the “${FEATURE_LABELS[row]}” row`;
export const scenarioLabel = (scenario: ScenarioId) => `Simulate: ${SCENARIO_TITLES[scenario]}`;

/** Shared look of inline links in the quiz (underlined, brand colour, readable in both themes). */
export const linkClass =
  'font-medium text-kafka-700 underline decoration-kafka-300 underline-offset-2 hover:decoration-2 dark:text-kafka-300 dark:decoration-kafka-700';

// The quiz's buttons come from the UI kit (components/ui/button.ts).
export const buttonClass = kitButton({ size: 'lg' });
export const primaryButtonClass = kitButton({ size: 'lg', tone: 'primary' });
