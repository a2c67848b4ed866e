// A cluster of three Kafka 4.4 brokers on this machine (KAFKA_DEDICATED_CONTROLLER=1 kafka.sh start
// DIR 3: brokers 2, 3 and 4 and a controller-only node 1, the single KRaft voter; with three combined
// nodes, killing two of them would also take the controller quorum's majority, and with it every ISR
// change: the engine, like the issue, assumes the controller stays up). First it must start and give a topic with
// replication factor 3 three in-sync replicas per partition; then the failure differentials (#16):
// `kill -9` the leader while an acks=all producer writes (min.insync.replicas=2), then a second
// broker, and compare with the engine running the same topic (same replica list), the same kills and
// the same producers.
import { afterAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '@/simulator';
import { sleep } from './broker';
import { eventsOf, runKafkaScenario, Tally } from './kafka-engine';
import { Harness, startCluster, type KafkaRecord } from './kafka-harness';

interface Described {
  partitions: { partition: number; leader: number; replicas: number[]; isr: number[] }[];
}

const tally = new Tally('broker failure (3 brokers)');

/** Polls describeTopic until `ok` holds (the controller acts on its own schedule), or throws at the deadline. */
async function until(h: Harness, topic: string, ok: (d: Described) => boolean, timeoutMs: number, what: string): Promise<Described> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const d = await h.step<Described>({ op: 'describeTopic', topic });
    if (ok(d)) return d;
    if (Date.now() > end) throw new Error(`Kafka did not reach "${what}" within ${timeoutMs} ms: ${JSON.stringify(d)}`);
    await sleep(200);
  }
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const ERROR_NAMES: Record<string, string> = {
  NotEnoughReplicasException: 'NOT_ENOUGH_REPLICAS',
  NotEnoughReplicasAfterAppendException: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  TimeoutException: 'REQUEST_TIMED_OUT',
};

