'use client';

import { buttonClass } from './links';

export interface NoticeItem {
  id: string;
  title: string;
  lines: string[];
}

/** Visible, dismissible notices for things the page fixed on the user's behalf (bad links, damaged saved state). */
export function Notices({ notices, onDismiss }: { notices: NoticeItem[]; onDismiss: (id: string) => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="space-y-3">
      {notices.map((n) => (
        <div
          key={n.id}
          role="status"
          data-testid={`notice-${n.id}`}
          className="rounded-lg border border-amber-500 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950/50 dark:text-amber-50"
        >
          <p className="font-semibold">{n.title}</p>
          {n.lines.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5 break-words">
              {n.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          )}
          <button type="button" className={`${buttonClass} mt-3`} onClick={() => onDismiss(n.id)}>
            Dismiss<span className="sr-only"> this notice</span>
          </button>
        </div>
      ))}
    </div>
  );
}
