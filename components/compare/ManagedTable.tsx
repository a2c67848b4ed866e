import { MANAGED } from '@/lib/content/use-cases';
import { Cites } from './Cites';

const BROKER_LABEL = { kafka: 'Kafka', rabbitmq: 'RabbitMQ' } as const;

/** A table on wide screens; on phones each row stacks into a card (no sideways scrolling). */
export function ManagedTable() {
  return (
    <table className="w-full text-left text-sm max-md:block" data-testid="managed-table">
      <caption className="sr-only">Managed services for Kafka and RabbitMQ</caption>
      <thead className="max-md:sr-only">
        <tr className="border-b border-zinc-300 dark:border-zinc-700">
          <th scope="col" className="py-2 pr-4 font-semibold">
            Service
          </th>
          <th scope="col" className="py-2 pr-4 font-semibold">
            For
          </th>
          <th scope="col" className="py-2 pr-4 font-semibold">
            What runs
          </th>
          <th scope="col" className="py-2 font-semibold">
            Worth knowing
          </th>
        </tr>
      </thead>
      <tbody className="max-md:block max-md:space-y-3">
        {MANAGED.map((m) => (
          <tr
            key={m.id}
            className="border-b border-zinc-200 align-top max-md:block max-md:rounded-xl max-md:border max-md:p-4 dark:border-zinc-800"
          >
            <th scope="row" className="py-2 pr-4 font-semibold max-md:block max-md:py-0 max-md:text-base">
              {m.name}
              <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">{m.vendor}</span>
            </th>
            <td className="py-2 pr-4 max-md:block max-md:py-1">
              <span className={m.broker === 'kafka' ? 'text-kafka-800 dark:text-kafka-300' : 'text-rabbit-800 dark:text-rabbit-300'}>
                {BROKER_LABEL[m.broker]}
              </span>
            </td>
            <td className="py-2 pr-4 max-md:block max-md:py-0">{m.engine}</td>
            <td className="py-2 text-zinc-700 max-md:block max-md:pt-1.5 dark:text-zinc-300">
              {m.note}
              <Cites ids={m.sources} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
