// The Kafka side of a simulation: topics of partition logs, producers, consumer groups with
// rebalances, commits, retention and compaction. Broker rules (partitioners, assignors) come from
// partitioner.ts and assignors.ts; this file drives them over time.
import type { Ctx } from '../core/context';
import { T } from '../core/context';
import type { KafkaResetPolicy } from '../core/events';
import type { GroupView, KafkaView, MemberView, RecordView, TopicView } from '../core/snapshot';
import type { GroupSpec, KafkaConsumerSpec, KeysSpec, ProducerSpec, TopicSpec } from '../schema';
import { assignPartitions, cooperativeStickyAssign, partitionName } from './assignors';
import { PartitionLog, REMOVED, TOMBSTONE } from './log';
import { javaPartition, librdkafkaPartition } from './partitioner';

type Partitioner = ProducerSpec['partitioner'];

/** Tables shared by every clone of one simulation: they only ever grow, so sharing is safe. */
export class KafkaRegistry {
  keys: string[] = [];
  keyIndex = new Map<string, number>();
  keyBytes: number[] = [];
  sources: { id: string; values: (string | null)[] | null; ids: string[] | null; valueBytes: number }[] = [];
  sourceIndex = new Map<string, number>();
  private partitionCache = new Map<string, Int32Array>();
  private encoder = new TextEncoder();

  intern(key: string): number {
    let id = this.keyIndex.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.keyIndex.set(key, id);
      this.keyBytes.push(this.encoder.encode(key).length);
    }
    return id;
  }

  source(id: string, values: (string | null)[] | null, valueBytes: number, ids: string[] | null = null): number {
    const found = this.sourceIndex.get(id);
    if (found !== undefined) return found;
    this.sources.push({ id, values, ids, valueBytes });
    this.sourceIndex.set(id, this.sources.length - 1);
    return this.sources.length - 1;
  }

  /** Partition for a non-null key under a producer's partitioner; -1 means "sticky" (librdkafka, empty key). */
  partitionFor(keyId: number, n: number, partitioner: Partitioner): number {
    const cacheKey = `${partitioner}:${n}`;
    let cache = this.partitionCache.get(cacheKey);
    if (!cache || cache.length <= keyId) {
      const next = new Int32Array(Math.max(64, (keyId + 1) * 2)).fill(-2);
      if (cache) next.set(cache);
      cache = next;
      this.partitionCache.set(cacheKey, cache);
    }
    let p = cache[keyId]!;
    if (p === -2) {
      const key = this.keys[keyId]!;
      if (partitioner === 'java') p = javaPartition(key, n);
      // librdkafka's consistent_random sends an empty key to a random (sticky) partition.
      else if (key.length === 0 && partitioner === 'consistent_random') p = -1;
      else p = librdkafkaPartition(key, n, partitioner);
      cache[keyId] = p;
    }
    return p;
  }
}

interface TopicState {
  spec: TopicSpec;
  name: string;
  partitions: PartitionLog[];
}

interface ProducerState {
  id: string;
  topic: number;
  partitioner: Partitioner;
  ratePerSec: number;
  count: number;
  startMs: number;
  keyIds: Int32Array;
  source: number;
  stickyBatchRecords: number;
  produced: number;
  sticky: number;
  stickyLeft: number;
}

interface Batch {
  pname: string;
  topic: string;
  partition: number;
  from: number;
  to: number;
  count: number;
}

type MemberStatus = 'active' | 'idle' | 'crashed' | 'stopped' | 'pending';

interface MemberState {
  idx: number;
  group: number;
  id: string;
  spec: KafkaConsumerSpec;
  status: MemberStatus;
  inGroup: boolean;
  assigned: string[];
  positions: Map<string, number>;
  inFlight: Batch[] | null;
  processingUntil: number;
  /** Only the task carrying the current token runs: a crash or reschedule cancels the rest. */
  token: number;
  lastAutoCommit: number;
  rr: number;
}

interface GroupState {
  idx: number;
  id: string;
  spec: GroupSpec;
  generation: number;
  members: number[];
  committed: Map<string, number>;
  /** Highest offset + 1 this group ever fetched per partition, to count redeliveries. */
  fetchedHigh: Map<string, number>;
  rebalancing: boolean;
  rebalanceToken: number;
  reasons: string[];
}

function keyIdsFor(reg: KafkaRegistry, keys: KeysSpec): Int32Array {
  if (keys === null) return Int32Array.of(-1);
  if (Array.isArray(keys)) return Int32Array.from(keys, (k) => (k === null ? -1 : reg.intern(k)));
  const out = new Int32Array(keys.count);
  for (let i = 0; i < keys.count; i++) out[i] = reg.intern(`${keys.prefix}${i}`);
  return out;
}

