// Producers: records are due at a steady rate; each goes to a partition by the client's partitioner
// (partitioner.ts), or, without a partition of its own (null key; librdkafka's consistent_random and
// an empty key), to a sticky partition that changes every `stickyBatchRecords` records. Then the
// request: to the partition's leader, answered per `acks` (ProducerConfig ACKS_DOC, Kafka 4.4: 0 no
// answer, 1 after the leader's append, all after every in-sync replica has it, i.e. the high
// watermark passed it; Partition.appendRecordsToLeader refuses acks=all with NOT_ENOUGH_REPLICAS when
// the ISR is smaller than min.insync.replicas), retried on retriable errors with retry.backoff.ms
// doubling to retry.backoff.max.ms until delivery.timeout.ms, deduplicated by the leader when the
// producer is idempotent (ProducerStateEntry: the batch's producer id and sequence), duplicated when
// it is not. Each record is its own batch here. The ledger counts what became of every record.
import { Work } from '../core/context';
import type { AppendedEvent, EventBody, ProduceError } from '../core/events';
import { ChunkedInts } from '../core/chunked';
import type { KeysSpec, ProducerSpec, TopicSpec } from '../schema';
import { DEFAULTS } from '../schema/defaults';
import { TOMBSTONE, type NewRecord } from './log';
import type { Partitioner } from './partitioner';
import { NO_KEY, STICKY, type KafkaRegistry } from './registry';
import { effectiveMinIsr, isrBrokers, leaderAppended } from './replication';
import { KafkaTask, NONE, type KafkaState, type PartState, type ProducerState, type Replica, type TopicState } from './state';

type PartitionedBy = AppendedEvent['partitionedBy'];
const BY: PartitionedBy[] = ['murmur2', 'crc32', 'sticky'];

/** A record's fields in ProducerState.recs. */
export const Rec = {
  state: 0,
  partition: 1,
  attempts: 2,
  sentAt: 3,
  offset: 4,
  appended: 5,
  copies: 6,
  lost: 7,
  by: 8,
  inflightAt: 9,
} as const;
const STRIDE = 10;
const INITIAL = [0, 0, 0, 0, -1, -1, 0, 0, 0, 0];

/** A record's state: not sent yet, waiting (for a leader or a retry), appended and waiting for the ISR (acks=all), acknowledged, failed. */
export const RecState = { unsent: 0, waiting: 1, inflight: 2, acked: 3, failed: 4 } as const;

function keyIdsFor(reg: KafkaRegistry, keys: KeysSpec): Int32Array {
  if (keys === null) return Int32Array.of(NO_KEY);
  if (Array.isArray(keys)) return reg.internAll(keys);
  const out = new Int32Array(keys.count);
  for (let i = 0; i < keys.count; i++) out[i] = reg.intern(`${keys.prefix}${i}`);
  return out;
}

function acksName(pr: ProducerState): '0' | '1' | 'all' {
  return String(pr.acks) as '0' | '1' | 'all';
}

/**
 * Appends one record to the leader of partition `p` (records seeded at time 0 go to every replica and
 * are committed at once; they are not counted as produced). Returns its offset.
 */
