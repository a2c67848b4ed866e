import { describe, expect, it } from 'vitest';
import { describeEvent, type SimEvent } from '@/simulator';

const base = { seq: 0, time: 0 };

describe('describeEvent', () => {
  it.each<[SimEvent, string]>([
    [
      {
        ...base,
        type: 'fetched',
        group: 'analytics',
        consumer: 'B',
        topic: 'orders',
        partition: 0,
        fromOffset: 2,
        toOffset: 3,
        count: 1,
        offsets: [2],
        messageIds: ['m2'],
        position: 3,
        committedOffset: 2,
        logEndOffset: 4,
        lag: 2,
        redelivered: 0,
      },
      'Consumer B of group analytics fetched offset 2 from partition 0 of orders; its position is now 3 and its lag is 2',
    ],
    [
      {
        ...base,
        type: 'fetched',
        group: 'g',
        consumer: 'c2',
        topic: 't',
        partition: 1,
        fromOffset: 4,
        toOffset: 8,
        count: 4,
        offsets: [4, 5, 6, 7],
        messageIds: [],
        position: 8,
        committedOffset: null,
        logEndOffset: 9,
        lag: null,
        redelivered: 3,
      },
      'Consumer c2 of group g fetched offsets 4–7 from partition 1 of t (3 already seen before: redelivered); its position is now 8 and it has no committed offset yet',
    ],
    [
      {
        ...base,
        type: 'committed',
        group: 'g',
        consumer: 'c',
        topic: 't',
        partition: 0,
        committedOffset: 5,
        previous: 3,
        logEndOffset: 6,
        lag: 1,
        mode: 'auto',
      },
      'Group g committed offset 5 for t-0 (auto-commit, by c); its lag is 1',
    ],
    [
      {
        ...base,
        type: 'rebalanced',
        group: 'g',
        generation: 2,
        strategy: 'range',
        assignment: { a: ['t-0'], b: [] },
        revoked: {},
        idle: ['b'],
        followUp: false,
        reason: 'b joined',
      },
      'Group g rebalanced (generation 2, range, because b joined): a: t-0, b: none; idle: b',
    ],
    [
      {
        ...base,
        type: 'delivered',
        queue: 'q',
        consumer: 'w',
        deliveryTag: 3,
        messageId: 'm-1',
        redelivered: true,
        autoAck: false,
        unacked: 2,
        prefetchCount: 5,
      },
      'Queue q delivered m-1 to w (delivery tag 3, redelivered; 2/5 unacked)',
    ],
    [
      { ...base, type: 'unroutable', exchange: 'x', messageId: 'm-9', routingKey: 'a.b', outcome: 'returned' },
      'No queue matched m-9; it was mandatory, so the broker returned it to the publisher',
    ],
    [
      { ...base, type: 'deadLettered', messageId: 'm-2', fromQueue: 'orders', toExchange: 'dlx', routingKey: 'order', reason: 'expired' },
      'Queue orders dead-lettered m-2 (expired) to exchange dlx with routing key "order"',
    ],
  ])('%#', (event, text) => {
    expect(describeEvent(event)).toBe(text);
  });
});
