import type { Metadata } from 'next';
import { SimulatorApp } from '@/components/simulate/SimulatorApp';
import { builtInScenarios } from '@/simulator';

export const metadata: Metadata = {
  title: 'Simulate',
  description: 'Step through Kafka log offsets and RabbitMQ queue deliveries on one clock, forwards and backwards.',
};

export default function SimulatePage() {
  return (
    <div className="mx-auto max-w-6xl px-4 pt-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-balance text-zinc-950 sm:text-4xl dark:text-white">Simulate</h1>
      <p className="mt-4 max-w-3xl text-lg text-pretty text-zinc-700 dark:text-zinc-300">
        Watch a Kafka log and a RabbitMQ queue on one clock: records stay in the log while each consumer group moves its own offset, and
        queue messages disappear once a consumer acks them. Play, step, scrub back, or change things while it runs.
      </p>
      {/* Scenarios are validated here at build time and reach the client as plain data. */}
      <div className="mt-6">
        <SimulatorApp scenarios={builtInScenarios} />
      </div>
    </div>
  );
}