function appendRecord(
  k: KafkaState,
  t: TopicState,
  p: number,
  r: NewRecord,
  by: PartitionedBy | 'seed',
  leader: Replica | null,
  attempt = 1,
  duplicateOf = -1,
): number {
  const { reg, w } = k;
  w.charge(Work.produce);
  const ps = k.parts[t.parts[p]!]!;
  const tombstone = reg.isTombstone(r.source, r.seq);
  const bytes = (r.keyId === NO_KEY ? 0 : reg.keyBytes[r.keyId]!) + (tombstone ? 0 : reg.sources[r.source]!.valueBytes);
  const flags = tombstone ? TOMBSTONE : 0;
  const log = (leader ?? k.replicas[ps.leader]!).log;
  const { offset, rolled } = log.append(r, bytes, flags, t.spec);
  if (by === 'seed') {
    for (const i of ps.replicas) {
      const other = k.replicas[i]!.log;
      if (other !== log) other.append(r, bytes, flags, t.spec);
      other.highWatermark = other.logEndOffset;
    }
    ps.counted = log.logEndOffset;
  } else w.counters.kafkaProduced++;
  if (!w.rec) return offset;
  if (rolled) w.emit({ type: 'segmentRolled', topic: t.name, partition: p, baseOffset: offset, reason: rolled });
  if (by === 'seed') return offset;
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
    ...(k.cluster.on && {
      leader: leader!.broker,
      leaderEpoch: ps.epoch,
      attempt,
      ...(duplicateOf >= 0 && { duplicateOf }),
    }),
  });
  return offset;
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
    appendRecord(k, t, p === STICKY ? 0 : p, { timestamp: r.timestamp ?? 0, keyId, source, seq }, 'seed', null);
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
    acks: spec.acks,
    // ProducerConfig: idempotence is on by default only where it is allowed (acks=all).
    idempotent: spec.enableIdempotence ?? spec.acks === 'all',
    retries: spec.acks === 0 ? 0 : spec.retries, // "retries will not take effect" with acks=0
    deliveryTimeoutMs: spec.deliveryTimeoutMs,
    requestTimeoutMs: spec.requestTimeoutMs,
    retryBackoffMs: spec.retryBackoffMs,
    retryBackoffMaxMs: Math.max(spec.retryBackoffMs, spec.retryBackoffMaxMs),
    recs: new ChunkedInts(STRIDE, INITIAL),
    acked: 0,
    failed: 0,
    lost: 0,
    duplicates: 0,
    waiting: [],
    inflight: [],
    inflightHead: 0,
    backoffMs: spec.retryBackoffMs,
    retryToken: 0,
    retryAt: Infinity,
    timeoutToken: 0,
    timeoutAt: Infinity,
  };
}

function register(k: KafkaState, pr: ProducerState): number {
  k.producers.push(pr);
  const i = k.producers.length - 1;
  k.sourceProducer[pr.source] = i;
  return i;
}

export function addProducer(k: KafkaState, spec: ProducerSpec): void {
  const topic = k.topicIndex.get(spec.topic);
  if (topic === undefined) return;
  const pr = newProducer(k, spec, topic);
  const i = register(k, pr);
  if (pr.count > 0 && pr.ratePerSec > 0) k.schedule(pr.startMs, KafkaTask.produce, i, 0);
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
  let by = pr.partitioner === 'consistent_random' ? 1 : 0;
  if (p === STICKY) {
    p = stickyPartition(k, pr, n);
    by = 2;
  }
  const recs = pr.recs;
  recs.set(seq, Rec.partition, p);
  recs.set(seq, Rec.by, by);
  recs.set(seq, Rec.sentAt, k.w.time);
  // A partition's records leave in order: a new one queues behind any still waiting for that partition.
  if (pr.waiting.length > 0 && pr.waiting.some((w) => recs.get(w, Rec.partition) === p)) wait(k, pr, seq);
  else send(k, pr, seq);
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
    register(k, pr);
  } else {
    pr.keyIds = keyIdsFor(k.reg, keys);
    pr.partitioner = partitioner;
  }
  for (let i = 0; i < count; i++) produceOne(k, pr, pr.produced++);
}

/**
 * One attempt to send a record to its partition's leader. With no reachable leader (offline, or the
 * leader's broker is down and not fenced yet) the record waits in the producer, unsent.
 */
function send(k: KafkaState, pr: ProducerState, seq: number): void {
  const recs = pr.recs;
  const t = k.topics[pr.topic]!;
  const p = recs.get(seq, Rec.partition);
  const ps = k.parts[t.parts[p]!]!;
  const leader = k.reachable(ps);
  if (!leader) return wait(k, pr, seq);
  const attempt = recs.get(seq, Rec.attempts) + 1;
  recs.set(seq, Rec.attempts, attempt);
  if (pr.acks === 'all' && ps.isr.length < effectiveMinIsr(k, ps)) return failed(k, pr, seq, 'NOT_ENOUGH_REPLICAS', ps);
  const log = leader.log;
  const previous = recs.get(seq, Rec.appended);
  const already = previous >= 0 && previous < log.logEndOffset && log.source[previous] === pr.source && log.sourceSeq[previous] === seq;
  if (already && pr.idempotent) {
    // The leader has this batch (same producer id and sequence): it answers with the first copy's offset.
    if (pr.acks !== 'all' || previous < log.highWatermark) return acked(k, pr, seq, previous, true);
    return inflight(k, pr, seq, previous);
  }
  const r: NewRecord = { timestamp: recs.get(seq, Rec.sentAt), keyId: pr.keyIds[seq % pr.keyIds.length]!, source: pr.source, seq };
  const offset = appendRecord(k, t, p, r, BY[recs.get(seq, Rec.by)]!, leader, attempt, already ? previous : -1);
  recs.set(seq, Rec.appended, offset);
  if (pr.acks === 'all') {
    recs.set(seq, Rec.state, RecState.inflight);
    recs.set(seq, Rec.offset, offset);
    leaderAppended(k, ps, leader);
    if (recs.get(seq, Rec.state) === RecState.inflight) inflight(k, pr, seq, offset);
  } else {
    leaderAppended(k, ps, leader);
    acked(k, pr, seq, offset, false);
  }
}

