import type { Metadata } from 'next';
import { BeingBuilt } from '@/components/ui/BeingBuilt';

export const metadata: Metadata = {
  title: 'Choose',
  description: 'Answer a short quiz and get a reasoned recommendation: Kafka, RabbitMQ, or both.',
};

export default function ChoosePage() {
  return <BeingBuilt title="Choose" what="a chooser quiz that recommends Kafka, RabbitMQ or both, with its reasons." />;
}
