// The frame of a broker's lane: its name in the broker's colour and what the lane shows, in a line.
import type { ReactNode } from 'react';

const LOOK = {
  kafka: {
    box: 'border-kafka-200 bg-kafka-50/40 dark:border-kafka-900 dark:bg-kafka-950/30',
    title: 'text-kafka-800 dark:text-kafka-200',
  },
  rabbit: {
    box: 'border-rabbit-200 bg-rabbit-50/40 dark:border-rabbit-900 dark:bg-rabbit-950/30',
    title: 'text-rabbit-800 dark:text-rabbit-200',
  },
} as const;

export function LaneFrame({
  broker,
  title,
  tagline,
  children,
}: {
  broker: keyof typeof LOOK;
  title: string;
  tagline: string;
  children: ReactNode;
}) {
  const id = `${broker}-lane`;
  return (
    <section aria-labelledby={id} className={`min-w-0 rounded-xl border p-3 sm:p-4 ${LOOK[broker].box}`}>
      <h2 id={id} className={`text-lg font-semibold ${LOOK[broker].title}`}>
        {title} <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">— {tagline}</span>
      </h2>
      {children}
    </section>
  );
}
