// What the Kafka calculator shows, computed with the engine's partitioners (no hashing here).
import { javaPartition, keyPartition, librdkafkaPartition } from '@/simulator/kafka/partitioner';

export const MAX_PARTITIONS = 10_000;

/** A partition count as typed: a whole number 1..MAX_PARTITIONS, or a readable error. */
export function parsePartitionCount(text: string): { value: number } | { error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { error: 'Enter a whole number of partitions, e.g. 12' };
  const n = Number(t);
  if (n < 1 || n > MAX_PARTITIONS) return { error: `A topic here has 1 to ${MAX_PARTITIONS.toLocaleString('en-US')} partitions` };
  return { value: n };
}

export interface KeyRow {
  key: string;
  java: number;
  /** null: librdkafka's consistent_random sends an empty key to a random (sticky) partition. */
  consistentRandom: number | null;
  murmur2Random: number;
  /** Java and librdkafka's default put this key on different partitions. */
  differs: boolean;
}

export function keyRows(keys: string[], numPartitions: number): KeyRow[] {
  return keys.map((key) => {
    const java = javaPartition(key, numPartitions);
    const consistentRandom = keyPartition(key, numPartitions, 'consistent_random');
    return {
      key,
      java,
      consistentRandom,
      murmur2Random: librdkafkaPartition(key, numPartitions, 'murmur2_random'),
      differs: consistentRandom !== null && consistentRandom !== java,
    };
  });
}

export interface HistogramBar {
  partition: number;
  java: number;
  librdkafka: number;
}

/** Keys per partition under each default (empty keys have no fixed partition under librdkafka). */
export function histogram(rows: KeyRow[], numPartitions: number): HistogramBar[] {
  const bars = Array.from({ length: numPartitions }, (_, partition) => ({ partition, java: 0, librdkafka: 0 }));
  for (const r of rows) {
    bars[r.java]!.java++;
    if (r.consistentRandom !== null) bars[r.consistentRandom]!.librdkafka++;
  }
  return bars;
}

export interface Move {
  key: string;
  from: number;
  to: number;
}

export interface Growth {
  java: Move[];
  librdkafka: Move[];
  /** Keys that have a fixed partition under each partitioner (the share's denominator). */
  javaKeys: number;
  librdkafkaKeys: number;
}

/** Which keys land elsewhere after the topic grows from `from` to `to` partitions. */
export function growth(keys: string[], from: number, to: number): Growth {
  const java: Move[] = [];
  const librdkafka: Move[] = [];
  let librdkafkaKeys = 0;
  for (const key of keys) {
    const [a, b] = [javaPartition(key, from), javaPartition(key, to)];
    if (a !== b) java.push({ key, from: a, to: b });
    const [c, d] = [keyPartition(key, from, 'consistent_random'), keyPartition(key, to, 'consistent_random')];
    if (c === null || d === null) continue; // no fixed partition under librdkafka's default
    librdkafkaKeys++;
    if (c !== d) librdkafka.push({ key, from: c, to: d });
  }
  return { java, librdkafka, javaKeys: keys.length, librdkafkaKeys };
}
