import { SECTIONS } from './sections';

/** Table of contents: a sticky sidebar on wide screens, hidden on phones. */
export function Toc() {
  return (
    <nav aria-label="On this page" className="sticky top-20 hidden max-h-[calc(100vh-6rem)] overflow-y-auto lg:block">
      <p className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">On this page</p>
      <ol className="mt-3 space-y-1 border-l border-zinc-200 text-sm dark:border-zinc-800">
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              className="-ml-px block border-l border-transparent py-1 pl-3 text-zinc-700 hover:border-zinc-400 hover:text-zinc-950 dark:text-zinc-300 dark:hover:border-zinc-500 dark:hover:text-white"
            >
              {'tocLabel' in s ? s.tocLabel : s.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
