// A TEST ORACLE, not the engine: a second, independent model of a RabbitMQ classic queue and its
// consumers, written apart from simulator/rabbitmq/classic-queue.ts (the one the engine runs) so the
// two can be compared (tests/simulator/engine-vs-classic-queue.test.ts) and both held against the real
// broker (fidelity/dispatch.test.ts, fidelity/queue-rules.test.ts). Source: rabbitmq-server
// rabbit_amqqueue_process.erl (deliver_or_enqueue, will_overflow, maybe_drop_head, requeue),
// rabbit_queue_consumers.erl (deliver, block/unblock), rabbitmq-website docs/consumers.md,
// consumer-prefetch.md, confirms.md, ttl.md, maxlength, dlx.md.

export type MessageId = number | string;
export type Overflow = 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
export type DeadLetterReason = 'rejected' | 'maxlen';

export interface ClassicQueueOptions {
  /** x-message-ttl in ms; with a per-message expiration the lower wins. */
  messageTtl?: number;
  /** x-max-length: most READY messages (unacked do not count). */
  maxLength?: number;
  /** x-max-length-bytes: most bytes of READY message bodies. */
  maxLengthBytes?: number;
  /** x-overflow, default drop-head. */
  overflow?: Overflow;
  /** x-dead-letter-exchange: when set, rejected/expired/dropped messages are dead-lettered. */
  deadLetterExchange?: string;
}

export interface PublishedMessage {
  id: MessageId;
  /** Body size in bytes (for x-max-length-bytes), default 0. */
  bytes?: number;
  /** Per-message expiration in ms (the AMQP `expiration` property). */
  expiration?: number;
}

export interface ConsumerOptions {
  /** basic.qos prefetch_count for this consumer; 0 = unlimited. Ignored for autoAck consumers. */
  prefetchCount?: number;
  autoAck?: boolean;
}

/** What an operation did, in order (tests compare these with the engine's events and the broker's). */
export type QueueOutcome =
  | { type: 'enqueued'; msgId: MessageId }
  /** reject-publish(-dlx): the queue was full, the message never entered it (publisher gets a nack). */
  | { type: 'publishRejected'; msgId: MessageId; deadLetter: boolean }
  | { type: 'delivered'; msgId: MessageId; consumerId: string; deliveryTag: number; redelivered: boolean; autoAck: boolean }
  | { type: 'acked'; msgId: MessageId; consumerId: string; deliveryTag: number }
  | { type: 'requeued'; msgId: MessageId; consumerId: string; deliveryTag: number }
  /** TTL ran out at the head; deadLetter says whether it goes to the dead-letter exchange. */
  | { type: 'expired'; msgId: MessageId; deadLetter: boolean }
  /** Left the queue for the dead-letter exchange (nack/reject without requeue, or length limit). */
  | { type: 'deadLettered'; msgId: MessageId; reason: DeadLetterReason }
  /** Discarded: same triggers as deadLettered but the queue has no dead-letter exchange. */
  | { type: 'dropped'; msgId: MessageId; reason: DeadLetterReason }
  /** A consumer at its prefetch limit was skipped and waits for an ack. */
  | { type: 'consumerBlocked'; consumerId: string }
  | { type: 'consumerUnblocked'; consumerId: string };

export interface QueueStats {
  published: number;
  acked: number;
  dropped: number;
  deadLettered: number;
  expired: number;
  publishRejected: number;
}

/** One message inside the queue: a small fixed-shape object, no closures. */
class QueuedMessage {
  constructor(
    public id: MessageId,
    public seq: number,
    public expiresAt: number,
    public bytes: number,
    public deliveries: number,
  ) {}
}

interface Consumer {
  id: string;
  prefetchCount: number;
  autoAck: boolean;
  /** deliveryTag → message, in delivery order. */
  unacked: Map<number, QueuedMessage>;
  nextTag: number;
  /** Skipped at its limit and out of the line until an ack (rabbit_queue_consumers blocked list). */
  blocked: boolean;
  /** basic.cancel: no more deliveries, unacked stay until acked or the channel closes. */
  cancelled: boolean;
}

const NO_EXPIRY = Number.POSITIVE_INFINITY;

export class ClassicQueueOracle {
  readonly options: Readonly<ClassicQueueOptions>;
  readonly stats: QueueStats = { published: 0, acked: 0, dropped: 0, deadLettered: 0, expired: 0, publishRejected: 0 };