function acked(k: KafkaState, pr: ProducerState, seq: number, offset: number, deduplicated: boolean): void {
  pr.recs.set(seq, Rec.state, RecState.acked);
  pr.recs.set(seq, Rec.offset, offset);
  pr.acked++;
  if (k.w.rec && k.cluster.on) {
    const t = k.topics[pr.topic]!;
    k.w.emit({
      type: 'produceAcked',
      producer: pr.id,
      topic: t.name,
      partition: pr.recs.get(seq, Rec.partition),
      acks: acksName(pr),
      offsets: [offset],
      messageIds: [k.reg.messageId(pr.source, seq)],
      ...(deduplicated && { deduplicated }),
    });
  }
}

/** Appended (or found, idempotent) on the leader: an acks=all request now waits in purgatory for the ISR, until request.timeout.ms. */
function inflight(k: KafkaState, pr: ProducerState, seq: number, offset: number): void {
  const now = k.w.time;
  pr.recs.set(seq, Rec.state, RecState.inflight);
  pr.recs.set(seq, Rec.offset, offset);
  pr.recs.set(seq, Rec.inflightAt, now);
  pr.inflight.push(seq, now);
  if (pr.timeoutAt === Infinity) scheduleTimeout(k, pr, now + pr.requestTimeoutMs);
}

function scheduleTimeout(k: KafkaState, pr: ProducerState, at: number): void {
  pr.timeoutAt = at;
  pr.timeoutToken++;
  k.schedule(at, KafkaTask.produceTimeout, k.producers.indexOf(pr), pr.timeoutToken);
}

/** The record waits in the producer for a reachable leader or its retry backoff. */
function wait(k: KafkaState, pr: ProducerState, seq: number): void {
  pr.recs.set(seq, Rec.state, RecState.waiting);
  pr.waiting.push(seq);
  if (pr.retryAt === Infinity) {
    pr.retryAt = k.w.time + pr.backoffMs;
    pr.retryToken++;
    k.schedule(pr.retryAt, KafkaTask.produceRetry, k.producers.indexOf(pr), pr.retryToken);
  }
}

/** A failed attempt: retried while retries and delivery.timeout.ms allow (every error here is retriable), else given up. */
function failed(k: KafkaState, pr: ProducerState, seq: number, error: ProduceError, ps: PartState): void {
  const recs = pr.recs;
  const expired = k.w.time - recs.get(seq, Rec.sentAt) >= pr.deliveryTimeoutMs;
  const final = expired || recs.get(seq, Rec.attempts) > pr.retries;
  if (final) {
    recs.set(seq, Rec.state, RecState.failed);
    pr.failed++;
  } else wait(k, pr, seq);
  if (!k.w.rec) return;
  const t = k.topics[pr.topic]!;
  // Out of retries, the application's callback gets the broker's own error (Java Sender.completeBatch
  // fails the batch with error.exception()); past delivery.timeout.ms, a TimeoutException.
  const shown: ProduceError = expired ? 'DELIVERY_TIMEOUT' : error;
  const key = `${pr.id}\u0000${ps.partition}\u0000${shown}\u0000${final}`;
  const e = failures?.get(key);
  if (e) return void e.messageIds.push(k.reg.messageId(pr.source, seq));
  const event: Extract<EventBody, { type: 'produceFailed' }> = {
    type: 'produceFailed',
    producer: pr.id,
    topic: t.name,
    partition: ps.partition,
    acks: acksName(pr),
    messageIds: [k.reg.messageId(pr.source, seq)],
    error: shown,
    final,
    ...(error === 'NOT_ENOUGH_REPLICAS' && { isr: isrBrokers(k, ps), minInsyncReplicas: t.spec.minInsyncReplicas }),
  };
  if (failures) failures.set(key, event);
  else k.w.emit(event);
}

