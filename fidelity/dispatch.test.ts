// Dispatch differential: the same script of publishes, consumers, acks, nacks and channel closes
// runs on a real classic queue, on ClassicQueueOracle and on the simulation engine; who receives what, in
// which order, with which delivery tag and redelivered flag, and what remains must agree.
import type { Channel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { InterventionInput } from '@/simulator';
import { ClassicQueueOracle, type ClassicQueueOptions, type QueueOutcome } from '@/tests/oracles/classic-queue-oracle';
import { brokerConnection, runId, waitFor } from './broker';
import {
  compareDispatchOnEngine,
  dispatchScenario,
  EngineDifference,
  engineStep,
  outcomeLines,
  type DispatchEnd,
  type DispatchStep,
} from './engine';

const CONSUMERS = 3;

type Step =
  | { kind: 'publish'; count: number; bytes: number }
  | { kind: 'consume'; consumer: number; prefetch: number }
  | { kind: 'ack' | 'nackRequeue' | 'nackDrop'; consumer: number; pick: number; multiple: boolean }
  | { kind: 'close'; consumer: number };

interface Script {
  queue: {
    maxLength?: number;
    maxLengthBytes?: number;
    overflow: 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
    deadLetter: boolean;
  };
  steps: Step[];
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('publish' as const),
      count: fc.integer({ min: 1, max: 6 }),
      bytes: fc.integer({ min: 0, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('consume' as const),
      consumer: fc.nat(CONSUMERS - 1),
      prefetch: fc.constantFrom(0, 1, 2, 10),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom('ack' as const, 'ack' as const, 'nackRequeue' as const, 'nackDrop' as const),
      consumer: fc.nat(CONSUMERS - 1),
      pick: fc.nat(9),
      multiple: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), consumer: fc.nat(CONSUMERS - 1) }) },
);
const scriptArb: fc.Arbitrary<Script> = fc.record({
  queue: fc.record({
    maxLength: fc.option(fc.constantFrom(2, 4), { nil: undefined, freq: 3 }),
    maxLengthBytes: fc.option(fc.constantFrom(4, 9), { nil: undefined, freq: 4 }),
    overflow: fc.constantFrom('drop-head' as const, 'reject-publish' as const, 'reject-publish-dlx' as const),
    deadLetter: fc.boolean(),
  }),
  steps: fc.array(stepArb, { minLength: 10, maxLength: 40 }),
});

interface BrokerConsumer {
  id: string;
  ch: Channel;
  received: string[];
  unacked: ConsumeMessage[];
}

/** A message id, '*' marks redelivered=true. */
const seen = (id: string | number, redelivered: boolean) => `${id}${redelivered ? '*' : ''}`;
/** What a consumer saw: the message, its flag and its delivery tag on the consumer's channel. */
const delivery = (id: string | number, redelivered: boolean, tag: number) => `${seen(id, redelivered)}#${tag}`;

const conn = brokerConnection();
let scriptNo = 0;
let scripts = 0;
let steps = 0;
let deliveries = 0;
let differences = 0;
let engineEvents = 0;
/** How often each kind of model outcome occurred, to show what the scripts exercised. */
const tally = new Map<string, number>();

afterAll(async () => {
  console.log(`dispatch differential: ${scripts} scripts, ${differences} differences (broker, ClassicQueueOracle, engine)`);
  console.log(
    `  (${steps} steps, ${deliveries} deliveries, ${engineEvents} engine events compared; model outcomes: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')})`,
  );
});

class Difference extends Error {
  step = -1;
}

