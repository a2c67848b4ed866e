'use client';
import { createContext, memo, useContext, useMemo, useRef, useState } from 'react';
import type { RabbitView } from '@/simulator';
import { LAZY_ROWS } from '@/lib/simulate/bounded';
import { chipLabel, hueFor, queueModels, WHOLE_LOG_CAP, type QueueModel } from '@/lib/simulate/view-model';
import { Chip } from './Cell';
import { LaneFrame } from './LaneFrame';
import { PublisherLedger, QuorumMembers, RabbitNodes } from './RabbitNodes';
import { SlotGrid, slotXY, type SlotPlace } from './SlotGrid';
import { useFlights } from './useFlights';
import { useSim } from './context';
import { useHeldOffScreen } from './useHeldOffScreen';

/** The publishers whose messages the lane can show: a chip keeps its publisher when there are several (chipLabel). */
const Publishers = createContext<readonly string[]>([]);

export const RabbitLane = memo(function RabbitLane({
  rabbit,
  cap,
  seq,
  whole = false,
  publishers,
}: {
  rabbit: RabbitView;
  cap: number;
  /** Ids of the scenario's publishers (and of bursts): message ids are `<publisher>-<n>`. */
  publishers: readonly string[];
  /** The snapshot's eventCount: the events up to it are on screen (the flights between redraws come from them). */
  seq: number;
  whole?: boolean;
}) {
  const queues = useMemo(() => queueModels(rabbit, cap), [rabbit, cap]);
  const playing = useSim((s) => s.playing);
  return (
    <Publishers.Provider value={publishers}>
      <LaneFrame broker="rabbit" title="RabbitMQ" tagline="exchange → bindings → queues; an ack deletes">
        <RabbitNodes rabbit={rabbit} />
        <Exchanges rabbit={rabbit} />
        {queues.map((q) => (
          <QueueBox key={q.name} q={q} seq={seq} whole={whole} lazy={queues.length > LAZY_ROWS} playing={playing} />
        ))}
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          Chips are messages (colour by routing key); a dashed chip marked ↻ is redelivered. Boxes beside a consumer are its prefetch slots:
          filled = delivered and not yet acked; the ringed one is being processed.
          {rabbit.returned > 0 ? ` Returned to publishers (mandatory, unroutable): ${rabbit.returned}.` : ''}
          {queues.some((q) => q.type === 'quorum') ? ' On a quorum queue the number after ↻ is the x-delivery-count.' : ''}
        </p>
        {rabbit.ledger && <PublisherLedger ledger={rabbit.ledger} />}
      </LaneFrame>
    </Publishers.Provider>
  );
});

const Exchanges = memo(
  function Exchanges({ rabbit }: { rabbit: RabbitView }) {
    if (rabbit.exchanges.length === 0) return null;
    return (
      <div className="mt-2 text-xs">
        <h3 className="sr-only">Exchanges and bindings</h3>
        <ul className="flex flex-wrap gap-2">
          {rabbit.exchanges.map((e) => (
            <li key={e.name} className="rounded border border-rabbit-300 bg-white px-2 py-1 dark:border-rabbit-800 dark:bg-zinc-900">
              exchange <span className="font-mono font-semibold">{e.name === '' ? '(default)' : e.name}</span> ({e.type}
              {e.alternateExchange ? `, alternate ${e.alternateExchange}` : ''})
            </li>
          ))}
        </ul>
      </div>
    );
  },
  (a, b) => a.rabbit.exchanges === b.rabbit.exchanges || JSON.stringify(a.rabbit.exchanges) === JSON.stringify(b.rabbit.exchanges),
);

/** One queue's card; while playing, it holds its moment while far off screen (useHeldOffScreen). */
function QueueBox({ q, seq, whole, lazy, playing }: { q: QueueModel; seq: number; whole: boolean; lazy: boolean; playing: boolean }) {
  const { ref, shown } = useHeldOffScreen(q, playing);
  return (
    <div ref={ref} className={lazy ? 'kvr-lazy' : undefined}>
      <QueueCard q={shown} seq={seq} whole={whole} />
    </div>
  );
}

