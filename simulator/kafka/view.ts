// What the Kafka side looks like now, as plain data to render: topics (records, segments, offsets)
// and groups (members, positions, committed offsets, lag).
import type {
  ClusterView,
  GroupView,
  KafkaView,
  MemberView,
  PartitionView,
  RecordView,
  ReplicationView,
  ShareGroupView,
  ShareRecordState,
  TopicView,
} from '../core/snapshot';
import { nameTable } from '../core/table';
import { partitionName } from './assignors';
import { HEADERS_ONLY, TOMBSTONE, type PartitionLog } from './log';
import { stopsTheWorld } from './group-coordinator';
import { ledgerIds, Rec } from './producer';
import { NO_KEY } from './registry';
import { divergence, effectiveMinIsr } from './replication';
import { shareRecord } from './share-group';
import {
  Fetch,
  ShareRec,
  type GroupState,
  type KafkaState,
  type MemberState,
  type PartState,
  type ShareGroupState,
  type TopicState,
} from './state';

/** The newest `maxRecords` present records of a log, oldest first. */
function recordsView(k: KafkaState, log: PartitionLog, maxRecords: number): RecordView[] {
  const records: RecordView[] = [];
  let from = log.logEndOffset;
  for (let n = 0; from > log.logStartOffset && n < maxRecords;) if (log.isPresent(--from)) n++;
  for (let o = from; o < log.logEndOffset; o++) {
    if (!log.isPresent(o)) continue;
    const keyId = log.keyId[o]!;
    const src = k.reg.sources[log.source[o]!]!;
    const seq = log.sourceSeq[o]!;
    const tombstone = (log.flags[o]! & TOMBSTONE) !== 0;
    const headersOnly = (log.flags[o]! & HEADERS_ONLY) !== 0;
    const messageId = k.reg.messageId(log.source[o]!, seq);
    const key = keyId === NO_KEY ? null : k.reg.keys[keyId]!;
    records.push({
      offset: o,
      key,
      messageId,
      value: tombstone || headersOnly ? null : src.values ? src.values[seq % src.values.length]! : `v${seq}`,
      tombstone,
      timestamp: log.timestamp[o]!,
      colorKey: key ?? messageId,
    });
  }
  return records;
}

function replicationView(k: KafkaState, ps: PartState): ReplicationView {
  const t = k.topics[ps.topic]!;
  const leader = k.leader(ps);
  const shown = leader ?? k.replicas[ps.lastLeader]!;
  const now = k.w.time;
  return {
    leader: leader?.broker ?? null,
    leaderEpoch: ps.epoch,
    isr: ps.isr.map((i) => k.replicas[i]!.broker),
    highWatermark: shown.log.highWatermark,
    minInsyncReplicas: t.spec.minInsyncReplicas,
    underMinIsr: ps.isr.length < effectiveMinIsr(k, ps),
    leaderUnreachable: leader !== null && !k.broker(leader.broker).alive,
    uncleanLeaderElection: t.spec.uncleanLeaderElection,
    replicas: ps.replicas.map((i) => {
      const r = k.replicas[i]!;
      const b = k.broker(r.broker);
      const isLeader = r === leader;
      const caughtUp = isLeader || r.fetch === Fetch.parked || (leader !== null && r.log.logEndOffset >= leader.log.logEndOffset);
      const agreed = isLeader ? r.log.logEndOffset : divergence(r.log, shown.log);
      return {
        broker: r.broker,
        role: isLeader ? 'leader' : 'follower',
        inIsr: ps.isr.includes(i),
        alive: b.alive,
        fetching: b.fetching,
        logEndOffset: r.log.logEndOffset,
        highWatermark: r.log.highWatermark,
        lagMs: caughtUp ? 0 : Math.max(0, now - r.lastCaughtUpMs),
        divergentFrom: agreed < r.log.logEndOffset ? agreed : null,
      };
    }),
  };
}

function partitionView(k: KafkaState, t: TopicState, log: PartitionLog, maxRecords: number): PartitionView {
  const last = log.segments.length - 1;
  const ps = k.parts[t.parts[log.partition]!]!;
  return {
    topic: t.name,
    partition: log.partition,
    name: partitionName(t.name, log.partition),
    logStartOffset: log.logStartOffset,
    logEndOffset: log.logEndOffset,
    records: recordsView(k, log, maxRecords),
    recordCount: t.spec.cleanupPolicy === 'compact' ? log.presentCount() : log.logEndOffset - log.logStartOffset,
    segments: log.segments.map((s, i) => ({ baseOffset: s.baseOffset, lastOffset: s.lastOffset, bytes: s.bytes, active: i === last })),
    ...(k.cluster.on && { replication: replicationView(k, ps) }),
  };
}