  // Ready messages sorted by seq in ready[head..]; requeued messages slot back into their place.
  private ready: QueuedMessage[] = [];
  private head = 0;
  private readyBytes = 0;
  private nextSeq = 0;
  private consumers = new Map<string, Consumer>();
  /** Round-robin line: front gets the next message, then goes to the back. */
  private line: Consumer[] = [];
  private unackedTotal = 0;

  constructor(options: ClassicQueueOptions = {}) {
    for (const key of ['messageTtl', 'maxLength', 'maxLengthBytes'] as const) {
      const v = options[key];
      if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw new RangeError(`${key} must be a whole number ≥ 0 (got ${String(v)})`);
    }
    this.options = { overflow: 'drop-head', ...options };
  }

  get readyCount(): number {
    return this.ready.length - this.head;
  }
  get unackedCount(): number {
    return this.unackedTotal;
  }
  get readyByteCount(): number {
    return this.readyBytes;
  }

  /** Publishes one message routed to this queue at time `now` (ms). */
  publish(msg: PublishedMessage, now: number, out: QueueOutcome[] = []): QueueOutcome[] {
    const bytes = msg.bytes ?? 0;
    if (msg.expiration !== undefined && (!Number.isInteger(msg.expiration) || msg.expiration < 0)) {
      throw new RangeError(`expiration must be a whole number of ms ≥ 0 (got ${String(msg.expiration)})`);
    }
    this.stats.published++;
    this.expire(now, out);
    const { overflow } = this.options;
    // will_overflow: checked before any delivery attempt, counting ready messages only.
    if (overflow !== 'drop-head' && this.overLimit(this.readyCount + 1, this.readyBytes + bytes)) {
      const deadLetter = overflow === 'reject-publish-dlx' && this.options.deadLetterExchange !== undefined;
      this.stats.publishRejected++;
      out.push({ type: 'publishRejected', msgId: msg.id, deadLetter });
      return out;
    }
    const ttl = minTtl(this.options.messageTtl, msg.expiration);
    const m = new QueuedMessage(msg.id, this.nextSeq++, ttl === undefined ? NO_EXPIRY : now + ttl, bytes, 0);
    out.push({ type: 'enqueued', msgId: m.id });
    // attempt_delivery: an empty queue hands the message straight to a consumer with room (so TTL 0 works).
    if (this.readyCount === 0 && this.deliverOne(m, out)) return out;
    this.ready.push(m);
    this.readyBytes += bytes;
    this.dropHeadWhileOver(out);
    this.expire(now, out);
    return out;
  }

  /** basic.consume: the consumer joins the back of the line and receives ready messages. */
  addConsumer(consumerId: string, opts: ConsumerOptions, now: number, out: QueueOutcome[] = []): QueueOutcome[] {
    if (this.consumers.has(consumerId)) throw new Error(`consumer "${consumerId}" already exists on this queue`);
    const prefetchCount = opts.prefetchCount ?? 0;
    if (!Number.isInteger(prefetchCount) || prefetchCount < 0 || prefetchCount > 65535) {
      throw new RangeError(`prefetchCount must be a whole number from 0 to 65535 (got ${String(prefetchCount)})`);
    }
    const c: Consumer = {
      id: consumerId,
      prefetchCount,
      autoAck: opts.autoAck ?? false,
      unacked: new Map(),
      nextTag: 1,
      blocked: false,
      cancelled: false,
    };
    this.consumers.set(consumerId, c);
    this.line.push(c);
    this.expire(now, out);
    this.dispatch(now, out);
    return out;
  }

  /** basic.cancel: no more deliveries; unacked messages stay with the consumer until acked or closed. */
  cancelConsumer(consumerId: string, now: number, out: QueueOutcome[] = []): QueueOutcome[] {
    const c = this.consumer(consumerId);
    c.cancelled = true;
    this.leaveLine(c);
    this.expire(now, out);
    return out;
  }

  /** Channel close, connection loss or crash: every unacked message is requeued (redelivered=true). */
  removeConsumer(consumerId: string, now: number, out: QueueOutcome[] = []): QueueOutcome[] {
    const c = this.consumer(consumerId);
    this.leaveLine(c);
    this.consumers.delete(consumerId);
    for (const [tag, m] of c.unacked) {
      this.insertReady(m);
      out.push({ type: 'requeued', msgId: m.id, consumerId, deliveryTag: tag });
    }
    this.unackedTotal -= c.unacked.size;
    c.unacked.clear();
    this.dropHeadWhileOver(out);
    this.expire(now, out);
    this.dispatch(now, out);
    return out;
  }

