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
    [
      {
        ...base,
        type: 'requeued',
        queue: 'orders',
        consumer: 'c',
        deliveryTag: 3,
        messageId: 'm-1',
        redelivered: true,
        position: 0,
        reason: 'nack',
        to: 'returns',
        acquiredCount: 2,
      },
      'Quorum queue orders took m-1 back (nacked) ahead of the messages never delivered; x-delivery-count 0, x-acquired-count 2 (RabbitMQ 4.3 does not count a basic.nack toward the delivery limit)',
    ],
    [
      { ...base, type: 'queueUnavailable', queue: 'invoices', reason: 'home-node-down', node: 2, kept: 11, lost: 1 },
      'Classic queue invoices is unavailable: it is not replicated and its node 2 is down (11 persistent messages on disk wait for it; 1 message in memory is gone)',
    ],
    [
      { ...base, type: 'queueUnavailable', queue: 'q', reason: 'no-majority', node: 1, membersUp: 1, members: 3 },
      'Quorum queue q has only 1 of 3 members up, no majority: it accepts publishes but commits, confirms and delivers nothing',
    ],
    [
      { ...base, type: 'leaderElected', queue: 'q', node: 2, previous: 1, term: 2, logLength: 36, dropped: 40, lost: 40 },
      'Quorum queue q elected node 2 leader (term 2): the live member with the longest log (36 entries); 40 uncommitted entries only node 1 had are dropped: lost, as their publishers’ connections died with node 1',
    ],
    [
      { ...base, type: 'publishConfirmed', publisher: 'audit', messageId: 'audit-3', seqNo: 4, safe: 'accepted' },
      'The broker confirmed audit-3 to audit (basic.ack, seq 4): its queues accepted it (transient: in memory only)',
    ],
    [
      { ...base, type: 'publisherReconnected', publisher: 'resend', node: 2, inDoubt: 12 },
      'Publisher resend reconnected to node 2 and resends the 12 messages in doubt (a copy the broker already had becomes a duplicate)',
    ],
    [
      { ...base, type: 'activeConsumer', queue: 'q', consumer: 'a', previous: 'a', reason: 'priority', takingOver: 'c' },
      'Consumer c has a higher priority: a (active on q) gets no new messages and hands over once it has settled what it holds',
    ],
  ])('%#', (event, text) => {
    expect(describeEvent(event)).toBe(text);
  });
});
