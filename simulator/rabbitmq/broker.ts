// The RabbitMQ side as the world sees it: built from a scenario's `rabbitmq` section, it takes
// RabbitMQ interventions (apply) and its own agenda tasks (run), and can be cloned and viewed. It
// routes each to the file that holds the rule.
import type { Broker, ViewLimits } from '../core/broker';
import type { Ctx } from '../core/context';
import type { QueueCounters, RabbitView, Totals } from '../core/snapshot';
import type { Intervention } from '../schema';
import { expiryDue } from './classic-queue';
import { sendDeadLetter } from './dead-letter';
import { becomeClustered, consumerReconnect, disconnectedTimeout, killNode, publisherReconnect, startNode } from './cluster';
import { diskSynced } from './confirms';
import {
  addConsumer,
  addConsumerState,
  processHead,
  restartConsumer,
  setPrefetch,
  settleByIntervention,
  startConsumer,
  stopConsumer,
} from './consumer';
import { Exchanges } from './exchange';
import { Ledger } from './ledger';
import { addPublisher, publishBurst, publishTick, resendDue } from './publisher';
import { commitDue, election, initQuorum, retryDeadLetters } from './quorum-queue';
import { ReadyQueue } from './ready';
import { RabbitState, RabbitTask, type Msg, type QueueState, type RabbitSpec } from './state';
import { scheduleRetention, STREAM_RETENTION_CHECK_MS, streamRead, streamRetention } from './stream';
import { depths, rabbitView } from './view';

export type RabbitIntervention = Extract<Intervention, { type: `rabbitmq.${string}` }>;

const NO_COUNTS: QueueCounters = {
  published: 0,
  delivered: 0,
  acked: 0,
  nacked: 0,
  requeued: 0,
  expired: 0,
  deadLettered: 0,
  dropped: 0,
  rejected: 0,
};

export class RabbitBroker implements Broker<RabbitIntervention, RabbitView> {
  private constructor(readonly state: RabbitState) {}

  static start(ctx: Ctx, spec: RabbitSpec): RabbitBroker {
    const queueIndex = new Map(spec.queues.map((q, i) => [q.name, i]));
    const r = new RabbitState(ctx, spec, new Exchanges(spec, queueIndex));
    r.queueIndex = queueIndex;
    const nodes = spec.nodes ?? 1;
    r.nodes = Array.from({ length: nodes }, () => ({ up: true, downSince: null }));
    spec.queues.forEach((q, idx) => {
      const ready = new ReadyQueue<Msg>();
      const state: QueueState = {
        idx,
        name: q.name,
        spec: q,
        ready,
        nextPos: 0,
        active: [],
        expiryAt: Infinity,
        counters: { ...NO_COUNTS },
        log: [],
        firstOffset: 0,
        home: (q.homeNode ?? 1) - 1,
        available: true,
        unavailableSince: null,
        syncTime: -1,
        syncPos: 0,
        syncWaiters: [],
        quorum: null,
        counts: null,
        nextReturnPos: 0,
        sacActive: -1,
        sacQuiescing: false,
        nextSubscription: 0,
      };
      r.queues.push(state);
      if (q.type === 'quorum') {
        state.quorum = initQuorum(state, nodes);
        state.counts = new Map();
      }
      if (q.type === 'stream' && q.maxAgeMs !== undefined) scheduleRetention(r, r.queues[idx]!, STREAM_RETENTION_CHECK_MS);
    });
    for (const p of spec.publishers) addPublisher(r, p);
    for (const c of spec.consumers) addConsumerState(r, c, c.startMs);
    // Failures and confirms in play from the start: nodes on screen and a ledger per publisher.
    if (nodes > 1 || spec.publishers.some((p) => p.confirms)) becomeClustered(r);
    return new RabbitBroker(r);
  }

  run(kind: number, a: number, b: number): void {
    // A consumer's tasks carry the token they were scheduled with: a newer one cancels them.
    const r = this.state;
    switch (kind) {
      case RabbitTask.publish:
        return publishTick(r, a);
      case RabbitTask.consumerStart:
        if (r.consumers[a]!.status === 'waiting') startConsumer(r, r.consumers[a]!, 'rabbitConsumerAdded');
        return;
      case RabbitTask.processed:
        if (r.consumers[a]!.token === b) processHead(r, r.consumers[a]!);
        return;
      case RabbitTask.expiry:
        return expiryDue(r, r.queues[a]!);
      case RabbitTask.streamRead:
        if (r.consumers[a]!.token === b) streamRead(r, r.consumers[a]!);
        return;
      case RabbitTask.streamRetention:
        return streamRetention(r, r.queues[a]!);
      case RabbitTask.diskSync:
        return diskSynced(r, r.queues[a]!);
      case RabbitTask.quorumCommit:
        return commitDue(r, r.queues[a]!);
      case RabbitTask.election:
        return election(r, r.queues[a]!, b);
      case RabbitTask.publisherReconnect:
        return publisherReconnect(r, a);
      case RabbitTask.consumerReconnect:
        return consumerReconnect(r, a);
      case RabbitTask.disconnectedTimeout:
        return disconnectedTimeout(r, a, b);
      case RabbitTask.resend:
        return resendDue(r, a, b);
      case RabbitTask.deadLetterRetry:
        return retryDeadLetters(r, r.queues[a]!, (q, msg, c) => sendDeadLetter(r, q, msg, c));
    }
  }

  apply(iv: RabbitIntervention): void {
    const r = this.state;
    switch (iv.type) {
      case 'rabbitmq.publishBurst':
        return publishBurst(r, iv, (p) => {
          if (r.clustered) p.ledger = new Ledger(iv.count);
        });
      case 'rabbitmq.addConsumer':
        return addConsumer(r, iv.consumer);
      case 'rabbitmq.removeConsumer':
        return stopConsumer(r, iv.consumer, 'stopped');
      case 'rabbitmq.crashConsumer':
        return stopConsumer(r, iv.consumer, 'crashed');
      case 'rabbitmq.restartConsumer':
        return restartConsumer(r, iv.consumer);
      case 'rabbitmq.setPrefetch':
        return setPrefetch(r, iv.consumer, iv.prefetchCount);
      case 'rabbitmq.ack':
      case 'rabbitmq.nack':
      case 'rabbitmq.reject':
        return settleByIntervention(r, iv);
      case 'rabbitmq.killNode':
        return killNode(r, iv.node);
      case 'rabbitmq.startNode':
        return startNode(r, iv.node);
    }
  }

  clone(ctx: Ctx): RabbitBroker {
    return new RabbitBroker(this.state.clone(ctx));
  }

  size(): number {
    let n = this.state.consumers.length;
    for (const q of this.state.queues) n += 1 + q.ready.length + q.log.length + q.active.length;
    for (const c of this.state.consumers) n += c.pending.length - c.pendingHead;
    return n;
  }

  view(limits: ViewLimits): RabbitView {
    return rabbitView(this.state, limits.maxMessages, limits.maxRecords);
  }

  totals(into: Totals): void {
    into.queueDepth = depths(this.state);
  }
}
