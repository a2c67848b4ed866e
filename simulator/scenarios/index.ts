// Built-in scenarios: plain data, validated by the same schema as user scenarios. Kafka's defaults
// (7-day retention, 5 s auto-commit, 45 s session timeout) are scaled down here so each plays in
// seconds; the rules themselves are unchanged.
import { scenarioSchema } from '../schema';
import { sideBySideScenarios } from './both';
import { kafkaScenarios } from './kafka';
import { kafkaFailureScenarios } from './kafka-failures';
import { kafkaQueueScenarios } from './kafka-queues';
import { kafkaRabbitScenarios } from './kafka-rabbit';
import { rabbitScenarios } from './rabbitmq';
import { rabbitConsumerScenarios } from './rabbitmq-consumers';
import { rabbitFailureScenarios } from './rabbitmq-failure';
import { SCENARIO_IDS, type BuiltInScenario, type Def, type ScenarioId } from './types';

export type { BuiltInScenario, ScenarioId };

const byId = new Map<string, Def>(
  [
    ...sideBySideScenarios,
    ...kafkaScenarios,
    ...kafkaFailureScenarios,
    ...kafkaQueueScenarios,
    ...kafkaRabbitScenarios,
    ...rabbitScenarios,
    ...rabbitFailureScenarios,
    ...rabbitConsumerScenarios,
  ].map((d) => [d.id, d]),
);

export const builtInScenarios: readonly BuiltInScenario[] = SCENARIO_IDS.map((id) => {
  const d = byId.get(id)!;
  return { ...d, scenario: scenarioSchema.parse(d.scenario) };
});

export function getBuiltInScenario(id: string): BuiltInScenario | undefined {
  return builtInScenarios.find((s) => s.id === id);
}
