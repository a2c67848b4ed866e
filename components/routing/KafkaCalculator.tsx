'use client';
import dynamic from 'next/dynamic';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { DataTable } from '@/components/ui/DataTable';
import { expandKeyPattern, KEY_CAP_WORDS, parseKeyList, showKey } from '@/lib/routing/keys';
import { growth, histogram, keyRows, parsePartitionCount } from '@/lib/routing/partitions';
import type { KafkaState } from '@/lib/routing/state';
import { useInView } from '@/components/ui/useInView';
import { PartitionGrowth } from './PartitionGrowth';
import { Field, inputClass, kafkaHeading as h3, panelClass as panel, Source } from './ui';
import { count } from '@/lib/format';

const PartitionHistogram = dynamic(() => import('./PartitionHistogram'), {
  ssr: false,
  loading: () => <p className="h-64 text-sm text-zinc-600 dark:text-zinc-400">Loading the chart…</p>,
});

const TABLE_ROWS = 200;
const MAX_CHART_PARTITIONS = 500;

interface Props {
  kafka: KafkaState;
  onChange: (patch: Partial<KafkaState>) => void;
}

const total = (n: number) => (Number.isFinite(n) ? count(n) : 'more than 10³⁰⁸');

/** Memoised with a stable onChange: typing in the RabbitMQ half of the page does not redo 10,000 hashes. */
export const KafkaCalculator = memo(function KafkaCalculator({ kafka, onChange }: Props) {
  const [onlyDiffer, setOnlyDiffer] = useState(false);
  // recharts loads only when the chart is near the screen, not during the page's first load.
  const [chartRef, chartNear] = useInView<HTMLElement>();
  // The inputs answer at once; the keys and hashes follow in a render React may interrupt (the work is capped too).
  const mode = useDeferredValue(kafka.mode);
  const pattern = useDeferredValue(kafka.pattern);
  const listText = useDeferredValue(kafka.list);
  const partitions = useDeferredValue(kafka.partitions);
  const growTo = useDeferredValue(kafka.growTo);
  const list = useMemo(() => (mode === 'pattern' ? expandKeyPattern(pattern) : parseKeyList(listText)), [mode, pattern, listText]);
  const n = parsePartitionCount(partitions);
  const m = parsePartitionCount(growTo);
  const nValue = 'value' in n ? n.value : null;
  const mValue = 'value' in m ? m.value : null;
  const growError =
    'error' in m
      ? m.error
      : nValue !== null && mValue !== null && mValue <= nValue
        ? `Kafka can only add partitions: enter more than ${nValue}`
        : null;
  const rows = useMemo(() => (nValue !== null ? keyRows(list.keys, nValue) : []), [list, nValue]);
  const differ = useMemo(() => rows.filter((r) => r.differs), [rows]);
  const shown = (onlyDiffer ? differ : rows).slice(0, TABLE_ROWS);
  const grow = useMemo(
    () => (nValue !== null && mValue !== null && !growError ? growth(list.keys, nValue, mValue) : null),
    [list, nValue, mValue, growError],
  );
  // The page's own state (not the deferred copy) decides what the error under the input says.
  const shownError = kafka.mode === 'pattern' && kafka.pattern !== pattern ? null : list.error;

  const keysNote = list.error
    ? null
    : `${count(list.keys.length)} key${list.keys.length === 1 ? '' : 's'}` +
      (list.duplicates ? `, ${list.duplicates} duplicate${list.duplicates === 1 ? '' : 's'} ignored` : '') +
      (list.capped ? ` (the input makes ${total(list.total)}; only the first ${count(list.used)} are used)` : '');

  return (
    <div className="space-y-4">
      <div className={`${panel} grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]`}>
        <div>
          <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Keys as</legend>
            <label className="inline-flex items-center gap-1.5">
              <input type="radio" name="key-mode" checked={kafka.mode === 'list'} onChange={() => onChange({ mode: 'list' })} />a list
            </label>
            <label className="inline-flex items-center gap-1.5">
              <input type="radio" name="key-mode" checked={kafka.mode === 'pattern'} onChange={() => onChange({ mode: 'pattern' })} />a
              pattern
            </label>
          </fieldset>
          {kafka.mode === 'list' ? (
            <Field
              label="Keys, one per line"
              className="mt-2"
              error={list.error}
              hint={`${keysNote ? `${keysNote}. ` : ''}A blank line between keys is an empty key. ${KEY_CAP_WORDS}`}
            >
              {(ids) => (
                <textarea
                  {...ids}
                  rows={6}
                  spellCheck={false}
                  className={inputClass}
                  value={kafka.list}
                  onChange={(e) => onChange({ list: e.target.value })}
                />
              )}
            </Field>
          ) : (
            <Field
              label="Key pattern"
              className="mt-2"
              error={shownError}
              hint={`${keysNote ? `${keysNote}. ` : ''}Ranges like {0..99} or {007..120}, lists like {eu,us}. ${KEY_CAP_WORDS}`}
            >
              {(ids) => (
                <input
                  {...ids}
                  spellCheck={false}
                  className={inputClass}
                  value={kafka.pattern}
                  onChange={(e) => onChange({ pattern: e.target.value })}
                />
              )}
            </Field>
          )}
        </div>
        <div className="grid content-start gap-3 sm:grid-cols-2 lg:grid-cols-1">
          <Field label="Partitions" error={'error' in n ? n.error : null}>
            {(ids) => (
              <input
                {...ids}
                inputMode="numeric"
                className={inputClass}
                value={kafka.partitions}
                onChange={(e) => onChange({ partitions: e.target.value })}
              />
            )}
          </Field>
          <Field label="Grow the topic to" error={growError}>
            {(ids) => (
              <input
                {...ids}
                inputMode="numeric"
                className={inputClass}
                value={kafka.growTo}
                onChange={(e) => onChange({ growTo: e.target.value })}
              />
            )}
          </Field>
        </div>
      </div>

      {'value' in n && (
        <>
          <div className={panel} role="status" aria-live="polite">
            {differ.length > 0 ? (
              <p className="text-sm">
                <strong className="text-kafka-900 dark:text-kafka-200">
                  {differ.length} of {rows.filter((r) => r.consistentRandom !== null).length} keys land on a different partition from a Java
                  producer than from a librdkafka one
                </strong>{' '}
                (confluent-kafka-python, Go, .NET, node-rdkafka). If both kinds of client write the same topic, one key&apos;s messages are
                split over two partitions, so per-key order and co-partitioning with other topics break; set{' '}
                <code>partitioner=murmur2_random</code> in the librdkafka clients to match Java.
              </p>
            ) : (
              <p className="text-sm">Java and librdkafka put every one of these keys on the same partition.</p>
            )}
          </div>

          <div className={panel}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className={h3}>Partition of each key</h3>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={onlyDiffer} onChange={(e) => setOnlyDiffer(e.target.checked)} />
                Only keys where Java and librdkafka differ
              </label>
            </div>
            <DataTable
              look="boxed"
              region="Partition of each key"
              className="mt-2 max-h-[28rem]"
              tableClassName="min-w-[34rem]"
              testId="partition-table"
              caption={`The partition of each key with ${n.value} partitions, under each client's partitioner`}
              captionHidden
              rows={shown}
              rowKey={(r) => r.key}
              rowProps={(r) => ({ className: r.differs ? 'bg-kafka-50 dark:bg-kafka-950/50' : '' })}
              columns={[
                {
                  header: 'Key',
                  rowHeader: true,
                  className: 'min-w-[9rem] font-mono font-normal [overflow-wrap:anywhere]',
                  cell: (r) => (
                    <>
                      {showKey(r.key)}
                      {r.differs && (
                        <span className="ml-1 inline-block rounded bg-kafka-700 px-1 text-xs whitespace-nowrap text-white dark:bg-kafka-300 dark:text-kafka-950">
                          differs
                        </span>
                      )}
                    </>
                  ),
                },
                { header: 'Java default (murmur2)', className: 'font-mono', cell: (r) => r.java },
                {
                  header: 'librdkafka default (consistent_random)',
                  className: 'font-mono',
                  cell: (r) => r.consistentRandom ?? 'random (sticky)',
                },
                { header: 'librdkafka murmur2_random', className: 'font-mono', cell: (r) => r.murmur2Random },
              ]}
            />
            {list.keys.includes('') && (
              <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
                The empty key: librdkafka&apos;s default sends an empty or null key to a random (sticky) partition, while murmur2_random
                hashes an empty key like Java and only leaves a null key (no key at all) to chance; Java hashes every non-null key.
              </p>
            )}
            {(onlyDiffer ? differ : rows).length > TABLE_ROWS && (
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                Showing the first {TABLE_ROWS} of {count((onlyDiffer ? differ : rows).length)} rows; the counts, chart and growth use every
                key.
              </p>
            )}
          </div>

          <figure ref={chartRef} className={panel}>
            <h3 className={h3}>Keys per partition</h3>
            <figcaption className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
              How {count(rows.length)} keys spread over {n.value} partitions under each client&apos;s default. This counts keys, not
              messages: a partition&apos;s load also depends on how busy its keys are.
            </figcaption>
            {n.value <= MAX_CHART_PARTITIONS ? (
              <div className="mt-2 min-h-64" aria-hidden="true">
                {chartNear && <PartitionHistogram bars={histogram(rows, n.value)} />}
              </div>
            ) : (
              <p className="mt-2 text-sm">The chart shows up to {MAX_CHART_PARTITIONS} partitions; the table above has every key.</p>
            )}
          </figure>

          {grow && 'value' in m && <PartitionGrowth grow={grow} from={n.value} to={m.value} />}
        </>
      )}
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Sources:{' '}
        <Source href="https://github.com/apache/kafka/blob/trunk/clients/src/main/java/org/apache/kafka/clients/producer/internals/BuiltInPartitioner.java">
          Kafka BuiltInPartitioner
        </Source>
        ,{' '}
        <Source href="https://github.com/confluentinc/librdkafka/blob/master/CONFIGURATION.md">
          librdkafka configuration (partitioner)
        </Source>
        , <Source href="https://github.com/confluentinc/librdkafka/blob/master/src/rdkafka_msg.c">librdkafka rdkafka_msg.c</Source>.
      </p>
    </div>
  );
});
