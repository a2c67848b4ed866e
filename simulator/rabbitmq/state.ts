// The RabbitMQ side's state: nodes, queues (classic, quorum and stream), consumers and publishers, with
// the lookups every rule file needs. Rules live in the files named after them (exchange.ts,
// classic-queue.ts, quorum-queue.ts, consumer.ts, consumer-priority.ts, single-active-consumer.ts,
// stream.ts, publisher.ts, confirms.ts, ledger.ts, cluster.ts); broker.ts is the entry the world calls.
// Queue entries are immutable, so a clone copies arrays of references, not messages.
import { BrokerState } from '../core/broker';
import { Owner, type Ctx } from '../core/context';
import type { QueueCounters } from '../core/snapshot';
import type { PublisherSpec, QueueSpec, RabbitConsumerSpec, Scenario } from '../schema';
import type { Death } from './dead-letter';
import type { HeaderValue } from './headers';
import type { Ledger } from './ledger';
import type { Entry as ReadyEntry, ReadyQueue } from './ready';

export type RabbitSpec = NonNullable<Scenario['rabbitmq']>;
export type Headers = Record<string, HeaderValue>;

/** The RabbitMQ side's own task kinds on the agenda. */
export const RabbitTask = {
  publish: 0,
  consumerStart: 1,
  processed: 2,
  expiry: 3,
  streamRead: 4,
  streamRetention: 5,
  /** A durable classic queue wrote its persistent messages to disk (a = queue). */
  diskSync: 6,
  /** A quorum queue's leader may advance its commit index (a = queue). */
  quorumCommit: 7,
  /** A quorum queue elects a leader (a = queue, b = the election's token). */
  election: 8,
  /** A publisher's client reconnects (a = publisher). */
  publisherReconnect: 9,
  /** A consumer's client reconnects (a = consumer). */
  consumerReconnect: 10,
  /** A quorum queue gives up on a consumer of a lost node and returns what it held (a = consumer, b = token). */
  disconnectedTimeout: 11,
  /** A publisher resends a message not confirmed in time (a = publisher, b = seqNo). */
  resend: 12,
  /** at-least-once dead-lettering retries what no target queue took (a = queue). */
  deadLetterRetry: 13,
} as const;
export type RabbitTask = (typeof RabbitTask)[keyof typeof RabbitTask];

export interface Msg {
  readonly publisher: string;
  /** Index of the publisher in RabbitState.publishers (its ledger). */
  readonly pub: number;
  readonly seq: number;
  /** 0 for the first publish, n for the n-th resend of the same message. */
  readonly attempt: number;
  readonly routingKey: string;
  readonly headers: Headers | undefined;
  /** Per-message TTL (the expiration property), ms. */
  readonly expiration: number | undefined;
  readonly bytes: number;
  /** delivery_mode 2. */
  readonly persistent: boolean;
  /** Its x-death history, most recent first (dead-letter.ts). */
  readonly deaths: readonly Death[];
}

export type Entry = ReadyEntry<Msg>;

/** A delivered message: a queue entry whose tag is set (fresh objects only, never shared when set). */
export type Delivery = Entry;

/**
 * One publish waiting for the broker's answer in confirm mode (or one at-least-once dead-lettering,
 * pub = -1): every queue it was routed to answers once; the last answer settles it.
 */
export interface Confirm {
  readonly pub: number;
  readonly seqNo: number;
  readonly msg: Msg;
  /** Where it was published (a resend goes the same way). */
  readonly exchange: string;
  readonly mandatory: boolean;
  /** Queues yet to answer. */
  waiting: number;
  /** The first refusal, if any: the whole publish is nacked. */
  nack: { queue: string; reason: 'queue-unavailable' | 'reject-publish' } | null;
  /** The strongest reason a queue had to accept it (for the event). */
  safe: 'routed-nowhere' | 'accepted' | 'on-disk' | 'majority';
  settled: boolean;
  /** at-least-once dead-lettering: the queue that keeps the message until this settles. */
  source: number;
}

/** A quorum queue's Raft member (one per node). */
export interface Member {
  /** Node index (0-based). */
  node: number;
  /** Entries written while it was down or catching up (frozen); follows the leader once caught up. */
  written: number;
  /** When it has caught up with the leader (it came back at caughtUpAt - RAFT_ROUND_TRIP / 2). */
  caughtUpAt: number;
  /** Uncommitted entries it had that a leader elected without it never had (dropped when it returns). */
  stale: number;
}

