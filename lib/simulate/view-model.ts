// View logic only: which cells fit on screen, where markers sit among them, stable colours per key.
// Every broker figure (offsets, lag, ready/unacked) comes from the engine's snapshot as is.
import type {
  GroupView,
  KafkaView,
  PartitionView,
  QueueView,
  RabbitConsumerView,
  RabbitView,
  UnackedView,
  QueueMessageView,
} from '@/simulator';

/** Twelve hues far enough apart to tell keys apart; the colour is a hint, the label says the key. */
export const KEY_HUES = [210, 25, 140, 290, 55, 340, 180, 100, 255, 0, 75, 320] as const;

/** FNV-1a over the key's UTF-16 units: the same key always gets the same hue, on every page load. */
export function hueFor(colorKey: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < colorKey.length; i++) {
    h ^= colorKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return KEY_HUES[(h >>> 0) % KEY_HUES.length]!;
}

/** Records per partition and ready messages per queue the "Whole log" view draws; beyond it "… N earlier". */
export const WHOLE_LOG_CAP = 2000;

export interface CellModel {
  offset: number;
  key: string | null;
  hue: number;
  tombstone: boolean;
  messageId: string;
}

export interface MarkerModel {
  /** `${group}:${consumer}:position` or `${group}:committed`. */
  id: string;
  kind: 'position' | 'committed';
  group: string;
  label: string;
  offset: number;
  /** Slot among the visible cells (cells.length = just past the newest cell, BEFORE_FIRST = before the first). */
  slot: number;
}

export interface GroupLagModel {
  group: string;
  committedOffset: number | null;
  lag: number | null;
  owner: string | null;
  /** Bar length 0..1: lag relative to the records the log holds. */
  fraction: number;
}

export interface PartitionRowModel {
  name: string;
  logStartOffset: number;
  logEndOffset: number;
  cells: CellModel[];
  /** Records older than the visible ones ("… N earlier"). */
  hidden: number;
  /** One marker track per group reading the partition, with its lag as the engine counts it. */
  tracks: { group: string; markers: MarkerModel[]; lag: number | null }[];
  /**
   * Where consumers may read up to: the high watermark (the log-end offset without replication; below
   * it with replication, while followers catch up). `slot` as a marker's; lag spans end there.
   */
  readableEnd: { offset: number; slot: number };
  lags: GroupLagModel[];
  /** Changes exactly when what the row shows changes: the memo key. */
  signature: string;
}

/** The slot of a marker that points before the first visible cell (at a record not drawn). */
export const BEFORE_FIRST = -1;

