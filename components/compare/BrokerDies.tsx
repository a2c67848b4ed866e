import { DURABILITY_LEAD, DURABILITY_OUTCOMES, KAFKA_DURABILITY, RABBIT_DURABILITY } from '@/lib/content/durability';
import type { Broker, DurabilitySetting, SourceId } from '@/lib/content';
import { ClaimText } from './Cites';

const SIDE = {
  kafka: {
    name: 'Kafka',
    settings: KAFKA_DURABILITY,
    heading: 'text-kafka-800 dark:text-kafka-200',
    rule: 'border-kafka-500',
  },
  rabbitmq: {
    name: 'RabbitMQ',
    settings: RABBIT_DURABILITY,
    heading: 'text-rabbit-800 dark:text-rabbit-200',
    rule: 'border-rabbit-500',
  },
} as const;

const BROKERS = ['kafka', 'rabbitmq'] as const satisfies readonly Broker[];

function Setting({ s, rule }: { s: DurabilitySetting<SourceId>; rule: string }) {
  return (
    <li className={`border-l-4 pl-4 ${rule}`} data-setting={s.id}>
      <p className="font-semibold text-zinc-950 dark:text-white">
        <code className="text-[0.95em] break-words">{s.name}</code>
        <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">{s.where}</span>
      </p>
      <p className="mt-1 text-sm text-zinc-800 dark:text-zinc-200">
        <span className="font-semibold">Default: </span>
        {s.defaults}
      </p>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        <ClaimText claim={s.guarantee} />
      </p>
    </li>
  );
}

/** "When a broker dies": what the defaults and a deliberate setup keep, then the settings that decide it. */
export function BrokerDies() {
  return (
    <div data-testid="broker-dies">
      <p className="max-w-prose text-zinc-800 dark:text-zinc-200">
        <ClaimText claim={DURABILITY_LEAD} />
      </p>
      <h3 className="mt-6 text-lg font-semibold text-zinc-950 dark:text-white">When one machine dies</h3>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        {BROKERS.map((broker) => (
          <div key={broker} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
            <h4 className={`font-semibold ${SIDE[broker].heading}`}>{SIDE[broker].name}</h4>
            <dl className="mt-2 space-y-3">
              {DURABILITY_OUTCOMES.filter((o) => o.broker === broker).map((o) => (
                <div key={o.setup}>
                  <dt className="text-sm font-semibold text-zinc-950 dark:text-white">{o.setup}</dt>
                  <dd className="mt-0.5 text-zinc-700 dark:text-zinc-300">
                    <ClaimText claim={o.outcome} />
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
      <h3 className="mt-8 text-lg font-semibold text-zinc-950 dark:text-white">The settings that decide it</h3>
      <div className="mt-3 grid gap-8 md:grid-cols-2">
        {BROKERS.map((broker) => (
          <div key={broker}>
            <h4 className={`font-semibold ${SIDE[broker].heading}`}>{SIDE[broker].name}</h4>
            <ul className="mt-3 space-y-5">
              {SIDE[broker].settings.map((s) => (
                <Setting key={s.id} s={s} rule={SIDE[broker].rule} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
