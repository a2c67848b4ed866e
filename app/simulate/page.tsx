import type { Metadata } from 'next';
import { BeingBuilt } from '@/components/ui/BeingBuilt';

export const metadata: Metadata = {
  title: 'Simulate',
  description: 'Step through Kafka log offsets and RabbitMQ queue deliveries on one clock, forwards and backwards.',
};

export default function SimulatePage() {
  return <BeingBuilt title="Simulate" what="a step-by-step simulator of Kafka offsets and RabbitMQ queues." />;
}
