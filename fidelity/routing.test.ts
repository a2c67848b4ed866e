// Routing differential: random topologies and messages go to the real broker, to route() and (when
// its schema can express the topology) through the engine's publish path; the set of queues each
// message reaches (and whether a mandatory message comes back) must agree.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { HeaderArg } from '@/simulator/rabbitmq/headers';
import { route, type Binding, type ExchangeType, type Topology } from '@/simulator/rabbitmq/routing';
import { PROTOTYPE_NAMES } from '../tests/support/names';
import { brokerConnection, runId } from './broker';
import { engineCanRoute, routeOnEngine } from './engine';

// Small alphabets so matches are common; '' gives empty words. 'constructor' is a word and a header
// name too: plain-object tables trip over Object.prototype's members, and RabbitMQ accepts them.
const WORDS = ['a', 'b', 'c', '', 'ab', 'constructor'];
const HEADER_NAMES = ['h1', 'h2', 'x-h', '__proto__', 'constructor'];
const HEADER_VALUES = ['u', 'v'];

interface GenExchange {
  type: ExchangeType;
  ae?: number;
}
interface GenBinding {
  from: number;
  to: number;
  toExchange: boolean;
  key: string;
  args?: Record<string, HeaderArg>;
}
interface GenMessage {
  exchange: number;
  routingKey: string;
  headers: Record<string, string>;
  mandatory: boolean;
}
interface GenCase {
  exchanges: GenExchange[];
  queues: number;
  bindings: GenBinding[];
  messages: GenMessage[];
  /** Exact names for queue 0 and exchange 0 (e.g. "__proto__"), else the run's prefixed names. */
  queue0?: string;
  exchange0?: string;
}

const routingKeyArb = fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((ws) => ws.join('.'));
// At most two '#' (3.10 matches more in exponential time; 4.3.5+ refuses them).
const bindingKeyArb = fc
  .array(fc.constantFrom(...WORDS, '*', '*', '#', '#'), { maxLength: 5 })
  .filter((ws) => ws.filter((w) => w === '#').length <= 2)
  .map((ws) => ws.join('.'));
/** Binding arguments; with `proto`, also ones called "__proto__" (a quarter of the cases, since the engine's schema drops them). */
const headerArgsArb = (proto: boolean) =>
  fc.record(
    {
      'x-match': fc.constantFrom('all', 'any', 'all-with-x', 'any-with-x'),
      h1: fc.constantFrom<HeaderArg>('u', 'v', null),
      h2: fc.constantFrom<HeaderArg>('u', 'v', null),
      'x-h': fc.constantFrom<HeaderArg>('u', 'v', null),
      ['constructor']: fc.constantFrom<HeaderArg>('u', 'v', null),
      // A computed key: a literal `__proto__:` would set the prototype instead.
      ...(proto ? { ['__proto__']: fc.constantFrom<HeaderArg>('u', 'v', null) } : {}),
    },
    { requiredKeys: [] },
  );

