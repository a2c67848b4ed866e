// The Kafka half of the differentials: scenarios into the engine (public API only, like the /simulate
// page), answers out of its events and snapshot, and a tally that compares them with real Kafka.
import { afterAll, expect } from 'vitest';
import type { ScenarioInput, SimEvent, Simulation, TopicView } from '@/simulator';
import { runScenario } from './engine';

export { runScenario };

/** Runs a scenario to its end (or `until`) and returns the simulation. */
export function runKafkaScenario(input: ScenarioInput, until?: number): Simulation {
  const sim = runScenario(input);
  sim.runUntil(until ?? sim.endTime);
  return sim;
}

export type EventOfType<T extends SimEvent['type']> = Extract<SimEvent, { type: T }>;

export function eventsOf<T extends SimEvent['type']>(sim: Simulation, type: T): EventOfType<T>[] {
  return sim.events().filter((e): e is EventOfType<T> => e.type === type);
}

export function topicView(sim: Simulation, topic: string): TopicView {
  const t = sim.snapshot().kafka?.topics.find((x) => x.name === topic);
  if (!t) throw new Error(`the engine has no topic ${topic}`);
  return t;
}

/** Stable JSON for comparing and printing (object keys sorted). */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/**
 * Counts the cases a test file compares with real Kafka and collects the mismatches. A mismatch
 * prints the scenario and both answers; the file fails at the end if there was any, after printing
 * the summary line `<name>: N cases compared with Kafka 4.4, M mismatches`.
 */
export class Tally {
  cases = 0;
  readonly mismatches: string[] = [];

  constructor(readonly name: string) {
    afterAll(() => {
      console.log(`${name}: ${this.cases} cases compared with Kafka 4.4, ${this.mismatches.length} mismatches`);
    });
  }

  /** Compares one case; returns whether the engine and Kafka agree. */
  compare(caseName: string, scenario: unknown, engine: unknown, kafka: unknown): boolean {
    this.cases++;
    if (canonical(engine) === canonical(kafka)) return true;
    const msg = [
      `MISMATCH ${this.name} / ${caseName}`,
      `  scenario: ${canonical(scenario)}`,
      `  engine:   ${canonical(engine)}`,
      `  kafka:    ${canonical(kafka)}`,
    ].join('\n');
    console.log(msg);
    this.mismatches.push(msg);
    return false;
  }

  /** Call at the start of a test; the function it returns fails the test with the mismatches found since. */
  begin(): () => void {
    const from = this.mismatches.length;
    return () => {
      const found = this.mismatches.slice(from);
      expect(found, found.join('\n\n')).toEqual([]);
    };
  }
}
