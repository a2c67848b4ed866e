// What the user did, in words, for the narration (the engine narrates what followed from it).
import type { Intervention } from '@/simulator';

function seekTarget(to: Extract<Intervention, { type: 'kafka.seek' }>['to']): string {
  if (typeof to === 'string') return to;
  return 'offset' in to ? `offset ${to.offset}` : `timestamp ${to.timestamp} ms`;
}

export function describeIntervention(iv: Intervention): string {
  switch (iv.type) {
    case 'kafka.addConsumer':
      return `added consumer ${iv.consumer.id} to group ${iv.group}`;
    case 'kafka.removeConsumer':
      return `removed consumer ${iv.consumer} from group ${iv.group}`;
    case 'kafka.crashConsumer':
      return `crashed consumer ${iv.consumer} of group ${iv.group}`;
    case 'kafka.restartConsumer':
      return `restarted consumer ${iv.consumer} of group ${iv.group}`;
    case 'kafka.seek':
      return `made consumer ${iv.consumer} of group ${iv.group} seek ${iv.topic}-${iv.partition} to ${seekTarget(iv.to)}`;
    case 'kafka.newGroup':
      return `started consumer group ${iv.group.id} (auto.offset.reset=${iv.group.autoOffsetReset})`;
    case 'kafka.addPartitions':
      return `grew topic ${iv.topic} to ${iv.partitions} partitions`;
    case 'kafka.produceBurst':
      return `produced a burst of ${iv.count} records to ${iv.topic}`;
    case 'kafka.killBroker':
      return `killed broker ${iv.broker} (kill -9)`;
    case 'kafka.startBroker':
      return `started broker ${iv.broker} again`;
    case 'kafka.pauseFetching':
      return `stalled broker ${iv.broker}'s replica fetcher (it stops copying from leaders)`;
    case 'kafka.resumeFetching':
      return `let broker ${iv.broker}'s replica fetcher run again`;
    case 'kafka.addShareConsumer':
      return `added share consumer ${iv.consumer.id} to share group ${iv.group}`;
    case 'kafka.removeShareConsumer':
      return `closed share consumer ${iv.consumer} of share group ${iv.group}`;
    case 'kafka.crashShareConsumer':
      return `crashed share consumer ${iv.consumer} of share group ${iv.group}`;
    case 'rabbitmq.publishBurst':
      return `published a burst of ${iv.count} messages to ${iv.exchange === '' ? 'the default exchange' : `exchange ${iv.exchange}`}`;
    case 'rabbitmq.addConsumer':
      return `added consumer ${iv.consumer.id} on queue ${iv.consumer.queue} (prefetch ${iv.consumer.prefetchCount})`;
    case 'rabbitmq.removeConsumer':
      return `removed consumer ${iv.consumer}`;
    case 'rabbitmq.crashConsumer':
      return `crashed consumer ${iv.consumer} (its channel closes)`;
    case 'rabbitmq.restartConsumer':
      return `restarted consumer ${iv.consumer}`;
    case 'rabbitmq.setPrefetch':
      return `set the prefetch of ${iv.consumer} to ${iv.prefetchCount}`;
    case 'rabbitmq.ack':
      return `acked delivery tag ${iv.deliveryTag}${iv.multiple ? ' and every earlier one' : ''} of ${iv.consumer}`;
    case 'rabbitmq.nack':
      return `nacked delivery tag ${iv.deliveryTag}${iv.multiple ? ' and every earlier one' : ''} of ${iv.consumer} (${iv.requeue ? 'requeue' : 'no requeue'})`;
    case 'rabbitmq.reject':
      return `rejected delivery tag ${iv.deliveryTag} of ${iv.consumer} (${iv.requeue ? 'requeue' : 'no requeue'})`;
    case 'rabbitmq.killNode':
      return `killed RabbitMQ node ${iv.node}`;
    case 'rabbitmq.startNode':
      return `started RabbitMQ node ${iv.node} again`;
  }
}
