import {
  EXCHANGE_SOURCES,
  EXCHANGE_TYPES,
  KAFKA_INSTEAD,
  ORDER_BINDINGS,
  ORDER_ROUTES,
  ORDERS_EXCHANGE,
  ROUTING_PLAYGROUND_LINK,
  UNROUTABLE_NOTE,
} from '@/lib/content/routing';
import { ClaimList, ClaimText, Cites } from './Cites';
import { CtaLink } from './CtaLink';
import { ExchangeIcon } from './ExchangeIcon';
import { Breakable } from '@/components/ui/Breakable';
import { DataTable } from '@/components/ui/DataTable';

export function RoutingSection() {
  return (
    <div className="space-y-10">
      <div>
        <h3 className="text-lg font-semibold text-zinc-950 dark:text-white">
          Four exchange types
          <Cites ids={EXCHANGE_SOURCES} />
        </h3>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2">
          {EXCHANGE_TYPES.map((x) => (
            <li key={x.type} className="flex gap-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
              <ExchangeIcon type={x.type} />
              <div>
                <p className="font-semibold">{x.name}</p>
                <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{x.rule}</p>
                <p className="mt-1 font-mono text-xs text-zinc-600 dark:text-zinc-400">{x.example}</p>
              </div>
            </li>
          ))}
        </ul>
      </div>

      <div>
        <h3 className="text-lg font-semibold text-zinc-950 dark:text-white">
          Worked example: order notifications on <span className="font-mono">{ORDERS_EXCHANGE}</span>
        </h3>
        <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">
          A topic exchange with three queues bound to it. The results below are computed with this site&apos;s implementation of
          RabbitMQ&apos;s topic matching, the same one the simulator uses.
        </p>
        <div className="mt-4 grid gap-6 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <DataTable
            className="self-start"
            caption="Bindings"
            rows={ORDER_BINDINGS}
            rowKey={(b) => b.queue}
            columns={[
              { header: 'Queue', className: 'font-mono', cell: (b) => b.queue },
              { header: 'Binding key', className: 'font-mono', cell: (b) => b.bindingKey },
            ]}
          />
          <DataTable
            className="self-start"
            testId="routing-results"
            caption="Where each message goes"
            rows={ORDER_ROUTES}
            rowKey={(r) => r.routingKey}
            columns={[
              { header: 'Routing key', className: 'font-mono', cell: (r) => <Breakable text={r.routingKey} /> },
              {
                header: 'Queues',
                cell: (r) =>
                  r.queues.length === 0 ? (
                    <span className="text-zinc-600 dark:text-zinc-400">none: unroutable</span>
                  ) : (
                    <span className="font-mono">
                      {r.queues.map((q, i) => (
                        <span key={q}>
                          {i > 0 && ', '}
                          <Breakable text={q} />
                        </span>
                      ))}
                    </span>
                  ),
              },
            ]}
          />
        </div>
        <p className="mt-3 max-w-prose text-sm text-zinc-700 dark:text-zinc-300">
          Note <span className="font-mono">order.confirmed</span>: with only two words it misses{' '}
          <span className="font-mono">order.confirmed.*</span>, because <span className="font-mono">*</span> needs exactly one more word.{' '}
          <ClaimText claim={UNROUTABLE_NOTE} />
        </p>
      </div>

      <div className="rounded-xl border border-kafka-200 bg-kafka-50/60 p-5 dark:border-kafka-900 dark:bg-kafka-950/40">
        <h3 className="text-lg font-semibold text-kafka-800 dark:text-kafka-200">What Kafka does instead</h3>
        <ClaimList claims={KAFKA_INSTEAD} className="mt-2 space-y-2" />
      </div>

      <CtaLink href={ROUTING_PLAYGROUND_LINK} tone="rabbitmq">
        Try your own keys in the routing playground
      </CtaLink>
    </div>
  );
}
