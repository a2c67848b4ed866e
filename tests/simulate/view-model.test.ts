import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInScenarios, createSimulation } from '@/simulator';
import { chipLabel, deathPhrase, hueFor, KEY_HUES, kafkaRows, partitionRow, queueModels, slotFor } from '@/lib/simulate/view-model';
import { lineColumn, readJson } from '@/lib/simulate/editor';
import { chartSeries } from '@/lib/simulate/series';

const scenario = (id: string) => builtInScenarios.find((b) => b.id === id)!.scenario;

describe('view model', () => {
  it('gives a key the same hue every time, from the palette', () => {
    fc.assert(fc.property(fc.string(), (k) => hueFor(k) === hueFor(k) && (KEY_HUES as readonly number[]).includes(hueFor(k))));
    expect(new Set(['host-1', 'host-2', 'host-3', 'host-4', 'host-5', 'host-6'].map(hueFor)).size).toBeGreaterThan(3);
  });

  it('places a marker before the first cell whose offset is at least the marker offset', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(200), { minLength: 1 }), fc.nat(220), (raw, offset) => {
        const cells = [...raw].sort((a, b) => a - b).map((o) => ({ offset: o }));
        const slot = slotFor(cells, offset);
        if (offset < cells[0]!.offset) return slot === -1;
        return cells.slice(0, slot).every((c) => c.offset < offset) && cells.slice(slot).every((c) => c.offset >= offset);
      }),
    );
  });

  it('shows the brief’s partition: offsets 0–4, LEO 5, the audit group committed at 4 with lag 1', () => {
    const snap = createSimulation(scenario('log-vs-queue'), 1).snapshot();
    const [topic] = kafkaRows(snap.kafka!, 20);
    const row = topic!.rows[0]!;
    expect(row.cells.map((c) => c.offset)).toEqual([0, 1, 2, 3, 4]);
    expect(row).toMatchObject({ logStartOffset: 0, logEndOffset: 5, hidden: 0 });
    expect(row.lags.find((l) => l.group === 'audit')).toMatchObject({ committedOffset: 4, lag: 1, fraction: 0.2 });
    const committed = row.tracks.find((t) => t.group === 'audit')!.markers.find((m) => m.kind === 'committed')!;
    expect(committed.slot).toBe(4);
    expect(row.tracks.find((t) => t.group === 'billing')!.markers[0]!.slot).toBe(5); // at the LEO slot
  });

  it('ends lag spans at the high watermark and takes each group’s lag from the engine (broker-dies-both at 12 s: a follower behind)', () => {
    const sim = createSimulation(scenario('broker-dies-both'), 1);
    sim.runUntil(12_000);
    const snap = sim.snapshot();
    const p = snap.kafka!.topics[0]!.partitions[0]!;
    const hw = p.replication!.highWatermark;
    expect(hw).toBeLessThan(p.logEndOffset); // the case this is about
    const row = partitionRow(p, snap.kafka!.groups, 12);
    expect(row.readableEnd.offset).toBe(hw);
    expect(row.cells[row.readableEnd.slot]!.offset).toBe(hw);
    for (const t of row.tracks) expect(t.lag).toBe(row.lags.find((l) => l.group === t.group)!.lag);
    const billing = row.lags.find((l) => l.group === 'billing')!;
    expect(billing.lag).toBe(hw - billing.committedOffset!);
  });

  it('caps a long log and counts the hidden records', () => {
    const sim = createSimulation(scenario('heavy'), 1);
    sim.runUntil(20_000);
    const snap = sim.snapshot();
    const p = snap.kafka!.topics[0]!.partitions[0]!;
    const row = partitionRow(p, snap.kafka!.groups, 10);
    expect(row.cells).toHaveLength(10);
    expect(row.hidden + row.cells.length).toBe(p.records.length);
    expect(row.cells.at(-1)!.offset).toBe(p.records.at(-1)!.offset);
    expect(partitionRow(p, snap.kafka!.groups, 10).signature).toBe(row.signature);
  });

  it('counts records the engine left out of a capped snapshot as earlier ones', () => {
    const sim = createSimulation(scenario('heavy'), 1);
    sim.runUntil(20_000);
    const full = sim.snapshot();
    const capped = sim.snapshot({ maxRecordsPerPartition: 10, maxMessagesPerQueue: 10 });
    const a = partitionRow(full.kafka!.topics[0]!.partitions[0]!, full.kafka!.groups, 10);
    const b = partitionRow(capped.kafka!.topics[0]!.partitions[0]!, capped.kafka!.groups, 10);
    expect(b.hidden).toBe(a.hidden);
    expect(b.cells).toEqual(a.cells);
    expect(b.signature).toBe(a.signature);
    const qa = queueModels(full.rabbitmq!, 10);
    const qb = queueModels(capped.rabbitmq!, 10);
    expect(qb.map((q) => [q.readyCount, q.readyHidden, q.ready.length])).toEqual(
      qa.map((q) => [q.readyCount, q.readyHidden, q.ready.length]),
    );
  });

  it('shows unacked messages in the consumer’s prefetch slots and counts what does not fit', () => {
    const sim = createSimulation(scenario('requeue-on-crash'), 1);
    sim.runUntil(3000);
    const [q] = queueModels(sim.snapshot().rabbitmq!, 8);
    const c1 = q!.consumers.find((c) => c.id === 'c1')!;
    expect(c1.slots.length).toBeGreaterThan(0);
    expect(c1.slots.length + (c1.free ?? 0)).toBe(5);
    expect(q!.ready.length).toBeLessThanOrEqual(8);
    expect(q!.ready.length + q!.readyHidden).toBe(q!.readyCount);
  });

  it('marks requeued messages redelivered after a crash', () => {
    const sim = createSimulation(scenario('requeue-on-crash'), 1);
    sim.runUntil(3600);
    const [q] = queueModels(sim.snapshot().rabbitmq!, 50);
    expect(q!.ready.some((m) => m.redelivered)).toBe(true);
  });
});

