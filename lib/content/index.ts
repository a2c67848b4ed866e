import { CLIENT_DEFAULTS, CLIENT_DEFAULTS_NOTE } from './client-defaults';
import { LIBRARY_NOTES, codeTabs } from './code-samples';
import { durabilityClaims } from './durability';
import { FEATURES } from './features';
import { KAFKA_POINTS, RABBIT_POINTS } from './log-vs-queue';
import { EXCHANGE_SOURCES, KAFKA_INSTEAD, UNROUTABLE_NOTE } from './routing';
import { SOURCES, type SourceId } from './sources';
import type { Claim } from './types';
import { MANAGED, USE_CASES } from './use-cases';
import { BOTTOM_LINE, CONVERGENCE, INTRO, ONE_LINE_VERDICT, VERDICT, VERSIONS } from './verdict';

export * from './types';
export { SOURCES, SOURCE_IDS, sourceById, type SourceId } from './sources';

/** Every claim-like item on the page, in page order, for checks that each carries a source. */
export function allClaims(): Claim<SourceId>[] {
  return [
    ONE_LINE_VERDICT,
    VERSIONS,
    ...INTRO,
    ...VERDICT.flatMap((side) => side.points),
    CONVERGENCE,
    ...KAFKA_POINTS,
    ...RABBIT_POINTS,
    ...FEATURES.flatMap((row) => [{ text: `${row.kafka} | ${row.rabbitmq}`, sources: row.sources }, ...row.nuance]),
    ...durabilityClaims(),
    CLIENT_DEFAULTS_NOTE,
    ...CLIENT_DEFAULTS.map((c) => ({
      text: `${c.client}: ${c.idempotence.text}; ${c.acks}; ${c.linger}; ${c.partitioner}`,
      sources: c.sources,
    })),
    ...codeTabs().flatMap((t) => {
      const note = LIBRARY_NOTES[t.library];
      return [{ text: `Client library: ${t.library}`, sources: t.sources }, ...(note ? [note] : [])];
    }),
    { text: 'Exchange types', sources: EXCHANGE_SOURCES },
    UNROUTABLE_NOTE,
    ...KAFKA_INSTEAD,
    ...USE_CASES.map((u) => ({ text: u.example, sources: u.sources })),
    ...MANAGED.map((m) => ({ text: m.note, sources: m.sources })),
    ...BOTTOM_LINE,
  ];
}

/** Source ids cited anywhere on the page, in first-cited order. */
export function citedSourceIds(): SourceId[] {
  return [...new Set(allClaims().flatMap((c) => c.sources))];
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
