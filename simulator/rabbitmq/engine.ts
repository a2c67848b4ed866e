// The RabbitMQ side of a simulation: publishers, exchanges (routing.ts decides where a message
// goes), classic queues with consumers, prefetch, acks, TTL, length limits and dead-lettering, and
// streams. Queue entries are immutable, so a clone copies arrays of references, not messages.
import type { Ctx } from '../core/context';
import { T } from '../core/context';
import type { QueueCounters, QueueMessageView, RabbitConsumerView, RabbitView } from '../core/snapshot';
import type { Intervention, PublisherSpec, QueueSpec, RabbitConsumerSpec, Scenario } from '../schema';
import type { HeaderValue } from './headers';
import { ReadyQueue, type Entry as ReadyEntry } from './ready';
import { route, type RouteResult, type Topology } from './routing';

type RabbitSpec = NonNullable<Scenario['rabbitmq']>;
type Headers = Record<string, HeaderValue>;

interface Msg {
  readonly publisher: string;
  readonly seq: number;
  readonly routingKey: string;
  readonly headers: Headers | undefined;
  /** Per-message TTL (the expiration property), ms. */
  readonly expiration: number | undefined;
  readonly bytes: number;
  readonly deaths: number;
}

type Entry = ReadyEntry<Msg>;

/** A delivered message: a queue entry whose tag is set (fresh objects only, never shared when set). */
type Delivery = Entry;

interface QueueState {
  idx: number;
  name: string;
  spec: QueueSpec;
  /** Ready messages, sorted by arrival position. */
  ready: ReadyQueue<Msg>;
  nextPos: number;
  /** Consumers that can take a message now, in round-robin order. */
  active: number[];
  expiryAt: number;
  counters: QueueCounters;
  // Streams
  log: { msg: Msg; ts: number }[];
  firstOffset: number;
}

type ConsumerStatus = 'active' | 'crashed' | 'stopped' | 'waiting';

interface ConsumerState {
  idx: number;
  id: string;
  queue: number;
  spec: RabbitConsumerSpec;
  prefetchCount: number;
  status: ConsumerStatus;
  nextTag: number;
  /** Deliveries not yet processed, in delivery order (for manual ack: the unacked ones). */
  pending: Delivery[];
  pendingHead: number;
  busy: boolean;
  /** When the message being processed will be done (valid while busy). */
  busyUntil: number;
  token: number;
  processed: number;
  blocked: boolean;
  /** Streams: next offset to read. */
  offset: number;
}

interface PublisherState {
  spec: PublisherSpec;
  produced: number;
}

const EMPTY_COUNTERS: QueueCounters = {
  published: 0,
  delivered: 0,
  acked: 0,
  nacked: 0,
  requeued: 0,
  expired: 0,
  deadLettered: 0,
  dropped: 0,
  rejected: 0,
};
const MAX_DEATHS = 16;

interface Routed {
  result: RouteResult;
  /** Queue indexes of result.queues. */
  targets: number[];
}

/** Routing results by exchange and routing key; the topology never changes during a run, so clones share it. */
class RouteCache {
  private cache = [new Map<string, Map<string, Routed>>(), new Map<string, Map<string, Routed>>()];
  constructor(
    readonly topology: Topology,
    private readonly queueIndex: Map<string, number>,
  ) {}
  private routed(result: RouteResult): Routed {
    return { result, targets: result.queues.map((q) => this.queueIndex.get(q)!) };
  }
  route(exchange: string, routingKey: string, headers: Headers | undefined, mandatory: boolean): Routed {
    if (headers !== undefined) return this.routed(route(this.topology, { exchange, routingKey, headers, mandatory }));
    const byExchange = this.cache[mandatory ? 1 : 0]!;
    let byKey = byExchange.get(exchange);
    if (!byKey) byExchange.set(exchange, (byKey = new Map()));
    let r = byKey.get(routingKey);
    if (!r) byKey.set(routingKey, (r = this.routed(route(this.topology, { exchange, routingKey, mandatory }))));
    return r;
  }
}

export function messageIdOf(m: Msg): string {
  return `${m.publisher}-${m.seq}`;
}

export class RabbitModel {
  queues: QueueState[] = [];
  queueIndex = new Map<string, number>();
  consumers: ConsumerState[] = [];
  publishers: PublisherState[] = [];
  returned = 0;
  private routes: RouteCache;

