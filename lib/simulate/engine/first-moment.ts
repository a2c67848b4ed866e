// The first moment of the page's first scenario, computed where the page is built (a server
// component, at build time), so the static HTML shows the simulator before any script has run.
import { createSimulation, type BuiltInScenario, type Snapshot } from '@/simulator';

/** The lanes' strip width before the page has measured it (SimulatorApp's first cap). */
const FIRST_CAP = 12;

export function firstMoment(b: BuiltInScenario): { id: string; snapshot: Snapshot } {
  const snapshot = createSimulation(b.scenario, 1).snapshot({ maxRecordsPerPartition: FIRST_CAP, maxMessagesPerQueue: FIRST_CAP });
  // Plain data for the client (its name-keyed tables have no prototype, which a server component cannot pass).
  return { id: b.id, snapshot: JSON.parse(JSON.stringify(snapshot)) as Snapshot };
}
