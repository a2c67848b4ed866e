'use client';

import { useEffect, useState } from 'react';
import { fragmentId } from '@/lib/url-state';

const TABLE_ID = 'feature-table';

/** Opens the row a /#feature-<id> link points at (on load and on later hash changes). */
function openRowFromHash() {
  const id = fragmentId(window.location.hash);
  if (id === null || !id.startsWith('feature-')) return;
  const row = document.getElementById(id);
  if (row instanceof HTMLDetailsElement && !row.open) {
    row.open = true;
    row.scrollIntoView({ block: 'start' });
  }
}

/** The one interactive bit of the table: a toggle that marks the rows where the brokers differ most. */
export function FeatureControls({ markedCount }: { markedCount: number }) {
  const [on, setOn] = useState(false);

  useEffect(() => {
    document.getElementById(TABLE_ID)?.setAttribute('data-highlight', on ? 'on' : 'off');
  }, [on]);

  useEffect(() => {
    openRowFromHash();
    window.addEventListener('hashchange', openRowFromHash);
    return () => window.removeEventListener('hashchange', openRowFromHash);
  }, []);

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        aria-pressed={on}
        aria-controls={TABLE_ID}
        onClick={() => setOn((v) => !v)}
        className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-900 hover:bg-zinc-50 aria-pressed:border-rabbit-600 aria-pressed:bg-rabbit-50 aria-pressed:text-rabbit-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:aria-pressed:border-rabbit-400 dark:aria-pressed:bg-rabbit-950 dark:aria-pressed:text-rabbit-100"
      >
        {on ? 'Hide biggest differences' : 'Highlight biggest differences'}
      </button>
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {on ? `${markedCount} rows marked where the two differ at the root.` : ''}
      </p>
    </div>
  );
}

export { TABLE_ID };
