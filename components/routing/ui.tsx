import { useId, type ReactNode } from 'react';
import { buttonClass as kitButton } from '@/components/ui/button';

export const inputClass =
  'w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-sm text-zinc-900 aria-invalid:border-red-600 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:aria-invalid:border-red-400';
// The page's buttons come from the UI kit (components/ui/button.ts).
export const buttonClass = kitButton({ size: 'sm' });
/** Page-level actions (copy link, start over). */
export const actionButtonClass = kitButton({ size: 'md' });
export { textButtonClass as smallButtonClass } from '@/components/ui/button';

export function ErrorText({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-400">
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}

interface FieldProps {
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  className?: string;
  /** Renders the control with the ids it must carry. */
  children: (ids: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** A label, a control, and the problem with its value right under it. */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <div className="mt-1">{children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}</div>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {error && <ErrorText id={`${id}-error`}>{error}</ErrorText>}
    </div>
  );
}

export function Source({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="underline underline-offset-2 hover:no-underline" rel="noreferrer">
      {children}
    </a>
  );
}

/** A white card around one part of a tool. */
export const panelClass = 'rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-700 dark:bg-zinc-900';
export const kafkaHeading = 'text-lg font-semibold text-kafka-900 dark:text-kafka-200';
export const rabbitHeading = 'text-lg font-semibold text-rabbit-900 dark:text-rabbit-200';