function clusterView(k: KafkaState): ClusterView {
  return {
    brokers: k.cluster.brokers.map((b) => ({
      id: b.id,
      status: b.alive ? 'up' : b.fenced ? 'fenced' : 'down',
      diedAt: b.diedAt,
      fetching: b.fetching,
      leads: k.parts.filter((ps) => k.leader(ps)?.broker === b.id).map((ps) => ps.name),
    })),
    ledger: k.producers.map((pr) => ({
      producer: pr.id,
      topic: k.topics[pr.topic]!.name,
      acks: String(pr.acks) as '0' | '1' | 'all',
      idempotent: pr.idempotent,
      sent: pr.produced,
      acknowledged: pr.acked,
      failed: pr.failed,
      pending: pr.produced - pr.acked - pr.failed,
      acknowledgedButLost: pr.lost,
      duplicatesDelivered: pr.duplicates,
      lostMessageIds: pr.lost > 0 ? ledgerIds(k, pr, Rec.lost, 1) : [],
      duplicateMessageIds: pr.duplicates > 0 ? ledgerIds(k, pr, Rec.copies, 2) : [],
    })),
    brokerSessionTimeoutMs: k.cluster.spec.brokerSessionTimeoutMs,
    replicaLagTimeMaxMs: k.cluster.spec.replicaLagTimeMaxMs,
  };
}

function memberView(k: KafkaState, g: GroupState, m: MemberState): MemberView {
  return {
    id: m.id,
    status: m.status === 'pending' ? 'stopped' : m.status, // not started yet
    ...(g.spec.groupProtocol === 'consumer' && { memberEpoch: m.memberEpoch }),
    assigned: [...m.assigned],
    partitions: m.assigned.map((pname) => {
      const log = k.log(pname)!;
      const c = g.committed.get(pname);
      return {
        partition: pname,
        topic: log.topic,
        index: log.partition,
        position: m.positions.get(pname) ?? c ?? log.logStartOffset,
        committedOffset: c ?? null,
        lag: k.lagOf(g, pname),
      };
    }),
    processing: (m.inFlight ?? []).map((b) => ({
      topic: b.topic,
      partition: b.partition,
      fromOffset: b.from,
      toOffset: b.to,
      until: m.processingUntil,
    })),
  };
}

function rebalanceStats(k: KafkaState, g: GroupState): GroupView['rebalanceStats'] {
  const now = k.w.time;
  const running = g.rebalanceStartedAt >= 0;
  // Time still running: the rebalance in progress and the partitions paused now.
  const total = {
    ...g.stats,
    rebalancingMs: g.stats.rebalancingMs + (running ? now - g.rebalanceStartedAt : 0),
    pausedPartitionMs: [...g.pausedSince.values()].reduce((n, since) => n + now - since, g.stats.pausedPartitionMs),
  };
  const start = g.statsAtStart;
  return {
    ...total,
    latest:
      g.stats.rebalances === 0
        ? null
        : {
            startedAt: running ? g.rebalanceStartedAt : g.latestStartedAt,
            inProgress: running,
            pausedPartitionMs: total.pausedPartitionMs - start.pausedPartitionMs,
            processedDuringRebalance: total.processedDuringRebalance - start.processedDuringRebalance,
            rebalancingMs: total.rebalancingMs - start.rebalancingMs,
          },
  };
}

