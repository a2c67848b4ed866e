// Key → partition rules of the Kafka clients. Source: apache/kafka Utils.java (murmur2, toPositive),
// BuiltInPartitioner.partitionForKey; confluentinc/librdkafka src/rdkafka_msg.c (consistent_random).

const utf8 = new TextEncoder();

/** Throws a RangeError unless numPartitions is an integer ≥ 1. */
export function checkNumPartitions(numPartitions: number): void {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new RangeError(`numPartitions must be a whole number of at least 1 (got ${String(numPartitions)})`);
  }
}

/** Kafka's Utils.murmur2: 32-bit MurmurHash2, seed 0x9747b28c, returned as a signed 32-bit int. */
export function murmur2(bytes: Uint8Array): number {
  const length = bytes.length;
  const m = 0x5bd1e995;
  const r = 24;
  let h = (0x9747b28c ^ length) | 0;
  const blocks = length >>> 2;
  for (let i = 0; i < blocks; i++) {
    const o = i << 2;
    let k = bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16) | (bytes[o + 3]! << 24) | 0;
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = blocks << 2;
  switch (length & 3) {
    case 3:
      h ^= bytes[tail + 2]! << 16;
    // falls through
    case 2:
      h ^= bytes[tail + 1]! << 8;
    // falls through
    case 1:
      h ^= bytes[tail]!;
      h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: clears the sign bit (not Math.abs, which differs for negatives). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** Java client (and Kafka Streams) default partition for a non-null key: UTF-8 bytes, murmur2. */
export function javaPartition(key: string, numPartitions: number): number {
  checkNumPartitions(numPartitions);
  return toPositive(murmur2(utf8.encode(key))) % numPartitions;
}

let crcTable: Uint32Array | undefined;

function table(): Uint32Array {
  if (crcTable) return crcTable;
  crcTable = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c >>> 0;
  }
  return crcTable;
}

/** Standard CRC-32 (IEEE / zlib, reflected), unsigned. */
export function crc32(bytes: Uint8Array): number {
  const t = table();
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type LibrdkafkaPartitioner = 'consistent_random' | 'murmur2_random';

/**
 * librdkafka partition for a non-null key (confluent-kafka-python, Go, .NET, node-rdkafka).
 * `consistent_random` (the default): crc32(key) % n; `murmur2_random`: same as the Java client.
 * consistent_random does not hash an empty key: librdkafka sends it, like a null key, to a random
 * (sticky) partition, which is the caller's job (it owns the seeded random), so that case throws.
 * murmur2_random hashes the empty key like Java (rdkafka_msg.c, rd_kafka_msg_partitioner).
 */
export function librdkafkaPartition(key: string, numPartitions: number, partitioner: LibrdkafkaPartitioner = 'consistent_random'): number {
  checkNumPartitions(numPartitions);
  const bytes = utf8.encode(key);
  if (partitioner === 'murmur2_random') return toPositive(murmur2(bytes)) % numPartitions;
  if (key.length === 0) {
    throw new RangeError('consistent_random needs a non-empty key: librdkafka sends an empty or null key to a random (sticky) partition');
  }
  return crc32(bytes) % numPartitions;
}

export type Partitioner = 'java' | LibrdkafkaPartitioner;

/**
 * The partition a key always goes to under a client's partitioner, or null when it has none:
 * librdkafka's consistent_random sends an empty key, like a null key, to a random (sticky) partition.
 */
export function keyPartition(key: string, numPartitions: number, partitioner: Partitioner): number | null {
  if (partitioner === 'java') return javaPartition(key, numPartitions);
  if (partitioner === 'consistent_random' && key.length === 0) return null;
  return librdkafkaPartition(key, numPartitions, partitioner);
}
