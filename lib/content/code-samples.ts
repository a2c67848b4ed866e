import type { SourceId } from './sources';
import type { Broker, Claim, CodeLanguage, CodeSample } from './types';

// Runnable producers and consumers for each broker, in Python and TypeScript. They show the at-least-once
// pattern (commit or ack only after the work is done) and one policy for a poison message across all tabs:
// a message that can never be parsed goes to a dead-letter destination at once, and the consumer moves on.
// The RabbitMQ samples run against a real broker in the fidelity suite (fidelity/code-samples.test.ts).
// Note: no `${` may appear inside these strings (they are template literals).

const KAFKA_PRODUCER_PY = `import json

from confluent_kafka import KafkaException, Producer

producer = Producer({
    "bootstrap.servers": "localhost:9092",
    # librdkafka leaves idempotence off by default; with it on, a retry cannot
    # duplicate or reorder records (it also implies acks=all).
    "enable.idempotence": True,
    "acks": "all",  # wait until every in-sync replica has the record
    # Hash keys like the Java client and kafkajs; librdkafka's default (CRC-32) puts keys elsewhere.
    "partitioner": "murmur2_random",
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

from confluent_kafka import Consumer, KafkaException, Producer

BROKERS = "localhost:9092"
consumer = Consumer({
    "bootstrap.servers": BROKERS,
    "group.id": "billing",
    "auto.offset.reset": "earliest",  # no committed offset yet: start at the oldest record
    "enable.auto.commit": False,      # commit after processing: at-least-once
})
# Poison records are parked in a dead-letter topic instead of blocking the partition.
dead_letters = Producer({"bootstrap.servers": BROKERS, "enable.idempotence": True})


def parse_order(value):
    """The order in a record, or ValueError if the record can never be processed."""
    order = json.loads(value)  # ValueError on bad JSON or bad UTF-8
    if not isinstance(order, dict) or not isinstance(order.get("order_id"), str):
        raise ValueError("not an order object")
    return order


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
        try:
            order = parse_order(msg.value())
        except ValueError as e:
            print(f"dead-lettering malformed record at offset {msg.offset()}: {e}")
            dead_letters.produce("orders.dlq", key=msg.key(), value=msg.value(), headers={"error": str(e)})
            dead_letters.flush(10)
        else:
            # Any other error stops the consumer before the commit: the record is read again on restart.
            process(order)
        # Stores offset + 1 for this partition: the next record the group will read.
        consumer.commit(message=msg, asynchronous=False)
except KeyboardInterrupt:
    pass
finally:
    consumer.close()  # leave the group so its partitions are reassigned at once
    dead_letters.flush(10)
`;

const RABBIT_PRODUCER_PY = `import json
import os

import pika

params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F"))
connection = pika.BlockingConnection(params)
try:
    channel = connection.channel()
    channel.confirm_delivery()  # the broker confirms each publish; failures raise
    # The worker declares the queue and binds it; the publisher only needs the exchange.
    channel.exchange_declare(exchange="orders", exchange_type="direct", durable=True)

    order = {"order_id": "1001", "customer": "ana", "total": 42.50}
    channel.basic_publish(
        exchange="orders",
        routing_key="order.created",
        body=json.dumps(order),
        properties=pika.BasicProperties(
            content_type="application/json",
            delivery_mode=2,  # persistent
        ),
        mandatory=True,  # hand it back if no queue is bound for this key
    )
    print("published order 1001")
except pika.exceptions.UnroutableError:
    print("no queue is bound for routing key order.created: start worker.py first")
except pika.exceptions.AMQPError as e:
    print(f"publish failed: {e}")
finally:
    if connection.is_open:
        connection.close()
`;