/** Runs `script` on all three; returns what each broker consumer received, in order (`delivery()` strings). */
async function runScript(script: Script, consumers = CONSUMERS): Promise<Record<string, string[]>> {
  const q = `${runId}.d${scriptNo++}`;
  const dlx = `${q}.dlx`;
  const dlq = `${q}.dlq`;
  const options: ClassicQueueOptions = {
    ...(script.queue.maxLength !== undefined ? { maxLength: script.queue.maxLength } : {}),
    ...(script.queue.maxLengthBytes !== undefined ? { maxLengthBytes: script.queue.maxLengthBytes } : {}),
    ...(script.queue.maxLength !== undefined || script.queue.maxLengthBytes !== undefined ? { overflow: script.queue.overflow } : {}),
    ...(script.queue.deadLetter ? { deadLetterExchange: dlx } : {}),
  };
  const model = new ClassicQueueOracle(options);
  const pub: ConfirmChannel = await conn().createConfirmChannel();
  await pub.assertQueue(q, {
    durable: false,
    arguments: {
      ...(options.maxLength !== undefined ? { 'x-max-length': options.maxLength } : {}),
      ...(options.maxLengthBytes !== undefined ? { 'x-max-length-bytes': options.maxLengthBytes } : {}),
      ...(options.overflow !== undefined ? { 'x-overflow': options.overflow } : {}),
      ...(options.deadLetterExchange ? { 'x-dead-letter-exchange': dlx } : {}),
    },
  });
  if (options.deadLetterExchange) {
    await pub.assertExchange(dlx, 'fanout', { durable: false });
    await pub.assertQueue(dlq, { durable: false });
    await pub.bindQueue(dlq, dlx, '');
  }

  const modelSeen = new Map<string, string[]>();
  const modelDeadLettered: string[] = [];
  const modelRejected: string[] = [];
  const brokerRejected: string[] = [];
  const live: (BrokerConsumer | undefined)[] = Array(consumers).fill(undefined);
  const generation = Array(consumers).fill(0) as number[];
  const all: BrokerConsumer[] = [];
  let nextMsg = 0;
  let failedStep = -1;
  /** The executed steps, for the engine's replay (step k runs at k ms). */
  const trace: (DispatchStep & { scriptStep: number })[] = [];
  let stepLines: string[] = [];

  const record = (out: QueueOutcome[]) => {
    stepLines.push(...outcomeLines(out));
    for (const o of out) {
      const kind = o.type === 'delivered' && o.redelivered ? 'redelivered' : o.type;
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
      if (o.type === 'delivered') {
        const list = modelSeen.get(o.consumerId) ?? [];
        list.push(delivery(o.msgId, o.redelivered, o.deliveryTag));
        modelSeen.set(o.consumerId, list);
      }
      if (o.type === 'deadLettered' || (o.type === 'expired' && o.deadLetter) || (o.type === 'publishRejected' && o.deadLetter))
        modelDeadLettered.push(String(o.msgId));
      if (o.type === 'publishRejected') modelRejected.push(String(o.msgId));
    }
  };

  const describeState = () =>
    JSON.stringify({
      model: Object.fromEntries(all.map((c) => [c.id, modelSeen.get(c.id) ?? []])),
      broker: Object.fromEntries(all.map((c) => [c.id, c.received])),
      modelReady: model.readyMessages().map((m) => seen(m.msgId, m.redelivered)),
    });

  const settle = async (where: string) => {
    const ok = await waitFor(async () => {
      if (all.some((c) => c.received.length < (modelSeen.get(c.id)?.length ?? 0))) return false;
      const info = await pub.checkQueue(q);
      return info.messageCount === model.readyCount && info.consumerCount === live.filter(Boolean).length;
    }, 3000);
    for (const c of all) {
      const want = modelSeen.get(c.id) ?? [];
      if (JSON.stringify(c.received) !== JSON.stringify(want))
        throw new Difference(
          `after ${where}: consumer ${c.id} received ${JSON.stringify(c.received)}, model says ${JSON.stringify(want)}\n${describeState()}`,
        );
    }
    if (!ok) {
      const info = await pub.checkQueue(q);
      throw new Difference(
        `after ${where}: broker has ${info.messageCount} ready / ${info.consumerCount} consumers, model ${model.readyCount} / ${live.filter(Boolean).length}\n${describeState()}`,
      );
    }
  };

  try {
    for (const [i, step] of script.steps.entries()) {
      const where = `step ${i} ${JSON.stringify(step)}`;
      failedStep = i;
      stepLines = [];
      let intervention: InterventionInput;
      if (step.kind === 'publish') {
        const confirms: Promise<void>[] = [];
        for (let k = 0; k < step.count; k++) {
          const id = String(nextMsg++);
          record(model.publish({ id, bytes: step.bytes }, 0));
          confirms.push(
            new Promise((resolve) => {
              // x-max-length-bytes counts body bytes only: the id travels as a property.
              pub.publish('', q, Buffer.alloc(step.bytes, 120), { messageId: id }, (err) => {
                if (err) brokerRejected.push(id);
                resolve();
              });
            }),
          );
        }
        await Promise.all(confirms);
        intervention = engineStep.publish(step.count, step.bytes);
      } else if (step.kind === 'consume') {
        if (live[step.consumer]) continue;
        const id = `c${step.consumer}.${generation[step.consumer]!++}`;
        const ch = await conn().createChannel();
        const c: BrokerConsumer = { id, ch, received: [], unacked: [] };
        live[step.consumer] = c;
        all.push(c);
        await ch.prefetch(step.prefetch);
        await ch.consume(
          q,
          (msg) => {
            if (!msg) return;
            c.received.push(delivery(msg.properties.messageId as string, msg.fields.redelivered, msg.fields.deliveryTag));
            c.unacked.push(msg);
          },
          { noAck: false },
        );
        record(model.addConsumer(id, { prefetchCount: step.prefetch }, 0));
        intervention = engineStep.consume(id, step.prefetch);
      } else if (step.kind === 'close') {
        const c = live[step.consumer];
        if (!c) continue;
        live[step.consumer] = undefined;
        await c.ch.close();
        c.unacked = [];
        record(model.removeConsumer(c.id, 0));
        intervention = engineStep.close(c.id);
      } else {
        const c = live[step.consumer];
        if (!c) continue;
        const pending = model.unackedOf(c.id);
        if (pending.length === 0) continue;
        const target = pending[step.pick % pending.length]!;
        const msg = c.unacked.find((m) => m.properties.messageId === String(target.msgId));
        if (!msg) throw new Difference(`${where}: the broker consumer ${c.id} does not hold message ${target.msgId}\n${describeState()}`);
        const settled = step.multiple ? c.unacked.filter((m) => m.fields.deliveryTag <= msg.fields.deliveryTag) : [msg];
        c.unacked = c.unacked.filter((m) => !settled.includes(m));
        if (step.kind === 'ack') {
          c.ch.ack(msg, step.multiple);
          record(model.ack(c.id, target.deliveryTag, 0, step.multiple));
          intervention = engineStep.ack(c.id, target.deliveryTag, step.multiple);
        } else {
          c.ch.nack(msg, step.multiple, step.kind === 'nackRequeue');
          record(model.nack(c.id, target.deliveryTag, step.kind === 'nackRequeue', 0, step.multiple));
          intervention = engineStep.nack(c.id, target.deliveryTag, step.kind === 'nackRequeue', step.multiple);
        }
        // The queue handles this channel's ack before its reply to a later call on the same channel.
        await c.ch.checkQueue(q);
      }
      steps++;
      await settle(where);
      trace.push({
        time: trace.length + 1,
        intervention,
        outcomes: stepLines,
        received: Object.fromEntries(all.map((c) => [c.id, [...c.received]])),
        scriptStep: i,
      });
    }

    failedStep = -1; // from here on the whole script is needed
    // What remains: each consumer's unacked messages, then the ready messages in order.
    const end: DispatchEnd = { unacked: {}, ready: [], rejected: [], deadLettered: null };
    for (const c of all.filter((x) => live.includes(x))) {
      const broker = c.unacked.map((m) => `${String(m.properties.messageId)}#${m.fields.deliveryTag}`);
      const want = model.unackedOf(c.id).map((u) => `${u.msgId}#${u.deliveryTag}`);
      end.unacked[c.id] = broker;
      if (JSON.stringify(broker) !== JSON.stringify(want))
        throw new Difference(`at the end: consumer ${c.id} holds ${JSON.stringify(broker)} unacked, model ${JSON.stringify(want)}`);
    }
    const ready: string[] = [];
    for (let got = await pub.get(q, { noAck: true }); got !== false; got = await pub.get(q, { noAck: true })) {
      ready.push(seen(got.properties.messageId as string, got.fields.redelivered));
    }
    const wantReady = model.readyMessages().map((m) => seen(m.msgId, m.redelivered));
    if (JSON.stringify(ready) !== JSON.stringify(wantReady))
      throw new Difference(`at the end: broker queue holds ${JSON.stringify(ready)}, model ${JSON.stringify(wantReady)}`);
    end.ready = ready;
    end.rejected = [...brokerRejected].sort();
    if (JSON.stringify(brokerRejected.sort()) !== JSON.stringify([...modelRejected].sort())) {
      throw new Difference(
        `publishes refused by the broker ${JSON.stringify(brokerRejected)}, by the model ${JSON.stringify(modelRejected)}`,
      );
    }
    if (options.deadLetterExchange) {
      const dead: string[] = [];
      await waitFor(async () => (await pub.checkQueue(dlq)).messageCount >= modelDeadLettered.length, 2000);
      for (let got = await pub.get(dlq, { noAck: true }); got !== false; got = await pub.get(dlq, { noAck: true }))
        dead.push(String(got.properties.messageId));
      if (JSON.stringify(dead) !== JSON.stringify(modelDeadLettered))
        throw new Difference(`dead-lettered: broker ${JSON.stringify(dead)}, model ${JSON.stringify(modelDeadLettered)}`);
      end.deadLettered = dead;
    }
    // The third party: the engine replays the same steps through its public API.
    try {
      engineEvents += compareDispatchOnEngine(script.queue, trace, end);
    } catch (e) {
      if (!(e instanceof EngineDifference)) throw e;
      const upTo = e.step >= 0 ? trace.slice(0, e.step + 1) : trace;
      const d = new Difference(
        `${e.step >= 0 ? `engine, after step ${trace[e.step]!.scriptStep} ${JSON.stringify(script.steps[trace[e.step]!.scriptStep])}` : 'engine, at the end'}: ${e.message}\n` +
          `The same steps as an engine scenario (paste into the /simulate editor or a unit test):\n${JSON.stringify(dispatchScenario(script.queue, upTo))}`,
      );
      d.step = e.step >= 0 ? trace[e.step]!.scriptStep : -1;
      throw d;
    }
    deliveries += all.reduce((n, c) => n + c.received.length, 0);
    return Object.fromEntries(all.map((c) => [c.id, c.received]));
  } catch (e) {
    if (e instanceof Difference && failedStep >= 0 && e.step < 0) e.step = failedStep;
    throw e;
  } finally {
    for (const c of live) if (c) await c.ch.close().catch(() => undefined);
    await pub.deleteQueue(q).catch(() => undefined);
    if (options.deadLetterExchange) {
      await pub.deleteQueue(dlq).catch(() => undefined);
      await pub.deleteExchange(dlx).catch(() => undefined);
    }
    await pub.close().catch(() => undefined);
  }
}

