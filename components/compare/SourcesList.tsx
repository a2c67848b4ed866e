import { citedSourceIds, sourceById } from '@/lib/content';

export function SourcesList() {
  return (
    <ol className="list-decimal space-y-2.5 pl-6 text-sm marker:text-zinc-500" data-testid="sources-list">
      {citedSourceIds().map((id) => {
        const s = sourceById(id);
        return (
          <li
            key={id}
            id={`source-${id}`}
            className="rounded-md pl-1 target:bg-amber-50 target:outline-2 target:outline-offset-4 target:outline-amber-400 dark:target:bg-amber-950/40"
          >
            <a href={s.url} rel="noopener noreferrer" className="text-link font-medium break-words">
              {s.title}
            </a>
            <span className="text-zinc-700 dark:text-zinc-300"> · {s.publisher}</span>
            {s.kind === 'secondary' ? <span className="text-zinc-600 dark:text-zinc-400"> (independent)</span> : null}
            <span className="block text-zinc-600 dark:text-zinc-400">
              Backs: {s.supports}. Checked <time dateTime={s.checked}>{s.checked}</time>.
            </span>
          </li>
        );
      })}
    </ol>
  );
}
