'use client';

// Loaded lazily (next/dynamic, ssr: false) so recharts stays out of the page's first-load JavaScript.
import { Bar, BarChart, Cell, LabelList, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { Contribution } from '@/lib/quiz';
import { axisTicks, tickLabel } from '@/lib/quiz/chart';

/** A bar's points, just past its tip (recharts may give a negative bar a negative width). */
function TipLabel(props: { x?: string | number; y?: string | number; width?: string | number; height?: string | number; value?: unknown }) {
  const [x, y, width, height] = [props.x, props.y, props.width, props.height].map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  const value = typeof props.value === 'number' ? props.value : 0;
  if (value === 0) return null;
  const tip = value > 0 ? Math.max(x, x + width) + 5 : Math.min(x, x + width) - 5;
  return (
    <text x={tip} y={y + height / 2} dy="0.35em" textAnchor={value > 0 ? 'start' : 'end'} fill="currentColor" fontSize={12}>
      {Math.abs(value)}
    </text>
  );
}

export default function ContributionChart({ contributions }: { contributions: Contribution[] }) {
  const data = contributions.filter((c) => c.net !== 0).sort((a, b) => b.net - a.net);
  const ticks = axisTicks(Math.max(0, ...data.map((c) => Math.abs(c.net))));
  const extent = ticks[ticks.length - 1]!;
  const height = 48 + data.length * 34;
  return (
    <div className="text-zinc-700 dark:text-zinc-300">
      <BarChart
        responsive
        style={{ width: '100%', height }}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 28, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <XAxis
          type="number"
          domain={[-extent, extent]}
          ticks={ticks}
          interval={0}
          allowDecimals={false}
          tick={{ fill: 'currentColor', fontSize: 12 }}
          stroke="currentColor"
          tickFormatter={tickLabel}
        />
        <YAxis type="category" dataKey="short" width={130} tick={{ fill: 'currentColor', fontSize: 12 }} stroke="currentColor" />
        <ReferenceLine x={0} stroke="currentColor" />
        <Bar dataKey="net" isAnimationActive={false} radius={3}>
          {data.map((c) => (
            <Cell key={c.questionId} fill={c.net > 0 ? 'var(--color-kafka-500)' : 'var(--color-rabbit-500)'} />
          ))}
          {/* The points at each bar's tip: right of a Kafka bar, left of a RabbitMQ bar. */}
          <LabelList dataKey="net" content={TipLabel} />
        </Bar>
      </BarChart>
      <p aria-hidden="true" className="flex justify-between pl-[138px] text-xs font-semibold">
        <span className="text-rabbit-800 dark:text-rabbit-300">← RabbitMQ</span>
        <span className="text-kafka-700 dark:text-kafka-300">Kafka →</span>
      </p>
    </div>
  );
}
