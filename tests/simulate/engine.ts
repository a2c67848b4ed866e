// The full engine for store tests (Node has no first-paint budget).
import { builtInScenarios, createSimulation, describeEvent, parseIntervention, parseScenario } from '@/simulator';
import type { EngineApi } from '@/lib/simulate/store';

export const engineApi: EngineApi = { builtInScenarios, createSimulation, describeEvent, validators: { parseScenario, parseIntervention } };
