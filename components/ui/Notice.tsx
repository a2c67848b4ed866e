// A notice for something the page did on the user's behalf (a link it could not read in full, saved
// state it had to drop): what happened, in words, and a way to dismiss it.
import type { ReactNode } from 'react';
import { buttonClass } from './button';

export function Notice({
  title,
  children,
  onDismiss,
  role = 'status',
  testId,
}: {
  title?: ReactNode;
  children?: ReactNode;
  onDismiss?: () => void;
  /** `alert` when it appears because of something the user just did. */
  role?: 'status' | 'alert';
  testId?: string;
}) {
  return (
    <div
      role={role}
      data-testid={testId}
      className="flex items-start gap-3 rounded-lg border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950/50 dark:text-amber-50"
    >
      <div className="min-w-0 flex-1 break-words">
        {title && <p className="font-semibold">{title}</p>}
        {children}
      </div>
      {onDismiss && (
        <button type="button" className={buttonClass({ size: 'sm' })} onClick={onDismiss}>
          Dismiss<span className="sr-only"> this notice</span>
        </button>
      )}
    </div>
  );
}
