import type { SourceId } from './sources';
import type { Broker, CodeLanguage, CodeSample } from './types';

// Runnable producer and consumer for each broker, in Python and TypeScript. They show the
// at-least-once pattern: commit or ack only after the work is done.
// Note: no `${` may appear inside these strings (they are template literals).

const KAFKA_PRODUCER_PY = `import json

from confluent_kafka import KafkaException, Producer

producer = Producer({
    "bootstrap.servers": "localhost:9092",
    "acks": "all",  # wait until every in-sync replica has the record
})


def on_delivery(err, msg):
    # Runs inside poll()/flush() once the broker has accepted or refused the record.
    if err is not None:
        print(f"delivery failed for key {msg.key()}: {err}")
    else:
        print(f"delivered to {msg.topic()} [{msg.partition()}] at offset {msg.offset()}")


orders = [
    {"order_id": "1001", "customer": "ana", "total": 42.50},
    {"order_id": "1002", "customer": "ben", "total": 310.00},
]

try:
    for order in orders:
        # The key decides the partition, so all events of one order stay in order.
        producer.produce(
            "orders",
            key=order["order_id"],
            value=json.dumps(order).encode("utf-8"),
            on_delivery=on_delivery,
        )
        producer.poll(0)  # serve delivery callbacks of earlier sends
except (BufferError, KafkaException) as e:
    print(f"could not queue the record: {e}")
finally:
    # Wait for outstanding deliveries before exiting.
    undelivered = producer.flush(10)
    if undelivered:
        print(f"{undelivered} record(s) were not delivered")
`;

const KAFKA_CONSUMER_PY = `import json

from confluent_kafka import Consumer, KafkaException

consumer = Consumer({
    "bootstrap.servers": "localhost:9092",
    "group.id": "billing",
    "auto.offset.reset": "earliest",  # no committed offset yet: start at the oldest record
    "enable.auto.commit": False,      # commit after processing: at-least-once
})


def process(order):
    print(f"billing order {order['order_id']} for {order['total']}")


try:
    consumer.subscribe(["orders"])
    while True:
        msg = consumer.poll(1.0)
        if msg is None:
            continue
        if msg.error():
            if msg.error().fatal():
                raise KafkaException(msg.error())
            print(f"consumer error (retrying): {msg.error()}")
            continue
        process(json.loads(msg.value()))
        # Stores offset + 1 for this partition: the next record the group will read.
        consumer.commit(message=msg, asynchronous=False)
except KeyboardInterrupt:
    pass
finally:
    consumer.close()  # leave the group so its partitions are reassigned at once
`;

const RABBIT_PRODUCER_PY = `import json

import pika

connection = pika.BlockingConnection(pika.ConnectionParameters("localhost"))
try:
    channel = connection.channel()
    channel.confirm_delivery()  # the broker confirms each publish; failures raise
    channel.exchange_declare(exchange="orders", exchange_type="direct", durable=True)
    channel.queue_declare(queue="order-tasks", durable=True)
    channel.queue_bind(queue="order-tasks", exchange="orders", routing_key="order.created")

    order = {"order_id": "1001", "customer": "ana", "total": 42.50}
    channel.basic_publish(
        exchange="orders",
        routing_key="order.created",
        body=json.dumps(order),
        properties=pika.BasicProperties(
            content_type="application/json",
            delivery_mode=2,  # persistent: kept on disk in a durable queue
        ),
        mandatory=True,  # hand it back if no queue is bound for this key
    )
    print("published order 1001")
except pika.exceptions.UnroutableError:
    print("no queue is bound for routing key order.created")
except pika.exceptions.AMQPError as e:
    print(f"publish failed: {e}")
finally:
    connection.close()
`;

const RABBIT_CONSUMER_PY = `import json

import pika

connection = pika.BlockingConnection(pika.ConnectionParameters("localhost"))
channel = connection.channel()
channel.exchange_declare(exchange="orders", exchange_type="direct", durable=True)
channel.queue_declare(queue="order-tasks", durable=True)
channel.queue_bind(queue="order-tasks", exchange="orders", routing_key="order.created")
channel.basic_qos(prefetch_count=1)  # at most one unacknowledged message at a time


def on_message(ch, method, properties, body):
    try:
        order = json.loads(body)
        print(f"packing order {order['order_id']}")
    except (ValueError, KeyError) as e:
        print(f"malformed message, rejecting: {e}")
        # Not requeued: it would fail again (a dead-letter exchange can keep it).
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)  # done: the broker deletes it


channel.basic_consume(queue="order-tasks", on_message_callback=on_message, auto_ack=False)
try:
    channel.start_consuming()
except KeyboardInterrupt:
    channel.stop_consuming()
finally:
    # Deliveries not yet acknowledged go back to the queue when the connection closes.
    connection.close()
`;

