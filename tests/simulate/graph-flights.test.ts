// #19, point 8: messages travel the topology graphs, bounded, chained hop after hop, dropped on a jump.
import { describe, expect, it } from 'vitest';
import { FlightPlan, flightRate, HOP_MS, hopDuration, MAX_FLIGHTS, MIN_HOP_MS } from '@/lib/simulate/graph-flights';
import type { Hop } from '@/lib/simulate/topology';

const edges = { has: () => true };
const hop = (from: string, to: string, messageId: string, count = 1): Hop => ({ from, to, messageId, count });

describe('messages moving along the graphs', () => {
  it('a message’s next hop leaves when the one before arrives; a fanout’s copies leave together', () => {
    const plan = new FlightPlan();
    plan.add(
      [hop('rp:shop', 'x:orders', 'm1'), hop('x:orders', 'q:a', 'm1'), hop('x:orders', 'q:b', 'm1'), hop('q:a', 'c:w', 'm1')],
      0,
      100,
      edges,
    );
    expect(plan.at(0).map((f) => f.flight.edge)).toEqual(['rp:shop\u0000x:orders']);
    expect(plan.at(150).map((f) => [f.flight.edge, f.along])).toEqual([
      ['x:orders\u0000q:a', 0.5],
      ['x:orders\u0000q:b', 0.5],
    ]);
    expect(plan.at(250).map((f) => f.flight.edge)).toEqual(['q:a\u0000c:w']);
    expect(plan.until).toBe(300);
    expect(plan.at(300)).toEqual([]);
  });

  it('at most MAX_FLIGHTS fly; more on the same edge ride along as a count, the rest are counted as not drawn', () => {
    const plan = new FlightPlan();
    const many = Array.from({ length: MAX_FLIGHTS + 10 }, (_, i) => hop('kp:p', i < MAX_FLIGHTS ? `p:t-${i}` : 'p:t-0', `m${i}`));
    plan.add([...many, hop('kp:p', 'p:elsewhere', 'x', 3)], 0, 100, edges);
    const flying = plan.at(10);
    expect(flying).toHaveLength(MAX_FLIGHTS);
    expect(flying.reduce((n, f) => n + f.flight.count, 0)).toBe(MAX_FLIGHTS + 10);
    expect(flying[0]!.flight.count).toBe(11);
    expect(plan.undrawn).toBe(3);
    expect(plan.at(100)).toEqual([]);
    expect(plan.undrawn).toBe(0);
  });

  it('hops along edges the graph does not draw are left out; a jump clears everything', () => {
    const plan = new FlightPlan();
    plan.add([hop('a', 'b', 'm'), hop('c', 'd', 'm')], 0, 100, new Set(['a\u0000b']));
    expect(plan.at(0).map((f) => f.flight.edge)).toEqual(['a\u0000b']);
    plan.clear();
    expect(plan.at(0)).toEqual([]);
    expect(plan.until).toBe(0);
  });

  it('the speed scales a hop’s time, down to a floor that stays visible; the flights’ clock runs that much faster', () => {
    expect(hopDuration(0.5)).toBe(2 * hopDuration(1));
    expect(hopDuration(2)).toBe(hopDuration(1) / 2);
    expect(hopDuration(16)).toBe(MIN_HOP_MS);
    for (const speed of [0.25, 0.5, 1, 2, 4, 8, 16]) expect(HOP_MS / flightRate(speed)).toBe(hopDuration(speed));
  });

  it('messages leaving along one edge together are one flight with their count, even with slots free', () => {
    const plan = new FlightPlan();
    plan.add([hop('rp:p', 'x:e', 'm1'), hop('rp:p', 'x:e', 'm2'), hop('rp:p', 'x:e', 'm3', 2)], 0, 100, edges);
    expect(plan.at(0).map((f) => [f.flight.edge, f.flight.count])).toEqual([['rp:p\u0000x:e', 4]]);
    // Far enough apart to be seen apart: two flights.
    plan.add([hop('rp:p', 'x:e', 'm4')], 50, 100, edges);
    expect(plan.at(50)).toHaveLength(2);
  });

  it('the messages not drawn are those that would still be in the air, not a running total', () => {
    const plan = new FlightPlan();
    const burst = (at: number) =>
      plan.add(
        Array.from({ length: MAX_FLIGHTS + 3 }, (_, i) => hop('kp:p', `p:t-${i}`, `m${at}-${i}`)),
        at,
        100,
        edges,
      );
    burst(0);
    plan.at(0);
    expect(plan.undrawn).toBe(3);
    // Half way, another burst: flights still full, so all of it is undrawn; the first three still fly.
    burst(50);
    plan.at(50);
    expect(plan.undrawn).toBe(3 + MAX_FLIGHTS + 3);
    // The first burst landed: only the second one's remain.
    plan.at(100);
    expect(plan.undrawn).toBe(MAX_FLIGHTS + 3);
    plan.at(150);
    expect(plan.undrawn).toBe(0);
    expect(plan.until).toBe(0);
  });
});
