import { sourceById, sourceNumber, type Claim, type SourceId } from '@/lib/content';

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

/** A sentence followed by its source links. */
export function ClaimText({ claim }: { claim: Claim<SourceId> }) {
  return (
    <>
      {claim.text}
      <Cites ids={claim.sources} />
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
