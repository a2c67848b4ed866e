import type { ExchangeType } from '@/lib/content/routing';

// Tiny pictures of the four exchange types: a message (left) enters the exchange (centre) and
// reaches the queues (right) drawn solid; queues it skips are drawn faint.
const QUEUE_Y = [10, 30, 50];
const REACHES: Record<ExchangeType, readonly boolean[]> = {
  direct: [true, false, false],
  fanout: [true, true, true],
  topic: [true, false, true],
  headers: [false, true, false],
};

export function ExchangeIcon({ type }: { type: ExchangeType }) {
  const reaches = REACHES[type];
  return (
    <svg viewBox="0 0 120 60" aria-hidden="true" className="h-14 w-28 text-rabbit-700 dark:text-rabbit-300">
      <circle cx="10" cy="30" r="5" fill="currentColor" />
      <line x1="15" y1="30" x2="42" y2="30" stroke="currentColor" strokeWidth="2" />
      <rect x="42" y="18" width="24" height="24" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
      {type === 'headers' ? (
        <text x="54" y="34" textAnchor="middle" fontSize="11" fill="currentColor">
          H
        </text>
      ) : null}
      {type === 'topic' ? (
        <text x="54" y="35" textAnchor="middle" fontSize="13" fill="currentColor">
          *
        </text>
      ) : null}
      {QUEUE_Y.map((y, i) => (
        <g key={y} opacity={reaches[i] ? 1 : 0.25}>
          <line x1="66" y1="30" x2="92" y2={y} stroke="currentColor" strokeWidth="2" strokeDasharray={reaches[i] ? undefined : '3 3'} />
          <rect x="92" y={y - 5} width="22" height="10" rx="2" fill="currentColor" />
        </g>
      ))}
    </svg>
  );
}