  /** basic.ack: deletes the message(s); multiple=true acks every unacked tag up to deliveryTag. */
  ack(consumerId: string, deliveryTag: number, now: number, multiple = false, out: QueueOutcome[] = []): QueueOutcome[] {
    const c = this.consumer(consumerId);
    for (const [tag, m] of this.settle(c, deliveryTag, multiple)) {
      this.stats.acked++;
      out.push({ type: 'acked', msgId: m.id, consumerId, deliveryTag: tag });
    }
    return this.afterSettle(c, now, out);
  }

  /**
   * basic.nack / basic.reject: requeue=true puts the message(s) back at their original position with
   * redelivered=true; requeue=false dead-letters (if the queue has a dead-letter exchange) or discards.
   */
  nack(consumerId: string, deliveryTag: number, requeue: boolean, now: number, multiple = false, out: QueueOutcome[] = []): QueueOutcome[] {
    const c = this.consumer(consumerId);
    for (const [tag, m] of this.settle(c, deliveryTag, multiple)) {
      if (requeue) {
        this.insertReady(m);
        out.push({ type: 'requeued', msgId: m.id, consumerId, deliveryTag: tag });
      } else {
        this.deadLetter(m, 'rejected', out);
      }
    }
    return this.afterSettle(c, now, out);
  }

  reject(consumerId: string, deliveryTag: number, requeue: boolean, now: number, out: QueueOutcome[] = []): QueueOutcome[] {
    return this.nack(consumerId, deliveryTag, requeue, now, false, out);
  }

  /** Removes expired messages, but only from the head (classic queues do not look further). */
  expire(now: number, out: QueueOutcome[] = []): QueueOutcome[] {
    while (this.head < this.ready.length && this.ready[this.head]!.expiresAt <= now) {
      const m = this.popHead();
      const deadLetter = this.options.deadLetterExchange !== undefined;
      this.stats.expired++;
      out.push({ type: 'expired', msgId: m.id, deadLetter });
    }
    return out;
  }

  /** When the head message expires (a driver calls expire() then), or undefined. */
  nextExpiryAt(): number | undefined {
    const m = this.ready[this.head];
    return m === undefined || m.expiresAt === NO_EXPIRY ? undefined : m.expiresAt;
  }

  /** Ready messages head first, with their redelivered flag. */
  readyMessages(): { msgId: MessageId; redelivered: boolean; expiresAt?: number }[] {
    return this.ready
      .slice(this.head)
      .map((m) => ({ msgId: m.id, redelivered: m.deliveries > 0, ...(m.expiresAt === NO_EXPIRY ? {} : { expiresAt: m.expiresAt }) }));
  }

  /** A consumer's unacked deliveries in delivery order. */
  unackedOf(consumerId: string): { msgId: MessageId; deliveryTag: number }[] {
    return [...this.consumer(consumerId).unacked].map(([deliveryTag, m]) => ({ msgId: m.id, deliveryTag }));
  }

  /** Consumer ids in dispatch order: the line first, then blocked and cancelled ones. */
  consumerIds(): string[] {
    const inLine = this.line.map((c) => c.id);
    return [...inLine, ...[...this.consumers.keys()].filter((id) => !inLine.includes(id))];
  }

  consumerState(consumerId: string): { prefetchCount: number; autoAck: boolean; unacked: number; blocked: boolean; cancelled: boolean } {
    const c = this.consumer(consumerId);
    return { prefetchCount: c.prefetchCount, autoAck: c.autoAck, unacked: c.unacked.size, blocked: c.blocked, cancelled: c.cancelled };
  }

  hasConsumer(consumerId: string): boolean {
    return this.consumers.has(consumerId);
  }

  // ---- internals ----

  private consumer(id: string): Consumer {
    const c = this.consumers.get(id);
    if (!c) throw new Error(`no consumer "${id}" on this queue`);
    return c;
  }

  private overLimit(count: number, bytes: number): boolean {
    const { maxLength, maxLengthBytes } = this.options;
    return (maxLength !== undefined && count > maxLength) || (maxLengthBytes !== undefined && bytes > maxLengthBytes);
  }

  /** maybe_drop_head: only the drop-head overflow drops (or dead-letters) from the head. */
  private dropHeadWhileOver(out: QueueOutcome[]): void {
    if (this.options.overflow !== 'drop-head') return;
    while (this.readyCount > 0 && this.overLimit(this.readyCount, this.readyBytes)) this.deadLetter(this.popHead(), 'maxlen', out);
  }

  private leaveLine(c: Consumer): void {
    const i = this.line.indexOf(c);
    if (i >= 0) this.line.splice(i, 1);
    c.blocked = false;
  }

