// A cluster of three Kafka 4.4 brokers on this machine (kafka.sh start DIR 3: three combined
// broker+controller nodes, a static quorum of three voters), for the replication differentials to
// come: it starts, a topic with replication factor 3 gets three in-sync replicas per partition, and
// records written with acks=all read back.
import { afterAll, describe, expect, it } from 'vitest';
import { Harness, startCluster, type KafkaRecord } from './kafka-harness';

interface Described {
  partitions: { partition: number; leader: number; replicas: number[]; isr: number[] }[];
}

describe('a three-broker Kafka cluster', () => {
  let cluster: ReturnType<typeof startCluster> | undefined;
  let h: Harness | undefined;
  afterAll(async () => {
    await h?.close();
    cluster?.stop();
  });

  it('starts, creates a topic with replication factor 3 and sees 3 in-sync replicas for each partition', async () => {
    const started = Date.now();
    cluster = startCluster(3);
    h = new Harness(cluster.bootstrap);
    const { brokers } = await h.step<{ brokers: number[] }>({ op: 'awaitBrokers', count: 3, timeoutMs: 90_000 });
    expect(brokers).toEqual([1, 2, 3]);
    const d = await h.step<Described>({
      op: 'createTopic',
      topic: 'replicated',
      partitions: 3,
      replicationFactor: 3,
      configs: { 'min.insync.replicas': 2 },
    });
    // A new partition's followers join the ISR once they have caught up: wait for it.
    let described = d;
    const end = Date.now() + 30_000;
    while (described.partitions.some((p) => p.isr.length < 3) && Date.now() < end)
      described = await h.step<Described>({ op: 'describeTopic', topic: 'replicated' });
    for (const p of described.partitions) {
      expect([...p.replicas].sort()).toEqual([1, 2, 3]);
      expect([...p.isr].sort()).toEqual([1, 2, 3]);
      expect(p.replicas).toContain(p.leader);
    }
    // Leaders are spread over the brokers.
    expect(new Set(described.partitions.map((p) => p.leader)).size).toBe(3);
    await h.step({ op: 'produce', topic: 'replicated', records: Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
    const { records } = await h.step<{ records: KafkaRecord[] }>({ op: 'readAll', topic: 'replicated' });
    expect(records.map((r) => r.value).sort()).toEqual(Array.from({ length: 9 }, (_, i) => `v${i}`).sort());
    console.log(`three-broker cluster: up and checked in ${((Date.now() - started) / 1000).toFixed(1)} s (${cluster.bootstrap})`);
  });
});
