'use client';
// The "Whole log" view of a partition: every record at a slot fixed by its offset, wrapped into rows.
import { Fragment, memo } from 'react';
import { clusterMarkerLabels, type MarkerModel, type PartitionRowModel } from '@/lib/simulate/view-model';
import { CELL_PITCH, Chip } from './Cell';
import {
  CommittedBar,
  committedTitle,
  Lags,
  LogEndBox,
  PositionText,
  positionTitle,
  recordClass,
  recordTitle,
  RowHeading,
} from './PartitionParts';
import { SlotGrid, slotXY, type SlotPlace } from './SlotGrid';

/** One record in the wrapped view, at its fixed slot; memoised so a growing log only renders its new cells. */
const WholeCell = memo(function WholeCell({
  offset,
  hue,
  recordKey,
  tombstone,
  first,
  x,
  y,
}: {
  offset: number;
  hue: number;
  recordKey: string | null;
  tombstone: boolean;
  first: boolean;
  x: number;
  y: number;
}) {
  return (
    <Chip
      hue={hue}
      title={recordTitle({ offset, key: recordKey, tombstone }, first)}
      className={`kvr-pop ${offset >= 10_000 ? 'kvr-long' : ''} ${recordClass(tombstone, first)}`}
      at={{ x, y }}
    >
      {offset}
    </Chip>
  );
});

const MARKER_BAND = 12;

/**
 * The markers of one row: a bar at the left edge of the record a group committed, a notch at the top of the
 * record a consumer will fetch next, and labels in the band that name them (merged where they
 * would overlap; see clusterMarkerLabels).
 */
function WholeMarkers({ at, place }: { at: Map<number, MarkerModel[]>; place: SlotPlace }) {
  const entries = [...at].map(([slot, markers]) => ({ slot, markers }));
  const band = (slot: number) => slotXY(slot, place);
  return (
    <>
      {entries.map(({ slot, markers }) => {
        const { x, y } = band(slot);
        return (
          <Fragment key={slot}>
            {markers.some((m) => m.kind === 'committed') && (
              <CommittedBar height="h-10" place="kvr-slot" style={{ left: x - 1, top: y - MARKER_BAND }} />
            )}
            {markers.some((m) => m.kind === 'position') && (
              <span aria-hidden="true" className="kvr-slot kvr-notch" style={{ left: x + 10, top: y + 1 }} />
            )}
          </Fragment>
        );
      })}
      {clusterMarkerLabels(entries, place.cols, CELL_PITCH).map((c) => (
        <span
          key={c.markers[0]!.id}
          className="kvr-slot flex gap-1 rounded-sm bg-white px-0.5 text-[9px] leading-3 whitespace-nowrap dark:bg-zinc-900"
          style={{ left: c.left, top: band(c.row * place.cols).y - MARKER_BAND }}
        >
          {c.markers.map((m) =>
            m.kind === 'committed' ? (
              <span key={m.id} title={committedTitle(m)} className="text-zinc-700 dark:text-zinc-300">
                {m.group}
              </span>
            ) : (
              <span key={m.id} title={positionTitle(m)} className="font-semibold text-kafka-800 dark:text-kafka-200">
                <PositionText marker={m} />
              </span>
            ),
          )}
        </span>
      ))}
    </>
  );
}

/**
 * The "Whole log" row: every record at a slot fixed by its offset, wrapped into rows, so retention
 * deleting the head or a produce appending moves no other cell. Each group's committed offset and
 * each consumer's position label the record they point at. A compacted log with wide gaps between
 * offsets packs its records instead.
 */
export const WholeRow = memo(
  function WholeRow({ row }: { row: PartitionRowModel }) {
    const n = row.cells.length;
    const firstOffset = n > 0 ? row.cells[0]!.offset : row.logEndOffset;
    const byOffset = row.logEndOffset - firstOffset <= 2 * n + 64;
    const slotOf = (i: number) => (byOffset ? (i < n ? row.cells[i]!.offset : row.logEndOffset) : i);
    const first = slotOf(0);
    const leo = slotOf(n);
    const at = new Map<number, MarkerModel[]>();
    for (const t of row.tracks)
      for (const m of t.markers) {
        const slot = slotOf(Math.max(0, m.slot));
        at.set(slot, [...(at.get(slot) ?? []), m]);
      }
    return (
      <div
        className="kvr-whole mt-2 rounded-lg border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900"
        data-partition={row.name}
      >
        <RowHeading row={row} />
        {row.hidden > 0 && <p className="text-[10px] text-zinc-600 dark:text-zinc-400">… {row.hidden} earlier</p>}
        <SlotGrid
          first={first}
          last={leo}
          band={MARKER_BAND}
          className="mt-1"
          render={(place) => {
            const leoAt = slotXY(leo, place);
            return (
              <>
                {row.cells.map((c, i) => {
                  const { x, y } = slotXY(slotOf(i), place);
                  return (
                    <WholeCell
                      key={c.offset}
                      offset={c.offset}
                      hue={c.hue}
                      recordKey={c.key}
                      tombstone={c.tombstone}
                      first={c.offset === row.logStartOffset}
                      x={x}
                      y={y}
                    />
                  );
                })}
                <LogEndBox logEndOffset={row.logEndOffset} place="kvr-slot" style={{ left: leoAt.x, top: leoAt.y }} />
                <WholeMarkers at={at} place={place} />
              </>
            );
          }}
        />
        <Lags row={row} />
      </div>
    );
  },
  (a, b) => a.row.signature === b.row.signature,
);
