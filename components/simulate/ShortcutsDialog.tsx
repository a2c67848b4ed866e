'use client';
import { useEffect, useRef } from 'react';
import { buttonClass } from '@/components/ui/button';

export const SHORTCUTS: [string, string][] = [
  ['Space', 'Play or pause'],
  ['→', 'Step forward to the next event'],
  ['←', 'Step back to the previous event'],
  ['?', 'Show or hide this list'],
  ['Esc', 'Close this list'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="shortcuts-h"
      className="m-auto max-w-sm rounded-xl border border-zinc-300 bg-white p-5 text-zinc-900 backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="shortcuts-h" className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([k, what]) => (
          <div key={k} className="contents">
            <dt>
              <kbd className="rounded border border-zinc-300 px-1.5 py-0.5 font-mono dark:border-zinc-600">{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">Shortcuts are off while you type in a field.</p>
      <button type="button" onClick={onClose} className={`mt-4 ${buttonClass({ size: 'touch' })}`}>
        Close
      </button>
    </dialog>
  );
}