  constructor(
    public w: Ctx,
    readonly spec: RabbitSpec,
    init = true,
  ) {
    spec.queues.forEach((q, i) => this.queueIndex.set(q.name, i));
    this.routes = new RouteCache(
      {
        exchanges: spec.exchanges.map((e) => ({
          name: e.name,
          type: e.type,
          ...(e.alternateExchange !== undefined ? { alternateExchange: e.alternateExchange } : {}),
        })),
        queues: spec.queues.map((q) => q.name),
        bindings: spec.bindings.map((b) => ({
          exchange: b.exchange,
          queue: b.queue,
          bindingKey: b.bindingKey,
          ...(b.arguments ? { arguments: b.arguments } : {}),
        })),
      },
      this.queueIndex,
    );
    if (!init) return;
    spec.queues.forEach((q, i) => {
      this.queues.push({
        idx: i,
        name: q.name,
        spec: q,
        ready: new ReadyQueue<Msg>(),
        nextPos: 0,
        active: [],
        expiryAt: -1,
        counters: { ...EMPTY_COUNTERS },
        log: [],
        firstOffset: 0,
      });
      if (q.type === 'stream' && q.maxAgeMs !== undefined) w.schedule(1000, T.rStreamRetention, i, 0);
    });
    spec.publishers.forEach((p, i) => {
      this.publishers.push({ spec: p, produced: 0 });
      if (p.count > 0 && p.ratePerSec > 0) w.schedule(p.startMs, T.rPublish, i, 0);
    });
    for (const c of spec.consumers) this.addConsumerState(c, c.startMs);
  }

  // ---------- tasks ----------
  run(kind: number, a: number, b: number): void {
    switch (kind) {
      case T.rPublish:
        return this.publishTick(a);
      case T.rConsumerStart: {
        const c = this.consumers[a]!;
        if (c.status === 'waiting') this.startConsumer(c, 'rabbitConsumerAdded');
        return;
      }
      case T.rProcessed: {
        const c = this.consumers[a]!;
        if (c.token === b) this.processHead(c);
        return;
      }
      case T.rExpiry: {
        const q = this.queues[a]!;
        q.expiryAt = -1;
        this.expireHead(q);
        this.dispatch(q);
        return;
      }
      case T.rStreamRead: {
        const c = this.consumers[a]!;
        if (c.token === b) this.streamRead(c);
        return;
      }
      case T.rStreamRetention:
        return this.streamRetention(this.queues[a]!);
    }
  }

  apply(iv: Intervention): void {
    switch (iv.type) {
      case 'rabbitmq.publishBurst': {
        let pi = this.publishers.findIndex((p) => p.spec.id === iv.publisher);
        if (pi < 0) {
          this.publishers.push({
            spec: {
              id: iv.publisher,
              exchange: iv.exchange,
              routingKeys: iv.routingKeys,
              headers: iv.headers,
              expirationMs: iv.expirationMs,
              mandatory: iv.mandatory,
              ratePerSec: 0,
              count: 0,
              startMs: this.w.time,
              valueBytes: 100,
            },
            produced: 0,
          });
          pi = this.publishers.length - 1;
        }
        const p = this.publishers[pi]!;
        for (let i = 0; i < iv.count; i++) {
          const k = i;
          this.publish(
            p,
            iv.exchange,
            iv.routingKeys[k % iv.routingKeys.length]!,
            iv.headers?.[k % iv.headers.length],
            iv.expirationMs,
            iv.mandatory,
            iv.valueBytes ?? 100,
          );
        }
        return;
      }
      case 'rabbitmq.addConsumer': {
        const existing = this.consumer(iv.consumer.id);
        if (existing && (existing.status === 'active' || existing.status === 'waiting'))
          return this.note(`Ignored: consumer ${iv.consumer.id} already exists`);
        if (!this.queueIndex.has(iv.consumer.queue)) return this.note(`Ignored: no queue "${iv.consumer.queue}"`);
        const c = this.addConsumerState({ ...iv.consumer, startMs: this.w.time }, null);
        this.startConsumer(c, 'rabbitConsumerAdded');
        return;
      }
      case 'rabbitmq.removeConsumer':
        return this.stopConsumer(iv.consumer, 'stopped');
      case 'rabbitmq.crashConsumer':
        return this.stopConsumer(iv.consumer, 'crashed');
      case 'rabbitmq.restartConsumer': {
        const c = this.consumer(iv.consumer);
        if (!c || (c.status !== 'crashed' && c.status !== 'stopped'))
          return this.note(`Ignored: consumer ${iv.consumer} is not crashed or stopped`);
        this.startConsumer(c, 'rabbitConsumerRestarted');
        return;
      }
      case 'rabbitmq.setPrefetch': {
        const c = this.consumer(iv.consumer);
        if (!c) return this.note(`Ignored: no consumer ${iv.consumer}`);
        const from = c.prefetchCount;
        c.prefetchCount = iv.prefetchCount;
        const q = this.queues[c.queue]!;
        if (this.w.rec) this.w.emit({ type: 'prefetchChanged', queue: q.name, consumer: c.id, from, to: iv.prefetchCount });
        this.unblockIfRoom(c);
        this.dispatch(q);
        return;
      }
      case 'rabbitmq.ack':
      case 'rabbitmq.nack':
        return this.settleByIntervention(iv);
      default:
        return;
    }
  }

