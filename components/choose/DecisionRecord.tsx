'use client';

import { useMemo, useState } from 'react';
import { ANSWERS_PARAM, generateAdr, type Answers, type QuizResult } from '@/lib/quiz';
import { buttonClass, primaryButtonClass } from './links';

export const ADR_FILENAME = 'adr-message-broker.md';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Share link and the Markdown decision record (download or copy). */
export function DecisionRecord({ answers, result, encoded }: { answers: Answers; result: QuizResult; encoded: string }) {
  const [status, setStatus] = useState('');
  const shareUrl = `${window.location.origin}/choose${encoded ? `?${ANSWERS_PARAM}=${encoded}` : ''}`;
  const markdown = useMemo(
    () => generateAdr({ answers, result, date: new Date().toISOString().slice(0, 10), shareUrl }),
    [answers, result, shareUrl],
  );

  function download() {
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = ADR_FILENAME;
    document.body.append(a);
    a.click();
    a.remove();
    // Revoke later: the browser reads the blob after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Downloaded ${ADR_FILENAME}.`);
  }

  async function copy(what: 'link' | 'record') {
    const ok = await copyText(what === 'link' ? shareUrl : markdown);
    setStatus(
      ok
        ? what === 'link'
          ? 'Link copied.'
          : 'Decision record copied as Markdown.'
        : 'Copying is blocked in this browser: select the text and copy it yourself.',
    );
  }

  return (
    <section aria-labelledby="share-h" className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h3 id="share-h" className="text-lg font-semibold">
        Share and record the decision
      </h3>
      <div>
        <label htmlFor="share-url" className="text-sm font-medium">
          Link to these answers
        </label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <input
            id="share-url"
            readOnly
            value={shareUrl}
            onFocus={(e) => e.currentTarget.select()}
            className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button type="button" className={buttonClass} onClick={() => void copy('link')}>
            Copy link
          </button>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={primaryButtonClass} onClick={download}>
          Download decision record (.md)
        </button>
        <button type="button" className={buttonClass} onClick={() => void copy('record')}>
          Copy decision record
        </button>
      </div>
      <p role="status" className="min-h-5 text-sm text-zinc-700 dark:text-zinc-300">
        {status}
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">Preview the decision record</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded-lg bg-zinc-100 p-3 text-xs whitespace-pre-wrap dark:bg-zinc-900" tabIndex={0}>
          {markdown}
        </pre>
      </details>
    </section>
  );
}
