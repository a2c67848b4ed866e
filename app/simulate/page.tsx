import type { Metadata } from 'next';
import { SimulatorApp } from '@/components/simulate/SimulatorApp';
import { PageShell } from '@/components/ui/PageShell';
import { Simplified } from '@/components/simulate/Simplified';
import { firstMoment } from '@/lib/simulate/engine/first-moment';
import { builtInScenarios } from '@/simulator';

export const metadata: Metadata = {
  title: 'Simulate',
  description: 'Step through Kafka log offsets and RabbitMQ queue deliveries on one clock, forwards and backwards.',
};

export default function SimulatePage() {
  return (
    <PageShell
      title="Simulate"
      flushBottom
      lead="Watch a Kafka log and a RabbitMQ queue on one clock: records stay in the log while each consumer group moves its own offset, and queue messages disappear once a consumer acks them. Play, step, scrub back, or change things while it runs."
    >
      {/* Scenarios are validated here at build time and reach the client as plain data, with the first one's first moment. */}
      <div className="mt-6">
        <SimulatorApp scenarios={builtInScenarios} initial={firstMoment(builtInScenarios[0]!)} />
        <Simplified />
      </div>
    </PageShell>
  );
}
