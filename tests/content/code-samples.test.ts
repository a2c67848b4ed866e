import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CODE_SAMPLES, codeTabs } from '@/lib/content/code-samples';

const byId = new Map(CODE_SAMPLES.map((s) => [s.id, s]));
function code(id: string): string {
  const sample = byId.get(id);
  if (!sample) throw new Error(`no sample ${id}`);
  return sample.code;
}

describe('code samples', () => {
  it('has a producer and a consumer per broker, language and client library, with unique ids', () => {
    expect(new Set(CODE_SAMPLES.map((s) => s.id)).size).toBe(CODE_SAMPLES.length);
    const libraries = [...new Set(CODE_SAMPLES.map((s) => s.library))];
    expect(libraries.sort()).toEqual(['@confluentinc/kafka-javascript', 'amqplib', 'confluent-kafka', 'kafkajs', 'pika']);
    for (const library of libraries)
      for (const role of ['producer', 'consumer'])
        expect(
          CODE_SAMPLES.filter((s) => s.library === library && s.role === role),
          `${library} ${role}`,
        ).toHaveLength(1);
  });

  it('groups into five tabs (one per client library), producer before consumer, each citing its client library', () => {
    const tabs = codeTabs();
    expect(tabs.map((t) => t.label)).toEqual([
      'Kafka · Python',
      'RabbitMQ · Python',
      'Kafka · TypeScript (kafkajs)',
      'Kafka · TypeScript (Confluent)',
      'RabbitMQ · TypeScript',
    ]);
    expect(new Set(tabs.map((t) => t.id)).size).toBe(tabs.length);
    for (const tab of tabs) {
      expect(tab.samples.slice(0, 2).map((s) => s.role)).toEqual(['producer', 'consumer']);
      expect(tab.sources.length).toBeGreaterThanOrEqual(1);
    }
    expect(tabs[1]!.samples.map((s) => s.filename)).toEqual(['publish.py', 'worker.py', 'replay.py']);
  });

  // What the text promises about each sample, checked in the code itself.
  it.each([
    ['kafka-producer-python', ['key=order["order_id"]', '"enable.idempotence": True', 'on_delivery=on_delivery', 'producer.flush(']],
    [
      'kafka-consumer-python',
      [
        '"auto.offset.reset": "earliest"',
        '"enable.auto.commit": False',
        'consumer.commit(message=msg, asynchronous=False)',
        'consumer.close()',
        'dead_letters.produce("orders.dlq"',
      ],
    ],
    [
      'rabbitmq-producer-python',
      [
        'exchange_type="direct", durable=True',
        'delivery_mode=2',
        'confirm_delivery()',
        'mandatory=True',
        'UnroutableError',
        'connection.close()',
      ],
    ],
    [
      'rabbitmq-consumer-python',
      [
        '"x-queue-type": "quorum"',
        '"x-dead-letter-exchange": "orders.dlx"',
        'exchange_declare(exchange="orders.dlx"',
        '"x-delivery-limit": 5',
        'basic_qos(prefetch_count=1)',
        'auto_ack=False',
        'basic_nack(delivery_tag=method.delivery_tag, requeue=False)',
        'basic_ack(delivery_tag=method.delivery_tag)',
      ],
    ],
    [
      'rabbitmq-replay-python',
      ['"x-queue-type": "stream"', '"x-stream-offset": "first"', "properties.headers['x-stream-offset']", 'basic_qos('],
    ],
    [
      'kafka-producer-typescript',
      [
        'key: order.order_id',
        'idempotent: true',
        'maxInFlightRequests: 1',
        'acks: -1',
        'createPartitioner: Partitioners.DefaultPartitioner',
      ],
    ],
    ['kafka-consumer-typescript', ['fromBeginning: true', 'autoCommit: false', 'commitOffsets(', '+ 1n', "topic: 'orders.dlq'"]],
    ['kafka-producer-confluent', ["from '@confluentinc/kafka-javascript'", 'kafkaJS: { idempotent: true, acks: -1 }', "'linger.ms': 0"]],
    ['kafka-consumer-confluent', ['fromBeginning: true, autoCommit: false', 'commitOffsets(', "topic: 'orders.dlq'"]],
    [
      'rabbitmq-producer-typescript',
      [
        "assertExchange(EXCHANGE, 'direct', { durable: true })",
        'mandatory: true',
        "channel.on('return'",
        'persistent: true',
        'waitForConfirms()',
      ],
    ],
    [
      'rabbitmq-consumer-typescript',
      [
        "'x-queue-type': 'quorum'",
        "deadLetterExchange: 'orders.dlx'",
        "assertExchange('orders.dlx'",
        "'x-delivery-limit': 5",
        'prefetch(1)',
        'noAck: false',
        'channel.nack(msg, false, false)',
        'channel.ack(msg)',
      ],
    ],
  ])('%s contains what the page says it does', (id, needles) => {
    const source = code(id);
    for (const needle of needles) expect(source, needle).toContain(needle);
  });

  it('every Kafka producer turns idempotence on (it is off by default in librdkafka and kafkajs)', () => {
    const producers = CODE_SAMPLES.filter((s) => s.broker === 'kafka' && s.role === 'producer');
    expect(producers).toHaveLength(3);
    for (const s of producers) expect(s.code, s.id).toMatch(/"enable\.idempotence": True|idempotent: true/);
  });

  it('kafkajs producers with idempotence keep one request in flight (kafkajs allows unlimited by default)', () => {
    for (const s of CODE_SAMPLES.filter((x) => x.library === 'kafkajs' && /idempotent: true/.test(x.code))) {
      const declarations = s.code.match(/producer\(\{[^]*?\}\);/g) ?? [];
      expect(declarations.length, s.id).toBeGreaterThan(0);
      for (const d of declarations) if (d.includes('idempotent: true')) expect(d, s.id).toContain('maxInFlightRequests: 1');
    }
  });

  it('every RabbitMQ queue the samples declare is a quorum queue or a stream, never a classic queue', () => {
    for (const s of CODE_SAMPLES.filter((x) => x.broker === 'rabbitmq')) {
      const declares = s.code.match(/queue_declare\([^]*?\)\n|assertQueue\([^]*?\}\);/g) ?? [];
      for (const d of declares) expect(d, s.id).toMatch(/quorum|stream/);
    }
  });

  it('a dead-letter exchange mentioned in a sample is declared in it', () => {
    for (const s of CODE_SAMPLES.filter((x) => /dead-letter exchange|dead-lettered/i.test(x.code) && x.broker === 'rabbitmq')) {
      expect(s.code, s.id).toMatch(/exchange_declare\(exchange="orders\.dlx"|assertExchange\('orders\.dlx'/);
      expect(s.code, s.id).toMatch(/x-dead-letter-exchange|deadLetterExchange/);
    }
  });

  it('all samples use the same JSON fields, so a Python producer feeds a TypeScript consumer and back', () => {
    for (const s of CODE_SAMPLES.filter((x) => x.role !== 'replay')) {
      expect(s.code, s.id).toContain('order_id');
      expect(s.code, s.id).not.toMatch(/orderId/);
    }
  });

  it('every Kafka producer hashes keys like the Java client, so they put a key on the same partition', () => {
    const producers = CODE_SAMPLES.filter((s) => s.broker === 'kafka' && s.role === 'producer');
    for (const s of producers.filter((x) => x.library !== '@confluentinc/kafka-javascript'))
      expect(s.code, s.id).toMatch(/"partitioner": "murmur2_random"|createPartitioner: Partitioners\.DefaultPartitioner/);
    // Its KafkaJS-compatible API already defaults to murmur2_random (confluent-javascript-migration).
    expect(code('kafka-producer-confluent')).toMatch(/murmur2/);
  });

  it('no sample auto-acknowledges or auto-commits', () => {
    for (const s of CODE_SAMPLES) {
      expect(s.code).not.toMatch(/auto_ack=True|noAck: true|"enable.auto.commit": True|autoCommit: true/);
    }
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python).each(CODE_SAMPLES.filter((s) => s.language === 'python').map((s) => [s.id, s.code]))(
    '%s is valid Python',
    (_, source) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'sample-py-'));
      try {
        const file = path.join(dir, 'sample.py');
        writeFileSync(file, source);
        execFileSync('python3', ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', file]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  // amqplib and kafkajs and their types are installed here, so those samples are type-checked for real.
  it.each(CODE_SAMPLES.filter((s) => s.library === 'amqplib' || s.library === 'kafkajs').map((s) => [s.id, s.code]))(
    '%s type-checks against its client library under strict TypeScript',
    (id, source) => {
      const file = path.resolve(__dirname, `../../.sample-${id}.ts`);
      writeFileSync(file, source);
      try {
        const program = ts.createProgram([file], {
          strict: true,
          noEmit: true,
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          moduleResolution: ts.ModuleResolutionKind.Bundler,
          esModuleInterop: true,
          skipLibCheck: true,
          types: ['node'],
        });
        const diagnostics = ts
          .getPreEmitDiagnostics(program)
          .filter((d) => d.file?.fileName === file)
          .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        expect(diagnostics).toEqual([]);
      } finally {
        rmSync(file, { force: true });
      }
    },
    30_000,
  );

  // @confluentinc/kafka-javascript cannot be installed here (its install step downloads a native build): parsed only.
  it.each(CODE_SAMPLES.filter((s) => s.library === '@confluentinc/kafka-javascript').map((s) => [s.id, s.code]))(
    '%s parses as TypeScript',
    (_, source) => {
      const out = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
      expect(out.diagnostics ?? []).toEqual([]);
    },
  );

  // One poison-message policy: valid JSON that is not an order is as unprocessable as bad JSON, and must not crash
  // the consumer (a crash returns the message to the head of the queue, and the worker dies again).
  const POISON = ['{bad json', '[1, 2]', '"a string"', '42', 'null', '{}', '{"order_id": 5}'];
  const GOOD = '{"order_id": "1001", "total": 42.5}';

  it
    .skipIf(!python)
    .each(CODE_SAMPLES.filter((s) => s.language === 'python' && s.code.includes('def parse_order')).map((s) => [s.id, s.code]))(
    '%s: parse_order raises ValueError for every poison message and accepts an order',
    (_, source) => {
      const fn = source.slice(source.indexOf('def parse_order'), source.indexOf('\n\n\n', source.indexOf('def parse_order')));
      const script = [
        'import json',
        fn,
        'import sys',
        `for raw in ${JSON.stringify(POISON)} + [b"\\xff\\xfe"]:`,
        '    try:',
        '        parse_order(raw if isinstance(raw, bytes) else raw.encode())',
        '    except ValueError:',
        '        continue',
        '    sys.exit("accepted poison: %r" % (raw,))',
        `assert parse_order(${JSON.stringify(GOOD)}.encode())["order_id"] == "1001"`,
        'print("ok")',
      ].join('\n');
      expect(execFileSync('python3', ['-c', script]).toString().trim()).toBe('ok');
    },
  );

  it.each(CODE_SAMPLES.filter((s) => s.language === 'typescript' && s.code.includes('function parseOrder')).map((s) => [s.id, s.code]))(
    '%s: parseOrder throws for every poison message and accepts an order',
    (_, source) => {
      const start = source.indexOf('function parseOrder');
      const fn = source.slice(start, source.indexOf('\n}\n', start) + 2);
      const js = ts.transpileModule(fn, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
      const parseOrder = new Function(`${js}; return parseOrder;`)() as (b: Buffer) => { order_id: string };
      for (const raw of POISON) expect(() => parseOrder(Buffer.from(raw)), raw).toThrow();
      expect(parseOrder(Buffer.from(GOOD)).order_id).toBe('1001');
    },
  );
});
