// The buttons of the interactive pages (/simulate, /routing, /choose): one shape and one palette, in
// a few sizes, plain or primary. Classes rather than a component, so a link or a label can look the same.

const shape = 'inline-flex items-center justify-center gap-1 rounded-lg border font-medium disabled:cursor-not-allowed disabled:opacity-50';
const plain =
  'border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800';
const primary =
  'border-kafka-700 bg-kafka-700 text-white hover:bg-kafka-800 dark:border-kafka-300 dark:bg-kafka-300 dark:text-zinc-950 dark:hover:bg-kafka-200';

const SIZES = {
  /** Inside a form row. */
  sm: 'px-2.5 py-1 text-sm',
  /** A page-level action (copy link, start over). */
  md: 'px-3 py-1.5 text-sm',
  /** A main action of a step (next question, see the result). */
  lg: 'px-4 py-2 text-sm font-semibold shadow-sm',
  /** Player controls: a 44 px touch target. */
  touch: 'h-11 min-w-11 px-3 text-sm',
} as const;

export function buttonClass({ size = 'md', tone = 'plain' }: { size?: keyof typeof SIZES; tone?: 'plain' | 'primary' } = {}): string {
  return `${shape} ${tone === 'primary' ? primary : plain} ${SIZES[size]}`;
}

/** A button that reads as a link-sized action inside text. */
export const textButtonClass =
  'rounded px-1.5 py-0.5 text-xs font-medium text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300';
