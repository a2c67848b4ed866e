// The Kafka side's state: topics of partition logs, producers, consumer groups and their members,
// with the lookups every rule file needs. Rules live in the files named after them (producer.ts,
// group-coordinator.ts, consumer.ts, log-cleaner.ts); broker.ts is the entry the world calls.
import { BrokerState } from '../core/broker';
import type { ChunkedInts } from '../core/chunked';
import { Owner, type Ctx } from '../core/context';
import { nameTableOf } from '../core/table';
import type { GroupSpec, KafkaConsumerSpec, Scenario, ShareConsumerSpec, ShareGroupSpec, TopicSpec } from '../schema';
import { parsePartitionName } from './assignors';
import type { PartitionLog } from './log';
import type { Partitioner } from './partitioner';
import type { KafkaRegistry } from './registry';

/** The Kafka side's own task kinds on the agenda. */
export const KafkaTask = {
  produce: 0,
  poll: 1,
  processed: 2,
  rebalance: 3,
  sessionTimeout: 4,
  memberStart: 5,
  logCheck: 6,
  brokerFenced: 7,
  isrCheck: 8,
  fetchRespond: 9,
  fetchArrive: 10,
  produceRetry: 11,
  produceTimeout: 12,
  preferredLeader: 13,
  shareLockExpiry: 14,
  shareStart: 15,
  sharePoll: 16,
  shareProcessed: 17,
  shareHeartbeat: 18,
  shareRenew: 19,
  shareSessionTimeout: 20,
  heartbeat: 21,
} as const;
export type KafkaTask = (typeof KafkaTask)[keyof typeof KafkaTask];

export interface TopicState {
  spec: TopicSpec;
  name: string;
  /** Each partition's log as its current leader has it (the last leader's while it is offline): what clients see. */
  partitions: PartitionLog[];
  /** Index in KafkaState.parts of each partition's replication state. */
  parts: number[];
}

/** A follower's fetch: not fetching, parked at the leader (long poll, nothing new), answered (the response is about to leave), on the wire. */
export const Fetch = { idle: 0, parked: 1, responding: 2, inflight: 3 } as const;
export type Fetch = (typeof Fetch)[keyof typeof Fetch];

/** One replica of a partition on one broker: its own log, and what its leader knows of it. */
export interface Replica {
  idx: number;
  broker: number;
  part: number;
  log: PartitionLog;
  fetch: Fetch;
  /** Only the fetch task carrying the current token runs: an election, a death or a pause cancels the rest. */
  token: number;
  /** The response on the wire: records [from, to) and the leader's high watermark. */
  respondFrom: number;
  respondTo: number;
  respondHw: number;
  /** The leader's view of this follower (Replica.java): its log-end offset as of its last fetch (-1 unknown). */
  remoteLeo: number;
  lastCaughtUpMs: number;
  lastFetchMs: number;
  lastFetchLeaderLeo: number;
}

/** A partition's replicas, leader and in-sync replicas, as the controller and the leader keep them. */
export interface PartState {
  idx: number;
  topic: number;
  partition: number;
  name: string;
  /** Replica indexes in assignment order: the first is the preferred leader. */
  replicas: number[];
  /** The leader's replica index, or NO_LEADER (offline). */
  leader: number;
  /** The replica that led last (the log clients saw before the partition went offline). */
  lastLeader: number;
  epoch: number;
  /** In-sync replica indexes, in assignment order. */
  isr: number[];
  /** Offsets of the leader's log already counted as committed in the producers' ledgers. */
  counted: number;
}

export const NO_LEADER = -1;

export interface BrokerNode {
  id: number;
  alive: boolean;
  /** The controller fenced it (no heartbeat for brokerSessionTimeoutMs): it leads nothing and is in no ISR. */
  fenced: boolean;
  diedAt: number | null;
  /** Its replica fetcher runs (kafka.pauseFetching stops it). */
  fetching: boolean;
  token: number;
}

export interface ClusterState {
  spec: NonNullable<Scenario['kafka']>;
  brokers: BrokerNode[];
  /** The cluster view and cluster events are on: the scenario declares brokers, or a broker intervention happened. */
  on: boolean;
  /** Some partition has followers: ISR checks and preferred-leader checks run. */
  replicated: boolean;
  /** Those checks are on the agenda. */
  checks: boolean;
}

