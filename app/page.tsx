import type { Metadata } from 'next';
import { ComparePage } from '@/components/compare/ComparePage';

export const metadata: Metadata = {
  title: { absolute: 'Kafka vs RabbitMQ: how they differ, and which to choose' },
  description:
    'Kafka and RabbitMQ compared as of 2026: log vs queue, a sourced feature table, runnable producer and consumer code, RabbitMQ routing, when each wins and managed services.',
};

export default function Page() {
  return <ComparePage />;
}
