// #19, point 8: messages travel the topology graphs, bounded, chained hop after hop, dropped on a jump.
import { describe, expect, it } from 'vitest';
import { FlightPlan, hopDuration, MAX_FLIGHTS, MIN_HOP_MS } from '@/lib/simulate/graph-flights';
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

  it('the speed scales a hop’s time, down to a floor that stays visible', () => {
    expect(hopDuration(0.5)).toBe(2 * hopDuration(1));
    expect(hopDuration(2)).toBe(hopDuration(1) / 2);
    expect(hopDuration(16)).toBe(MIN_HOP_MS);
  });
});
