'use client';
import { Fragment, memo, useMemo } from 'react';
import type { GroupView, KafkaView } from '@/simulator';
import { clusterMarkerLabels, kafkaRows, type MarkerModel, type PartitionRowModel } from '@/lib/simulate/view-model';
import { CELL_PITCH, Chip } from './Cell';
import { SlotGrid, slotXY, type SlotPlace } from './SlotGrid';

const EARLIER_W = 72;

export const KafkaLane = memo(function KafkaLane({ kafka, cap, whole = false }: { kafka: KafkaView; cap: number; whole?: boolean }) {
  const topics = useMemo(() => kafkaRows(kafka, cap), [kafka, cap]);
  return (
    <section
      aria-labelledby="kafka-lane"
      className="min-w-0 rounded-xl border border-kafka-200 bg-kafka-50/40 p-3 sm:p-4 dark:border-kafka-900 dark:bg-kafka-950/30"
    >
      <h2 id="kafka-lane" className="text-lg font-semibold text-kafka-800 dark:text-kafka-200">
        Kafka{' '}
        <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
          — a log per partition; reading moves a position, deletes nothing
        </span>
      </h2>
      {topics.map((t) => (
        <div key={t.topic} className="mt-3">
          <h3 className="text-sm font-semibold">
            Topic <span className="font-mono">{t.topic}</span>{' '}
            <span className="font-normal text-zinc-600 dark:text-zinc-400">(cleanup.policy={t.cleanupPolicy})</span>
          </h3>
          {t.rows.map((row) => (whole ? <WholeRow key={row.name} row={row} /> : <PartitionRow key={row.name} row={row} />))}
        </div>
      ))}
      <KafkaLegend whole={whole} />
      <Groups groups={kafka.groups} />
    </section>
  );
});

function KafkaLegend({ whole }: { whole: boolean }) {
  return (
    <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
      Cells are records labelled with their offset; colour follows the key. <span aria-hidden="true">▲</span> a consumer&rsquo;s position
      (next offset to fetch{whole ? ', a notch at the top of that record' : ''}); <span aria-hidden="true">▏</span>a group&rsquo;s committed
      offset{whole ? ', a bar before the record it points at, named in the band above' : ''}. Lag = log-end offset − committed offset.
    </p>
  );
}