export class KafkaModel {
  topics: TopicState[] = [];
  topicIndex = new Map<string, number>();
  producers: ProducerState[] = [];
  groups: GroupState[] = [];
  members: MemberState[] = [];

  constructor(
    public w: Ctx,
    readonly reg: KafkaRegistry,
  ) {}

  // ---------- setup ----------
  addTopic(spec: TopicSpec): void {
    const t: TopicState = { spec, name: spec.name, partitions: [] };
    for (let p = 0; p < spec.partitions; p++) t.partitions.push(new PartitionLog(spec.name, p));
    this.topicIndex.set(spec.name, this.topics.length);
    this.topics.push(t);
    if (spec.records.length > 0) {
      const src = this.reg.source(
        `${spec.name}:seed`,
        spec.records.map((r) => r.value),
        100,
        spec.records.map((_, i) => `${spec.name}-r${i}`),
      );
      spec.records.forEach((r, i) => {
        const keyId = r.key === null ? -1 : this.reg.intern(r.key);
        const p = r.partition ?? (keyId >= 0 ? this.reg.partitionFor(keyId, spec.partitions, 'java') : i % spec.partitions);
        this.appendRecord(t, p < 0 ? 0 : p, r.timestamp ?? 0, keyId, src, i, r.value === null ? TOMBSTONE : 0, 'seed', false);
      });
    }
    this.w.schedule(spec.logCheckIntervalMs, T.kLogCheck, this.topics.length - 1, 0);
  }

  addProducer(spec: ProducerSpec): void {
    const topic = this.topicIndex.get(spec.topic);
    if (topic === undefined) return;
    const pr: ProducerState = {
      id: spec.id,
      topic,
      partitioner: spec.partitioner,
      ratePerSec: spec.ratePerSec,
      count: spec.count,
      startMs: spec.startMs,
      keyIds: keyIdsFor(this.reg, spec.keys),
      source: this.reg.source(spec.id, spec.values ?? null, spec.valueBytes),
      stickyBatchRecords: spec.stickyBatchRecords,
      produced: 0,
      sticky: -1,
      stickyLeft: 0,
    };
    this.producers.push(pr);
    if (pr.count > 0 && pr.ratePerSec > 0) this.w.schedule(pr.startMs, T.kProduce, this.producers.length - 1, 0);
  }

  addGroup(spec: GroupSpec, startAt: number): void {
    const g: GroupState = {
      idx: this.groups.length,
      id: spec.id,
      spec,
      generation: 0,
      members: [],
      committed: new Map(Object.entries(spec.committed)),
      fetchedHigh: new Map(),
      rebalancing: false,
      rebalanceToken: 0,
      reasons: [],
    };
    this.groups.push(g);
    if (this.w.rec) this.w.emit({ type: 'groupCreated', group: g.id, topics: [...spec.topics], autoOffsetReset: spec.autoOffsetReset });
    for (const c of spec.consumers) this.addMember(g, c, Math.max(startAt, c.startMs));
  }

  private addMember(g: GroupState, spec: KafkaConsumerSpec, at: number): MemberState {
    const m: MemberState = {
      idx: this.members.length,
      group: g.idx,
      id: spec.id,
      spec,
      status: 'pending',
      inGroup: false,
      assigned: [],
      positions: new Map(),
      inFlight: null,
      processingUntil: 0,
      token: 0,
      lastAutoCommit: at,
      rr: 0,
    };
    this.members.push(m);
    this.w.schedule(at, T.kMemberStart, m.idx, 0);
    return m;
  }

  // ---------- tasks ----------
  run(kind: number, a: number, b: number): void {
    switch (kind) {
      case T.kProduce:
        return this.produceTick(this.producers[a]!);
      case T.kPoll: {
        const m = this.members[a]!;
        if (m.token === b) this.poll(m);
        return;
      }
      case T.kProcessed: {
        const m = this.members[a]!;
        if (m.token === b) this.processed(m);
        return;
      }
      case T.kRebalance: {
        const g = this.groups[a]!;
        if (g.rebalanceToken === b) this.rebalance(g);
        return;
      }
      case T.kSession: {
        const m = this.members[a]!;
        if (m.token === b && m.status === 'crashed') this.sessionTimedOut(m);
        return;
      }
      case T.kMemberStart:
        return this.join(this.members[a]!, 'joined');
      case T.kLogCheck:
        return this.logCheck(this.topics[a]!, a);
    }
  }