  /** basic.ack / basic.nack from an intervention: one delivery tag, or with `multiple` every tag up to it. */
  private settleByIntervention(iv: Extract<Intervention, { type: 'rabbitmq.ack' | 'rabbitmq.nack' }>): void {
    const c = this.consumer(iv.consumer);
    const i = c ? c.pending.findIndex((d, j) => j >= c.pendingHead && d.tag === iv.deliveryTag) : -1;
    if (!c || c.spec.autoAck || i < 0) return this.note(`Ignored: consumer ${iv.consumer} holds no unacked delivery tag ${iv.deliveryTag}`);
    // Deliveries are held in delivery order, so "every tag up to it" is a prefix of what is held.
    const from = iv.multiple ? c.pendingHead : i;
    const settled = c.pending.splice(from, i - from + 1);
    for (const d of settled) {
      if (iv.type === 'rabbitmq.ack') this.ack(c, d);
      else this.nack(c, d, iv.requeue);
    }
    if (from === c.pendingHead && c.busy) {
      // The message being processed was settled: start on the next one.
      c.busy = false;
      c.token++;
      this.scheduleProcessing(c);
    }
    this.afterSettle(this.queues[c.queue]!);
  }

  private note(text: string): void {
    if (this.w.rec) this.w.emit({ type: 'note', text });
  }

  private consumer(id: string): ConsumerState | undefined {
    for (let i = this.consumers.length - 1; i >= 0; i--) if (this.consumers[i]!.id === id) return this.consumers[i];
    return undefined;
  }

  // ---------- publishing and routing ----------
  private publishTick(pi: number): void {
    const p = this.publishers[pi]!;
    const s = p.spec;
    const now = this.w.time;
    while (p.produced < s.count && s.startMs + Math.floor((p.produced * 1000) / s.ratePerSec) <= now) {
      const i = p.produced;
      this.publish(
        p,
        s.exchange,
        s.routingKeys[i % s.routingKeys.length]!,
        s.headers?.[i % s.headers.length],
        s.expirationMs,
        s.mandatory,
        s.valueBytes,
      );
    }
    if (p.produced < s.count)
      this.w.schedule(Math.max(now + 1, s.startMs + Math.floor((p.produced * 1000) / s.ratePerSec)), T.rPublish, pi, 0);
  }

  private publish(
    p: PublisherState,
    exchange: string,
    routingKey: string,
    headers: Headers | undefined,
    expiration: number | undefined,
    mandatory: boolean,
    bytes: number,
  ): void {
    const msg: Msg = { publisher: p.spec.id, seq: p.produced++, routingKey, headers, expiration, bytes, deaths: 0 };
    this.w.counters.rabbitPublished++;
    if (this.w.rec)
      this.w.emit({
        type: 'published',
        publisher: p.spec.id,
        exchange,
        routingKey,
        messageId: messageIdOf(msg),
        mandatory,
        ...(headers ? { headers } : {}),
        ...(expiration !== undefined ? { expirationMs: expiration } : {}),
      });
    this.routeMessage(msg, exchange, routingKey, mandatory);
  }

  private routeMessage(msg: Msg, exchange: string, routingKey: string, mandatory: boolean): void {
    const { result: r, targets } = this.routes.route(exchange, routingKey, msg.headers, mandatory);
    const rec = this.w.rec;
    if (r.viaAlternate || r.queues.length === 0) {
      if (r.outcome === 'returned') {
        this.returned++;
        this.w.counters.rabbitReturned++;
      }
      if (rec) {
        const ae = this.spec.exchanges.find((e) => e.name === exchange)?.alternateExchange;
        this.w.emit({
          type: 'unroutable',
          exchange,
          messageId: messageIdOf(msg),
          routingKey,
          outcome: r.viaAlternate ? 'alternate' : r.outcome === 'returned' ? 'returned' : 'dropped',
          ...(ae !== undefined ? { alternateExchange: ae } : {}),
        });
      }
    }
    for (let i = 0; i < targets.length; i++) {
      const q = this.queues[targets[i]!]!;
      if (rec) {
        const b = r.matchedBindings[q.name]?.[0];
        this.w.emit({
          type: 'routed',
          exchange: b?.exchange ?? exchange,
          queue: q.name,
          messageId: messageIdOf(msg),
          routingKey,
          bindingKey: b?.bindingKey ?? '',
          viaAlternate: r.viaAlternate,
        });
      }
      if (q.spec.type === 'stream') this.streamAppend(q, msg);
      else this.enqueue(q, msg);
    }
  }

