'use client';
import { useSim } from './context';

/** What each step did, in words. The live region carries one entry at a time (the store batches them). */
export function Narration() {
  const narration = useSim((s) => s.narration);
  const playing = useSim((s) => s.playing);
  // While playing, only chapters are announced (a sentence a second would drown a screen reader);
  // steps and pauses announce what just happened.
  const latest = playing ? narration.findLast((n) => n.chapter) : narration.at(-1);
  const recent = narration.slice(-8).reverse();
  return (
    <section aria-labelledby="narration-h" className="rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <h2 id="narration-h" className="text-base font-semibold">
        What just happened
      </h2>
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {latest
          ? [
              latest.chapter ? `${latest.chapter.title}. ${latest.chapter.text}` : '',
              latest.from !== undefined && latest.more ? `${latest.more} earlier events, then:` : '',
              ...latest.lines,
              latest.from === undefined && latest.more ? `and ${latest.more} more events` : '',
            ].join(' ')
          : ''}
      </p>
      <ol className="mt-2 max-h-64 space-y-2 overflow-y-auto text-sm" aria-label="Recent steps, newest first" tabIndex={0}>
        {recent.map((n) => (
          <li key={n.id} className="border-l-2 border-zinc-300 pl-2 dark:border-zinc-700">
            <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400" data-testid="narration-time">
              {n.from !== undefined ? `${n.from}–${n.time} ms` : `${n.time} ms`}
            </span>
            {n.chapter && (
              <p className="font-semibold">
                {n.chapter.title}: <span className="font-normal">{n.chapter.text}</span>
              </p>
            )}
            {n.from !== undefined && n.more > 0 && (
              <p className="text-zinc-600 dark:text-zinc-400">
                {n.more} earlier event{n.more === 1 ? '' : 's'}, then:
              </p>
            )}
            {n.lines.map((l, i) => (
              <p key={i}>{l}</p>
            ))}
            {n.from === undefined && n.more > 0 && <p className="text-zinc-600 dark:text-zinc-400">… and {n.more} more events</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
