import { describe, expect, it } from 'vitest';
import { builtInScenarios, createSimulation, describeEvent, getBuiltInScenario, hashEvents, type Snapshot } from '@/simulator';
import { crc32, javaPartition } from '@/simulator/kafka/partitioner';
import { ofType } from './engine-helpers';

const IDS = [
  'log-vs-queue',
  'group-scaling',
  'replay-new-group',
  'retention-reset',
  'compaction',
  'crash-before-commit',
  'key-ordering',
  'acks-all-leader-dies',
  'acks-1-leader-dies',
  'two-brokers-down',
  'unclean-election',
  'retries-duplicates',
  'more-consumers-than-partitions',
  'share-lock-expiry',
  'share-poison-message',
  'rebalance-styles',
  'broker-dies-both',
  'poison-three-ways',
  'slow-consumer-lock-vs-prefetch',
  'work-queue-prefetch',
  'requeue-on-crash',
  'ack-each-multiple-auto',
  'ttl-dead-letter',
  'order-topic-exchange',
  'length-limit',
  'side-by-side',
  'stream-replay',
  'quorum-leader-dies',
  'classic-node-dies',
  'publisher-confirms',
  'poison-message',
  'single-active-consumer',
  'consumer-priorities',
  'heavy',
];

function runBuiltIn(id: string, seed = 1) {
  const b = getBuiltInScenario(id);
  if (!b) throw new Error(`no scenario ${id}`);
  const sim = createSimulation(b.scenario, seed);
  sim.runUntil(sim.endTime);
  return { sim, events: sim.events() };
}

