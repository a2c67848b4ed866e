// Lists that grow with a scenario (partitions of a topic, consumers of a group) are drawn up to a
// bound; beyond it one summary says how many more there are and opens them all. A scenario within the
// caps (8 topics × 64 partitions read by 8 groups, 16 consumers a group) then costs the page what a small one does on
// its first frame, and every figure stays one click (or key) away.

/** Partition rows the Kafka lane draws before "Show all", shared among its topics (see partitionsShown). */
export const PARTITION_ROWS = 8;
/**
 * A lane with more rows than this (partitions, queues) lets rows off screen skip style, layout and
 * paint (content-visibility: auto, `.kvr-lazy`); smaller lanes keep plain rows, which have innerText
 * and animate without a check.
 */
export const LAZY_ROWS = 8;
/** Partition rows every topic may draw, however many topics there are. */
export const PARTITIONS_PER_TOPIC_MIN = 4;

/** Partition rows each of `topics` topics draws before "Show all": 8 for one topic, 4 each for two or more. */
export function partitionsShown(topics: number): number {
  return Math.max(PARTITIONS_PER_TOPIC_MIN, Math.floor(PARTITION_ROWS / Math.max(1, topics)));
}
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