  // ---------- classic queues ----------
  private readyCount(q: QueueState): number {
    return q.ready.length;
  }

  private enqueue(q: QueueState, msg: Msg): void {
    const now = this.w.time;
    const s = q.spec;
    const rec = this.w.rec;
    this.expireHead(q);
    // reject-publish refuses a message when the queue is already at its limit.
    if (s.overflow !== 'drop-head' && this.beyondLimit(q, 'at', msg.bytes)) {
      q.counters.rejected++;
      if (rec)
        this.w.emit({
          type: 'rejectedPublish',
          queue: q.name,
          messageId: messageIdOf(msg),
          deadLettered: s.overflow === 'reject-publish-dlx' && s.deadLetterExchange !== undefined,
        });
      if (s.overflow === 'reject-publish-dlx') this.deadLetter(q, msg, 'maxlen');
      return;
    }
    let ttl = s.messageTtlMs;
    if (msg.expiration !== undefined && (ttl === undefined || msg.expiration < ttl)) ttl = msg.expiration;
    const entry: Entry = { msg, pos: q.nextPos++, expiresAt: ttl === undefined ? Infinity : now + ttl, redelivered: false, tag: 0 };
    q.counters.published++;
    if (rec)
      this.w.emit({
        type: 'enqueued',
        queue: q.name,
        messageId: messageIdOf(msg),
        ready: this.readyCount(q) + 1,
        expiresAt: entry.expiresAt === Infinity ? null : entry.expiresAt,
      });
    // An empty queue hands the message straight to a consumer with room (so even TTL 0 is delivered).
    if (this.readyCount(q) === 0) {
      const c = this.nextConsumer(q);
      if (c) return this.deliver(q, c, entry);
    }
    q.ready.push(entry);
    this.dropHeadWhileOver(q);
    this.expireHead(q);
  }

  /** drop-head: make room by dropping (or dead-lettering) the oldest ready messages. */
  private dropHeadWhileOver(q: QueueState): void {
    if (q.spec.overflow !== 'drop-head') return;
    while (this.readyCount(q) > 0 && this.beyondLimit(q, 'over', 0)) this.dropOrDeadLetter(q, q.ready.shift().msg, 'maxlen');
  }

  /** x-max-length(-bytes) count ready messages only. 'at': adding `bytes` more would exceed; 'over': already beyond. */
  private beyondLimit(q: QueueState, mode: 'at' | 'over', bytes: number): boolean {
    const { maxLength, maxLengthBytes } = q.spec;
    const n = this.readyCount(q) + (mode === 'at' ? 1 : 0);
    const b = q.ready.bytes + (mode === 'at' ? bytes : 0);
    return (maxLength !== undefined && n > maxLength) || (maxLengthBytes !== undefined && b > maxLengthBytes);
  }

  private dropOrDeadLetter(q: QueueState, msg: Msg, reason: 'maxlen' | 'rejected' | 'expired'): void {
    if (q.spec.deadLetterExchange !== undefined) this.deadLetter(q, msg, reason);
    else if (reason !== 'expired') {
      q.counters.dropped++;
      this.w.counters.rabbitDropped++;
      if (this.w.rec) this.w.emit({ type: 'dropped', queue: q.name, messageId: messageIdOf(msg), reason });
    }
  }

  private deadLetter(q: QueueState, msg: Msg, reason: 'maxlen' | 'rejected' | 'expired'): void {
    const dlx = q.spec.deadLetterExchange;
    if (dlx === undefined) return;
    const routingKey = q.spec.deadLetterRoutingKey ?? msg.routingKey;
    q.counters.deadLettered++;
    this.w.counters.rabbitDeadLettered++;
    if (this.w.rec)
      this.w.emit({ type: 'deadLettered', messageId: messageIdOf(msg), fromQueue: q.name, toExchange: dlx, routingKey, reason });
    // A dead-lettered copy loses its per-message expiration; a cycle is cut after MAX_DEATHS hops.
    if (msg.deaths >= MAX_DEATHS) return;
    this.routeMessage({ ...msg, expiration: undefined, deaths: msg.deaths + 1 }, dlx, routingKey, false);
  }

  private expireHead(q: QueueState): void {
    const now = this.w.time;
    while (q.ready.headExpiresAt() <= now) {
      const e = q.ready.shift();
      q.counters.expired++;
      if (this.w.rec) this.w.emit({ type: 'expired', queue: q.name, messageId: messageIdOf(e.msg), expiresAt: e.expiresAt });
      this.dropOrDeadLetter(q, e.msg, 'expired');
    }
    this.armExpiry(q);
  }

