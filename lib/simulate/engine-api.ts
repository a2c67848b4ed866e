// The engine functions the page uses, gathered in one object the store takes (tests may pass others).
import { builtInScenarios, createSimulation, describeEvent, parseIntervention, parseScenario } from '@/simulator';
import type { EngineApi } from './store';

export const engineApi: EngineApi = { builtInScenarios, createSimulation, describeEvent, parseIntervention, parseScenario };