describe('built-in scenarios', () => {
  it('has exactly the agreed ids, each with a title, a two-sentence explanation and lanes', () => {
    expect(builtInScenarios.map((b) => b.id)).toEqual(IDS);
    for (const b of builtInScenarios) {
      expect(b.title.length).toBeGreaterThan(5);
      expect(b.explanation.split(/(?<=[.!?])\s+/).length, b.id).toBe(2);
      expect(b.lanes.length).toBeGreaterThan(0);
      expect(Boolean(b.scenario.kafka), b.id).toBe(b.lanes.includes('kafka'));
      expect(Boolean(b.scenario.rabbitmq), b.id).toBe(b.lanes.includes('rabbitmq'));
      for (const c of b.chapters ?? []) expect(c.time).toBeLessThanOrEqual(b.scenario.durationMs);
    }
  });

  it.each(IDS)(
    '%s runs to its end, deterministically, with narration for every event',
    (id) => {
      const a = runBuiltIn(id, 5);
      expect(a.sim.time).toBe(a.sim.endTime);
      expect(a.events.length).toBeGreaterThan(10);
      expect(a.sim.step()).toEqual([]);
      const b = runBuiltIn(id, 5);
      expect(hashEvents(b.events)).toBe(hashEvents(a.events));
      for (const e of a.events) expect(describeEvent(e).length).toBeGreaterThan(5);
      // events are ordered and numbered
      a.events.forEach((e, i) => {
        expect(e.seq).toBe(i);
        if (i > 0) expect(e.time).toBeGreaterThanOrEqual(a.events[i - 1]!.time);
      });
    },
    60_000,
  );

  it('log-vs-queue: five records at offsets 0..4, LEO 5, committed 5, 2, 4 — the consumer at 4 has lag 1', () => {
    const b = getBuiltInScenario('log-vs-queue')!;
    const sim = createSimulation(b.scenario, 1);
    const s = sim.snapshot();
    const p = s.kafka!.topics[0]!.partitions[0]!;
    expect(p.records.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4]);
    expect(p.logStartOffset).toBe(0);
    expect(p.logEndOffset).toBe(5);
    const lag = Object.fromEntries(s.kafka!.groups.map((g) => [g.id, [g.partitions[0]!.committedOffset, g.partitions[0]!.lag]]));
    expect(lag).toEqual({ billing: [5, 0], analytics: [2, 3], audit: [4, 1] });
    expect(s.kafka!.groups.map((g) => g.members.map((m) => [m.id, m.status, m.assigned]))).toEqual([
      [['A', 'active', ['orders-0']]],
      [['B', 'active', ['orders-0']]],
      [['C', 'active', ['orders-0']]],
    ]);
    // B and C have fetched the next record at time 0 and are processing it; nothing is committed yet
    expect(s.kafka!.groups.map((g) => g.members[0]!.partitions[0]!.position)).toEqual([5, 3, 5]);
    // RabbitMQ side: exchange → queue → consumer with ack and delete
    expect(s.rabbitmq!.exchanges.map((x) => x.name)).toEqual(['orders']);
    sim.runUntil(sim.endTime);
    const events = sim.events();
    const fetched = ofType(events, 'fetched').find((e) => e.group === 'audit')!;
    expect([fetched.fromOffset, fetched.lag]).toEqual([4, 1]);
    expect(describeEvent(fetched)).toBe(
      'Consumer C of group audit fetched offset 4 from partition 0 of orders; its position is now 5 and its lag is 1',
    );
    expect(ofType(events, 'fetched').filter((e) => e.group === 'billing')).toEqual([]);
    expect(ofType(events, 'acked').length).toBe(5);
    const end = sim.snapshot();
    expect(end.rabbitmq!.queues[0]!.ready).toEqual([]);
    expect(end.kafka!.topics[0]!.partitions[0]!.records.length).toBe(5); // the log keeps everything
  });

  it('group-scaling: the fourth consumer of three partitions is idle, and takes over when c1 leaves', () => {
    const { events } = runBuiltIn('group-scaling');
    const rebalances = ofType(events, 'rebalanced');
    expect(rebalances.map((r) => Object.keys(r.assignment).length)).toEqual([1, 2, 3, 4, 3]);
    expect(rebalances[3]!.idle).toEqual(['c4']);
    expect(rebalances[4]!.assignment.c4!.length).toBe(1);
    for (const r of rebalances) {
      const all = Object.values(r.assignment).flat().sort();
      expect(all).toEqual(['events-0', 'events-1', 'events-2']);
    }
  });

  it('replay-new-group: earliest replays from offset 0, latest starts at the log end', () => {
    const { events } = runBuiltIn('replay-new-group');
    const resets = ofType(events, 'offsetReset').filter((e) => e.group !== 'billing');
    expect(resets.filter((e) => e.group === 'analytics').every((e) => e.to === 0)).toBe(true);
    expect(resets.filter((e) => e.group === 'alerts').every((e) => e.to === e.logEndOffset && e.to! > 0)).toBe(true);
    const analytics = ofType(events, 'fetched').filter((e) => e.group === 'analytics');
    const produced = ofType(events, 'appended').length;
    expect(analytics.reduce((n, e) => n + e.count, 0)).toBe(produced);
    const alerts = ofType(events, 'fetched').filter((e) => e.group === 'alerts');
    expect(alerts.reduce((n, e) => n + e.count, 0)).toBeLessThan(produced / 2);
  });

  it('retention-reset: whole closed segments go, never the active one; the slow group resets out of range', () => {
    const { sim, events } = runBuiltIn('retention-reset');
    const deleted = ofType(events, 'segmentDeleted');
    expect(deleted.length).toBeGreaterThan(3);
    for (const d of deleted) expect(d.logStartOffset).toBe(d.lastOffset + 1);
    const resets = ofType(events, 'offsetReset').filter((e) => e.reason === 'out-of-range');
    expect(resets.length).toBeGreaterThan(0);
    expect(resets.every((e) => e.group === 'warehouse' && e.from! < e.logStartOffset && e.to === e.logStartOffset)).toBe(true);
    const p = sim.snapshot().kafka!.topics[0]!.partitions[0]!;
    expect(p.segments.filter((s) => s.active).length).toBe(1);
    expect(p.segments[0]!.baseOffset).toBe(p.logStartOffset);
  });

  it('compaction: keeps the latest value per key in closed segments and drops the expired tombstone', () => {
    const { sim, events } = runBuiltIn('compaction');
    const compacted = ofType(events, 'compacted');
    expect(compacted.length).toBeGreaterThan(0);
    expect(compacted.some((c) => c.tombstonesRemoved > 0)).toBe(true);
    const p = sim.snapshot().kafka!.topics[0]!.partitions[0]!;
    const active = p.segments.find((s) => s.active)!;
    const closed = p.records.filter((r) => r.offset < active.baseOffset);
    const keys = closed.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length); // one record per key in the cleaned part
    // offsets never change: every surviving record keeps its appended offset
    const appended = new Map(ofType(events, 'appended').map((a) => [a.offset, a.messageId]));
    for (const r of p.records) expect(appended.get(r.offset)).toBe(r.messageId);
    // the late reader sees no superseded value
    const loader = ofType(events, 'fetched').filter((e) => e.group === 'snapshot');
    expect(loader.reduce((n, e) => n + e.count, 0)).toBe(p.records.length);
  });

  it('crash-before-commit: the new owner re-reads what c1 processed after its last commit', () => {
    const { events } = runBuiltIn('crash-before-commit');
    const crash = ofType(events, 'consumerCrashed')[0]!;
    const lastCommit = ofType(events, 'committed')
      .filter((e) => e.time <= crash.time)
      .at(-1)!;
    const c1Processed = ofType(events, 'processed')
      .filter((e) => e.consumer === 'c1' && e.time <= crash.time)
      .at(-1)!;
    expect(c1Processed.toOffset).toBeGreaterThan(lastCommit.committedOffset);
    const after = ofType(events, 'fetched').filter((e) => e.consumer === 'c2' && e.time > crash.time);
    expect(after[0]!.fromOffset).toBe(lastCommit.committedOffset);
    expect(after.reduce((n, e) => n + e.redelivered, 0)).toBe(c1Processed.toOffset - lastCommit.committedOffset);
  });

  it('key-ordering: Java hashes with murmur2, the librdkafka producer with CRC-32', () => {
    const { events } = runBuiltIn('key-ordering');
    const enc = new TextEncoder();
    for (const a of ofType(events, 'appended')) {
      const expected = a.producer === 'java-app' ? javaPartition(a.key!, 4) : crc32(enc.encode(a.key!)) % 4;
      expect(a.partition).toBe(expected);
    }
    // per key, offsets within a partition increase in produce order
    const byKey = new Map<string, number[]>();
    for (const a of ofType(events, 'appended').filter((e) => e.producer === 'java-app'))
      byKey.set(a.key!, [...(byKey.get(a.key!) ?? []), a.offset]);
    for (const offs of byKey.values()) expect(offs).toEqual([...offs].sort((x, y) => x - y));
    const moved = ['customer-1', 'customer-2', 'customer-3', 'customer-4', 'customer-5'].filter(
      (k) => javaPartition(k, 4) !== crc32(enc.encode(k)) % 4,
    );
    expect(moved.length).toBeGreaterThan(0);
  });

  it('work-queue-prefetch: a consumer never holds more unacked than its prefetch, and the hoarder holds 10', () => {
    const { events } = runBuiltIn('work-queue-prefetch');
    for (const d of ofType(events, 'delivered')) if (d.prefetchCount > 0) expect(d.unacked).toBeLessThanOrEqual(d.prefetchCount);
    expect(
      Math.max(
        ...ofType(events, 'delivered')
          .filter((d) => d.consumer === 'hoarder')
          .map((d) => d.unacked),
      ),
    ).toBe(10);
    expect(ofType(events, 'prefetchChanged')).toHaveLength(1);
  });

  it('requeue-on-crash: unacked messages come back at their original positions with redelivered=true', () => {
    const { events } = runBuiltIn('requeue-on-crash');
    const requeued = ofType(events, 'requeued');
    expect(requeued.length).toBe(5);
    expect(requeued.map((r) => r.position)).toEqual([0, 1, 2, 3, 4]);
    const ids = new Set(requeued.map((r) => r.messageId));
    const redelivered = ofType(events, 'delivered').filter((d) => ids.has(d.messageId) && d.time > requeued[0]!.time);
    expect(redelivered.every((d) => d.redelivered && d.consumer === 'c2')).toBe(true);
    expect(new Set(ofType(events, 'acked').map((a) => a.messageId)).size).toBe(30); // every message done once
  });

  it('ack-each-multiple-auto: one ack per delivery, one ack with multiple=true for many, none with auto-ack; a crash requeues the unacked and loses the auto-acked', () => {
    const { events } = runBuiltIn('ack-each-multiple-auto');
    expect(ofType(events, 'note').filter((n) => /Ignored/.test(n.text))).toEqual([]);
    const acked = ofType(events, 'acked');
    // each: one basic.ack per delivery (no multiple); batcher: only acks with multiple=true, each settling every tag up to it.
    expect(acked.filter((a) => a.consumer === 'each').every((a) => a.multipleUpTo === undefined)).toBe(true);
    const batches = new Map<string, typeof acked>();
    for (const a of acked.filter((x) => x.consumer === 'batcher')) {
      const k = `${a.time}/${a.multipleUpTo}`;
      batches.set(k, [...(batches.get(k) ?? []), a]);
    }
    expect([...batches].map(([k, list]) => [k, list.map((a) => a.deliveryTag)])).toEqual([
      ['2600/6', [1, 2, 3, 4, 5, 6]],
      ['5100/11', [7, 8, 9, 10, 11]],
      ['10500/8', [1, 2, 3, 4, 5, 6, 7, 8]],
      ['13500/16', [9, 10, 11, 12, 13, 14, 15, 16]],
    ]);
    expect(acked.filter((a) => a.consumer === 'auto')).toEqual([]);
    // The crash at 6.3 s: unacked deliveries go back marked redelivered; auto-acked ones not yet processed are lost.
    const crash = events.filter((e) => e.time === 6300);
    const requeued = ofType(crash, 'requeued');
    expect(requeued.filter((r) => r.consumer === 'each')).toHaveLength(4);
    expect(requeued.filter((r) => r.consumer === 'batcher')).toHaveLength(2);
    expect(requeued.every((r) => r.reason === 'consumer-crash')).toBe(true);
    expect(ofType(crash, 'dropped').map((d) => [d.queue, d.reason])).toEqual(Array(5).fill(['auto-acked', 'consumer-crash']));
    // New channels: delivery tags start again at 1.
    const after = ofType(events, 'delivered').filter((d) => d.time >= 8000);
    for (const c of ['each', 'batcher']) expect(after.find((d) => d.consumer === c)?.deliveryTag).toBe(1);
    // The narration names the acks.
    expect(describeEvent(batches.get('2600/6')![0]!)).toBe(
      'Consumer batcher acked app-0 (delivery tag 1) with one basic.ack of tag 6, multiple=true; queue batched deleted it',
    );
    expect(describeEvent(acked.find((a) => a.consumer === 'each')!)).toMatch(
      /^Consumer each acked app-\d+ \(delivery tag 1\); queue one-by-one deleted it$/,
    );
  });

  it('ttl-dead-letter: expired and rejected messages go through the DLX to orders.dead', () => {
    const { sim, events } = runBuiltIn('ttl-dead-letter');
    const dead = ofType(events, 'deadLettered');
    expect(new Set(dead.map((d) => d.reason))).toEqual(new Set(['expired', 'rejected']));
    expect(ofType(events, 'expired').length).toBe(dead.filter((d) => d.reason === 'expired').length);
    const dlq = sim.snapshot().rabbitmq!.queues.find((q) => q.name === 'orders.dead')!;
    expect(dlq.ready.length).toBe(dead.length);
    // head-only expiry: no message expires while an earlier one with a later expiry is still ahead
    for (const e of ofType(events, 'expired')) expect(e.time).toBeGreaterThanOrEqual(e.expiresAt);
  });

  it('order-topic-exchange: one copy per matching queue; unmatched keys go to the alternate exchange', () => {
    const { events } = runBuiltIn('order-topic-exchange');
    const routed = ofType(events, 'routed');
    const first = routed
      .filter((r) => r.messageId === 'shop-0')
      .map((r) => r.queue)
      .sort();
    expect(first).toEqual(['audit', 'created', 'eu-orders']);
    const invoice = ofType(events, 'published').filter((p) => p.routingKey === 'invoice.created');
    expect(invoice.length).toBe(5);
    for (const p of invoice) {
      expect(routed.filter((r) => r.messageId === p.messageId).map((r) => r.queue)).toEqual(['unrouted']);
      expect(ofType(events, 'unroutable').find((u) => u.messageId === p.messageId)!.outcome).toBe('alternate');
    }
  });

  it('length-limit: drop-head dead-letters the oldest, reject-publish refuses the newest', () => {
    const { sim, events } = runBuiltIn('length-limit');
    expect(ofType(events, 'deadLettered').every((d) => d.fromQueue === 'thumbnails' && d.reason === 'maxlen')).toBe(true);
    expect(ofType(events, 'deadLettered').length).toBeGreaterThan(5);
    expect(ofType(events, 'rejectedPublish').every((r) => r.queue === 'previews')).toBe(true);
    expect(ofType(events, 'rejectedPublish').length).toBeGreaterThan(5);
    for (const e of ofType(events, 'enqueued')) if (e.queue !== 'overflowed') expect(e.ready).toBeLessThanOrEqual(6);
    for (const q of sim.snapshot().rabbitmq!.queues) if (q.name !== 'overflowed') expect(q.ready.length).toBeLessThanOrEqual(5);
  });

  it('side-by-side: the same message ids flow through both brokers', () => {
    const { events } = runBuiltIn('side-by-side');
    const k = new Set(ofType(events, 'appended').map((a) => a.messageId));
    const r = new Set(ofType(events, 'published').map((p) => p.messageId));
    expect([...k].sort()).toEqual([...r].sort());
    expect(ofType(events, 'rabbitConsumerCrashed')[0]!.requeued).toBeGreaterThan(0);
  });

  it('stream-replay: reading keeps messages; replay starts at first, audit at the first message at or after 5000 ms', () => {
    const { sim, events } = runBuiltIn('stream-replay');
    const attached = Object.fromEntries(ofType(events, 'streamAttached').map((a) => [a.consumer, a.offset]));
    const appended = ofType(events, 'streamAppended');
    const liveAttach = ofType(events, 'streamAttached').find((a) => a.consumer === 'live')!;
    expect(attached.live).toBe(appended.filter((a) => a.seq < liveAttach.seq).length); // next = the next offset to be written
    expect(attached.replay).toBe(0);
    expect(attached.audit).toBe(appended.find((a) => a.time >= 5000)!.offset);
    const replayReads = ofType(events, 'streamRead')
      .filter((e) => e.consumer === 'replay')
      .map((e) => e.offset);
    expect(replayReads).toEqual(replayReads.map((_, i) => i));
    expect(sim.snapshot().rabbitmq!.queues[0]!.stream!.log.length).toBe(appended.length);
  });

  it('heavy: at least 1,000 messages are held at once from 30 s to the end (records plus ready and unacked)', { timeout: 30_000 }, () => {
    const b = getBuiltInScenario('heavy')!;
    const sim = createSimulation(b.scenario, 1);
    for (let t = 30_000; t <= sim.endTime; t += 5_000) {
      sim.runUntil(t);
      const s: Snapshot = sim.snapshot();
      const records = s.kafka!.topics.flatMap((x) => x.partitions).reduce((n, p) => n + p.records.length, 0);
      const messages = s.rabbitmq!.queues.reduce((n, q) => n + q.ready.length + q.unacked.length, 0);
      expect(s.kafka!.topics[0]!.partitions.length).toBe(6);
      expect(s.kafka!.groups.length).toBe(3);
      expect(s.rabbitmq!.queues.length).toBe(4);
      expect(records + messages, `at ${t} ms`).toBeGreaterThanOrEqual(1000);
    }
  });
});