export interface ProducerState {
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
  /** The sticky partition for records without a partition of their own (NONE before the first). */
  sticky: number;
  stickyLeft: number;
  acks: 0 | 1 | 'all';
  idempotent: boolean;
  retries: number;
  deliveryTimeoutMs: number;
  requestTimeoutMs: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  /** Per record (by sequence number): the fields of Rec in producer.ts. */
  recs: ChunkedInts;
  acked: number;
  failed: number;
  lost: number;
  duplicates: number;
  /** Records waiting to be sent again (no reachable leader, or a retriable error), oldest first. */
  waiting: number[];
  /** acks=all records appended and waiting for the in-sync replicas: pairs [seq, since], oldest first from inflightHead. */
  inflight: number[];
  inflightHead: number;
  backoffMs: number;
  retryToken: number;
  retryAt: number;
  timeoutToken: number;
  timeoutAt: number;
}

/** Records of one partition handed to a consumer by one poll. */
export interface Batch {
  pname: string;
  topic: string;
  partition: number;
  from: number;
  to: number;
  count: number;
}

export interface RebalanceStats {
  rebalances: number;
  pausedPartitionMs: number;
  processedDuringRebalance: number;
  rebalancingMs: number;
}

export type MemberStatus = 'active' | 'idle' | 'crashed' | 'stopped' | 'pending';

export interface MemberState {
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
  /** Which assigned partition a poll starts from (round-robin across polls). */
  rr: number;
  /** Cooperative rebalance: the member has rejoined (from poll()) since the rebalance began. */
  rejoined: boolean;
  /**
   * Cluster model: per partition, the leader epoch of the last record it fetched and the partition's
   * leader epoch when it last checked its position (KIP-320 validation after a leader change).
   */
  fetchEpochs: Map<string, { record: number; validated: number }>;
  /** An assignment it takes on at its next poll() (it was processing a batch when the rebalance ended or the coordinator asked). */
  pending: string[] | null;
  /** Consumer protocol: its member epoch and its heartbeat task. */
  memberEpoch: number;
  heartbeatToken: number;
}

export interface GroupState {
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
  /** Cooperative: the rebalance is due and waits for members to rejoin from poll(). */
  rebalanceDue: boolean;
  reasons: string[];
  /** Consumer protocol (KIP-848): the group epoch and the target assignment the broker computed. */
  groupEpoch: number;
  target: Record<string, string[]>;
  /** What rebalances cost: see RebalanceStatsView. */
  stats: RebalanceStats;
  /** The figures when the latest rebalance began (what it cost is the difference). */
  statsAtStart: RebalanceStats;
  rebalanceStartedAt: number;
  latestStartedAt: number;
  /** Partitions nobody fetches because of a rebalance, since when. */
  pausedSince: Map<string, number>;
}

/** A record's state in a share-partition (RecordState.java; ARCHIVING is instantaneous here). */
export const ShareRec = { outside: 0, available: 1, acquired: 2, acknowledged: 3, archived: 4 } as const;

/** One topic-partition as one share group sees it (SharePartition.java), kept by the partition's leader. */
export interface SharePartState {
  idx: number;
  group: number;
  pname: string;
  initialized: boolean;
  /** Share-partition start offset: every offset below is acknowledged or archived. */
  spso: number;
  /** Share-partition end offset, exclusive: the next offset never yet acquired. */
  speo: number;
  /** Per offset: the fields of SR in share-group.ts. */
  recs: ChunkedInts;
  /** Acquisition id → [first, last] offsets it acquired, until its lock expires. */
  acquisitions: Map<number, [number, number]>;
  nextAcquisition: number;
  acknowledged: number;
  archived: number;
}

export interface ShareMemberState {
  idx: number;
  group: number;
  id: string;
  spec: ShareConsumerSpec;
  status: MemberStatus;
  inGroup: boolean;
  assigned: string[];
  /** What the last poll acquired and the consumer is processing: per share-partition, its offsets and acquisition. */
  inFlight: { sp: number; offsets: number[]; acquisition: number }[] | null;
  processingUntil: number;
  token: number;
  heartbeatToken: number;
  rr: number;
  /** Records received so far (fail.every counts them). */
  received: number;
}

export interface ShareGroupState {
  idx: number;
  id: string;
  spec: ShareGroupSpec;
  groupEpoch: number;
  members: number[];
  /** The simple assignor's target: member id → partitions (several members may share one). */
  target: Record<string, string[]>;
  /** Share-partitions by partition name (created when a member first fetches it). */
  parts: Map<string, number>;
}

/** No partition chosen yet (a producer's sticky partition before its first keyless record). */
export const NONE = -1;

