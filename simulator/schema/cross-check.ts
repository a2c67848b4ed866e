// References between parts of a scenario (a producer's topic, a binding's queue...) must resolve, and
// interventions must fit the scenario they change: what they name exists by the time they apply, and
// consumers they add stay within the caps. A link's interventions go through the same checks.
import type { z } from 'zod';
import { LIMITS } from './defaults';
import type { timedInterventionSchema } from './interventions';
import type { kafkaSchema } from './kafka';
import type { queueSchema, rabbitmqSchema } from './rabbitmq';

type Report = (path: (string | number)[], message: string) => void;
type Kafka = z.infer<typeof kafkaSchema>;
type Rabbit = z.infer<typeof rabbitmqSchema>;
type QueueSpec = z.infer<typeof queueSchema>;
/** A parsed scenario, before these checks. */
interface Checked {
  durationMs: number;
  kafka?: Kafka | undefined;
  rabbitmq?: Rabbit | undefined;
  interventions: z.infer<typeof timedInterventionSchema>[];
}

function duplicates(ids: string[]): Set<number> {
  const seen = new Set<string>();
  const dup = new Set<number>();
  ids.forEach((id, i) => (seen.has(id) ? dup.add(i) : seen.add(id)));
  return dup;
}

export function crossCheck(s: Checked, report: Report): void {
  if (s.kafka) checkKafka(s.kafka, (p, m) => report(['kafka', ...p], m));
  if (s.rabbitmq) checkRabbit(s.rabbitmq, (p, m) => report(['rabbitmq', ...p], m));
  checkInterventions(s, report);
}

function checkKafka(k: Kafka, report: Report): void {
  const topics = new Set(k.topics.map((t) => t.name));
  for (const i of duplicates(k.topics.map((t) => t.name))) report(['topics', i, 'name'], 'duplicates another topic name');
  k.topics.forEach((t, ti) =>
    t.records.forEach((r, ri) => {
      if (r.partition !== undefined && r.partition >= t.partitions)
        report(['topics', ti, 'records', ri, 'partition'], `must be below the topic's ${t.partitions} partitions`);
    }),
  );
  for (const i of duplicates(k.producers.map((p) => p.id))) report(['producers', i, 'id'], 'duplicates another producer id');
  k.producers.forEach((p, i) => {
    if (!topics.has(p.topic)) report(['producers', i, 'topic'], `names no declared topic ("${p.topic}")`);
  });
  for (const i of duplicates(k.groups.map((g) => g.id))) report(['groups', i, 'id'], 'duplicates another group id');
  checkCluster(k, report);
  k.groups.forEach((g, gi) => {
    g.topics.forEach((t, ti) => {
      if (!topics.has(t)) report(['groups', gi, 'topics', ti], `names no declared topic ("${t}")`);
    });
    for (const i of duplicates(g.consumers.map((c) => c.id)))
      report(['groups', gi, 'consumers', i, 'id'], 'duplicates another consumer id in this group');
  });
}

