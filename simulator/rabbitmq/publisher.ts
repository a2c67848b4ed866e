// Publishers: messages are due at a steady rate, cycling through the publisher's routing keys and
// header tables; each is published to an exchange (exchange.ts routes it). A burst publishes many at once.
import type { Intervention, PublisherSpec } from '../schema';
import { Work } from '../core/context';
import { DEFAULTS } from '../schema/defaults';
import { NO_DEATHS } from './dead-letter';
import { messageIdOf, type Headers, type Msg, type PublisherState, type RabbitState, RabbitTask } from './state';

type Burst = Extract<Intervention, { type: 'rabbitmq.publishBurst' }>;
type Publishing = Pick<PublisherSpec, 'exchange' | 'routingKeys' | 'headers' | 'expirationMs' | 'mandatory' | 'valueBytes'>;

/** Message i of a publisher: its routing key and headers cycle. */
function publishNth(r: RabbitState, p: PublisherState, s: Publishing, i: number): void {
  publish(
    r,
    p,
    s.exchange,
    s.routingKeys[i % s.routingKeys.length]!,
    s.headers?.[i % s.headers.length],
    s.expirationMs,
    s.mandatory,
    s.valueBytes,
  );
}

function publish(
  r: RabbitState,
  p: PublisherState,
  exchange: string,
  routingKey: string,
  headers: Headers | undefined,
  expiration: number | undefined,
  mandatory: boolean,
  bytes: number,
): void {
  const msg: Msg = { publisher: p.spec.id, seq: p.produced++, routingKey, headers, expiration, bytes, deaths: NO_DEATHS };
  r.w.charge(Work.publish);
  r.w.counters.rabbitPublished++;
  if (r.w.rec)
    r.w.emit({
      type: 'published',
      publisher: p.spec.id,
      exchange,
      routingKey,
      messageId: messageIdOf(msg),
      mandatory,
      ...(headers ? { headers } : {}),
      ...(expiration !== undefined ? { expirationMs: expiration } : {}),
    });
  r.router.send(r, msg, exchange, routingKey, mandatory);
}

/** Message i of a publisher is due at startMs + floor(i * 1000 / rate). */
function dueAt(s: PublisherSpec, i: number): number {
  return s.startMs + Math.floor((i * 1000) / s.ratePerSec);
}

export function addPublisher(r: RabbitState, spec: PublisherSpec): void {
  r.publishers.push({ spec, produced: 0 });
  if (spec.count > 0 && spec.ratePerSec > 0) r.schedule(spec.startMs, RabbitTask.publish, r.publishers.length - 1, 0);
}

export function publishTick(r: RabbitState, index: number): void {
  const p = r.publishers[index]!;
  const s = p.spec;
  const now = r.w.time;
  while (p.produced < s.count && dueAt(s, p.produced) <= now) publishNth(r, p, s, p.produced);
  if (p.produced < s.count) r.schedule(Math.max(now + 1, dueAt(s, p.produced)), RabbitTask.publish, index, 0);
}

/** `count` messages at once; the first burst of a publisher id registers it (message ids go on from there). */
export function publishBurst(r: RabbitState, iv: Burst): void {
  let p = r.publishers.find((x) => x.spec.id === iv.publisher);
  const { exchange, routingKeys, headers, expirationMs, mandatory } = iv;
  const burst: Publishing = { exchange, routingKeys, headers, expirationMs, mandatory, valueBytes: iv.valueBytes ?? DEFAULTS.valueBytes };
  if (!p) {
    p = { spec: { ...burst, id: iv.publisher, ratePerSec: 0, count: 0, startMs: r.w.time }, produced: 0 };
    r.publishers.push(p);
  }
  for (let i = 0; i < iv.count; i++) publishNth(r, p, burst, i);
}
