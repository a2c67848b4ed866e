// Replication inside a partition (Kafka 4.x, KRaft): followers pull from the leader, the leader keeps
// the high watermark and the in-sync replicas (ISR), a returning replica truncates to its leader's
// log. Sources (apache/kafka 4.4): core/.../cluster/Partition.scala (maybeIncrementLeaderHW,
// maybeShrinkIsr, maybeExpandIsr, isFollowerInSync), server/.../replica/Replica.java
// (updateFetchStateOrThrow: lastCaughtUpTimeMs), ReplicaFetcherThread / AbstractFetcherThread
// (the follower's fetch loop, truncation on a diverging epoch), LeaderEpochFileCache.
import { Work } from '../core/context';
import type { ReplicaRange } from '../core/events';
import { PartitionLog } from './log';
import { acknowledgedAt, commitRange } from './producer';
import { Fetch, KafkaTask, NO_LEADER, type KafkaState, type PartState, type Replica, type TopicState } from './state';

/**
 * Partition p's replicas: the topic's replicaAssignment, else brokers p+1, p+2, … round the cluster
 * (Kafka starts each topic at a random broker; the simulator at broker 1, so scenarios read the same
 * every time). The first is the preferred leader.
 */
function placement(k: KafkaState, t: TopicState, p: number): number[] {
  const given = t.spec.replicaAssignment?.[p];
  if (given) return [...given];
  const n = k.cluster.brokers.length;
  return Array.from({ length: t.spec.replicationFactor }, (_, i) => ((p + i) % n) + 1);
}

/** Creates partition p of a topic: its replicas (all in sync, empty), led by the preferred replica. */
export function createPartition(k: KafkaState, t: TopicState, p: number): void {
  const ps: PartState = {
    idx: k.parts.length,
    topic: k.topicIndex.get(t.name)!,
    partition: p,
    name: `${t.name}-${p}`,
    replicas: [],
    leader: NO_LEADER,
    lastLeader: NO_LEADER,
    epoch: 0,
    isr: [],
    counted: 0,
  };
  for (const broker of placement(k, t, p)) {
    const r: Replica = {
      idx: k.replicas.length,
      broker,
      part: ps.idx,
      log: new PartitionLog(t.name, p),
      fetch: Fetch.idle,
      token: 0,
      respondFrom: 0,
      respondTo: 0,
      respondHw: 0,
      remoteLeo: 0,
      lastCaughtUpMs: k.w.time,
      lastFetchMs: k.w.time,
      lastFetchLeaderLeo: 0,
    };
    r.log.beginEpoch(0);
    k.replicas.push(r);
    ps.replicas.push(r.idx);
  }
  // The first live replica leads (at creation every broker is usually up).
  const first = ps.replicas.find((i) => k.broker(k.replicas[i]!.broker).alive) ?? ps.replicas[0]!;
  ps.leader = ps.lastLeader = first;
  ps.isr = [...ps.replicas];
  k.parts.push(ps);
  k.partIndex.set(ps.name, ps.idx);
  t.parts.push(ps.idx);
  t.partitions.push(k.replicas[first]!.log);
  if (ps.replicas.length > 1) k.cluster.replicated = true;
}

/** Followers of a partition start fetching from its leader (at creation, after an election). */
export function startFollowers(k: KafkaState, ps: PartState): void {
  for (const i of ps.replicas) if (i !== ps.leader) startFollowing(k, ps, k.replicas[i]!);
}

/** min.insync.replicas, capped at the replica count (Partition.effectiveMinIsr). */
export function effectiveMinIsr(k: KafkaState, ps: PartState): number {
  return Math.min(k.topics[ps.topic]!.spec.minInsyncReplicas, ps.replicas.length);
}

export function isrBrokers(k: KafkaState, ps: PartState): number[] {
  return ps.isr.map((i) => k.replicas[i]!.broker);
}

