// A classic queue's ready messages, stored column-wise (about 21 bytes per queued copy plus the
// shared message) and kept sorted by arrival position, so a requeued message slots back into its
// original place.

export interface Entry<M> {
  readonly msg: M;
  /** Order of arrival in this queue. */
  readonly pos: number;
  readonly expiresAt: number;
  readonly redelivered: boolean;
  /** Delivery tag on the consumer's channel once delivered; 0 while queued. */
  tag: number;
}

export class ReadyQueue<M extends { bytes: number }> {
  private msgs: (M | undefined)[];
  private pos: Int32Array;
  private exp: Float64Array;
  private red: Uint8Array;
  private head = 0;
  private tail = 0;
  bytes = 0;

  constructor(capacity = 16) {
    this.msgs = new Array<M | undefined>(capacity);
    this.pos = new Int32Array(capacity);
    this.exp = new Float64Array(capacity);
    this.red = new Uint8Array(capacity);
  }

  get length(): number {
    return this.tail - this.head;
  }

  /** Makes room for one more at the tail: slide to the front if half is free, else double. */
  private room(): void {
    if (this.tail < this.pos.length) return;
    const n = this.length;
    const cap = n * 2 < this.pos.length ? this.pos.length : this.pos.length * 2;
    const msgs = new Array<M | undefined>(cap);
    for (let i = 0; i < n; i++) msgs[i] = this.msgs[this.head + i];
    const pos = new Int32Array(cap);
    pos.set(this.pos.subarray(this.head, this.tail));
    const exp = new Float64Array(cap);
    exp.set(this.exp.subarray(this.head, this.tail));
    const red = new Uint8Array(cap);
    red.set(this.red.subarray(this.head, this.tail));
    this.msgs = msgs;
    this.pos = pos;
    this.exp = exp;
    this.red = red;
    this.head = 0;
    this.tail = n;
  }

  private write(i: number, e: Entry<M>): void {
    this.msgs[i] = e.msg;
    this.pos[i] = e.pos;
    this.exp[i] = e.expiresAt;
    this.red[i] = e.redelivered ? 1 : 0;
  }

  private read(i: number): Entry<M> {
    return { msg: this.msgs[i]!, pos: this.pos[i]!, expiresAt: this.exp[i]!, redelivered: this.red[i] === 1, tag: 0 };
  }

  push(e: Entry<M>): void {
    this.room();
    this.write(this.tail++, e);
    this.bytes += e.msg.bytes;
  }

  /** Expiry time of the head (Infinity when none or empty). */
  headExpiresAt(): number {
    return this.tail > this.head ? this.exp[this.head]! : Infinity;
  }

  shift(): Entry<M> {
    const e = this.read(this.head);
    this.msgs[this.head] = undefined;
    this.head++;
    this.bytes -= e.msg.bytes;
    if (this.head === this.tail) this.head = this.tail = 0;
    return e;
  }

  /** Inserts by arrival position; returns its index from the head. */
  insert(e: Entry<M>): number {
    this.bytes += e.msg.bytes;
    if (this.head > 0 && (this.head === this.tail || e.pos < this.pos[this.head]!)) {
      this.write(--this.head, e);
      return 0;
    }
    this.room();
    let lo = this.head;
    let hi = this.tail;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pos[mid]! < e.pos) lo = mid + 1;
      else hi = mid;
    }
    for (let i = this.tail; i > lo; i--) this.msgs[i] = this.msgs[i - 1];
    this.pos.copyWithin(lo + 1, lo, this.tail);
    this.exp.copyWithin(lo + 1, lo, this.tail);
    this.red.copyWithin(lo + 1, lo, this.tail);
    this.tail++;
    this.write(lo, e);
    return lo - this.head;
  }

  /** The first `limit` entries from the head. */
  toArray(limit = Infinity): Entry<M>[] {
    const out: Entry<M>[] = [];
    const end = Math.min(this.tail, this.head + limit);
    for (let i = this.head; i < end; i++) out.push(this.read(i));
    return out;
  }

  clone(): ReadyQueue<M> {
    const n = this.length;
    const c = new ReadyQueue<M>(Math.max(16, n));
    for (let i = 0; i < n; i++) c.msgs[i] = this.msgs[this.head + i];
    c.pos.set(this.pos.subarray(this.head, this.tail));
    c.exp.set(this.exp.subarray(this.head, this.tail));
    c.red.set(this.red.subarray(this.head, this.tail));
    c.tail = n;
    c.bytes = this.bytes;
    return c;
  }
}