const KAFKA_PRODUCER_TS = `import { Kafka, logLevel } from 'kafkajs';

interface Order {
  order_id: string; // same JSON fields as the Python samples, so they interoperate
  customer: string;
  total: number;
}

const kafka = new Kafka({ clientId: 'order-service', brokers: ['localhost:9092'], logLevel: logLevel.WARN });
const producer = kafka.producer();

const orders: Order[] = [
  { order_id: '1001', customer: 'ana', total: 42.5 },
  { order_id: '1002', customer: 'ben', total: 310 },
];

async function main(): Promise<void> {
  await producer.connect();
  try {
    // The key decides the partition, so all events of one order stay in order.
    const delivered = await producer.send({
      topic: 'orders',
      acks: -1, // wait until every in-sync replica has the records
      messages: orders.map((order) => ({ key: order.order_id, value: JSON.stringify(order) })),
    });
    // send() resolves once the broker has accepted the batch: this is the delivery report.
    for (const record of delivered) {
      console.log('delivered to', record.topicName, 'partition', record.partition, 'from offset', record.baseOffset);
    }
  } finally {
    await producer.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error('produce failed', err);
  process.exitCode = 1;
});
`;

const KAFKA_CONSUMER_TS = `import { Kafka, logLevel } from 'kafkajs';

const kafka = new Kafka({ clientId: 'billing', brokers: ['localhost:9092'], logLevel: logLevel.WARN });
const consumer = kafka.consumer({ groupId: 'billing' });

async function main(): Promise<void> {
  await consumer.connect();
  // fromBeginning works like auto.offset.reset=earliest: used only when the group has no committed offset.
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false, // commit after processing: at-least-once
    eachMessage: async ({ topic, partition, message }) => {
      try {
        const order = JSON.parse(message.value?.toString() ?? '') as { order_id: string; total: number };
        if (typeof order.order_id !== 'string') throw new Error('order_id missing');
        console.log('billing order', order.order_id, 'for', order.total);
      } catch (err) {
        console.error('skipping malformed record at offset', message.offset, err);
      }
      // The committed offset is the next record to read: this offset + 1.
      const next = (BigInt(message.offset) + 1n).toString();
      await consumer.commitOffsets([{ topic, partition, offset: next }]);
    },
  });
}

async function shutdown(): Promise<void> {
  await consumer.disconnect(); // leave the group so its partitions are reassigned at once
}

process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

main().catch(async (err: unknown) => {
  console.error('consumer failed', err);
  await shutdown();
  process.exitCode = 1;
});
`;

const RABBIT_PRODUCER_TS = `import amqp from 'amqplib';

const EXCHANGE = 'orders';
const QUEUE = 'order-tasks';
const ROUTING_KEY = 'order.created';

async function main(): Promise<void> {
  const connection = await amqp.connect('amqp://localhost');
  try {
    // A confirm channel lets us wait until the broker has taken the message.
    const channel = await connection.createConfirmChannel();
    await channel.assertExchange(EXCHANGE, 'direct', { durable: true });
    await channel.assertQueue(QUEUE, { durable: true });
    await channel.bindQueue(QUEUE, EXCHANGE, ROUTING_KEY);

    const order = { order_id: '1001', customer: 'ana', total: 42.5 };
    channel.publish(EXCHANGE, ROUTING_KEY, Buffer.from(JSON.stringify(order)), {
      persistent: true, // kept on disk in a durable queue
      contentType: 'application/json',
    });
    await channel.waitForConfirms(); // rejects if the broker refuses the message
    console.log('published order', order.order_id);
    await channel.close();
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error('publish failed', err);
  process.exitCode = 1;
});
`;

const RABBIT_CONSUMER_TS = `import amqp from 'amqplib';

const EXCHANGE = 'orders';
const QUEUE = 'order-tasks';
const ROUTING_KEY = 'order.created';

async function main(): Promise<void> {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  await channel.assertExchange(EXCHANGE, 'direct', { durable: true });
  await channel.assertQueue(QUEUE, { durable: true });
  await channel.bindQueue(QUEUE, EXCHANGE, ROUTING_KEY);
  await channel.prefetch(1); // at most one unacknowledged message at a time

  await channel.consume(
    QUEUE,
    (msg) => {
      if (msg === null) return; // the broker cancelled this consumer
      let order: { order_id: string };
      try {
        order = JSON.parse(msg.content.toString()) as { order_id: string };
        if (typeof order.order_id !== 'string') throw new Error('order_id missing');
      } catch (err) {
        console.error('malformed message, rejecting', err);
        channel.nack(msg, false, false); // not requeued: it would fail again
        return;
      }
      console.log('packing order', order.order_id);
      channel.ack(msg); // done: the broker deletes it
    },
    { noAck: false },
  );

  const shutdown = async (): Promise<void> => {
    // Deliveries not yet acknowledged go back to the queue when the channel closes.
    await channel.close();
    await connection.close();
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  console.error('consumer failed', err);
  process.exitCode = 1;
});
`;

