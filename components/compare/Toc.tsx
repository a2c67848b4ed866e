'use client';
import { useEffect, useRef, useState } from 'react';
import { SECTIONS, type SectionId } from './sections';

const labelOf = (s: (typeof SECTIONS)[number]) => ('tocLabel' in s ? s.tocLabel : s.label);
/** A section is current once its heading is this far from the top of the window (a contents link lands it 160 px down). */
const READ_LINE = 200;

/** The section being read: the last one whose heading has scrolled up past the reading line. */
function useCurrentSection(): SectionId | null {
  const [current, setCurrent] = useState<SectionId | null>(null);
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      let at: SectionId | null = null;
      // Measured by the <section>, never by its heading: sections off screen are not laid out
      // (content-visibility: auto), and asking where a heading inside one is would lay it out.
      // A heading sits the same distance below its section's top in every section.
      const first = document.getElementById(SECTIONS[0].id);
      const inset = first?.parentElement ? first.getBoundingClientRect().top - first.parentElement.getBoundingClientRect().top : 0;
      for (const s of SECTIONS) {
        const section = document.getElementById(s.id)?.parentElement;
        if (section && section.getBoundingClientRect().top + inset <= READ_LINE) at = s.id;
      }
      // At the very bottom the last sections may never reach the line: the last one is being read.
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) at = SECTIONS.at(-1)!.id;
      setCurrent(at);
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, []);
  return current;
}

function SectionLinks({ current, onPick, className }: { current: SectionId | null; onPick?: () => void; className: string }) {
  return (
    <ol className={className}>
      {SECTIONS.map((s) => (
        <li key={s.id}>
          <a
            href={`#${s.id}`}
            aria-current={current === s.id ? 'location' : undefined}
            onClick={onPick}
            className="-ml-px block border-l-2 border-transparent py-1.5 pl-3 text-zinc-700 hover:border-zinc-400 hover:text-zinc-950 aria-[current]:border-kafka-600 aria-[current]:font-semibold aria-[current]:text-kafka-800 lg:py-1 dark:text-zinc-300 dark:hover:border-zinc-500 dark:hover:text-white dark:aria-[current]:border-kafka-400 dark:aria-[current]:text-kafka-200"
          >
            {labelOf(s)}
          </a>
        </li>
      ))}
    </ol>
  );
}

/** Table of contents: a sticky sidebar on wide screens, the section being read marked. */
export function Toc() {
  const current = useCurrentSection();
  return (
    <nav aria-label="On this page" className="sticky top-20 hidden max-h-[calc(100vh-6rem)] overflow-y-auto lg:block">
      <p className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">On this page</p>
      <SectionLinks current={current} className="mt-3 space-y-1 border-l border-zinc-200 text-sm dark:border-zinc-800" />
    </nav>
  );
}

/**
 * The same contents on phones and narrow windows: a bar at the bottom of the window (where a thumb
 * reaches) naming the section being read, opening into the list of sections.
 */
export function PhoneSections() {
  const current = useCurrentSection();
  const details = useRef<HTMLDetailsElement>(null);
  const close = () => details.current?.removeAttribute('open');
  const label = SECTIONS.find((s) => s.id === current);
  return (
    <nav
      aria-label="Sections"
      className="sticky bottom-0 z-30 -mx-4 border-t border-zinc-200 bg-white/95 px-4 backdrop-blur sm:-mx-6 sm:px-6 lg:hidden dark:border-zinc-800 dark:bg-zinc-950/95"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && details.current?.open) {
          close();
          details.current.querySelector('summary')?.focus();
        }
      }}
    >
      <details ref={details} className="group relative">
        <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 text-sm [&::-webkit-details-marker]:hidden">
          <span className="font-semibold text-zinc-950 dark:text-white">Sections</span>
          <span className="truncate text-zinc-700 dark:text-zinc-300" data-testid="current-section">
            {label ? labelOf(label) : 'Introduction'}
          </span>
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="ml-auto h-5 w-5 shrink-0 text-zinc-500 transition-transform group-open:rotate-180"
          >
            <path
              d="M5 12.5 10 7.5 15 12.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </summary>
        <div className="absolute inset-x-0 bottom-full -mx-4 max-h-[70vh] overflow-y-auto border-t border-zinc-200 bg-white px-4 py-2 shadow-lg sm:-mx-6 sm:px-6 dark:border-zinc-800 dark:bg-zinc-950">
          <SectionLinks current={current} onPick={close} className="border-l border-zinc-200 text-base dark:border-zinc-800" />
        </div>
      </details>
    </nav>
  );
}