export class KafkaState extends BrokerState<KafkaTask> {
  topics: TopicState[] = [];
  topicIndex = new Map<string, number>();
  producers: ProducerState[] = [];
  groups: GroupState[] = [];
  members: MemberState[] = [];
  /** Replication state of every partition and replica, in creation order. */
  parts: PartState[] = [];
  replicas: Replica[] = [];
  /** Record source (registry) → producer index (undefined for seeded records). */
  sourceProducer: number[] = [];
  /** `topic-N` → index in parts (grows with the topics; shared by clones, like topicIndex). */
  partIndex = new Map<string, number>();
  shareGroups: ShareGroupState[] = [];
  shareMembers: ShareMemberState[] = [];
  shareParts: SharePartState[] = [];

  constructor(
    w: Ctx,
    readonly reg: KafkaRegistry,
    public cluster: ClusterState,
  ) {
    super(w, Owner.kafka);
  }

  broker(id: number): BrokerNode {
    return this.cluster.brokers[id - 1]!;
  }

  /** The partition's leader replica, or null when it is offline. */
  leader(ps: PartState): Replica | null {
    return ps.leader === NO_LEADER ? null : this.replicas[ps.leader]!;
  }

  /** Clients can reach the partition: it has a leader and the leader's broker is up. */
  reachable(ps: PartState): Replica | null {
    const l = this.leader(ps);
    return l && this.broker(l.broker).alive ? l : null;
  }

  part(pname: string): PartState | undefined {
    const i = this.partIndex.get(pname);
    return i === undefined ? undefined : this.parts[i];
  }

  topic(name: string): TopicState | undefined {
    const i = this.topicIndex.get(name);
    return i === undefined ? undefined : this.topics[i];
  }

  group(id: string): GroupState | undefined {
    return this.groups.find((g) => g.id === id);
  }

  /** The newest member with that id (a removed consumer may be re-added). */
  member(g: GroupState, id: string): MemberState | undefined {
    for (let i = this.members.length - 1; i >= 0; i--) {
      const m = this.members[i]!;
      if (m.group === g.idx && m.id === id) return m;
    }
    return undefined;
  }

  /** The log of partition `topic-N`. */
  log(pname: string): PartitionLog | undefined {
    const { topic, partition } = parsePartitionName(pname);
    return this.topic(topic)?.partitions[partition];
  }

  /** Lag as Kafka's tools report it: the high watermark (what a consumer can read up to) minus the committed offset. */
  lagOf(g: GroupState, pname: string): number | null {
    const c = g.committed.get(pname);
    const log = this.log(pname);
    return c === undefined || !log ? null : Math.max(0, log.highWatermark - c);
  }

  clone(w: Ctx): KafkaState {
    const c = new KafkaState(w, this.reg, { ...this.cluster, brokers: this.cluster.brokers.map((b) => ({ ...b })) });
    c.replicas = this.replicas.map((r) => ({ ...r, log: r.log.clone() }));
    c.parts = this.parts.map((p) => ({ ...p, isr: [...p.isr] }));
    c.topics = this.topics.map((t) => ({
      ...t,
      parts: [...t.parts],
      partitions: t.parts.map((i) => c.replicas[c.parts[i]!.leader === NO_LEADER ? c.parts[i]!.lastLeader : c.parts[i]!.leader]!.log),
    }));
    c.topicIndex = this.topicIndex;
    c.partIndex = this.partIndex;
    c.sourceProducer = [...this.sourceProducer];
    c.producers = this.producers.map((p) => ({
      ...p,
      recs: p.recs.clone(),
      waiting: [...p.waiting],
      inflight: p.inflight.slice(p.inflightHead),
      inflightHead: 0,
    }));
    c.groups = this.groups.map((g) => ({
      ...g,
      members: [...g.members],
      committed: new Map(g.committed),
      fetchedHigh: new Map(g.fetchedHigh),
      reasons: [...g.reasons],
      target: nameTableOf(Object.entries(g.target)),
      stats: { ...g.stats },
      statsAtStart: { ...g.statsAtStart },
      pausedSince: new Map(g.pausedSince),
    }));
    c.members = this.members.map((m) => ({
      ...m,
      assigned: [...m.assigned],
      positions: new Map(m.positions),
      pending: m.pending && [...m.pending],
      fetchEpochs: new Map(m.fetchEpochs),
    }));
    c.shareGroups = this.shareGroups.map((g) => ({
      ...g,
      members: [...g.members],
      target: nameTableOf(Object.entries(g.target)),
      parts: new Map(g.parts),
    }));
    c.shareMembers = this.shareMembers.map((m) => ({ ...m, assigned: [...m.assigned] }));
    c.shareParts = this.shareParts.map((sp) => ({ ...sp, recs: sp.recs.clone(), acquisitions: new Map(sp.acquisitions) }));
    return c;
  }
}
