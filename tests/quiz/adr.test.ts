import { describe, expect, it } from 'vitest';
import { QUESTIONS, generateAdr, score, type Answers } from '@/lib/quiz';

const answers: Answers = { mixed: ['yes'], tasks: ['yes'], replay: ['often'], fanout: ['many'], protocols: ['mqtt', 'stomp'] };

describe('generateAdr', () => {
  const md = generateAdr({ answers, result: score(answers), date: '2026-11-26', shareUrl: 'https://x.test/choose?a=1' });

  it('has the ADR sections in order', () => {
    const order = ['# ADR:', '## Context', '### Our answers', '## Decision', '## Consequences', '## Sources'].map((h) => md.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('lists every question with the chosen answers', () => {
    for (const q of QUESTIONS) expect(md).toContain(q.prompt.replace(/\|/g, '\\|'));
    expect(md).toContain('MQTT devices, STOMP or WebSocket browsers');
    expect(md).toContain('| Yes, both | both |');
    expect(md).toContain('(skipped)');
  });

  it('states the decision, the split and the date', () => {
    expect(md).toContain('**Both: RabbitMQ for commands and jobs, Kafka for the event log.**');
    expect(md).toMatch(/- RabbitMQ: .*jobs/);
    expect(md).toMatch(/- Kafka: .*log/);
    expect(md).toContain('Date: 2026-11-26');
  });

  it('cites https sources only', () => {
    const links = [...md.matchAll(/\]\((.*?)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toMatch(/^https:\/\//);
  });

  it('for no signal, lists what to consider', () => {
    const empty = generateAdr({ answers: {}, result: score({}), date: '2026-11-26' });
    expect(empty).toContain('No strong signal yet');
    expect(empty).toContain('Questions to settle before deciding');
  });
});
