import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growth, histogram, keyRows, parsePartitionCount } from '@/lib/routing/partitions';
import { javaPartition } from '@/simulator/kafka/partitioner';

describe('parsePartitionCount', () => {
  it.each([
    ['15', 15],
    [' 1 ', 1],
    ['10000', 10000],
  ])('%j → %d', (text, n) => expect(parsePartitionCount(text)).toEqual({ value: n }));
  it.each(['0', '10001', '-3', '1.5', 'abc', ''])('%j is refused', (text) => {
    expect(parsePartitionCount(text)).toHaveProperty('error');
  });
});

describe('keyRows', () => {
  it('TT0124 with 15 partitions: Java 10, librdkafka 9, flagged', () => {
    expect(keyRows(['TT0124'], 15)[0]).toEqual({ key: 'TT0124', java: 10, consistentRandom: 9, murmur2Random: 10, differs: true });
  });
  it('an empty key has no fixed librdkafka default partition and is not flagged', () => {
    const [row] = keyRows([''], 15);
    expect(row).toMatchObject({
      consistentRandom: null,
      differs: false,
      java: javaPartition('', 15),
      murmur2Random: javaPartition('', 15),
    });
  });
  it('murmur2_random always agrees with Java', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), fc.integer({ min: 1, max: 10_000 }), (keys, n) => {
        for (const r of keyRows(keys, n)) expect(r.murmur2Random).toBe(r.java);
      }),
    );
  });
});

describe('histogram and growth', () => {
  it('counts every key once per partitioner', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 30 }), fc.integer({ min: 1, max: 50 }), (keys, n) => {
        const bars = histogram(keyRows(keys, n), n);
        expect(bars).toHaveLength(n);
        expect(bars.reduce((s, b) => s + b.java, 0)).toBe(keys.length);
        expect(bars.reduce((s, b) => s + b.librdkafka, 0)).toBe(keys.filter((k) => k !== '').length);
      }),
    );
  });
  it('growing to the same count moves nothing; moves report old and new partitions', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `user-${i}`);
    expect(growth(keys, 6, 6).java).toEqual([]);
    const g = growth(keys, 6, 12);
    for (const m of g.java) {
      expect(javaPartition(m.key, 6)).toBe(m.from);
      expect(javaPartition(m.key, 12)).toBe(m.to);
    }
    // Doubling keeps a key either in place or at p + 6 under modulo hashing.
    for (const m of g.java) expect(m.to).toBe(m.from + 6);
    expect(g.java.length).toBeGreaterThan(50);
    expect(g.java.length).toBeLessThan(150);
  });
});
