'use client';
// The summary of a bounded list (lib/simulate/bounded.ts): says how many more there are and opens
// them all; once open it folds them again. A button, so it is reached and pressed from the keyboard.
import { textButtonClass } from '@/components/ui/button';

export function ShowMore({
  more,
  open,
  total,
  noun,
  of,
  controls,
  onToggle,
}: {
  /** How many the list leaves out (0 when open). */
  more: number;
  open: boolean;
  total: number;
  /** Plural, e.g. "partitions". */
  noun: string;
  /** Whose list, e.g. "topic orders". */
  of: string;
  /** The list's id. */
  controls: string;
  onToggle: () => void;
}) {
  if (!open && more === 0) return null;
  return (
    <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300" data-testid="show-more">
      {open ? null : (
        <>
          +{more} more {noun}{' '}
          <span className="text-zinc-600 dark:text-zinc-400">
            (showing {total - more} of {total})
          </span>{' '}
        </>
      )}
      <button
        type="button"
        className={`${textButtonClass} border border-zinc-300 dark:border-zinc-700`}
        aria-expanded={open}
        aria-controls={controls}
        onClick={onToggle}
      >
        {open ? `Show fewer ${noun}` : `Show all ${total} ${noun} of ${of}`}
      </button>
    </p>
  );
}