/** Failures of one moment (a retry round, a timeout check, a leader change) are told as one event per partition and error. */
let failures: Map<string, Extract<EventBody, { type: 'produceFailed' }>> | null = null;

function batchFailures(k: KafkaState, fn: () => void): void {
  const outer = failures;
  failures = outer ?? new Map();
  try {
    fn();
  } finally {
    if (!outer) {
      for (const e of failures.values()) k.w.emit(e);
      failures = null;
    }
  }
}

/** retry.backoff.ms has passed: the waiting records are sent again (those past delivery.timeout.ms fail). */
export function produceRetry(k: KafkaState, index: number, token: number): void {
  const pr = k.producers[index]!;
  if (pr.retryToken !== token) return;
  pr.retryAt = Infinity;
  const list = pr.waiting;
  pr.waiting = [];
  const t = k.topics[pr.topic]!;
  batchFailures(k, () => {
    for (const seq of list) {
      if (pr.recs.get(seq, Rec.state) !== RecState.waiting) continue;
      if (k.w.time - pr.recs.get(seq, Rec.sentAt) >= pr.deliveryTimeoutMs)
        failed(k, pr, seq, 'DELIVERY_TIMEOUT', k.parts[t.parts[pr.recs.get(seq, Rec.partition)]!]!);
      else send(k, pr, seq);
    }
  });
  pr.backoffMs = pr.waiting.length > 0 ? Math.min(pr.backoffMs * 2, pr.retryBackoffMaxMs) : pr.retryBackoffMs;
}

/** request.timeout.ms: acks=all requests the ISR did not complete in time fail with REQUEST_TIMED_OUT (DelayedProduce). */
export function produceTimeout(k: KafkaState, index: number, token: number): void {
  const pr = k.producers[index]!;
  if (pr.timeoutToken !== token) return;
  pr.timeoutAt = Infinity;
  const now = k.w.time;
  const t = k.topics[pr.topic]!;
  const q = pr.inflight;
  batchFailures(k, () => {
    while (pr.inflightHead < q.length) {
      const seq = q[pr.inflightHead]!;
      const at = q[pr.inflightHead + 1]!;
      if (pr.recs.get(seq, Rec.state) === RecState.inflight && pr.recs.get(seq, Rec.inflightAt) === at) {
        if (at + pr.requestTimeoutMs > now) break;
        failed(k, pr, seq, 'REQUEST_TIMED_OUT', k.parts[t.parts[pr.recs.get(seq, Rec.partition)]!]!);
      }
      pr.inflightHead += 2;
    }
  });
  if (pr.inflightHead > 1024 && pr.inflightHead * 2 > q.length) {
    pr.inflight = q.slice(pr.inflightHead);
    pr.inflightHead = 0;
  }
  if (pr.inflightHead < pr.inflight.length) scheduleTimeout(k, pr, pr.inflight[pr.inflightHead + 1]! + pr.requestTimeoutMs);
}

/**
 * The partition's leader is gone or changed: acks=all requests waiting on it fail (NETWORK_EXCEPTION
 * when its broker died and the connection broke, NOT_LEADER_OR_FOLLOWER when it stepped down) and
 * are retried.
 */
export function failInflight(k: KafkaState, ps: PartState, error: ProduceError): void {
  batchFailures(k, () => {
    for (const pr of k.producers) {
      if (pr.topic !== ps.topic) continue;
      for (let i = pr.inflightHead; i < pr.inflight.length; i += 2) {
        const seq = pr.inflight[i]!;
        if (pr.recs.get(seq, Rec.state) === RecState.inflight && pr.recs.get(seq, Rec.partition) === ps.partition)
          failed(k, pr, seq, error, ps);
      }
    }
  });
}

/**
 * The high watermark passed offsets up to `hw` of the leader's log: those records are committed.
 * acks=all requests for them are answered; a record committed twice (a retry without idempotence)
 * counts as a duplicate in its producer's ledger.
 */