/** The leader appended: a follower parked on a long-poll fetch is answered now; the high watermark may move (ISR of one). */
export function leaderAppended(k: KafkaState, ps: PartState, leader: Replica): void {
  const reps = ps.replicas;
  for (let i = 0; i < reps.length; i++) {
    const r = k.replicas[reps[i]!]!;
    if (r.fetch === Fetch.parked) {
      r.fetch = Fetch.responding;
      k.schedule(k.w.time, KafkaTask.fetchRespond, r.idx, r.token);
    }
  }
  maybeAdvanceHw(k, ps, leader);
}

/**
 * The leader a fetch task of this follower talks to, or null when the task is stale (its token or state
 * moved on) or there is no leader any more. A response already on the wire still arrives after its
 * leader died; a leader that is down answers nothing new.
 */
function fetchLeader(k: KafkaState, r: Replica, token: number, state: Fetch): Replica | null {
  if (r.token !== token || r.fetch !== state) return null;
  const ps = k.parts[r.part]!;
  const leader = state === Fetch.inflight ? k.leader(ps) : k.reachable(ps);
  if (!leader) r.fetch = Fetch.idle;
  return leader;
}

/** The leader answers a follower's fetch: records from its fetch offset to the leader's log-end offset, and the high watermark. */
export function respond(k: KafkaState, r: Replica, token: number): void {
  const leader = fetchLeader(k, r, token, Fetch.responding);
  if (!leader) return;
  r.respondFrom = r.log.logEndOffset;
  r.respondTo = leader.log.logEndOffset;
  r.respondHw = leader.log.highWatermark;
  r.fetch = Fetch.inflight;
  k.schedule(k.w.time + k.cluster.spec.networkDelayMs, KafkaTask.fetchArrive, r.idx, r.token);
}

/** The response reaches the follower: it appends the records, takes min(leader's HW, its LEO), and fetches again at once. */
export function arrive(k: KafkaState, r: Replica, token: number): void {
  const leader = fetchLeader(k, r, token, Fetch.inflight);
  if (!leader) return;
  const ps = k.parts[r.part]!;
  const t = k.topics[ps.topic]!;
  const from = r.log.logEndOffset;
  const to = Math.min(r.respondTo, leader.log.logEndOffset);
  if (from === r.respondFrom && to > from) {
    k.w.charge(Work.fetch, to - from);
    r.log.copyFrom(leader.log, from, to, t.spec);
    if (k.w.rec && k.cluster.on)
      k.w.emit({ type: 'replicated', ...replicaRange(k, ps, r, leader, from, to), logEndOffset: r.log.logEndOffset });
  }
  r.log.highWatermark = Math.max(r.log.highWatermark, Math.min(r.respondHw, r.log.logEndOffset));
  sendFetch(k, ps, r);
}

/**
 * A follower's fetch reaches the leader (no request delay is modelled): the leader records the
 * follower's log-end offset and when it was last caught up, may add it to the ISR and move the high
 * watermark, then answers at once if it has more, or parks the fetch until it does (long poll).
 */
function sendFetch(k: KafkaState, ps: PartState, r: Replica): void {
  const leader = k.reachable(ps);
  const me = k.broker(r.broker);
  if (!leader || leader === r || !me.alive || me.fenced || !me.fetching) {
    r.fetch = Fetch.idle;
    return;
  }
  const now = k.w.time;
  const fetchOffset = r.log.logEndOffset;
  const leaderLeo = leader.log.logEndOffset;
  // Replica.updateFetchStateOrThrow: caught up now, or caught up to what the leader had at the previous fetch.
  if (fetchOffset >= leaderLeo) r.lastCaughtUpMs = Math.max(r.lastCaughtUpMs, now);
  else if (fetchOffset >= r.lastFetchLeaderLeo) r.lastCaughtUpMs = Math.max(r.lastCaughtUpMs, r.lastFetchMs);
  r.lastFetchLeaderLeo = leaderLeo;
  r.lastFetchMs = now;
  r.remoteLeo = fetchOffset;
  maybeExpandIsr(k, ps, leader, r);
  maybeAdvanceHw(k, ps, leader);
  if (leaderLeo > fetchOffset) {
    r.fetch = Fetch.responding;
    k.schedule(now, KafkaTask.fetchRespond, r.idx, r.token);
  } else r.fetch = Fetch.parked;
}

