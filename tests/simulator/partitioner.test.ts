import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, javaPartition, librdkafkaPartition, murmur2, toPositive } from '@/simulator/kafka/partitioner';
import { loadVector } from './vectors';

const utf8 = new TextEncoder();

interface MurmurVectors {
  vectors: { input: string; murmur2?: number; toPositive_murmur2?: number; murmur2_hex_unsigned?: string }[];
}
interface LibrdVectors {
  test_vectors_from_librdkafka: { key: string | null; crc32?: string; toPositive_murmur2?: string }[];
  observed_in_real_deployments: { key: string; numPartitions: number; librdkafka_consistent_random: number; java_murmur2: number }[];
}

const murmurVectors = loadVector<MurmurVectors>('kafka_murmur2.json').vectors;
const librd = loadVector<LibrdVectors>('librdkafka_partitions.json');

describe('murmur2 (Kafka Utils.murmur2)', () => {
  it.each(murmurVectors.filter((v) => v.murmur2 !== undefined))('murmur2($input) = $murmur2', (v) => {
    expect(murmur2(utf8.encode(v.input))).toBe(v.murmur2);
    if (v.murmur2_hex_unsigned) expect(murmur2(utf8.encode(v.input)) >>> 0).toBe(Number(v.murmur2_hex_unsigned));
  });
  it.each(murmurVectors.filter((v) => v.toPositive_murmur2 !== undefined))('toPositive(murmur2($input)) = $toPositive_murmur2', (v) => {
    expect(toPositive(murmur2(utf8.encode(v.input)))).toBe(v.toPositive_murmur2);
  });
  it('returns a signed 32-bit integer for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const h = murmur2(b);
        return Number.isInteger(h) && h >= -(2 ** 31) && h < 2 ** 31;
      }),
    );
  });
});

describe('toPositive', () => {
  it('clears the sign bit instead of taking the absolute value', () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-(2 ** 31))).toBe(0);
    expect(toPositive(5)).toBe(5);
  });
});

describe('crc32 and librdkafka', () => {
  const withCrc = librd.test_vectors_from_librdkafka.filter((v) => v.crc32 !== undefined);
  it.each(withCrc)('crc32($key) = $crc32, murmur2 = $toPositive_murmur2', (v) => {
    const bytes = utf8.encode(v.key!);
    expect(crc32(bytes)).toBe(Number(v.crc32));
    expect(toPositive(murmur2(bytes))).toBe(Number(v.toPositive_murmur2));
  });
  it('crc32 of nothing is 0 and of "123456789" is the standard check value', () => {
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(utf8.encode('123456789'))).toBe(0xcbf43926);
  });
  it.each(librd.observed_in_real_deployments)(
    'key $key on $numPartitions partitions: librdkafka $librdkafka_consistent_random, Java $java_murmur2',
    (v) => {
      expect(librdkafkaPartition(v.key, v.numPartitions)).toBe(v.librdkafka_consistent_random);
      expect(librdkafkaPartition(v.key, v.numPartitions, 'consistent_random')).toBe(v.librdkafka_consistent_random);
      expect(javaPartition(v.key, v.numPartitions)).toBe(v.java_murmur2);
      expect(librdkafkaPartition(v.key, v.numPartitions, 'murmur2_random')).toBe(v.java_murmur2);
    },
  );
  it('refuses an empty key under consistent_random: librdkafka sends it to a random partition', () => {
    expect(() => librdkafkaPartition('', 3)).toThrow(/non-empty key/);
  });

  it('hashes an empty key under murmur2_random, like Java (only consistent_random goes sticky)', () => {
    expect(librdkafkaPartition('', 15, 'murmur2_random')).toBe(javaPartition('', 15));
    expect(librdkafkaPartition('', 15, 'murmur2_random')).toBe(6);
  });
});

describe('partition functions', () => {
  it('hash the empty key under Java (murmur2 of no bytes)', () => {
    expect(javaPartition('', 1000)).toBe(0x106e08d9 % 1000);
  });
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('reject numPartitions = %s with a RangeError', (n) => {
    expect(() => javaPartition('k', n)).toThrow(RangeError);
    expect(() => librdkafkaPartition('k', n)).toThrow(/numPartitions must be a whole number/);
  });
  it('always give a partition in range, the same for the same key', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 1000 }), (key, n) => {
        const j = javaPartition(key, n);
        const l = librdkafkaPartition(key, n);
        return j >= 0 && j < n && l >= 0 && l < n && j === javaPartition(key, n) && l === librdkafkaPartition(key, n);
      }),
    );
  });
  it('encode keys as UTF-8', () => {
    expect(javaPartition('é', 1 << 30)).toBe(toPositive(murmur2(new Uint8Array([0xc3, 0xa9]))) % (1 << 30));
  });
});