/** Index of the first visible cell whose offset is ≥ `offset` (binary search over sorted offsets). */
export function slotFor(cells: readonly { offset: number }[], offset: number): number {
  if (cells.length === 0 || offset < cells[0]!.offset) return cells.length === 0 ? 0 : BEFORE_FIRST;
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function groupsReading(groups: readonly GroupView[], p: PartitionView): GroupView[] {
  return groups.filter((g) => g.topics.includes(p.topic));
}

export function partitionRow(p: PartitionView, groups: readonly GroupView[], cap: number): PartitionRowModel {
  const start = Math.max(0, p.records.length - Math.max(1, cap));
  // Records the engine left out of the snapshot (maxRecordsPerPartition) come before `records`.
  const omitted = p.recordCount - p.records.length;
  const cells: CellModel[] = [];
  for (let i = start; i < p.records.length; i++) {
    const r = p.records[i]!;
    cells.push({ offset: r.offset, key: r.key, hue: hueFor(r.colorKey), tombstone: r.tombstone, messageId: r.messageId });
  }
  const held = Math.max(1, p.logEndOffset - p.logStartOffset);
  const readable = p.replication?.highWatermark ?? p.logEndOffset;
  const tracks: PartitionRowModel['tracks'] = [];
  const lags: GroupLagModel[] = [];
  for (const g of groupsReading(groups, p)) {
    const gp = g.partitions.find((x) => x.partition === p.name);
    const markers: MarkerModel[] = [];
    if (gp && gp.committedOffset !== null)
      markers.push({
        id: `${g.id}:committed`,
        kind: 'committed',
        group: g.id,
        label: 'committed',
        offset: gp.committedOffset,
        slot: slotFor(cells, gp.committedOffset),
      });
    for (const m of g.members) {
      const mp = m.partitions.find((x) => x.partition === p.name);
      if (mp && m.status !== 'crashed' && m.status !== 'stopped')
        markers.push({
          id: `${g.id}:${m.id}:position`,
          kind: 'position',
          group: g.id,
          label: m.id,
          offset: mp.position,
          slot: slotFor(cells, mp.position),
        });
    }
    tracks.push({ group: g.id, markers, lag: gp?.lag ?? null });
    lags.push({
      group: g.id,
      committedOffset: gp?.committedOffset ?? null,
      lag: gp?.lag ?? null,
      owner: gp?.owner ?? null,
      fraction: gp?.lag != null ? Math.min(1, gp.lag / held) : 0,
    });
  }
  const signature = [
    p.logStartOffset,
    p.logEndOffset,
    readable,
    omitted + start,
    cells.map((c) => c.offset).join(','),
    tracks.map((t) => t.markers.map((m) => `${m.id}@${m.offset}`).join(';')).join('|'),
    lags.map((l) => `${l.group}:${l.committedOffset}:${l.lag}:${l.owner}`).join('|'),
  ].join('/');
  return {
    name: p.name,
    logStartOffset: p.logStartOffset,
    logEndOffset: p.logEndOffset,
    cells,
    hidden: omitted + start,
    tracks,
    readableEnd: { offset: readable, slot: slotFor(cells, readable) },
    lags,
    signature,
  };
}

export function kafkaRows(kafka: KafkaView, cap: number): { topic: string; cleanupPolicy: string; rows: PartitionRowModel[] }[] {
  return kafka.topics.map((t) => ({
    topic: t.name,
    cleanupPolicy: t.cleanupPolicy,
    rows: t.partitions.map((p) => partitionRow(p, kafka.groups, cap)),
  }));
}

export interface SlotModel {
  deliveryTag: number;
  messageId: string;
  hue: number;
  redelivered: boolean;
  routingKey: string;
  /** The consumer is working on this one now (the rest wait in its prefetch buffer). */
  processing: boolean;
  /** Quorum queues: x-delivery-count (failed deliveries so far), 0 when absent. */
  deliveryCount: number;
}

export interface RabbitConsumerModel {
  id: string;
  status: RabbitConsumerView['status'];
  prefetchCount: number;
  autoAck: boolean;
  /** Filled slots (unacked deliveries), oldest first. */
  slots: SlotModel[];
  /** Empty slots to draw (prefetch minus unacked), capped; null = unlimited prefetch. */
  free: number | null;
  processed: number;
}

export interface QueueMessageModel {
  messageId: string;
  hue: number;
  redelivered: boolean;
  routingKey: string;
  expiresAt: number | null;
  /** Order of arrival in the queue (stable: the "Whole log" view places the chip by it). */
  position: number;
  /** Quorum queues: x-delivery-count (failed deliveries so far), 0 when absent. */
  deliveryCount: number;
}

export interface QueueModel {
  name: string;
  type: QueueView['type'];
  args: [string, string | number][];
  readyCount: number;
  unackedCount: number;
  /** Head first, capped. */
  ready: QueueMessageModel[];
  readyHidden: number;
  consumers: RabbitConsumerModel[];
  counters: QueueView['counters'];
  stream: QueueView['stream'];
  /** Where bindings route into this queue from. */
  bindings: { exchange: string; bindingKey: string }[];
  /** Why the ready messages shown came here by dead-lettering, one phrase per (queue, reason): empty for most queues. */
  deadLetterReasons: string[];
  /** Quorum queues: the Raft group. */
  quorum: QueueView['quorum'];
  /** Cluster scenarios: the home node, whether it is available, since when not. */
  node: number | undefined;
  available: boolean;
  unavailableSince: number | null;
  /** Single active consumer queues: who is active (undefined = not such a queue). */
  singleActiveConsumer: string | null | undefined;
  signature: string;
}

/** The most slots drawn per consumer; beyond it a count says the rest. */
export const MAX_SLOTS = 12;

const messageModel = (m: QueueMessageView): QueueMessageModel => ({
  messageId: m.messageId,
  hue: hueFor(m.colorKey),
  redelivered: m.redelivered,
  routingKey: m.routingKey,
  expiresAt: m.expiresAt,
  position: m.position,
  deliveryCount: m.deliveryCount ?? 0,
});

function slotModel(u: UnackedView, processingTag: number | null): SlotModel {
  return {
    deliveryTag: u.deliveryTag,
    messageId: u.message.messageId,
    hue: hueFor(u.message.colorKey),
    redelivered: u.message.redelivered,
    routingKey: u.message.routingKey,
    processing: u.deliveryTag === processingTag,
    deliveryCount: u.message.deliveryCount ?? 0,
  };
}

/** Why a message was dead-lettered, in words (RabbitMQ's x-death reasons). */
export function deathPhrase(d: NonNullable<QueueMessageView['deadLettered']>): string {
  switch (d.reason) {
    case 'expired':
      return `expired in ${d.queue} (its TTL ran out)`;
    case 'rejected':
      return `rejected in ${d.queue} (nacked or rejected without requeue)`;
    case 'maxlen':
      return `pushed out of ${d.queue} over its length limit`;
    case 'delivery_limit':
      return `delivered too often from ${d.queue} (over its delivery limit)`;
  }
}

export function queueModels(r: RabbitView, cap: number): QueueModel[] {
  return r.queues.map((q) => {
    const consumers = r.consumers
      .filter((c) => c.queue === q.name)
      .map((c): RabbitConsumerModel => {
        const processingTag = c.processing?.deliveryTag ?? null;
        const slots = q.unacked.filter((u) => u.consumer === c.id).map((u) => slotModel(u, processingTag));
        return {
          id: c.id,
          status: c.status,
          prefetchCount: c.prefetchCount,
          autoAck: c.autoAck,
          slots: slots.slice(0, MAX_SLOTS),
          free: c.prefetchCount === 0 ? null : Math.max(0, Math.min(MAX_SLOTS, c.prefetchCount) - Math.min(slots.length, MAX_SLOTS)),
          processed: c.processed,
        };
      });
    const ready = q.ready.slice(0, Math.max(1, cap)).map(messageModel);
    const bindings = r.bindings.filter((b) => b.queue === q.name).map((b) => ({ exchange: b.exchange, bindingKey: b.bindingKey }));
    const deadLetterReasons = [
      ...new Set(q.ready.slice(0, Math.max(1, cap)).flatMap((m) => (m.deadLettered ? [deathPhrase(m.deadLettered)] : []))),
    ];
    const signature = [
      q.readyCount,
      q.unacked.length,
      ready.map((m) => `${m.messageId}${m.redelivered ? 'r' : ''}${m.deliveryCount || ''}`).join(','),
      consumers
        .map(
          (c) =>
            `${c.id}:${c.status}:${c.prefetchCount}:${c.processed}:${c.slots.map((s) => `${s.deliveryTag}${s.processing ? 'p' : ''}${s.deliveryCount || ''}`).join('.')}`,
        )
        .join('|'),
      JSON.stringify(q.counters),
      q.quorum ? JSON.stringify(q.quorum) : '',
      `${q.available ?? ''}:${q.singleActiveConsumer ?? ''}`,
      q.stream ? `${q.stream.firstOffset}:${q.stream.nextOffset}:${q.stream.consumers.map((c) => `${c.id}@${c.offset}`).join(',')}` : '',
    ].join('/');
    return {
      name: q.name,
      type: q.type,
      args: Object.entries(q.args),
      readyCount: q.readyCount,
      unackedCount: q.unacked.length,
      ready,
      readyHidden: q.readyCount - ready.length,
      consumers,
      counters: q.counters,
      stream: q.stream,
      bindings,
      deadLetterReasons,
      quorum: q.quorum,
      node: q.node,
      available: q.available ?? true,
      unavailableSince: q.unavailableSince ?? null,
      singleActiveConsumer: q.singleActiveConsumer,
      signature,
    };
  });
}

/** Estimated width of a marker label at 9 px: ~5.5 px per character plus a 4 px gap. */
export function markerLabelWidth(markers: readonly Pick<MarkerModel, 'kind' | 'group' | 'label'>[]): number {
  return markers.reduce((w, m) => w + (m.kind === 'committed' ? m.group.length : m.label.length + 1) * 5.5 + 4, 2);
}

export interface MarkerCluster<M> {
  /** Grid row and left edge (px from the row start) of the label. */
  row: number;
  left: number;
  width: number;
  markers: M[];
}

/**
 * Lays out the "Whole log" marker labels: each label starts above its slot, is pulled left to stay
 * inside its row, and labels that would overlap are merged into one, in slot order. (Bars and
 * notches still mark each exact slot; a label only names them.)
 */
export function clusterMarkerLabels<M extends Pick<MarkerModel, 'kind' | 'group' | 'label'>>(
  entries: readonly { slot: number; markers: readonly M[] }[],
  cols: number,
  pitch: number,
): MarkerCluster<M>[] {
  const rowWidth = cols * pitch - 2;
  const out: MarkerCluster<M>[] = [];
  const place = (c: Omit<MarkerCluster<M>, 'left' | 'width'> & { x: number }): MarkerCluster<M> => {
    const width = markerLabelWidth(c.markers);
    return { row: c.row, markers: c.markers, width, left: Math.max(0, Math.min(c.x, rowWidth - width)) };
  };
  for (const { slot, markers } of [...entries].sort((a, b) => a.slot - b.slot)) {
    let next = place({ row: Math.floor(slot / cols), x: (slot % cols) * pitch, markers: [...markers] });
    // Merge backwards while the new label would overlap the one before it in the same row.
    for (let prev = out.at(-1); prev && prev.row === next.row && prev.left + prev.width > next.left; prev = out.at(-1)) {
      out.pop();
      next = place({ row: prev.row, x: prev.left, markers: [...prev.markers, ...next.markers] });
    }
    out.push(next);
  }
  return out;
}

/** A message id's parts: `shop-12` → publisher `shop`, sequence `12`. */
function splitMessageId(messageId: string): { publisher: string; seq: string } {
  const m = /^(.*)-(\d+)$/.exec(messageId);
  return m ? { publisher: m[1]!, seq: m[2]! } : { publisher: messageId, seq: '' };
}

/** The shortest start of `name` that no other of `names` starts with (the whole name when there is none). */
function shortestUnique(name: string, names: readonly string[]): string {
  for (let n = 1; n < name.length; n++) {
    const start = name.slice(0, n);
    if (names.every((o) => o === name || !o.startsWith(start))) return start;
  }
  return name;
}

/**
 * What a message chip says. With one publisher the sequence number is enough (`12`); with several the
 * number alone would be ambiguous (`shop-3` and `urgent-3` both "3"), so the publisher stays: whole
 * (`shop-3`), or `short` to its shortest unambiguous start for fixed-width chips (`s-3`, `u-3`).
 */
export function chipLabel(messageId: string, publishers: readonly string[], short = false): string {
  const { publisher, seq } = splitMessageId(messageId);
  if (seq === '') return messageId.slice(0, 3);
  const known = publishers.includes(publisher) ? publishers : [...publishers, publisher];
  if (known.length <= 1) return seq;
  return `${short ? shortestUnique(publisher, known) : publisher}-${seq}`;
}
