import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClassicQueueOracle, type QueueOutcome } from '@/tests/oracles/classic-queue-oracle';
import { runs } from '../support/property';

const delivered = (out: QueueOutcome[]) =>
  out
    .filter((o) => o.type === 'delivered')
    .map((o) => (o.type === 'delivered' ? `${o.msgId}>${o.consumerId}${o.redelivered ? '*' : ''}` : ''));
const ids = (q: ClassicQueueOracle) => q.readyMessages().map((m) => `${m.msgId}${m.redelivered ? '*' : ''}`);

describe('ClassicQueueOracle dispatch', () => {
  it('three consumers with prefetch 1 and immediate acks take m0..m11 in turn', () => {
    const q = new ClassicQueueOracle();
    for (let i = 0; i < 12; i++) q.publish({ id: `m${i}` }, 0);
    const got: string[] = [];
    const pending: [string, number][] = [];
    for (const c of ['c1', 'c2', 'c3']) {
      for (const o of q.addConsumer(c, { prefetchCount: 1 }, 0))
        if (o.type === 'delivered') {
          got.push(`${o.msgId}>${o.consumerId}`);
          pending.push([o.consumerId, o.deliveryTag]);
        }
    }
    while (pending.length) {
      const [c, tag] = pending.shift()!;
      for (const o of q.ack(c, tag, 0))
        if (o.type === 'delivered') {
          got.push(`${o.msgId}>${o.consumerId}`);
          pending.push([o.consumerId, o.deliveryTag]);
        }
    }
    expect(got).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}>c${(i % 3) + 1}`));
  });

  it('a closed channel puts its unacked messages back at the head, in order, redelivered', () => {
    const q = new ClassicQueueOracle();
    q.addConsumer('c1', { prefetchCount: 3 }, 0);
    for (let i = 0; i < 6; i++) q.publish({ id: `m${i}` }, 0);
    expect(q.unackedOf('c1').map((u) => u.msgId)).toEqual(['m0', 'm1', 'm2']);
    const out = q.removeConsumer('c1', 0);
    expect(out.flatMap((o) => (o.type === 'requeued' ? [o.msgId] : []))).toEqual(['m0', 'm1', 'm2']);
    expect(ids(q)).toEqual(['m0*', 'm1*', 'm2*', 'm3', 'm4', 'm5']);
    expect(delivered(q.addConsumer('c2', { prefetchCount: 0 }, 0))).toEqual(['m0>c2*', 'm1>c2*', 'm2>c2*', 'm3>c2', 'm4>c2', 'm5>c2']);
  });

  it('skips a consumer at its prefetch limit and brings it back at the end of the line after an ack', () => {
    const q = new ClassicQueueOracle();
    q.addConsumer('a', { prefetchCount: 1 }, 0);
    q.addConsumer('b', { prefetchCount: 2 }, 0);
    const first = q.publish({ id: 'm0' }, 0).concat(q.publish({ id: 'm1' }, 0), q.publish({ id: 'm2' }, 0), q.publish({ id: 'm3' }, 0));
    expect(delivered(first)).toEqual(['m0>a', 'm1>b', 'm2>b']);
    expect(first.some((o) => o.type === 'consumerBlocked' && o.consumerId === 'a')).toBe(true);
    expect(ids(q)).toEqual(['m3']);
    // b acks: b had been blocked, rejoins the line; a acks later and stands behind it.
    expect(delivered(q.ack('a', 1, 0))).toEqual(['m3>a']);
    q.publish({ id: 'm4' }, 0);
    expect(ids(q)).toEqual(['m4']);
    expect(delivered(q.ack('b', 1, 0))).toEqual(['m4>b']);
  });

  it('nack with requeue goes back to the original position, redelivered; reject without requeue dead-letters', () => {
    const q = new ClassicQueueOracle({ deadLetterExchange: 'dlx' });
    q.addConsumer('a', { prefetchCount: 2 }, 0);
    for (let i = 0; i < 4; i++) q.publish({ id: i }, 0);
    q.cancelConsumer('a', 0);
    expect(ids(q)).toEqual(['2', '3']);
    q.nack('a', 2, true, 0);
    q.nack('a', 1, true, 0);
    expect(ids(q)).toEqual(['0*', '1*', '2', '3']);
    const q2 = new ClassicQueueOracle({ deadLetterExchange: 'dlx' });
    q2.addConsumer('a', { prefetchCount: 2 }, 0);
    q2.publish({ id: 'x' }, 0);
    expect(q2.reject('a', 1, false, 0)).toContainEqual({ type: 'deadLettered', msgId: 'x', reason: 'rejected' });
    const q3 = new ClassicQueueOracle();
    q3.addConsumer('a', {}, 0);
    q3.publish({ id: 'x' }, 0);
    expect(q3.nack('a', 1, false, 0)).toContainEqual({ type: 'dropped', msgId: 'x', reason: 'rejected' });
  });

  it('multiple=true settles every tag up to the one given', () => {
    const q = new ClassicQueueOracle();
    q.addConsumer('a', { prefetchCount: 5 }, 0);
    for (let i = 0; i < 5; i++) q.publish({ id: i }, 0);
    expect(q.ack('a', 3, 0, true).flatMap((o) => (o.type === 'acked' ? [o.msgId] : []))).toEqual([0, 1, 2]);
    expect(q.unackedOf('a').map((u) => u.deliveryTag)).toEqual([4, 5]);
    expect(() => q.ack('a', 3, 0)).toThrow(/unknown delivery tag 3/);
  });

  it('autoAck consumers ignore prefetch and never hold messages', () => {
    const q = new ClassicQueueOracle();
    q.addConsumer('a', { prefetchCount: 1, autoAck: true }, 0);
    for (let i = 0; i < 5; i++) q.publish({ id: i }, 0);
    expect(q.unackedCount).toBe(0);
    expect(q.stats.acked).toBe(5);
  });

  it('validates its inputs', () => {
    expect(() => new ClassicQueueOracle({ maxLength: -1 })).toThrow(/maxLength/);
    const q = new ClassicQueueOracle();
    expect(() => q.addConsumer('a', { prefetchCount: 1.5 }, 0)).toThrow(/prefetchCount/);
    expect(() => q.publish({ id: 1, expiration: -5 }, 0)).toThrow(/expiration/);
    q.addConsumer('a', {}, 0);
    expect(() => q.addConsumer('a', {}, 0)).toThrow(/already exists/);
    expect(() => q.ack('zz', 1, 0)).toThrow(/no consumer/);
  });
});

describe('ClassicQueueOracle TTL', () => {
  it('the lower of queue TTL and message expiration wins', () => {
    const q = new ClassicQueueOracle({ messageTtl: 1000 });
    q.publish({ id: 'a', expiration: 200 }, 0);
    q.publish({ id: 'b', expiration: 5000 }, 0);
    expect(q.readyMessages().map((m) => m.expiresAt)).toEqual([200, 1000]);
    expect(q.nextExpiryAt()).toBe(200);
    expect(q.expire(199)).toEqual([]);
    expect(q.expire(200)).toEqual([{ type: 'expired', msgId: 'a', deadLetter: false }]);
  });
  it('a short-lived message waits behind a long-lived head', () => {
    const q = new ClassicQueueOracle({ deadLetterExchange: 'dlx' });
    q.publish({ id: 'long', expiration: 10_000 }, 0);
    q.publish({ id: 'short', expiration: 10 }, 0);
    expect(q.expire(500)).toEqual([]);
    expect(q.readyCount).toBe(2);
    expect(q.expire(10_000).flatMap((o) => (o.type === 'expired' ? [o.msgId] : []))).toEqual(['long', 'short']);
  });
  it('never delivers an expired message and keeps expiry across a requeue', () => {
    const q = new ClassicQueueOracle({ messageTtl: 100 });
    q.publish({ id: 'a' }, 0);
    q.addConsumer('c', { prefetchCount: 1 }, 50);
    expect(q.nack('c', 1, true, 150)).toEqual([
      { type: 'requeued', msgId: 'a', consumerId: 'c', deliveryTag: 1 },
      { type: 'expired', msgId: 'a', deadLetter: false },
    ]);
  });
  it('TTL 0 delivers to a free consumer, else expires at once', () => {
    const q = new ClassicQueueOracle({ messageTtl: 0 });
    q.addConsumer('c', { prefetchCount: 1 }, 0);
    expect(delivered(q.publish({ id: 'a' }, 0))).toEqual(['a>c']);
    expect(q.publish({ id: 'b' }, 0).at(-1)).toEqual({ type: 'expired', msgId: 'b', deadLetter: false });
  });
});

describe('ClassicQueueOracle length limit', () => {
  it('drop-head dead-letters the oldest ready message; unacked ones do not count', () => {
    const q = new ClassicQueueOracle({ maxLength: 2, deadLetterExchange: 'dlx' });
    q.addConsumer('c', { prefetchCount: 1 }, 0);
    const out = [0, 1, 2, 3].flatMap((i) => q.publish({ id: i }, 0));
    expect(q.unackedOf('c').map((u) => u.msgId)).toEqual([0]);
    expect(ids(q)).toEqual(['2', '3']);
    expect(out).toContainEqual({ type: 'deadLettered', msgId: 1, reason: 'maxlen' });
  });
  it('reject-publish refuses the newest; reject-publish-dlx dead-letters it', () => {
    const q = new ClassicQueueOracle({ maxLength: 1, overflow: 'reject-publish' });
    q.publish({ id: 'a' }, 0);
    expect(q.publish({ id: 'b' }, 0)).toEqual([{ type: 'publishRejected', msgId: 'b', deadLetter: false }]);
    const d = new ClassicQueueOracle({ maxLength: 1, overflow: 'reject-publish-dlx', deadLetterExchange: 'dlx' });
    d.publish({ id: 'a' }, 0);
    expect(d.publish({ id: 'b' }, 0)).toEqual([{ type: 'publishRejected', msgId: 'b', deadLetter: true }]);
    expect(ids(d)).toEqual(['a']);
  });
  it('x-max-length-bytes counts ready body bytes', () => {
    const q = new ClassicQueueOracle({ maxLengthBytes: 10 });
    q.publish({ id: 'a', bytes: 6 }, 0);
    q.publish({ id: 'b', bytes: 6 }, 0);
    expect(ids(q)).toEqual(['b']);
    expect(q.readyByteCount).toBe(6);
  });
});

// ---- properties over random operation scripts ----

type Op =
  | { op: 'publish'; ttl?: number; bytes: number }
  | { op: 'consume'; c: number; prefetch: number; autoAck: boolean }
  | { op: 'ack' | 'nackRequeue' | 'nackDrop'; c: number; pick: number; multiple: boolean }
  | { op: 'close' | 'cancel'; c: number }
  | { op: 'tick'; by: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('publish' as const),
      ttl: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
      bytes: fc.integer({ min: 0, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('consume' as const),
      c: fc.integer({ min: 0, max: 3 }),
      prefetch: fc.constantFrom(0, 1, 2, 10),
      autoAck: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constantFrom('ack' as const, 'nackRequeue' as const, 'nackDrop' as const),
      c: fc.integer({ min: 0, max: 3 }),
      pick: fc.nat(),
      multiple: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('close' as const, 'cancel' as const), c: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('tick' as const), by: fc.integer({ min: 0, max: 30 }) }) },
);
const optionsArb = fc.record({
  maxLength: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  maxLengthBytes: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  overflow: fc.constantFrom('drop-head' as const, 'reject-publish' as const, 'reject-publish-dlx' as const),
  messageTtl: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  deadLetterExchange: fc.option(fc.constant('dlx'), { nil: undefined }),
});

describe('ClassicQueueOracle properties', () => {
  it('no duplicates, acked never reappears, prefetch honoured, conservation, FIFO by publish order', () => {
    fc.assert(
      fc.property(optionsArb, fc.array(opArb, { maxLength: 60 }), (options, ops) => {
        const q = new ClassicQueueOracle(options);
        let now = 0;
        let nextId = 0;
        const acked = new Set<number>();
        const gone = new Set<number>();
        const prefetch = new Map<string, { n: number; autoAck: boolean }>();
        for (const o of ops) {
          let out: QueueOutcome[] = [];
          const cid = 'c' in o ? `c${o.c}` : '';
          if (o.op === 'publish') out = q.publish({ id: nextId++, expiration: o.ttl, bytes: o.bytes }, now);
          else if (o.op === 'consume') {
            if (q.hasConsumer(cid)) continue;
            prefetch.set(cid, { n: o.prefetch, autoAck: o.autoAck });
            out = q.addConsumer(cid, { prefetchCount: o.prefetch, autoAck: o.autoAck }, now);
          } else if (o.op === 'tick') {
            now += o.by;
            out = q.expire(now);
          } else if (!q.hasConsumer(cid)) continue;
          else if (o.op === 'close') out = q.removeConsumer(cid, now);
          else if (o.op === 'cancel') out = q.cancelConsumer(cid, now);
          else if (o.op === 'ack' || o.op === 'nackRequeue' || o.op === 'nackDrop') {
            const un = q.unackedOf(cid);
            if (un.length === 0) continue;
            const tag = un[o.pick % un.length]!.deliveryTag;
            out = o.op === 'ack' ? q.ack(cid, tag, now, o.multiple) : q.nack(cid, tag, o.op === 'nackRequeue', now, o.multiple);
          }
          for (const e of out) {
            if (e.type === 'delivered' && (acked.has(e.msgId as number) || gone.has(e.msgId as number))) return false;
            if (e.type === 'acked' || (e.type === 'delivered' && e.autoAck)) acked.add(e.msgId as number);
            if (e.type === 'dropped' || e.type === 'deadLettered' || e.type === 'expired' || e.type === 'publishRejected')
              gone.add(e.msgId as number);
          }
          const ready = q.readyMessages().map((m) => m.msgId as number);
          const unacked = q.consumerIds().flatMap((c) => q.unackedOf(c).map((u) => u.msgId as number));
          const all = [...ready, ...unacked];
          if (new Set(all).size !== all.length) return false;
          if (all.some((id) => acked.has(id) || gone.has(id))) return false;
          if (ready.some((id, i) => i > 0 && ready[i - 1]! > id)) return false;
          for (const c of q.consumerIds()) {
            const p = prefetch.get(c)!;
            if (!p.autoAck && p.n > 0 && q.unackedOf(c).length > p.n) return false;
          }
          const s = q.stats;
          if (s.published !== ready.length + unacked.length + s.acked + s.dropped + s.deadLettered + s.expired + s.publishRejected)
            return false;
          if (options.overflow === 'drop-head' && options.maxLength !== undefined && ready.length > options.maxLength) return false;
        }
        return true;
      }),
      { numRuns: runs(500) },
    );
  });

  it('no consumer with room waits while messages are ready', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const q = new ClassicQueueOracle();
        let id = 0;
        for (const o of ops) {
          if (o.op === 'publish') q.publish({ id: id++ }, 0);
          else if (o.op === 'consume' && !q.hasConsumer(`c${o.c}`)) q.addConsumer(`c${o.c}`, { prefetchCount: o.prefetch }, 0);
          else if (o.op === 'ack' && q.hasConsumer(`c${o.c}`) && q.unackedOf(`c${o.c}`).length)
            q.ack(`c${o.c}`, q.unackedOf(`c${o.c}`)[0]!.deliveryTag, 0);
          if (q.readyCount > 0) {
            for (const c of q.consumerIds()) {
              const s = q.consumerState(c);
              if (!s.cancelled && (s.prefetchCount === 0 || s.unacked < s.prefetchCount)) return false;
            }
          }
        }
        return true;
      }),
      { numRuns: runs(300) },
    );
  });
});
