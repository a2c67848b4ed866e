import { LIBRARY_NOTES, codeTabs } from './code-samples';
import { FEATURES } from './features';
import { KAFKA_POINTS, RABBIT_POINTS } from './log-vs-queue';
import { EXCHANGE_SOURCES, KAFKA_INSTEAD, UNROUTABLE_NOTE } from './routing';
import { SOURCES, type SourceId } from './sources';
import type { Claim } from './types';
import { MANAGED, USE_CASES } from './use-cases';
import { BOTTOM_LINE, CONVERGENCE, INTRO, VERDICT } from './verdict';

export * from './types';
export { SOURCES, SOURCE_IDS, sourceById, type SourceId } from './sources';

/** Every claim-like item on the page, for checks that each carries a source. */
export function allClaims(): Claim<SourceId>[] {
  return [
    ...INTRO,
    ...VERDICT.flatMap((side) => side.points),
    CONVERGENCE,
    ...KAFKA_POINTS,
    ...RABBIT_POINTS,
    ...FEATURES.flatMap((row) => [...row.nuance, { text: `${row.kafka} | ${row.rabbitmq}`, sources: row.sources }]),
    UNROUTABLE_NOTE,
    ...KAFKA_INSTEAD,
    ...USE_CASES.map((u) => ({ text: u.example, sources: u.sources })),
    ...MANAGED.map((m) => ({ text: m.note, sources: m.sources })),
    ...BOTTOM_LINE,
    ...Object.values(LIBRARY_NOTES).filter((n): n is Claim<SourceId> => n !== undefined),
  ];
}

/** Source ids cited anywhere on the page, in first-cited order. */
export function citedSourceIds(): SourceId[] {
  const seen = new Set<SourceId>();
  const ids: SourceId[] = [...allClaims().flatMap((c) => c.sources), ...EXCHANGE_SOURCES, ...codeTabs().flatMap((t) => t.sources)];
  for (const id of ids) seen.add(id);
  return [...seen];
}

/** The sources section lists what the page cites, numbered in first-cited order. */
export function sourceNumber(id: SourceId): number {
  const index = citedSourceIds().indexOf(id);
  if (index < 0) throw new Error(`source ${id} is not cited on the page`);
  return index + 1;
}

export function isKnownSource(id: string): id is SourceId {
  return Object.prototype.hasOwnProperty.call(SOURCES, id);
}
