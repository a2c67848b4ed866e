// A RabbitMQ cluster: `nodes` nodes, each queue with a home node, and what a node's death does.
//
// When a node dies (rabbitmq.killNode; a kill -9) every connection on it dies with it: its publishers
// lose the answers to what they had sent but not yet had confirmed (in doubt), and its consumers'
// unacked messages go back to their queues (redelivered). A classic queue is not replicated (4.0
// removed mirroring): while its home node is down it is unavailable (consuming fails, its consumers
// get basic.cancel, a publish to it is lost, nacked to a publisher in confirm mode); when the node is
// back a durable queue returns with the persistent messages it had written to disk, the rest are gone
// (a non-durable queue comes back empty). Quorum queues replicate (quorum-queue.ts): a dead member
// only matters when it leads or when too few members are left for a majority. A quorum queue keeps a
// lost node's consumer's unacked messages for consumer_disconnected_timeout (60 s by default, 4.3)
// before returning them, or until that node is back (3.x-4.2 returned them at once). Clients
// reconnect after RECOVERY_MS, to their node or the next live one, and subscribe again.
// Sources: rabbitmq-website docs clustering.md ("What is Replicated?"), classic-queues.md, queues.md 4.3
// ("Durability"), confirms.md ("Automatic Requeueing"), release-information deprecated-features-list
// (classic_queue_mirroring removed in 4.0); rabbitmq-server rabbit_amqqueue.erl (priv_absent: "home
// node ... is down or inaccessible"), rabbit_channel.erl (handle_consuming_queue_down_or_eol →
// basic.cancel), rabbit_classic_queue.erl (a dead queue's pending publishes are rejected), v4.3.5
// rabbit_fifo.erl ({down, Pid, noconnection}: suspected_down and consumer_disconnected_timeout; nodeup
// re-monitors and a dead process then returns its messages); the Java client's automatic recovery
// (networkRecoveryInterval 5 s).
// Simplified (simulator/README.md): failure is detected at once (a kill -9 closes the node's TCP
// connections); the application publishes what fell due while it was reconnecting once it is back;
// streams live on their home node only (unavailable while it is down, every message kept).
import { Work } from '../core/context';
import { DEFAULTS } from '../schema/defaults';
import { afterSettle, expireHead, dispatch, leaveLine } from './classic-queue';
import { failDiskWaiters, onDisk, refused } from './confirms';
import { addConsumerState, releaseHeld, startConsumer } from './consumer';
import { copyGone, inDoubtMsg, lostOnTheWay, startLedgers } from './ledger';
import { resendInDoubt } from './publisher';
import { dropHeldFrom, memberDown, memberUp } from './quorum-queue';
import { ReadyQueue } from './ready';
import { isSingleActive, sacLeave } from './single-active-consumer';
import {
  messageIdOf,
  RabbitTask,
  type Confirm,
  type ConsumerState,
  type Entry,
  type Msg,
  type PublisherState,
  type QueueState,
  type RabbitState,
} from './state';

/** A client notices its connection died and connects again this long after (the Java client's networkRecoveryInterval). */
export const RECOVERY_MS = 5000;

/** Failures and confirms are in play: show the nodes and keep the ledgers from now on. */
export function becomeClustered(r: RabbitState): void {
  if (r.clustered) return;
  r.clustered = true;
  startLedgers(r);
}

/** The node a client connects to: its own if up, else the next live one (-1: none). */
export function connectNode(r: RabbitState, preferred: number): number {
  const n = r.nodes.length;
  for (let i = 0; i < n; i++) {
    const node = (preferred + i) % n;
    if (r.nodes[node]!.up) return node;
  }
  return -1;
}

/** A message for a queue that is down: lost (the publisher learns it only from a nack, in confirm mode). */
export function unavailableOnPublish(r: RabbitState, q: QueueState, msg: Msg, confirm: Confirm | null): void {
  lostOnTheWay(r, msg);
  q.counters.dropped++;
  r.w.counters.rabbitDropped++;
  if (r.w.rec) r.w.emit({ type: 'dropped', queue: q.name, messageId: messageIdOf(msg), reason: 'queue-unavailable' });
  if (confirm) refused(r, confirm, q.name, 'queue-unavailable');
}

// ---------- a node dies ----------

