// Publishers: messages are due at a steady rate, cycling through the publisher's routing keys and
// header tables; each is published to an exchange (exchange.ts routes it). A burst publishes many at
// once. In confirm mode (confirms.ts) each publish waits for basic.ack / basic.nack; with resendAfterMs
// the publisher publishes a message again when it is nacked or not confirmed in time, and after a
// reconnect resends what was in doubt: the usual way not to lose messages, and the way duplicates are
// made (a resent message may have been stored already). While its connection is down (cluster.ts) the
// application holds the messages that fall due and publishes them once reconnected.
import type { Intervention, PublisherSpec } from '../schema';
import { Work } from '../core/context';
import { DEFAULTS } from '../schema/defaults';
import { newConfirm } from './confirms';
import { NO_DEATHS } from './dead-letter';
import { sent } from './ledger';
import { messageIdOf, type Confirm, type Headers, type Msg, type PublisherState, type RabbitState, RabbitTask } from './state';

type Burst = Extract<Intervention, { type: 'rabbitmq.publishBurst' }>;
type Publishing = Pick<PublisherSpec, 'exchange' | 'routingKeys' | 'headers' | 'expirationMs' | 'mandatory' | 'valueBytes'>;

/** Message i of a publisher: its routing key and headers cycle. */
function publishNth(r: RabbitState, p: PublisherState, s: Publishing, i: number): void {
  const msg: Msg = {
    publisher: p.spec.id,
    pub: p.index,
    seq: p.produced++,
    attempt: 0,
    routingKey: s.routingKeys[i % s.routingKeys.length]!,
    headers: s.headers?.[i % s.headers.length],
    expiration: s.expirationMs,
    bytes: s.valueBytes,
    persistent: p.spec.persistent === true,
    deaths: NO_DEATHS,
  };
  publish(r, p, msg, s.exchange, s.mandatory);
}

function publish(r: RabbitState, p: PublisherState, msg: Msg, exchange: string, mandatory: boolean): void {
  r.w.charge(Work.publish);
  r.w.counters.rabbitPublished++;
  sent(p, msg);
  const confirm = p.spec.confirms ? newConfirm(p, msg.pub, msg, exchange, mandatory) : null;
  if (r.w.rec) {
    const headers: Headers | undefined = msg.headers;
    r.w.emit({
      type: 'published',
      publisher: p.spec.id,
      exchange,
      routingKey: msg.routingKey,
      messageId: messageIdOf(msg),
      mandatory,
      ...(headers ? { headers } : {}),
      ...(msg.expiration !== undefined ? { expirationMs: msg.expiration } : {}),
      ...(msg.persistent ? { persistent: true as const } : {}),
      ...(msg.attempt > 0 ? { resend: msg.attempt } : {}),
      ...(confirm ? { seqNo: confirm.seqNo } : {}),
    });
  }
  if (confirm && p.spec.resendAfterMs !== undefined) r.schedule(r.w.time + p.spec.resendAfterMs, RabbitTask.resend, msg.pub, confirm.seqNo);
  r.router.send(r, msg, exchange, msg.routingKey, mandatory, confirm);
}

/** Message i of a publisher is due at startMs + floor(i * 1000 / rate). */
function dueAt(s: PublisherSpec, i: number): number {
  return s.startMs + Math.floor((i * 1000) / s.ratePerSec);
}

export function addPublisher(r: RabbitState, spec: PublisherSpec): void {
  r.publishers.push(newPublisherState(r, spec, (spec.node ?? 1) - 1));
  if (spec.count > 0 && spec.ratePerSec > 0) r.schedule(spec.startMs, RabbitTask.publish, r.publishers.length - 1, 0);
}

function newPublisherState(r: RabbitState, spec: PublisherSpec, node: number): PublisherState {
  return {
    spec,
    index: r.publishers.length,
    produced: 0,
    node,
    connected: true,
    seqNo: 0,
    outstanding: new Map(),
    inDoubt: [],
    ledger: null,
  };
}

export function publishTick(r: RabbitState, index: number): void {
  const p = r.publishers[index]!;
  if (!p.connected) return; // the reconnect schedules the next tick
  const s = p.spec;
  const now = r.w.time;
  while (p.produced < s.count && dueAt(s, p.produced) <= now) publishNth(r, p, s, p.produced);
  if (p.produced < s.count) r.schedule(Math.max(now + 1, dueAt(s, p.produced)), RabbitTask.publish, index, 0);
}

/** `count` messages at once; the first burst of a publisher id registers it (message ids go on from there). */
export function publishBurst(r: RabbitState, iv: Burst, startLedger: (p: PublisherState) => void): void {
  let p = r.publishers.find((x) => x.spec.id === iv.publisher);
  const { exchange, routingKeys, headers, expirationMs, mandatory } = iv;
  const burst: Publishing = { exchange, routingKeys, headers, expirationMs, mandatory, valueBytes: iv.valueBytes ?? DEFAULTS.valueBytes };
  if (!p) {
    p = newPublisherState(r, { ...burst, id: iv.publisher, ratePerSec: 0, count: 0, startMs: r.w.time }, 0);
    r.publishers.push(p);
    startLedger(p);
  }
  if (!p.connected) return r.note(`Ignored: publisher ${p.spec.id} is reconnecting`);
  for (let i = 0; i < iv.count; i++) publishNth(r, p, burst, i);
}

/** Publishes the same message again (a new copy: the broker cannot tell it from the first). */
function resend(r: RabbitState, p: PublisherState, c: Confirm): void {
  const msg: Msg = { ...c.msg, attempt: c.msg.attempt + 1, deaths: NO_DEATHS };
  publish(r, p, msg, c.exchange, c.mandatory);
}

/** A nacked publish, with resendAfterMs: kept until its resend task (resendAfterMs after publishing) publishes it again. */
export function resendLater(r: RabbitState, c: Confirm): void {
  const p = r.publishers[c.pub]!;
  if (p.spec.resendAfterMs !== undefined) p.outstanding.set(c.seqNo, c);
}

/** The resend task: the publish is still unanswered (or was nacked): publish it again. */
export function resendDue(r: RabbitState, pub: number, seqNo: number): void {
  const p = r.publishers[pub]!;
  const c = p.outstanding.get(seqNo);
  if (!c || !p.connected) return;
  p.outstanding.delete(seqNo); // given up: a late answer to it reaches nobody
  resend(r, p, c);
}

/** After a reconnect: resend every publish whose answer the dead connection never brought. */
export function resendInDoubt(r: RabbitState, p: PublisherState): void {
  const doubt = p.inDoubt;
  p.inDoubt = [];
  for (const c of doubt) resend(r, p, c);
}
