import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import { busiestVhost, MAX_PROBLEMS, parseDefinitions, topologyOf, type Definitions } from '@/lib/routing/definitions';
import { patternShape, policyMatcher } from '@/lib/routing/policies';
import { route } from '@/simulator/rabbitmq/routing';
import { catastrophicPolicy, exchangeCycle, manyPolicies, manyVhosts } from '../../e2e/fixtures/hostile-definitions';
import { PROTOTYPE_NAMES } from '../support/names';
import { runs } from '../support/property';

const fixture = readFileSync(new URL('../../e2e/fixtures/definitions.json', import.meta.url), 'utf8');
const malformed = readFileSync(new URL('../../e2e/fixtures/definitions-malformed.json', import.meta.url), 'utf8');

function load(text: string): Definitions {
  const r = parseDefinitions(text);
  if (!r.ok) throw new Error(r.error);
  return r.definitions;
}

describe('parseDefinitions', () => {
  it('reads the example export and lists its vhosts', () => {
    const r = parseDefinitions(fixture);
    expect(r).toMatchObject({ ok: true, vhosts: ['/', 'shop'] });
  });

  it.each([
    ['not JSON', '{"queues": [', /Not valid JSON/],
    ['an array', '[]', /JSON object/],
    ['null', 'null', /JSON object/],
    ['an unrelated object', '{"name": "x"}', /no queues, exchanges or bindings/],
    ['queues not an array', '{"queues": {}}', /queues: /],
    [
      'a binding without destination',
      '{"bindings": [{"source": "x", "destination_type": "queue", "routing_key": ""}]}',
      /bindings\[0\]\.destination/,
    ],
    ['a bad destination_type', malformed, /bindings\[0\]\.destination_type/],
    ['an exchange with a numeric name', '{"exchanges": [{"name": 5, "type": "topic"}]}', /exchanges\[0\]\.name/],
  ])('refuses %s with a readable error', (_, text, message) => {
    const r = parseDefinitions(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('names every problem, each with its field, and caps the list', () => {
    const r = parseDefinitions(
      JSON.stringify({
        queues: [{ name: 1 }, { vhost: 2 }],
        bindings: [{ source: 'a', destination: 'b', destination_type: 'stream', routing_key: 'x' }],
      }),
    );
    expect(r).toEqual({
      ok: false,
      error: 'Not a RabbitMQ definitions file: 4 problems',
      problems: [
        'queues[0].name: expected string, received number',
        'queues[1].name: is missing',
        'queues[1].vhost: expected string, received number',
        'bindings[0].destination_type: expected "queue" or "exchange"',
      ],
      more: 0,
    });
    const many = parseDefinitions(JSON.stringify({ queues: Array.from({ length: 40 }, () => ({})) }));
    expect(many.ok || [many.error, many.problems?.length, many.more]).toEqual([
      'Not a RabbitMQ definitions file: 40 problems',
      MAX_PROBLEMS,
      15,
    ]);
  });

  it('never throws on arbitrary JSON or text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        expect(typeof parseDefinitions(text).ok).toBe('boolean');
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('topologyOf', () => {
  const defs = load(fixture);
  const shop = topologyOf(defs, 'shop');

  it('keeps only the vhost, adds the built-in amq.* exchanges', () => {
    expect(shop.topology.queues).toEqual(['shipping', 'invoices', 'audit-log', 'billing-dead-ends', 'eu-priority']);
    expect(shop.topology.exchanges.map((x) => x.name)).toContain('amq.topic');
    expect(topologyOf(defs, '/').topology.queues).toEqual(['legacy']);
  });

  it('routes through an exchange-to-exchange binding', () => {
    const r = route(shop.topology, { exchange: 'shop-events', routingKey: 'order.paid.eu' });
    expect(r.queues).toEqual(['audit-log', 'invoices', 'shipping']);
    expect(r.exchangesVisited).toEqual(['shop-events', 'billing']);
  });

  it('takes the alternate exchange from a policy', () => {
    expect(shop.topology.exchanges.find((x) => x.name === 'billing')?.alternateExchange).toBe('billing-unrouted');
    const r = route(shop.topology, { exchange: 'billing', routingKey: 'order.paid.us' });
    expect(r).toMatchObject({ queues: ['billing-dead-ends'], viaAlternate: true });
  });

  it('an alternate-exchange argument overrules the policy', () => {
    const d = load(
      fixture.replace(
        '"type": "direct", "durable": true, "auto_delete": false, "internal": false, "arguments": {}',
        '"type": "direct", "durable": true, "auto_delete": false, "internal": false, "arguments": {"alternate-exchange": "by-region"}',
      ),
    );
    expect(topologyOf(d, 'shop').topology.exchanges.find((x) => x.name === 'billing')?.alternateExchange).toBe('by-region');
  });

  it('headers bindings keep their arguments', () => {
    const r = route(shop.topology, { exchange: 'by-region', routingKey: '', headers: { region: 'eu', priority: 'high' } });
    expect(r.queues).toEqual(['eu-priority']);
  });

  it('a single-vhost export (no vhost fields) is read as "/" with a note', () => {
    const d = load(
      JSON.stringify({
        queues: [{ name: 'q' }],
        exchanges: [{ name: 'x', type: 'direct' }],
        bindings: [{ source: 'x', destination: 'q', destination_type: 'queue', routing_key: 'k', arguments: {} }],
      }),
    );
    expect(parseDefinitions(JSON.stringify(d))).toMatchObject({ vhosts: ['/'] });
    const t = topologyOf(d, '/');
    expect(route(t.topology, { exchange: 'x', routingKey: 'k' }).queues).toEqual(['q']);
    expect(t.notes.join('\n')).toMatch(/single-vhost export/);
    expect(shop.notes.join('\n')).not.toMatch(/single-vhost/);
  });

  it('notes what it cannot model', () => {
    const d = load(
      JSON.stringify({
        exchanges: [
          { name: 'hash', type: 'x-consistent-hash' },
          { name: 'h', type: 'headers' },
        ],
        bindings: [{ source: 'h', destination: 'q', destination_type: 'queue', routing_key: '', arguments: { tags: ['a'] } }],
        policies: [{ name: 'bad', pattern: '(', definition: { 'alternate-exchange': 'x' } }],
      }),
    );
    const t = topologyOf(d, '/');
    expect(t.notes.join('\n')).toMatch(/x-consistent-hash/);
    expect(t.notes.join('\n')).toMatch(/"tags"/);
    expect(t.notes.join('\n')).toMatch(/Policy "bad"/);
    expect(t.topology.bindings).toEqual([]);
  });
});

describe('names that are Object.prototype members', () => {
  it.each(PROTOTYPE_NAMES)('a queue, exchange and header argument called "%s" import and route', (name) => {
    // Written by hand: JSON.stringify of an object literal cannot produce a "__proto__" key.
    const text = `{"queues": [{"name": ${JSON.stringify(name)}}],
      "exchanges": [{"name": ${JSON.stringify(name)}, "type": "headers"}],
      "bindings": [{"source": ${JSON.stringify(name)}, "destination": ${JSON.stringify(name)}, "destination_type": "queue", "routing_key": "",
                    "arguments": {"x-match": "all", ${JSON.stringify(name)}: "v"}}]}`;
    const t = topologyOf(load(text), '/').topology;
    expect(t.queues).toEqual([name]);
    expect(Object.keys(t.bindings[0]!.arguments!)).toEqual(['x-match', name]);
    const headers = JSON.parse(`{${JSON.stringify(name)}: "v"}`) as Record<string, string>;
    expect(route(t, { exchange: name, routingKey: '', headers }).queues).toEqual([name]);
    expect(route(t, { exchange: name, routingKey: '', headers: {} }).queues).toEqual([]);
  });
});

describe('policies', () => {
  const defs = (policies: object[], exchanges = ['orders', 'orders.eu', 'billing', 'amq-like', 'x']) =>
    load(
      JSON.stringify({
        exchanges: [
          ...exchanges.map((name) => ({ name, type: 'direct' })),
          { name: 'ae', type: 'fanout' },
          { name: 'ae2', type: 'fanout' },
        ],
        policies,
      }),
    );
  const aeOf = (d: Definitions, name: string) => topologyOf(d, '/').topology.exchanges.find((x) => x.name === name)?.alternateExchange;
  const p = (name: string, pattern: string, priority: number, ae: string | null = 'ae', applyTo?: string) => ({
    name,
    pattern,
    priority,
    definition: ae ? { 'alternate-exchange': ae } : { 'max-length': 1 },
    ...(applyTo ? { 'apply-to': applyTo } : {}),
  });

  it.each([
    ['an exact name', [p('a', '^orders$', 0)], { orders: 'ae', 'orders.eu': undefined }],
    ['a prefix', [p('a', '^orders', 0)], { orders: 'ae', 'orders.eu': 'ae', billing: undefined }],
    ['an unanchored search', [p('a', 'ill', 0)], { billing: 'ae', orders: undefined }],
    ['a regex with a literal prefix', [p('a', '^orders\\.(eu|us)$', 0)], { 'orders.eu': 'ae', orders: undefined }],
    ['PCRE inline flags (RE2 reads them; a browser RegExp throws)', [p('a', '(?i)^ORDERS$', 0)], { orders: 'ae' }],
    ['the highest priority wins', [p('low', '.*', 0, 'ae'), p('high', '^orders', 5, 'ae2')], { orders: 'ae2', billing: 'ae' }],
    ['equal priorities: the first in the file', [p('first', '^orders', 1, 'ae2'), p('second', '.*', 1, 'ae')], { orders: 'ae2', x: 'ae' }],
    [
      'a higher policy without an alternate exchange hides a lower one',
      [p('ae', '.*', 0, 'ae'), p('other', '^x$', 9, null)],
      { x: undefined, orders: 'ae' },
    ],
    ['apply-to queues is ignored', [p('q', '.*', 0, 'ae', 'queues')], { orders: undefined }],
    ['an anchored alternation is not a prefix', [p('a', '^zzz|ill', 0)], { billing: 'ae' }],
  ])('%s', (_, policies, expected) => {
    const d = defs(policies);
    for (const [name, ae] of Object.entries(expected)) expect(aeOf(d, name), name).toBe(ae);
  });

  it('the literal reading agrees with RE2 on generated patterns (property)', () => {
    const piece = fc.constantFrom('o', 'r', 'orders', '.', '\\.', '\\-', 'e', 'u', '?', '*', '+', '(e|u)', '[a-z]', '{2}', '$');
    const name = fc.constantFrom('orders', 'orders.eu', 'orde', 'o', '', 'oo', 'orders\n', 'r.e', 'ordersu', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), fc.boolean(), name, (pieces, anchored, exchange) => {
        const pattern = (anchored ? '^' : '') + pieces.join('');
        let compiled: RE2JS;
        try {
          compiled = RE2JS.compile(pattern);
        } catch {
          return; // RabbitMQ would refuse this pattern too
        }
        const d = defs([p('only', pattern, 0)], [exchange]);
        // RE2's $ is the end of the name; PCRE's also matches before a final newline, which the literal reading follows.
        const re2 = compiled.test(exchange) || (pattern.endsWith('$') && exchange.endsWith('\n') && compiled.test(exchange.slice(0, -1)));
        const viaShape = aeOf(d, exchange) === 'ae';
        if (patternShape(pattern).kind !== 'regex') expect(viaShape, `${pattern} on ${JSON.stringify(exchange)}`).toBe(re2);
        else if (!exchange.endsWith('\n')) expect(viaShape, `${pattern} on ${JSON.stringify(exchange)}`).toBe(re2);
      }),
      { numRuns: runs(500) },
    );
  });

  it('a catastrophic-backtracking pattern is matched in linear time, with the right answer', () => {
    const d = load(catastrophicPolicy());
    const started = performance.now();
    const t = topologyOf(d, '/');
    // ^(a+)+$ does not match "aaa…!", so the lower-priority ^a{3} applies.
    expect(t.topology.exchanges[0]).toMatchObject({ alternateExchange: 'caught' });
    expect(t.notes).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('backreferences and lookaround are ignored with a note that says why', () => {
    const t = topologyOf(defs([p('back', '^(o)\\1', 1), p('look', '^(?=o)', 1), p('rest', '.*', 0)]), '/');
    expect(t.topology.exchanges.find((x) => x.name === 'orders')?.alternateExchange).toBe('ae');
    expect(t.notes.join('\n')).toMatch(
      /Policies "back" and "look" have patterns this page cannot evaluate \(.*RE2.*lookaround\), so they are ignored/,
    );
  });

  it('4,000 policies over 2,000 exchanges: each pattern compiled at most once, literal prefixes skip the regex', () => {
    const t = topologyOf(load(manyPolicies()), '/');
    expect(t.notes).toEqual([]);
    expect(t.topology.exchanges.filter((x) => x.alternateExchange)).toEqual([]);
  });

  it('matching stops at its work limit with a note naming how many exchanges were not matched', () => {
    const policies = Array.from({ length: 3_000 }, (_, i) => p(`p${i}`, `p${i}(a|b)+$`, 0));
    const exchanges = Array.from({ length: 3_000 }, (_, i) => `e${i}`);
    const d = defs(policies, exchanges);
    const t = topologyOf(d, '/');
    expect(t.notes.join('\n')).toMatch(/stops matching policy patterns .* \d[\d,]* exchanges were not matched/);
    const m = policyMatcher(d.policies!, 10_000);
    for (const x of exchanges.slice(0, 100)) m.alternateFor(x);
    expect(m.notes().join('\n')).toMatch(/3,000 policies can set an alternate exchange here: \d+ exchanges were not matched/);
  });
});

describe('hostile files under the size cap (issue #20)', () => {
  it('10,000 vhosts: the busiest is found in one pass', () => {
    const r = parseDefinitions(manyVhosts());
    if (!r.ok) throw new Error(r.error);
    expect(r.vhosts).toHaveLength(10_000);
    expect(busiestVhost(r.definitions, r.vhosts)).toBe('v9999');
  });

  it('an 18,000-exchange loop imports, and routing names the loop', () => {
    const t = topologyOf(load(exchangeCycle()), '/').topology;
    const viaBindings = route(t, { exchange: 'x0', routingKey: 'k' });
    expect(viaBindings).toMatchObject({ queues: ['end'] });
    expect(viaBindings.cycle).toHaveLength(18_001);
    expect(route(t, { exchange: 'x0', routingKey: 'other' }).cycle).toHaveLength(18_001);
  });

  it('repeated problems are summarised, not listed 5,000 times', () => {
    const d = load(JSON.stringify({ exchanges: Array.from({ length: 5_000 }, (_, i) => ({ name: `h${i}`, type: 'x-consistent-hash' })) }));
    const notes = topologyOf(d, '/').notes.filter((n) => /x-consistent-hash|more exchanges/.test(n));
    expect(notes).toHaveLength(4);
    expect(notes[3]).toBe('…and 4,997 more exchanges of types this page does not simulate');
  });

  it('a name declared twice is used once, with a note', () => {
    const d = load(
      JSON.stringify({
        queues: [{ name: 'q' }, { name: 'q' }],
        exchanges: [
          { name: 'x', type: 'direct' },
          { name: 'x', type: 'fanout' },
        ],
      }),
    );
    const t = topologyOf(d, '/');
    expect(t.topology.queues).toEqual(['q']);
    expect(t.topology.exchanges.filter((x) => x.name === 'x')).toEqual([{ name: 'x', type: 'direct' }]);
    expect(t.notes.join('\n')).toMatch(/declares some exchanges or queues twice/);
  });
});