/** An enqueue in a quorum queue's log, not yet committed. */
export interface LogEntry {
  readonly msg: Msg;
  /** When the leader wrote it (or sent it to the followers again after a change: a new entry object). */
  readonly at: number;
  readonly confirm: Confirm | null;
  /** Node of the channel that sent it (it resends when a leader is lost, unless that node died); -1: the broker's dead-lettering. */
  readonly origin: number;
}

export interface QuorumState {
  members: Member[];
  /** Index into members of the leader, -1 while none. */
  leader: number;
  /** Index into members of the last leader (for the election event). */
  lastLeader: number;
  term: number;
  commitIndex: number;
  /** Written by the leader, not yet on a majority. */
  log: LogEntry[];
  logHead: number;
  /** Publishes waiting in their channels for a leader. */
  held: LogEntry[];
  /** Time of the armed commit task (Infinity: none). */
  commitAt: number;
  /** Only the election task carrying this token runs. */
  electionToken: number;
  electionAt: number;
  /** at-least-once dead-lettering: messages kept until a target queue confirms them. */
  deadLetterPending: Msg[];
  deadLetterRetryAt: number;
}

export interface QueueState {
  idx: number;
  name: string;
  spec: QueueSpec;
  /** Ready messages, sorted by arrival position (quorum returns first). */
  ready: ReadyQueue<Msg>;
  nextPos: number;
  /** Consumers that can take a message now, in dispatch order (streams: every attached one). */
  active: number[];
  /** When the armed expiry task runs (Infinity: none armed). */
  expiryAt: number;
  counters: QueueCounters;
  // Streams
  log: { msg: Msg; ts: number }[];
  firstOffset: number;
  // Cluster
  /** Node index (0-based): where a classic queue or stream lives; a quorum queue's first member. */
  home: number;
  /** Classic/stream: the home node is up. Quorum: a leader with a majority. */
  available: boolean;
  unavailableSince: number | null;
  /** Durable classic queues: positions below syncPos were on disk by syncTime + 1 ms. */
  syncTime: number;
  syncPos: number;
  /** Confirms waiting for the next disk write. */
  syncWaiters: Confirm[];
  // Quorum queues
  quorum: QuorumState | null;
  /** Delivery and acquired counts of messages returned at least once (packed: see quorum-queue.ts). */
  counts: Map<Msg, number> | null;
  nextReturnPos: number;
  // Single active consumer
  /** The active consumer's index (-1: none). */
  sacActive: number;
  /** Quorum queues, 4.0+: the active consumer stops getting messages until a higher-priority one takes over. */
  sacQuiescing: boolean;
  /** Registration order of this queue's consumers. */
  nextSubscription: number;
}

export type ConsumerStatus = 'active' | 'crashed' | 'stopped' | 'waiting' | 'cancelled' | 'disconnected';

export interface ConsumerState {
  idx: number;
  id: string;
  queue: number;
  spec: RabbitConsumerSpec;
  prefetchCount: number;
  status: ConsumerStatus;
  nextTag: number;
  /** Deliveries not yet processed, in delivery order (for manual ack: the unacked ones). */
  pending: Delivery[];
  pendingHead: number;
  busy: boolean;
  /** When the message being processed will be done (valid while busy). */
  busyUntil: number;
  /** Only the task carrying the current token runs: a stop or reschedule cancels the rest. */
  token: number;
  processed: number;
  /** Found at its prefetch limit: out of the round-robin line until an ack makes room. */
  blocked: boolean;
  /** Streams: next offset to read. */
  offset: number;
  /** Node index (0-based) of its connection. */
  node: number;
  /** x-priority. */
  priority: number;
  /** When it subscribed, in this queue's registration order. */
  subscription: number;
  /** A later incarnation replaced it (the client reconnected); it may still hold messages of its old connection. */
  replaced: boolean;
}

