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
  it('has a producer and a consumer per broker and language, with unique ids', () => {
    expect(new Set(CODE_SAMPLES.map((s) => s.id)).size).toBe(CODE_SAMPLES.length);
    for (const broker of ['kafka', 'rabbitmq'])
      for (const language of ['python', 'typescript'])
        for (const role of ['producer', 'consumer'])
          expect(CODE_SAMPLES.filter((s) => s.broker === broker && s.language === language && s.role === role)).toHaveLength(1);
  });

  it('groups into four tabs, producer before consumer, each citing its client library', () => {
    const tabs = codeTabs();
    expect(tabs.map((t) => t.id)).toEqual(['kafka-python', 'rabbitmq-python', 'kafka-typescript', 'rabbitmq-typescript']);
    for (const tab of tabs) {
      expect(tab.samples.map((s) => s.role)).toEqual(['producer', 'consumer']);
      expect(tab.sources.length).toBe(1);
    }
  });

  // What the text promises about each sample, checked in the code itself.
  it.each([
    ['kafka-producer-python', ['key=order["order_id"]', 'on_delivery=on_delivery', 'producer.flush(', 'from confluent_kafka import']],
    [
      'kafka-consumer-python',
      [
        '"auto.offset.reset": "earliest"',
        '"enable.auto.commit": False',
        'consumer.commit(message=msg, asynchronous=False)',
        'consumer.close()',
        '"group.id"',
      ],
    ],
    [
      'rabbitmq-producer-python',
      [
        'exchange_type="direct", durable=True',
        'queue_declare(queue="order-tasks", durable=True)',
        'queue_bind(',
        'delivery_mode=2',
        'json.dumps(order)',
        'connection.close()',
      ],
    ],
    [
      'rabbitmq-consumer-python',
      ['basic_qos(prefetch_count=1)', 'auto_ack=False', 'basic_ack(delivery_tag=method.delivery_tag)', 'connection.close()'],
    ],
    ['kafka-producer-typescript', ['key: order.order_id', 'await producer.send(', 'producer.disconnect()']],
    ['kafka-consumer-typescript', ['fromBeginning: true', 'autoCommit: false', 'commitOffsets(', '+ 1n', 'consumer.disconnect()']],
    [
      'rabbitmq-producer-typescript',
      [
        "assertExchange(EXCHANGE, 'direct', { durable: true })",
        'assertQueue(QUEUE, { durable: true })',
        'bindQueue(',
        'persistent: true',
        'waitForConfirms()',
        'connection.close()',
      ],
    ],
    ['rabbitmq-consumer-typescript', ['prefetch(1)', 'noAck: false', 'channel.ack(msg)', 'connection.close()']],
  ])('%s contains what the page says it does', (id, needles) => {
    const source = code(id);
    for (const needle of needles) expect(source, needle).toContain(needle);
  });

  it('all samples use the same JSON fields, so a Python producer feeds a TypeScript consumer and back', () => {
    for (const s of CODE_SAMPLES) {
      expect(s.code, s.id).toContain('order_id');
      expect(s.code, s.id).not.toMatch(/orderId/);
    }
  });

  it('both Kafka producers hash keys like the Java client, so they put a key on the same partition', () => {
    const producers = CODE_SAMPLES.filter((s) => s.broker === 'kafka' && s.role === 'producer');
    expect(producers).toHaveLength(2);
    for (const s of producers)
      expect(s.code, s.id).toMatch(/"partitioner": "murmur2_random"|createPartitioner: Partitioners\.DefaultPartitioner/);
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

  // amqplib and its types are installed here, so the RabbitMQ TypeScript samples are type-checked for real.
  it.each(CODE_SAMPLES.filter((s) => s.library === 'amqplib').map((s) => [s.id, s.code]))(
    '%s type-checks against amqplib under strict TypeScript',
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

  it.each(CODE_SAMPLES.filter((s) => s.library === 'kafkajs').map((s) => [s.id, s.code]))('%s parses as TypeScript', (_, source) => {
    const out = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
    expect(out.diagnostics ?? []).toEqual([]);
  });
});
