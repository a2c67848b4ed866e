// The /routing page state. Inputs are kept exactly as typed (strings), so invalid input is never lost.
import type { Topology } from '@/simulator/rabbitmq/routing';
import type { ExchangeType } from '@/simulator/rabbitmq/routing';

export const EXCHANGE_TYPES: readonly ExchangeType[] = ['direct', 'fanout', 'topic', 'headers'];

export type HeaderType = 'string' | 'number' | 'boolean' | 'void';
export const HEADER_TYPES: readonly HeaderType[] = ['string', 'number', 'boolean', 'void'];

export interface HeaderRow {
  name: string;
  type: HeaderType;
  value: string;
}

export interface BindingDraft {
  /** Binding key (direct, topic; ignored by fanout and headers). */
  key: string;
  /** x-match as typed (headers exchanges only). */
  xMatch: string;
  /** Header arguments (headers exchanges only). */
  args: HeaderRow[];
}

export interface QueueDraft {
  name: string;
  bindings: BindingDraft[];
}

export interface ImportedTopology {
  fileName: string;
  vhost: string;
  topology: Topology;
  /** Things the importer could not model, in plain words. */
  notes: string[];
}

export interface RabbitState {
  source: 'playground' | 'imported';
  exchangeName: string;
  exchangeType: ExchangeType;
  queues: QueueDraft[];
  alternate: { on: boolean; name: string; queue: string };
  imported: ImportedTopology | null;
  /** The exchange to publish to in the imported topology. */
  target: string;
  routingKey: string;
  headers: HeaderRow[];
  mandatory: boolean;
  batch: string;
}

export interface KafkaState {
  mode: 'list' | 'pattern';
  list: string;
  pattern: string;
  partitions: string;
  growTo: string;
}

export interface RoutingState {
  rabbit: RabbitState;
  kafka: KafkaState;
}

const key = (k: string): BindingDraft => ({ key: k, xMatch: 'all', args: [] });

/** The order-notification example from the brief. */
export function defaultState(): RoutingState {
  return {
    rabbit: {
      source: 'playground',
      exchangeName: 'orders-exchange',
      exchangeType: 'topic',
      queues: [
        { name: 'email-service', bindings: [key('order.confirmed.*')] },
        { name: 'inventory-service', bindings: [key('order.#')] },
        { name: 'fraud-service', bindings: [key('order.large.*')] },
      ],
      alternate: { on: false, name: 'orders-unrouted', queue: 'unrouted-orders' },
      imported: null,
      target: '',
      routingKey: 'order.confirmed.eu',
      headers: [],
      mandatory: false,
      batch: 'order.confirmed.eu\norder.large.us\norder.cancelled\npayment.failed\n',
    },
    kafka: {
      mode: 'list',
      list: 'TT0124\nuser-42\norder-1001\ncustomer-7\nsensor-3\n',
      pattern: 'user-{0..99}',
      partitions: '15',
      growTo: '20',
    },
  };
}
