// The future: tasks ordered by (time, seq) in a binary min-heap stored in typed arrays, so scheduling
// allocates nothing and a clone is a few array copies. A task is (owner, kind, a, b): the owner says
// whose it is (the world or one broker, see Owner in context.ts), the kind is that owner's own. Both
// share one column (owner << KIND_BITS | kind), so the heap moves no more than before owners existed.

import { grown } from './columns';

/** An owner has up to 256 task kinds. */
const KIND_BITS = 8;
const KIND_MASK = (1 << KIND_BITS) - 1;

export class Agenda {
  private time = new Float64Array(64);
  private seq = new Float64Array(64);
  private kind = new Int32Array(64);
  private a = new Int32Array(64);
  private b = new Float64Array(64);
  size = 0;
  nextSeq = 0;
  /** Fields of the task the last pop() returned. */
  popped = { time: 0, owner: 0, kind: 0, a: 0, b: 0 };

  private before(i: number, j: number): boolean {
    const ti = this.time[i]!;
    const tj = this.time[j]!;
    return ti < tj || (ti === tj && this.seq[i]! < this.seq[j]!);
  }

  private swap(i: number, j: number): void {
    const t = this.time[i]!,
      s = this.seq[i]!,
      k = this.kind[i]!,
      a = this.a[i]!,
      b = this.b[i]!;
    this.time[i] = this.time[j]!;
    this.seq[i] = this.seq[j]!;
    this.kind[i] = this.kind[j]!;
    this.a[i] = this.a[j]!;
    this.b[i] = this.b[j]!;
    this.time[j] = t;
    this.seq[j] = s;
    this.kind[j] = k;
    this.a[j] = a;
    this.b[j] = b;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    this.time = grown(this.time, cap);
    this.seq = grown(this.seq, cap);
    this.kind = grown(this.kind, cap);
    this.a = grown(this.a, cap);
    this.b = grown(this.b, cap);
  }

  push(time: number, owner: number, kind: number, a: number, b: number): void {
    if (this.size === this.time.length) this.grow();
    let i = this.size++;
    this.time[i] = time;
    this.seq[i] = this.nextSeq++;
    this.kind[i] = (owner << KIND_BITS) | kind;
    this.a[i] = a;
    this.b[i] = b;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  peekTime(): number {
    return this.size > 0 ? this.time[0]! : Infinity;
  }

  /** Removes the earliest task into `popped`; false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const p = this.popped;
    p.time = this.time[0]!;
    const tag = this.kind[0]!;
    p.owner = tag >> KIND_BITS;
    p.kind = tag & KIND_MASK;
    p.a = this.a[0]!;
    p.b = this.b[0]!;
    const n = --this.size;
    if (n > 0) {
      this.swap(0, n);
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this.before(r, l) ? r : l;
        if (!this.before(c, i)) break;
        this.swap(i, c);
        i = c;
      }
    }
    return true;
  }

  clone(): Agenda {
    const c = new Agenda();
    c.time = this.time.slice();
    c.seq = this.seq.slice();
    c.kind = this.kind.slice();
    c.a = this.a.slice();
    c.b = this.b.slice();
    c.size = this.size;
    c.nextSeq = this.nextSeq;
    return c;
  }
}