const RABBIT_CONSUMER_PY = `import json
import os

import pika


def parse_order(body):
    """The order in a message, or ValueError if the message can never be processed."""
    order = json.loads(body)  # ValueError on bad JSON or bad UTF-8
    if not isinstance(order, dict) or not isinstance(order.get("order_id"), str):
        raise ValueError("not an order object")
    return order


def process(order):
    print(f"packing order {order['order_id']}")


def declare(channel):
    channel.exchange_declare(exchange="orders", exchange_type="direct", durable=True)
    # Rejected messages go to orders.dlx, which keeps them in order-tasks.dlq for a person to look at.
    channel.exchange_declare(exchange="orders.dlx", exchange_type="fanout", durable=True)
    channel.queue_declare(queue="order-tasks.dlq", durable=True, arguments={"x-queue-type": "quorum"})
    channel.queue_bind(queue="order-tasks.dlq", exchange="orders.dlx")
    channel.queue_declare(
        queue="order-tasks",
        durable=True,
        arguments={
            "x-queue-type": "quorum",  # replicated, and counts each message's deliveries
            "x-dead-letter-exchange": "orders.dlx",
            # After 5 failed deliveries a message is dead-lettered instead of retried for ever
            # (RabbitMQ 4.0+ applies a limit of 20 by default; 3.x has none unless set).
            "x-delivery-limit": 5,
        },
    )
    channel.queue_bind(queue="order-tasks", exchange="orders", routing_key="order.created")


def on_message(ch, method, properties, body):
    try:
        order = parse_order(body)
    except ValueError as e:
        print(f"dead-lettering malformed message: {e}")
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)  # it would fail again
        return
    try:
        process(order)
    except Exception as e:
        print(f"processing failed, requeueing: {e}")
        # reject, not nack: since RabbitMQ 4.3 only a reject counts toward the delivery limit
        ch.basic_reject(delivery_tag=method.delivery_tag, requeue=True)
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)  # done: the broker deletes it


def main():
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F"))
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    declare(channel)
    channel.basic_qos(prefetch_count=1)  # at most one unacknowledged message at a time
    channel.basic_consume(queue="order-tasks", on_message_callback=on_message, auto_ack=False)
    print("waiting for orders")
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        # Deliveries not yet acknowledged go back to the queue when the connection closes.
        if connection.is_open:
            connection.close()


if __name__ == "__main__":
    main()
`;

const RABBIT_REPLAY_PY = `import os

import pika

params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F"))
connection = pika.BlockingConnection(params)
channel = connection.channel()
channel.exchange_declare(exchange="orders", exchange_type="direct", durable=True)
# A stream (RabbitMQ 3.9+) keeps messages after they are read, like a Kafka partition.
channel.queue_declare(
    queue="order-events",
    durable=True,
    arguments={"x-queue-type": "stream", "x-max-age": "7D"},  # kept for a week
)
# Bound beside order-tasks: each order goes to the worker's queue and into the stream.
channel.queue_bind(queue="order-events", exchange="orders", routing_key="order.created")
channel.basic_qos(prefetch_count=100)  # stream consumers need a prefetch

# Read everything kept so far: "first", "last", "next", an offset or a timestamp.
messages = channel.consume("order-events", arguments={"x-stream-offset": "first"}, inactivity_timeout=2)
for method, properties, body in messages:
    if method is None:
        break  # nothing new for 2 s: caught up
    print(f"offset {properties.headers['x-stream-offset']}: {body.decode()}")
    channel.basic_ack(method.delivery_tag)  # makes room under the prefetch; deletes nothing
channel.cancel()
connection.close()
`;

const KAFKA_PRODUCER_TS = `import { Kafka, Partitioners, logLevel } from 'kafkajs';

interface Order {
  order_id: string; // same JSON fields as the Python samples, so they interoperate
  customer: string;
  total: number;
}

const kafka = new Kafka({ clientId: 'order-service', brokers: ['localhost:9092'], logLevel: logLevel.WARN });
const producer = kafka.producer({
  // murmur2 key hashing like the Java client (and the Python sample), so a key maps to one partition.
  createPartitioner: Partitioners.DefaultPartitioner,
  // kafkajs leaves idempotence off (and marks it experimental); with it on, retries cannot duplicate records.
  idempotent: true,
  // kafkajs allows unlimited requests in flight by default; one at a time keeps retries from reordering.
  maxInFlightRequests: 1,
});

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
      acks: -1, // wait until every in-sync replica has the records (required with idempotence)
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

const KAFKA_CONSUMER_TS = `import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';

interface Order {
  order_id: string;
  total: number;
}

const kafka = new Kafka({ clientId: 'billing', brokers: ['localhost:9092'], logLevel: logLevel.WARN });
const consumer = kafka.consumer({ groupId: 'billing' });
// Poison records are parked in a dead-letter topic instead of blocking the partition.
const deadLetters = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });

/** The order in a record, or an error if the record can never be processed. */
function parseOrder(value: Buffer | null): Order {
  const order: unknown = JSON.parse(value?.toString() ?? '');
  if (typeof order !== 'object' || order === null || typeof (order as Order).order_id !== 'string') {
    throw new Error('not an order object');
  }
  return order as Order;
}

/** The order in a record; a record that can never be processed goes to the dead-letter topic instead (null). */
async function parseOrDeadLetter(message: KafkaMessage): Promise<Order | null> {
  try {
    return parseOrder(message.value);
  } catch (err) {
    console.error('dead-lettering malformed record at offset', message.offset, err);
    await deadLetters.send({
      topic: 'orders.dlq',
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers: { error: String(err) } }],
    });
    return null;
  }
}

async function main(): Promise<void> {
  await Promise.all([consumer.connect(), deadLetters.connect()]);
  // fromBeginning works like auto.offset.reset=earliest: used only when the group has no committed offset.
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false, // commit after processing: at-least-once
    eachMessage: async ({ topic, partition, message }) => {
      const order = await parseOrDeadLetter(message);
      // Any error while processing throws before the commit: the record is read again after a restart.
      if (order) console.log('billing order', order.order_id, 'for', order.total);
      // The committed offset is the next record to read: this offset + 1.
      const next = (BigInt(message.offset) + 1n).toString();
      await consumer.commitOffsets([{ topic, partition, offset: next }]);
    },
  });
}

async function shutdown(): Promise<void> {
  await consumer.disconnect(); // leave the group so its partitions are reassigned at once
  await deadLetters.disconnect();
}

process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

main().catch(async (err: unknown) => {
  console.error('consumer failed', err);
  await shutdown();
  process.exitCode = 1;
});
`;

const CONFLUENT_PRODUCER_TS = `import { KafkaJS } from '@confluentinc/kafka-javascript';

const { Kafka, logLevel } = KafkaJS;

interface Order {
  order_id: string;
  customer: string;
  total: number;
}

// KafkaJS-style settings go in a kafkaJS block; librdkafka properties sit beside it.
const kafka = new Kafka({ kafkaJS: { clientId: 'order-service', brokers: ['localhost:9092'], logLevel: logLevel.WARN } });
const producer = kafka.producer({
  // acks is set per producer here, not per send() as in kafkajs.
  kafkaJS: { idempotent: true, acks: -1 },
  // librdkafka batches for up to 5 ms by default; 0 sends at once when each send() is awaited.
  'linger.ms': 0,
});

const orders: Order[] = [
  { order_id: '1001', customer: 'ana', total: 42.5 },
  { order_id: '1002', customer: 'ben', total: 310 },
];

