// Lists that grow with a scenario (partitions of a topic, consumers of a group) are drawn up to a
// bound; beyond it one summary says how many more there are and opens them all. A scenario within the
// caps (64 partitions × 8 groups, 16 consumers a group) then costs the page what a small one does on
// its first frame, and every figure stays one click (or key) away.

/** Partition rows a topic draws before "Show all". */
export const PARTITIONS_SHOWN = 8;
/** Consumers a group's card lists before "Show all". */
export const MEMBERS_SHOWN = 8;

export interface Bounded<T> {
  shown: readonly T[];
  /** How many are left out (0 when open or within the bound). */
  more: number;
}

/** The first `limit` items unless `open`; `more` counts the rest. Nothing is hidden to save one item. */
export function bounded<T>(items: readonly T[], limit: number, open: boolean): Bounded<T> {
  // Folding away a single item would cost as much room as the summary that replaces it.
  if (open || items.length <= limit + 1) return { shown: items, more: 0 };
  return { shown: items.slice(0, limit), more: items.length - limit };
}