const QueueCard = memo(
  function QueueCard({ q, seq, whole }: { q: QueueModel; seq: number; whole: boolean }) {
    const card = useRef<HTMLDivElement>(null);
    useFlights(card, q.name, seq, q.signature);
    return (
      <div
        ref={card}
        className={`mt-2 rounded-lg border border-zinc-200 bg-white p-2 text-xs dark:border-zinc-800 dark:bg-zinc-900 ${whole ? 'kvr-whole' : '[contain:content]'}`}
        data-queue={q.name}
      >
        <QueueHeading q={q} />
        {q.type === 'stream' && q.stream ? (
          <StreamLog q={q} whole={whole} />
        ) : (
          <>
            <p className="mt-1">
              <strong>ready {q.readyCount}</strong> · <strong>unacked {q.unackedCount}</strong>
            </p>
            {q.deadLetterReasons.length > 0 && (
              <p className="mt-0.5" data-testid="dead-letter-reasons">
                <span className="font-semibold">Dead-lettered here:</span> {q.deadLetterReasons.join('; ')}
              </p>
            )}
            {whole ? <WholeReady q={q} /> : <StripReady q={q} />}
            <ul className="mt-1 space-y-1" aria-label={`Consumers of ${q.name}`}>
              {q.consumers.map((c) => (
                <ConsumerRow key={c.id} c={c} />
              ))}
              {q.consumers.length === 0 && <li className="text-zinc-600 dark:text-zinc-400">no consumers</li>}
            </ul>
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">
              acked {q.counters.acked} · requeued {q.counters.requeued} · expired {q.counters.expired} · dead-lettered{' '}
              {q.counters.deadLettered} · dropped {q.counters.dropped}
              {q.counters.rejected ? ` · publishes rejected ${q.counters.rejected}` : ''}
            </p>
          </>
        )}
      </div>
    );
  },
  // `seq` alone changes every frame; the card redraws (and measures flights) when what it shows changes.
  (a, b) => a.q.signature === b.q.signature && a.whole === b.whole,
);

function QueueHeading({ q }: { q: QueueModel }) {
  return (
    <>
      <h3 className="text-sm font-semibold">
        {q.type === 'stream' ? 'Stream' : q.type === 'quorum' ? 'Quorum queue' : 'Queue'} <span className="font-mono">{q.name}</span>
        {q.node !== undefined && q.type !== 'quorum' && <span className="font-normal"> on node {q.node}</span>}
        {!q.available && (
          <span className="ml-1 rounded bg-zinc-200 px-1 font-normal text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100">
            unavailable{q.unavailableSince !== null ? ` since ${(q.unavailableSince / 1000).toFixed(1)} s` : ''}
          </span>
        )}
      </h3>
      {q.quorum && <QuorumMembers quorum={q.quorum} />}
      {q.singleActiveConsumer !== undefined && (
        <p className="text-zinc-600 dark:text-zinc-400">
          single active consumer: <span className="font-mono">{q.singleActiveConsumer ?? 'none'}</span>
        </p>
      )}
      {q.bindings.length > 0 && (
        <p className="text-zinc-600 dark:text-zinc-400">
          from{' '}
          {q.bindings.map((b, i) => (
            <span key={i}>
              {i > 0 && ', '}
              <span className="font-mono">{b.exchange || '(default)'}</span> with binding key{' '}
              <span className="font-mono">&ldquo;{b.bindingKey}&rdquo;</span>
            </span>
          ))}
        </p>
      )}
      {q.args.length > 0 && (
        <p className="text-zinc-600 dark:text-zinc-400">
          {q.args.map(([k, v]) => (
            <span key={k} className="mr-2 font-mono">
              {k}={String(v)}
            </span>
          ))}
        </p>
      )}
    </>
  );
}

function StripReady({ q }: { q: QueueModel }) {
  return (
    <div
      className="mt-0.5 flex h-[2.125rem] gap-0.5 overflow-hidden pt-1.5"
      aria-label={`Ready messages in ${q.name}, head first`}
      role="list"
    >
      {q.ready.map((m) => (
        <ReadyChip key={m.messageId} m={m} />
      ))}
      {q.readyHidden > 0 && (
        <span className="shrink-0 self-center pl-1 text-[11px] text-zinc-600 dark:text-zinc-400">+{q.readyHidden}</span>
      )}
    </div>
  );
}