export function killNode(r: RabbitState, node1: number): void {
  const n = node1 - 1;
  const node = r.nodes[n];
  if (!node || !node.up) return r.note(`Ignored: node ${node1} is ${node ? 'already down' : 'not in the cluster'}`);
  becomeClustered(r);
  node.up = false;
  node.downSince = r.w.time;
  const publishers = r.publishers.filter((p) => p.connected && p.node === n);
  const consumers = r.consumers.filter((c) => c.node === n && !c.replaced && (c.status === 'active' || c.status === 'cancelled'));
  if (r.w.rec)
    r.w.emit({ type: 'nodeDown', node: node1, publishers: publishers.map((p) => p.spec.id), consumers: consumers.map((c) => c.id) });
  // Publishers first: answers the dying queues send now reach no one on this node.
  for (const p of publishers) disconnectPublisher(r, p);
  for (const q of r.queues) {
    if (q.quorum) {
      dropHeldFrom(r, q, n);
      memberDown(r, q, n);
    } else if (q.home === n) classicDown(r, q);
  }
  for (const c of consumers) disconnectConsumer(r, c);
}

function disconnectPublisher(r: RabbitState, p: PublisherState): void {
  p.connected = false;
  const doubt = [...p.outstanding.values()];
  r.w.charge(Work.failover, doubt.length);
  p.outstanding.clear();
  for (const c of doubt) {
    inDoubtMsg(r, c.msg);
    if (p.spec.resendAfterMs !== undefined) p.inDoubt.push(c);
  }
  if (r.w.rec) r.w.emit({ type: 'publisherDisconnected', publisher: p.spec.id, node: p.node + 1, inDoubt: doubt.length });
  r.schedule(r.w.time + RECOVERY_MS, RabbitTask.publisherReconnect, p.index, 0);
}

/**
 * A classic queue (or stream) loses its home node: unavailable; its consumers are cancelled; what it
 * held survives only if written to disk (persistent, in a durable queue); unacked ones come back redelivered.
 */
function classicDown(r: RabbitState, q: QueueState): void {
  const now = r.w.time;
  q.available = false;
  q.unavailableSince = now;
  const held: Entry[] = q.ready.toArray();
  const subscribed = r.consumers.filter((c) => c.queue === q.idx && !c.replaced && (c.status === 'active' || c.status === 'cancelled'));
  for (const c of subscribed) {
    if (!c.spec.autoAck) for (let i = c.pendingHead; i < c.pending.length; i++) held.push({ ...c.pending[i]!, redelivered: true, tag: 0 });
    c.pending = [];
    c.pendingHead = 0;
    c.token++;
    c.busy = false;
    leaveLine(r, c);
  }
  r.w.charge(Work.failover, held.length);
  q.active = [];
  q.sacActive = -1;
  q.sacQuiescing = false;
  let kept = 0;
  let lost = 0;
  if (q.spec.type === 'stream') kept = q.log.length;
  else {
    const durable = q.spec.durable !== false;
    q.ready = new ReadyQueue<Msg>();
    for (const e of held) {
      if (durable && e.msg.persistent && onDisk(q, e.pos, now)) {
        q.ready.insert(e);
        kept++;
      } else {
        copyGone(r, e.msg, 'lost');
        lost++;
      }
    }
  }
  if (r.w.rec) r.w.emit({ type: 'queueUnavailable', queue: q.name, reason: 'home-node-down', node: q.home + 1, kept, lost });
  for (const c of subscribed) {
    if (c.status !== 'active') continue;
    c.status = 'cancelled';
    if (r.w.rec) r.w.emit({ type: 'rabbitConsumerCancelled', queue: q.name, consumer: c.id, node: c.node + 1 });
  }
  failDiskWaiters(r, q);
}

/** A consumer's connection died with its node. */
function disconnectConsumer(r: RabbitState, c: ConsumerState): void {
  const q = r.queueOf(c);
  if (q.quorum && !c.spec.autoAck) {
    // The queue suspects the consumer and keeps what it holds (and its single-active slot) for a while.
    const holdMs = q.spec.consumerDisconnectedTimeoutMs ?? DEFAULTS.quorum.consumerDisconnectedTimeoutMs;
    c.token++;
    c.busy = false;
    leaveLine(r, c);
    c.status = 'disconnected';
    r.schedule(r.w.time + holdMs, RabbitTask.disconnectedTimeout, c.idx, c.token);
    if (r.w.rec) r.w.emit({ type: 'rabbitConsumerDisconnected', queue: q.name, consumer: c.id, node: c.node + 1, holdMs });
  } else {
    const { requeued, lost } = releaseHeld(r, c, 'connection-lost');
    c.status = 'disconnected';
    if (r.w.rec) r.w.emit({ type: 'rabbitConsumerDisconnected', queue: q.name, consumer: c.id, node: c.node + 1, requeued, lost });
    if (isSingleActive(q)) sacLeave(r, q, c);
    afterSettle(r, q);
  }
  r.schedule(r.w.time + RECOVERY_MS, RabbitTask.consumerReconnect, c.idx, 0);
}

