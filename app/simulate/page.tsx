import type { Metadata } from 'next';
import { PAGES, pageMetadata } from '@/lib/site/metadata';
import { SimulatorApp } from '@/components/simulate/SimulatorApp';
import { PageShell } from '@/components/ui/PageShell';
import { firstMoment } from '@/lib/simulate/engine/first-moment';
import { builtInScenarios } from '@/simulator';

export const metadata: Metadata = pageMetadata(PAGES.simulate);

export default function SimulatePage() {
  return (
    <PageShell
      title="Simulate"
      flushBottom
      compact
      lead="A Kafka log and a RabbitMQ queue on one clock: records stay in the log while each group moves its offset; a queue deletes what is acked."
    >
      {/* Scenarios are validated here at build time and reach the client as plain data, with the first one's first moment. */}
      <div className="mt-3">
        <SimulatorApp scenarios={builtInScenarios} initial={firstMoment(builtInScenarios[0]!)} />
      </div>
    </PageShell>
  );
}
