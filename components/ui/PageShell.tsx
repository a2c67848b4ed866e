// The frame of an interactive page: its title, a lead paragraph that says what the page does, and
// the page's own content under them.
import type { ReactNode } from 'react';

export function PageShell({
  title,
  lead,
  children,
  flushBottom = false,
  compact = false,
}: {
  title: ReactNode;
  lead: ReactNode;
  children: ReactNode;
  flushBottom?: boolean;
  /** A smaller title and a one-line lead, for a page whose tool must be on screen at once (/simulate). */
  compact?: boolean;
}) {
  return (
    <div className={`mx-auto max-w-6xl px-4 sm:px-6 ${compact ? 'pt-4' : 'pt-8'} ${flushBottom ? '' : 'pb-8'}`}>
      <h1
        className={`${compact ? 'text-2xl sm:text-3xl' : 'text-3xl sm:text-4xl'} font-bold tracking-tight text-balance text-zinc-950 dark:text-white`}
      >
        {title}
      </h1>
      <p className={`${compact ? 'mt-1 text-base' : 'mt-4 max-w-3xl text-lg'} text-pretty text-zinc-700 dark:text-zinc-300`}>{lead}</p>
      {children}
    </div>
  );
}
