// Lists of names in a sentence, cut short: an imported topology can name 18,000 exchanges at once.

import { count } from '@/lib/format';
/** "a, b and c", or the first `max` and how many more: "a, b, c and 1,234 more". */
export function listed(items: readonly string[], { max = 5, quote = true }: { max?: number; quote?: boolean } = {}): string {
  const shown = items.slice(0, max).map((s) => (quote ? `"${s}"` : s));
  if (items.length > max) return `${shown.join(', ')} and ${count(items.length - max)} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * "a → b → c", or its first and last few with how many in all: "a → b → … → y → z (18,000 exchanges)".
 * A loop (first name repeated at the end) counts each exchange once.
 */
export function chain(items: readonly string[], max = 8): string {
  if (items.length <= max) return items.join(' → ');
  const head = items.slice(0, Math.ceil(max / 2));
  const tail = items.slice(items.length - Math.floor(max / 2));
  const loop = items.length > 1 && items[0] === items.at(-1);
  return `${[...head, '…', ...tail].join(' → ')} (${count(items.length - (loop ? 1 : 0))} exchanges)`;
}