  // ---------- producing ----------
  private appendRecord(
    t: TopicState,
    p: number,
    ts: number,
    keyId: number,
    source: number,
    seq: number,
    flags: number,
    by: 'murmur2' | 'crc32' | 'sticky' | 'seed',
    count = true,
  ): void {
    const log = t.partitions[p]!;
    const src = this.reg.sources[source]!;
    const bytes = (keyId >= 0 ? this.reg.keyBytes[keyId]! : 0) + (flags & TOMBSTONE ? 0 : src.valueBytes);
    const { offset, rolled } = log.append(ts, keyId, source, seq, bytes, flags, t.spec.segmentBytes, t.spec.segmentMs);
    if (count) this.w.counters.kafkaProduced++;
    if (!this.w.rec) return;
    if (rolled) this.w.emit({ type: 'segmentRolled', topic: t.name, partition: p, baseOffset: offset, reason: rolled });
    if (by === 'seed') return;
    this.w.emit({
      type: 'appended',
      producer: src.id,
      topic: t.name,
      partition: p,
      offset,
      key: keyId >= 0 ? this.reg.keys[keyId]! : null,
      tombstone: (flags & TOMBSTONE) !== 0,
      messageId: this.messageId(source, seq),
      logEndOffset: log.logEndOffset,
      partitionedBy: by,
    });
  }

  messageId(source: number, seq: number): string {
    const s = this.reg.sources[source]!;
    return s.ids?.[seq] ?? `${s.id}-${seq}`;
  }

  private produceOne(pr: ProducerState, i: number): void {
    const t = this.topics[pr.topic]!;
    const n = t.partitions.length;
    const keyId = pr.keyIds[i % pr.keyIds.length]!;
    let p = keyId >= 0 ? this.reg.partitionFor(keyId, n, pr.partitioner) : -1;
    let by: 'murmur2' | 'crc32' | 'sticky' = pr.partitioner === 'consistent_random' ? 'crc32' : 'murmur2';
    if (p < 0) {
      // Null key (or librdkafka empty key): stick to one partition for a batch, then switch.
      if (pr.stickyLeft <= 0 || pr.sticky >= n) {
        let next = this.w.rng.int(n);
        if (n > 1 && next === pr.sticky) next = (next + 1 + this.w.rng.int(n - 1)) % n;
        pr.sticky = next;
        pr.stickyLeft = pr.stickyBatchRecords;
      }
      pr.stickyLeft--;
      p = pr.sticky;
      by = 'sticky';
    }
    const src = this.reg.sources[pr.source]!;
    const tomb = src.values !== null && src.values[i % src.values.length] === null ? TOMBSTONE : 0;
    this.appendRecord(t, p, this.w.time, keyId, pr.source, i, tomb, by);
  }

  private produceTick(pr: ProducerState): void {
    const now = this.w.time;
    // Record i is due at startMs + floor(i * 1000 / rate).
    while (pr.produced < pr.count && pr.startMs + Math.floor((pr.produced * 1000) / pr.ratePerSec) <= now) {
      this.produceOne(pr, pr.produced);
      pr.produced++;
    }
    if (pr.produced < pr.count) {
      const due = pr.startMs + Math.floor((pr.produced * 1000) / pr.ratePerSec);
      this.w.schedule(Math.max(due, now + 1), T.kProduce, this.producers.indexOf(pr), 0);
    }
  }

  produceBurst(topicName: string, count: number, keys: KeysSpec, partitioner: Partitioner, producerId: string): void {
    const topic = this.topicIndex.get(topicName);
    if (topic === undefined) return this.note(`Ignored a burst to unknown topic "${topicName}"`);
    let pr = this.producers.find((p) => p.id === producerId && p.topic === topic && p.ratePerSec === 0);
    if (!pr) {
      pr = {
        id: producerId,
        topic,
        partitioner,
        ratePerSec: 0,
        count: 0,
        startMs: this.w.time,
        keyIds: keyIdsFor(this.reg, keys),
        source: this.reg.source(producerId, null, 100),
        stickyBatchRecords: 4,
        produced: 0,
        sticky: -1,
        stickyLeft: 0,
      };
      this.producers.push(pr);
    } else {
      pr.keyIds = keyIdsFor(this.reg, keys);
      pr.partitioner = partitioner;
    }
    for (let i = 0; i < count; i++) this.produceOne(pr, pr.produced++);
  }

  // ---------- consumer groups ----------
  private note(text: string): void {
    if (this.w.rec) this.w.emit({ type: 'note', text });
  }

  private group(id: string): GroupState | undefined {
    return this.groups.find((g) => g.id === id);
  }

  private member(g: GroupState, id: string): MemberState | undefined {
    // The newest member with that id (a removed consumer may be re-added).
    for (let i = this.members.length - 1; i >= 0; i--) {
      const m = this.members[i]!;
      if (m.group === g.idx && m.id === id) return m;
    }
    return undefined;
  }