export interface PublisherState {
  spec: PublisherSpec;
  /** Its index in RabbitState.publishers (Msg.pub). */
  index: number;
  produced: number;
  /** Node index (0-based) of its connection. */
  node: number;
  connected: boolean;
  /** Confirm mode: the channel's last publish sequence number. */
  seqNo: number;
  /** Confirm mode: publishes waiting for basic.ack / basic.nack, by seqNo. */
  outstanding: Map<number, Confirm>;
  /** Publishes whose connection died before an answer, to resend after reconnecting (with resendAfterMs). */
  inDoubt: Confirm[];
  /** Created when failures or confirms are in play (ledger.ts). */
  ledger: Ledger | null;
}

export interface NodeState {
  up: boolean;
  downSince: number | null;
}

/**
 * Sends a message through an exchange to its queues (exchange.ts implements it). The queue rules
 * dead-letter through it, so they reach routing without importing it.
 */
export interface Router {
  send(r: RabbitState, msg: Msg, exchange: string, routingKey: string, mandatory: boolean, confirm: Confirm | null): void;
}

export function messageIdOf(m: Msg): string {
  return m.attempt === 0 ? `${m.publisher}-${m.seq}` : `${m.publisher}-${m.seq}.r${m.attempt}`;
}

export class RabbitState extends BrokerState<RabbitTask> {
  queues: QueueState[] = [];
  queueIndex = new Map<string, number>();
  consumers: ConsumerState[] = [];
  publishers: PublisherState[] = [];
  returned = 0;
  nodes: NodeState[] = [];
  /** Nodes and ledgers are in the view (more than one node, confirms, or a node was killed). */
  clustered = false;
  /** Dead-lettered copies waiting to be routed (empty between tasks; see dead-letter.ts); at-least-once ones with their confirm. */
  deadLetters: { msg: Msg; exchange: string; routingKey: string; confirm: Confirm | null }[] = [];

  constructor(
    w: Ctx,
    readonly spec: RabbitSpec,
    /** Shared by every clone: the topology never changes during a run. */
    readonly router: Router,
  ) {
    super(w, Owner.rabbitmq);
  }

  /** The newest consumer with that id (a removed consumer may be re-added). */
  consumer(id: string): ConsumerState | undefined {
    for (let i = this.consumers.length - 1; i >= 0; i--) if (this.consumers[i]!.id === id) return this.consumers[i];
    return undefined;
  }

  queueOf(c: ConsumerState): QueueState {
    return this.queues[c.queue]!;
  }

  clone(w: Ctx): RabbitState {
    const c = new RabbitState(w, this.spec, this.router);
    c.queueIndex = this.queueIndex;
    c.queues = this.queues.map((q) => ({
      ...q,
      ready: q.ready.clone(),
      active: [...q.active],
      counters: { ...q.counters },
      log: q.log.slice(),
      syncWaiters: q.syncWaiters.slice(),
      quorum: q.quorum && {
        ...q.quorum,
        members: q.quorum.members.map((m) => ({ ...m })),
        log: q.quorum.log.slice(q.quorum.logHead),
        logHead: 0,
        held: q.quorum.held.slice(),
        deadLetterPending: q.quorum.deadLetterPending.slice(),
      },
      counts: q.counts && new Map(q.counts),
    }));
    c.consumers = this.consumers.map((k) => ({ ...k, pending: k.pending.slice(k.pendingHead), pendingHead: 0 }));
    // Confirm records are shared by queues and publishers: copy each once and rewire both sides.
    const copies = new Map<Confirm, Confirm>();
    const copy = (x: Confirm): Confirm => {
      let y = copies.get(x);
      if (!y) copies.set(x, (y = { ...x, nack: x.nack && { ...x.nack } }));
      return y;
    };
    c.publishers = this.publishers.map((p) => ({
      ...p,
      outstanding: new Map([...p.outstanding].map(([k, v]) => [k, copy(v)])),
      inDoubt: p.inDoubt.map(copy),
      ledger: p.ledger?.clone() ?? null,
    }));
    for (const q of c.queues) {
      q.syncWaiters = q.syncWaiters.map(copy);
      if (q.quorum) {
        q.quorum.log = q.quorum.log.map((e) => (e.confirm ? { ...e, confirm: copy(e.confirm) } : e));
        q.quorum.held = q.quorum.held.map((e) => (e.confirm ? { ...e, confirm: copy(e.confirm) } : e));
      }
    }
    c.returned = this.returned;
    c.nodes = this.nodes.map((n) => ({ ...n }));
    c.clustered = this.clustered;
    return c;
  }
}