/** The quorum queue gives up on a lost node's consumer: what it held goes back (not a failed delivery in 4.3). */
export function disconnectedTimeout(r: RabbitState, idx: number, token: number): void {
  const c = r.consumers[idx]!;
  if (c.token !== token || c.status !== 'disconnected') return;
  returnHeld(r, c, 'disconnected-timeout');
}

function returnHeld(r: RabbitState, c: ConsumerState, reason: 'disconnected-timeout' | 'connection-lost'): void {
  const q = r.queueOf(c);
  releaseHeld(r, c, reason);
  if (isSingleActive(q)) sacLeave(r, q, c);
  afterSettle(r, q);
}

// ---------- reconnecting ----------

export function publisherReconnect(r: RabbitState, pub: number): void {
  const p = r.publishers[pub]!;
  if (p.connected) return;
  const node = connectNode(r, p.node);
  if (node < 0) return r.schedule(r.w.time + RECOVERY_MS, RabbitTask.publisherReconnect, pub, 0);
  p.node = node;
  p.connected = true;
  if (r.w.rec) r.w.emit({ type: 'publisherReconnected', publisher: p.spec.id, node: node + 1, inDoubt: p.inDoubt.length });
  resendInDoubt(r, p);
  r.schedule(r.w.time, RabbitTask.publish, pub, 0);
}

export function consumerReconnect(r: RabbitState, idx: number): void {
  const old = r.consumers[idx]!;
  if (old.status !== 'disconnected' || old.replaced) return;
  if (connectNode(r, old.node) < 0) return r.schedule(r.w.time + RECOVERY_MS, RabbitTask.consumerReconnect, idx, 0);
  if (old.pending.length - old.pendingHead > 0) {
    // The lost connection's subscription still holds messages in a quorum queue: the client's new one is another consumer.
    old.replaced = true;
    const c = addConsumerState(r, { ...old.spec, startMs: r.w.time }, null);
    c.node = old.node;
    c.prefetchCount = old.prefetchCount;
    return startConsumer(r, c, 'rabbitConsumerRecovered');
  }
  startConsumer(r, old, 'rabbitConsumerRecovered');
}

// ---------- a node comes back ----------

export function startNode(r: RabbitState, node1: number): void {
  const n = node1 - 1;
  const node = r.nodes[n];
  if (!node || node.up) return r.note(`Ignored: node ${node1} is ${node ? 'already up' : 'not in the cluster'}`);
  node.up = true;
  node.downSince = null;
  if (r.w.rec) r.w.emit({ type: 'nodeUp', node: node1 });
  for (const q of r.queues) {
    if (q.quorum) memberUp(r, q, n);
    else if (q.home === n) classicUp(r, q);
  }
  // Its old consumer processes are gone: a quorum queue that still held their messages returns them now.
  for (const c of r.consumers)
    if (c.status === 'disconnected' && c.node === n && r.queueOf(c).quorum && c.pending.length > c.pendingHead)
      returnHeld(r, c, 'connection-lost');
}

function classicUp(r: RabbitState, q: QueueState): void {
  q.available = true;
  q.unavailableSince = null;
  if (r.w.rec)
    r.w.emit({ type: 'queueAvailable', queue: q.name, ready: q.spec.type === 'stream' ? q.log.length : q.ready.length, node: q.home + 1 });
  // Consumers the broker cancelled subscribe again, in the order they first did.
  const waiting = r.consumers
    .filter((c) => c.queue === q.idx && c.status === 'cancelled' && !c.replaced)
    .sort((a, b) => a.subscription - b.subscription);
  for (const c of waiting) startConsumer(r, c, 'rabbitConsumerRecovered');
  expireHead(r, q);
  dispatch(r, q);
}
