import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendRecords, consumerLag, GROUPS, logEndOffset, PARTITION, unreadOffsets } from '@/lib/content/log-vs-queue';

describe('partition offsets', () => {
  it('five records get offsets 0..4 and the log-end offset is 5', () => {
    expect(PARTITION.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4]);
    expect(PARTITION.map((r) => r.label)).toEqual(['msg1', 'msg2', 'msg3', 'msg4', 'msg5']);
    expect(logEndOffset(PARTITION)).toBe(5);
  });

  it('an empty partition has log-end offset 0', () => {
    expect(logEndOffset([])).toBe(0);
  });

  it.each([
    [5, 5, 0, []],
    [5, 2, 3, [2, 3, 4]],
    [5, 4, 1, [4]],
    [5, 0, 5, [0, 1, 2, 3, 4]],
    [0, 0, 0, []],
  ])('LEO %i, committed %i → lag %i, unread %j', (leo, committed, lag, unread) => {
    expect(consumerLag(leo, committed)).toBe(lag);
    expect(unreadOffsets(leo, committed)).toEqual(unread);
  });

  it('the three groups in the diagram have lag 0, 3 and 1', () => {
    const leo = logEndOffset(PARTITION);
    expect(GROUPS.map((g) => [g.committedOffset, consumerLag(leo, g.committedOffset)])).toEqual([
      [5, 0],
      [2, 3],
      [4, 1],
    ]);
  });

  it.each([
    [5, 6],
    [5, -1],
    [5, 1.5],
    [3, Number.NaN],
  ])('LEO %i rejects committed offset %d', (leo, committed) => {
    expect(() => consumerLag(leo, committed)).toThrow(RangeError);
  });

  it('property: appended offsets are 0-based and consecutive; lag counts exactly the unread offsets', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 50 }), fc.nat(), (labels, seed) => {
        const records = appendRecords(labels);
        records.forEach((r, i) => expect(r.offset).toBe(i));
        const leo = logEndOffset(records);
        expect(leo).toBe(labels.length);
        const committed = leo === 0 ? 0 : seed % (leo + 1);
        const unread = unreadOffsets(leo, committed);
        expect(unread.length).toBe(consumerLag(leo, committed));
        if (unread.length > 0) {
          expect(unread[0]).toBe(committed);
          expect(unread[unread.length - 1]).toBe(leo - 1);
        }
      }),
    );
  });
});
