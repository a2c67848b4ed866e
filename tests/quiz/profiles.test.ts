import { describe, expect, it } from 'vitest';
import { QUESTIONS, score, type Answers } from '@/lib/quiz';
import { CAVEAT_RULES } from '@/lib/quiz/caveats';
import { EXAMPLES, completeExample } from '@/lib/quiz/examples';

// The readable profiles live in lib/quiz/examples.ts (the page offers them as examples too).
const PROFILES = EXAMPLES;

describe('profiles', () => {
  it.each(PROFILES)('$name → $expected', ({ answers, expected, mustDecide }) => {
    const r = score(answers);
    expect(r.recommendation).toBe(expected);
    const decidingIds = r.deciding.map((d) => d.questionId);
    for (const id of mustDecide) expect(decidingIds).toContain(id);
    expect(r.deciding.length).toBeGreaterThanOrEqual(Math.min(3, mustDecide.length));
    expect(r.deciding.length).toBeLessThanOrEqual(5);
    for (const d of r.deciding) {
      expect(d.sources.length).toBeGreaterThan(0);
      for (const s of d.sources) expect(s.url).toMatch(/^https:\/\//);
    }
  });

  it.each(PROFILES)('$name, with every other question answered neutrally, → $expected with more confidence', ({ answers, expected }) => {
    const sparse = score(answers);
    const full = score(completeExample(answers));
    expect(full.recommendation).toBe(expected);
    expect(full.answeredCount).toBeGreaterThan(sparse.answeredCount);
    expect(full.confidence).toBeGreaterThanOrEqual(50);
  });

  it('"both" says which part goes where', () => {
    const r = score(PROFILES.find((p) => p.id === 'commandsevents')!.answers);
    expect(r.split?.rabbitmq.join(' ')).toMatch(/jobs|commands/);
    expect(r.split?.kafka.join(' ')).toMatch(/log|events/);
  });

  it('all "not sure" → no strong signal, with what to consider', () => {
    const all: Answers = Object.fromEntries(QUESTIONS.map((q) => [q.id, ['ns']]));
    const r = score(all);
    expect(r.recommendation).toBe('no-signal');
    expect(r.confidence).toBe(0);
    expect(r.deciding).toEqual([]);
    expect(r.toConsider.length).toBeGreaterThanOrEqual(3);
    expect(r.toConsider.map((t) => t.questionId)).toContain('replay');
  });

  // "Both" means running two brokers: without "commands and events" it needs a strong case on each side.
  it.each([
    {
      name: 'a Kafka shop on a managed Kafka service adding a small task queue with delayed retries',
      answers: {
        tasks: ['yes'],
        msgfeatures: ['ttl'],
        throughput: ['low'],
        fanout: ['one'],
        skills: ['kafka'],
        managed: ['self'],
        replay: ['no'],
        retention: ['consumed'],
      },
      expected: 'rabbitmq',
    },
    {
      name: 'a task queue that must take more than 100k jobs/s',
      answers: { tasks: ['yes'], throughput: ['high'], replay: ['no'], retention: ['consumed'], fanout: ['one'], ordering: ['none'] },
      expected: 'rabbitmq',
    },
    {
      name: 'small-scale event sourcing by a team that knows RabbitMQ',
      answers: {
        replay: ['often'],
        retention: ['years'],
        changelog: ['yes'],
        throughput: ['low'],
        tasks: ['no'],
        latency: ['tight'],
        skills: ['rabbitmq'],
      },
      expected: 'kafka',
    },
  ] as { name: string; answers: Answers; expected: string }[])('one workload is not "both": $name → $expected', ({ answers, expected }) => {
    expect(score(answers).recommendation).toBe(expected);
    expect(score({ ...answers, mixed: ['no'] }).recommendation).toBe(expected);
  });

  it('an empty answer set behaves like all "not sure"', () => {
    expect(score({}).recommendation).toBe('no-signal');
  });

  it('two weak, opposite answers are no strong signal', () => {
    const r = score({ skills: ['kafka'], fanout: ['one'], latency: ['relaxed'], retention: ['days'], throughput: ['low'] });
    expect(r.recommendation).toBe('no-signal');
  });
});

describe('confidence', () => {
  it('is low when most questions are skipped, even with a clear lean', () => {
    const r = score({ replay: ['often'], retention: ['years'] });
    expect(r.confidenceLevel).toBe('low');
  });

  it('is high for a fully answered, one-sided profile', () => {
    const answers: Answers = {
      replay: ['often'],
      retention: ['years'],
      changelog: ['yes'],
      streamproc: ['kstreams', 'connect'],
      tasks: ['no'],
      msgfeatures: ['none'],
      routing: ['topic'],
      fanout: ['many'],
      ordering: ['perkey'],
      throughput: ['high'],
      latency: ['relaxed'],
      durability: ['replicas'],
      exactlyonce: ['yes'],
      protocols: ['none'],
      tenants: ['no'],
      managed: ['self'],
      skills: ['kafka'],
      mixed: ['no'],
    };
    const r = score(answers);
    expect(r.recommendation).toBe('kafka');
    expect(r.confidenceLevel).toBe('high');
    expect(r.answeredCount).toBe(QUESTIONS.length);
  });
});

describe('caveats', () => {
  const ids = (a: Answers) => score(a).caveats.map((c) => c.id);

  it('replay with a RabbitMQ result points to streams', () => {
    const answers: Answers = { routing: ['pattern'], protocols: ['mqtt'], msgfeatures: ['ttl'], replay: ['sometimes'] };
    expect(score(answers).recommendation).toBe('rabbitmq');
    expect(ids(answers)).toContain('rabbit-streams-replay');
  });

  it('a task queue with a Kafka share in the result mentions share groups', () => {
    const c = ids({ tasks: ['yes'], replay: ['often'], retention: ['years'], changelog: ['yes'], throughput: ['high'] });
    expect(c).toContain('kafka-share-groups');
    expect(c).toContain('share-groups-no-seek');
  });

  it('strict global order is a hard constraint whatever else is answered', () => {
    expect(score({ ordering: ['global'] }).gates.map((g) => g.id)).toEqual(['global-order']);
    expect(score({ ordering: ['global'], replay: ['often'], retention: ['years'] }).recommendation).toBe('neither');
  });

  it('a deciding answer cites its option’s own sources when it has them', () => {
    const r = score({ msgfeatures: ['rpc'], tasks: ['yes'], routing: ['pattern'] });
    const features = r.deciding.find((d) => d.questionId === 'msgfeatures');
    expect(features?.sources.map((s) => s.url)).toEqual(['https://www.rabbitmq.com/docs/direct-reply-to']);
  });

  it('every caveat carries an https source', () => {
    const r = score({ ordering: ['global'], exactlyonce: ['yes'], managed: ['amazonmq'], replay: ['often'] });
    expect(r.caveats.length).toBeGreaterThan(0);
    for (const c of r.caveats) for (const s of c.sources) expect(s.url).toMatch(/^https:\/\//);
  });

  it.each(CAVEAT_RULES.map((c) => [c.id, c] as const))('caveat %s cites at least one https source', (_, c) => {
    expect(c.sources.length).toBeGreaterThan(0);
    for (const s of c.sources) expect(s.url).toMatch(/^https:\/\//);
  });
});

describe('questions', () => {
  it('has 12–18 questions with unique short ids', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(12);
    expect(QUESTIONS.length).toBeLessThanOrEqual(18);
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) {
      expect(q.id).toMatch(/^[a-z0-9]{1,12}$/);
      // Only a question whose note states no fact about either broker may cite nothing (team skills).
      if (q.id !== 'skills') expect(q.sources.length).toBeGreaterThan(0);
      for (const s of q.sources) expect(s.url).toMatch(/^https:\/\//);
      expect(q.why.length).toBeGreaterThan(20);
      for (const o of q.options) {
        expect(o.id).toMatch(/^[a-z0-9]{1,12}$/);
        expect(o.id).not.toBe('ns');
        for (const src of o.sources ?? []) expect(src.url).toMatch(/^https:\/\//);
      }
    }
  });
});
