import type { Key, ReactNode } from 'react';

export interface Column<T> {
  /** The column's heading; on a phone card it labels the cell (when `cards` is on). */
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** The row's name: a `<th scope="row">` instead of a `<td>` (screen readers announce it with each cell). */
  rowHeader?: boolean;
  /** Extra classes for this column's cells (e.g. `font-mono`). */
  className?: string;
}

interface Props<T> {
  caption: ReactNode;
  /** The caption is for screen readers only (the section's heading already says it). */
  captionHidden?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => Key;
  /** Attributes of a row (`data-*` for tests, a class to mark it). */
  rowProps?: (row: T, index: number) => { className?: string } & Record<`data-${string}`, string | boolean | undefined>;
  /**
   * `lines`: rules between rows, on the page's background. `boxed`: a bordered box that scrolls on its
   * own (keyboard-focusable, named by `region`), its header row staying in view.
   */
  look?: 'lines' | 'boxed';
  /** With `look="boxed"`: the scrolling region's accessible name. */
  region?: string;
  /** On phones each row becomes a card, each cell labelled with its column's heading. */
  cards?: boolean;
  testId?: string;
  className?: string;
  /** Classes of the `<table>` itself (e.g. a minimum width in a scrolling box). */
  tableClassName?: string;
}

const cardRow = 'max-md:block max-md:rounded-xl max-md:border max-md:p-3 max-md:[&+&]:mt-3';
const cardCell = 'max-md:block max-md:px-0 max-md:py-0.5';

/**
 * The site's one table: a caption, column headings, rows. Every table on the site is this component
 * in one of two looks, so headings, row headers, phone cards and scrolling behave the same everywhere.
 */
export function DataTable<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  rowProps,
  look = 'lines',
  region,
  cards,
  testId,
  className = '',
  tableClassName = '',
}: Props<T>) {
  const boxed = look === 'boxed';
  const pad = boxed ? 'px-2 py-1' : 'py-1.5 pr-3 last:pr-0';
  const table = (
    <table className={`w-full text-left text-sm ${cards ? 'max-md:block' : ''} ${tableClassName}`} data-testid={testId}>
      <caption className={captionHidden ? 'sr-only' : 'pb-2 text-left font-semibold'}>{caption}</caption>
      <thead className={`${boxed ? 'sticky top-0 bg-zinc-100 dark:bg-zinc-800' : ''} ${cards ? 'max-md:sr-only' : ''}`}>
        <tr className={boxed ? '' : 'border-b border-zinc-300 dark:border-zinc-700'}>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={`${pad} font-semibold`}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={cards ? 'max-md:block' : ''}>
        {rows.map((row, ri) => {
          const { className: rowClass = '', ...data } = rowProps?.(row, ri) ?? {};
          return (
            <tr
              key={rowKey(row, ri)}
              {...data}
              className={`align-top ${boxed ? 'border-t' : 'border-b'} border-zinc-200 dark:border-zinc-700 ${cards ? cardRow : ''} ${rowClass}`}
            >
              {columns.map((c, ci) => {
                const cellClass = `${pad} ${cards ? cardCell : ''} ${c.className ?? ''}`;
                const label = cards && !c.rowHeader && (
                  <span className="block text-xs font-semibold tracking-wide text-zinc-600 uppercase md:hidden dark:text-zinc-400">
                    {c.header}
                  </span>
                );
                return c.rowHeader ? (
                  <th key={ci} scope="row" className={cellClass}>
                    {c.cell(row, ri)}
                  </th>
                ) : (
                  <td key={ci} className={cellClass}>
                    {label}
                    {c.cell(row, ri)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  if (!boxed) return className ? <div className={className}>{table}</div> : table;
  return (
    <div
      className={`overflow-auto rounded-md border border-zinc-200 dark:border-zinc-700 ${className}`}
      tabIndex={0}
      role="region"
      aria-label={region}
    >
      {table}
    </div>
  );
}