/**
 * Partition.maybeIncrementLeaderHW: the high watermark is the lowest log-end offset over the ISR; it only
 * moves forward, and since Kafka 3.7 not at all while the ISR is smaller than min.insync.replicas
 * (KAFKA-15583). Records it passes are committed: consumers may read them, acks=all answers.
 */
export function maybeAdvanceHw(k: KafkaState, ps: PartState, leader: Replica): void {
  const isr = ps.isr;
  if (isr.length < effectiveMinIsr(k, ps)) return;
  let hw = leader.log.logEndOffset;
  for (let i = 0; i < isr.length; i++) {
    const r = k.replicas[isr[i]!]!;
    if (r !== leader && r.remoteLeo < hw) hw = r.remoteLeo;
  }
  const previous = leader.log.highWatermark;
  if (hw <= previous) return;
  leader.log.highWatermark = hw;
  commitRange(k, ps, leader, hw);
  if (k.w.rec && k.cluster.on && ps.replicas.length > 1) {
    const t = k.topics[ps.topic]!;
    k.w.emit({ type: 'hwAdvanced', topic: t.name, partition: ps.partition, leader: leader.broker, highWatermark: hw, previous });
  }
}

/**
 * Partition.maybeExpandIsr / isFollowerInSync: a follower outside the ISR rejoins once it has reached
 * the high watermark and the start of the leader's current epoch (and its broker is not fenced).
 */
function maybeExpandIsr(k: KafkaState, ps: PartState, leader: Replica, r: Replica): void {
  if (ps.isr.includes(r.idx)) return;
  const b = k.broker(r.broker);
  const epochStart = leader.log.epochs[leader.log.epochs.length - 1] ?? 0;
  if (!b.alive || b.fenced || r.remoteLeo < leader.log.highWatermark || r.remoteLeo < epochStart) return;
  ps.isr = ps.replicas.filter((i) => i === r.idx || ps.isr.includes(i));
  // The AlterPartition that adds it also makes the leader count it as caught up from now.
  r.lastCaughtUpMs = k.w.time;
  isrChanged(k, ps, 'isrExpanded', r.broker, {});
}

/** Takes a replica out of the ISR (the leader for a lagging follower, the controller for a fenced broker). */
export function leaveIsr(k: KafkaState, ps: PartState, r: Replica, why: { reason: 'lagging' | 'fenced'; lagMs?: number }): void {
  ps.isr = ps.isr.filter((x) => x !== r.idx);
  isrChanged(k, ps, 'isrShrunk', r.broker, {
    ...why,
    ...(why.reason === 'lagging' && { replicaLagTimeMaxMs: k.cluster.spec.replicaLagTimeMaxMs }),
  });
}

function isrChanged(
  k: KafkaState,
  ps: PartState,
  type: 'isrShrunk' | 'isrExpanded',
  broker: number,
  extra: { reason?: 'lagging' | 'fenced'; lagMs?: number; replicaLagTimeMaxMs?: number },
): void {
  if (!k.w.rec) return;
  const t = k.topics[ps.topic]!;
  k.w.emit({
    type,
    topic: t.name,
    partition: ps.partition,
    broker,
    isr: isrBrokers(k, ps),
    ...extra,
    minInsyncReplicas: t.spec.minInsyncReplicas,
  });
}

/**
 * The leader's ISR check (ReplicaManager "isr-expiration", every replica.lag.time.max.ms / 2): a
 * follower that has not been caught up for replica.lag.time.max.ms leaves the ISR (Partition.maybeShrinkIsr,
 * ReplicaState.isCaughtUp: its log-end offset equals the leader's, or it was caught up recently).
 */