describe('snapshot limits', () => {
  it('keeps the newest records per partition and the first ready messages per queue, with full counts', { timeout: 30_000 }, () => {
    const { sim } = runBuiltIn('heavy');
    const full = sim.snapshot();
    const small = sim.snapshot({ maxRecordsPerPartition: 20, maxMessagesPerQueue: 5 });
    expect(small).not.toBe(full);
    full.kafka!.topics[0]!.partitions.forEach((p, i) => {
      const s = small.kafka!.topics[0]!.partitions[i]!;
      expect(s.recordCount).toBe(p.records.length);
      expect(s.records).toEqual(p.records.slice(-20));
    });
    full.rabbitmq!.queues.forEach((q, i) => {
      const s = small.rabbitmq!.queues[i]!;
      expect(s.readyCount).toBe(q.ready.length);
      expect(s.ready).toEqual(q.ready.slice(0, 5));
    });
    expect(sim.snapshot({ maxRecordsPerPartition: 20, maxMessagesPerQueue: 5 })).toBe(small); // cached
    const { sim: streams } = runBuiltIn('stream-replay');
    const log = streams.snapshot().rabbitmq!.queues[0]!.stream!.log;
    expect(streams.snapshot({ maxRecordsPerPartition: 3 }).rabbitmq!.queues[0]!.stream!.log).toEqual(log.slice(-3));
  });
});

