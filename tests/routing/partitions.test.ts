import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growth, histogram, keyRows, moves, parsePartitionCount } from '@/lib/routing/partitions';
import { javaPartition, keyPartition } from '@/simulator/kafka/partitioner';

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
  it("growing to the same count moves nothing; each row has every client's partition before and after", () => {
    const keys = Array.from({ length: 200 }, (_, i) => `user-${i}`);
    const same = growth(keys, 6, 6);
    expect([same.javaMoves, same.librdkafkaMoves, same.oneClientMoves]).toEqual([0, 0, 0]);
    const g = growth(keys, 6, 12);
    for (const r of g.rows) {
      expect(r.java).toEqual({ from: javaPartition(r.key, 6), to: javaPartition(r.key, 12) });
      expect(r.librdkafka).toEqual({ from: keyPartition(r.key, 6, 'consistent_random'), to: keyPartition(r.key, 12, 'consistent_random') });
      // Doubling keeps a key either in place or at p + 6 under modulo hashing.
      if (moves(r.java)) expect(r.java.to).toBe(r.java.from + 6);
    }
    expect(g.javaMoves).toBe(g.rows.filter((r) => moves(r.java)).length);
    expect(g.librdkafkaMoves).toBe(g.rows.filter((r) => moves(r.librdkafka)).length);
    expect(g.javaMoves).toBeGreaterThan(50);
    expect(g.javaMoves).toBeLessThan(150);
  });
  it('counts a key that moves under librdkafka only (TT0124: 9 → 19 from 15 to 20 partitions, Java keeps it on 10)', () => {
    const g = growth(['TT0124', 'user-42', 'order-1001', 'customer-7', 'sensor-3'], 15, 20);
    const tt = g.rows.find((r) => r.key === 'TT0124')!;
    expect(tt.java).toEqual({ from: 10, to: 10 });
    expect(tt.librdkafka).toEqual({ from: 9, to: 19 });
    expect([g.javaMoves, g.librdkafkaMoves]).toEqual([3, 5]);
    expect(g.oneClientMoves).toBe(2);
  });
  it('an empty key has no librdkafka placement and is not counted as moving there', () => {
    const g = growth(['', 'a'], 3, 7);
    expect(g.rows[0]!.librdkafka).toBeNull();
    expect(g.librdkafkaKeys).toBe(1);
    expect(g.javaKeys).toBe(2);
  });
});
