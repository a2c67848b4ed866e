// The log cleaner, every logCheckIntervalMs: retention (cleanup.policy=delete) deletes whole
// segments, oldest first, past retention.ms or beyond retention.bytes (the active one too once it has
// expired, after rolling an empty one), and moves the log start offset; compaction (cleanup.policy=compact) keeps the latest record per key in closed segments,
// never changes offsets, and drops a tombstone delete.retention.ms after it became cleanable.
import { Work } from '../core/context';
import { TOMBSTONE, type PartitionLog } from './log';
import { NO_KEY } from './registry';
import { KafkaTask, type KafkaState, type TopicState } from './state';

export function logCheck(k: KafkaState, index: number): void {
  const t = k.topics[index]!;
  const now = k.w.time;
  // Every replica cleans its own log on its broker (a dead broker does nothing); only what the
  // partition's clients see, the leader's log, is told as events.
  for (let p = 0; p < t.parts.length; p++) {
    for (const i of k.parts[t.parts[p]!]!.replicas) {
      const r = k.replicas[i]!;
      if (!k.broker(r.broker).alive) continue;
      const tell = r.log === t.partitions[p];
      if (t.spec.cleanupPolicy === 'compact') compact(k, t, r.log, now, tell);
      else retain(k, t, r.log, now, tell);
    }
  }
  k.schedule(now + t.spec.logCheckIntervalMs, KafkaTask.logCheck, index, 0);
}

function retain(k: KafkaState, t: TopicState, log: PartitionLog, now: number, tell: boolean): void {
  const { retentionMs, retentionBytes } = t.spec;
  let size = retentionBytes === undefined ? 0 : log.bytes();
  // Whole segments, oldest first. The active one goes too once it has records and has expired: Kafka
  // then first rolls a new empty segment at the log-end offset (UnifiedLog.deleteSegments).
  while (log.segments.length > 1 || log.activeSegment.lastOffset >= log.activeSegment.baseOffset) {
    const s = log.segments[0]!;
    let reason: 'time' | 'size' | null = null;
    if (retentionMs !== undefined && now - s.maxTimestamp > retentionMs) reason = 'time';
    else if (retentionBytes !== undefined && size - s.bytes >= retentionBytes) reason = 'size';
    if (!reason) break;
    const end = log.logEndOffset;
    if (log.segments.length === 1)
      log.segments.push({ baseOffset: end, lastOffset: end - 1, bytes: 0, firstTimestamp: 0, maxTimestamp: 0 });
    log.segments.shift();
    size -= s.bytes;
    log.logStartOffset = log.segments[0]!.baseOffset;
    if (k.w.rec && tell)
      k.w.emit({
        type: 'segmentDeleted',
        topic: t.name,
        partition: log.partition,
        baseOffset: s.baseOffset,
        lastOffset: s.lastOffset,
        reason,
        logStartOffset: log.logStartOffset,
      });
  }
}

function compact(k: KafkaState, t: TopicState, log: PartitionLog, now: number, tell: boolean): void {
  const end = log.activeSegment.baseOffset; // the active segment is never cleaned
  if (end > log.logStartOffset) k.w.charge(Work.clean, end - log.logStartOffset);
  const latest = new Map<number, number>();
  for (let o = log.logStartOffset; o < end; o++) if (log.isPresent(o) && log.keyId[o]! !== NO_KEY) latest.set(log.keyId[o]!, o);
  const removed: number[] = [];
  let tombstones = 0;
  for (let o = log.logStartOffset; o < end; o++) {
    if (!log.isPresent(o)) continue;
    const key = log.keyId[o]!;
    if (key === NO_KEY) continue;
    const tomb = (log.flags[o]! & TOMBSTONE) !== 0;
    if (latest.get(key)! > o) removed.push(o);
    else if (tomb && log.timestamp[o]! + t.spec.deleteRetentionMs <= now) removed.push(o);
    else continue;
    if (tomb) tombstones++;
  }
  if (removed.length === 0) return;
  log.markRemoved(removed);
  if (k.w.rec && tell)
    k.w.emit({
      type: 'compacted',
      topic: t.name,
      partition: log.partition,
      removedOffsets: removed,
      tombstonesRemoved: tombstones,
      remaining: log.presentCount(),
    });
}