/** Brokers, replicas, producer acks and share groups (Kafka's own checks, with its error where it has one). */
function checkCluster(k: Kafka, report: Report): void {
  const brokers = k.brokers ?? 1;
  const topics = new Map(k.topics.map((t) => [t.name, t]));
  k.topics.forEach((t, ti) => {
    if (t.replicationFactor > brokers)
      report(
        ['topics', ti, 'replicationFactor'],
        `must be at most the ${brokers} broker${brokers === 1 ? '' : 's'} of the cluster (Kafka: INVALID_REPLICATION_FACTOR)`,
      );
    if (t.replicaAssignment === undefined) return;
    if (t.replicaAssignment.length !== t.partitions)
      report(['topics', ti, 'replicaAssignment'], `must list replicas for each of the ${t.partitions} partitions`);
    t.replicaAssignment.forEach((replicas, p) => {
      const at = ['topics', ti, 'replicaAssignment', p];
      if (replicas.length !== t.replicationFactor) report(at, `must name ${t.replicationFactor} brokers (the replicationFactor)`);
      if (new Set(replicas).size !== replicas.length) report(at, 'must name distinct brokers');
      if (replicas.some((b) => b > brokers)) report(at, `must name brokers 1 to ${brokers}`);
    });
  });
  k.producers.forEach((p, i) => {
    if (p.enableIdempotence === true && p.acks !== 'all')
      report(['producers', i, 'enableIdempotence'], 'needs acks: "all" (the Java client refuses it: ConfigException)');
  });
  const groupIds = new Set(k.groups.map((g) => g.id));
  for (const i of duplicates(k.shareGroups.map((g) => g.id))) report(['shareGroups', i, 'id'], 'duplicates another share group id');
  k.shareGroups.forEach((g, gi) => {
    if (groupIds.has(g.id)) report(['shareGroups', gi, 'id'], 'is already a consumer group id (a group id has one type)');
    g.topics.forEach((t, ti) => {
      if (!topics.has(t)) report(['shareGroups', gi, 'topics', ti], `names no declared topic ("${t}")`);
    });
    const dlq = g.errorsDeadletterqueueTopicName;
    if (dlq !== undefined) {
      const at = ['shareGroups', gi, 'errorsDeadletterqueueTopicName'];
      const t = topics.get(dlq);
      if (!dlq.startsWith('dlq.')) report(at, 'must start with "dlq." (errors.deadletterqueue.topic.name.prefix)');
      else if (!t)
        report(at, `names no declared topic ("${dlq}"); Kafka creates none unless errors.deadletterqueue.auto.create.topics.enable`);
      else if (!t.errorsDeadletterqueueGroupEnable) report(at, `names a topic without errorsDeadletterqueueGroupEnable: true`);
      else if (g.topics.includes(dlq)) report(at, 'must not be a topic the group reads');
    }
    for (const i of duplicates(g.consumers.map((c) => c.id)))
      report(['shareGroups', gi, 'consumers', i, 'id'], 'duplicates another consumer id in this group');
    g.consumers.forEach((c, ci) => checkShareConsumer(c, (p, m) => report(['shareGroups', gi, 'consumers', ci, ...p], m)));
  });
}

function checkShareConsumer(c: { shareAcknowledgementMode: string; fail?: unknown; renewLocks: boolean }, report: Report): void {
  if (c.shareAcknowledgementMode !== 'explicit' && c.fail !== undefined)
    report(['fail'], 'needs shareAcknowledgementMode: "explicit" (implicit mode cannot release or reject a record)');
  if (c.shareAcknowledgementMode !== 'explicit' && c.renewLocks)
    report(['renewLocks'], 'needs shareAcknowledgementMode: "explicit" (RENEW is an explicit acknowledgement)');
}

function checkRabbit(r: Rabbit, report: Report): void {
  const exchanges = new Set(r.exchanges.map((e) => e.name));
  const queues = new Map(r.queues.map((q) => [q.name, q]));
  for (const i of duplicates(r.exchanges.map((e) => e.name))) report(['exchanges', i, 'name'], 'duplicates another exchange name');
  r.exchanges.forEach((e, i) => {
    if (e.name.startsWith('amq.')) report(['exchanges', i, 'name'], 'must not start with "amq." (reserved by the broker)');
    if (e.alternateExchange !== undefined && !exchanges.has(e.alternateExchange))
      report(['exchanges', i, 'alternateExchange'], `names no declared exchange ("${e.alternateExchange}")`);
  });
  for (const i of duplicates(r.queues.map((q) => q.name))) report(['queues', i, 'name'], 'duplicates another queue name');
  const nodes = r.nodes ?? 1;
  const onNode = (path: (string | number)[], node: number | undefined) => {
    if (node !== undefined && node > nodes)
      report(path, `names node ${node}, but the cluster has ${nodes} node${nodes === 1 ? '' : 's'} (rabbitmq.nodes)`);
  };
  r.queues.forEach((q, i) => {
    if (q.deadLetterExchange !== undefined && q.deadLetterExchange !== '' && !exchanges.has(q.deadLetterExchange))
      report(['queues', i, 'deadLetterExchange'], `names no declared exchange ("${q.deadLetterExchange}")`);
    onNode(['queues', i, 'homeNode'], q.homeNode);
    checkQueueType(q, (p, m) => report(['queues', i, ...p], m));
  });
  r.publishers.forEach((p, i) => {
    onNode(['publishers', i, 'node'], p.node);
    if (p.resendAfterMs !== undefined && p.confirms !== true)
      report(['publishers', i, 'resendAfterMs'], 'needs "confirms": true (without confirms a publisher never learns what to resend)');
  });
  r.consumers.forEach((c, i) => onNode(['consumers', i, 'node'], c.node));
  r.bindings.forEach((b, i) => {
    if (!exchanges.has(b.exchange)) report(['bindings', i, 'exchange'], `names no declared exchange ("${b.exchange}")`);
    if (!queues.has(b.queue)) report(['bindings', i, 'queue'], `names no declared queue ("${b.queue}")`);
    if (b.arguments && 'x-match' in b.arguments) {
      const m = b.arguments['x-match'];
      if (!['all', 'any', 'all-with-x', 'any-with-x'].includes(String(m)))
        report(['bindings', i, 'arguments', 'x-match'], 'must be "all", "any", "all-with-x" or "any-with-x"');
    }
  });
  for (const i of duplicates(r.publishers.map((p) => p.id))) report(['publishers', i, 'id'], 'duplicates another publisher id');
  r.publishers.forEach((p, i) => {
    if (p.exchange !== '' && !exchanges.has(p.exchange))
      report(['publishers', i, 'exchange'], `names no declared exchange ("${p.exchange}")`);
  });
  for (const i of duplicates(r.consumers.map((c) => c.id))) report(['consumers', i, 'id'], 'duplicates another consumer id');
  r.consumers.forEach((c, i) => checkRabbitConsumer(c, queues, (p, m) => report(['consumers', i, ...p], m)));
}