export function commitRange(k: KafkaState, ps: PartState, leader: Replica, hw: number): void {
  const log = leader.log;
  const from = ps.counted;
  if (hw <= from) return;
  ps.counted = hw;
  const rec = k.w.rec && k.cluster.on;
  let ackedBy: Map<ProducerState, { offsets: number[]; ids: string[] }> | null = null;
  for (let o = from; o < hw; o++) {
    const pi = k.sourceProducer[log.source[o]!];
    if (pi === undefined) continue;
    const pr = k.producers[pi]!;
    if (pr.topic !== ps.topic) continue; // a share group's dead-letter copy in another topic
    const seq = log.sourceSeq[o]!;
    const recs = pr.recs;
    const copies = recs.get(seq, Rec.copies) + 1;
    recs.set(seq, Rec.copies, copies);
    if (copies > 1) pr.duplicates++;
    if (recs.get(seq, Rec.state) === RecState.inflight && recs.get(seq, Rec.offset) === o) {
      recs.set(seq, Rec.state, RecState.acked);
      pr.acked++;
      if (rec) {
        ackedBy ??= new Map();
        let a = ackedBy.get(pr);
        if (!a) ackedBy.set(pr, (a = { offsets: [], ids: [] }));
        a.offsets.push(o);
        a.ids.push(k.reg.messageId(pr.source, seq));
      }
    }
  }
  if (!ackedBy) return;
  const t = k.topics[ps.topic]!;
  for (const [pr, a] of ackedBy)
    k.w.emit({
      type: 'produceAcked',
      producer: pr.id,
      topic: t.name,
      partition: ps.partition,
      acks: acksName(pr),
      offsets: a.offsets,
      messageIds: a.ids,
    });
}

/**
 * A new leader took over with a log that agrees with the old one only up to `from`: committed records
 * past it were counted from a log that is no longer the partition's (unclean election), so they are
 * uncounted; then every acknowledged record of the partition is checked against the new leader's log.
 */
export function leaderChanged(k: KafkaState, ps: PartState, oldLog: Replica['log'], newLeader: Replica, from: number): void {
  if (ps.counted > from) {
    for (let o = from; o < ps.counted && o < oldLog.logEndOffset; o++) {
      const pi = k.sourceProducer[oldLog.source[o]!];
      if (pi === undefined || k.producers[pi]!.topic !== ps.topic) continue;
      const pr = k.producers[pi]!;
      const seq = oldLog.sourceSeq[o]!;
      const copies = pr.recs.get(seq, Rec.copies);
      if (copies > 1) pr.duplicates--;
      pr.recs.set(seq, Rec.copies, Math.max(0, copies - 1));
    }
    ps.counted = from;
  }
  const log = newLeader.log;
  for (const pr of k.producers) {
    if (pr.topic !== ps.topic) continue;
    const recs = pr.recs;
    for (let seq = 0; seq < pr.produced; seq++) {
      if (recs.get(seq, Rec.state) !== RecState.acked || recs.get(seq, Rec.partition) !== ps.partition) continue;
      const o = recs.get(seq, Rec.offset);
      const gone = !(o < log.logEndOffset && log.source[o] === pr.source && log.sourceSeq[o] === seq) ? 1 : 0;
      const was = recs.get(seq, Rec.lost);
      if (gone !== was) {
        recs.set(seq, Rec.lost, gone);
        pr.lost += gone - was;
      }
    }
  }
}

/** Whether the producer was told this record was written at this offset of this partition. */
export function acknowledgedAt(pr: ProducerState, seq: number, partition: number, offset: number): boolean {
  const recs = pr.recs;
  return recs.get(seq, Rec.state) === RecState.acked && recs.get(seq, Rec.partition) === partition && recs.get(seq, Rec.offset) === offset;
}

/** Message ids of a producer's records with a field at a value (the ledger's lists), at most `max`. */
export function ledgerIds(k: KafkaState, pr: ProducerState, field: number, atLeast: number, max = 50): string[] {
  const out: string[] = [];
  for (let seq = 0; seq < pr.produced && out.length < max; seq++)
    if (pr.recs.get(seq, field) >= atLeast) out.push(k.reg.messageId(pr.source, seq));
  return out;
}
