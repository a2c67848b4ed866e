// The batch table: many routing keys through the same exchange, within a work budget so a topology
// whose every message passes thousands of exchanges cannot freeze the page.
import { route, type Publish, type RouteResult, type Topology } from '@/simulator/rabbitmq/routing';
import { validateRoutingKey } from '@/simulator/rabbitmq/topic';

/** Exchanges passed, summed over the lines, before the table stops routing more lines. */
export const MAX_BATCH_EXCHANGE_VISITS = 50_000;

export interface BatchRow {
  routingKey: string;
  /** Why the broker refuses this key, or null. */
  problem: string | null;
  /** null when refused or not routed because the budget ran out. */
  result: RouteResult | null;
}

export interface Batch {
  rows: BatchRow[];
  /** Lines left unrouted once the budget ran out (0 when every line was routed). */
  unrouted: number;
}

export function routeBatch(
  topology: Topology,
  base: Omit<Publish, 'routingKey'>,
  keys: readonly string[],
  budget = MAX_BATCH_EXCHANGE_VISITS,
): Batch {
  let spent = 0;
  let unrouted = 0;
  const rows = keys.map((routingKey): BatchRow => {
    const problem = validateRoutingKey(routingKey);
    if (problem) return { routingKey, problem, result: null };
    if (spent >= budget) {
      unrouted++;
      return { routingKey, problem: null, result: null };
    }
    const result = route(topology, { ...base, routingKey });
    spent += result.exchangesVisited.length;
    return { routingKey, problem: null, result };
  });
  return { rows, unrouted };
}
