import { FEATURES } from '@/lib/content/features';
import { FEATURE_LABELS, sourceById } from '@/lib/content';
import { ClaimText } from './Cites';
import { OpenRowFromHash, TABLE_ID } from './OpenRowFromHash';

const COLUMNS = 'md:grid md:grid-cols-[9.5rem_minmax(0,1fr)_minmax(0,1fr)_1.25rem] md:gap-x-5';

const GROUPS = [
  {
    id: 'root',
    title: 'Where the models differ at the root',
    lead: 'Differences of kind, not degree: the rows to decide on first.',
    rows: FEATURES.filter((r) => r.differsMost),
  },
  {
    id: 'degree',
    title: 'Where they differ in degree',
    lead: 'Both brokers do these; how, or how far, differs.',
    rows: FEATURES.filter((r) => !r.differsMost),
  },
] as const;

export function FeatureTable() {
  return (
    <div>
      <OpenRowFromHash />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Open a row for the nuance, the conditions behind any figure, and its sources.
      </p>
      <div id={TABLE_ID} className="mt-4 space-y-8">
        {GROUPS.map((g) => (
          <section key={g.id} aria-labelledby={`features-${g.id}`} data-testid={`features-${g.id}`}>
            <h3 id={`features-${g.id}`} className="text-lg font-semibold text-zinc-950 dark:text-white">
              {g.title}
            </h3>
            <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{g.lead}</p>
            <div
              aria-hidden="true"
              className={`mt-3 hidden border-b border-zinc-300 pb-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase md:grid dark:border-zinc-700 dark:text-zinc-400 ${COLUMNS}`}
            >
              <span>Feature</span>
              <span className="text-kafka-800 dark:text-kafka-300">Kafka</span>
              <span className="text-rabbit-800 dark:text-rabbit-300">RabbitMQ</span>
              <span />
            </div>
            <ul className="mt-3 space-y-3 md:mt-0 md:space-y-0">
              {g.rows.map((row) => (
                <li key={row.id}>
                  <FeatureRow row={row} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

function FeatureRow({ row }: { row: (typeof FEATURES)[number] }) {
  return (
    <details
      id={`feature-${row.id}`}
      className="group/row scroll-mt-24 rounded-xl border border-zinc-200 bg-white md:rounded-none md:border-x-0 md:border-t-0 md:bg-transparent dark:border-zinc-800 dark:bg-zinc-900 md:dark:bg-transparent"
    >
      <summary
        className={`cursor-pointer list-none p-4 md:px-1 md:py-3 [&::-webkit-details-marker]:hidden ${COLUMNS} hover:bg-zinc-50 dark:hover:bg-zinc-800/60`}
      >
        <span className="flex items-start justify-between gap-3 md:block">
          <span className="block font-semibold text-zinc-950 dark:text-white">{FEATURE_LABELS[row.id]}</span>
          <Chevron className="md:hidden" />
        </span>
        <BrokerCell broker="kafka" text={row.kafka} />
        <BrokerCell broker="rabbitmq" text={row.rabbitmq} />
        <Chevron className="hidden md:block" />
        {row.conditions ? (
          <span className="mt-2 block text-xs text-zinc-600 md:col-span-2 md:col-start-2 dark:text-zinc-400">
            <span className="font-semibold">Conditions: </span>
            {row.conditions}
          </span>
        ) : null}
      </summary>
      <div className="border-t border-zinc-200 px-4 pt-3 pb-4 md:mb-3 md:ml-[10.75rem] md:rounded-lg md:border md:bg-zinc-50 md:px-4 dark:border-zinc-800 md:dark:bg-zinc-900">
        <ul className="list-disc space-y-1.5 pl-5 text-zinc-800 marker:text-zinc-400 dark:text-zinc-200">
          {row.nuance.map((claim) => (
            <li key={claim.text}>
              <ClaimText claim={claim} />
            </li>
          ))}
        </ul>
        <div className="mt-3 text-sm">
          <p className="font-semibold text-zinc-700 dark:text-zinc-300">Sources</p>
          <ul className="mt-1 space-y-1" data-testid="row-sources">
            {row.sources.map((id) => {
              const s = sourceById(id);
              return (
                <li key={id}>
                  <a href={s.url} rel="noopener noreferrer" className="text-link">
                    {s.publisher}: {s.title}
                  </a>
                  <span className="text-zinc-600 dark:text-zinc-400"> (checked {s.checked})</span>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </details>
  );
}

function Chevron({ className }: { className: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className={`mt-0.5 h-5 w-5 shrink-0 text-zinc-500 transition-transform group-open/row:rotate-180 dark:text-zinc-400 ${className}`}
    >
      <path d="M5 7.5 10 12.5 15 7.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const BROKER_LABEL = {
  kafka: { name: 'Kafka', tone: 'text-kafka-800 dark:text-kafka-300' },
  rabbitmq: { name: 'RabbitMQ', tone: 'text-rabbit-800 dark:text-rabbit-300' },
} as const;

/** One broker's short answer; on phones it carries its own label since the column header is hidden. */
function BrokerCell({ broker, text }: { broker: keyof typeof BROKER_LABEL; text: string }) {
  const { name, tone } = BROKER_LABEL[broker];
  return (
    <span className="mt-2 block md:mt-0">
      <span className={`block text-xs font-semibold tracking-wide uppercase md:sr-only ${tone}`}>{name}</span>
      <span className="text-zinc-800 dark:text-zinc-200">{text}</span>
    </span>
  );
}
