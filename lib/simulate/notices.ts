// What the page says when a run ends early: too heavy for the engine's work budget, or an engine error.
import type { Stopped } from '@/simulator';
import { BUDGET } from '@/simulator/schema/defaults';
import { count } from '@/lib/format';

const ms = (t: number) => `${count(t)} ms`;

/** Why a run stopped, in a clause (after "was left out: " or as the start of a notice). */
export function stoppedWords(stopped: Stopped): string {
  if (stopped.reason === 'error') return `the simulator failed at ${ms(stopped.at)} (${stopped.details.join('; ')})`;
  return `too heavy to simulate: by ${ms(stopped.at)} the run had taken ${count(BUDGET.steps)} steps, the most one run may take here (${stopped.details.join(' and ')})`;
}

/** The notice for a run that ends at `endTime` instead of its scenario's end. */
export function stoppedNotice(stopped: Stopped, endTime: number): string {
  const words = stoppedWords(stopped);
  const first = `${words[0]!.toUpperCase()}${words.slice(1)}.`;
  return stopped.reason === 'error'
    ? `${first} The run stops at ${ms(endTime)}; your scenario is kept, so you can change it or pick another.`
    : `${first} The run stops at ${ms(endTime)}; fewer messages, consumers or polls, or slower rates, let it run further.`;
}