function groupView(k: KafkaState, g: GroupState, compare: boolean): GroupView {
  const owners = new Map<string, string>();
  const mine = k.members.filter((m) => m.group === g.idx);
  // Show the newest incarnation of each consumer id.
  const latest = mine.filter((m, i) => !mine.slice(i + 1).some((o) => o.id === m.id));
  for (const m of latest) for (const p of m.assigned) owners.set(p, m.id);
  const partitions: GroupView['partitions'] = [];
  let totalLag = 0;
  for (const tn of g.spec.topics) {
    for (const log of k.topic(tn)?.partitions ?? []) {
      const pname = partitionName(tn, log.partition);
      const lag = k.lagOf(g, pname);
      totalLag += lag ?? 0;
      const committedOffset = g.committed.get(pname) ?? null;
      partitions.push({
        partition: pname,
        topic: tn,
        index: log.partition,
        committedOffset,
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
    members: latest.map((m) => memberView(k, g, m)),
    partitions,
    totalLag,
    ...(g.spec.groupProtocol === 'consumer' && {
      groupProtocol: 'consumer' as const,
      groupRemoteAssignor: g.spec.groupRemoteAssignor,
      groupEpoch: g.groupEpoch,
    }),
    ...(compare && { rebalanceStats: rebalanceStats(k, g) }),
  };
}

const SHARE_STATES: ShareRecordState[] = ['available', 'available', 'acquired', 'acknowledged', 'archived'];

function shareGroupView(k: KafkaState, g: ShareGroupState, maxRecords: number): ShareGroupView {
  const members = k.shareMembers.filter((m) => m.group === g.idx);
  const latest = members.filter((m, i) => !members.slice(i + 1).some((o) => o.id === m.id));
  const partitions: ShareGroupView['partitions'] = [];
  for (const pname of g.spec.topics.flatMap((t) => (k.topic(t)?.partitions ?? []).map((log) => partitionName(t, log.partition)))) {
    const log = k.log(pname)!;
    const i = g.parts.get(pname);
    const sp = i === undefined ? null : k.shareParts[i]!;
    const records: ShareGroupView['partitions'][number]['records'] = [];
    if (sp)
      for (let o = sp.spso; o < sp.speo && records.length < maxRecords; o++) {
        const r = shareRecord(sp, o);
        if (r.state === ShareRec.outside) continue;
        const keyId = log.keyId[o]!;
        records.push({
          offset: o,
          messageId: k.reg.messageId(log.source[o]!, log.sourceSeq[o]!),
          key: keyId === NO_KEY ? null : k.reg.keys[keyId]!,
          state: SHARE_STATES[r.state]!,
          owner: r.state === ShareRec.acquired ? k.shareMembers[r.owner]!.id : null,
          deliveryCount: r.count,
          lockUntil: r.state === ShareRec.acquired ? r.lockUntil : null,
        });
      }
    partitions.push({
      topic: log.topic,
      partition: log.partition,
      name: pname,
      spso: sp?.spso ?? log.highWatermark,
      speo: sp?.speo ?? log.highWatermark,
      highWatermark: log.highWatermark,
      records,
      inFlight: sp ? sp.speo - sp.spso : 0,
      windowFull: sp !== null && sp.speo - sp.spso >= g.spec.sharePartitionMaxRecordLocks,
      acknowledged: sp?.acknowledged ?? 0,
      archived: sp?.archived ?? 0,
      initialized: sp !== null,
    });
  }
  return {
    id: g.id,
    topics: [...g.spec.topics],
    groupEpoch: g.groupEpoch,
    lockDurationMs: g.spec.shareRecordLockDurationMs,
    deliveryCountLimit: g.spec.shareDeliveryCountLimit,
    maxRecordLocks: g.spec.sharePartitionMaxRecordLocks,
    autoOffsetReset: g.spec.shareAutoOffsetReset,
    deadLetterTopic: g.spec.errorsDeadletterqueueTopicName ?? null,
    members: latest.map((m) => ({
      id: m.id,
      status: m.status === 'pending' ? 'stopped' : m.status,
      assigned: [...m.assigned],
      ackMode: m.spec.shareAcknowledgementMode,
      processing: (m.inFlight ?? []).map((b) => {
        const log = k.log(k.shareParts[b.sp]!.pname)!;
        return { topic: log.topic, partition: log.partition, offsets: [...b.offsets], until: m.processingUntil };
      }),
    })),
    partitions,
  };
}

export function kafkaView(k: KafkaState, maxRecords: number): KafkaView {
  const compareRebalances = k.groups.some((g) => !stopsTheWorld(g));
  const topics: TopicView[] = k.topics.map((t) => ({
    name: t.name,
    cleanupPolicy: t.spec.cleanupPolicy,
    partitions: t.partitions.map((log) => partitionView(k, t, log, maxRecords)),
  }));
  return {
    topics,
    groups: k.groups.map((g) => groupView(k, g, compareRebalances)),
    ...(k.cluster.on && { cluster: clusterView(k) }),
    ...(k.shareGroups.length > 0 && { shareGroups: k.shareGroups.map((g) => shareGroupView(k, g, maxRecords)) }),
  };
}

/** Total lag per group, over the partitions it has committed. */
export function groupLag(k: KafkaState): Record<string, number> {
  const out = nameTable<number>();
  for (const g of k.groups) {
    let lag = 0;
    for (const [pname] of g.committed) lag += k.lagOf(g, pname) ?? 0;
    out[g.id] = lag;
  }
  return out;
}
