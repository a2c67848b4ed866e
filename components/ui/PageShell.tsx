// The frame of an interactive page: its title, a lead paragraph that says what the page does, and
// the page's own content under them.
import type { ReactNode } from 'react';

export function PageShell({
  title,
  lead,
  children,
  flushBottom = false,
}: {
  title: ReactNode;
  lead: ReactNode;
  children: ReactNode;
  flushBottom?: boolean;
}) {
  return (
    <div className={`mx-auto max-w-6xl px-4 sm:px-6 ${flushBottom ? 'pt-8' : 'py-8'}`}>
      <h1 className="text-3xl font-bold tracking-tight text-balance text-zinc-950 sm:text-4xl dark:text-white">{title}</h1>
      <p className="mt-4 max-w-3xl text-lg text-pretty text-zinc-700 dark:text-zinc-300">{lead}</p>
      {children}
    </div>
  );
}