const caseArb: fc.Arbitrary<GenCase> = fc
  .record({
    exchanges: fc.array(
      fc.record({
        type: fc.constantFrom<ExchangeType>('direct', 'fanout', 'topic', 'headers'),
        ae: fc.option(fc.nat(3), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    queues: fc.integer({ min: 1, max: 5 }),
    proto: fc.nat(3).map((n) => n === 0),
  })
  .chain(({ exchanges, queues, proto }) => {
    const headerNames = HEADER_NAMES.filter((h) => proto || h !== '__proto__');
    const xs = exchanges.map((x) => ({ type: x.type, ...(x.ae !== undefined && x.ae < exchanges.length ? { ae: x.ae } : {}) }));
    const binding = fc.record({
      from: fc.nat(xs.length - 1),
      to: fc.nat(queues - 1),
      key: fc.oneof(bindingKeyArb, routingKeyArb),
      args: headerArgsArb(proto),
    });
    const e2e = fc.record({
      from: fc.nat(xs.length - 1),
      to: fc.nat(xs.length - 1),
      key: fc.oneof(bindingKeyArb, routingKeyArb),
      args: headerArgsArb(proto),
    });
    const message = fc.record({
      // -1 = the default exchange
      exchange: fc.integer({ min: -1, max: xs.length - 1 }),
      routingKey: fc.oneof({ weight: 5, arbitrary: routingKeyArb }, { weight: 1, arbitrary: fc.nat(queues - 1).map((q) => `#q${q}`) }),
      headers: fc.dictionary(fc.constantFrom(...headerNames), fc.constantFrom(...HEADER_VALUES), { maxKeys: 3 }),
      mandatory: fc.boolean(),
    });
    return fc.record({
      exchanges: fc.constant(xs),
      queues: fc.constant(queues),
      bindings: fc
        .tuple(fc.array(binding, { maxLength: 10 }), fc.array(e2e, { maxLength: 2 }))
        .map(([qb, xb]) => [
          ...qb.map((b) => ({ from: b.from, to: b.to, toExchange: false, key: b.key, args: b.args })),
          ...xb.filter((b) => b.from !== b.to).map((b) => ({ from: b.from, to: b.to, toExchange: true, key: b.key, args: b.args })),
        ]),
      messages: fc.array(message, { minLength: 30, maxLength: 45 }),
      queue0: fc.option(fc.constantFrom(...PROTOTYPE_NAMES), { nil: undefined }),
      exchange0: fc.option(fc.constantFrom(...PROTOTYPE_NAMES), { nil: undefined }),
    });
  });

/** Names on the broker and in the model for one generated case (deleted when the case ends). */
function names(caseNo: number, c: GenCase) {
  const p = `${runId}.${caseNo}`;
  return {
    x: (i: number) => (i === 0 && c.exchange0 !== undefined ? c.exchange0 : `${p}.x${i}`),
    q: (i: number) => (i === 0 && c.queue0 !== undefined ? c.queue0 : `${p}.q${i}`),
  };
}

function toTopology(c: GenCase, n: ReturnType<typeof names>): Topology {
  return {
    exchanges: c.exchanges.map((x, i) => ({ name: n.x(i), type: x.type, ...(x.ae !== undefined ? { alternateExchange: n.x(x.ae) } : {}) })),
    queues: Array.from({ length: c.queues }, (_, i) => n.q(i)),
    bindings: c.bindings.map((b): Binding => {
      const type = c.exchanges[b.from]!.type;
      return {
        exchange: n.x(b.from),
        queue: b.toExchange ? n.x(b.to) : n.q(b.to),
        ...(b.toExchange ? { destinationType: 'exchange' as const } : {}),
        bindingKey: b.key,
        ...(type === 'headers' ? { arguments: b.args ?? {} } : {}),
      };
    }),
  };
}

function messageRoutingKey(m: GenMessage, n: ReturnType<typeof names>): string {
  // '#qN' stands for "the name of queue N" (so the default exchange has something to hit).
  return m.routingKey.startsWith('#q') ? n.q(Number(m.routingKey.slice(2))) : m.routingKey;
}

const conn = brokerConnection();
let caseNo = 0;
let compared = 0;
let differences = 0;
let routedMessages = 0;
let returnedMessages = 0;
let viaAlternateMessages = 0;
let engineMessages = 0;

afterAll(async () => {
  console.log(
    `routing differential: ${compared} messages, ${differences} differences (broker, route(); ${engineMessages} of them also through the engine)`,
  );
  console.log(
    `  (${routedMessages} reached at least one queue, ${returnedMessages} came back as mandatory returns, ${viaAlternateMessages} went through an alternate exchange)`,
  );
});

/** Runs one case on the broker; returns per message the sorted queues it reached and if it came back. */
async function runOnBroker(c: GenCase, topology: Topology, n: ReturnType<typeof names>) {
  const ch = await conn().createConfirmChannel();
  const returned = new Set<string>();
  ch.on('return', (msg) => returned.add(String(msg.properties.messageId)));
  try {
    for (const x of topology.exchanges) {
      await ch.assertExchange(x.name, x.type, {
        durable: false,
        autoDelete: false,
        ...(x.alternateExchange ? { alternateExchange: x.alternateExchange } : {}),
      });
    }
    for (const q of topology.queues) await ch.assertQueue(q, { durable: false, exclusive: true });
    for (const b of topology.bindings) {
      if (b.destinationType === 'exchange') await ch.bindExchange(b.queue, b.exchange, b.bindingKey, b.arguments);
      else await ch.bindQueue(b.queue, b.exchange, b.bindingKey, b.arguments);
    }
    c.messages.forEach((m, i) => {
      const exchange = m.exchange < 0 ? '' : n.x(m.exchange);
      ch.publish(exchange, messageRoutingKey(m, n), Buffer.from(String(i)), {
        messageId: String(i),
        headers: m.headers,
        mandatory: m.mandatory,
      });
    });
    await ch.waitForConfirms();
    const reached: string[][] = c.messages.map(() => []);
    for (const q of topology.queues) {
      for (;;) {
        const got = await ch.get(q, { noAck: true });
        if (got === false) break;
        reached[Number(got.properties.messageId)]!.push(q);
      }
    }
    return c.messages.map((_, i) => ({ queues: reached[i]!.sort(), returned: returned.has(String(i)) }));
  } finally {
    for (const q of topology.queues) await ch.deleteQueue(q).catch(() => undefined);
    for (const x of topology.exchanges) await ch.deleteExchange(x.name).catch(() => undefined);
    await ch.close().catch(() => undefined);
  }
}

/** A Vitest case that replays one difference against route() alone. */
function reproduction(topology: Topology, publish: object, broker: { queues: string[]; returned: boolean }): string {
  return [
    `it('routing differential counterexample', () => {`,
    `  const topology: Topology = ${JSON.stringify(topology)};`,
    `  const result = route(topology, ${JSON.stringify(publish)});`,
    `  // What RabbitMQ did:`,
    `  expect(result.queues).toEqual(${JSON.stringify(broker.queues)});`,
    `  expect(result.outcome === 'returned').toBe(${broker.returned});`,
    `});`,
  ].join('\n');
}

describe('routing differential against RabbitMQ', () => {
  it('sends every generated message to the same queues as the broker', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const n = names(caseNo++, c);
        const topology = toTopology(c, n);
        const broker = await runOnBroker(c, topology, n);
        for (let i = 0; i < c.messages.length; i++) {
          const m = c.messages[i]!;
          const publish = {
            exchange: m.exchange < 0 ? '' : n.x(m.exchange),
            routingKey: messageRoutingKey(m, n),
            headers: m.headers,
            mandatory: m.mandatory,
          };
          const model = route(topology, publish);
          const b = broker[i]!;
          if (JSON.stringify(model.queues) !== JSON.stringify(b.queues) || (model.outcome === 'returned') !== b.returned) {
            differences++;
            throw new Error(
              `route() and RabbitMQ disagree on message ${i}: model ${JSON.stringify(model.queues)}${model.outcome === 'returned' ? ' (returned)' : ''}, ` +
                `broker ${JSON.stringify(b.queues)}${b.returned ? ' (returned)' : ''}\nReproduce with:\n${reproduction(topology, publish, b)}`,
            );
          }
        }
        // The engine publishes the same messages (one burst each); its events must say the same.
        const publishes = c.messages.map((m) => ({
          exchange: m.exchange < 0 ? '' : n.x(m.exchange),
          routingKey: messageRoutingKey(m, n),
          headers: m.headers,
          mandatory: m.mandatory,
        }));
        if (engineCanRoute(topology)) {
          const engine = routeOnEngine(topology, publishes);
          engine.forEach((e, i) => {
            const b = broker[i]!;
            if (JSON.stringify(e.queues) !== JSON.stringify(b.queues) || e.returned !== b.returned) {
              differences++;
              throw new Error(
                `the engine and RabbitMQ disagree on message ${i}: engine ${JSON.stringify(e.queues)}${e.returned ? ' (returned)' : ''}, broker ${JSON.stringify(b.queues)}${b.returned ? ' (returned)' : ''}\n` +
                  `topology ${JSON.stringify(topology)}\npublish ${JSON.stringify(publishes[i])}`,
              );
            }
          });
          engineMessages += c.messages.length;
        }
        compared += c.messages.length;
        for (const r of broker) if (r.queues.length > 0) routedMessages++;
        for (const r of broker) if (r.returned) returnedMessages++;
        for (const m of c.messages) {
          if (
            route(topology, { exchange: m.exchange < 0 ? '' : n.x(m.exchange), routingKey: messageRoutingKey(m, n), headers: m.headers })
              .viaAlternate
          )
            viaAlternateMessages++;
        }
      }),
      { numRuns: Number(process.env.FIDELITY_ROUTING_RUNS ?? 70) },
    );
    expect(compared).toBeGreaterThanOrEqual(Number(process.env.FIDELITY_ROUTING_RUNS ?? 70) * 30);
  });
});
