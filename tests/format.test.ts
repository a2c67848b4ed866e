import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compact, count } from '@/lib/format';
import { propertySettings } from './support/property';

const intl = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

describe('count', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12345, '12,345'],
    [-1234567, '-1,234,567'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
    [1e25, '10,000,000,000,000,000,000,000,000'],
    [Infinity, '∞'],
  ])('%d → %s', (n, words) => expect(count(n)).toBe(words));

  it('writes every integer as toLocaleString("en-US") does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1e7, max: 1e7 })), (n) => {
        expect(count(n)).toBe(n.toLocaleString('en-US'));
      }),
      propertySettings(),
    );
  });
});

describe('compact', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1K'],
    [1150, '1.2K'],
    [12345, '12.3K'],
    [999949, '999.9K'],
    [999950, '1M'],
    [2_000_000, '2M'],
    [-1234, '-1.2K'],
    [2.5, '2.5'],
    [1.25, '1.3'],
    [123e12, '123T'],
    [-0.04, '0'],
  ])('%d → %s', (n, words) => expect(compact(n)).toBe(words));

  it('writes integers and tenths as Intl’s compact notation does', () => {
    const numbers = fc.oneof(
      fc.integer({ min: -1e14, max: 1e14 }),
      fc.integer({ min: -1e7, max: 1e7 }),
      fc.integer({ min: -10_000, max: 10_000 }).map((t) => t / 10),
      fc.constantFrom(999_950, 999_949, 1_149, 1_150, 999_950_000, 1_050, 950),
    );
    fc.assert(
      fc.property(numbers, (n) => {
        expect(compact(n)).toBe(intl.format(n));
      }),
      propertySettings(),
    );
  });
});