  private log(pname: string): PartitionLog | undefined {
    const dash = pname.lastIndexOf('-');
    const t = this.topicIndex.get(pname.slice(0, dash));
    return t === undefined ? undefined : this.topics[t]!.partitions[Number(pname.slice(dash + 1))];
  }

  private lagOf(g: GroupState, pname: string): number | null {
    const c = g.committed.get(pname);
    const log = this.log(pname);
    return c === undefined || !log ? null : Math.max(0, log.logEndOffset - c);
  }

  private triggerRebalance(g: GroupState, reason: string): void {
    g.reasons.push(reason);
    if (g.rebalancing) return;
    g.rebalancing = true;
    g.rebalanceToken++;
    this.w.schedule(this.w.time + g.spec.rebalanceDelayMs, T.kRebalance, g.idx, g.rebalanceToken);
  }

  private join(m: MemberState, how: 'joined' | 'restarted'): void {
    const g = this.groups[m.group]!;
    m.status = 'idle';
    m.inGroup = true;
    m.assigned = [];
    m.positions = new Map();
    m.inFlight = null;
    m.token++;
    m.lastAutoCommit = this.w.time;
    if (!g.members.includes(m.idx)) g.members.push(m.idx);
    if (this.w.rec) this.w.emit({ type: how === 'joined' ? 'consumerJoined' : 'consumerRestarted', group: g.id, consumer: m.id });
    this.triggerRebalance(g, `${m.id} ${how}`);
  }

  private commit(g: GroupState, m: MemberState, pname: string, offset: number, mode: 'auto' | 'manual' | 'revoke'): void {
    const prev = g.committed.get(pname);
    if (prev === offset) return;
    g.committed.set(pname, offset);
    this.w.counters.kafkaCommitted++;
    if (!this.w.rec) return;
    const log = this.log(pname)!;
    this.w.emit({
      type: 'committed',
      group: g.id,
      consumer: m.id,
      topic: log.topic,
      partition: log.partition,
      committedOffset: offset,
      previous: prev ?? null,
      logEndOffset: log.logEndOffset,
      lag: Math.max(0, log.logEndOffset - offset),
      mode,
    });
  }

  /** Commits the positions of processed records (records still being processed are not included). */
  private commitProcessed(g: GroupState, m: MemberState, mode: 'auto' | 'revoke', only?: string[]): void {
    for (const pname of only ?? m.assigned) {
      const inFlight = m.inFlight?.find((b) => b.pname === pname);
      const pos = inFlight ? inFlight.from : m.positions.get(pname);
      if (pos !== undefined) this.commit(g, m, pname, pos, mode);
    }
  }

  /** Position for a newly assigned partition: the committed offset, or auto.offset.reset. */
  private initPosition(g: GroupState, m: MemberState, pname: string): void {
    const log = this.log(pname)!;
    const c = g.committed.get(pname);
    if (c !== undefined && c >= log.logStartOffset && c <= log.logEndOffset) {
      m.positions.set(pname, c);
      return;
    }
    this.reset(g, m, pname, c ?? null, c === undefined ? 'no-committed-offset' : 'out-of-range');
  }

  private reset(
    g: GroupState,
    m: MemberState,
    pname: string,
    from: number | null,
    reason: 'no-committed-offset' | 'out-of-range',
  ): boolean {
    const log = this.log(pname)!;
    const policy: KafkaResetPolicy = g.spec.autoOffsetReset;
    const to = policy === 'earliest' ? log.logStartOffset : policy === 'latest' ? log.logEndOffset : null;
    if (this.w.rec)
      this.w.emit({
        type: 'offsetReset',
        group: g.id,
        consumer: m.id,
        topic: log.topic,
        partition: log.partition,
        policy,
        from,
        to,
        reason,
        logStartOffset: log.logStartOffset,
        logEndOffset: log.logEndOffset,
      });
    if (to === null) {
      // auto.offset.reset=none: poll() throws; the application stops this consumer.
      m.status = 'stopped';
      m.token++;
      if (this.w.rec)
        this.w.emit({
          type: 'consumerFailed',
          group: g.id,
          consumer: m.id,
          reason: `no valid offset for ${pname} and auto.offset.reset=none`,
        });
      return false;
    }
    m.positions.set(pname, to);
    return true;
  }

