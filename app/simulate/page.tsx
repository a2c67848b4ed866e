import type { Metadata } from 'next';
import { PAGES, pageMetadata } from '@/lib/site/metadata';
import { SimulatorApp } from '@/components/simulate/SimulatorApp';
import { PageShell } from '@/components/ui/PageShell';
import { builtInScenarios } from '@/simulator';

export const metadata: Metadata = pageMetadata(PAGES.simulate);

export default function SimulatePage() {
  return (
    <PageShell
      title="Simulate"
      flushBottom
      lead="Watch a Kafka log and a RabbitMQ queue on one clock: records stay in the log while each consumer group moves its own offset, and queue messages disappear once a consumer acks them. Play, step, scrub back, or change things while it runs."
    >
      {/* Scenarios are validated here at build time and reach the client as plain data. */}
      <div className="mt-6">
        <SimulatorApp scenarios={builtInScenarios} />
      </div>
    </PageShell>
  );
}
