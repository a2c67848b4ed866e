import { BeingBuilt } from '@/components/ui/BeingBuilt';

export default function ComparePage() {
  return <BeingBuilt title="Kafka vs RabbitMQ" what="the sourced comparison (verdict, log vs queue, feature table, code, routing)." />;
}
