// The KRaft controller and broker liveness (Kafka 4.x): a killed broker is fenced once its heartbeats
// have been missing for broker.session.timeout.ms (KRaftConfigs, default 9000); fencing removes it from
// every ISR and moves leadership to the first live in-sync replica in replica order, leader epoch + 1
// (ReplicationControlManager.generateLeaderAndIsrUpdates, PartitionChangeBuilder.electAnyLeader). With
// none, the partition goes offline (leader -1) and its last in-sync replica stays listed, to lead again
// when it returns, unless unclean.leader.election.enable lets an out-of-sync replica lead (what it lacks
// is lost). Leadership goes back to the preferred (first) replica every
// leader.imbalance.check.interval.seconds when auto.leader.rebalance.enable (QuorumController).
//
// Not modelled: eligible leader replicas (KIP-966, on for new 4.1+ clusters). A broker killed with
// kill -9 shut down uncleanly, and the controller keeps such a replica out of the ELR when it comes
// back, so elections after kill -9 come out as below. The controller quorum itself never fails.
import { failInflight, leaderChanged } from './producer';
import { divergence, isrBrokers, leaveIsr, maybeAdvanceHw, startFollowers, startFollowing } from './replication';
import { Fetch, KafkaTask, NO_LEADER, type KafkaState, type PartState, type Replica } from './state';

type Reason = 'leader-fenced' | 'broker-returned' | 'preferred-leader' | 'unclean';

/** The broker model starts: periodic ISR and preferred-leader checks when some partition has followers. */
export function startCluster(k: KafkaState): void {
  for (const ps of k.parts) startFollowers(k, ps);
  scheduleChecks(k);
}

/** ISR checks (every replica.lag.time.max.ms / 2) and preferred-leader checks, once per state. */
export function scheduleChecks(k: KafkaState): void {
  if (!k.cluster.replicated || k.cluster.checks) return;
  k.cluster.checks = true;
  const spec = k.cluster.spec;
  // Kafka checks from the broker's start; 3 ms after it here, so the checks do not coincide with a
  // scenario's round-number interventions.
  k.schedule(k.w.time + Math.max(1, Math.floor(spec.replicaLagTimeMaxMs / 2)) + 3, KafkaTask.isrCheck, 0, 0);
  if (spec.autoLeaderRebalanceEnable)
    k.schedule(k.w.time + spec.leaderImbalanceCheckIntervalSeconds * 1000, KafkaTask.preferredLeader, 0, 0);
}

function turnOn(k: KafkaState): void {
  k.cluster.on = true;
}

/** kill -9: the process is gone. Clients see its connections break; the controller notices only after the session timeout. */
export function killBroker(k: KafkaState, id: number): void {
  const b = k.cluster.brokers[id - 1];
  if (!b) return k.note(`Ignored: there is no broker ${id}`);
  if (!b.alive) return k.note(`Ignored: broker ${id} is already down`);
  turnOn(k);
  b.alive = false;
  b.diedAt = k.w.time;
  b.token++;
  if (k.w.rec) k.w.emit({ type: 'brokerDown', broker: id });
  for (const r of k.replicas) {
    if (r.broker !== id) continue;
    r.token++;
    r.fetch = Fetch.idle;
    const ps = k.parts[r.part]!;
    // acks=all requests waiting on it: the connection broke (the producer retries them).
    if (ps.leader === r.idx) failInflight(k, ps, 'NETWORK_EXCEPTION');
  }
  k.schedule(k.w.time + k.cluster.spec.brokerSessionTimeoutMs, KafkaTask.brokerFenced, id, b.token);
}

/** broker.session.timeout.ms passed without a heartbeat: the controller fences the broker. */
export function brokerFenced(k: KafkaState, id: number, token: number): void {
  const b = k.broker(id);
  if (b.token !== token || b.alive || b.fenced) return;
  fence(k, id);
}

function fence(k: KafkaState, id: number): void {
  const b = k.broker(id);
  b.fenced = true;
  if (k.w.rec) k.w.emit({ type: 'brokerFenced', broker: id, sessionTimeoutMs: k.cluster.spec.brokerSessionTimeoutMs });
  for (const ps of k.parts) {
    const mine = ps.replicas.find((i) => k.replicas[i]!.broker === id);
    if (mine === undefined) continue;
    // Out of the ISR, but never leaving it empty (without ELR the last member stays listed).
    if (ps.isr.includes(mine) && ps.isr.length > 1) leaveIsr(k, ps, k.replicas[mine]!, { reason: 'fenced' });
    if (ps.leader === mine) elect(k, ps, 'leader-fenced');
    else {
      const leader = k.reachable(ps);
      if (leader) maybeAdvanceHw(k, ps, leader);
    }
  }
}

