import { USE_CASES } from '@/lib/content/use-cases';
import type { Broker } from '@/lib/content';
import { Cites } from './Cites';

const COLUMN = {
  kafka: { title: 'When Kafka wins', heading: 'text-kafka-800 dark:text-kafka-200', rule: 'border-kafka-500' },
  rabbitmq: { title: 'When RabbitMQ wins', heading: 'text-rabbit-800 dark:text-rabbit-200', rule: 'border-rabbit-500' },
} as const;

export function UseCases() {
  return (
    <div className="grid gap-8 md:grid-cols-2">
      {(['kafka', 'rabbitmq'] as const satisfies readonly Broker[]).map((broker) => (
        <div key={broker}>
          <h3 className={`text-lg font-semibold ${COLUMN[broker].heading}`}>{COLUMN[broker].title}</h3>
          <ul className="mt-3 space-y-5">
            {USE_CASES.filter((u) => u.broker === broker).map((u) => (
              <li key={u.id} className={`border-l-4 pl-4 ${COLUMN[broker].rule}`}>
                <p className="font-semibold text-zinc-950 dark:text-white">{u.title}</p>
                <p className="mt-1 text-zinc-700 dark:text-zinc-300">{u.why}</p>
                <p className="mt-1.5 text-sm text-zinc-700 dark:text-zinc-300">
                  <span className="font-semibold">Example: </span>
                  {u.example}
                  <Cites ids={u.sources} />
                </p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
