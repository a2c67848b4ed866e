import Link from 'next/link';
import { CONVERGENCE, VERDICT } from '@/lib/content/verdict';
import { ClaimText } from './Cites';

const SIDE_STYLE = {
  kafka: {
    box: 'border-kafka-200 bg-kafka-50/60 dark:border-kafka-900 dark:bg-kafka-950/40',
    heading: 'text-kafka-800 dark:text-kafka-200',
    bullet: 'bg-kafka-600 dark:bg-kafka-400',
  },
  rabbitmq: {
    box: 'border-rabbit-200 bg-rabbit-50/60 dark:border-rabbit-900 dark:bg-rabbit-950/40',
    heading: 'text-rabbit-800 dark:text-rabbit-200',
    bullet: 'bg-rabbit-600 dark:bg-rabbit-400',
  },
} as const;

export function Verdict() {
  return (
    <div>
      <div className="grid gap-4 md:grid-cols-2">
        {VERDICT.map((side) => {
          const style = SIDE_STYLE[side.broker];
          return (
            <div key={side.broker} className={`rounded-xl border p-5 ${style.box}`}>
              <h3 className={`text-lg font-semibold ${style.heading}`}>{side.heading}</h3>
              <ul className="mt-3 space-y-2.5">
                {side.points.map((point) => (
                  <li key={point.text} className="flex gap-3">
                    <span aria-hidden="true" className={`mt-2.5 h-1.5 w-1.5 shrink-0 rounded-full ${style.bullet}`} />
                    <span>
                      <ClaimText claim={point} />
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      <p className="mt-5 max-w-prose text-zinc-700 dark:text-zinc-300">
        <ClaimText claim={CONVERGENCE} />{' '}
        <Link href="/choose" prefetch={false} className="text-link font-medium">
          Not sure? Take the chooser quiz
        </Link>
        .
      </p>
    </div>
  );
}
