'use client';
import type { ReactNode } from 'react';

/** One column of a ledger: a heading, its explanation (the cell's title and the heading's), and a number per row. */
export interface LedgerColumn<Row> {
  key: string;
  label: string;
  help: string;
  value: (row: Row) => number;
  /** Drawn as a warning when above 0 (e.g. "confirmed but lost", "duplicates delivered"). */
  alarm?: boolean;
}

/**
 * A ledger per producer or publisher: what became of what it sent. Generic over rows so each broker's
 * lane shows its own (RabbitMQ publishers in RabbitNodes.tsx, Kafka producers in KafkaReplicas.tsx).
 */
export function LedgerTable<Row>({
  caption,
  rows,
  rowKey,
  rowLabel,
  columns,
  note,
  rowHeading = 'publisher',
}: {
  caption: string;
  /** The first column's heading: who sent (publisher, producer). */
  rowHeading?: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowLabel: (row: Row) => ReactNode;
  columns: readonly LedgerColumn<Row>[];
  note?: ReactNode;
}) {
  if (rows.length === 0) return null;
  return (
    <div className="mt-2 overflow-x-auto text-xs">
      <table className="w-full border-collapse text-left tabular-nums">
        <caption className="mb-1 text-left text-sm font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th scope="col" className="py-1 pr-2 font-medium">
              {rowHeading}
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" title={c.help} className="px-1 py-1 text-right font-medium">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/60" data-ledger-row={rowKey(r)}>
              <th scope="row" className="py-1 pr-2 font-mono font-normal">
                {rowLabel(r)}
              </th>
              {columns.map((c) => {
                const v = c.value(r);
                return (
                  <td
                    key={c.key}
                    title={c.help}
                    data-ledger-cell={c.key}
                    className={`px-1 py-1 text-right ${c.alarm && v > 0 ? 'font-semibold text-red-700 dark:text-red-300' : ''}`}
                  >
                    {v}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p className="mt-1 text-zinc-600 dark:text-zinc-400">{note}</p>}
    </div>
  );
}
