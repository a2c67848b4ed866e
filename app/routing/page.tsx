import type { Metadata } from 'next';
import { BeingBuilt } from '@/components/ui/BeingBuilt';

export const metadata: Metadata = {
  title: 'Routing',
  description: 'Where does a message go? Route through RabbitMQ exchanges and find the Kafka partition of a key.',
};

export default function RoutingPage() {
  return <BeingBuilt title="Routing" what="RabbitMQ exchange routing and a Kafka key-to-partition calculator." />;
}
