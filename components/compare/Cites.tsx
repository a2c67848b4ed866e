import { sourceById, sourceNumber, type Claim, type SourceId } from '@/lib/content';
import { SCENARIO_TITLES, scenarioHref } from '@/lib/scenario-titles';
import type { ScenarioId } from '@/simulator/scenarios';

/** Numbered links to a claim's sources: each goes to the source's entry in the list at the end of the page, which links out. */
export function Cites({ ids }: { ids: readonly SourceId[] }) {
  return (
    <span className="whitespace-nowrap">
      {ids.map((id) => {
        const source = sourceById(id);
        const n = sourceNumber(id);
        return (
          <a
            key={id}
            href={`#source-${id}`}
            aria-label={`Source ${n}: ${source.publisher}, ${source.title}`}
            title={`${source.publisher}: ${source.title}`}
            className="cite-link"
          >
            [{n}]
          </a>
        );
      })}
    </span>
  );
}

/** Links to the simulator scenarios that show a claim happening. */
export function ScenarioLinks({ ids }: { ids: readonly ScenarioId[] }) {
  if (ids.length === 0) return null;
  return (
    <span className="ml-1 inline-flex flex-wrap gap-x-3 gap-y-1 text-sm" data-testid="scenario-links">
      {ids.map((id) => (
        <a key={id} href={scenarioHref(id)} className="scenario-link">
          <span aria-hidden="true">▶</span>
          <span>Simulate: {SCENARIO_TITLES[id]}</span>
        </a>
      ))}
    </span>
  );
}

/** A sentence followed by its source links, and the scenarios that show it. */
export function ClaimText({ claim }: { claim: Claim<SourceId> }) {
  return (
    <>
      {claim.text}
      <Cites ids={claim.sources} />
      {claim.scenarios ? <ScenarioLinks ids={claim.scenarios} /> : null}
    </>
  );
}

/** A list of sourced sentences. */
export function ClaimList({ claims, className }: { claims: readonly Claim<SourceId>[]; className?: string }) {
  return (
    <ul className={className}>
      {claims.map((c) => (
        <li key={c.text}>
          <ClaimText claim={c} />
        </li>
      ))}
    </ul>
  );
}