/**
 * Arguments that only one queue type takes. RabbitMQ refuses the quorum-queue cases at declare time
 * (406 PRECONDITION_FAILED: rabbit_quorum_queue.erl declare/2, check_non_durable; observed on 3.10.8),
 * ignores reject-publish-dlx on quorum queues (only drop-head and reject-publish), and a classic queue
 * has no delivery limit.
 */
function checkQueueType(q: QueueSpec, report: Report): void {
  const quorumOnly = ['quorumInitialGroupSize', 'deliveryLimit', 'deadLetterStrategy', 'consumerDisconnectedTimeoutMs'] as const;
  if (q.type !== 'quorum')
    for (const k of quorumOnly)
      if (q[k] !== undefined) report([k], `applies only to quorum queues ("type": "quorum"); this queue is ${q.type}`);
  if (q.type === 'quorum') {
    if (q.durable === false) report(['durable'], 'must be true: quorum queues are always durable (RabbitMQ refuses a non-durable one)');
    if (q.overflow === 'reject-publish-dlx') report(['overflow'], 'must be "drop-head" or "reject-publish" for a quorum queue');
    if (q.maxAgeMs !== undefined) report(['maxAgeMs'], 'applies only to streams');
  }
  if (q.type === 'stream' && q.singleActiveConsumer) report(['singleActiveConsumer'], 'applies to classic and quorum queues');
}