export function isrCheck(k: KafkaState): void {
  const now = k.w.time;
  const lagMax = k.cluster.spec.replicaLagTimeMaxMs;
  for (const ps of k.parts) {
    const leader = k.reachable(ps);
    if (!leader || ps.isr.length < 2) continue;
    let shrunk = false;
    for (const i of [...ps.isr]) {
      const r = k.replicas[i]!;
      if (r === leader) continue;
      const lag = now - r.lastCaughtUpMs;
      if (r.remoteLeo >= leader.log.logEndOffset || lag <= lagMax) continue;
      leaveIsr(k, ps, r, { reason: 'lagging', lagMs: lag });
      shrunk = true;
    }
    if (shrunk) maybeAdvanceHw(k, ps, leader);
  }
  k.schedule(now + Math.max(1, Math.floor(lagMax / 2)), KafkaTask.isrCheck, 0, 0);
}

function replicaRange(k: KafkaState, ps: PartState, r: Replica, leader: Replica, fromOffset: number, toOffset: number): ReplicaRange {
  return { topic: k.topics[ps.topic]!.name, partition: ps.partition, broker: r.broker, leader: leader.broker, fromOffset, toOffset };
}

/**
 * Where two replicas' logs stop agreeing: the first offset whose leader epoch differs (records with the
 * same offset and epoch were written by the same leader, so they are the same record), or the shorter
 * log's end. What AbstractFetcherThread reaches with the leader's end offset for each epoch (KIP-279).
 */
export function divergence(a: PartitionLog, b: PartitionLog): number {
  const end = Math.min(a.logEndOffset, b.logEndOffset);
  const starts = new Set<number>([0]);
  for (const log of [a, b]) for (let i = 1; i < log.epochs.length; i += 2) if (log.epochs[i]! < end) starts.add(log.epochs[i]!);
  for (const s of [...starts].sort((x, y) => x - y)) if (a.epochAt(s) !== b.epochAt(s)) return s;
  return end;
}

/**
 * A replica (re)starts following the current leader: first it cuts its log back to where it last
 * agreed with the leader's (a returning ex-leader loses what it alone had: records acknowledged with
 * acks=1 and never replicated are gone), then it fetches.
 */
export function startFollowing(k: KafkaState, ps: PartState, r: Replica): void {
  r.token++;
  r.fetch = Fetch.idle;
  const leader = k.reachable(ps);
  const b = k.broker(r.broker);
  if (!leader || leader === r || !b.alive || b.fenced) return;
  const at = divergence(r.log, leader.log);
  if (at < r.log.logEndOffset) truncate(k, ps, r, leader, at);
  if (b.fetching) sendFetch(k, ps, r);
}

function truncate(k: KafkaState, ps: PartState, r: Replica, leader: Replica, at: number): void {
  const log = r.log;
  const messageIds: string[] = [];
  const acknowledged: string[] = [];
  const acks = new Set<'0' | '1' | 'all'>();
  if (k.w.rec)
    for (let o = at; o < log.logEndOffset; o++) {
      const src = log.source[o]!;
      const seq = log.sourceSeq[o]!;
      const id = k.reg.messageId(src, seq);
      messageIds.push(id);
      const pr = k.producers[k.sourceProducer[src] ?? -1];
      if (pr && acknowledgedAt(pr, seq, ps.partition, o)) {
        acknowledged.push(id);
        acks.add(String(pr.acks) as '0' | '1' | 'all');
      }
    }
  const from = at;
  const to = log.logEndOffset;
  k.w.charge(Work.clean, to - from);
  log.truncateTo(at);
  if (k.w.rec && k.cluster.on)
    k.w.emit({ type: 'logTruncated', ...replicaRange(k, ps, r, leader, from, to), messageIds, acknowledged, acks: [...acks] });
}
