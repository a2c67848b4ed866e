'use client';

import { useEffect, useState } from 'react';

type State = 'idle' | 'copied' | 'failed';

/** Copies the plain source text (not the highlighted HTML) and says so. */
export function CopyButton({ text, filename }: { text: string; filename: string }) {
  const [state, setState] = useState<State>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="flex items-center gap-2">
      <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {state === 'failed' ? 'Copy failed: select the code and copy it by hand.' : null}
        {state === 'copied' ? <span className="sr-only">Copied {filename} to the clipboard</span> : null}
      </span>
      <button
        type="button"
        onClick={copy}
        className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100 dark:hover:bg-zinc-700"
      >
        {state === 'copied' ? 'Copied' : 'Copy'}
        <span className="sr-only"> {filename}</span>
      </button>
    </span>
  );
}
