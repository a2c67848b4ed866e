// What the RabbitMQ side looks like now, as plain data to render: exchanges, bindings, queues (ready
// and unacked messages, counters, a stream's log, a quorum queue's members), consumers, and in cluster
// scenarios the nodes and each publisher's ledger.
import type { PublisherLedgerView, QueueMessageView, QueueView, RabbitConsumerView, RabbitView, UnackedView } from '../core/snapshot';
import { nameTable } from '../core/table';
import type { QueueSpec } from '../schema';
import { atLeastOnce, countsOf, deliveryLimitOf, isReturn, membersView } from './quorum-queue';
import { isSingleActive } from './single-active-consumer';
import { messageIdOf, type ConsumerState, type Entry, type PublisherState, type QueueState, type RabbitState } from './state';

function messageView(r: RabbitState, q: QueueState, e: Entry): QueueMessageView {
  const m = e.msg;
  const v: QueueMessageView = {
    messageId: messageIdOf(m),
    routingKey: m.routingKey,
    colorKey: m.routingKey,
    redelivered: e.redelivered,
    expiresAt: e.expiresAt === Infinity ? null : e.expiresAt,
    position: e.pos,
    ...(m.headers ? { headers: m.headers } : {}),
    ...(m.deaths[0] ? { deadLettered: { queue: m.deaths[0].queue, reason: m.deaths[0].reason } } : {}),
  };
  if (q.counts) {
    const { delivery, acquired } = countsOf(q, m);
    if (delivery > 0) v.deliveryCount = delivery;
    if (acquired > 0) v.acquiredCount = acquired;
    if (isReturn(e.pos)) v.returned = true;
  }
  if (r.clustered) v.persistent = m.persistent;
  return v;
}

/** Ready and unacked counts per queue (a stream's length as ready), for charts. */
export function depths(r: RabbitState): Record<string, { ready: number; unacked: number }> {
  const out = nameTable<{ ready: number; unacked: number }>();
  for (const q of r.queues) out[q.name] = { ready: q.spec.type === 'stream' ? q.log.length : q.ready.length, unacked: 0 };
  for (const c of r.consumers)
    if (!c.spec.autoAck && r.queueOf(c).spec.type !== 'stream') out[r.queueOf(c).name]!.unacked += c.pending.length - c.pendingHead;
  return out;
}

/** The queue arguments as a client declares them (x-message-ttl, x-max-length, ...). */
function queueArgs(s: QueueSpec): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  if (s.type === 'quorum') args['x-queue-type'] = 'quorum';
  if (s.messageTtlMs !== undefined) args['x-message-ttl'] = s.messageTtlMs;
  if (s.maxLength !== undefined) args['x-max-length'] = s.maxLength;
  if (s.maxLengthBytes !== undefined) args['x-max-length-bytes'] = s.maxLengthBytes;
  if (s.maxLength !== undefined || s.maxLengthBytes !== undefined) args['x-overflow'] = s.overflow;
  if (s.deadLetterExchange !== undefined) args['x-dead-letter-exchange'] = s.deadLetterExchange;
  if (s.deadLetterRoutingKey !== undefined) args['x-dead-letter-routing-key'] = s.deadLetterRoutingKey;
  if (s.maxAgeMs !== undefined) args['x-max-age'] = `${s.maxAgeMs}ms`;
  if (s.deliveryLimit !== undefined) args['x-delivery-limit'] = s.deliveryLimit;
  if (s.deadLetterStrategy !== undefined) args['x-dead-letter-strategy'] = s.deadLetterStrategy;
  if (s.quorumInitialGroupSize !== undefined) args['x-quorum-initial-group-size'] = s.quorumInitialGroupSize;
  if (s.consumerDisconnectedTimeoutMs !== undefined) args['x-consumer-disconnected-timeout'] = s.consumerDisconnectedTimeoutMs;
  if (s.singleActiveConsumer) args['x-single-active-consumer'] = 'true';
  return args;
}

function streamView(q: QueueState, latest: ConsumerState[], maxRecords: number): QueueView['stream'] {
  const kept = q.log.slice(Math.max(0, q.log.length - maxRecords));
  const first = q.firstOffset + q.log.length - kept.length;
  return {
    firstOffset: q.firstOffset,
    nextOffset: q.firstOffset + q.log.length,
    log: kept.map((rec, i) => ({
      offset: first + i,
      messageId: messageIdOf(rec.msg),
      routingKey: rec.msg.routingKey,
      colorKey: rec.msg.routingKey,
      timestamp: rec.ts,
    })),
    consumers: latest.filter((c) => c.queue === q.idx && c.status !== 'waiting').map((c) => ({ id: c.id, offset: c.offset })),
  };
}