async function main(): Promise<void> {
  await producer.connect();
  try {
    // The default partitioner hashes keys with murmur2, like the Java client and kafkajs.
    const delivered = await producer.send({
      topic: 'orders',
      messages: orders.map((order) => ({ key: order.order_id, value: JSON.stringify(order) })),
    });
    for (const record of delivered) {
      console.log('delivered to', record.topicName, 'partition', record.partition, 'at offset', record.offset);
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

const CONFLUENT_CONSUMER_TS = `import { KafkaJS } from '@confluentinc/kafka-javascript';

const { Kafka, logLevel } = KafkaJS;

interface Order {
  order_id: string;
  total: number;
}

const kafka = new Kafka({ kafkaJS: { clientId: 'billing', brokers: ['localhost:9092'], logLevel: logLevel.WARN } });
// fromBeginning and autoCommit belong to the consumer here, not to subscribe() and run() as in kafkajs.
const consumer = kafka.consumer({ kafkaJS: { groupId: 'billing', fromBeginning: true, autoCommit: false } });
// librdkafka keeps up to 5 requests in flight and still orders idempotent retries: no in-flight cap needed.
const deadLetters = kafka.producer({ kafkaJS: { idempotent: true, acks: -1 } });

/** The order in a record, or an error if the record can never be processed. */
function parseOrder(value: Buffer | null): Order {
  const order: unknown = JSON.parse(value?.toString() ?? '');
  if (typeof order !== 'object' || order === null || typeof (order as Order).order_id !== 'string') {
    throw new Error('not an order object');
  }
  return order as Order;
}

/** The order in a record; a record that can never be processed goes to the dead-letter topic instead (null). */
async function parseOrDeadLetter(message: { key: Buffer | null; value: Buffer | null; offset: string }): Promise<Order | null> {
  try {
    return parseOrder(message.value);
  } catch (err) {
    console.error('dead-lettering malformed record at offset', message.offset, err);
    await deadLetters.send({
      topic: 'orders.dlq',
      messages: [{ key: message.key, value: message.value, headers: { error: String(err) } }],
    });
    return null;
  }
}

async function main(): Promise<void> {
  await Promise.all([consumer.connect(), deadLetters.connect()]);
  await consumer.subscribe({ topics: ['orders'] });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const order = await parseOrDeadLetter(message);
      if (order) console.log('billing order', order.order_id, 'for', order.total);
      const next = (BigInt(message.offset) + 1n).toString();
      await consumer.commitOffsets([{ topic, partition, offset: next }]);
    },
  });
}

async function shutdown(): Promise<void> {
  await consumer.disconnect();
  await deadLetters.disconnect();
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
const ROUTING_KEY = 'order.created';

async function main(): Promise<void> {
  const connection = await amqp.connect(process.env.AMQP_URL ?? 'amqp://localhost');
  try {
    // A confirm channel lets us wait until the broker has taken the message.
    const channel = await connection.createConfirmChannel();
    // The worker declares the queue and binds it; the publisher only needs the exchange.
    await channel.assertExchange(EXCHANGE, 'direct', { durable: true });
    // With mandatory, an unroutable message comes back here before its confirm; without it, it is confirmed and lost.
    let returned = false;
    channel.on('return', (msg: amqp.ConsumeMessage) => {
      returned = true;
      console.error('no queue is bound for routing key', msg.fields.routingKey, '- start worker.ts first');
    });

    const order = { order_id: '1001', customer: 'ana', total: 42.5 };
    channel.publish(EXCHANGE, ROUTING_KEY, Buffer.from(JSON.stringify(order)), {
      persistent: true,
      contentType: 'application/json',
      mandatory: true,
    });
    await channel.waitForConfirms(); // rejects if the broker refuses the message
    if (returned) process.exitCode = 1;
    else console.log('published order', order.order_id);
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

interface Order {
  order_id: string;
}

/** The order in a message, or an error if the message can never be processed. */
function parseOrder(body: Buffer): Order {
  const order: unknown = JSON.parse(body.toString());
  if (typeof order !== 'object' || order === null || typeof (order as Order).order_id !== 'string') {
    throw new Error('not an order object');
  }
  return order as Order;
}

function processOrder(order: Order): void {
  console.log('packing order', order.order_id);
}

async function main(): Promise<void> {
  const connection = await amqp.connect(process.env.AMQP_URL ?? 'amqp://localhost');
  connection.on('error', (err: unknown) => console.error('connection error', err)); // a lost connection requeues unacked deliveries
  const channel = await connection.createChannel();
  await channel.assertExchange(EXCHANGE, 'direct', { durable: true });
  // Rejected messages go to orders.dlx, which keeps them in order-tasks.dlq for a person to look at.
  await channel.assertExchange('orders.dlx', 'fanout', { durable: true });
  await channel.assertQueue('order-tasks.dlq', { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue('order-tasks.dlq', 'orders.dlx', '');
  await channel.assertQueue(QUEUE, {
    durable: true,
    deadLetterExchange: 'orders.dlx',
    arguments: {
      'x-queue-type': 'quorum', // replicated, and counts each message's deliveries
      // After 5 failed deliveries a message is dead-lettered instead of retried for ever
      // (RabbitMQ 4.0+ applies a limit of 20 by default; 3.x has none unless set).
      'x-delivery-limit': 5,
    },
  });
  await channel.bindQueue(QUEUE, EXCHANGE, ROUTING_KEY);
  await channel.prefetch(1); // at most one unacknowledged message at a time

  await channel.consume(
    QUEUE,
    (msg) => {
      if (msg === null) return; // the broker cancelled this consumer
      let order: Order;
      try {
        order = parseOrder(msg.content);
      } catch (err) {
        console.error('dead-lettering malformed message', err);
        channel.nack(msg, false, false); // not requeued: it would fail again
        return;
      }
      try {
        processOrder(order);
      } catch (err) {
        console.error('processing failed, requeueing', err);
        // reject, not nack: since RabbitMQ 4.3 only a reject counts toward the delivery limit
        channel.reject(msg, true);
        return;
      }
      channel.ack(msg); // done: the broker deletes it
    },
    { noAck: false },
  );
  console.log('waiting for orders');

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
    notes: [
      'keyed records, Java-compatible partitioner',
      'idempotence on (off by default in librdkafka)',
      'delivery callback',
      'flush before exit',
    ],
  },
  {
    id: 'kafka-consumer-python',
    broker: 'kafka',
    role: 'consumer',
    language: 'python',
    library: 'confluent-kafka',
    filename: 'consumer.py',
    code: KAFKA_CONSUMER_PY,
    notes: [
      'consumer group',
      'auto.offset.reset=earliest',
      'malformed records to a dead-letter topic',
      'manual commit after processing',
      'close on exit',
    ],
  },
  {
    id: 'rabbitmq-producer-python',
    broker: 'rabbitmq',
    role: 'producer',
    language: 'python',
    library: 'pika',
    filename: 'publish.py',
    code: RABBIT_PRODUCER_PY,
    notes: ['durable direct exchange', 'persistent JSON message', 'publisher confirms', 'mandatory: unroutable messages come back'],
  },
  {
    id: 'rabbitmq-consumer-python',
    broker: 'rabbitmq',
    role: 'consumer',
    language: 'python',
    library: 'pika',
    filename: 'worker.py',
    code: RABBIT_CONSUMER_PY,
    notes: [
      'quorum queue with a dead-letter exchange and a delivery limit',
      'prefetch 1',
      'malformed messages dead-lettered, failures rejected back to the queue (counted toward the delivery limit)',
      'manual ack after processing',
    ],
  },
  {
    id: 'rabbitmq-replay-python',
    broker: 'rabbitmq',
    role: 'replay',
    language: 'python',
    library: 'pika',
    filename: 'replay.py',
    code: RABBIT_REPLAY_PY,
    notes: ['a stream bound beside the queue', 'replay from the first offset with x-stream-offset', 'stops once caught up'],
  },
  {
    id: 'kafka-producer-typescript',
    broker: 'kafka',
    role: 'producer',
    language: 'typescript',
    library: 'kafkajs',
    filename: 'producer.ts',
    code: KAFKA_PRODUCER_TS,
    notes: [
      'keyed records, Java-compatible partitioner',
      'idempotent, one request in flight',
      'awaited delivery report',
      'disconnect on exit',
    ],
  },
  {
    id: 'kafka-consumer-typescript',
    broker: 'kafka',
    role: 'consumer',
    language: 'typescript',
    library: 'kafkajs',
    filename: 'consumer.ts',
    code: KAFKA_CONSUMER_TS,
    notes: ['consumer group', 'fromBeginning (earliest)', 'malformed records to a dead-letter topic', 'manual commit after processing'],
  },
  {
    id: 'kafka-producer-confluent',
    broker: 'kafka',
    role: 'producer',
    language: 'typescript',
    library: '@confluentinc/kafka-javascript',
    filename: 'producer.ts',
    code: CONFLUENT_PRODUCER_TS,
    notes: ['KafkaJS-compatible API on librdkafka', 'acks and idempotence per producer', 'linger.ms 0 for awaited sends'],
  },
  {
    id: 'kafka-consumer-confluent',
    broker: 'kafka',
    role: 'consumer',
    language: 'typescript',
    library: '@confluentinc/kafka-javascript',
    filename: 'consumer.ts',
    code: CONFLUENT_CONSUMER_TS,
    notes: ['fromBeginning and autoCommit per consumer', 'malformed records to a dead-letter topic', 'manual commit after processing'],
  },
  {
    id: 'rabbitmq-producer-typescript',
    broker: 'rabbitmq',
    role: 'producer',
    language: 'typescript',
    library: 'amqplib',
    filename: 'publish.ts',
    code: RABBIT_PRODUCER_TS,
    notes: ['durable direct exchange', 'persistent JSON message', 'publisher confirms', 'mandatory with a return handler'],
  },
  {
    id: 'rabbitmq-consumer-typescript',
    broker: 'rabbitmq',
    role: 'consumer',
    language: 'typescript',
    library: 'amqplib',
    filename: 'worker.ts',
    code: RABBIT_CONSUMER_TS,
    notes: [
      'quorum queue with a dead-letter exchange and a delivery limit',
      'prefetch 1',
      'malformed messages dead-lettered, failures rejected back to the queue (counted toward the delivery limit)',
      'close channel and connection on exit',
    ],
  },
];

export interface CodeTab {
  id: string;
  broker: Broker;
  language: CodeLanguage;
  library: string;
  label: string;
  /** How to try the tab's files, in order. */
  howToRun: string;
  samples: readonly CodeSample[];
  sources: readonly SourceId[];
}

const LIBRARY_SOURCES: Record<string, readonly SourceId[]> = {
  'confluent-kafka': ['confluent-python-client'],
  pika: ['pika-repo'],
  kafkajs: ['kafkajs-producing', 'kafkajs-consuming'],
  '@confluentinc/kafka-javascript': ['confluent-javascript-migration'],
  amqplib: ['amqplib-repo'],
};

/** What a reader should know about a client library before adopting it. */
export const LIBRARY_NOTES: Partial<Record<string, Claim<SourceId>>> = {
  kafkajs: {
    text: 'kafkajs is pure JavaScript but no longer actively developed; the next tab shows the same code on Confluent’s @confluentinc/kafka-javascript.',
    sources: ['confluent-javascript-migration'],
  },
  '@confluentinc/kafka-javascript': {
    text: 'Switching from kafkajs: the import becomes KafkaJS from @confluentinc/kafka-javascript and settings move into a kafkaJS block; acks, compression and timeout are set per producer and fromBeginning and autoCommit per consumer; custom partitioners are not supported (the default hashes keys with murmur2, as before); and since it runs on librdkafka, sends wait up to linger.ms (5 ms) unless you set it to 0.',
    sources: ['confluent-javascript-migration', 'librdkafka-configuration'],
  },
  pika: {
    text: 'The RabbitMQ samples need RabbitMQ 3.9 or later for the stream and work on 4.x. A failed order is requeued with reject rather than nack: since RabbitMQ 4.3 a quorum queue counts only rejects (and deliveries to a consumer that died) toward its delivery limit, so a message nacked with requeue would come back for ever. The fidelity suite runs the samples against RabbitMQ 3.10, including malformed messages and one that fails every time.',
    sources: ['rabbitmq-streams', 'rabbitmq-quorum-queues', 'rabbitmq-nack'],
    scenarios: ['poison-three-ways'],
  },
};

const BROKER_NAME: Record<Broker, string> = { kafka: 'Kafka', rabbitmq: 'RabbitMQ' };
const LANGUAGE_NAME: Record<CodeLanguage, string> = { python: 'Python', typescript: 'TypeScript' };
const ROLE_ORDER = { producer: 0, consumer: 1, replay: 2 } as const;
/** Kafka's two TypeScript clients get one tab each, named by their client. */
const TAB_SUFFIX: Partial<Record<string, string>> = { kafkajs: ' (kafkajs)', '@confluentinc/kafka-javascript': ' (Confluent)' };

const HOW_TO_RUN: Record<Broker, string> = {
  kafka: 'Start a local broker on its default port, run the producer, then the consumer.',
  rabbitmq:
    'Start a local broker on its default port (or set AMQP_URL), start the worker, which declares the queues, then run the publisher.',
};

/** One tab per broker × language × client library, producer first. */
export function codeTabs(samples: readonly CodeSample[] = CODE_SAMPLES): CodeTab[] {
  const tabs: CodeTab[] = [];
  for (const language of ['python', 'typescript'] as const) {
    for (const broker of ['kafka', 'rabbitmq'] as const) {
      const inGroup = samples.filter((s) => s.broker === broker && s.language === language);
      for (const library of [...new Set(inGroup.map((s) => s.library))]) {
        const inTab = inGroup.filter((s) => s.library === library).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
        tabs.push({
          id: `${broker}-${language}-${library.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')}`,
          broker,
          language,
          library,
          label: BROKER_NAME[broker] + ' · ' + LANGUAGE_NAME[language] + (TAB_SUFFIX[library] ?? ''),
          howToRun: HOW_TO_RUN[broker],
          samples: inTab,
          sources: LIBRARY_SOURCES[library] ?? [],
        });
      }
    }
  }
  return tabs;
}
