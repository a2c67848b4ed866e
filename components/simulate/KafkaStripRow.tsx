'use client';
// The strip view of a partition: the newest records on one line that slides left as the log grows,
// and under it one track per consumer group: the lag drawn as a span from the group's committed
// offset to the log-end offset, a tick at the committed offset, a ▲ under the record each consumer
// fetches next, and labels placed where they collide with nothing (lib/simulate/track-layout.ts).
import { memo, useMemo } from 'react';
import { trackLayout, TRACK_FONT_PX } from '@/lib/simulate/track-layout';
import type { MarkerModel, PartitionRowModel } from '@/lib/simulate/view-model';
import { CELL_PITCH, Chip } from './Cell';
import { committedTitle, Lags, LogEndBox, positionTitle, recordClass, recordTitle, RowHeading } from './PartitionParts';

/** The left column of every line: "… N earlier" beside the records, the group's name beside its track. */
export const GUTTER_W = 72;
/** A track line's height. */
const LINE_H = 16;

export const StripRow = memo(
  function StripRow({ row }: { row: PartitionRowModel }) {
    const width = GUTTER_W + (row.cells.length + 1) * CELL_PITCH;
    // Place on the strip by index in the whole log, so a cell keeps its place while the strip slides.
    const at = (slot: number) => (row.hidden + slot) * CELL_PITCH;
    const slide = { translate: `${GUTTER_W - row.hidden * CELL_PITCH}px 0` };
    const tracks = useMemo(
      () =>
        row.tracks.map((t) => ({
          ...t,
          layout: trackLayout(t.markers, row.cells.length, CELL_PITCH, { lag: t.lag, readableSlot: row.readableEnd.slot }),
        })),
      [row],
    );
    return (
      <div
        className="mt-2 rounded-lg border border-zinc-200 bg-white p-2 [contain:content] dark:border-zinc-800 dark:bg-zinc-900"
        data-partition={row.name}
      >
        <RowHeading row={row} />
        <div className="mt-1 overflow-hidden" style={{ maxWidth: width }}>
          {/* Cells sit at a fixed place on a strip that slides left as the log grows: one style change per row, not per cell. */}
          <div className="relative h-7">
            <div className="kvr-strip absolute inset-y-0 left-0" style={slide}>
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
            <Gutter title={row.hidden > 0 ? `${row.hidden} earlier records, kept but not drawn` : undefined}>
              {row.hidden > 0 ? `… ${row.hidden}` : ''}
            </Gutter>
          </div>
          {tracks.map((t) => (
            <div
              key={t.group}
              className="relative mt-0.5"
              style={{ height: t.layout.lines * LINE_H }}
              data-track={t.group}
              aria-hidden="true"
            >
              <div className="kvr-strip absolute inset-y-0 left-0" style={slide}>
                <Track markers={t.markers} layout={t.layout} origin={at(0)} />
              </div>
              <Gutter title={`group ${t.group}`}>{t.group}</Gutter>
            </div>
          ))}
        </div>
        <Lags row={row} bars={false} />
      </div>
    );
  },
  (a, b) => a.row.signature === b.row.signature,
);

/** The fixed left column (it does not slide with the strip). */
function Gutter({ children, title }: { children: string; title?: string }) {
  return (
    <span
      title={title}
      data-mark="gutter"
      className="absolute inset-y-0 left-0 z-10 truncate bg-white pr-1 font-mono leading-4 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400"
      style={{ width: GUTTER_W, fontSize: TRACK_FONT_PX, paddingTop: children.startsWith('…') ? 7 : 0 }}
    >
      {children}
    </span>
  );
}

/** One group's marks; every x is px from the first drawn record (`origin` on the sliding strip). */
function Track({ markers, layout, origin }: { markers: readonly MarkerModel[]; layout: ReturnType<typeof trackLayout>; origin: number }) {
  const committed = markers.find((m) => m.kind === 'committed');
  const title = (id: string) => {
    const m = markers.find((x) => x.id === id);
    return m ? positionTitle(m) : committed ? `${committed.group}: lag ${layout.labels.find((l) => l.id === id)?.text}` : '';
  };
  return (
    <>
      {layout.span && (
        <span
          data-mark="lag-span"
          title={committed ? `${committed.group}: lag from committed offset ${committed.offset} to the log-end offset` : undefined}
          className={`kvr-marker kvr-lag-span ${layout.span.open ? 'kvr-lag-open' : ''}`}
          style={{ translate: `${origin + layout.span.x}px 5px`, width: layout.span.w }}
        />
      )}
      {layout.tick && committed && (
        <span
          data-mark="committed"
          title={committedTitle(committed)}
          className="kvr-marker h-4 w-0.5 bg-kafka-700 dark:bg-kafka-300"
          style={{ translate: `${origin + layout.tick.x}px 0` }}
        />
      )}
      {layout.triangles.map((t) => (
        <span
          key={t.id}
          data-mark="position"
          title={title(t.id)}
          className="kvr-marker kvr-up"
          style={{ translate: `${origin + t.x}px 1px` }}
        />
      ))}
      {layout.labels.map((l) => (
        <span
          key={l.id}
          data-mark="label"
          title={title(l.id)}
          className={`kvr-marker font-mono leading-4 whitespace-nowrap ${l.id.endsWith(':lag') ? 'rounded-sm bg-kafka-100 text-center text-kafka-950 dark:bg-kafka-900 dark:text-kafka-50' : 'font-semibold text-kafka-800 dark:text-kafka-200'}`}
          style={{ translate: `${origin + l.x}px ${l.line * LINE_H}px`, fontSize: TRACK_FONT_PX, width: l.w }}
        >
          {l.text}
        </span>
      ))}
    </>
  );
}