  /** Classic queues expire only at the head: wake up when the head's TTL runs out. */
  private armExpiry(q: QueueState): void {
    if (this.readyCount(q) === 0) return;
    const at = q.ready.headExpiresAt();
    if (at === Infinity || (q.expiryAt >= 0 && q.expiryAt <= at)) return;
    q.expiryAt = at;
    this.w.schedule(at, T.rExpiry, q.idx, 0);
  }

  private canTake(c: ConsumerState): boolean {
    return c.spec.autoAck || c.prefetchCount === 0 || c.pending.length - c.pendingHead < c.prefetchCount;
  }

  /** A blocked consumer with room again rejoins the round-robin line at the back. */
  private unblockIfRoom(c: ConsumerState): void {
    if (c.blocked && c.status === 'active' && this.canTake(c)) {
      c.blocked = false;
      this.queues[c.queue]!.active.push(c.idx);
    }
  }

  private leaveLine(c: ConsumerState): void {
    const q = this.queues[c.queue]!;
    const i = q.active.indexOf(c.idx);
    if (i >= 0) q.active.splice(i, 1);
    c.blocked = false;
  }

  /**
   * The consumer at the front of the line, which then goes to the back. A consumer found at its
   * prefetch limit leaves the line (blocked) until an ack makes room (rabbit_queue_consumers).
   */
  private nextConsumer(q: QueueState): ConsumerState | null {
    const line = q.active;
    while (line.length > 0) {
      const ci = line.shift()!;
      const c = this.consumers[ci]!;
      if (!this.canTake(c)) {
        c.blocked = true;
        continue;
      }
      line.push(ci);
      return c;
    }
    return null;
  }

  private deliver(q: QueueState, c: ConsumerState, e: Entry): void {
    const tag = ++c.nextTag;
    e.tag = tag;
    c.pending.push(e);
    q.counters.delivered++;
    this.w.counters.rabbitDelivered++;
    if (this.w.rec)
      this.w.emit({
        type: 'delivered',
        queue: q.name,
        consumer: c.id,
        deliveryTag: tag,
        messageId: messageIdOf(e.msg),
        redelivered: e.redelivered,
        autoAck: c.spec.autoAck,
        unacked: c.spec.autoAck ? 0 : c.pending.length - c.pendingHead,
        prefetchCount: c.prefetchCount,
      });
    if (!c.busy) this.scheduleProcessing(c);
  }

  private dispatch(q: QueueState): void {
    const now = this.w.time;
    while (q.active.length > 0 && q.ready.length > 0) {
      if (q.ready.headExpiresAt() <= now) {
        this.expireHead(q);
        continue;
      }
      const c = this.nextConsumer(q);
      if (!c) break;
      this.deliver(q, c, q.ready.shift());
    }
    this.armExpiry(q);
  }

  private scheduleProcessing(c: ConsumerState): void {
    if (c.pendingHead >= c.pending.length || c.status !== 'active' || c.spec.settleBy === 'interventions') return;
    c.busy = true;
    // A consumer that requeues with no processing time would spin forever at one instant.
    const ms = c.spec.processingMs === 0 && c.spec.nackEvery !== undefined && c.spec.nackRequeue ? 1 : c.spec.processingMs;
    c.busyUntil = this.w.time + ms;
    this.w.schedule(c.busyUntil, T.rProcessed, c.idx, c.token);
  }

  private processHead(c: ConsumerState): void {
    const q = this.queues[c.queue]!;
    if (c.spec.processingMs === 0) {
      // No processing time: the consumer settles everything it holds at this instant, one
      // basic.ack / basic.nack after another, and the queue handles each in turn (dropping over its
      // limit, dispatching) before the next, as RabbitMQ 3.10.8 does (fidelity/queue-rules.test.ts).
      // Deliveries made meanwhile wait for the consumer's next turn.
      c.busy = true;
      for (let held = c.pending.length - c.pendingHead; held > 0; held--) {
        this.settleNext(c);
        this.afterSettle(q);
      }
      c.busy = false;
      this.scheduleProcessing(c);
      return;
    }
    c.busy = false;
    this.settleNext(c);
    this.scheduleProcessing(c);
    this.afterSettle(q);
  }

  /** The consumer is done with the oldest delivery it holds: ack it, or nack every nackEvery-th. */
  private settleNext(c: ConsumerState): void {
    const d = c.pending[c.pendingHead];
    if (!d) return;
    c.pending[c.pendingHead] = undefined as unknown as Delivery;
    c.pendingHead++;
    c.processed++;
    if (!c.spec.autoAck) {
      if (c.spec.nackEvery !== undefined && c.processed % c.spec.nackEvery === 0) this.nack(c, d, c.spec.nackRequeue);
      else this.ack(c, d);
    }
    if (c.pendingHead > 64 && c.pendingHead * 2 > c.pending.length) {
      c.pending = c.pending.slice(c.pendingHead);
      c.pendingHead = 0;
    }
  }

