'use client';

import { Notice } from '@/components/ui/Notice';

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
        <Notice key={n.id} title={n.title} testId={`notice-${n.id}`} onDismiss={() => onDismiss(n.id)}>
          {n.lines.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {n.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          )}
        </Notice>
      ))}
    </div>
  );
}
