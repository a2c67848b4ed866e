// What the RabbitMQ side looks like now, as plain data to render: exchanges, bindings, queues (ready
// and unacked messages, counters, a stream's log) and consumers.
import type { QueueMessageView, QueueView, RabbitConsumerView, RabbitView } from '../core/snapshot';
import { nameTable } from '../core/table';
import type { QueueSpec } from '../schema';
import { messageIdOf, type ConsumerState, type Entry, type QueueState, type RabbitState } from './state';

function messageView(e: Entry): QueueMessageView {
  const m = e.msg;
  return {
    messageId: messageIdOf(m),
    routingKey: m.routingKey,
    colorKey: m.routingKey,
    redelivered: e.redelivered,
    expiresAt: e.expiresAt === Infinity ? null : e.expiresAt,
    position: e.pos,
    ...(m.headers ? { headers: m.headers } : {}),
  };
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
  if (s.messageTtlMs !== undefined) args['x-message-ttl'] = s.messageTtlMs;
  if (s.maxLength !== undefined) args['x-max-length'] = s.maxLength;
  if (s.maxLengthBytes !== undefined) args['x-max-length-bytes'] = s.maxLengthBytes;
  if (s.maxLength !== undefined || s.maxLengthBytes !== undefined) args['x-overflow'] = s.overflow;
  if (s.deadLetterExchange !== undefined) args['x-dead-letter-exchange'] = s.deadLetterExchange;
  if (s.deadLetterRoutingKey !== undefined) args['x-dead-letter-routing-key'] = s.deadLetterRoutingKey;
  if (s.maxAgeMs !== undefined) args['x-max-age'] = `${s.maxAgeMs}ms`;
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

function queueView(q: QueueState, latest: ConsumerState[], maxMessages: number, maxRecords: number): QueueView {
  const s = q.spec;
  const unacked = [];
  for (const c of latest) {
    if (c.queue !== q.idx || c.spec.autoAck || s.type === 'stream') continue;
    for (let i = c.pendingHead; i < c.pending.length; i++) {
      const d = c.pending[i]!;
      unacked.push({ message: messageView(d), consumer: c.id, deliveryTag: d.tag });
    }
  }
  return {
    name: q.name,
    type: s.type,
    args: queueArgs(s),
    ready: q.ready.toArray(maxMessages).map(messageView),
    readyCount: s.type === 'stream' ? 0 : q.ready.length,
    unacked,
    counters: { ...q.counters },
    ...(s.type === 'stream' ? { stream: streamView(q, latest, maxRecords) } : {}),
  };
}

function processingView(r: RabbitState, c: ConsumerState): RabbitConsumerView['processing'] {
  const d = c.pending[c.pendingHead];
  if (!c.busy || c.status !== 'active' || !d || r.queueOf(c).spec.type === 'stream') return null;
  return { messageId: messageIdOf(d.msg), deliveryTag: d.tag, until: c.busyUntil };
}

function consumerView(r: RabbitState, c: ConsumerState): RabbitConsumerView {
  return {
    id: c.id,
    queue: r.queueOf(c).name,
    prefetchCount: c.prefetchCount,
    autoAck: c.spec.autoAck,
    status: c.status,
    unacked: c.spec.autoAck ? [] : c.pending.slice(c.pendingHead).map((d) => d.tag),
    buffered: c.pending.length - c.pendingHead,
    processed: c.processed,
    processing: processingView(r, c),
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
    queues: r.queues.map((q) => queueView(q, latest, maxMessages, maxRecords)),
    consumers: latest.map((c) => consumerView(r, c)),
    returned: r.returned,
  };
}