describe('a three-broker Kafka cluster', () => {
  let cluster: ReturnType<typeof startCluster> | undefined;
  let h: Harness | undefined;
  afterAll(async () => {
    await h?.close();
    cluster?.stop();
  });

  it('starts, creates a topic with replication factor 3 and sees 3 in-sync replicas for each partition', async () => {
    const started = Date.now();
    cluster = startCluster(3, { dedicatedController: true });
    h = new Harness(cluster.bootstrap);
    const { brokers } = await h.step<{ brokers: number[] }>({ op: 'awaitBrokers', count: 3, timeoutMs: 90_000 });
    expect(brokers).toEqual([2, 3, 4]);
    await h.step<Described>({
      op: 'createTopic',
      topic: 'replicated',
      partitions: 3,
      replicationFactor: 3,
      configs: { 'min.insync.replicas': 2 },
    });
    // A new partition's followers join the ISR once they have caught up: wait for it.
    const described = await until(h, 'replicated', (d) => d.partitions.every((p) => p.isr.length === 3), 30_000, 'ISR of 3');
    for (const p of described.partitions) {
      expect([...p.replicas].sort()).toEqual([2, 3, 4]);
      expect(p.replicas).toContain(p.leader);
    }
    // Leaders are spread over the brokers.
    expect(new Set(described.partitions.map((p) => p.leader)).size).toBe(3);
    await h.step({ op: 'produce', topic: 'replicated', records: Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
    const { records } = await h.step<{ records: KafkaRecord[] }>({ op: 'readAll', topic: 'replicated' });
    expect(records.map((r) => r.value).sort()).toEqual(Array.from({ length: 9 }, (_, i) => `v${i}`).sort());
    console.log(`three-broker cluster: up and checked in ${((Date.now() - started) / 1000).toFixed(1)} s (${cluster.bootstrap})`);
  });

  it('kill -9 the leader while producing with acks=all and min.insync.replicas=2: nothing acknowledged is lost; a second dead broker gives NOT_ENOUGH_REPLICAS for acks=all, not for acks=1', async () => {
    const done = tally.begin();
    if (!h || !cluster) throw new Error('the cluster did not start');
    const topic = 'durable';
    const COUNT = 300;
    const INTERVAL = 20;
    await h.step({ op: 'createTopic', topic, partitions: 1, replicationFactor: 3, configs: { 'min.insync.replicas': 2 } });
    const before = (await until(h, topic, (d) => d.partitions[0]!.isr.length === 3, 30_000, 'ISR of 3')).partitions[0]!;
    // Real brokers are 2, 3, 4; the engine's are 1, 2, 3: real b is engine b − 1 everywhere below.
    const replicas = before.replicas.map((b) => b - 1);
    const leader = before.leader;

    // ---- Kafka: produce 300 records (acks=all, idempotent: the 4.x defaults), kill -9 the leader after ~50.
    await h.step({ op: 'startProducing', producer: 'p-all', topic, count: COUNT, intervalMs: INTERVAL, configs: { acks: 'all' } });
    // ListOffsets "latest" answers the high watermark: what consumers can read.
    const endOf = async () =>
      (await h!.step<{ partitions: { offset: number }[] }>({ op: 'listOffsets', topic, spec: 'latest' })).partitions[0]!.offset;
    for (const t = Date.now() + 30_000; (await endOf()) < 50 && Date.now() < t;) await sleep(20);
    cluster.kill9(leader);
    const killedAt = Date.now();
    const elected = (
      await until(h, topic, (d) => d.partitions[0]!.leader !== leader && d.partitions[0]!.leader !== -1, 60_000, 'a new leader')
    ).partitions[0]!;
    const noticedAfterMs = Date.now() - killedAt;
    const { results } = await h.step<{ results: string[] }>({ op: 'producingResult', producer: 'p-all' });
    const { records } = await h.step<{ records: KafkaRecord[] }>({ op: 'readAll', topic });
    const read = records.map((r) => r.value!);
    const acked = results.map((r, i) => (r.startsWith('ok') ? `m${i}` : null)).filter((x): x is string => x !== null);
    const readSet = new Set(read);
    const kafka1 = {
      sent: COUNT,
      acknowledged: acked.length,
      failed: results.filter((r) => r.startsWith('error')).length,
      acknowledgedButLost: acked.filter((v) => !readSet.has(v)).length,
      duplicatesDelivered: read.length - readSet.size,
      newLeader: elected.leader - 1,
      isr: sorted(elected.isr.map((b) => b - 1)),
    };

    // ---- Kafka: kill -9 a follower too; once the controller has fenced it the ISR is the leader alone.
    const follower = elected.isr.find((b) => b !== elected.leader)!;
    cluster.kill9(follower);
    const alone = (await until(h, topic, (d) => d.partitions[0]!.isr.length === 1, 60_000, 'ISR of 1')).partitions[0]!;
    const hwBefore = await endOf();
    const five = Array.from({ length: 5 }, (_, i) => ({ value: `x${i}` }));
    const answer = async (producer: string, acks: string) =>
      (
        await h!.step<{ records: ({ offset: number } | { error: string })[] }>({
          op: 'produce',
          producer,
          topic,
          records: five,
          collectErrors: true,
          // retries=0: the first answer is the application's answer (idempotence needs retries, so off).
          configs: {
            acks,
            retries: 0,
            'enable.idempotence': false,
            'delivery.timeout.ms': 10_000,
            'request.timeout.ms': 5_000,
            'linger.ms': 0,
          },
        })
      ).records.map((r) => ('error' in r ? (ERROR_NAMES[r.error] ?? r.error) : 'ok'));
    const kafka2 = {
      isr: alone.isr.map((b) => b - 1),
      acksAll: await answer('p-all-2', 'all'),
      acks1: await answer('p-1', '1'),
      // Since 3.7 the high watermark stands still while the ISR is under min.insync.replicas (KAFKA-15583).
      readableGrew: (await endOf()) !== hwBefore,
    };

    // ---- The engine: the same topic and replica list, the same kills, the same producers.
    const killAt = 1000; // ~50 records at 50/s
    const secondKillAt = 30_000;
    const laterAt = 45_000;
    const scenario: ScenarioInput = {
      version: 1,
      durationMs: 60_000,
      kafka: {
        brokers: 3,
        topics: [{ name: topic, partitions: 1, replicationFactor: 3, replicaAssignment: [replicas], minInsyncReplicas: 2 }],
        producers: [
          { id: 'p-all', topic, acks: 'all', ratePerSec: 1000 / INTERVAL, count: COUNT },
          { id: 'p-all-2', topic, acks: 'all', enableIdempotence: false, retries: 0, ratePerSec: 100, count: 5, startMs: laterAt },
          { id: 'p-1', topic, acks: 1, enableIdempotence: false, retries: 0, ratePerSec: 100, count: 5, startMs: laterAt + 100 },
        ],
      },
      interventions: [
        { time: killAt, intervention: { type: 'kafka.killBroker', broker: leader - 1 } },
        { time: secondKillAt, intervention: { type: 'kafka.killBroker', broker: follower - 1 } },
      ],
    };
    const sim = runKafkaScenario(scenario);
    const elections = eventsOf(sim, 'partitionLeaderElected');
    const firstElection = elections.find((e) => e.reason === 'leader-fenced');
    const ledger = (id: string) => sim.snapshot().kafka!.cluster!.ledger.find((l) => l.producer === id)!;
    const l = ledger('p-all');
    const isrAt = (time: number) =>
      sim
        .events()
        .filter((e) => (e.type === 'isrShrunk' || e.type === 'isrExpanded') && e.time <= time)
        .map((e) => (e.type === 'isrShrunk' || e.type === 'isrExpanded' ? e.isr : []))
        .at(-1);
    const outcomes = (id: string) => {
      const out: string[] = [];
      for (const e of sim.events())
        if ((e.type === 'produceAcked' || e.type === 'produceFailed') && e.producer === id)
          out.push(...e.messageIds.map(() => (e.type === 'produceAcked' ? 'ok' : e.error)));
      return out;
    };
    const hwAt = (time: number) =>
      eventsOf(sim, 'hwAdvanced')
        .filter((e) => e.time <= time)
        .at(-1)?.highWatermark;
    const engine1 = {
      sent: l.sent,
      acknowledged: l.acknowledged,
      failed: l.failed,
      acknowledgedButLost: l.acknowledgedButLost,
      duplicatesDelivered: l.duplicatesDelivered,
      newLeader: firstElection?.leader,
      isr: sorted(isrAt(secondKillAt - 1) ?? []),
    };
    const engine2 = {
      isr: isrAt(laterAt),
      acksAll: outcomes('p-all-2'),
      acks1: outcomes('p-1'),
      readableGrew: hwAt(sim.endTime) !== hwAt(laterAt - 1),
    };
    tally.compare('kill -9 the leader (acks=all, idempotent, min.insync.replicas=2, RF 3)', scenario, engine1, kafka1);
    tally.compare('a second broker dies: acks=all vs acks=1 (retries=0)', scenario, engine2, kafka2);
    expect(kafka1.acknowledgedButLost).toBe(0);
    expect(kafka2.acksAll).toEqual(Array(5).fill('NOT_ENOUGH_REPLICAS'));
    console.log(
      `broker failure (Kafka 4.4): replicas ${JSON.stringify(before.replicas)}, leader ${leader} killed, new leader ${elected.leader} after ${noticedAfterMs} ms; ${JSON.stringify(kafka1)}; ${JSON.stringify(kafka2)}`,
    );
    done();
  });
});
