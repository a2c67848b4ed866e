'use client';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Notice } from '@/components/ui/Notice';
import { ReadyRoot } from '@/components/ui/ReadyRoot';
import { encodeState, STATE_PARAM, stateParam } from '@/lib/routing/codec';
import type { DecodeResult } from '@/lib/routing/decode';
import { defaultState, type KafkaState, type RabbitState, type RoutingState } from '@/lib/routing/state';
import { KafkaCalculator } from './KafkaCalculator';
import { KafkaInstead } from './KafkaInstead';
import { RabbitPlayground } from './RabbitPlayground';
import { actionButtonClass, Source } from './ui';
import { count } from '@/lib/format';

/** Links longer than this may be cut by chat tools and some browsers. */
const LONG_LINK = 8000;
/**
 * Longer setups (an imported topology of thousands of exchanges) are not written to the address bar:
 * many servers refuse such a request line on reload (Node's default is 16 KB of headers; `npm start`
 * takes 128 KB), and encoding a megabyte on every pause in typing would stall the page.
 */
const MAX_LINK = 100_000;

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
  /** Length of the last link written (or measured), so the page can say when it is long or too long. */
  const [linkLength, setLinkLength] = useState(0);
  const edited = useRef(false);

  // Encoding waits for a pause in typing: an imported topology can make it a long task. The address
  // bar changes only after an edit, so a bad link stays there until the user changes something.
  useEffect(() => {
    const t = window.setTimeout(() => {
      const encoded = encodeState(state);
      setLinkLength(encoded.length);
      if (!edited.current || encoded.length > MAX_LINK) return;
      const url = new URL(window.location.href);
      url.searchParams.set(STATE_PARAM, encoded);
      window.history.replaceState(window.history.state, '', url);
    }, 200);
    return () => window.clearTimeout(t);
  }, [state]);

  // Stable, so each half of the page re-renders only when its own state changes.
  const onRabbit = useCallback((patch: Partial<RabbitState>) => {
    edited.current = true;
    setCopied(false);
    setState((s) => ({ ...s, rabbit: { ...s.rabbit, ...patch } }));
  }, []);
  const onKafka = useCallback((patch: Partial<KafkaState>) => {
    edited.current = true;
    setCopied(false);
    setState((s) => ({ ...s, kafka: { ...s.kafka, ...patch } }));
  }, []);
  const copy = async () => {
    const encoded = encodeState(state);
    setLinkLength(encoded.length);
    if (encoded.length > MAX_LINK) return;
    const url = new URL(window.location.href);
    url.searchParams.set(STATE_PARAM, encoded);
    window.history.replaceState(window.history.state, '', url);
    await navigator.clipboard?.writeText(url.toString()).catch(() => undefined);
    setCopied(true);
  };
  const reset = () => {
    edited.current = true;
    setNotice(null);
    setState(defaultState());
  };
  const linkNote =
    linkLength > MAX_LINK
      ? ` This setup is too large for a link (${count(linkLength)} characters; this page writes links up to ${count(MAX_LINK)}), so the address bar keeps the last one that fit.`
      : linkLength > LONG_LINK
        ? ' This link is long; some tools cut links this size.'
        : '';

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
          {linkNote}
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
