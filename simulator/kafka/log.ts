// One replica's log of a partition, stored column-wise in typed arrays (about 25 bytes a record) so a
// million records stay small. Offsets are array indexes. A clone shares the columns: appends write past
// every clone's end, the compaction flags are copied before they change, and a truncation (a
// returning replica cutting back to its leader's log, after which other records take those offsets)
// copies all columns first (copy-on-write).

import { grown } from '../core/columns';

export const TOMBSTONE = 1;
export const REMOVED = 2;
/** A share group's dead-letter record without the original's key and value (Kafka 4.4: only headers). */
export const HEADERS_ONLY = 4;

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
  private columnsShared = false;
  segments: Segment[] = [];
  /**
   * This replica's high watermark: on the leader, the partition's (what every in-sync replica has;
   * consumers read below it); on a follower, min(the leader's as of its last fetch, its own LEO).
   * A log without replication keeps it at the log-end offset.
   */
  highWatermark = 0;
  /**
   * The leader-epoch cache (LeaderEpochFileCache): pairs [epoch, start offset] in order. Each record
   * belongs to the epoch of the leader that appended it; truncation compares these (KIP-101, KIP-279).
   */
  epochs: number[] = [];

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
    this.columnsShared = false;
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

  /** Starts a leader epoch at the current log-end offset (a new leader does this when it takes over). */
  beginEpoch(epoch: number): void {
    const n = this.epochs.length;
    if (n >= 2 && this.epochs[n - 1] === this.logEndOffset) this.epochs.length = n - 2; // an epoch with no record is replaced
    if (this.epochs.length >= 2 && this.epochs[this.epochs.length - 2] === epoch) return;
    this.epochs.push(epoch, this.logEndOffset);
  }

  /**
   * LeaderEpochFileCache.endOffsetFor: where `epoch` ends in this log, the start of the next higher
   * epoch, or the log-end offset when it is the latest.
   */
  endOffsetFor(epoch: number): number {
    for (let i = 0; i < this.epochs.length; i += 2) if (this.epochs[i]! > epoch) return this.epochs[i + 1]!;
    return this.logEndOffset;
  }

  /** The epoch of the leader that wrote `offset` (-1 before any epoch). */
  epochAt(offset: number): number {
    let e = -1;
    for (let i = 0; i < this.epochs.length && this.epochs[i + 1]! <= offset; i += 2) e = this.epochs[i]!;
    return e;
  }

  /**
   * Copies records [from, to) of the leader's log (a follower's fetch), with their epochs. The
   * follower's LEO must be `from`.
   */
  copyFrom(leader: PartitionLog, from: number, to: number, roll: SegmentRoll): void {
    const le = leader.epochs;
    for (let i = 0; i < le.length; i += 2) {
      const start = le[i + 1]!;
      const next = i + 3 < le.length ? le[i + 3]! : Infinity;
      if (next <= from || start >= to) continue;
      const epoch = le[i]!;
      const n = this.epochs.length;
      if (n === 0 || this.epochs[n - 2] !== epoch) this.epochs.push(epoch, Math.max(start, from));
    }
    const rec: NewRecord = { timestamp: 0, keyId: 0, source: 0, seq: 0 };
    for (let o = from; o < to; o++) {
      rec.timestamp = leader.timestamp[o]!;
      rec.keyId = leader.keyId[o]!;
      rec.source = leader.source[o]!;
      rec.seq = leader.sourceSeq[o]!;
      this.append(rec, leader.size[o]!, leader.flags[o]! & TOMBSTONE, roll);
    }
  }

  /**
   * Removes every record from `offset` on (UnifiedLog.truncateTo): segments past it go, the epoch cache
   * forgets epochs that start there or later. Returns how many records went.
   */
  truncateTo(offset: number): number {
    const removed = this.logEndOffset - offset;
    if (removed <= 0) return 0;
    if (this.columnsShared || this.flagsShared) {
      this.timestamp = this.timestamp.slice();
      this.keyId = this.keyId.slice();
      this.source = this.source.slice();
      this.sourceSeq = this.sourceSeq.slice();
      this.size = this.size.slice();
      this.flags = this.flags.slice();
      this.columnsShared = false;
      this.flagsShared = false;
    }
    while (this.segments.length > 1 && this.activeSegment.baseOffset >= offset) this.segments.pop();
    const seg = this.activeSegment;
    if (seg.baseOffset >= offset) {
      seg.baseOffset = offset;
      seg.lastOffset = offset - 1;
      seg.bytes = 0;
    } else {
      seg.lastOffset = offset - 1;
      seg.bytes = 0;
      seg.maxTimestamp = this.timestamp[seg.baseOffset]!;
      for (let o = seg.baseOffset; o < offset; o++) {
        if ((this.flags[o]! & REMOVED) === 0) seg.bytes += this.size[o]!;
        if (this.timestamp[o]! > seg.maxTimestamp) seg.maxTimestamp = this.timestamp[o]!;
      }
    }
    this.logEndOffset = offset;
    if (this.logStartOffset > offset) this.logStartOffset = offset;
    if (this.highWatermark > offset) this.highWatermark = offset;
    while (this.epochs.length >= 2 && this.epochs[this.epochs.length - 1]! >= offset) this.epochs.length -= 2;
    return removed;
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
    c.epochs = this.epochs.slice();
    c.flagsShared = true;
    this.flagsShared = true;
    c.columnsShared = true;
    this.columnsShared = true;
    return c;
  }
}
