// The Kafka side as the world sees it: built from a scenario's `kafka` section, it takes Kafka
// interventions (apply) and its own agenda tasks (run), and can be cloned and viewed. It routes each
// to the file that holds the rule; topics (creation, added partitions) are the one rule kept here.
import type { Broker, ViewLimits } from '../core/broker';
import type { Ctx } from '../core/context';
import type { KafkaView, Totals } from '../core/snapshot';
import type { Intervention, Scenario, TopicSpec } from '../schema';
import { poll, processed, seek } from './consumer';
import {
  addConsumer,
  addGroup,
  crashConsumer,
  join,
  newGroup,
  rebalance,
  removeConsumer,
  restartConsumer,
  sessionTimedOut,
  triggerRebalance,
} from './group-coordinator';
import { brokerFenced, killBroker, preferredLeaderCheck, scheduleChecks, setFetching, startBroker, startCluster } from './controller';
import { heartbeat } from './group-protocol';
import { logCheck } from './log-cleaner';
import { addProducer, produceBurst, produceRetry, produceTick, produceTimeout, seedRecords } from './producer';
import { KafkaRegistry } from './registry';
import { arrive, createPartition, isrCheck, respond, startFollowers } from './replication';
import {
  addShareConsumer,
  addShareGroup,
  crashShareConsumer,
  removeShareConsumer,
  shareHeartbeat,
  shareLockExpiry,
  sharePoll,
  shareProcessed,
  shareRenew,
  shareSessionTimeout,
  shareStart,
} from './share-group';
import { KafkaState, KafkaTask, type ClusterState } from './state';
import { groupLag, kafkaView } from './view';

export type KafkaIntervention = Extract<Intervention, { type: `kafka.${string}` }>;

function addTopic(k: KafkaState, spec: TopicSpec): void {
  const t = { spec, name: spec.name, partitions: [], parts: [] };
  k.topicIndex.set(spec.name, k.topics.length);
  k.topics.push(t);
  for (let p = 0; p < spec.partitions; p++) createPartition(k, t, p);
  seedRecords(k, t, spec);
  k.schedule(spec.logCheckIntervalMs, KafkaTask.logCheck, k.topics.length - 1, 0);
}

/** Partitions can only be added; groups subscribed to the topic rebalance to pick them up. */
function addPartitions(k: KafkaState, topicName: string, total: number): void {
  const t = k.topic(topicName);
  if (!t || total <= t.partitions.length) return k.note(`Ignored: topic "${topicName}" cannot grow to ${total} partitions`);
  const from = t.partitions.length;
  for (let p = from; p < total; p++) {
    createPartition(k, t, p);
    startFollowers(k, k.parts[t.parts[p]!]!);
  }
  scheduleChecks(k);
  if (k.w.rec) k.w.emit({ type: 'partitionsAdded', topic: t.name, from, to: total });
  for (const g of k.groups)
    if (g.spec.topics.includes(t.name) && g.members.length > 0) triggerRebalance(k, g, `${t.name} grew to ${total} partitions`);
}

export class KafkaBroker implements Broker<KafkaIntervention, KafkaView> {
  private constructor(readonly state: KafkaState) {}

  static start(ctx: Ctx, spec: NonNullable<Scenario['kafka']>): KafkaBroker {
    const cluster: ClusterState = {
      spec,
      brokers: Array.from({ length: spec.brokers ?? 1 }, (_, i) => ({
        id: i + 1,
        alive: true,
        fenced: false,
        diedAt: null,
        fetching: true,
        token: 0,
      })),
      on: spec.brokers !== undefined,
      replicated: false,
      checks: false,
    };
    const k = new KafkaState(ctx, new KafkaRegistry(), cluster);
    for (const t of spec.topics) addTopic(k, t);
    startCluster(k);
    for (const p of spec.producers) addProducer(k, p);
    for (const g of spec.groups) addGroup(k, g, 0);
    for (const g of spec.shareGroups) addShareGroup(k, g);
    return new KafkaBroker(k);
  }

