'use client';
// Loaded lazily (next/dynamic, ssr: false) so recharts stays out of the page's first-load JS.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistogramBar } from '@/lib/routing/partitions';

export default function PartitionHistogram({ bars }: { bars: HistogramBar[] }) {
  return (
    <div className="h-64 w-full text-zinc-700 [--java:var(--color-kafka-700)] [--rdk:var(--color-kafka-400)] dark:text-zinc-300 dark:[--java:var(--color-kafka-300)] dark:[--rdk:var(--color-kafka-500)]">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
          <XAxis dataKey="partition" tick={{ fill: 'currentColor', fontSize: 12 }} stroke="currentColor" />
          <YAxis allowDecimals={false} tick={{ fill: 'currentColor', fontSize: 12 }} stroke="currentColor" width={36} />
          <Tooltip
            labelFormatter={(p) => `Partition ${String(p)}`}
            contentStyle={{ background: 'var(--color-zinc-900)', color: 'white', border: 'none', borderRadius: 6 }}
            itemStyle={{ color: 'white' }}
            labelStyle={{ color: 'white' }}
            cursor={{ fill: 'currentColor', fillOpacity: 0.08 }}
          />
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value) => <span className="text-zinc-800 dark:text-zinc-200">{value}</span>}
          />
          <Bar dataKey="java" name="Java (murmur2)" fill="var(--java)" isAnimationActive={false} />
          <Bar dataKey="librdkafka" name="librdkafka (consistent_random)" fill="var(--rdk)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