describe('dispatch differential against RabbitMQ', () => {
  it('the documented case: three consumers, prefetch 1, take m0..m11 in turn', async () => {
    const s: Step[] = [
      { kind: 'publish', count: 4, bytes: 1 },
      { kind: 'publish', count: 4, bytes: 1 },
      { kind: 'publish', count: 4, bytes: 1 },
      { kind: 'consume', consumer: 0, prefetch: 1 },
      { kind: 'consume', consumer: 1, prefetch: 1 },
      { kind: 'consume', consumer: 2, prefetch: 1 },
      ...Array.from({ length: 12 }, (_, i): Step => ({ kind: 'ack', consumer: i % 3, pick: 0, multiple: false })),
    ];
    await runScript({ queue: { overflow: 'drop-head', deadLetter: false }, steps: s });
    scripts++;
  });

  // Requeue past the length limit (issue #13): two messages delivered to a prefetch-0 consumer, then
  // requeued together (one nack with multiple, or the channel closes) or one nack at a time. RabbitMQ
  // 3.10.8: drop-head drops (or dead-letters, reason maxlen) the head when the requeues take the queue
  // over its limit; reject-publish(-dlx) never rejects a requeue and stays over the limit; one nack at
  // a time redelivers the first before the second arrives, so nothing goes over.
  const requeueWays: Record<string, Step[]> = {
    'one nack with multiple': [{ kind: 'nackRequeue', consumer: 0, pick: 1, multiple: true }],
    'the channel closing': [{ kind: 'close', consumer: 0 }],
    'two nacks, one at a time': [
      { kind: 'nackRequeue', consumer: 0, pick: 0, multiple: false },
      { kind: 'nackRequeue', consumer: 0, pick: 0, multiple: false },
    ],
  };
  const limits = { 'x-max-length 1': { maxLength: 1 }, 'x-max-length-bytes 1': { maxLengthBytes: 1 } };
  const overflows = [
    ['drop-head', false],
    ['drop-head', true],
    ['reject-publish', false],
    ['reject-publish-dlx', true],
  ] as const;
  const requeueCases = Object.entries(requeueWays).flatMap(([way, requeue]) =>
    Object.entries(limits).flatMap(([limit, queue]) =>
      overflows.map(([overflow, deadLetter]) => ({
        name: `${overflow}${deadLetter ? ' with a DLX' : ''}, ${limit}, requeued by ${way}`,
        queue,
        overflow,
        deadLetter,
        requeue,
      })),
    ),
  );
  it.each(requeueCases)('requeue past the limit: $name', async ({ queue, overflow, deadLetter, requeue }) => {
    await runScript({
      queue: { ...queue, overflow, deadLetter },
      steps: [
        { kind: 'consume', consumer: 0, prefetch: 0 },
        { kind: 'publish', count: 2, bytes: 1 },
        ...requeue,
        { kind: 'close', consumer: 0 },
      ],
    });
    scripts++;
  });

  // Issue #20 item 5's nack-requeue storm (32 consumers, prefetch 0, every message nacked with requeue):
  // on the engine its first 8 messages all went to c0. Who gets what when consumers wait on an empty
  // queue and messages arrive (one at a time, or as a burst), or when messages wait and consumers
  // subscribe one by one; then every consumer in turn nacks what it holds, with requeue, twice round.
  const nackCases = [4, 32].flatMap((n) =>
    [0, 1].flatMap((prefetch) =>
      (['consumers first', 'messages first'] as const).flatMap((order) =>
        (['one by one', 'as a burst'] as const).map((publish) => ({
          name: `${n} consumers, prefetch ${prefetch}, ${order}, 8 messages ${publish}`,
          n,
          prefetch,
          order,
          publish,
        })),
      ),
    ),
  );
  it.each(nackCases)('nack-requeue dispatch: $name', async ({ n, prefetch, order, publish }) => {
    const consume = Array.from({ length: n }, (_, consumer): Step => ({ kind: 'consume', consumer, prefetch }));
    const messages: Step[] =
      publish === 'as a burst'
        ? [{ kind: 'publish', count: 8, bytes: 1 }]
        : Array.from({ length: 8 }, (): Step => ({ kind: 'publish', count: 1, bytes: 1 }));
    const nacks = Array.from({ length: 2 * n }, (_, i): Step => ({ kind: 'nackRequeue', consumer: i % n, pick: 0, multiple: false }));
    const received = await runScript(
      {
        queue: { overflow: 'drop-head', deadLetter: false },
        steps: [...(order === 'consumers first' ? [...consume, ...messages] : [...messages, ...consume]), ...nacks],
      },
      n,
    );
    scripts++;
    // Who got each message first. RabbitMQ 3.10.8 (asked by these cases): consumers waiting on an empty
    // queue take the messages in turn, one by one or as a burst, whatever their prefetch; messages
    // waiting for consumers go, with prefetch 0 (unlimited), all to the first consumer to subscribe
    // (it can take them all before the next one exists), with prefetch 1 one to each. The engine's
    // storm is the second case: at 0 ms its publishers publish before its consumers subscribe.
    const firstTo = (m: number) => Object.keys(received).find((c) => received[c]!.some((d) => d.startsWith(`${m}#`))) ?? null;
    const first = Array.from({ length: 8 }, (_, m) => firstTo(m));
    console.log(
      `nack-requeue dispatch, ${n} consumers, prefetch ${prefetch}, ${order}, 8 messages ${publish}: first deliveries ${first.join(' ')}`,
    );
    const expected = (m: number) =>
      order === 'messages first' && prefetch === 0 ? 'c0.0' : prefetch === 0 || m < n ? `c${m % n}.0` : null;
    expect(first).toEqual(Array.from({ length: 8 }, (_, m) => expected(m)));
  });

  it('random scripts agree on the broker, ClassicQueueOracle and the engine', async () => {
    const runs = Number(process.env.FIDELITY_DISPATCH_RUNS ?? 100);
    await fc.assert(
      fc.asyncProperty(scriptArb, async (script) => {
        try {
          await runScript(script);
        } catch (e) {
          if (e instanceof Difference) {
            differences++;
            const replay = e.step >= 0 ? { ...script, steps: script.steps.slice(0, e.step + 1) } : script;
            throw new Error(
              `${e.message}\nReproduce (in fidelity/dispatch.test.ts):\nit('dispatch counterexample', () => runScript(${JSON.stringify(replay)}));`,
            );
          }
          throw e;
        }
        scripts++;
      }),
      { numRuns: runs },
    );
    expect(scripts).toBeGreaterThanOrEqual(runs);
  });
});