  /** After an ack or nack: a requeue can push the queue over its limit; then expire and dispatch. */
  private afterSettle(q: QueueState): void {
    this.dropHeadWhileOver(q);
    this.expireHead(q);
    this.dispatch(q);
  }

  private ack(c: ConsumerState, d: Delivery): void {
    const q = this.queues[c.queue]!;
    q.counters.acked++;
    this.w.counters.rabbitAcked++;
    if (this.w.rec) this.w.emit({ type: 'acked', queue: q.name, consumer: c.id, deliveryTag: d.tag, messageId: messageIdOf(d.msg) });
    this.unblockIfRoom(c);
  }

  private nack(c: ConsumerState, d: Delivery, requeue: boolean): void {
    const q = this.queues[c.queue]!;
    q.counters.nacked++;
    if (this.w.rec)
      this.w.emit({ type: 'nacked', queue: q.name, consumer: c.id, deliveryTag: d.tag, messageId: messageIdOf(d.msg), requeue });
    if (requeue) this.requeue(q, c, d, 'nack');
    else this.dropOrDeadLetter(q, d.msg, 'rejected');
    this.unblockIfRoom(c);
  }

  private requeue(q: QueueState, c: ConsumerState, d: Delivery, reason: 'nack' | 'consumer-crash' | 'consumer-removed'): void {
    const e: Entry = { msg: d.msg, pos: d.pos, expiresAt: d.expiresAt, redelivered: true, tag: 0 };
    const position = q.ready.insert(e);
    q.counters.requeued++;
    if (this.w.rec)
      this.w.emit({
        type: 'requeued',
        queue: q.name,
        consumer: c.id,
        deliveryTag: d.tag,
        messageId: messageIdOf(e.msg),
        redelivered: true,
        position,
        reason,
      });
  }

  // ---------- consumers ----------
  private addConsumerState(spec: RabbitConsumerSpec, startAt: number | null): ConsumerState {
    const c: ConsumerState = {
      idx: this.consumers.length,
      id: spec.id,
      queue: this.queueIndex.get(spec.queue) ?? 0,
      spec,
      prefetchCount: spec.prefetchCount,
      status: 'waiting',
      nextTag: 0,
      pending: [],
      pendingHead: 0,
      busy: false,
      busyUntil: 0,
      token: 0,
      processed: 0,
      blocked: false,
      offset: 0,
    };
    this.consumers.push(c);
    if (startAt !== null) this.w.schedule(startAt, T.rConsumerStart, c.idx, 0);
    return c;
  }

  private startConsumer(c: ConsumerState, type: 'rabbitConsumerAdded' | 'rabbitConsumerRestarted'): void {
    const q = this.queues[c.queue]!;
    c.status = 'active';
    c.nextTag = 0; // a new channel numbers deliveries from 1 again
    c.pending = [];
    c.pendingHead = 0;
    c.busy = false;
    c.token++;
    if (this.w.rec) this.w.emit({ type, queue: q.name, consumer: c.id });
    if (q.spec.type === 'stream') return this.streamAttach(c, q);
    this.leaveLine(c);
    q.active.push(c.idx);
    this.expireHead(q);
    this.dispatch(q);
  }

  private stopConsumer(id: string, how: 'crashed' | 'stopped'): void {
    const c = this.consumer(id);
    if (!c || c.status !== 'active') return this.note(`Ignored: no running consumer ${id}`);
    const q = this.queues[c.queue]!;
    c.status = how;
    c.token++;
    c.busy = false;
    this.leaveLine(c);
    let requeued = 0;
    let lost = 0;
    const held = c.pending.slice(c.pendingHead);
    c.pending = [];
    c.pendingHead = 0;
    if (q.spec.type !== 'stream') {
      if (c.spec.autoAck) {
        // Auto-ack deliveries already left the queue: they die with the consumer.
        for (const d of held) {
          lost++;
          q.counters.dropped++;
          this.w.counters.rabbitDropped++;
          if (this.w.rec) this.w.emit({ type: 'dropped', queue: q.name, messageId: messageIdOf(d.msg), reason: 'consumer-crash' });
        }
      } else {
        for (const d of held) {
          this.requeue(q, c, d, how === 'crashed' ? 'consumer-crash' : 'consumer-removed');
          requeued++;
        }
      }
    }
    if (this.w.rec)
      this.w.emit({
        type: how === 'crashed' ? 'rabbitConsumerCrashed' : 'rabbitConsumerRemoved',
        queue: q.name,
        consumer: c.id,
        requeued,
        lost,
      });
    this.afterSettle(q);
  }

