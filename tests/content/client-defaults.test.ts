import { describe, expect, it } from 'vitest';
import { allClaims } from '@/lib/content';
import { CLIENT_DEFAULTS } from '@/lib/content/client-defaults';
import { CODE_SAMPLES } from '@/lib/content/code-samples';
import { QUESTIONS } from '@/lib/quiz';
import { CAVEAT_RULES } from '@/lib/quiz/caveats';

// One table of Kafka producer defaults by client; every mention of a default anywhere on the site agrees with it.

const CLIENT_NAMES: Record<(typeof CLIENT_DEFAULTS)[number]['id'], RegExp> = {
  java: /\bJava\b/,
  librdkafka: /librdkafka|confluent-kafka|confluent_kafka/,
  'confluent-js': /@confluentinc\/kafka-javascript/,
  kafkajs: /\bkafkajs\b/i,
};

/** Every sentence of text the site shows about Kafka producers: page claims, quiz notes, caveats, code comments. */
function siteTexts(): { where: string; text: string }[] {
  const texts = [
    ...allClaims().map((c) => ({ where: 'page', text: c.text })),
    ...QUESTIONS.flatMap((q) => [q.why, ...q.options.map((o) => o.reason ?? '')].map((text) => ({ where: `quiz ${q.id}`, text }))),
    ...CAVEAT_RULES.map((c) => ({ where: `caveat ${c.id}`, text: c.text })),
    ...CODE_SAMPLES.flatMap((s) =>
      s.code
        .split('\n')
        .filter((l) => /^\s*(#|\/\/)/.test(l) || /\s(#|\/\/) /.test(l))
        .map((text) => ({ where: s.id, text })),
    ),
  ];
  return texts.flatMap(({ where, text }) => text.split(/(?<=\.)\s+/).map((sentence) => ({ where, text: sentence })));
}

const clientsIn = (text: string) => CLIENT_DEFAULTS.filter((c) => CLIENT_NAMES[c.id].test(text));

describe('Kafka producer defaults differ by client', () => {
  it('the table covers the four clients the site uses, with their documented defaults', () => {
    const byId = Object.fromEntries(CLIENT_DEFAULTS.map((c) => [c.id, c]));
    expect(Object.keys(byId)).toEqual(['java', 'librdkafka', 'confluent-js', 'kafkajs']);
    expect(CLIENT_DEFAULTS.map((c) => c.idempotence.on)).toEqual([true, false, false, false]);
    expect(CLIENT_DEFAULTS.map((c) => c.lingerMs)).toEqual([5, 5, 5, null]);
    expect(byId.librdkafka!.partitioner).toMatch(/CRC-32/);
    for (const c of CLIENT_DEFAULTS) expect(c.sources.length, c.id).toBeGreaterThan(0);
  });

  it('every sentence that states a linger.ms or idempotence default names the client it belongs to', () => {
    const stating = siteTexts().filter(({ text }) => /linger/i.test(text) || (/idempoten/i.test(text) && /default/i.test(text)));
    expect(stating.length).toBeGreaterThan(3);
    for (const { where, text } of stating) expect(clientsIn(text).length, `${where}: ${text}`).toBeGreaterThan(0);
  });

  it('idempotence is said to be on or off by default exactly as the table says, client by client', () => {
    let checked = 0;
    for (const { where, text } of siteTexts().filter((t) => /idempoten/i.test(t.text))) {
      for (const clause of text.split(/[,;]| while | but /)) {
        if (!/\b(on|off)\b/.test(clause)) continue;
        const says = /\boff\b/.test(clause) ? false : true;
        for (const c of clientsIn(clause)) {
          checked++;
          expect(c.idempotence.on, `${where}: ${clause}`).toBe(says);
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('no text credits kafkajs with a linger delay (it sends each send() at once)', () => {
    for (const { where, text } of siteTexts().filter((t) => /linger/i.test(t.text) && /kafkajs/i.test(t.text))) {
      for (const clause of text.split(/[,;]|\bwhile\b/).filter((c) => /kafkajs/i.test(c) && !/@confluentinc/.test(c)))
        expect(clause, where).toMatch(/kafkajs (does not|sends)|from kafkajs/i);
    }
  });
});
