import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDER_BINDINGS, ORDER_ROUTES, routeTopic } from '@/lib/content/routing';
import { topicMatches, topicWords } from '@/lib/content/topic-match';

// RabbitMQ's own test cases, from the shared reference folder when it is present.
function findVectors(): string | undefined {
  const candidates = [
    process.env.SHARED_DIR && path.join(process.env.SHARED_DIR, 'reference/vectors/rabbit_topic.json'),
    path.resolve(__dirname, '../../../shared/reference/vectors/rabbit_topic.json'),
    path.resolve(__dirname, '../../../../shared/reference/vectors/rabbit_topic.json'),
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p));
}

interface TopicVector {
  pattern: string;
  routingKey: string;
  match: boolean;
}

describe('topic matching', () => {
  it.each([
    ['order.confirmed.*', 'order.confirmed.eu', true],
    ['order.confirmed.*', 'order.confirmed', false],
    ['order.confirmed.*', 'order.confirmed.eu.north', false],
    ['order.#', 'order', true],
    ['order.#', 'order.a.b.c', true],
    ['order.#', 'orders.a', false],
    ['#', '', true],
    ['#.#', '', true],
    ['*', '', false],
    ['*.#', '', false],
    ['#.*', '', false],
    ['a.#.b', 'a.b', true],
    ['*.*', 'oneword', false],
    ['a.*', 'a.', true],
    ['a#b', 'a#b', true],
    ['a#b', 'axb', false],
    ['a*', 'ab', false],
    ['', '', true],
    ['', 'a', false],
    ['Order.#', 'order.x', false],
  ])('binding %j vs routing key %j → %s', (binding, key, expected) => {
    expect(topicMatches(binding, key)).toBe(expected);
  });

  it('splits keeping empty words; the empty key is zero words', () => {
    expect(topicWords('')).toEqual([]);
    expect(topicWords('a..b')).toEqual(['a', '', 'b']);
    expect(topicWords('a.')).toEqual(['a', '']);
    expect(topicWords('.')).toEqual(['', '']);
  });

  const vectorsPath = findVectors();
  it.skipIf(!vectorsPath)('agrees with every RabbitMQ reference vector', () => {
    const data = JSON.parse(readFileSync(vectorsPath!, 'utf8')) as { vectors: TopicVector[] };
    expect(data.vectors.length).toBeGreaterThan(100);
    for (const v of data.vectors) {
      expect(topicMatches(v.pattern, v.routingKey), `${v.pattern} / ${v.routingKey}`).toBe(v.match);
    }
  });

  const word = fc.stringMatching(/^[a-z]{0,4}$/);
  const key = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join('.'));

  it('property: a key without wildcards matches itself and "#" matches everything', () => {
    fc.assert(
      fc.property(key, (k) => {
        expect(topicMatches(k, k)).toBe(true);
        expect(topicMatches('#', k)).toBe(true);
      }),
    );
  });

  // p is non-empty: the empty routing key is zero words, not one empty word.
  const nonEmptyWord = fc.stringMatching(/^[a-z]{1,4}$/);
  it('property: "p.#" matches p and anything under p; "*" matches exactly one-word keys', () => {
    fc.assert(
      fc.property(nonEmptyWord, fc.array(word, { maxLength: 5 }), (p, rest) => {
        expect(topicMatches(p + '.#', [p, ...rest].join('.'))).toBe(true);
        expect(topicMatches('*', [p, ...rest].join('.'))).toBe(rest.length === 0);
      }),
    );
  });

  it('stays fast with two # on a long key', () => {
    const long = Array.from({ length: 60 }, (_, i) => 'w' + i).join('.');
    const start = performance.now();
    expect(topicMatches('#.w30.#.zzz', long)).toBe(false);
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('orders-exchange example', () => {
  it('routes each key to the queues RabbitMQ would pick', () => {
    expect(ORDER_ROUTES).toEqual([
      { routingKey: 'order.confirmed.eu', queues: ['email-service', 'inventory-service'] },
      { routingKey: 'order.large.us', queues: ['inventory-service', 'fraud-service'] },
      { routingKey: 'order.confirmed', queues: ['inventory-service'] },
      { routingKey: 'order.cancelled.eu', queues: ['inventory-service'] },
      { routingKey: 'payment.failed', queues: [] },
    ]);
  });

  it('delivers one copy per queue even when several bindings of a queue match', () => {
    const routes = routeTopic(
      [
        { queue: 'q', bindingKey: 'order.#' },
        { queue: 'q', bindingKey: 'order.*' },
      ],
      ['order.x'],
    );
    expect(routes[0]!.queues).toEqual(['q']);
  });

  it('uses the three bindings from the brief', () => {
    expect(ORDER_BINDINGS).toEqual([
      { queue: 'email-service', bindingKey: 'order.confirmed.*' },
      { queue: 'inventory-service', bindingKey: 'order.#' },
      { queue: 'fraud-service', bindingKey: 'order.large.*' },
    ]);
  });
});
