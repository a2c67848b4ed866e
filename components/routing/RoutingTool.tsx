'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Notice } from '@/components/ui/Notice';
import { ReadyRoot } from '@/components/ui/ReadyRoot';
import { encodeState, STATE_PARAM, stateParam } from '@/lib/routing/codec';
import type { DecodeResult } from '@/lib/routing/decode';
import { defaultState, type KafkaState, type RabbitState, type RoutingState } from '@/lib/routing/state';
import { withParam } from '@/lib/url-state';
import { useUrlParams } from '@/lib/url-state/use-url-params';
import { KafkaCalculator } from './KafkaCalculator';
import { KafkaInstead } from './KafkaInstead';
import { RabbitPlayground } from './RabbitPlayground';
import { actionButtonClass, Source } from './ui';

/** Links longer than this may be cut by chat tools and some browsers. */
const LONG_LINK = 8000;

/** The query string the page was opened with, read once (later edits rewrite it). */
let openedWith: string | null = null;
const subscribeNever = () => () => {};

/**
 * Both playgrounds; the whole state is mirrored into `?s=` so a link reproduces it. The static HTML
 * shows the starting example; in the browser, a link's state replaces it (by remounting). The
 * decoder (with zod) loads only when the link carries state.
 */
export function RoutingTool() {
  const search = useSyncExternalStore(
    subscribeNever,
    () => (openedWith ??= window.location.search),
    () => null,
  );
  const param = search === null ? null : stateParam(search);
  const [decoded, setDecoded] = useState<{ param: string; result: DecodeResult } | null>(null);

  useEffect(() => {
    if (param === null) return;
    let live = true;
    import('@/lib/routing/decode')
      .then(({ decodeState }) => decodeState(param))
      .catch((): DecodeResult => ({ ok: false, error: 'The page could not load its link reader' }))
      .then((result) => {
        if (live) setDecoded({ param, result });
      });
    return () => {
      live = false;
    };
  }, [param]);

  // Leaving the page forgets the link it was opened with, so the next visit reads its own.
  useEffect(
    () => () => {
      openedWith = null;
    },
    [],
  );

  const result = param !== null && decoded?.param === param ? decoded.result : null;
  const ready = search !== null && (param === null || result !== null);
  return <Tool key={result ? 'from-link' : 'example'} decoded={result} inBrowser={ready} />;
}

function Tool({ decoded, inBrowser }: { decoded: DecodeResult | null; inBrowser: boolean }) {
  const [state, setState] = useState<RoutingState>(() => (decoded?.ok ? decoded.state : defaultState()));
  const [notice, setNotice] = useState<string | null>(
    decoded && !decoded.ok ? `${decoded.error}. Showing the starting example instead.` : null,
  );
  const [copied, setCopied] = useState(false);
  const [edited, setEdited] = useState(false);
  // Only after an edit, so a bad link stays in the address bar until the user changes something.
  useUrlParams(edited ? { [STATE_PARAM]: encodeState(state) } : null, { debounceMs: 200 });

  const onRabbit = (patch: Partial<RabbitState>) => {
    setEdited(true);
    setCopied(false);
    setState((s) => ({ ...s, rabbit: { ...s.rabbit, ...patch } }));
  };
  const onKafka = (patch: Partial<KafkaState>) => {
    setEdited(true);
    setCopied(false);
    setState((s) => ({ ...s, kafka: { ...s.kafka, ...patch } }));
  };
  const link = () => withParam(window.location.href, STATE_PARAM, encodeState(state));
  const copy = async () => {
    const url = link();
    window.history.replaceState(window.history.state, '', url);
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(true);
  };
  const reset = () => {
    setEdited(true);
    setNotice(null);
    setState(defaultState());
  };
  const long = encodeState(state).length > LONG_LINK;

  return (
    <ReadyRoot testId="routing-tool" ready={inBrowser} className="space-y-10">
      {notice && (
        <Notice role="alert" title="This link could not be restored">
          <p>{notice}</p>
        </Notice>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={actionButtonClass} onClick={() => void copy()}>
          Copy a link to this setup
        </button>
        <button type="button" className={actionButtonClass} onClick={reset}>
          Start over
        </button>
        <span role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
          {copied ? 'Link copied: it reproduces everything on this page.' : ''}
          {long ? ' This link is long; some tools cut links this size.' : ''}
        </span>
      </div>

      <section aria-labelledby="rabbit-h" className="space-y-4">
        <div>
          <h2 id="rabbit-h" className="text-2xl font-bold tracking-tight text-rabbit-900 sm:text-3xl dark:text-rabbit-200">
            RabbitMQ: which queues get this message?
          </h2>
          <p className="mt-2 max-w-3xl text-zinc-700 dark:text-zinc-300">
            A publisher sends to an exchange with a routing key (and headers); the exchange copies the message into every queue whose
            binding matches. This page runs the same rules as the broker (
            <Source href="https://www.rabbitmq.com/docs/exchanges">exchanges</Source>,{' '}
            <Source href="https://www.rabbitmq.com/docs/ae">alternate exchanges</Source>,{' '}
            <Source href="https://www.rabbitmq.com/docs/publishers#unroutable">unroutable messages</Source>).
          </p>
        </div>
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
          <RabbitPlayground rabbit={state.rabbit} onChange={onRabbit} />
          <div>
            <KafkaInstead />
          </div>
        </div>
      </section>

      <section aria-labelledby="kafka-h" className="space-y-4">
        <div>
          <h2 id="kafka-h" className="text-2xl font-bold tracking-tight text-kafka-900 sm:text-3xl dark:text-kafka-200">
            Kafka: which partition does this key go to?
          </h2>
          <p className="mt-2 max-w-3xl text-zinc-700 dark:text-zinc-300">
            The producer hashes the key to pick a partition, and clients disagree on the hash: the Java client uses murmur2,
            librdkafka-based clients default to CRC-32. Order is kept per partition, so the same key must always reach the same partition.
          </p>
        </div>
        <KafkaCalculator kafka={state.kafka} onChange={onKafka} />
      </section>
    </ReadyRoot>
  );
}
