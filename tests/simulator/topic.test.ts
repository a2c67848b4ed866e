import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainTopicMatch, topicMatches, validateBindingKey, validateRoutingKey } from '@/simulator/rabbitmq/topic';
import { loadVector } from './vectors';
import { runs } from '../support/property';

interface TopicVectors {
  validation: { accepted: string[]; rejected: string[] };
  vectors: { pattern: string; routingKey: string; match: boolean }[];
}
const topic = loadVector<TopicVectors>('rabbit_topic.json');

// Independent reference: plain recursion over words (exponential, fine for small keys).
function reference(pattern: string[], words: string[]): boolean {
  if (pattern.length === 0) return words.length === 0;
  const [p, ...rest] = pattern;
  if (p === '#') return reference(rest, words) || (words.length > 0 && reference(pattern, words.slice(1)));
  if (words.length === 0) return false;
  return (p === '*' || p === words[0]) && reference(rest, words.slice(1));
}
const split = (k: string) => (k === '' ? [] : k.split('.'));

const word = fc.constantFrom('a', 'b', '', 'ab', 'A');
const patternWord = fc.constantFrom('a', 'b', '', '*', '#', 'a#', '*a', '##');
const keyOf = (ws: string[]) => ws.join('.');
// join() of [] and [''] both give '': generate keys as strings directly so both occur.
const routingKey = fc.array(word, { maxLength: 6 }).map(keyOf);
const bindingKey = fc.array(patternWord, { maxLength: 6 }).map(keyOf);

describe('topicMatches: RabbitMQ vectors', () => {
  it.each(topic.vectors)('"$pattern" vs "$routingKey" → $match', (v) => {
    expect(topicMatches(v.pattern, v.routingKey)).toBe(v.match);
    expect(explainTopicMatch(v.pattern, v.routingKey).match).toBe(v.match);
  });
});

describe('topicMatches: the rules in broker-semantics.md', () => {
  it.each([
    ['#', '', true],
    ['#.#', '', true],
    ['*', '', false],
    ['*.#', '', false],
    ['#.*', '', false],
    ['a.#.b', 'a.b', true],
    ['*.*', 'oneword', false],
    ['*', '.', false],
    ['*.*', '.', true],
    ['a.*', 'a.', true],
    ['a..b', 'a..b', true],
    ['a.*.b', 'a..b', true],
    ['a#b', 'axb', false],
    ['a#b', 'a#b', true],
    ['a*', 'ab', false],
    ['A', 'a', false],
    ['', '', true],
    ['', 'a', false],
    ['#', '.', true],
    ['a.#', 'a', true],
    ['#.a', 'b.a', true],
  ] as const)('"%s" vs "%s" → %s', (b, r, expected) => {
    expect(topicMatches(b, r)).toBe(expected);
  });
  it('stays fast with many # words against a long key (no exponential backtracking)', () => {
    const key = Array.from({ length: 200 }, (_, i) => `w${i}`).join('.');
    const start = performance.now();
    expect(topicMatches('#.#.#.#.#.#.#.#.#.#.#.x', key)).toBe(false);
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('topicMatches: properties', () => {
  it('agrees with a naive recursive matcher', () => {
    fc.assert(
      fc.property(bindingKey, routingKey, (b, r) => topicMatches(b, r) === reference(split(b), split(r))),
      { numRuns: runs(2000) },
    );
  });
  it('"#" matches every routing key', () => {
    fc.assert(fc.property(fc.string(), (r) => topicMatches('#', r)));
  });
  it('a key without wildcard words matches itself and nothing else', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const literal = !split(a).some((w) => w === '*' || w === '#');
        fc.pre(literal);
        return topicMatches(a, a) && topicMatches(a, b) === (a === b);
      }),
    );
  });
  it('n "*" words match exactly the keys with n words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), routingKey, (n, r) => {
        const stars = Array(n).fill('*').join('.');
        return topicMatches(stars, r) === (split(r).length === n);
      }),
    );
  });
  it('explainTopicMatch agrees with topicMatches and accounts for every routing word on a match', () => {
    fc.assert(
      fc.property(bindingKey, routingKey, (b, r) => {
        const e = explainTopicMatch(b, r);
        if (e.match !== topicMatches(b, r)) return false;
        if (e.match)
          return (
            e.steps.flatMap((s) => s.words).join('\u0000') === split(r).join('\u0000') &&
            e.steps.every((s) => s.ok) &&
            e.steps.length === split(b).length
          );
        return e.failure !== undefined && e.steps.at(-1)?.ok === false;
      }),
      { numRuns: runs(1000) },
    );
  });
});

describe('explainTopicMatch', () => {
  it('shows what each word consumed', () => {
    expect(explainTopicMatch('order.#', 'order.large.eu')).toEqual({
      match: true,
      steps: [
        { pattern: 'order', words: ['order'], ok: true },
        { pattern: '#', words: ['large', 'eu'], ok: true },
      ],
    });
  });
  it('says where a literal word differs', () => {
    const e = explainTopicMatch('order.*.eu', 'order.large.us');
    expect(e.match).toBe(false);
    expect(e.steps.at(-1)).toMatchObject({ pattern: 'eu', words: ['us'], ok: false });
    expect(e.failure).toMatch(/"eu" does not equal "us"/);
  });
  it('says when words run out or are left over', () => {
    expect(explainTopicMatch('*.*', 'oneword').failure).toMatch(/no words left/);
    const left = explainTopicMatch('a', 'a.b.c');
    expect(left.steps.at(-1)).toMatchObject({ pattern: null, words: ['b', 'c'], ok: false });
    expect(left.failure).toMatch(/2 more words/);
  });
});

describe('validateBindingKey / validateRoutingKey', () => {
  it.each(topic.validation.accepted)('accepts "%s"', (k) => expect(validateBindingKey(k)).toBeNull());
  it.each(topic.validation.rejected)('rejects "%s"', (k) => {
    expect(validateBindingKey(k)).toBe('RabbitMQ 4.3.5+ refuses binding keys with more than two # words');
  });
  it('limits keys to 255 UTF-8 bytes', () => {
    expect(validateRoutingKey('a'.repeat(255))).toBeNull();
    expect(validateRoutingKey('a'.repeat(256))).toMatch(/255 bytes/);
    expect(validateRoutingKey('é'.repeat(128))).toMatch(/256/);
    expect(validateBindingKey('é'.repeat(128))).toMatch(/255 bytes/);
  });
});
