import { describe, expect, it, vi } from 'vitest';

// The page's routing example must ask the engine's router (simulator/rabbitmq/routing.ts), not re-implement
// "one copy per queue": with the router replaced, the page's answer follows it.
vi.mock('@/simulator/rabbitmq/routing', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/simulator/rabbitmq/routing')>();
  return { ...real, route: vi.fn(real.route) };
});

describe('the routing example on / uses the engine’s router', () => {
  it('calls route() once per routing key, on a topic exchange with the page’s bindings', async () => {
    const { route } = await import('@/simulator/rabbitmq/routing');
    const { ORDER_BINDINGS, ORDER_ROUTING_KEYS, ORDERS_EXCHANGE, routeTopic } = await import('@/lib/content/routing');
    vi.mocked(route).mockClear();
    routeTopic(ORDER_BINDINGS, ORDER_ROUTING_KEYS);
    expect(vi.mocked(route)).toHaveBeenCalledTimes(ORDER_ROUTING_KEYS.length);
    const [topology, publish] = vi.mocked(route).mock.calls[0]!;
    expect(topology.exchanges).toEqual([{ name: ORDERS_EXCHANGE, type: 'topic' }]);
    expect(topology.bindings).toHaveLength(ORDER_BINDINGS.length);
    expect(publish).toEqual({ exchange: ORDERS_EXCHANGE, routingKey: ORDER_ROUTING_KEYS[0] });
  });
});
