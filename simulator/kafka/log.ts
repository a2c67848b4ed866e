// One partition's log, stored column-wise in typed arrays (about 25 bytes a record) so a million
// records stay small. Offsets are array indexes: the log is append-only, so a clone shares the
// columns and only the compaction flags are copied before they change (copy-on-write).

import { grown } from '../core/columns';

export const TOMBSTONE = 1;
export const REMOVED = 2;

/** One record as a producer hands it to the log (its bytes and flags are the log's to work out). */
export interface NewRecord {
  timestamp: number;
  /** Interned key, or NO_KEY. */
  keyId: number;
  /** Record source (producer) and its sequence number there: they name the value and message id. */
  source: number;
  seq: number;
}

/** When the active segment rolls: a topic's segment.bytes and segment.ms. */
export interface SegmentRoll {
  segmentBytes: number;
  segmentMs?: number | undefined;
}

export interface Segment {
  baseOffset: number;
  /** baseOffset - 1 while empty. */
  lastOffset: number;
  bytes: number;
  /** Timestamp of the first record (segment.ms rolls on it). */
  firstTimestamp: number;
  /** Newest timestamp in the segment (retention.ms deletes on it). */
  maxTimestamp: number;
}

export class PartitionLog {
  logStartOffset = 0;
  logEndOffset = 0;
  timestamp: Float64Array;
  keyId: Int32Array;
  source: Int32Array;
  sourceSeq: Int32Array;
  size: Int32Array;
  flags: Uint8Array;
  private flagsShared = false;
  segments: Segment[] = [];

  constructor(
    readonly topic: string,
    readonly partition: number,
    capacity = 16,
  ) {
    this.timestamp = new Float64Array(capacity);
    this.keyId = new Int32Array(capacity);
    this.source = new Int32Array(capacity);
    this.sourceSeq = new Int32Array(capacity);
    this.size = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.segments.push({ baseOffset: 0, lastOffset: -1, bytes: 0, firstTimestamp: 0, maxTimestamp: 0 });
  }

  get activeSegment(): Segment {
    return this.segments[this.segments.length - 1]!;
  }

  private grow(): void {
    const cap = this.timestamp.length * 2;
    this.timestamp = grown(this.timestamp, cap);
    this.keyId = grown(this.keyId, cap);
    this.source = grown(this.source, cap);
    this.sourceSeq = grown(this.sourceSeq, cap);
    this.size = grown(this.size, cap);
    this.flags = grown(this.flags, cap);
    this.flagsShared = false;
  }

  /**
   * Appends one record and returns its offset. Rolls the active segment first when the record would
   * push it past segmentBytes or the segment is segmentMs old (Kafka rolls at append time).
   * Returns the roll reason through `rolled` so the caller can emit an event.
   */
  append(r: NewRecord, bytes: number, flags: number, roll: SegmentRoll): { offset: number; rolled: 'bytes' | 'time' | null } {
    const offset = this.logEndOffset;
    const ts = r.timestamp;
    let seg = this.activeSegment;
    let rolled: 'bytes' | 'time' | null = null;
    if (seg.lastOffset >= seg.baseOffset) {
      if (seg.bytes + bytes > roll.segmentBytes) rolled = 'bytes';
      else if (roll.segmentMs !== undefined && ts - seg.firstTimestamp > roll.segmentMs) rolled = 'time'; // LogSegment.shouldRoll: strictly more
      if (rolled) {
        seg = { baseOffset: offset, lastOffset: offset - 1, bytes: 0, firstTimestamp: ts, maxTimestamp: ts };
        this.segments.push(seg);
      }
    }
    if (offset >= this.timestamp.length) this.grow();
    this.timestamp[offset] = ts;
    this.keyId[offset] = r.keyId;
    this.source[offset] = r.source;
    this.sourceSeq[offset] = r.seq;
    this.size[offset] = bytes;
    this.flags[offset] = flags;
    if (seg.lastOffset < seg.baseOffset) seg.firstTimestamp = ts;
    seg.lastOffset = offset;
    seg.bytes += bytes;
    if (ts > seg.maxTimestamp || seg.lastOffset === seg.baseOffset) seg.maxTimestamp = ts;
    this.logEndOffset = offset + 1;
    return { offset, rolled };
  }

  isPresent(offset: number): boolean {
    return offset >= this.logStartOffset && offset < this.logEndOffset && (this.flags[offset]! & REMOVED) === 0;
  }

  /** Marks records removed by compaction, copying the flags first if a checkpoint shares them. */
  markRemoved(offsets: number[]): void {
    if (this.flagsShared) {
      this.flags = this.flags.slice();
      this.flagsShared = false;
    }
    for (const o of offsets) {
      this.flags[o]! |= REMOVED;
      const seg = this.segmentOf(o);
      if (seg) seg.bytes -= this.size[o]!;
    }
  }

  segmentOf(offset: number): Segment | undefined {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo];
    return s && s.baseOffset <= offset && offset <= s.lastOffset ? s : undefined;
  }

  /** Bytes of the whole log. */
  bytes(): number {
    let b = 0;
    for (const s of this.segments) b += s.bytes;
    return b;
  }

  /** Records still present (not compacted away) from logStartOffset. */
  presentCount(): number {
    let n = 0;
    for (let o = this.logStartOffset; o < this.logEndOffset; o++) if ((this.flags[o]! & REMOVED) === 0) n++;
    return n;
  }

  /** First offset whose timestamp is >= ts (offsetsForTimes), or logEndOffset. */
  offsetForTime(ts: number): number {
    for (let o = this.logStartOffset; o < this.logEndOffset; o++) if (this.isPresent(o) && this.timestamp[o]! >= ts) return o;
    return this.logEndOffset;
  }

  clone(): PartitionLog {
    const c: PartitionLog = Object.create(PartitionLog.prototype);
    Object.assign(c, this);
    c.segments = this.segments.map((s) => ({ ...s }));
    c.flagsShared = true;
    this.flagsShared = true;
    return c;
  }
}
