import type { ReactNode } from 'react';

/**
 * A page section with an anchored h2, so every section is linkable. Every section after the first
 * skips style, layout and paint while off screen (`.compare-section` in globals.css): the page is
 * ~20,000 px tall, and laying all of it out at load was most of its blocking time.
 */
export function Section({ id, title, lead, children }: { id: string; title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="compare-section border-t border-zinc-200 pt-10 pb-4 dark:border-zinc-800">
      <h2 id={id} className="group scroll-mt-20 text-2xl font-bold tracking-tight text-balance text-zinc-950 sm:text-3xl dark:text-white">
        <span id={`${id}-heading`}>{title}</span>{' '}
        {/* A mouse convenience for copying the section's address; keyboard users have the contents list. */}
        <a
          href={`#${id}`}
          aria-hidden="true"
          tabIndex={-1}
          className="text-zinc-500 no-underline opacity-60 group-hover:opacity-100 hover:text-kafka-700 dark:text-zinc-400 dark:hover:text-kafka-300"
        >
          #
        </a>
      </h2>
      {lead ? <p className="mt-3 max-w-prose text-lg text-pretty text-zinc-700 dark:text-zinc-300">{lead}</p> : null}
      <div className="mt-6">{children}</div>
    </section>
  );
}
