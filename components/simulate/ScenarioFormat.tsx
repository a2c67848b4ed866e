// The scenario format in brief, for the editor's users: what each part of a scenario holds. The full
// table with every default is "Scenario schema" in simulator/README.md; the editor names every field
// it does not know and every value out of range.

const PARTS: readonly [string, string][] = [
  ['version, durationMs', 'Always 1; how long the run lasts, 100 ms to 5 minutes.'],
  ['kafka.topics[]', 'name, partitions (1–64), segment and retention limits, cleanupPolicy delete or compact, records already in the log.'],
  ['kafka.producers[]', 'id, topic, partitioner, ratePerSec, count, keys (none, a list, or a prefix and count), values, valueBytes.'],
  [
    'kafka.groups[]',
    'id, topics, assignment strategy, autoOffsetReset, auto-commit, session timeout, committed offsets, consumers (maxPollRecords, processing time per record).',
  ],
  [
    'rabbitmq.exchanges[], queues[], bindings[]',
    'Exchanges by type (direct, fanout, topic, headers); queues with TTL, length limits, overflow and dead-letter exchange; bindings with their keys or header arguments.',
  ],
  [
    'rabbitmq.publishers[]',
    'id, exchange ("" is the default exchange), routingKeys and headers cycled, expiration, mandatory, ratePerSec, count.',
  ],
  ['rabbitmq.consumers[]', 'id, queue, prefetchCount, autoAck, processingMs, nackEvery and nackRequeue, settleBy, a stream offset.'],
  ['interventions[]', '{ time, intervention }: what the Changes panel does, at a time of the scenario’s choosing.'],
];

export function ScenarioFormat() {
  return (
    <section aria-labelledby="scenario-format" className="mt-4 text-sm">
      <h2 id="scenario-format" className="scroll-mt-24 text-base font-semibold">
        The scenario format
      </h2>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        A scenario is JSON. Open the editor above to start from the current one; unknown keys and values out of range are named next to the
        text, and a link to the page carries your scenario.
      </p>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)]">
        {PARTS.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-mono text-xs break-words sm:pt-0.5">{k}</dt>
            <dd className="mb-1 text-zinc-700 sm:mb-0 dark:text-zinc-300">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
