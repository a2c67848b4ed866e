// A stream queue: an append-only log with offsets. Consumers attach at first, last, next, an offset
// or a timestamp and read on without removing anything; x-max-age deletes whole segments of
// `segmentMessages`, never the one being written. Simplified: `last` is the last message (the real
// broker attaches at the start of the last chunk) and reads ignore consumer credit; a stream lives on
// its home node (its replicas are not modelled), is unavailable while that node is down and keeps
// every message across the restart; a publish is confirmed once appended.
import { COPY_STEPS, Work } from '../core/context';
import { unavailableOnPublish } from './cluster';
import { accepted } from './confirms';
import { copyAdded, copyGone, readMsg } from './ledger';
import { messageIdOf, RabbitTask, type Confirm, type ConsumerState, type Msg, type QueueState, type RabbitState } from './state';

/** How often the broker checks a stream's x-max-age (ms). */
export const STREAM_RETENTION_CHECK_MS = 1000;

function nextOffset(q: QueueState): number {
  return q.firstOffset + q.log.length;
}

export function streamAppend(r: RabbitState, q: QueueState, msg: Msg, confirm: Confirm | null): void {
  if (!q.available) return unavailableOnPublish(r, q, msg, confirm);
  const offset = nextOffset(q);
  r.w.charge(Work.enqueue, COPY_STEPS);
  q.log.push({ msg, ts: r.w.time });
  copyAdded(r, msg);
  if (confirm) accepted(r, confirm, 'accepted');
  q.counters.published++;
  if (r.w.rec) r.w.emit({ type: 'streamAppended', queue: q.name, offset, messageId: messageIdOf(msg) });
  for (const ci of q.active) {
    const c = r.consumers[ci]!;
    if (c.status === 'active' && !c.busy) scheduleRead(r, c, r.w.time);
  }
}

/** Where a consumer starts reading, from its `offset` spec, and a label for the event. */
function attachAt(c: ConsumerState, q: QueueState): [offset: number, label: string] {
  const spec = c.spec.offset ?? 'next';
  const next = nextOffset(q);
  if (spec === 'first') return [q.firstOffset, 'first'];
  if (spec === 'last') return [Math.max(q.firstOffset, next - 1), 'last'];
  if (spec === 'next') return [next, 'next'];
  if ('offset' in spec) return [Math.min(Math.max(spec.offset, q.firstOffset), next), `offset ${spec.offset}`];
  const i = q.log.findIndex((rec) => rec.ts >= spec.timestamp);
  return [i < 0 ? next : q.firstOffset + i, `timestamp ${spec.timestamp}`];
}

export function streamAttach(r: RabbitState, c: ConsumerState, q: QueueState): void {
  const [offset, label] = attachAt(c, q);
  c.offset = offset;
  if (!q.active.includes(c.idx)) q.active.push(c.idx);
  if (r.w.rec) r.w.emit({ type: 'streamAttached', queue: q.name, consumer: c.id, spec: label, offset });
  scheduleRead(r, c, r.w.time);
}

function scheduleRead(r: RabbitState, c: ConsumerState, at: number): void {
  c.busy = true;
  c.token++;
  r.schedule(at, RabbitTask.streamRead, c.idx, c.token);
}

export function streamRead(r: RabbitState, c: ConsumerState): void {
  const q = r.queueOf(c);
  c.busy = false;
  if (c.status !== 'active') return;
  if (c.offset < q.firstOffset) c.offset = q.firstOffset; // retention removed what it had not read
  if (c.offset >= nextOffset(q)) return; // caught up: wait for the next append
  if (!q.available) return;
  const rec = q.log[c.offset - q.firstOffset]!;
  const offset = c.offset++;
  readMsg(r, rec.msg);
  c.processed++;
  q.counters.delivered++;
  r.w.counters.rabbitDelivered++;
  if (r.w.rec)
    r.w.emit({ type: 'streamRead', queue: q.name, consumer: c.id, offset, messageId: messageIdOf(rec.msg), nextOffset: c.offset });
  scheduleRead(r, c, r.w.time + Math.max(1, c.spec.processingMs));
}

export function scheduleRetention(r: RabbitState, q: QueueState, at: number): void {
  r.schedule(at, RabbitTask.streamRetention, q.idx, 0);
}

export function streamRetention(r: RabbitState, q: QueueState): void {
  const now = r.w.time;
  const maxAge = q.spec.maxAgeMs;
  const seg = q.spec.segmentMessages;
  if (maxAge !== undefined) {
    // Whole segments only, never the one being written.
    for (;;) {
      const segStart = q.firstOffset;
      const segEnd = segStart - (segStart % seg) + seg; // exclusive
      if (segEnd >= nextOffset(q)) break;
      const newest = q.log[segEnd - 1 - q.firstOffset]!;
      if (now - newest.ts <= maxAge) break;
      for (let i = 0; i < segEnd - q.firstOffset; i++) copyGone(r, q.log[i]!.msg, 'policy');
      q.log = q.log.slice(segEnd - q.firstOffset);
      q.firstOffset = segEnd;
      if (r.w.rec)
        r.w.emit({ type: 'streamSegmentDeleted', queue: q.name, baseOffset: segStart, lastOffset: segEnd - 1, firstOffset: segEnd });
    }
  }
  scheduleRetention(r, q, now + STREAM_RETENTION_CHECK_MS);
}
