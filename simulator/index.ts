// Public API of the simulation engine. Pure TypeScript: no React, no DOM, no clock, no Math.random.
export type { SimEvent, SimEventType, EventBody, EventOf } from './core/events';
export type * from './core/snapshot';
export { hashEvents, canonicalJson } from './core/hash';
export { Random } from './core/random';
export { scenarioSchema, interventionSchema, parseScenario, parseIntervention, parseTimeline, formatPath, LIMITS } from './schema';
export type { Scenario, ScenarioInput, Intervention, InterventionInput, ParseResult, TimedIntervention, TimelineProblem } from './schema';
export { createSimulation } from './simulation';
export type { InterventionResult, Simulation, SimulationOptions, Stopped } from './simulation';
export { describeEvent } from './narrate';
export { builtInScenarios, getBuiltInScenario } from './scenarios';
export type { BuiltInScenario, ScenarioId } from './scenarios';
