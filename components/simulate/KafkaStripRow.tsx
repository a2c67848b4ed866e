'use client';
// The strip view of a partition: the newest records on one line that slides left as the log grows.
import { memo } from 'react';
import type { PartitionRowModel } from '@/lib/simulate/view-model';
import { CELL_PITCH, Chip } from './Cell';
import { CommittedBar, Lags, LogEndBox, PositionText, positionTitle, recordClass, recordTitle, RowHeading } from './PartitionParts';

const EARLIER_W = 72;

export const StripRow = memo(
  function StripRow({ row }: { row: PartitionRowModel }) {
    const x0 = row.hidden > 0 ? EARLIER_W : 0;
    const width = x0 + (row.cells.length + 1) * CELL_PITCH;
    // Place on the strip by index in the whole log, so a cell keeps its place while the strip slides.
    const at = (slot: number) => (row.hidden + slot) * CELL_PITCH;
    const shift = x0 - row.hidden * CELL_PITCH;
    return (
      <div
        className="mt-2 rounded-lg border border-zinc-200 bg-white p-2 [contain:content] dark:border-zinc-800 dark:bg-zinc-900"
        data-partition={row.name}
      >
        <RowHeading row={row} />
        <div className="mt-1 overflow-hidden">
          {/* Cells sit at a fixed place on a strip that slides left as the log grows: one style change per row, not per cell. */}
          <div className="relative h-7" style={{ width: width + 80 }}>
            <div className="kvr-strip absolute inset-y-0 left-0" style={{ translate: `${shift}px 0` }}>
              {row.cells.map((c, i) => (
                <Chip
                  key={c.offset}
                  hue={c.hue}
                  title={recordTitle(c, c.offset === row.logStartOffset)}
                  className={`kvr-cell ${recordClass(c.tombstone, c.offset === row.logStartOffset)}`}
                  style={{ translate: `${at(i)}px 0` }}
                >
                  {c.offset}
                </Chip>
              ))}
              <LogEndBox logEndOffset={row.logEndOffset} place="kvr-marker" style={{ translate: `${at(row.cells.length)}px 0` }} />
            </div>
            {row.hidden > 0 && (
              <span
                className="absolute inset-y-0 left-0 z-10 bg-white pt-1.5 text-[10px] whitespace-nowrap text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400"
                style={{ width: EARLIER_W }}
              >
                … {row.hidden} earlier
              </span>
            )}
          </div>
          {row.tracks.map((t) => (
            <div key={t.group} className="relative mt-0.5 h-4 text-[10px]" style={{ width: width + 80 }} aria-hidden="true">
              <div className="kvr-strip absolute inset-y-0 left-0" style={{ translate: `${shift}px 0` }}>
                {t.markers.map((m) =>
                  m.kind === 'committed' ? (
                    <CommittedBar
                      key={m.id}
                      marker={m}
                      height="h-4"
                      place="kvr-marker"
                      style={{ translate: `${at(Math.max(0, m.slot))}px 0` }}
                    />
                  ) : (
                    <span
                      key={m.id}
                      title={positionTitle(m)}
                      className="kvr-marker leading-4 font-semibold whitespace-nowrap text-kafka-800 dark:text-kafka-200"
                      style={{ translate: `${at(Math.max(0, m.slot)) + 3}px 0` }}
                    >
                      <PositionText marker={m} />
                    </span>
                  ),
                )}
              </div>
              <span className="absolute top-0 left-0 leading-4 text-zinc-600 dark:text-zinc-400" style={{ translate: `${width + 4}px 0` }}>
                {t.group}
              </span>
            </div>
          ))}
        </div>
        <Lags row={row} />
      </div>
    );
  },
  (a, b) => a.row.signature === b.row.signature,
);
