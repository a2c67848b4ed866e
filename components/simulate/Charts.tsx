'use client';
// Loaded lazily (next/dynamic) when the charts panel comes into view: recharts stays out of first load.
import { memo, useEffect, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, usePlotArea, useXAxisScale } from 'recharts';
import { compact } from '@/lib/format';
import { wholeSecondTicks } from '@/lib/simulate/time-ticks';
import { boundsCaption, type ChartBounds, type SeriesLine, type SeriesPoint } from '@/lib/simulate/series';
import { useSim } from './context';

const COLORS = ['#4f46e5', '#ea580c', '#059669', '#db2777', '#0891b2', '#ca8a04', '#7c3aed', '#dc2626'];

// Every prop recharts sees is stable unless its data changes: recharts keeps its props in a store and
// recomputes (and re-measures) the axes whenever one changes. The time line is not a recharts prop: it
// reads the clock itself and draws with the chart's x scale, so a seek or a second of play redraws one
// line, not the charts.
const MARGIN = { top: 8, right: 12, bottom: 4, left: 0 };
const X_DOMAIN = ['dataMin', 'dataMax'];
const secondsTick = (t: number) => `${t / 1000} s`;
const secondsLabel = (t: unknown) => `${Number(t) / 1000} s`;
const TOOLTIP_STYLE = { color: '#18181b' };
const LEGEND_STYLE = { fontSize: 11 };
// The legend lists the lines in their order (recharts sorts by name by default), so "N more, summed" comes last.

/** The moment shown, as a dashed line across the plot (once a second while playing). */
function TimeLine() {
  const time = useSim((s) => (s.playing ? Math.floor(s.time / 1000) * 1000 : s.time));
  const x = useXAxisScale()?.(time);
  const area = usePlotArea();
  if (x === undefined || !area || !Number.isFinite(x)) return null;
  return (
    <line
      data-testid="chart-time"
      x1={x}
      x2={x}
      y1={area.y}
      y2={area.y + area.height}
      stroke="currentColor"
      strokeDasharray="4 2"
      pointerEvents="none"
    />
  );
}

const Chart = memo(function Chart({
  title,
  data,
  keys,
  drawn,
  unit,
  caption,
}: {
  title: string;
  data: SeriesPoint[];
  keys: SeriesLine[];
  /** How many of the chart's parts are drawn yet (SKELETON parts, then one per line; the page adds one a frame). */
  drawn: number;
  unit: string;
  caption: string;
}) {
  const formatter = useMemo(() => (v: unknown) => `${Math.round(Number(v) * 10) / 10} ${unit}`, [unit]);
  const ticks = useMemo(() => wholeSecondTicks(data[0]?.time ?? 0, data.at(-1)?.time ?? 0), [data]);
  const lines = useMemo(
    () =>
      keys
        .slice(0, Math.max(0, drawn - SKELETON))
        .map((k, i) => (
          <Line
            key={k.key}
            type="linear"
            dataKey={k.key}
            name={k.label}
            stroke={COLORS[i % COLORS.length]}
            dot={false}
            isAnimationActive={false}
            strokeWidth={2}
          />
        )),
    [keys, drawn],
  );
  return (
    <figure className="min-w-0">
      <figcaption>
        <span className="block text-sm font-semibold">{title}</span>
        <span className="block text-xs text-zinc-600 dark:text-zinc-400" data-testid="chart-caption">
          {caption}
        </span>
      </figcaption>
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            {drawn >= 2 && (
              <XAxis
                dataKey="time"
                type="number"
                domain={X_DOMAIN}
                ticks={ticks}
                tickFormatter={secondsTick}
                stroke="currentColor"
                fontSize={11}
              />
            )}
            {drawn >= 2 && (
              <YAxis
                stroke="currentColor"
                fontSize={11}
                width={40}
                allowDecimals={false}
                tickFormatter={compact /* 35,000 reads "35K": the y axis is 40 px wide */}
              />
            )}
            {drawn >= 3 && (
              <Tooltip labelFormatter={secondsLabel} formatter={formatter} contentStyle={TOOLTIP_STYLE} isAnimationActive={false} />
            )}
            {drawn >= 3 && <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />}
            {lines}
            {drawn >= 2 && <TimeLine />}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});

/** The parts of a chart drawn before its lines, one a frame: the grid, the axes, the tooltip and legend. */
const SKELETON = 3;

interface ChartSpec {
  title: string;
  data: SeriesPoint[];
  keys: SeriesLine[];
  bounds: ChartBounds;
  unit: string;
  rates: boolean;
}

/**
 * The charts appear a part at a time, one per frame: recharts draws a chart in one synchronous piece
 * whose cost grows with its parts and lines (and the first chart also compiles recharts' code), so all
 * three at once were one long main-thread task (issue #20 item 5).
 */
function ChartGrid({ specs, sampleMs }: { specs: ChartSpec[]; sampleMs: number }) {
  const parts = specs.map((s) => (s.keys.length > 0 ? SKELETON + s.keys.length : 0));
  const total = parts.reduce((a, b) => a + b, 0);
  const [drawn, setDrawn] = useState(1);
  useEffect(() => {
    if (drawn >= total) return;
    const frame = requestAnimationFrame(() => setDrawn((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  }, [drawn, total]);
  const starts = parts.map((_, i) => parts.slice(0, i).reduce((a, b) => a + b, 0));
  return (
    <div className="grid gap-4 md:grid-cols-2" data-drawn={drawn >= total ? 'all' : 'some'}>
      {specs.map((s, i) => {
        const mine = Math.min(parts[i]!, drawn - starts[i]!);
        if (mine <= 0) return null;
        return (
          <Chart
            key={s.title}
            title={s.title}
            data={s.data}
            keys={s.keys}
            drawn={mine}
            unit={s.unit}
            caption={boundsCaption(s.bounds, sampleMs, s.rates)}
          />
        );
      })}
    </div>
  );
}

export default function Charts() {
  const revision = useSim((s) => s.revision);
  const requestSeries = useSim((s) => s.requestSeries);
  const series = useSim((s) => s.series);
  const problem = useSim((s) => s.chartsProblem);

  // The engine samples the whole timeline in its worker; a new timeline asks again.
  useEffect(() => requestSeries(), [revision, requestSeries]);

  const specs = useMemo<ChartSpec[]>(
    () =>
      series
        ? [
            {
              title: 'Consumer lag per group (records)',
              data: series.lag,
              keys: series.lagKeys,
              bounds: series.lagBounds,
              unit: 'records',
              rates: false,
            },
            {
              title: 'Queue depth: ready and unacked',
              data: series.depth,
              keys: series.depthKeys,
              bounds: series.depthBounds,
              unit: 'messages',
              rates: false,
            },
            {
              title: 'Throughput in and out (per second)',
              data: series.throughput,
              keys: series.throughputKeys,
              bounds: series.throughputBounds,
              unit: '/s',
              rates: true,
            },
          ]
        : [],
    [series],
  );

  if (problem) return <p className="text-sm">The charts could not be computed: {problem}.</p>;
  if (!series) return <p className="text-sm">Computing the charts…</p>;
  return <ChartGrid specs={specs} sampleMs={series.sampleMs} />;
}