  run(kind: number, a: number, b: number): void {
    // A member's and a group's tasks carry the token they were scheduled with: a newer one cancels them.
    const k = this.state;
    switch (kind) {
      case KafkaTask.produce:
        return produceTick(k, a);
      case KafkaTask.poll:
        if (k.members[a]!.token === b) poll(k, k.members[a]!);
        return;
      case KafkaTask.processed:
        if (k.members[a]!.token === b) processed(k, k.members[a]!);
        return;
      case KafkaTask.rebalance:
        if (k.groups[a]!.rebalanceToken === b) rebalance(k, k.groups[a]!);
        return;
      case KafkaTask.sessionTimeout:
        if (k.members[a]!.token === b && k.members[a]!.status === 'crashed') sessionTimedOut(k, k.members[a]!);
        return;
      case KafkaTask.memberStart:
        return join(k, k.members[a]!, 'joined');
      case KafkaTask.logCheck:
        return logCheck(k, a);
      case KafkaTask.brokerFenced:
        return brokerFenced(k, a, b);
      case KafkaTask.isrCheck:
        return isrCheck(k);
      case KafkaTask.fetchRespond:
        return respond(k, k.replicas[a]!, b);
      case KafkaTask.fetchArrive:
        return arrive(k, k.replicas[a]!, b);
      case KafkaTask.produceRetry:
        return produceRetry(k, a, b);
      case KafkaTask.produceTimeout:
        return produceTimeout(k, a, b);
      case KafkaTask.preferredLeader:
        return preferredLeaderCheck(k);
      case KafkaTask.shareStart:
        return shareStart(k, a);
      case KafkaTask.sharePoll:
        return sharePoll(k, a, b);
      case KafkaTask.shareProcessed:
        return shareProcessed(k, a, b);
      case KafkaTask.shareHeartbeat:
        return shareHeartbeat(k, a, b);
      case KafkaTask.shareLockExpiry:
        return shareLockExpiry(k, a, b);
      case KafkaTask.shareRenew:
        return shareRenew(k, a, b);
      case KafkaTask.shareSessionTimeout:
        return shareSessionTimeout(k, a, b);
      case KafkaTask.heartbeat:
        return heartbeat(k, a, b);
    }
  }

  apply(iv: KafkaIntervention): void {
    const k = this.state;
    switch (iv.type) {
      case 'kafka.addConsumer':
        return addConsumer(k, iv.group, iv.consumer);
      case 'kafka.removeConsumer':
        return removeConsumer(k, iv.group, iv.consumer);
      case 'kafka.crashConsumer':
        return crashConsumer(k, iv.group, iv.consumer);
      case 'kafka.restartConsumer':
        return restartConsumer(k, iv.group, iv.consumer);
      case 'kafka.seek':
        return seek(k, iv.group, iv.consumer, iv.topic, iv.partition, iv.to);
      case 'kafka.newGroup':
        return newGroup(k, iv.group);
      case 'kafka.addPartitions':
        return addPartitions(k, iv.topic, iv.partitions);
      case 'kafka.produceBurst':
        return produceBurst(k, iv.topic, iv.count, iv.keys, iv.partitioner, iv.producer);
      case 'kafka.killBroker':
        return killBroker(k, iv.broker);
      case 'kafka.startBroker':
        return startBroker(k, iv.broker);
      case 'kafka.pauseFetching':
        return setFetching(k, iv.broker, false);
      case 'kafka.resumeFetching':
        return setFetching(k, iv.broker, true);
      case 'kafka.addShareConsumer':
        return addShareConsumer(k, iv.group, iv.consumer);
      case 'kafka.removeShareConsumer':
        return removeShareConsumer(k, iv.group, iv.consumer);
      case 'kafka.crashShareConsumer':
        return crashShareConsumer(k, iv.group, iv.consumer);
    }
  }

  clone(ctx: Ctx): KafkaBroker {
    return new KafkaBroker(this.state.clone(ctx));
  }

  size(): number {
    const k = this.state;
    let n = k.groups.length;
    for (const t of k.topics) for (const p of t.partitions) n += 1 + p.segments.length;
    for (const g of k.groups) n += g.committed.size + g.fetchedHigh.size;
    for (const m of k.members) n += 1 + m.assigned.length + m.positions.size;
    return n;
  }

  view(limits: ViewLimits): KafkaView {
    return kafkaView(this.state, limits.maxRecords);
  }

  totals(into: Totals): void {
    into.groupLag = groupLag(this.state);
  }
}