  private partitionsPerTopic(g: GroupState): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of g.spec.topics) {
      const i = this.topicIndex.get(t);
      if (i !== undefined) out[t] = this.topics[i]!.partitions.length;
    }
    return out;
  }

  private rebalance(g: GroupState): void {
    const now = this.w.time;
    const live = g.members.map((i) => this.members[i]!).filter((m) => m.inGroup && (m.status === 'active' || m.status === 'idle'));
    // The group waits for members to finish the records they are processing (they rejoin from poll()).
    const busyUntil = Math.max(0, ...live.filter((m) => m.inFlight).map((m) => m.processingUntil));
    if (busyUntil > now) {
      this.w.schedule(busyUntil, T.kRebalance, g.idx, g.rebalanceToken);
      return;
    }
    // Crashed members that never came back lose their partitions now.
    for (const i of g.members) {
      const m = this.members[i]!;
      if (!live.includes(m)) m.assigned = [];
    }
    g.members = live.map((m) => m.idx);
    const members = live.map((m) => ({ memberId: m.id, topics: [...g.spec.topics] }));
    const ppt = this.partitionsPerTopic(g);
    const revoked: Record<string, string[]> = {};
    let assignment: Record<string, string[]>;
    let followUp = false;
    if (g.spec.strategy === 'cooperative-sticky') {
      const previous: Record<string, string[]> = {};
      for (const m of live) previous[m.id] = m.assigned;
      const res = cooperativeStickyAssign(members, ppt, previous);
      assignment = res.assignment;
      followUp = res.followUpNeeded;
      for (const m of live) {
        const gone = res.revoked[m.id] ?? [];
        revoked[m.id] = gone;
        if (g.spec.enableAutoCommit) this.commitProcessed(g, m, 'revoke', gone);
        for (const p of gone) m.positions.delete(p);
      }
    } else {
      // Eager: everyone gives up everything, then gets a fresh assignment.
      for (const m of live) {
        revoked[m.id] = m.assigned;
        if (g.spec.enableAutoCommit) this.commitProcessed(g, m, 'revoke');
        m.positions = new Map();
      }
      assignment = assignPartitions(g.spec.strategy, members, ppt);
    }
    g.generation++;
    const idle: string[] = [];
    for (const m of live) {
      const next = assignment[m.id] ?? [];
      for (const p of next) if (!m.positions.has(p)) this.initPosition(g, m, p);
      m.assigned = next;
      m.rr = 0;
      if (m.status !== 'stopped') m.status = next.length === 0 ? 'idle' : 'active';
      if (next.length === 0) idle.push(m.id);
    }
    const reason = g.reasons.join(', ');
    g.reasons = [];
    if (this.w.rec)
      this.w.emit({
        type: 'rebalanced',
        group: g.id,
        generation: g.generation,
        strategy: g.spec.strategy,
        assignment: Object.fromEntries(live.map((m) => [m.id, [...m.assigned]])),
        revoked,
        idle,
        followUp,
        reason,
      });
    g.rebalancing = false;
    if (followUp) this.triggerRebalance(g, 'follow-up to place revoked partitions');
    for (const m of live) if (m.status === 'active') this.schedulePoll(m, now);
  }

  private schedulePoll(m: MemberState, at: number): void {
    m.token++;
    this.w.schedule(at, T.kPoll, m.idx, m.token);
  }

  private poll(m: MemberState): void {
    const g = this.groups[m.group]!;
    if (!m.inGroup || (m.status !== 'active' && m.status !== 'idle')) return;
    if (g.rebalancing) return; // rejoining; the rebalance reschedules polls
    const now = this.w.time;
    if (g.spec.enableAutoCommit && now - m.lastAutoCommit >= g.spec.autoCommitIntervalMs) {
      this.commitProcessed(g, m, 'auto');
      m.lastAutoCommit = now;
    }
    const n = m.assigned.length;
    if (n === 0) {
      m.status = 'idle';
      return;
    }
    let budget = m.spec.maxPollRecords;
    const batches: Batch[] = [];
    for (let k = 0; k < n && budget > 0; k++) {
      const pname = m.assigned[(m.rr + k) % n]!;
      const log = this.log(pname)!;
      let pos = m.positions.get(pname)!;
      if (pos < log.logStartOffset || pos > log.logEndOffset) {
        if (!this.reset(g, m, pname, pos, 'out-of-range')) return;
        pos = m.positions.get(pname)!;
      }
      const from = pos;
      let o = pos;
      let count = 0;
      const offsets: number[] = [];
      const flags = log.flags;
      while (o < log.logEndOffset && count < budget) {
        if ((flags[o]! & REMOVED) === 0) {
          count++;
          if (this.w.rec) offsets.push(o);
        }
        o++;
      }
      if (o === from) continue;
      m.positions.set(pname, o);
      if (count === 0) continue;
      budget -= count;
      batches.push({ pname, topic: log.topic, partition: log.partition, from, to: o, count });
      this.w.counters.kafkaFetched += count;
      const high = g.fetchedHigh.get(pname) ?? 0;
      if (o > high) g.fetchedHigh.set(pname, o);
      if (this.w.rec) {
        const c = g.committed.get(pname);
        let redelivered = 0;
        for (const off of offsets) if (off < high) redelivered++;
        this.w.emit({
          type: 'fetched',
          group: g.id,
          consumer: m.id,
          topic: log.topic,
          partition: log.partition,
          fromOffset: from,
          toOffset: o,
          count,
          offsets,
          messageIds: offsets.map((off) => this.messageId(log.source[off]!, log.sourceSeq[off]!)),
          position: o,
          committedOffset: c ?? null,
          logEndOffset: log.logEndOffset,
          lag: c === undefined ? null : Math.max(0, log.logEndOffset - c),
          redelivered,
        });
      }
    }
    m.rr = (m.rr + 1) % n;
    if (batches.length > 0) {
      let total = 0;
      for (const b of batches) total += b.count;
      m.inFlight = batches;
      m.processingUntil = now + total * m.spec.processingMsPerRecord;
      m.token++;
      this.w.schedule(m.processingUntil, T.kProcessed, m.idx, m.token);
    } else {
      this.schedulePoll(m, now + m.spec.pollIntervalMs);
    }
  }

  private processed(m: MemberState): void {
    const g = this.groups[m.group]!;
    const batches = m.inFlight ?? [];
    m.inFlight = null;
    for (const b of batches) {
      this.w.counters.kafkaProcessed += b.count;
      if (this.w.rec)
        this.w.emit({
          type: 'processed',
          group: g.id,
          consumer: m.id,
          topic: b.topic,
          partition: b.partition,
          fromOffset: b.from,
          toOffset: b.to,
        });
      // enable.auto.commit=false: commitSync() after processing the batch.
      if (!g.spec.enableAutoCommit && m.assigned.includes(b.pname)) {
        const pos = m.positions.get(b.pname);
        if (pos !== undefined) this.commit(g, m, b.pname, pos, 'manual');
      }
    }
    this.poll(m);
  }

  private sessionTimedOut(m: MemberState): void {
    const g = this.groups[m.group]!;
    m.inGroup = false;
    m.assigned = [];
    g.members = g.members.filter((i) => i !== m.idx);
    if (this.w.rec)
      this.w.emit({
        type: 'consumerLeft',
        group: g.id,
        consumer: m.id,
        reason: `session timeout (${g.spec.sessionTimeoutMs} ms without a heartbeat)`,
      });
    this.triggerRebalance(g, `${m.id} timed out`);
  }

  // ---------- interventions ----------
  addConsumer(groupId: string, spec: Omit<KafkaConsumerSpec, 'startMs'>): void {
    const g = this.group(groupId);
    if (!g) return this.note(`Ignored: no group "${groupId}"`);
    const existing = this.member(g, spec.id);
    if (existing && existing.status !== 'stopped') return this.note(`Ignored: consumer ${spec.id} is already in group ${groupId}`);
    this.addMember(g, { ...spec, startMs: this.w.time }, this.w.time);
  }

  removeConsumer(groupId: string, id: string): void {
    const g = this.group(groupId);
    const m = g && this.member(g, id);
    if (!g || !m || m.status === 'stopped' || m.status === 'pending')
      return this.note(`Ignored: no running consumer ${id} in group ${groupId}`);
    // close(): commits processed positions when auto-commit is on, then leaves the group at once.
    if (m.inGroup && g.spec.enableAutoCommit) this.commitProcessed(g, m, 'auto');
    m.status = 'stopped';
    m.inGroup = false;
    m.assigned = [];
    m.inFlight = null;
    m.token++;
    g.members = g.members.filter((i) => i !== m.idx);
    if (this.w.rec) this.w.emit({ type: 'consumerLeft', group: g.id, consumer: m.id, reason: 'closed (left the group)' });
    this.triggerRebalance(g, `${id} left`);
  }

  crashConsumer(groupId: string, id: string): void {
    const g = this.group(groupId);
    const m = g && this.member(g, id);
    if (!g || !m || (m.status !== 'active' && m.status !== 'idle'))
      return this.note(`Ignored: no running consumer ${id} in group ${groupId}`);
    m.status = 'crashed';
    m.inFlight = null;
    m.token++;
    if (this.w.rec)
      this.w.emit({
        type: 'consumerCrashed',
        group: g.id,
        consumer: m.id,
        reason: 'process died; nothing committed since the last commit',
      });
    this.w.schedule(this.w.time + g.spec.sessionTimeoutMs, T.kSession, m.idx, m.token);
  }

  restartConsumer(groupId: string, id: string): void {
    const g = this.group(groupId);
    const m = g && this.member(g, id);
    if (!g || !m || (m.status !== 'crashed' && m.status !== 'stopped'))
      return this.note(`Ignored: consumer ${id} in group ${groupId} is not crashed or stopped`);
    this.join(m, 'restarted');
  }

  seek(
    groupId: string,
    id: string,
    topic: string,
    partition: number,
    to: 'earliest' | 'latest' | { offset: number } | { timestamp: number },
  ): void {
    const g = this.group(groupId);
    const m = g && this.member(g, id);
    const pname = partitionName(topic, partition);
    if (!g || !m || !m.assigned.includes(pname)) return this.note(`Ignored: consumer ${id} of group ${groupId} does not own ${pname}`);
    const log = this.log(pname)!;
    const from = m.positions.get(pname) ?? log.logStartOffset;
    let target: number;
    let label: string;
    if (to === 'earliest') [target, label] = [log.logStartOffset, 'earliest'];
    else if (to === 'latest') [target, label] = [log.logEndOffset, 'latest'];
    else if ('offset' in to) [target, label] = [to.offset, `offset ${to.offset}`];
    else [target, label] = [log.offsetForTime(to.timestamp), `timestamp ${to.timestamp}`];
    m.positions.set(pname, target);
    if (this.w.rec) this.w.emit({ type: 'seeked', group: g.id, consumer: m.id, topic, partition, from, to: target, target: label });
    if (m.status === 'active' && !m.inFlight && !g.rebalancing) this.schedulePoll(m, this.w.time);
  }

  newGroup(spec: GroupSpec): void {
    if (this.group(spec.id)) return this.note(`Ignored: group "${spec.id}" already exists`);
    this.addGroup(spec, this.w.time);
  }

  addPartitions(topicName: string, total: number): void {
    const ti = this.topicIndex.get(topicName);
    const t = ti === undefined ? undefined : this.topics[ti];
    if (!t || total <= t.partitions.length) return this.note(`Ignored: topic "${topicName}" cannot grow to ${total} partitions`);
    const from = t.partitions.length;
    for (let p = from; p < total; p++) t.partitions.push(new PartitionLog(t.name, p));
    if (this.w.rec) this.w.emit({ type: 'partitionsAdded', topic: t.name, from, to: total });
    for (const g of this.groups)
      if (g.spec.topics.includes(t.name) && g.members.length > 0) this.triggerRebalance(g, `${t.name} grew to ${total} partitions`);
  }

  // ---------- retention and compaction ----------
  private logCheck(t: TopicState, ti: number): void {
    const now = this.w.time;
    for (const log of t.partitions) {
      if (t.spec.cleanupPolicy === 'compact') this.compact(t, log, now);
      else this.retain(t, log, now);
    }
    this.w.schedule(now + t.spec.logCheckIntervalMs, T.kLogCheck, ti, 0);
  }

  private retain(t: TopicState, log: PartitionLog, now: number): void {
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
      if (this.w.rec)
        this.w.emit({
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

  private compact(t: TopicState, log: PartitionLog, now: number): void {
    const end = log.activeSegment.baseOffset; // the active segment is never cleaned
    const latest = new Map<number, number>();
    for (let o = log.logStartOffset; o < end; o++) if (log.isPresent(o) && log.keyId[o]! >= 0) latest.set(log.keyId[o]!, o);
    const removed: number[] = [];
    let tombstones = 0;
    for (let o = log.logStartOffset; o < end; o++) {
      if (!log.isPresent(o)) continue;
      const k = log.keyId[o]!;
      if (k < 0) continue;
      const tomb = (log.flags[o]! & TOMBSTONE) !== 0;
      if (latest.get(k)! > o) removed.push(o);
      else if (tomb && log.timestamp[o]! + t.spec.deleteRetentionMs <= now) removed.push(o);
      else continue;
      if (tomb) tombstones++;
    }
    if (removed.length === 0) return;
    log.markRemoved(removed);
    if (this.w.rec)
      this.w.emit({
        type: 'compacted',
        topic: t.name,
        partition: log.partition,
        removedOffsets: removed,
        tombstonesRemoved: tombstones,
        remaining: log.presentCount(),
      });
  }

  // ---------- clone and view ----------
  clone(w: Ctx): KafkaModel {
    const c = new KafkaModel(w, this.reg);
    c.topics = this.topics.map((t) => ({ ...t, partitions: t.partitions.map((p) => p.clone()) }));
    c.topicIndex = this.topicIndex;
    c.producers = this.producers.map((p) => ({ ...p }));
    c.groups = this.groups.map((g) => ({
      ...g,
      members: [...g.members],
      committed: new Map(g.committed),
      fetchedHigh: new Map(g.fetchedHigh),
      reasons: [...g.reasons],
    }));
    c.members = this.members.map((m) => ({ ...m, assigned: [...m.assigned], positions: new Map(m.positions) }));
    return c;
  }

  view(maxRecords = Infinity): KafkaView {
    const topics: TopicView[] = this.topics.map((t) => ({
      name: t.name,
      cleanupPolicy: t.spec.cleanupPolicy,
      partitions: t.partitions.map((log) => {
        const records: RecordView[] = [];
        // The newest maxRecords present records, oldest first.
        let from = log.logEndOffset;
        for (let n = 0; from > log.logStartOffset && n < maxRecords;) if (log.isPresent(--from)) n++;
        for (let o = from; o < log.logEndOffset; o++) {
          if (!log.isPresent(o)) continue;
          const keyId = log.keyId[o]!;
          const src = this.reg.sources[log.source[o]!]!;
          const seq = log.sourceSeq[o]!;
          const tombstone = (log.flags[o]! & TOMBSTONE) !== 0;
          const messageId = this.messageId(log.source[o]!, seq);
          const key = keyId >= 0 ? this.reg.keys[keyId]! : null;
          records.push({
            offset: o,
            key,
            messageId,
            value: tombstone ? null : src.values ? src.values[seq % src.values.length]! : `v${seq}`,
            tombstone,
            timestamp: log.timestamp[o]!,
            colorKey: key ?? messageId,
          });
        }
        const last = log.segments.length - 1;
        return {
          topic: t.name,
          partition: log.partition,
          name: partitionName(t.name, log.partition),
          logStartOffset: log.logStartOffset,
          logEndOffset: log.logEndOffset,
          records,
          recordCount: t.spec.cleanupPolicy === 'compact' ? log.presentCount() : log.logEndOffset - log.logStartOffset,
          segments: log.segments.map((s, i) => ({
            baseOffset: s.baseOffset,
            lastOffset: s.lastOffset,
            bytes: s.bytes,
            active: i === last,
          })),
        };
      }),
    }));
    const groups: GroupView[] = this.groups.map((g) => {
      const owners = new Map<string, string>();
      const mine = this.members.filter((m) => m.group === g.idx);
      // Show the newest incarnation of each consumer id.
      const latest = mine.filter((m, i) => !mine.slice(i + 1).some((o) => o.id === m.id));
      for (const m of latest) for (const p of m.assigned) owners.set(p, m.id);
      const members: MemberView[] = latest.map((m) => ({
        id: m.id,
        status: m.status === 'pending' ? 'stopped' : m.status, // not started yet
        assigned: [...m.assigned],
        partitions: m.assigned.map((pname) => {
          const log = this.log(pname)!;
          const c = g.committed.get(pname);
          return {
            partition: pname,
            topic: log.topic,
            index: log.partition,
            position: m.positions.get(pname) ?? c ?? log.logStartOffset,
            committedOffset: c ?? null,
            lag: this.lagOf(g, pname),
          };
        }),
        processing: (m.inFlight ?? []).map((b) => ({
          topic: b.topic,
          partition: b.partition,
          fromOffset: b.from,
          toOffset: b.to,
          until: m.processingUntil,
        })),
      }));
      const partitions: GroupView['partitions'] = [];
      let totalLag = 0;
      for (const tn of g.spec.topics) {
        const ti = this.topicIndex.get(tn);
        if (ti === undefined) continue;
        for (const log of this.topics[ti]!.partitions) {
          const pname = partitionName(tn, log.partition);
          const c = g.committed.get(pname);
          const lag = this.lagOf(g, pname);
          totalLag += lag ?? 0;
          partitions.push({
            partition: pname,
            topic: tn,
            index: log.partition,
            committedOffset: c ?? null,
            logEndOffset: log.logEndOffset,
            lag,
            owner: owners.get(pname) ?? null,
          });
        }
      }
      return {
        id: g.id,
        topics: [...g.spec.topics],
        strategy: g.spec.strategy,
        generation: g.generation,
        rebalancing: g.rebalancing,
        enableAutoCommit: g.spec.enableAutoCommit,
        autoOffsetReset: g.spec.autoOffsetReset,
        members,
        partitions,
        totalLag,
      };
    });
    return { topics, groups };
  }

  groupLag(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const g of this.groups) {
      let lag = 0;
      for (const [pname] of g.committed) lag += this.lagOf(g, pname) ?? 0;
      out[g.id] = lag;
    }
    return out;
  }
}
