import { MANAGED } from '@/lib/content/use-cases';
import { DataTable } from '@/components/ui/DataTable';
import { Cites } from './Cites';

const BROKER_LABEL = { kafka: 'Kafka', rabbitmq: 'RabbitMQ' } as const;

/** A table on wide screens; on phones each row stacks into a card (no sideways scrolling). */
export function ManagedTable() {
  return (
    <DataTable
      testId="managed-table"
      caption="Managed services for Kafka and RabbitMQ"
      captionHidden
      cards
      rows={MANAGED}
      rowKey={(m) => m.id}
      columns={[
        {
          header: 'Service',
          rowHeader: true,
          className: 'max-md:text-base',
          cell: (m) => (
            <>
              {m.name}
              <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">{m.vendor}</span>
            </>
          ),
        },
        {
          header: 'For',
          cell: (m) => (
            <span className={m.broker === 'kafka' ? 'text-kafka-800 dark:text-kafka-300' : 'text-rabbit-800 dark:text-rabbit-300'}>
              {BROKER_LABEL[m.broker]}
            </span>
          ),
        },
        { header: 'What runs', cell: (m) => m.engine },
        {
          header: 'Worth knowing',
          className: 'text-zinc-700 dark:text-zinc-300',
          cell: (m) => (
            <>
              {m.note}
              <Cites ids={m.sources} />
            </>
          ),
        },
      ]}
    />
  );
}