  private popHead(): QueuedMessage {
    const m = this.ready[this.head]!;
    this.ready[this.head] = undefined as unknown as QueuedMessage; // let it be collected
    this.head++;
    this.readyBytes -= m.bytes;
    // Compact now and then so the array does not grow without bound.
    if (this.head === this.ready.length) {
      this.ready.length = 0;
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.ready.length) {
      this.ready = this.ready.slice(this.head);
      this.head = 0;
    }
    return m;
  }

  /** Puts a message back in seq order (its original position relative to the other ready messages). */
  private insertReady(m: QueuedMessage): void {
    this.readyBytes += m.bytes;
    const first = this.ready[this.head];
    if (first === undefined || m.seq < first.seq) {
      if (this.head > 0) this.ready[--this.head] = m;
      else if (first === undefined) this.ready.push(m);
      else this.ready.unshift(m);
      return;
    }
    let lo = this.head;
    let hi = this.ready.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ready[mid]!.seq < m.seq) lo = mid + 1;
      else hi = mid;
    }
    this.ready.splice(lo, 0, m);
  }

  private deadLetter(m: QueuedMessage, reason: DeadLetterReason, out: QueueOutcome[]): void {
    if (this.options.deadLetterExchange !== undefined) {
      this.stats.deadLettered++;
      out.push({ type: 'deadLettered', msgId: m.id, reason });
    } else {
      this.stats.dropped++;
      out.push({ type: 'dropped', msgId: m.id, reason });
    }
  }

  /** Takes the settled deliveries off the consumer (one tag, or every tag ≤ deliveryTag). */
  private settle(c: Consumer, deliveryTag: number, multiple: boolean): [number, QueuedMessage][] {
    const taken: [number, QueuedMessage][] = [];
    if (multiple) {
      // deliveryTag 0 with multiple means every outstanding delivery.
      for (const [tag, m] of c.unacked) if (tag <= deliveryTag || deliveryTag === 0) taken.push([tag, m]);
      if (taken.length === 0 && deliveryTag !== 0)
        throw new Error(
          `unknown delivery tag ${deliveryTag} for consumer "${c.id}" (RabbitMQ closes the channel: 406 PRECONDITION_FAILED)`,
        );
    } else {
      const m = c.unacked.get(deliveryTag);
      if (!m)
        throw new Error(
          `unknown delivery tag ${deliveryTag} for consumer "${c.id}" (RabbitMQ closes the channel: 406 PRECONDITION_FAILED)`,
        );
      taken.push([deliveryTag, m]);
    }
    for (const [tag] of taken) c.unacked.delete(tag);
    this.unackedTotal -= taken.length;
    return taken;
  }

  private afterSettle(c: Consumer, now: number, out: QueueOutcome[]): QueueOutcome[] {
    // A blocked consumer with room again rejoins at the BACK of the line (rabbit_queue_consumers:unblock).
    if (c.blocked && !this.atLimit(c)) {
      c.blocked = false;
      this.line.push(c);
      out.push({ type: 'consumerUnblocked', consumerId: c.id });
    }
    this.dropHeadWhileOver(out); // a requeue can push the queue over its limit
    this.expire(now, out);
    this.dispatch(now, out);
    return out;
  }

  private atLimit(c: Consumer): boolean {
    return !c.autoAck && c.prefetchCount > 0 && c.unacked.size >= c.prefetchCount;
  }

  /** Gives m to the first consumer in line with room; consumers found at their limit leave the line. */
  private deliverOne(m: QueuedMessage, out: QueueOutcome[]): boolean {
    while (this.line.length > 0) {
      const c = this.line.shift()!;
      if (this.atLimit(c)) {
        c.blocked = true;
        out.push({ type: 'consumerBlocked', consumerId: c.id });
        continue;
      }
      const redelivered = m.deliveries > 0;
      m.deliveries++;
      const deliveryTag = c.nextTag++;
      out.push({ type: 'delivered', msgId: m.id, consumerId: c.id, deliveryTag, redelivered, autoAck: c.autoAck });
      if (c.autoAck) this.stats.acked++;
      else {
        c.unacked.set(deliveryTag, m);
        this.unackedTotal++;
      }
      this.line.push(c);
      return true;
    }
    return false;
  }

  private dispatch(now: number, out: QueueOutcome[]): void {
    while (this.line.length > 0 && this.head < this.ready.length) {
      const m = this.ready[this.head]!;
      if (m.expiresAt <= now) {
        this.expire(now, out);
        continue;
      }
      if (!this.deliverOne(m, out)) break;
      this.popHead();
    }
  }
}

function minTtl(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