function RowHeading({ row }: { row: PartitionRowModel }) {
  return (
    <p className="text-xs text-zinc-700 dark:text-zinc-300">
      <span className="font-mono font-semibold">{row.name}</span> · log start offset <strong>{row.logStartOffset}</strong> · log-end offset{' '}
      <strong>{row.logEndOffset}</strong>
    </p>
  );
}

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
      title={`offset ${offset}${recordKey === null ? ', no key' : `, key ${recordKey}`}${tombstone ? ', tombstone' : ''}${first ? ', log start offset' : ''}`}
      className={`kvr-pop ${offset >= 10_000 ? 'kvr-long' : ''} ${tombstone ? 'kvr-tombstone' : ''} ${first ? 'ring-2 ring-zinc-500 ring-offset-1 dark:ring-offset-zinc-900' : ''}`}
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
              <span
                aria-hidden="true"
                className="kvr-slot h-10 w-0.5 bg-kafka-700 dark:bg-kafka-300"
                style={{ translate: `${x - 1}px ${y - MARKER_BAND}px` }}
              />
            )}
            {markers.some((m) => m.kind === 'position') && (
              <span aria-hidden="true" className="kvr-slot kvr-notch" style={{ translate: `${x + 10}px ${y + 1}px` }} />
            )}
          </Fragment>
        );
      })}
      {clusterMarkerLabels(entries, place.cols, CELL_PITCH).map((c) => (
        <span
          key={c.markers[0]!.id}
          className="kvr-slot flex gap-1 rounded-sm bg-white px-0.5 text-[9px] leading-3 whitespace-nowrap dark:bg-zinc-900"
          style={{ translate: `${c.left}px ${band(c.row * place.cols).y - MARKER_BAND}px` }}
        >
          {c.markers.map((m) =>
            m.kind === 'committed' ? (
              <span key={m.id} title={`${m.group} committed offset ${m.offset}`} className="text-zinc-700 dark:text-zinc-300">
                {m.group}
              </span>
            ) : (
              <span
                key={m.id}
                title={`${m.label} (${m.group}) position ${m.offset}`}
                className="font-semibold text-kafka-800 dark:text-kafka-200"
              >
                ▲{m.slot < 0 ? '←' : ''}
                {m.label}
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
const WholeRow = memo(
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
                <span
                  title={`log-end offset ${row.logEndOffset}: the next record gets this offset`}
                  className="kvr-slot inline-flex h-7 w-7 items-center justify-center rounded border-2 border-dashed border-zinc-400 font-mono text-[10px] text-zinc-700 dark:border-zinc-500 dark:text-zinc-300"
                  style={{ translate: `${leoAt.x}px ${leoAt.y}px` }}
                >
                  LEO
                </span>
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

function Lags({ row }: { row: PartitionRowModel }) {
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
          <span className="h-2 w-16 shrink-0 overflow-hidden rounded bg-zinc-200 sm:w-24 dark:bg-zinc-700" aria-hidden="true">
            <span className="kvr-bar block h-full bg-kafka-600 dark:bg-kafka-400" style={{ transform: `scaleX(${l.fraction})` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}

const PartitionRow = memo(
  function PartitionRow({ row }: { row: PartitionRowModel }) {
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
                  title={`offset ${c.offset}${c.key === null ? ', no key' : `, key ${c.key}`}${c.tombstone ? ', tombstone' : ''}`}
                  className={`kvr-cell ${c.tombstone ? 'kvr-tombstone' : ''} ${c.offset === row.logStartOffset ? 'ring-2 ring-zinc-500 ring-offset-1 dark:ring-offset-zinc-900' : ''}`}
                  style={{ translate: `${at(i)}px 0` }}
                >
                  {c.offset}
                </Chip>
              ))}
              <span
                title={`log-end offset ${row.logEndOffset}: the next record gets this offset`}
                className="kvr-marker inline-flex h-7 min-w-7 items-center justify-center rounded border-2 border-dashed border-zinc-400 font-mono text-[10px] text-zinc-700 dark:border-zinc-500 dark:text-zinc-300"
                style={{ translate: `${at(row.cells.length)}px 0` }}
              >
                LEO
              </span>
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
                    <span
                      key={m.id}
                      title={`${t.group} committed offset ${m.offset}`}
                      className="kvr-marker h-4 w-0.5 bg-kafka-700 dark:bg-kafka-300"
                      style={{ translate: `${at(Math.max(0, m.slot))}px 0` }}
                    />
                  ) : (
                    <span
                      key={m.id}
                      title={`${m.label} (${t.group}) position ${m.offset}`}
                      className="kvr-marker leading-4 font-semibold whitespace-nowrap text-kafka-800 dark:text-kafka-200"
                      style={{ translate: `${at(Math.max(0, m.slot)) + 3}px 0` }}
                    >
                      ▲{m.slot < 0 ? '←' : ''}
                      {m.label}
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

const Groups = memo(
  function Groups({ groups }: { groups: GroupView[] }) {
    if (groups.length === 0) return null;
    return (
      <div className="mt-3 grid gap-2 sm:grid-cols-2">
        {groups.map((g) => (
          <div key={g.id} className="rounded-lg border border-zinc-200 bg-white p-2 text-xs dark:border-zinc-800 dark:bg-zinc-900">
            <h3 className="text-sm font-semibold">
              Group <span className="font-mono">{g.id}</span>
              {g.rebalancing && (
                <span className="ml-2 rounded bg-amber-100 px-1 text-amber-900 dark:bg-amber-900 dark:text-amber-100">rebalancing</span>
              )}
            </h3>
            <p className="text-zinc-600 dark:text-zinc-400">
              {g.strategy} · generation {g.generation} · {g.enableAutoCommit ? 'auto-commit' : 'commit after processing'} ·
              auto.offset.reset={g.autoOffsetReset} · total lag {g.totalLag}
            </p>
            <ul className="mt-1 space-y-0.5">
              {g.members.map((m) => (
                <li key={m.id}>
                  <span className="font-semibold">{m.id}</span> <span className="text-zinc-600 dark:text-zinc-400">({m.status})</span>:{' '}
                  {m.partitions.length === 0
                    ? 'no partition'
                    : m.partitions
                        .map((p) => `${p.partition} position ${p.position}, committed ${p.committedOffset ?? '–'}, lag ${p.lag ?? '–'}`)
                        .join('; ')}
                  {m.processing.length > 0 &&
                    ` · processing ${m.processing.map((p) => `${p.topic}-${p.partition} offsets ${p.fromOffset}–${p.toOffset - 1}`).join(', ')}`}
                </li>
              ))}
              {g.members.length === 0 && <li className="text-zinc-600 dark:text-zinc-400">no consumers</li>}
            </ul>
          </div>
        ))}
      </div>
    );
  },
  (a, b) => JSON.stringify(a.groups) === JSON.stringify(b.groups),
);
