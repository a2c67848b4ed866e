// Producers: records are due at a steady rate; each goes to a partition by the client's partitioner
// (partitioner.ts), or, without a partition of its own (null key; librdkafka's consistent_random and
// an empty key), to a sticky partition that changes every `stickyBatchRecords` records.
import { Work } from '../core/context';
import type { AppendedEvent } from '../core/events';
import type { KeysSpec, ProducerSpec, TopicSpec } from '../schema';
import { DEFAULTS } from '../schema/defaults';
import { TOMBSTONE, type NewRecord } from './log';
import type { Partitioner } from './partitioner';
import { NO_KEY, STICKY, type KafkaRegistry } from './registry';
import { KafkaTask, NONE, type KafkaState, type ProducerState, type TopicState } from './state';

type PartitionedBy = AppendedEvent['partitionedBy'];

function keyIdsFor(reg: KafkaRegistry, keys: KeysSpec): Int32Array {
  if (keys === null) return Int32Array.of(NO_KEY);
  if (Array.isArray(keys)) return reg.internAll(keys);
  const out = new Int32Array(keys.count);
  for (let i = 0; i < keys.count; i++) out[i] = reg.intern(`${keys.prefix}${i}`);
  return out;
}

/** Appends one record to partition `p` of a topic; records seeded at time 0 are not counted as produced. */
function appendRecord(k: KafkaState, t: TopicState, p: number, r: NewRecord, by: PartitionedBy | 'seed'): void {
  const { reg, w } = k;
  w.charge(Work.produce);
  const log = t.partitions[p]!;
  const tombstone = reg.isTombstone(r.source, r.seq);
  const bytes = (r.keyId === NO_KEY ? 0 : reg.keyBytes[r.keyId]!) + (tombstone ? 0 : reg.sources[r.source]!.valueBytes);
  const { offset, rolled } = log.append(r, bytes, tombstone ? TOMBSTONE : 0, t.spec);
  if (by !== 'seed') w.counters.kafkaProduced++;
  if (!w.rec) return;
  if (rolled) w.emit({ type: 'segmentRolled', topic: t.name, partition: p, baseOffset: offset, reason: rolled });
  if (by === 'seed') return;
  w.emit({
    type: 'appended',
    producer: reg.sources[r.source]!.id,
    topic: t.name,
    partition: p,
    offset,
    key: r.keyId === NO_KEY ? null : reg.keys[r.keyId]!,
    tombstone,
    messageId: reg.messageId(r.source, r.seq),
    logEndOffset: log.logEndOffset,
    partitionedBy: by,
  });
}

/** A topic's `records`, already in the log at time 0 (keyed ones placed by the Java partitioner). */
export function seedRecords(k: KafkaState, t: TopicState, spec: TopicSpec): void {
  if (spec.records.length === 0) return;
  const source = k.reg.source(
    `${spec.name}:seed`,
    spec.records.map((r) => r.value),
    DEFAULTS.valueBytes,
    spec.records.map((_, i) => `${spec.name}-r${i}`),
  );
  const keyIds = k.reg.internAll(spec.records.map((r) => r.key));
  spec.records.forEach((r, seq) => {
    const keyId = keyIds[seq]!;
    const p = r.partition ?? (keyId === NO_KEY ? seq % spec.partitions : k.reg.partitionFor(keyId, spec.partitions, 'java'));
    appendRecord(k, t, p === STICKY ? 0 : p, { timestamp: r.timestamp ?? 0, keyId, source, seq }, 'seed');
  });
}

function newProducer(k: KafkaState, spec: ProducerSpec, topic: number): ProducerState {
  return {
    id: spec.id,
    topic,
    partitioner: spec.partitioner,
    ratePerSec: spec.ratePerSec,
    count: spec.count,
    startMs: spec.startMs,
    keyIds: keyIdsFor(k.reg, spec.keys),
    source: k.reg.source(spec.id, spec.values ?? null, spec.valueBytes),
    stickyBatchRecords: spec.stickyBatchRecords,
    produced: 0,
    sticky: NONE,
    stickyLeft: 0,
  };
}

export function addProducer(k: KafkaState, spec: ProducerSpec): void {
  const topic = k.topicIndex.get(spec.topic);
  if (topic === undefined) return;
  const pr = newProducer(k, spec, topic);
  k.producers.push(pr);
  if (pr.count > 0 && pr.ratePerSec > 0) k.schedule(pr.startMs, KafkaTask.produce, k.producers.length - 1, 0);
}

/** The sticky partition for the next record without a partition of its own: a new random one per batch. */
function stickyPartition(k: KafkaState, pr: ProducerState, n: number): number {
  if (pr.stickyLeft <= 0 || pr.sticky >= n) {
    let next = k.w.rng.int(n);
    if (n > 1 && next === pr.sticky) next = (next + 1 + k.w.rng.int(n - 1)) % n;
    pr.sticky = next;
    pr.stickyLeft = pr.stickyBatchRecords;
  }
  pr.stickyLeft--;
  return pr.sticky;
}

function produceOne(k: KafkaState, pr: ProducerState, seq: number): void {
  const t = k.topics[pr.topic]!;
  const n = t.partitions.length;
  const keyId = pr.keyIds[seq % pr.keyIds.length]!;
  let p = keyId === NO_KEY ? STICKY : k.reg.partitionFor(keyId, n, pr.partitioner);
  let by: PartitionedBy = pr.partitioner === 'consistent_random' ? 'crc32' : 'murmur2';
  if (p === STICKY) {
    p = stickyPartition(k, pr, n);
    by = 'sticky';
  }
  appendRecord(k, t, p, { timestamp: k.w.time, keyId, source: pr.source, seq }, by);
}

/** Record i of a producer is due at startMs + floor(i * 1000 / rate). */
function dueAt(pr: ProducerState, i: number): number {
  return pr.startMs + Math.floor((i * 1000) / pr.ratePerSec);
}

export function produceTick(k: KafkaState, index: number): void {
  const pr = k.producers[index]!;
  const now = k.w.time;
  while (pr.produced < pr.count && dueAt(pr, pr.produced) <= now) {
    produceOne(k, pr, pr.produced);
    pr.produced++;
  }
  if (pr.produced < pr.count) k.schedule(Math.max(dueAt(pr, pr.produced), now + 1), KafkaTask.produce, index, 0);
}

/** `count` records at once from a producer with the schema's defaults (the same one again for each burst). */
export function produceBurst(k: KafkaState, topicName: string, count: number, keys: KeysSpec, partitioner: Partitioner, id: string): void {
  const topic = k.topicIndex.get(topicName);
  if (topic === undefined) return k.note(`Ignored a burst to unknown topic "${topicName}"`);
  let pr = k.producers.find((p) => p.id === id && p.topic === topic && p.ratePerSec === 0);
  if (!pr) {
    pr = newProducer(
      k,
      { ...DEFAULTS.producer, id, topic: topicName, partitioner, keys, ratePerSec: 0, count: 0, startMs: k.w.time },
      topic,
    );
    k.producers.push(pr);
  } else {
    pr.keyIds = keyIdsFor(k.reg, keys);
    pr.partitioner = partitioner;
  }
  for (let i = 0; i < count; i++) produceOne(k, pr, pr.produced++);
}
