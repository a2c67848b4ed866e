import type { Metadata } from 'next';
import { PAGES, pageMetadata } from '@/lib/site/metadata';
import { RoutingTool } from '@/components/routing/RoutingTool';
import { PageShell } from '@/components/ui/PageShell';

export const metadata: Metadata = pageMetadata(PAGES.routing);

export default function RoutingPage() {
  return (
    <PageShell
      title="Where does my message go?"
      lead="Two working tools: route a message through RabbitMQ exchanges (your own topology too, from a definitions export), and see which Kafka partition each key lands on under each client. Everything runs in your browser, and the address bar keeps your setup so you can share it."
    >
      <div className="mt-8">
        <RoutingTool />
      </div>
    </PageShell>
  );
}
