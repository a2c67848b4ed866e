import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDefinitions, topologyOf, type Definitions } from '@/lib/routing/definitions';
import { route } from '@/simulator/rabbitmq/routing';
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
