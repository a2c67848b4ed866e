import type { SourceId } from './sources';
import { route } from '@/simulator/rabbitmq/routing';
import type { Claim } from './types';

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';

export interface ExchangeTypeInfo {
  type: ExchangeType;
  name: string;
  rule: string;
  /** Tiny worked example shown under the picture. */
  example: string;
}

export const EXCHANGE_TYPES: readonly ExchangeTypeInfo[] = [
  {
    type: 'direct',
    name: 'Direct',
    rule: 'A queue gets the message when its binding key equals the routing key exactly.',
    example: 'key pdf → queue bound with “pdf”',
  },
  {
    type: 'fanout',
    name: 'Fanout',
    rule: 'Every bound queue gets a copy; the routing key is ignored.',
    example: 'any key → all bound queues',
  },
  {
    type: 'topic',
    name: 'Topic',
    rule: 'Binding keys are dot-separated patterns: * stands for exactly one word, # for zero or more words.',
    example: 'order.large.eu → order.large.*',
  },
  {
    type: 'headers',
    name: 'Headers',
    rule: 'Matches on message headers instead of the routing key; x-match decides whether all or any must match.',
    example: 'format=pdf, type=report → x-match=all',
  },
];

export const EXCHANGE_SOURCES: readonly SourceId[] = ['rabbitmq-exchanges'];

export const ORDERS_EXCHANGE = 'orders-exchange';

export interface Binding {
  queue: string;
  bindingKey: string;
}

export const ORDER_BINDINGS: readonly Binding[] = [
  { queue: 'email-service', bindingKey: 'order.confirmed.*' },
  { queue: 'inventory-service', bindingKey: 'order.#' },
  { queue: 'fraud-service', bindingKey: 'order.large.*' },
];

export const ORDER_ROUTING_KEYS: readonly string[] = [
  'order.confirmed.eu',
  'order.large.us',
  'order.confirmed',
  'order.cancelled.eu',
  'payment.failed',
];

export interface RoutedKey {
  routingKey: string;
  /** Queues receiving one copy each, in binding order. Empty = unroutable. */
  queues: string[];
}

/**
 * Where a topic exchange sends each routing key, as the engine's router decides (one copy per queue however many
 * of its bindings match). Queues are listed in the order their first binding appears, as the page draws them.
 */
export function routeTopic(bindings: readonly Binding[], routingKeys: readonly string[], exchange = ORDERS_EXCHANGE): RoutedKey[] {
  const queues = [...new Set(bindings.map((b) => b.queue))];
  const topology = {
    exchanges: [{ name: exchange, type: 'topic' as const }],
    queues,
    bindings: bindings.map((b) => ({ exchange, queue: b.queue, bindingKey: b.bindingKey })),
  };
  return routingKeys.map((routingKey) => {
    const reached = new Set(route(topology, { exchange, routingKey }).queues);
    return { routingKey, queues: queues.filter((q) => reached.has(q)) };
  });
}

export const ORDER_ROUTES: readonly RoutedKey[] = routeTopic(ORDER_BINDINGS, ORDER_ROUTING_KEYS);

export const UNROUTABLE_NOTE: Claim<SourceId> = {
  text: 'A message that matches no binding is dropped, unless the exchange has an alternate exchange or the publisher set the mandatory flag to get it returned.',
  sources: ['rabbitmq-publishers', 'rabbitmq-exchanges'],
};

export const KAFKA_INSTEAD: readonly Claim<SourceId>[] = [
  {
    text: 'Kafka has no exchanges. The producer chooses the topic, and the record key chooses the partition, so all events for one key stay in order.',
    sources: ['kafka-intro'],
  },
  {
    text: 'To give services different subsets you publish to separate topics (order-confirmed, order-large…) that consumers may pick by regular expression, or every consumer reads the whole topic and skips what it does not need.',
    sources: ['kafka-consumer-javadoc'],
  },
];

export const ROUTING_PLAYGROUND_LINK = '/routing';