  // ---------- streams ----------
  private streamAppend(q: QueueState, msg: Msg): void {
    const offset = q.firstOffset + q.log.length;
    q.log.push({ msg, ts: this.w.time });
    q.counters.published++;
    if (this.w.rec) this.w.emit({ type: 'streamAppended', queue: q.name, offset, messageId: messageIdOf(msg) });
    for (const ci of q.active) {
      const c = this.consumers[ci]!;
      if (c.status === 'active' && !c.busy) this.scheduleStreamRead(c, this.w.time);
    }
  }

  private nextOffset(q: QueueState): number {
    return q.firstOffset + q.log.length;
  }

  private streamAttach(c: ConsumerState, q: QueueState): void {
    const spec = c.spec.offset ?? 'next';
    const next = this.nextOffset(q);
    let offset: number;
    let label: string;
    if (spec === 'first') [offset, label] = [q.firstOffset, 'first'];
    else if (spec === 'last') [offset, label] = [Math.max(q.firstOffset, next - 1), 'last'];
    else if (spec === 'next') [offset, label] = [next, 'next'];
    else if ('offset' in spec) [offset, label] = [Math.min(Math.max(spec.offset, q.firstOffset), next), `offset ${spec.offset}`];
    else {
      const i = q.log.findIndex((r) => r.ts >= spec.timestamp);
      [offset, label] = [i < 0 ? next : q.firstOffset + i, `timestamp ${spec.timestamp}`];
    }
    c.offset = offset;
    if (!q.active.includes(c.idx)) q.active.push(c.idx);
    if (this.w.rec) this.w.emit({ type: 'streamAttached', queue: q.name, consumer: c.id, spec: label, offset });
    this.scheduleStreamRead(c, this.w.time);
  }

  private scheduleStreamRead(c: ConsumerState, at: number): void {
    c.busy = true;
    c.token++;
    this.w.schedule(at, T.rStreamRead, c.idx, c.token);
  }

  private streamRead(c: ConsumerState): void {
    const q = this.queues[c.queue]!;
    c.busy = false;
    if (c.status !== 'active') return;
    if (c.offset < q.firstOffset) c.offset = q.firstOffset; // retention removed what it had not read
    if (c.offset >= this.nextOffset(q)) return; // caught up: wait for the next append
    const r = q.log[c.offset - q.firstOffset]!;
    const offset = c.offset++;
    c.processed++;
    q.counters.delivered++;
    this.w.counters.rabbitDelivered++;
    if (this.w.rec)
      this.w.emit({ type: 'streamRead', queue: q.name, consumer: c.id, offset, messageId: messageIdOf(r.msg), nextOffset: c.offset });
    this.scheduleStreamRead(c, this.w.time + Math.max(1, c.spec.processingMs));
  }

  private streamRetention(q: QueueState): void {
    const now = this.w.time;
    const maxAge = q.spec.maxAgeMs;
    const seg = q.spec.segmentMessages;
    if (maxAge !== undefined) {
      // Whole segments only, never the one being written.
      for (;;) {
        const segStart = q.firstOffset;
        const segEnd = segStart - (segStart % seg) + seg; // exclusive
        if (segEnd >= this.nextOffset(q)) break;
        const newest = q.log[segEnd - 1 - q.firstOffset]!;
        if (now - newest.ts <= maxAge) break;
        q.log = q.log.slice(segEnd - q.firstOffset);
        q.firstOffset = segEnd;
        if (this.w.rec)
          this.w.emit({ type: 'streamSegmentDeleted', queue: q.name, baseOffset: segStart, lastOffset: segEnd - 1, firstOffset: segEnd });
      }
    }
    this.w.schedule(now + 1000, T.rStreamRetention, q.idx, 0);
  }

  // ---------- clone and view ----------
  clone(w: Ctx): RabbitModel {
    const c = new RabbitModel(w, this.spec, false);
    c.routes = this.routes;
    c.queueIndex = this.queueIndex;
    c.queues = this.queues.map((q) => ({
      ...q,
      ready: q.ready.clone(),
      active: [...q.active],
      counters: { ...q.counters },
      log: q.log.slice(),
    }));
    c.consumers = this.consumers.map((k) => ({ ...k, pending: k.pending.slice(k.pendingHead), pendingHead: 0 }));
    c.publishers = this.publishers.map((p) => ({ ...p }));
    c.returned = this.returned;
    return c;
  }