/** A consumer and its prefetch slots: filled = delivered and unacked (ringed: being processed), dashed = free. */
function ConsumerRow({ c }: { c: QueueModel['consumers'][number] }) {
  const publishers = useContext(Publishers);
  return (
    <li className="flex flex-wrap items-center gap-1" data-consumer={c.id}>
      <span className="mr-1">
        <span className="font-semibold">{c.id}</span>{' '}
        <span className="text-zinc-600 dark:text-zinc-400">
          ({c.status}, prefetch {c.prefetchCount === 0 ? 'unlimited' : c.prefetchCount}
          {c.autoAck ? ', auto-ack' : ''}, {c.processed} processed)
        </span>
      </span>
      {c.slots.map((s) => (
        <Chip
          key={s.deliveryTag}
          flight={{ msg: s.messageId, side: 'slot' }}
          hue={s.hue}
          title={`${s.messageId}, delivery tag ${s.deliveryTag}, unacked${s.redelivered ? ', redelivered' : ''}${s.deliveryCount ? `, x-delivery-count ${s.deliveryCount}` : ''}${s.processing ? ', being processed' : ''}`}
          className={`kvr-pop relative ${s.redelivered ? 'kvr-redelivered' : ''} ${s.processing ? 'ring-2 ring-zinc-700 ring-offset-1 dark:ring-zinc-200 dark:ring-offset-zinc-900' : ''}`}
        >
          {chipLabel(s.messageId, publishers)}
          {s.redelivered && <Redelivered count={s.deliveryCount} />}
          <span className="sr-only">
            {' '}
            unacked, delivery tag {s.deliveryTag}
            {s.processing ? ', being processed' : ''}
          </span>
        </Chip>
      ))}
      {Array.from({ length: c.free ?? 0 }, (_, i) => (
        <span
          key={`free${i}`}
          aria-hidden="true"
          className="inline-block h-7 w-7 rounded border border-dashed border-zinc-400 dark:border-zinc-600"
        />
      ))}
      {c.free === null && <span className="text-zinc-600 dark:text-zinc-400">(no prefetch limit)</span>}
    </li>
  );
}

/**
 * Every ready message at a slot fixed by its place in line, so a delivery or a dropped head moves
 * no other chip, and a requeued message returns to its old place.
 */
/**
 * The place in line the grid starts from: the head's, when the queue (re)fills from empty or when
 * this view opens, so the first message sits in the first column. It stays put while the head is
 * consumed (nothing moves); it only moves back if a requeue returns a message from before it.
 */
function useLineStart(head: number | undefined): number {
  const [start, setStart] = useState<number | null>(head ?? null);
  const next = head === undefined ? null : start === null || head < start ? head : start;
  if (next !== start) setStart(next); // derived from the previous render's value (allowed during render)
  return next ?? 0;
}

/** Room above each row of the grid for the ↻ badge a redelivered chip wears on its corner. */
const REDELIVERED_BADGE_ROOM = 6;

function WholeReady({ q }: { q: QueueModel }) {
  const start = useLineStart(q.ready[0]?.position);
  const slot = (position: number) => position - start;
  return (
    <>
      <SlotGrid
        first={slot(q.ready[0]?.position ?? start)}
        last={slot(q.ready.at(-1)?.position ?? start)}
        band={REDELIVERED_BADGE_ROOM}
        listLabel={`Ready messages in ${q.name}, head first`}
        render={(place) =>
          q.ready.map((m) => {
            const { x, y } = slotXY(slot(m.position), place);
            return <ReadyChip key={m.messageId} m={m} x={x} y={y} />;
          })
        }
      />
      {q.readyHidden > 0 && <p className="text-[11px] text-zinc-600 dark:text-zinc-400">+{q.readyHidden} more</p>}
    </>
  );
}

type ReadyChipProps = { m: QueueModel['ready'][number]; x?: number; y?: number };

