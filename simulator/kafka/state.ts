// The Kafka side's state: topics of partition logs, producers, consumer groups and their members,
// with the lookups every rule file needs. Rules live in the files named after them (producer.ts,
// group-coordinator.ts, consumer.ts, log-cleaner.ts); broker.ts is the entry the world calls.
import { BrokerState } from '../core/broker';
import { Owner, type Ctx } from '../core/context';
import type { GroupSpec, KafkaConsumerSpec, TopicSpec } from '../schema';
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
} as const;
export type KafkaTask = (typeof KafkaTask)[keyof typeof KafkaTask];

export interface TopicState {
  spec: TopicSpec;
  name: string;
  partitions: PartitionLog[];
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
  reasons: string[];
}

/** No partition chosen yet (a producer's sticky partition before its first keyless record). */
export const NONE = -1;

export class KafkaState extends BrokerState<KafkaTask> {
  topics: TopicState[] = [];
  topicIndex = new Map<string, number>();
  producers: ProducerState[] = [];
  groups: GroupState[] = [];
  members: MemberState[] = [];

  constructor(
    w: Ctx,
    readonly reg: KafkaRegistry,
  ) {
    super(w, Owner.kafka);
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

  lagOf(g: GroupState, pname: string): number | null {
    const c = g.committed.get(pname);
    const log = this.log(pname);
    return c === undefined || !log ? null : Math.max(0, log.logEndOffset - c);
  }

  clone(w: Ctx): KafkaState {
    const c = new KafkaState(w, this.reg);
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
}
