// What the Kafka calculator shows, computed with the engine's partitioners (no hashing here).
import { javaPartition, keyPartition, librdkafkaPartition } from '@/simulator/kafka/partitioner';
import { count } from '@/lib/format';

export const MAX_PARTITIONS = 10_000;

/** A partition count as typed: a whole number 1..MAX_PARTITIONS, or a readable error. */
export function parsePartitionCount(text: string): { value: number } | { error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { error: 'Enter a whole number of partitions, e.g. 12' };
  const n = Number(t);
  if (n < 1 || n > MAX_PARTITIONS) return { error: `A topic here has 1 to ${count(MAX_PARTITIONS)} partitions` };
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

/** A key's partition before and after the topic grows; null under librdkafka: no fixed partition (an empty key). */
export interface Placement {
  from: number;
  to: number;
}

export interface GrowthRow {
  key: string;
  java: Placement;
  librdkafka: Placement | null;
}

export interface Growth {
  /** Every key, in the order given, with where each client's default puts it before and after. */
  rows: GrowthRow[];
  /** Keys that move under the Java client's default (murmur2). */
  javaMoves: number;
  /** Keys that move under librdkafka's default (consistent_random), of `librdkafkaKeys`. */
  librdkafkaMoves: number;
  /** Keys that move under one client's default and not the other's. */
  oneClientMoves: number;
  /** Keys that have a fixed partition under each partitioner (the share's denominator). */
  javaKeys: number;
  librdkafkaKeys: number;
}

export const moves = (p: Placement | null): boolean => p !== null && p.from !== p.to;

/** Where each key lands before and after the topic grows from `from` to `to` partitions, per client default. */
export function growth(keys: string[], from: number, to: number): Growth {
  let javaMoves = 0;
  let librdkafkaMoves = 0;
  let oneClientMoves = 0;
  let librdkafkaKeys = 0;
  const rows = keys.map((key): GrowthRow => {
    const java = { from: javaPartition(key, from), to: javaPartition(key, to) };
    const [c, d] = [keyPartition(key, from, 'consistent_random'), keyPartition(key, to, 'consistent_random')];
    // An empty key has no fixed partition under librdkafka's default: it cannot "move".
    const librdkafka = c === null || d === null ? null : { from: c, to: d };
    if (librdkafka) librdkafkaKeys++;
    const [j, l] = [moves(java), moves(librdkafka)];
    if (j) javaMoves++;
    if (l) librdkafkaMoves++;
    if (j !== l) oneClientMoves++;
    return { key, java, librdkafka };
  });
  return { rows, javaMoves, librdkafkaMoves, oneClientMoves, javaKeys: keys.length, librdkafkaKeys };
}
