import type { Source } from '@/lib/quiz';
import { linkClass } from './links';

export function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} className={linkClass} target="_blank" rel="noreferrer">
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

/** "Sources: A · B": every note's backing, each opening in a new tab. */
export function SourceLinks({ sources }: { sources: readonly Source[] }) {
  return (
    <span>
      {sources.length === 1 ? 'Source: ' : 'Sources: '}
      {sources.map((s, i) => (
        <span key={s.url}>
          {i > 0 && ' · '}
          <ExternalLink href={s.url}>{s.label}</ExternalLink>
        </span>
      ))}
    </span>
  );
}
