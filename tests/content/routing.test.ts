import { describe, expect, it } from 'vitest';
import { ORDER_BINDINGS, ORDER_ROUTES, routeTopic } from '@/lib/content/routing';

// Matching itself is the engine's (simulator/rabbitmq/topic.ts, tested against RabbitMQ's vectors there);
// here we check the page's worked example built on it.

describe('orders-exchange example', () => {
  it('routes each key to the queues RabbitMQ would pick', () => {
    expect(ORDER_ROUTES).toEqual([
      { routingKey: 'order.confirmed.eu', queues: ['email-service', 'inventory-service'] },
      { routingKey: 'order.large.us', queues: ['inventory-service', 'fraud-service'] },
      { routingKey: 'order.confirmed', queues: ['inventory-service'] },
      { routingKey: 'order.cancelled.eu', queues: ['inventory-service'] },
      { routingKey: 'payment.failed', queues: [] },
    ]);
  });

  it('delivers one copy per queue even when several bindings of a queue match', () => {
    const routes = routeTopic(
      [
        { queue: 'q', bindingKey: 'order.#' },
        { queue: 'q', bindingKey: 'order.*' },
      ],
      ['order.x'],
    );
    expect(routes[0]!.queues).toEqual(['q']);
  });

  it('uses the three bindings from the brief', () => {
    expect(ORDER_BINDINGS).toEqual([
      { queue: 'email-service', bindingKey: 'order.confirmed.*' },
      { queue: 'inventory-service', bindingKey: 'order.#' },
      { queue: 'fraud-service', bindingKey: 'order.large.*' },
    ]);
  });
});
