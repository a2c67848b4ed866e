import {
  GROUPS,
  KAFKA_POINTS,
  LOG_END_OFFSET,
  LOG_TOPIC,
  PARTITION,
  QUEUE_SIDE,
  RABBIT_POINTS,
  SIMULATOR_LINK,
} from '@/lib/content/log-vs-queue';
import { ClaimList } from './Cites';
import { CtaLink } from './CtaLink';

function OffsetDiagram() {
  const leo = LOG_END_OFFSET;
  const columns = PARTITION.length + 1;
  const grid = { gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` };
  return (
    <figure
      data-testid="offset-diagram"
      aria-labelledby="offset-diagram-caption"
      className="rounded-xl border border-kafka-200 bg-white p-4 dark:border-kafka-900 dark:bg-zinc-900"
    >
      <figcaption id="offset-diagram-caption" className="font-semibold text-kafka-800 dark:text-kafka-200">
        Kafka: one partition of <span className="font-mono">{LOG_TOPIC}</span>, three consumer groups
      </figcaption>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Each box is one record, named by its offset.</p>
      <ol className="mt-3 grid gap-1.5" style={grid} aria-label="Records in the partition">
        {PARTITION.map((record) => (
          <li key={record.offset} data-offset={record.offset} className="text-center">
            <span className="block text-[0.7rem] text-zinc-600 dark:text-zinc-400">offset</span>
            <span className="mt-1 block rounded-md bg-kafka-100 py-2 font-mono text-sm font-semibold text-kafka-900 dark:bg-kafka-900/60 dark:text-kafka-100">
              {record.offset}
            </span>
          </li>
        ))}
        <li data-leo={leo} className="text-center">
          <span className="block text-[0.7rem] font-semibold text-kafka-800 dark:text-kafka-200">LEO {leo}</span>
          <span className="mt-1 block rounded-md border-2 border-dashed border-kafka-300 px-0.5 py-1 text-[0.7rem] leading-tight break-words text-zinc-600 dark:border-kafka-700 dark:text-zinc-400">
            <Ping className="bg-kafka-500" /> next write
          </span>
        </li>
      </ol>
      <ul className="mt-5 space-y-3" aria-label="Consumer groups">
        {GROUPS.map((g) => (
          <li key={g.group} data-group={g.group} data-committed={g.committedOffset} data-lag={g.lag}>
            <p className="text-sm">
              <span className="font-semibold">{g.group}</span>
              <span className="text-zinc-600 dark:text-zinc-400"> · committed offset </span>
              <span className="font-mono">{g.committedOffset}</span>
              <span className="text-zinc-600 dark:text-zinc-400"> · </span>
              <span className={g.lag === 0 ? 'text-emerald-700 dark:text-emerald-400' : 'font-semibold text-kafka-800 dark:text-kafka-200'}>
                lag {g.lag}
              </span>
              <span className="text-zinc-600 dark:text-zinc-400">
                {g.lag === 0 ? ' (caught up)' : ` (next: offset ${g.committedOffset})`}
              </span>
            </p>
            <div aria-hidden="true" className="mt-1 grid gap-1.5" style={grid}>
              {Array.from({ length: columns }, (_, offset) => (
                <span
                  key={offset}
                  data-state={offset >= leo ? 'end' : offset < g.committedOffset ? 'read' : 'unread'}
                  className={`relative h-2 rounded-full ${
                    offset >= leo ? '' : offset < g.committedOffset ? 'bg-zinc-200 dark:bg-zinc-700' : 'bg-kafka-400 dark:bg-kafka-500'
                  }`}
                >
                  {offset === g.committedOffset ? (
                    <span className="absolute -top-1 left-1/2 h-4 w-1 -translate-x-1/2 rounded bg-zinc-900 dark:bg-white" />
                  ) : null}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-4 text-xs text-zinc-600 dark:text-zinc-400">
        Grey: already read by that group. Indigo: still to read. The upright bar marks the committed offset, the next record the group will
        get; lag is the log-end offset minus it.
      </p>
    </figure>
  );
}

/** A small pulsing dot: the only motion in the diagrams, off under prefers-reduced-motion. */
function Ping({ className }: { className: string }) {
  return (
    <span aria-hidden="true" className="relative inline-flex h-2 w-2 align-middle">
      <span className={`absolute inline-flex h-full w-full rounded-full opacity-60 motion-safe:animate-ping ${className}`} />
      <span className={`relative inline-flex h-2 w-2 rounded-full ${className}`} />
    </span>
  );
}

function Box({ label, name, children }: { label: string; name: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-rabbit-200 bg-rabbit-50 px-3 py-2 dark:border-rabbit-900 dark:bg-rabbit-950/50">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{label}</p>
      <p className="font-mono text-sm font-semibold text-rabbit-900 dark:text-rabbit-100">{name}</p>
      {children}
    </div>
  );
}

function Arrow({ label }: { label: string }) {
  return (
    <p className="flex items-center gap-2 pl-4 text-xs text-zinc-600 dark:text-zinc-400">
      <span aria-hidden="true" className="text-lg leading-none">
        ↓
      </span>
      {label}
    </p>
  );
}

function QueueDiagram() {
  return (
    <figure
      aria-labelledby="queue-diagram-caption"
      className="rounded-xl border border-rabbit-200 bg-white p-4 dark:border-rabbit-900 dark:bg-zinc-900"
    >
      <figcaption id="queue-diagram-caption" className="font-semibold text-rabbit-800 dark:text-rabbit-200">
        RabbitMQ: exchange → queue → consumer
      </figcaption>
      <div className="mt-4 space-y-1.5">
        <Box label="producer publishes to exchange" name={QUEUE_SIDE.exchange} />
        <Arrow label="binding matches: routed" />
        <Box label="queue" name={QUEUE_SIDE.queue}>
          <p className="mt-1.5 flex gap-1.5">
            {QUEUE_SIDE.ready.map((m) => (
              <span
                key={m}
                className="rounded bg-rabbit-200 px-2 py-0.5 font-mono text-xs text-rabbit-950 dark:bg-rabbit-800 dark:text-rabbit-50"
              >
                {m}
              </span>
            ))}
            <span className="text-xs text-zinc-600 dark:text-zinc-400">ready</span>
          </p>
        </Box>
        <Arrow label={`pushed (prefetch ${QUEUE_SIDE.prefetch})`} />
        <Box label="consumer" name={QUEUE_SIDE.consumer}>
          <p className="mt-1.5 flex items-center gap-1.5">
            {QUEUE_SIDE.inFlight.map((m) => (
              <span
                key={m}
                className="rounded bg-rabbit-700 px-2 py-0.5 font-mono text-xs text-white dark:bg-rabbit-400 dark:text-rabbit-950"
              >
                {m}
              </span>
            ))}
            <Ping className="bg-rabbit-500" />
            <span className="text-xs text-zinc-600 dark:text-zinc-400">unacknowledged</span>
          </p>
        </Box>
        <Arrow label="ack" />
        <p className="rounded-lg border border-dashed border-zinc-300 px-3 py-2 text-sm text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
          <span className="font-mono">{QUEUE_SIDE.inFlight.join(', ')}</span> is deleted from the queue. No other consumer will see it, and
          it cannot be read again ({QUEUE_SIDE.acked} already went this way).
        </p>
      </div>
    </figure>
  );
}

export function LogVsQueue() {
  return (
    <div>
      <div className="grid gap-6 xl:grid-cols-2">
        <div>
          <OffsetDiagram />
          <ClaimList claims={KAFKA_POINTS} className="mt-4 space-y-2 text-zinc-800 dark:text-zinc-200" />
        </div>
        <div>
          <QueueDiagram />
          <ClaimList claims={RABBIT_POINTS} className="mt-4 space-y-2 text-zinc-800 dark:text-zinc-200" />
        </div>
      </div>
      <CtaLink href={SIMULATOR_LINK} tone="kafka">
        Open this in the simulator
      </CtaLink>
    </div>
  );
}
