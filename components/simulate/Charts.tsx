'use client';
// Loaded lazily (next/dynamic) when the charts panel comes into view: recharts stays out of first load.
import { memo, useEffect, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { wholeSecondTicks } from '@/lib/simulate/time-ticks';
import type { SeriesLine, SeriesPoint } from '@/lib/simulate/series';
import { useSim } from './context';

const COLORS = ['#4f46e5', '#ea580c', '#059669', '#db2777', '#0891b2', '#ca8a04', '#7c3aed', '#dc2626'];

// Every prop recharts sees is stable unless its data changes: recharts keeps its props in a store and
// recomputes (and re-measures) the axes whenever one changes, so a moved time line (a seek, each
// second of play) must change nothing but the ReferenceLine.
const MARGIN = { top: 8, right: 12, bottom: 4, left: 0 };
const X_DOMAIN = ['dataMin', 'dataMax'];
const secondsTick = (t: number) => `${t / 1000} s`;
const secondsLabel = (t: unknown) => `${Number(t) / 1000} s`;
const TOOLTIP_STYLE = { color: '#18181b' };
const LEGEND_STYLE = { fontSize: 11 };

const Chart = memo(function Chart({
  title,
  data,
  keys,
  time,
  unit,
}: {
  title: string;
  data: SeriesPoint[];
  keys: SeriesLine[];
  time: number;
  unit: string;
}) {
  const formatter = useMemo(() => (v: unknown) => `${Math.round(Number(v) * 10) / 10} ${unit}`, [unit]);
  const ticks = useMemo(() => wholeSecondTicks(data[0]?.time ?? 0, data.at(-1)?.time ?? 0), [data]);
  const lines = useMemo(
    () =>
      keys.map((k, i) => (
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
    [keys],
  );
  if (keys.length === 0) return null;
  return (
    <figure className="min-w-0">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
            <XAxis
              dataKey="time"
              type="number"
              domain={X_DOMAIN}
              ticks={ticks}
              tickFormatter={secondsTick}
              stroke="currentColor"
              fontSize={11}
            />
            <YAxis stroke="currentColor" fontSize={11} width={40} allowDecimals={false} />
            <Tooltip labelFormatter={secondsLabel} formatter={formatter} contentStyle={TOOLTIP_STYLE} />
            <Legend wrapperStyle={LEGEND_STYLE} />
            <ReferenceLine x={time} stroke="currentColor" strokeDasharray="4 2" />
            {lines}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});

export default function Charts() {
  const revision = useSim((s) => s.revision);
  const requestSeries = useSim((s) => s.requestSeries);
  // While playing, the time line moves once a second: redrawing charts every frame costs too much.
  const time = useSim((s) => (s.playing ? Math.floor(s.time / 1000) * 1000 : s.time));
  const series = useSim((s) => s.series);
  const problem = useSim((s) => s.chartsProblem);

  // The engine samples the whole timeline in its worker; a new timeline asks again.
  useEffect(() => requestSeries(), [revision, requestSeries]);

  if (problem) return <p className="text-sm">The charts could not be computed: {problem}.</p>;
  if (!series) return <p className="text-sm">Computing the charts…</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Chart title="Consumer lag per group (records)" data={series.lag} keys={series.lagKeys} time={time} unit="records" />
      <Chart title="Queue depth: ready and unacked" data={series.depth} keys={series.depthKeys} time={time} unit="messages" />
      <Chart title="Throughput in and out (per second)" data={series.throughput} keys={series.throughputKeys} time={time} unit="/s" />
    </div>
  );
}
