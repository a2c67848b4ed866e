// The scenario picker's groups, by what a scenario teaches. Ids of scenarios being written on other
// branches may be listed before they exist (they are skipped until then). A built-in scenario not
// listed still shows, under "More" for its broker; tests/simulate/scenario-groups asks for every
// built-in one to be placed.

export interface ScenarioGroup {
  theme: string;
  ids: readonly string[];
}

export const SCENARIO_GROUPS: readonly ScenarioGroup[] = [
  { theme: 'Start here: a log beside a queue', ids: ['log-vs-queue', 'side-by-side'] },
  {
    theme: 'Kafka and RabbitMQ on one clock: failures and slow or poison messages',
    ids: ['broker-dies-both', 'poison-three-ways', 'slow-consumer-lock-vs-prefetch'],
  },
  {
    theme: 'Kafka: consumer groups and offsets',
    ids: ['group-scaling', 'more-consumers-than-partitions', 'rebalance-styles', 'replay-new-group', 'crash-before-commit', 'key-ordering'],
  },
  { theme: 'Kafka: retention and compaction', ids: ['retention-reset', 'compaction'] },
  {
    theme: 'Kafka: brokers, replicas and acks',
    ids: ['acks-all-leader-dies', 'acks-1-leader-dies', 'two-brokers-down', 'unclean-election', 'retries-duplicates'],
  },
  { theme: 'Kafka: share groups (queue-like reading)', ids: ['share-lock-expiry', 'share-poison-message'] },
  {
    theme: 'RabbitMQ: work queues, acks and consumers',
    ids: [
      'work-queue-prefetch',
      'requeue-on-crash',
      'ack-each-multiple-auto',
      'poison-message',
      'single-active-consumer',
      'consumer-priorities',
    ],
  },
  { theme: 'RabbitMQ: routing, limits and dead letters', ids: ['order-topic-exchange', 'ttl-dead-letter', 'length-limit'] },
  { theme: 'RabbitMQ: nodes, quorum queues and confirms', ids: ['quorum-leader-dies', 'classic-node-dies', 'publisher-confirms'] },
  { theme: 'RabbitMQ: streams', ids: ['stream-replay'] },
  { theme: 'Load', ids: ['heavy'] },
];

const MORE = { kafka: 'More: Kafka', rabbitmq: 'More: RabbitMQ', both: 'More: Kafka and RabbitMQ' } as const;

/** The scenarios in their groups, in the order of SCENARIO_GROUPS; unlisted ones under "More" by broker, in their own order. */
export function groupScenarios<S extends { id: string; lanes: readonly string[] }>(
  scenarios: readonly S[],
): { theme: string; scenarios: S[] }[] {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const placed = new Set<string>();
  const groups = SCENARIO_GROUPS.map((g) => ({
    theme: g.theme,
    scenarios: g.ids.flatMap((id) => {
      const s = byId.get(id);
      if (!s) return [];
      placed.add(id);
      return [s];
    }),
  }));
  const more = new Map<string, S[]>();
  for (const s of scenarios) {
    if (placed.has(s.id)) continue;
    const theme = s.lanes.length > 1 ? MORE.both : s.lanes[0] === 'kafka' ? MORE.kafka : MORE.rabbitmq;
    (more.get(theme) ?? more.set(theme, []).get(theme)!).push(s);
  }
  return [...groups, ...[...more].map(([theme, list]) => ({ theme, scenarios: list }))].filter((g) => g.scenarios.length > 0);
}