/** The same chip: each frame's models are new objects, so the memo compares what the chip shows. */
const sameReadyChip = (a: ReadyChipProps, b: ReadyChipProps) =>
  a.x === b.x &&
  a.y === b.y &&
  a.m.messageId === b.m.messageId &&
  a.m.hue === b.m.hue &&
  a.m.redelivered === b.m.redelivered &&
  a.m.routingKey === b.m.routingKey &&
  a.m.expiresAt === b.m.expiresAt &&
  a.m.deliveryCount === b.m.deliveryCount;

/** Memoised: a queue that grows renders only its new chips. `x`/`y` place it in the "Whole log" grid. */
const ReadyChip = memo(function ReadyChip({ m, x, y }: ReadyChipProps) {
  const title = `${m.messageId}, routing key ${m.routingKey}${m.redelivered ? ', redelivered' : ''}${m.deliveryCount ? `, x-delivery-count ${m.deliveryCount}` : ''}${m.expiresAt !== null ? `, expires at ${m.expiresAt} ms` : ''}`;
  const publishers = useContext(Publishers);
  const grid = x !== undefined && y !== undefined;
  const text = chipLabel(m.messageId, publishers, grid);
  const label = (
    <>
      {text}
      {m.redelivered && <Redelivered count={m.deliveryCount} />}
    </>
  );
  // In the grid the chip itself is the list item (one element per message); in the strip it flexes.
  return grid ? (
    <Chip
      hue={m.hue}
      title={title}
      flight={{ msg: m.messageId, side: 'ready' }}
      role="listitem"
      className={`kvr-pop ${text.length > 4 ? 'kvr-long' : ''} ${m.redelivered ? 'kvr-redelivered' : ''}`}
      at={{ x, y }}
    >
      {label}
    </Chip>
  ) : (
    <Chip
      hue={m.hue}
      title={title}
      flight={{ msg: m.messageId, side: 'ready' }}
      className={`kvr-pop relative shrink-0 ${m.redelivered ? 'kvr-redelivered' : ''}`}
    >
      <span role="listitem">{label}</span>
    </Chip>
  );
}, sameReadyChip);

/**
 * A small ↻ badge on the chip's corner (the chip keeps its width), spelled out for screen readers; on a
 * quorum queue it carries the x-delivery-count (↻3 = three failed deliveries so far).
 */
function Redelivered({ count = 0 }: { count?: number }) {
  return (
    <>
      <span
        aria-hidden="true"
        data-delivery-count={count || undefined}
        className="absolute -top-1.5 -right-1 rounded-full bg-white px-0.5 text-[9px] leading-3 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
      >
        ↻{count || ''}
      </span>
      <span className="sr-only"> redelivered{count ? `, x-delivery-count ${count}` : ''}</span>
    </>
  );
}

function StreamChip({ m, place }: { m: NonNullable<QueueModel['stream']>['log'][number]; place?: SlotPlace }) {
  const at = place && slotXY(m.offset, place);
  return (
    <Chip
      hue={hueFor(m.colorKey)}
      title={`offset ${m.offset}, ${m.messageId}`}
      className={`kvr-pop ${at && m.offset >= 10_000 ? 'kvr-long' : ''}`}
      {...(at ? { at } : {})}
    >
      {m.offset}
    </Chip>
  );
}

function StreamLog({ q, whole }: { q: QueueModel; whole: boolean }) {
  const s = q.stream!;
  const log = s.log.slice(whole ? -WHOLE_LOG_CAP : -20);
  return (
    <div className="mt-1">
      <p>
        first offset <strong>{s.firstOffset}</strong> · next offset <strong>{s.nextOffset}</strong>
        {s.log.length > log.length ? ` · … ${s.log.length - log.length} earlier` : ''}
      </p>
      {whole ? (
        <SlotGrid
          first={log[0]?.offset ?? s.nextOffset}
          last={log.at(-1)?.offset ?? s.nextOffset}
          className="mt-1"
          render={(place) => log.map((m) => <StreamChip key={m.offset} m={m} place={place} />)}
        />
      ) : (
        <div className="mt-1 flex flex-wrap gap-0.5">
          {log.map((m) => (
            <StreamChip key={m.offset} m={m} />
          ))}
        </div>
      )}
      <p className="mt-1">{s.consumers.map((c) => `${c.id} at offset ${c.offset}`).join(' · ') || 'no consumers'}</p>
    </div>
  );
}