describe('editor reading', () => {
  it('reports a JSON syntax error with a line and column', () => {
    const r = readJson('{\n  "version": 1,\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/line 3, column 1/);
    expect(readJson('  ')).toMatchObject({ ok: false });
    expect(readJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
  it('computes line and column', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('', 10)).toEqual({ line: 1, column: 1 });
  });
});

describe('chart series', () => {
  it('reshapes the engine’s sampled totals over the whole timeline', () => {
    const sim = createSimulation(scenario('log-vs-queue'), 1);
    const s = chartSeries(sim.series(500), { kafka: true, rabbitmq: true });
    const lagOf = (group: string) => s.lag[0]![s.lagKeys.find((k) => k.label === group)!.key];
    expect([lagOf('billing'), lagOf('analytics'), lagOf('audit')]).toEqual([0, 3, 1]);
    expect(s.lag.at(-1)!.time).toBe(15_000);
    expect(s.lagKeys.map((k) => k.label).sort()).toEqual(['analytics', 'audit', 'billing']);
    expect(s.depthKeys.map((k) => k.label)).toContain('orders ready');
    expect(s.throughputKeys.map((k) => k.label)).toContain('RabbitMQ acked/s');
    expect(s.throughput.every((p) => Object.values(p).every((v) => Number.isFinite(v) && v >= 0))).toBe(true);
    const kafkaOnly = chartSeries(sim.series(500), { kafka: true, rabbitmq: false });
    expect(kafkaOnly.throughputKeys.map((k) => k.label)).not.toContain('RabbitMQ acked/s');
  });
});

describe('chipLabel', () => {
  it('one publisher: the sequence number; several: the publisher stays, whole or shortened for fixed-width chips', () => {
    expect(chipLabel('shop-12', ['shop'])).toBe('12');
    expect(chipLabel('shop-3', ['shop', 'urgent'])).toBe('shop-3');
    expect(chipLabel('urgent-3', ['shop', 'urgent'])).toBe('urgent-3');
    expect(chipLabel('shop-3', ['shop', 'urgent'], true)).toBe('s-3');
    expect(chipLabel('shipping-3', ['shop', 'shipping'], true)).toBe('shi-3');
    // A publisher that is the start of another keeps its whole name.
    expect(chipLabel('shop-3', ['shop', 'shop2'], true)).toBe('shop-3');
    // A burst's publisher the page did not know of still makes the ids ambiguous.
    expect(chipLabel('burst-1', ['shop'])).toBe('burst-1');
  });
});

describe('dead-letter reasons (#19, point 6)', () => {
  it('a dead-letter queue says why its messages are there; other queues say nothing', () => {
    const sim = createSimulation(builtInScenarios.find((b) => b.id === 'ttl-dead-letter')!.scenario, 1);
    sim.seek(20_000);
    const qs = queueModels(sim.snapshot().rabbitmq!, 50);
    expect(qs.find((q) => q.name === 'orders')!.deadLetterReasons).toEqual([]);
    expect(new Set(qs.find((q) => q.name === 'orders.dead')!.deadLetterReasons)).toEqual(
      new Set(['rejected in orders (nacked or rejected without requeue)', 'expired in orders (its TTL ran out)']),
    );
  });

  it.each([
    [{ queue: 'q', reason: 'expired' as const }, 'expired in q (its TTL ran out)'],
    [{ queue: 'q', reason: 'rejected' as const }, 'rejected in q (nacked or rejected without requeue)'],
    [{ queue: 'q', reason: 'maxlen' as const }, 'pushed out of q over its length limit'],
  ])('%o → %s', (d, phrase) => expect(deathPhrase(d)).toBe(phrase));
});