  private messageView(e: Entry): QueueMessageView {
    const m = e.msg;
    return {
      messageId: messageIdOf(m),
      routingKey: m.routingKey,
      colorKey: m.routingKey,
      redelivered: e.redelivered,
      expiresAt: e.expiresAt === Infinity ? null : e.expiresAt,
      position: e.pos,
      ...(m.headers ? { headers: m.headers } : {}),
    };
  }

  depths(): Record<string, { ready: number; unacked: number }> {
    const out: Record<string, { ready: number; unacked: number }> = {};
    for (const q of this.queues) out[q.name] = { ready: q.spec.type === 'stream' ? q.log.length : q.ready.length, unacked: 0 };
    for (const c of this.consumers)
      if (!c.spec.autoAck && this.queues[c.queue]!.spec.type !== 'stream')
        out[this.queues[c.queue]!.name]!.unacked += c.pending.length - c.pendingHead;
    return out;
  }

  private processingView(c: ConsumerState): RabbitConsumerView['processing'] {
    const d = c.pending[c.pendingHead];
    if (!c.busy || c.status !== 'active' || !d || this.queues[c.queue]!.spec.type === 'stream') return null;
    return { messageId: messageIdOf(d.msg), deliveryTag: d.tag, until: c.busyUntil };
  }

  view(maxMessages = Infinity, maxRecords = Infinity): RabbitView {
    const usesDefault = this.spec.publishers.some((p) => p.exchange === '') || this.spec.queues.some((q) => q.deadLetterExchange === '');
    const latest = this.consumers.filter((c, i) => !this.consumers.slice(i + 1).some((o) => o.id === c.id));
    return {
      exchanges: [
        ...(usesDefault ? [{ name: '', type: 'direct' as const, alternateExchange: null }] : []),
        ...this.spec.exchanges.map((e) => ({ name: e.name, type: e.type, alternateExchange: e.alternateExchange ?? null })),
      ],
      bindings: this.spec.bindings.map((b) => ({
        exchange: b.exchange,
        queue: b.queue,
        bindingKey: b.bindingKey,
        ...(b.arguments ? { arguments: b.arguments } : {}),
      })),
      queues: this.queues.map((q) => {
        const args: Record<string, string | number> = {};
        const s = q.spec;
        if (s.messageTtlMs !== undefined) args['x-message-ttl'] = s.messageTtlMs;
        if (s.maxLength !== undefined) args['x-max-length'] = s.maxLength;
        if (s.maxLengthBytes !== undefined) args['x-max-length-bytes'] = s.maxLengthBytes;
        if (s.maxLength !== undefined || s.maxLengthBytes !== undefined) args['x-overflow'] = s.overflow;
        if (s.deadLetterExchange !== undefined) args['x-dead-letter-exchange'] = s.deadLetterExchange;
        if (s.deadLetterRoutingKey !== undefined) args['x-dead-letter-routing-key'] = s.deadLetterRoutingKey;
        if (s.maxAgeMs !== undefined) args['x-max-age'] = `${s.maxAgeMs}ms`;
        const unacked = [];
        for (const c of latest) {
          if (c.queue !== q.idx || c.spec.autoAck || s.type === 'stream') continue;
          for (let i = c.pendingHead; i < c.pending.length; i++) {
            const d = c.pending[i]!;
            unacked.push({ message: this.messageView(d), consumer: c.id, deliveryTag: d.tag });
          }
        }
        return {
          name: q.name,
          type: s.type,
          args,
          ready: q.ready.toArray(maxMessages).map((e) => this.messageView(e)),
          readyCount: s.type === 'stream' ? 0 : q.ready.length,
          unacked,
          counters: { ...q.counters },
          ...(s.type === 'stream'
            ? {
                stream: {
                  firstOffset: q.firstOffset,
                  nextOffset: this.nextOffset(q),
                  log: q.log.slice(Math.max(0, q.log.length - maxRecords)).map((r, i, kept) => ({
                    offset: q.firstOffset + q.log.length - kept.length + i,
                    messageId: messageIdOf(r.msg),
                    routingKey: r.msg.routingKey,
                    colorKey: r.msg.routingKey,
                    timestamp: r.ts,
                  })),
                  consumers: latest.filter((c) => c.queue === q.idx && c.status !== 'waiting').map((c) => ({ id: c.id, offset: c.offset })),
                },
              }
            : {}),
        };
      }),
      consumers: latest.map((c) => ({
        id: c.id,
        queue: this.queues[c.queue]!.name,
        prefetchCount: c.prefetchCount,
        autoAck: c.spec.autoAck,
        status: c.status,
        unacked: c.spec.autoAck ? [] : c.pending.slice(c.pendingHead).map((d) => d.tag),
        buffered: c.pending.length - c.pendingHead,
        processed: c.processed,
        processing: this.processingView(c),
      })),
      returned: this.returned,
    };
  }
}