export const CODE_SAMPLES: readonly CodeSample[] = [
  {
    id: 'kafka-producer-python',
    broker: 'kafka',
    role: 'producer',
    language: 'python',
    library: 'confluent-kafka',
    filename: 'producer.py',
    code: KAFKA_PRODUCER_PY,
    notes: ['keyed records', 'delivery callback', 'flush before exit'],
  },
  {
    id: 'kafka-consumer-python',
    broker: 'kafka',
    role: 'consumer',
    language: 'python',
    library: 'confluent-kafka',
    filename: 'consumer.py',
    code: KAFKA_CONSUMER_PY,
    notes: ['consumer group', 'auto.offset.reset=earliest', 'manual commit after processing', 'close on exit'],
  },
  {
    id: 'rabbitmq-producer-python',
    broker: 'rabbitmq',
    role: 'producer',
    language: 'python',
    library: 'pika',
    filename: 'publish.py',
    code: RABBIT_PRODUCER_PY,
    notes: ['durable direct exchange, queue and binding', 'persistent JSON message', 'publisher confirms'],
  },
  {
    id: 'rabbitmq-consumer-python',
    broker: 'rabbitmq',
    role: 'consumer',
    language: 'python',
    library: 'pika',
    filename: 'worker.py',
    code: RABBIT_CONSUMER_PY,
    notes: ['prefetch 1', 'manual ack after processing', 'unacked messages requeued on close'],
  },
  {
    id: 'kafka-producer-typescript',
    broker: 'kafka',
    role: 'producer',
    language: 'typescript',
    library: 'kafkajs',
    filename: 'producer.ts',
    code: KAFKA_PRODUCER_TS,
    notes: ['keyed records', 'awaited delivery report', 'disconnect on exit'],
  },
  {
    id: 'kafka-consumer-typescript',
    broker: 'kafka',
    role: 'consumer',
    language: 'typescript',
    library: 'kafkajs',
    filename: 'consumer.ts',
    code: KAFKA_CONSUMER_TS,
    notes: ['consumer group', 'fromBeginning (earliest)', 'manual commit after processing', 'disconnect on exit'],
  },
  {
    id: 'rabbitmq-producer-typescript',
    broker: 'rabbitmq',
    role: 'producer',
    language: 'typescript',
    library: 'amqplib',
    filename: 'publish.ts',
    code: RABBIT_PRODUCER_TS,
    notes: ['durable direct exchange, queue and binding', 'persistent JSON message', 'publisher confirms'],
  },
  {
    id: 'rabbitmq-consumer-typescript',
    broker: 'rabbitmq',
    role: 'consumer',
    language: 'typescript',
    library: 'amqplib',
    filename: 'worker.ts',
    code: RABBIT_CONSUMER_TS,
    notes: ['prefetch 1', 'manual ack after processing', 'close channel and connection on exit'],
  },
];

export interface CodeTab {
  id: string;
  broker: Broker;
  language: CodeLanguage;
  label: string;
  samples: readonly CodeSample[];
  sources: readonly SourceId[];
}

const LIBRARY_SOURCES: Record<string, SourceId> = {
  'confluent-kafka': 'confluent-python-client',
  pika: 'pika-repo',
  kafkajs: 'kafkajs-consuming',
  amqplib: 'amqplib-repo',
};

const BROKER_NAME: Record<Broker, string> = { kafka: 'Kafka', rabbitmq: 'RabbitMQ' };
const LANGUAGE_NAME: Record<CodeLanguage, string> = { python: 'Python', typescript: 'TypeScript' };

/** One tab per broker × language, producer first. */
export function codeTabs(samples: readonly CodeSample[] = CODE_SAMPLES): CodeTab[] {
  const tabs: CodeTab[] = [];
  for (const language of ['python', 'typescript'] as const) {
    for (const broker of ['kafka', 'rabbitmq'] as const) {
      const inTab = samples
        .filter((s) => s.broker === broker && s.language === language)
        .sort((a, b) => (a.role === b.role ? 0 : a.role === 'producer' ? -1 : 1));
      if (inTab.length === 0) continue;
      const libraries = [...new Set(inTab.map((s) => s.library))];
      tabs.push({
        id: broker + '-' + language,
        broker,
        language,
        label: BROKER_NAME[broker] + ' · ' + LANGUAGE_NAME[language],
        samples: inTab,
        sources: libraries.map((lib) => LIBRARY_SOURCES[lib]).filter((s): s is SourceId => s !== undefined),
      });
    }
  }
  return tabs;
}
