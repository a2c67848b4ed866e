// The RabbitMQ side's state: queues (classic and stream), consumers and publishers, with the lookups
// every rule file needs. Rules live in the files named after them (exchange.ts, classic-queue.ts,
// consumer.ts, stream.ts, publisher.ts); broker.ts is the entry the world calls. Queue entries are
// immutable, so a clone copies arrays of references, not messages.
import { BrokerState } from '../core/broker';
import { Owner, type Ctx } from '../core/context';
import type { QueueCounters } from '../core/snapshot';
import type { PublisherSpec, QueueSpec, RabbitConsumerSpec, Scenario } from '../schema';
import type { Death } from './dead-letter';
import type { HeaderValue } from './headers';
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
} as const;
export type RabbitTask = (typeof RabbitTask)[keyof typeof RabbitTask];

export interface Msg {
  readonly publisher: string;
  readonly seq: number;
  readonly routingKey: string;
  readonly headers: Headers | undefined;
  /** Per-message TTL (the expiration property), ms. */
  readonly expiration: number | undefined;
  readonly bytes: number;
  /** Its x-death history, most recent first (dead-letter.ts). */
  readonly deaths: readonly Death[];
}

export type Entry = ReadyEntry<Msg>;

/** A delivered message: a queue entry whose tag is set (fresh objects only, never shared when set). */
export type Delivery = Entry;

export interface QueueState {
  idx: number;
  name: string;
  spec: QueueSpec;
  /** Ready messages, sorted by arrival position. */
  ready: ReadyQueue<Msg>;
  nextPos: number;
  /** Consumers that can take a message now, in round-robin order (streams: every attached one). */
  active: number[];
  /** When the armed expiry task runs (Infinity: none armed). */
  expiryAt: number;
  counters: QueueCounters;
  // Streams
  log: { msg: Msg; ts: number }[];
  firstOffset: number;
}

export type ConsumerStatus = 'active' | 'crashed' | 'stopped' | 'waiting';

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
}

export interface PublisherState {
  spec: PublisherSpec;
  produced: number;
}

/**
 * Sends a message through an exchange to its queues (exchange.ts implements it). The queue rules
 * dead-letter through it, so they reach routing without importing it.
 */
export interface Router {
  send(r: RabbitState, msg: Msg, exchange: string, routingKey: string, mandatory: boolean): void;
}

export function messageIdOf(m: Msg): string {
  return `${m.publisher}-${m.seq}`;
}

export class RabbitState extends BrokerState<RabbitTask> {
  queues: QueueState[] = [];
  queueIndex = new Map<string, number>();
  consumers: ConsumerState[] = [];
  publishers: PublisherState[] = [];
  returned = 0;
  /** Dead-lettered copies waiting to be routed (empty between tasks; see dead-letter.ts). */
  deadLetters: { msg: Msg; exchange: string; routingKey: string }[] = [];

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
    }));
    c.consumers = this.consumers.map((k) => ({ ...k, pending: k.pending.slice(k.pendingHead), pendingHead: 0 }));
    c.publishers = this.publishers.map((p) => ({ ...p }));
    c.returned = this.returned;
    return c;
  }
}
