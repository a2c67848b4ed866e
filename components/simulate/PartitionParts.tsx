'use client';
// The pieces both views of a partition share (the strip and "Whole log"): its heading, the log-end
// offset box, a group's committed-offset bar, a consumer's position label, and the lag lines.
import type { CSSProperties } from 'react';
import { BEFORE_FIRST, type MarkerModel, type PartitionRowModel } from '@/lib/simulate/view-model';

/** A record cell's title; the first record of the log also says it is the log start offset. */
export function recordTitle(c: { offset: number; key: string | null; tombstone: boolean }, logStart: boolean): string {
  return `offset ${c.offset}${c.key === null ? ', no key' : `, key ${c.key}`}${c.tombstone ? ', tombstone' : ''}${logStart ? ', log start offset' : ''}`;
}

/** A record cell's look: a tombstone is struck out, the log's first record ringed. */
export function recordClass(tombstone: boolean, logStart: boolean): string {
  return `${tombstone ? 'kvr-tombstone' : ''} ${logStart ? 'ring-2 ring-zinc-500 ring-offset-1 dark:ring-offset-zinc-900' : ''}`;
}

export function RowHeading({ row }: { row: PartitionRowModel }) {
  return (
    <p className="text-xs text-zinc-700 dark:text-zinc-300">
      <span className="font-mono font-semibold">{row.name}</span> · log start offset <strong>{row.logStartOffset}</strong> · log-end offset{' '}
      <strong>{row.logEndOffset}</strong>
    </p>
  );
}

/** The dashed box just past the newest record: the offset the next record gets. `place` positions it (kvr-slot or kvr-marker). */
export function LogEndBox({ logEndOffset, place, style }: { logEndOffset: number; place: string; style: CSSProperties }) {
  return (
    <span
      title={`log-end offset ${logEndOffset}: the next record gets this offset`}
      className={`${place} inline-flex h-7 min-w-7 items-center justify-center rounded border-2 border-dashed border-zinc-400 font-mono text-[10px] text-zinc-700 dark:border-zinc-500 dark:text-zinc-300`}
      style={style}
    >
      LEO
    </span>
  );
}

/** A group's committed offset: a bar at the left edge of the record it points at. */
export function CommittedBar({
  marker,
  height,
  place,
  style,
}: {
  marker?: MarkerModel;
  height: string;
  place: string;
  style: CSSProperties;
}) {
  return (
    <span
      aria-hidden="true"
      {...(marker ? { title: committedTitle(marker) } : {})}
      className={`${place} ${height} w-0.5 bg-kafka-700 dark:bg-kafka-300`}
      style={style}
    />
  );
}

export const committedTitle = (m: MarkerModel) => `${m.group} committed offset ${m.offset}`;
export const positionTitle = (m: MarkerModel) => `${m.label} (${m.group}) position ${m.offset}`;

/** A consumer's position: ▲ and its name, or ◂, its name and offset when it points before the first record drawn. */
export function PositionText({ marker }: { marker: MarkerModel }) {
  return <>{marker.slot === BEFORE_FIRST ? `◂${marker.label} @${marker.offset}` : `▲${marker.label}`}</>;
}

/** Each group's committed offset and lag in words; `bars` adds a small bar per group (the strip draws the lag on the partition instead). */
export function Lags({ row, bars = true }: { row: PartitionRowModel; bars?: boolean }) {
  if (row.lags.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs" aria-label={`Lag on ${row.name}`}>
      {row.lags.map((l) => (
        <li key={l.group} className="flex items-center gap-2" data-group={l.group}>
          <span className="min-w-0 flex-1 truncate">
            <span className="font-semibold">{l.group}</span>
            {l.owner ? ` (${l.owner})` : ''}: {l.committedOffset === null ? 'nothing committed' : `committed ${l.committedOffset}`} ·{' '}
            <strong>lag {l.lag ?? '–'}</strong>
          </span>
          {bars && (
            <span className="h-2 w-16 shrink-0 overflow-hidden rounded bg-zinc-200 sm:w-24 dark:bg-zinc-700" aria-hidden="true">
              <span className="kvr-bar block h-full bg-kafka-600 dark:bg-kafka-400" style={{ transform: `scaleX(${l.fraction})` }} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
