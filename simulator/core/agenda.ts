// The future: tasks ordered by (time, seq). A binary min-heap; tasks are immutable so a clone is one
// array copy.

export interface Task {
  readonly time: number;
  readonly seq: number;
  readonly kind: number;
  /** Target id (a consumer, producer, partition...). */
  readonly a: number;
  /** Epoch or extra figure; a task whose epoch is stale is skipped. */
  readonly b: number;
}

function before(x: Task, y: Task): boolean {
  return x.time < y.time || (x.time === y.time && x.seq < y.seq);
}

export class Agenda {
  heap: Task[] = [];
  nextSeq = 0;

  push(time: number, kind: number, a: number, b: number): void {
    const h = this.heap;
    const t: Task = { time, seq: this.nextSeq++, kind, a, b };
    let i = h.length;
    h.push(t);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const hp = h[p]!;
      if (!before(t, hp)) break;
      h[i] = hp;
      i = p;
    }
    h[i] = t;
  }

  peekTime(): number {
    return this.heap.length > 0 ? this.heap[0]!.time : Infinity;
  }

  pop(): Task | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    const n = h.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r]!, h[l]!) ? r : l;
      if (!before(h[c]!, last)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
    return top;
  }

  clone(): Agenda {
    const a = new Agenda();
    a.heap = this.heap.slice();
    a.nextSeq = this.nextSeq;
    return a;
  }
}
