// What every mark on the Kafka lane means, each next to a small copy of the mark itself.
import type { ReactNode } from 'react';

const cell = 'inline-flex h-5 min-w-5 items-center justify-center rounded border px-0.5 font-mono text-[10px] leading-none';

function Item({ mark, children }: { mark: ReactNode; children: ReactNode }) {
  return (
    <li className="flex items-center gap-1.5">
      <span aria-hidden="true" className="flex h-5 min-w-8 shrink-0 items-center justify-center">
        {mark}
      </span>
      <span>{children}</span>
    </li>
  );
}

/** The legend of the Kafka lane: every mark the strip and the "Whole log" view draw. */
export function KafkaLegend({ whole }: { whole: boolean }) {
  return (
    <ul
      className="mt-2 grid gap-x-4 gap-y-1 text-xs text-zinc-700 sm:grid-cols-2 dark:text-zinc-300"
      aria-label="What the marks mean (Kafka)"
      data-testid="kafka-legend"
    >
      <Item
        mark={
          <span className={`${cell} kvr-chip`} style={{ ['--h' as string]: '210' }}>
            7
          </span>
        }
      >
        a record, labelled with its offset; its colour follows its key
      </Item>
      <Item
        mark={
          <span
            className={`${cell} kvr-chip ring-2 ring-zinc-500 ring-offset-1 dark:ring-offset-zinc-900`}
            style={{ ['--h' as string]: '140' }}
          >
            3
          </span>
        }
      >
        ringed: the log start offset (the oldest record kept)
      </Item>
      <Item
        mark={
          <span className={`${cell} kvr-chip kvr-tombstone`} style={{ ['--h' as string]: '25' }}>
            9
          </span>
        }
      >
        hatched: a tombstone (a null value; compaction removes the key)
      </Item>
      <Item
        mark={
          <span className={`${cell} border-2 border-dashed border-zinc-400 text-zinc-700 dark:border-zinc-500 dark:text-zinc-300`}>
            LEO
          </span>
        }
      >
        the log-end offset: the offset the next record gets
      </Item>
      <Item mark={<span className="font-mono text-[10px]">… 40</span>}>… N earlier: older records kept but not drawn</Item>
      {whole ? (
        <>
          <Item mark={<span className="kvr-notch" />}>
            a notch over a record: a consumer&rsquo;s position (the next offset it fetches), named above
          </Item>
          <Item mark={<span className="h-4 w-0.5 bg-kafka-700 dark:bg-kafka-300" />}>
            a bar before a record: the group&rsquo;s committed offset
          </Item>
        </>
      ) : (
        <>
          <Item
            mark={
              <span className="font-mono text-[10px] font-semibold text-kafka-800 dark:text-kafka-200">
                <span className="kvr-up mr-0.5 inline-block" />
                c1
              </span>
            }
          >
            ▲ under a record: consumer c1&rsquo;s position, the next offset it fetches
          </Item>
          <Item mark={<span className="font-mono text-[10px] font-semibold text-kafka-800 dark:text-kafka-200">◂c1 @12</span>}>
            ◂: c1&rsquo;s position is offset 12, before the first record drawn
          </Item>
          <Item mark={<span className="h-4 w-0.5 bg-kafka-700 dark:bg-kafka-300" />}>
            a tick: the group&rsquo;s committed offset (named on the left)
          </Item>
          <Item mark={<span className="kvr-lag-span block w-8" />}>
            the band: the group&rsquo;s lag, from its committed offset to the log-end offset (lag = log-end − committed; with replicas, to
            the high watermark, the end consumers may read)
          </Item>
        </>
      )}
    </ul>
  );
}
