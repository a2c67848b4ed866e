// Shared helpers for the engine tests.
import {
  createSimulation,
  parseScenario,
  type EventOf,
  type Scenario,
  type ScenarioInput,
  type SimEvent,
  type SimEventType,
  type Simulation,
} from '@/simulator';

export function scenario(input: ScenarioInput): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

export function runToEnd(input: ScenarioInput | Scenario, seed = 1): Simulation {
  const sim = createSimulation(scenario(input as ScenarioInput), seed);
  sim.runUntil(sim.endTime);
  return sim;
}

export function ofType<T extends SimEventType>(events: readonly SimEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

type Rabbit = NonNullable<ScenarioInput['rabbitmq']>;

/** A RabbitMQ-only scenario. */
export const rabbit = (r: Rabbit, interventions: ScenarioInput['interventions'] = [], durationMs = 10_000): ScenarioInput => ({
  version: 1,
  durationMs,
  rabbitmq: r,
  interventions,
});
