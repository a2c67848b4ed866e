// Per-item integer fields (a producer's record states, a share-partition's window) that keep changing
// after they are written, stored in fixed chunks of an Int32Array so a checkpoint clone shares them and
// a write copies only the chunk it touches (copy-on-write). `stride` fields per item, item-major.

const CHUNK_BITS = 8;
const CHUNK_ITEMS = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_ITEMS - 1;

/** A dropped chunk: reads return the initial values. */
const EMPTY = new Int32Array(0);

export class ChunkedInts {
  private chunks: Int32Array[] = [];
  /** Whether this copy may write the chunk in place (false once a clone shares it). */
  private owned: boolean[] = [];

  constructor(
    private readonly stride: number,
    private readonly initial: readonly number[],
  ) {}

  get(item: number, field: number): number {
    const chunk = this.chunks[item >> CHUNK_BITS];
    return chunk === undefined || chunk === EMPTY ? this.initial[field]! : chunk[(item & CHUNK_MASK) * this.stride + field]!;
  }

  set(item: number, field: number, value: number): void {
    const c = item >> CHUNK_BITS;
    while (this.chunks.length <= c) {
      this.chunks.push(EMPTY);
      this.owned.push(false);
    }
    if (!this.owned[c]) {
      this.chunks[c] = this.chunks[c] === EMPTY ? this.fresh() : this.chunks[c]!.slice();
      this.owned[c] = true;
    }
    this.chunks[c]![(item & CHUNK_MASK) * this.stride + field] = value;
  }

  private fresh(): Int32Array {
    const chunk = new Int32Array(CHUNK_ITEMS * this.stride);
    if (this.initial.some((v) => v !== 0)) for (let i = 0; i < chunk.length; i++) chunk[i] = this.initial[i % this.stride]!;
    return chunk;
  }

  /** Forgets every chunk that holds only items below `item` (they read as the initial values again). */
  dropBelow(item: number): void {
    const last = (item >> CHUNK_BITS) - 1;
    for (let c = 0; c <= last && c < this.chunks.length; c++) {
      if (this.chunks[c] === EMPTY) continue;
      this.chunks[c] = EMPTY;
      this.owned[c] = false;
    }
  }

  clone(): ChunkedInts {
    const c = new ChunkedInts(this.stride, this.initial);
    c.chunks = this.chunks.slice();
    c.owned = this.chunks.map(() => false);
    this.owned.fill(false);
    return c;
  }
}
