// What a built-in scenario is: a scenario plus the words the /simulate page shows with it.
import type { Scenario, ScenarioInput } from '../schema';

/** Every built-in scenario, in the order the scenario picker lists them. */
export const SCENARIO_IDS = [
  'log-vs-queue',
  'group-scaling',
  'replay-new-group',
  'retention-reset',
  'compaction',
  'crash-before-commit',
  'key-ordering',
  'acks-all-leader-dies',
  'acks-1-leader-dies',
  'two-brokers-down',
  'unclean-election',
  'retries-duplicates',
  'more-consumers-than-partitions',
  'share-lock-expiry',
  'share-poison-message',
  'rebalance-styles',
  'broker-dies-both',
  'poison-three-ways',
  'slow-consumer-lock-vs-prefetch',
  'work-queue-prefetch',
  'requeue-on-crash',
  'ack-each-multiple-auto',
  'ttl-dead-letter',
  'order-topic-exchange',
  'length-limit',
  'side-by-side',
  'stream-replay',
  'quorum-leader-dies',
  'classic-node-dies',
  'publisher-confirms',
  'poison-message',
  'single-active-consumer',
  'consumer-priorities',
  'heavy',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface BuiltInScenario {
  id: ScenarioId;
  title: string;
  explanation: string;
  lanes: ('kafka' | 'rabbitmq')[];
  chapters?: { time: number; title: string; text: string }[];
  scenario: Scenario;
}

export interface Def extends Omit<BuiltInScenario, 'scenario'> {
  scenario: ScenarioInput;
}
