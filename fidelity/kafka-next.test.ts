// What real Kafka 4.4 does with the two group types the engine does not model yet: share groups
// (KIP-932, KafkaShareConsumer with explicit acknowledgement) and the consumer group protocol
// (KIP-848, group.protocol=consumer, server-side "uniform" and "range" assignors). These smoke tests
// pin the harness and record Kafka's answers (printed as JSON); the engine comparisons that will use
// them are listed in fidelity/README.md.
import { describe, expect, it } from 'vitest';
import { harnessForFile, kafkaRunId, type ConsumerState, type KafkaRecord } from './kafka-harness';

const harness = harnessForFile();

type SharePoll = { records: (KafkaRecord & { ack: string })[]; commit: Record<string, string> };
type PollAnswer = { timedOut: boolean; consumers: Record<string, ConsumerState>; errors: Record<string, string> };

const show = (r: KafkaRecord) => `${r.partition}:${r.offset}`;

describe('share groups (KIP-932) on Kafka 4.4', () => {
  it('RELEASE redelivers with a higher delivery count, REJECT never redelivers, ACCEPT completes', async () => {
    const h = harness();
    const topic = `${kafkaRunId}.share`;
    const group = `${kafkaRunId}.sg`;
    await h.step({ op: 'createTopic', topic, partitions: 2 });
    await h.step({
      op: 'produce',
      topic,
      records: Array.from({ length: 8 }, (_, i) => ({ partition: i % 2, key: `k${i}`, value: `v${i}` })),
    });
    // A share group starts at the latest offset unless the group config says otherwise.
    await h.step({ op: 'alterGroupConfig', group, configs: { 'share.auto.offset.reset': 'earliest' } });
    await h.step({ op: 'shareConsumer', name: 's1', group, topics: [topic] });

    // Everything s1 gets first, it releases.
    const seen = new Map<string, number[]>();
    const note = (p: SharePoll) => p.records.forEach((r) => seen.set(show(r), [...(seen.get(show(r)) ?? []), r.deliveryCount ?? -1]));
    const first = await h.step<SharePoll>({ op: 'sharePoll', name: 's1', timeoutMs: 20_000, ack: 'RELEASE' });
    note(first);
    expect(first.records.length).toBeGreaterThan(0);
    expect(first.records.every((r) => r.deliveryCount === 1)).toBe(true);
    const released = new Set(first.records.map(show));
    const rejected = first.records[0]!;

    // Then it rejects the first released record and accepts everything else, until all 8 are done.
    const done = new Set<string>();
    const end = Date.now() + 30_000;
    while (done.size < 8 && Date.now() < end) {
      const p = await h.step<SharePoll>({
        op: 'sharePoll',
        name: 's1',
        timeoutMs: 5_000,
        ack: 'ACCEPT',
        acks: { [`${rejected.partition}:${rejected.offset}`]: 'REJECT' },
      });
      note(p);
      for (const r of p.records) {
        expect(done.has(show(r))).toBe(false); // a record acknowledged (accepted or rejected) never comes back
        done.add(show(r));
        if (released.has(show(r))) expect(r.deliveryCount).toBe(2); // released once, delivered again
      }
    }
    expect(done.size).toBe(8);
    // Nothing left: a rejected record is archived, not redelivered.
    const after = await h.step<SharePoll>({ op: 'sharePoll', name: 's1', timeoutMs: 1_500, ack: 'ACCEPT' });
    expect(after.records).toEqual([]);
    const described = await h.step<{ state: string; members: { clientId: string; assignment: string[] }[] }>({
      op: 'describeShareGroup',
      group,
    });
    expect(described.members.map((m) => m.clientId)).toEqual(['s1']);
    await h.step({ op: 'shareClose', name: 's1' });
    console.log(
      `share group (Kafka 4.4): delivery counts per record ${JSON.stringify(Object.fromEntries(seen))}; rejected ${show(rejected)}`,
    );
  });

  it('two share consumers of one partition both receive records from it (no exclusive owner)', async () => {
    const h = harness();
    const topic = `${kafkaRunId}.share2`;
    const group = `${kafkaRunId}.sg2`;
    await h.step({ op: 'createTopic', topic, partitions: 1 });
    await h.step({ op: 'alterGroupConfig', group, configs: { 'share.auto.offset.reset': 'earliest' } });
    // share.acquire.mode=record_limit: a poll acquires at most max.poll.records records (the default,
    // batch_optimized, acquires whole batches), so one consumer cannot take the whole backlog at once.
    const configs = { 'max.poll.records': 2, 'share.acquire.mode': 'record_limit' };
    await h.step({ op: 'shareConsumer', name: 'a', group, topics: [topic], configs });
    await h.step({ op: 'shareConsumer', name: 'b', group, topics: [topic], configs });
    await h.step({ op: 'produce', topic, records: Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
    const got: Record<string, string[]> = { a: [], b: [] };
    const end = Date.now() + 40_000;
    while (got.a!.length + got.b!.length < 40 && Date.now() < end) {
      for (const name of ['a', 'b']) {
        const p = await h.step<SharePoll>({ op: 'sharePoll', name, timeoutMs: 300, ack: 'ACCEPT' });
        got[name]!.push(...p.records.map(show));
      }
    }
    const all = [...got.a!, ...got.b!];
    expect(new Set(all).size).toBe(40); // each record accepted once
    expect(all.length).toBe(40);
    console.log(`share group (Kafka 4.4): one partition, two consumers: a took ${got.a!.length}, b took ${got.b!.length} of 40`);
    expect(got.a!.length).toBeGreaterThan(0);
    expect(got.b!.length).toBeGreaterThan(0);
    await h.step({ op: 'shareClose', name: 'a' });
    await h.step({ op: 'shareClose', name: 'b' });
  });
});

describe('the consumer group protocol (KIP-848) on Kafka 4.4', () => {
  for (const assignor of ['uniform', 'range'] as const) {
    it(`server-side "${assignor}": three members join one by one, then one leaves`, async () => {
      const h = harness();
      const topics = [`${kafkaRunId}.${assignor}x`, `${kafkaRunId}.${assignor}y`];
      await h.step({ op: 'createTopic', topic: topics[0], partitions: 4 });
      await h.step({ op: 'createTopic', topic: topics[1], partitions: 3 });
      const group = `${kafkaRunId}.kip848${assignor}`;
      const names = ['c0', 'c1', 'c2'];
      const trace: Record<string, string[]>[] = [];
      let last: PollAnswer | undefined;
      for (let k = 0; k < names.length; k++) {
        await h.step({
          op: 'consumer',
          name: names[k],
          group,
          topics,
          configs: { 'group.protocol': 'consumer', 'group.remote.assignor': assignor },
        });
        last = await h.step<PollAnswer>({ op: 'pollUntil', names: names.slice(0, k + 1), until: { stable: group }, timeoutMs: 60_000 });
        expect(last.timedOut).toBe(false);
        trace.push(Object.fromEntries(Object.entries(last.consumers).map(([c, s]) => [c, s.assignment])));
      }
      const described = await h.step<{ type: string; assignor: string; members: { clientId: string; assignment: string[] }[] }>({
        op: 'describeGroup',
        group,
      });
      expect(described.type).toBe('Consumer');
      expect(described.assignor).toBe(assignor);
      // Every partition has exactly one owner; three members share 7 partitions 3/2/2.
      const owned = Object.values(trace.at(-1)!).flat();
      expect(new Set(owned).size).toBe(7);
      expect(owned.length).toBe(7);
      expect(
        Object.values(trace.at(-1)!)
          .map((a) => a.length)
          .sort(),
      ).toEqual([2, 2, 3]);
      const before = trace.at(-1)!;
      await h.step({ op: 'close', name: 'c1' });
      const left = await h.step<PollAnswer>({ op: 'pollUntil', names: ['c0', 'c2'], until: { stable: group }, timeoutMs: 60_000 });
      const now = Object.fromEntries(Object.entries(left.consumers).map(([c, s]) => [c, s.assignment]));
      trace.push(now);
      expect(Object.values(now).flat().sort()).toEqual(owned.sort());
      if (assignor === 'uniform') {
        // Sticky: the members that stay keep what they had.
        for (const c of ['c0', 'c2']) for (const p of before[c]!) expect(now[c]).toContain(p);
      }
      console.log(`consumer protocol (Kafka 4.4, ${assignor}): ${JSON.stringify(trace)}`);
      await h.step({ op: 'close', name: 'c0' });
      await h.step({ op: 'close', name: 'c2' });
    });
  }
});