function quorumView(r: RabbitState, q: QueueState): NonNullable<QueueView['quorum']> {
  const qq = q.quorum!;
  return {
    leader: qq.leader >= 0 ? qq.members[qq.leader]!.node + 1 : null,
    term: qq.term,
    members: membersView(r, q, r.w.time),
    commitIndex: qq.commitIndex,
    uncommitted: qq.log.length - qq.logHead,
    waitingForLeader: qq.held.length,
    deliveryLimit: deliveryLimitOf(q),
    deadLetterStrategy: atLeastOnce(q) ? 'at-least-once' : 'at-most-once',
    deadLetterPending: qq.deadLetterPending.length,
  };
}

function queueView(r: RabbitState, q: QueueState, latest: ConsumerState[], maxMessages: number, maxRecords: number): QueueView {
  const s = q.spec;
  const unacked: UnackedView[] = [];
  for (const c of r.consumers) {
    if (c.queue !== q.idx || c.spec.autoAck || s.type === 'stream') continue;
    for (let i = c.pendingHead; i < c.pending.length; i++) {
      const d = c.pending[i]!;
      unacked.push({
        message: messageView(r, q, d),
        consumer: c.id,
        deliveryTag: d.tag,
        ...(c.status === 'disconnected' ? { held: true as const } : {}),
      });
    }
  }
  return {
    name: q.name,
    type: s.type,
    args: queueArgs(s),
    ready: q.ready.toArray(maxMessages).map((e) => messageView(r, q, e)),
    readyCount: s.type === 'stream' ? 0 : q.ready.length,
    unacked,
    counters: { ...q.counters },
    ...(s.type === 'stream' ? { stream: streamView(q, latest, maxRecords) } : {}),
    ...(r.clustered ? { node: q.home + 1, available: q.available, unavailableSince: q.unavailableSince } : {}),
    ...(q.quorum ? { quorum: quorumView(r, q) } : {}),
    ...(isSingleActive(q) ? { singleActiveConsumer: q.sacActive >= 0 ? r.consumers[q.sacActive]!.id : null } : {}),
  };
}

function processingView(r: RabbitState, c: ConsumerState): RabbitConsumerView['processing'] {
  const d = c.pending[c.pendingHead];
  if (!c.busy || c.status !== 'active' || !d || r.queueOf(c).spec.type === 'stream') return null;
  return { messageId: messageIdOf(d.msg), deliveryTag: d.tag, until: c.busyUntil };
}

function consumerView(r: RabbitState, c: ConsumerState): RabbitConsumerView {
  const q = r.queueOf(c);
  return {
    id: c.id,
    queue: q.name,
    prefetchCount: c.prefetchCount,
    autoAck: c.spec.autoAck,
    status: c.status,
    unacked: c.spec.autoAck ? [] : c.pending.slice(c.pendingHead).map((d) => d.tag),
    buffered: c.pending.length - c.pendingHead,
    processed: c.processed,
    processing: processingView(r, c),
    ...(c.priority !== 0 ? { priority: c.priority } : {}),
    ...(r.clustered ? { node: c.node + 1 } : {}),
    ...(isSingleActive(q) && c.status === 'active'
      ? { single: c.idx !== q.sacActive ? ('waiting' as const) : q.sacQuiescing ? ('quiescing' as const) : ('active' as const) }
      : {}),
  };
}

function ledgerView(p: PublisherState): PublisherLedgerView {
  const l = p.ledger!;
  return {
    publisher: p.spec.id,
    confirms: p.spec.confirms === true,
    node: p.connected ? p.node + 1 : null,
    sent: l.sent,
    resent: l.resent,
    confirmed: l.confirmed,
    failed: l.failed,
    inDoubt: l.inDoubt,
    unconfirmed: p.outstanding.size,
    lost: l.lost,
    confirmedLost: l.confirmedLost,
    duplicatesDelivered: l.duplicates,
  };
}

export function rabbitView(r: RabbitState, maxMessages: number, maxRecords: number): RabbitView {
  const spec = r.spec;
  const usesDefault = spec.publishers.some((p) => p.exchange === '') || spec.queues.some((q) => q.deadLetterExchange === '');
  // Show the newest incarnation of each consumer id.
  const latest = r.consumers.filter((c, i) => !r.consumers.slice(i + 1).some((o) => o.id === c.id));
  return {
    exchanges: [
      ...(usesDefault ? [{ name: '', type: 'direct' as const, alternateExchange: null }] : []),
      ...spec.exchanges.map((e) => ({ name: e.name, type: e.type, alternateExchange: e.alternateExchange ?? null })),
    ],
    bindings: spec.bindings.map((b) => ({
      exchange: b.exchange,
      queue: b.queue,
      bindingKey: b.bindingKey,
      ...(b.arguments ? { arguments: b.arguments } : {}),
    })),
    queues: r.queues.map((q) => queueView(r, q, latest, maxMessages, maxRecords)),
    consumers: latest.map((c) => consumerView(r, c)),
    returned: r.returned,
    ...(r.clustered
      ? {
          nodes: r.nodes.map((n, i) => ({ node: i + 1, up: n.up, downSince: n.downSince })),
          ledger: r.publishers.filter((p) => p.ledger).map(ledgerView),
        }
      : {}),
  };
}