describe('the Kafka failure and queue scenarios show what their chapters say', () => {
  const ledger = (snap: Snapshot, producer: string) => snap.kafka!.cluster!.ledger.find((l) => l.producer === producer)!;

  it('acks-all-leader-dies: broker 2 takes over at 11 s, nothing acknowledged is lost, leadership goes home at 30 s', () => {
    const { sim, events } = runBuiltIn('acks-all-leader-dies');
    const elected = ofType(events, 'partitionLeaderElected');
    expect(elected.map((e) => [e.time, e.topic + '-' + e.partition, e.leader, e.reason])).toEqual([
      [11_000, 'orders-0', 2, 'leader-fenced'],
      [30_000, 'orders-0', 1, 'preferred-leader'],
    ]);
    expect(ledger(sim.snapshot(), 'checkout')).toMatchObject({
      sent: 160,
      acknowledged: 160,
      acknowledgedButLost: 0,
      duplicatesDelivered: 0,
    });
  });

  it('acks-1-leader-dies: web-20 to web-34 were acknowledged and are lost; broker 1 truncates them at 18 s', () => {
    const { sim, events } = runBuiltIn('acks-1-leader-dies');
    const l = ledger(sim.snapshot(), 'web');
    expect(l.lostMessageIds).toEqual(Array.from({ length: 15 }, (_, i) => `web-${20 + i}`));
    const cut = ofType(events, 'logTruncated');
    expect(cut.map((e) => [e.time, e.broker, e.fromOffset, e.toOffset])).toEqual([[18_000, 1, 20, 35]]);
    expect(ofType(events, 'fetched').flatMap((f) => f.messageIds)).not.toContain('web-20');
  });

  it('two-brokers-down: NOT_ENOUGH_REPLICAS only for safe; fast is acknowledged but read only after broker 2 returns', () => {
    const { sim, events } = runBuiltIn('two-brokers-down');
    const failed = ofType(events, 'produceFailed');
    expect(new Set(failed.map((f) => f.producer))).toEqual(new Set(['safe']));
    expect(failed.some((f) => f.error === 'NOT_ENOUGH_REPLICAS')).toBe(true);
    expect(failed.some((f) => f.final && f.error === 'DELIVERY_TIMEOUT' && f.time >= 21_000)).toBe(true);
    const frozen = ofType(events, 'hwAdvanced').filter((e) => e.time > 13_000 && e.time < 24_000);
    expect(frozen).toEqual([]);
    expect(ledger(sim.snapshot(), 'fast')).toMatchObject({ acknowledged: 90, failed: 0, acknowledgedButLost: 0 });
  });

  it('unclean-election: safe-orders goes offline and loses nothing; risky-orders elects broker 2 and loses acknowledged records', () => {
    const { sim, events } = runBuiltIn('unclean-election');
    const at15 = ofType(events, 'partitionLeaderElected').filter((e) => e.time === 15_000);
    expect(at15.map((e) => [e.topic, e.leader, e.reason])).toEqual([
      ['safe-orders', null, 'leader-fenced'],
      ['risky-orders', 2, 'unclean'],
    ]);
    expect(ledger(sim.snapshot(), 'safe-app').acknowledgedButLost).toBe(0);
    expect(ledger(sim.snapshot(), 'risky-app').acknowledgedButLost).toBeGreaterThan(20);
  });

  it('retries-duplicates: plain writes duplicates that the consumer reads; idempotent writes none', () => {
    const { sim, events } = runBuiltIn('retries-duplicates');
    expect(ledger(sim.snapshot(), 'plain').duplicatesDelivered).toBeGreaterThan(10);
    expect(ledger(sim.snapshot(), 'idempotent').duplicatesDelivered).toBe(0);
    const read = ofType(events, 'fetched').flatMap((f) => f.messageIds);
    expect(read.filter((id) => id.startsWith('plain-')).length - 36).toBe(ledger(sim.snapshot(), 'plain').duplicatesDelivered);
  });

  it('more-consumers-than-partitions: two group members idle, all four share consumers work, the share backlog is smaller', () => {
    const { sim, events } = runBuiltIn('more-consumers-than-partitions');
    const k = sim.snapshot().kafka!;
    expect(k.groups[0]!.members.filter((m) => m.status === 'idle')).toHaveLength(2);
    expect(new Set(ofType(events, 'shareAcquired').map((e) => e.consumer)).size).toBe(4);
    const groupDone = k.groups[0]!.partitions.reduce((n, p) => n + (p.committedOffset ?? 0), 0);
    const shareDone = k.shareGroups![0]!.partitions.reduce((n, p) => n + p.acknowledged, 0);
    expect(shareDone).toBeGreaterThan(groupDone);
  });

  it("share-lock-expiry: slow's lock expires at 3.5 s, fast takes the record with count 2, slow's ACCEPT is refused; renewing keeps its locks", () => {
    const { events } = runBuiltIn('share-lock-expiry');
    const expired = ofType(events, 'shareLockExpired');
    expect(expired[0]).toMatchObject({ time: 3500, consumer: 'slow' });
    expect(expired.every((e) => e.consumer === 'slow')).toBe(true);
    const retaken = ofType(events, 'shareAcquired').find((e) => e.consumer === 'fast' && e.deliveryCounts.includes(2))!;
    expect(retaken.time).toBe(3500);
    expect(ofType(events, 'shareAcknowledged').some((e) => e.consumer === 'slow' && e.failedOffsets.length > 0)).toBe(true);
    expect(
      ofType(events, 'shareAcknowledged')
        .filter((e) => e.consumer === 'renewing')
        .every((e) => e.failedOffsets.length === 0),
    ).toBe(true);
  });

  it('share-poison-message: the poison record is delivered 5 times, the 5th alone, then archived into dlq.orders at 5.5 s', () => {
    const { sim, events } = runBuiltIn('share-poison-message');
    const deliveries = ofType(events, 'shareAcquired').filter((e) => e.offsets.includes(2));
    expect(deliveries.map((e) => e.deliveryCounts[e.offsets.indexOf(2)])).toEqual([1, 2, 3, 4, 5]);
    expect(deliveries.at(-1)!.offsets).toEqual([2]);
    const archived = ofType(events, 'shareArchived')[0]!;
    expect(archived).toMatchObject({ time: 5500, offsets: [2], reason: 'delivery-count-limit' });
    expect(sim.snapshot().kafka!.topics[1]!.partitions[0]!.records[0]!.messageId).toBe('shop-2');
  });

  it('broker-dies-both: nothing acknowledged by Kafka or confirmed by the quorum queue is lost; the classic queue refuses publishes while its node is down', () => {
    const { sim, events } = runBuiltIn('broker-dies-both');
    const snap = sim.snapshot();
    expect(snap.kafka!.cluster!.ledger[0]).toMatchObject({
      sent: 80,
      acknowledged: 80,
      failed: 0,
      acknowledgedButLost: 0,
      duplicatesDelivered: 0,
    });
    const rabbit = Object.fromEntries(snap.rabbitmq!.ledger!.map((l) => [l.publisher, l]));
    expect(rabbit['to-quorum']).toMatchObject({ sent: 80, confirmed: 80, lost: 0, confirmedLost: 0 });
    expect(rabbit['to-classic']!.failed).toBeGreaterThan(0);
    expect(rabbit['to-classic']!.confirmedLost).toBe(0);
    // The quorum queue has a new leader within about a second; Kafka's partition after the (scaled) session timeout.
    const kafkaElected = ofType(events, 'partitionLeaderElected').find((e) => e.reason === 'leader-fenced')!;
    expect(kafkaElected).toMatchObject({ time: 9000, leader: 2 });
    expect(ofType(events, 'leaderElected')[0]!.time).toBeLessThan(kafkaElected.time);
  });

  it('poison-three-ways: the classic queue loops, the quorum queue dead-letters after 5, the share group archives at 5', () => {
    const { events } = runBuiltIn('poison-three-ways');
    const dead = ofType(events, 'deadLettered');
    expect(dead.map((e) => [e.messageId, e.fromQueue, e.reason])).toEqual([['shop-3', 'quorum', 'delivery_limit']]);
    const classicRedeliveries = ofType(events, 'delivered').filter((e) => e.queue === 'classic' && e.messageId === 'shop-3');
    expect(classicRedeliveries.length).toBeGreaterThan(10);
    const archived = ofType(events, 'shareArchived');
    expect(archived).toHaveLength(1);
    expect(archived[0]).toMatchObject({ reason: 'delivery-count-limit', deliveryCounts: [5] });
  });

  it("slow-consumer-lock-vs-prefetch: the share group hands slow's five records to fast (processed twice); RabbitMQ keeps them with slow (once)", () => {
    const { events } = runBuiltIn('slow-consumer-lock-vs-prefetch');
    const expired = ofType(events, 'shareLockExpired');
    expect(expired.map((e) => [e.consumer, e.offsets.length])).toEqual([['slow', 5]]);
    const refused = ofType(events, 'shareAcknowledged').filter((e) => e.consumer === 'slow' && e.failedOffsets.length > 0);
    expect(refused.flatMap((e) => e.failedOffsets)).toEqual([0, 1, 2, 3, 4]);
    const rabbit = ofType(events, 'delivered').filter((e) => e.queue === 'jobs');
    expect(rabbit.filter((e) => e.redelivered)).toHaveLength(0);
    expect(rabbit.filter((e) => e.consumer === 'slow').length).toBeGreaterThanOrEqual(5);
  });

  it('rebalance-styles: eager pauses all six partitions, cooperative and the consumer protocol keep fetching', () => {
    const { sim } = runBuiltIn('rebalance-styles');
    const latest = Object.fromEntries(sim.snapshot().kafka!.groups.map((g) => [g.id, g.rebalanceStats!.latest!]));
    expect(latest.eager!.pausedPartitionMs).toBe(6 * latest.eager!.rebalancingMs);
    expect(latest.coop!.pausedPartitionMs).toBeLessThan(latest.eager!.pausedPartitionMs);
    expect(latest.kip848!.pausedPartitionMs).toBeLessThan(latest.eager!.pausedPartitionMs);
    expect(latest.coop!.processedDuringRebalance).toBeGreaterThan(latest.eager!.processedDuringRebalance);
  });
});