function checkInterventions(s: Checked, report: Report): void {
  const topics = new Map((s.kafka?.topics ?? []).map((t) => [t.name, t]));
  const exchanges = new Set((s.rabbitmq?.exchanges ?? []).map((e) => e.name));
  const queues = new Map((s.rabbitmq?.queues ?? []).map((q) => [q.name, q]));
  // What exists as the timeline goes on: groups and their consumer ids, RabbitMQ consumer ids.
  const groups = new Map((s.kafka?.groups ?? []).map((g) => [g.id, new Set(g.consumers.map((c) => c.id))]));
  const rabbitConsumers = new Set((s.rabbitmq?.consumers ?? []).map((c) => c.id));
  const inOrder = s.interventions.map((t, i) => ({ t, i })).sort((a, b) => a.t.time - b.t.time || a.i - b.i);
  for (const { t, i } of inOrder) {
    if (t.time > s.durationMs) report(['interventions', i, 'time'], `must be within the scenario's ${s.durationMs} ms`);
    const iv = t.intervention;
    const at = (p: (string | number)[], m: string) => report(['interventions', i, 'intervention', ...p], m);
    if (iv.type.startsWith('kafka.') && !s.kafka) at(['type'], 'needs a "kafka" section in the scenario');
    if (iv.type.startsWith('rabbitmq.') && !s.rabbitmq) at(['type'], 'needs a "rabbitmq" section in the scenario');
    if ((iv.type === 'kafka.addPartitions' || iv.type === 'kafka.produceBurst' || iv.type === 'kafka.seek') && s.kafka) {
      const t = topics.get(iv.topic);
      if (!t) at(['topic'], `names no declared topic ("${iv.topic}")`);
      else if (iv.type === 'kafka.addPartitions' && iv.partitions <= t.partitions)
        at(['partitions'], `must be more than the topic's current ${t.partitions} partitions`);
    }
    if (iv.type.startsWith('kafka.') && 'broker' in iv && s.kafka && iv.broker > (s.kafka.brokers ?? 1))
      at(['broker'], `must name one of the ${s.kafka.brokers ?? 1} broker${(s.kafka.brokers ?? 1) === 1 ? '' : 's'}`);
    if (
      (iv.type === 'kafka.addShareConsumer' || iv.type === 'kafka.removeShareConsumer' || iv.type === 'kafka.crashShareConsumer') &&
      s.kafka
    ) {
      if (!s.kafka.shareGroups.some((g) => g.id === iv.group)) at(['group'], `names no declared share group ("${iv.group}")`);
      if (iv.type === 'kafka.addShareConsumer') checkShareConsumer(iv.consumer, (p, m) => at(['consumer', ...p], m));
    }
    if (iv.type === 'kafka.newGroup' && s.kafka) {
      iv.group.topics.forEach((t, ti) => {
        if (!topics.has(t)) at(['group', 'topics', ti], `names no declared topic ("${t}")`);
      });
      if (groups.has(iv.group.id)) at(['group', 'id'], `names a group that already exists ("${iv.group.id}")`);
      else groups.set(iv.group.id, new Set(iv.group.consumers.map((c) => c.id)));
    }
    if (
      (iv.type === 'kafka.addConsumer' ||
        iv.type === 'kafka.removeConsumer' ||
        iv.type === 'kafka.crashConsumer' ||
        iv.type === 'kafka.restartConsumer' ||
        iv.type === 'kafka.seek') &&
      s.kafka
    ) {
      const members = groups.get(iv.group);
      if (!members) at(['group'], `names no group of the scenario or of an earlier intervention ("${iv.group}")`);
      else if (iv.type === 'kafka.addConsumer') {
        members.add(iv.consumer.id);
        if (members.size > LIMITS.consumersPerGroup)
          at(['consumer', 'id'], `would give group ${iv.group} more than ${LIMITS.consumersPerGroup} consumers`);
      } else if (!members.has(iv.consumer)) at(['consumer'], `names no consumer of group ${iv.group} ("${iv.consumer}")`);
    }
    if (iv.type === 'rabbitmq.publishBurst' && iv.exchange !== '' && s.rabbitmq && !exchanges.has(iv.exchange))
      at(['exchange'], `names no declared exchange ("${iv.exchange}")`);
    if (iv.type === 'rabbitmq.addConsumer' && s.rabbitmq) {
      checkRabbitConsumer(iv.consumer, queues, (p, m) => at(['consumer', ...p], m));
      if (iv.consumer.node !== undefined && iv.consumer.node > (s.rabbitmq.nodes ?? 1))
        at(['consumer', 'node'], `names node ${iv.consumer.node}, but the cluster has ${s.rabbitmq.nodes ?? 1} (rabbitmq.nodes)`);
      rabbitConsumers.add(iv.consumer.id);
      if (rabbitConsumers.size > LIMITS.rabbitConsumers)
        at(['consumer', 'id'], `would make more than ${LIMITS.rabbitConsumers} RabbitMQ consumers`);
    }
    if ((iv.type === 'rabbitmq.killNode' || iv.type === 'rabbitmq.startNode') && s.rabbitmq && iv.node > (s.rabbitmq.nodes ?? 1))
      at(['node'], `names node ${iv.node}, but the cluster has ${s.rabbitmq.nodes ?? 1} (rabbitmq.nodes)`);
    if (
      (iv.type === 'rabbitmq.removeConsumer' ||
        iv.type === 'rabbitmq.crashConsumer' ||
        iv.type === 'rabbitmq.restartConsumer' ||
        iv.type === 'rabbitmq.setPrefetch' ||
        iv.type === 'rabbitmq.ack' ||
        iv.type === 'rabbitmq.nack' ||
        iv.type === 'rabbitmq.reject') &&
      s.rabbitmq &&
      !rabbitConsumers.has(iv.consumer)
    )
      at(['consumer'], `names no consumer of the scenario or of an earlier intervention ("${iv.consumer}")`);
  }
}

function checkRabbitConsumer(
  c: { queue: string; offset?: unknown; autoAck: boolean; settleBy?: string | undefined },
  queues: Map<string, QueueSpec>,
  report: Report,
): void {
  const q = queues.get(c.queue);
  if (!q) report(['queue'], `names no declared queue ("${c.queue}")`);
  else if (c.offset !== undefined && q.type !== 'stream') report(['offset'], 'applies only to consumers of a stream queue');
  else if (c.settleBy === 'interventions' && (c.autoAck || q.type === 'stream'))
    report(['settleBy'], 'applies only to manual-ack consumers of a classic or quorum queue');
}