/** The broker starts again (unfenced at once: registration and catching up metadata are not modelled). */
export function startBroker(k: KafkaState, id: number): void {
  const b = k.cluster.brokers[id - 1];
  if (!b) return k.note(`Ignored: there is no broker ${id}`);
  if (b.alive) return k.note(`Ignored: broker ${id} is already up`);
  turnOn(k);
  // Back before the controller noticed: a new incarnation after an unclean shutdown is fenced out of
  // its old leaderships and ISRs first.
  if (!b.fenced) fence(k, id);
  b.alive = true;
  b.fenced = false;
  b.diedAt = null;
  b.token++;
  if (k.w.rec) k.w.emit({ type: 'brokerUp', broker: id });
  for (const ps of k.parts) {
    const mine = ps.replicas.find((i) => k.replicas[i]!.broker === id);
    if (mine === undefined) continue;
    if (ps.leader === NO_LEADER) {
      // An offline partition: its last in-sync replica leads again; or, unclean, any live replica.
      if (ps.isr.includes(mine)) elect(k, ps, 'broker-returned');
      else if (k.topics[ps.topic]!.spec.uncleanLeaderElection && !ps.isr.some((i) => live(k, k.replicas[i]!))) elect(k, ps, 'unclean');
    } else if (ps.leader !== mine) startFollowing(k, ps, k.replicas[mine]!);
  }
}

export function setFetching(k: KafkaState, id: number, on: boolean): void {
  const b = k.cluster.brokers[id - 1];
  if (!b) return k.note(`Ignored: there is no broker ${id}`);
  if (b.fetching === on) return k.note(`Ignored: broker ${id}'s replica fetcher is already ${on ? 'running' : 'paused'}`);
  turnOn(k);
  b.fetching = on;
  if (k.w.rec) k.w.emit({ type: on ? 'fetcherResumed' : 'fetcherPaused', broker: id });
  for (const r of k.replicas) {
    if (r.broker !== id) continue;
    const ps = k.parts[r.part]!;
    if (ps.leader === r.idx) continue;
    if (on) startFollowing(k, ps, r);
    else {
      r.token++;
      r.fetch = Fetch.idle;
    }
  }
}

function live(k: KafkaState, r: Replica): boolean {
  const b = k.broker(r.broker);
  return b.alive && !b.fenced;
}

/**
 * PartitionChangeBuilder.electAnyLeader: the first replica in replica order that is in the ISR and live;
 * else, with unclean election on, the first live replica (the ISR becomes just it); else offline.
 */
function elect(k: KafkaState, ps: PartState, reason: Reason): void {
  const t = k.topics[ps.topic]!;
  let next = ps.replicas.find((i) => ps.isr.includes(i) && live(k, k.replicas[i]!));
  let why = reason;
  if (next === undefined && t.spec.uncleanLeaderElection) {
    next = ps.replicas.find((i) => live(k, k.replicas[i]!));
    if (next !== undefined) why = 'unclean';
  }
  changeLeader(k, ps, next ?? NO_LEADER, why);
}

function changeLeader(k: KafkaState, ps: PartState, next: number, reason: Reason): void {
  const t = k.topics[ps.topic]!;
  const before = ps.leader;
  if (next === before) return;
  const oldLog = k.replicas[ps.lastLeader]!.log;
  const previous = before === NO_LEADER ? null : k.replicas[before]!.broker;
  if (before !== NO_LEADER && k.broker(k.replicas[before]!.broker).alive) failInflight(k, ps, 'NOT_LEADER_OR_FOLLOWER');
  ps.leader = next;
  ps.epoch++;
  if (next === NO_LEADER) {
    if (k.w.rec)
      k.w.emit({
        type: 'partitionLeaderElected',
        topic: t.name,
        partition: ps.partition,
        leader: null,
        previous,
        leaderEpoch: ps.epoch,
        isr: isrBrokers(k, ps),
        reason,
      });
    for (const i of ps.replicas) k.replicas[i]!.token++;
    return;
  }
  const leader = k.replicas[next]!;
  if (reason === 'unclean') ps.isr = [next];
  ps.lastLeader = next;
  t.partitions[ps.partition] = leader.log;
  leader.log.beginEpoch(ps.epoch);
  leader.token++;
  leader.fetch = Fetch.idle;
  // Replica.resetReplicaState for a new leader: it knows nothing yet of its followers' logs (the high
  // watermark waits for their fetches); in-sync followers count as caught up now, the others not at all.
  for (const i of ps.replicas) {
    if (i === next) continue;
    const f = k.replicas[i]!;
    f.remoteLeo = -1;
    f.lastFetchLeaderLeo = -1;
    f.lastFetchMs = 0;
    f.lastCaughtUpMs = ps.isr.includes(i) ? k.w.time : 0;
  }
  const agreed = divergence(oldLog, leader.log);
  leaderChanged(k, ps, oldLog, leader, agreed);
  if (k.w.rec)
    k.w.emit({
      type: 'partitionLeaderElected',
      topic: t.name,
      partition: ps.partition,
      leader: leader.broker,
      previous,
      leaderEpoch: ps.epoch,
      isr: isrBrokers(k, ps),
      reason,
      ...(reason === 'unclean' && agreed < oldLog.logEndOffset && { missing: { fromOffset: agreed, toOffset: oldLog.logEndOffset } }),
    });
  startFollowers(k, ps);
  maybeAdvanceHw(k, ps, leader);
}

/** auto.leader.rebalance.enable: leadership returns to the preferred replica when it is live and in sync. */
export function preferredLeaderCheck(k: KafkaState): void {
  for (const ps of k.parts) {
    const preferred = ps.replicas[0]!;
    if (ps.leader !== preferred && ps.leader !== NO_LEADER && ps.isr.includes(preferred) && live(k, k.replicas[preferred]!))
      changeLeader(k, ps, preferred, 'preferred-leader');
  }
  k.schedule(k.w.time + k.cluster.spec.leaderImbalanceCheckIntervalSeconds * 1000, KafkaTask.preferredLeader, 0, 0);
}
