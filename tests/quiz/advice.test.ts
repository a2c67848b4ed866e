// The quiz gives advice a senior engineer would sign: each case below is a point of issue #18.
import { describe, expect, it } from 'vitest';
import { QUESTIONS, THRESHOLDS, generateAdr, score, type Answers } from '@/lib/quiz';
import { axisTicks } from '@/lib/quiz/chart';
import { completeExample } from '@/lib/quiz/examples';
import { WEIGHTS } from '@/lib/quiz/weights';

const caveatIds = (a: Answers) => score(a).caveats.map((c) => c.id);

/** Every question answered with its neutral "No"-like option, then `overrides` on top. */
const full = (overrides: Answers): Answers => ({ ...completeExample({}), retention: ['consumed'], ...overrides });

describe('"neither as asked" and hard constraints (gates)', () => {
  it('strict global order with competing consumers is "neither", even beside a task queue', () => {
    const r = score({ ordering: ['global'], tasks: ['yes'] });
    expect(r.recommendation).toBe('neither');
    expect(r.gates.map((g) => g.id)).toEqual(['global-order']);
    expect(r.gates[0]!.alternative).toMatch(/single active consumer/);
    expect(r.gates[0]!.alternative).toMatch(/per key/);
    // What the other answers would say without the constraint is still shown.
    expect(r.withoutConstraints?.recommendation).toBe('rabbitmq');
  });

  it('"must use Amazon MQ" with replay is "neither": it says what is ruled out (no streams) and names the alternative', () => {
    const r = score({ managed: ['amazonmq'], replay: ['often'], tasks: ['yes'], routing: ['pattern'] });
    expect(r.recommendation).toBe('neither');
    const gate = r.gates.find((g) => g.id === 'amazon-mq')!;
    expect(gate.rulesOut).toMatch(/without streams/);
    expect(gate.unmet.map((u) => u.questionId)).toEqual(['replay']);
    expect(gate.alternative).toMatch(/Amazon MSK/);
    expect(gate.sources.map((s) => s.url)).toContain(
      'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/best-practices-rabbitmq.html',
    );
  });

  it('"must use Amazon MQ" is a gate, not two points: strong Kafka-only needs cannot outvote it', () => {
    const answers: Answers = { managed: ['amazonmq'], changelog: ['yes'], streamproc: ['kstreams'], exactlyonce: ['yes'] };
    const r = score(answers);
    expect(r.recommendation).toBe('neither');
    expect(r.gates[0]!.unmet.map((u) => u.questionId)).toEqual(['changelog', 'streamproc', 'exactlyonce']);
    expect(r.withoutConstraints?.recommendation).toBe('kafka');
  });

  it('"must use Amazon MQ" with nothing it lacks leaves RabbitMQ, decided by the constraint', () => {
    const r = score({ managed: ['amazonmq'], tasks: ['yes'], fanout: ['many'], skills: ['kafka'], throughput: ['mid'] });
    expect(r.recommendation).toBe('rabbitmq');
    expect(r.gates[0]!.leaves).toBe('rabbitmq');
    expect(r.confidence).toBe(100);
  });

  it('a Kafka service you must use rules out priorities and direct MQTT clients, and names a RabbitMQ service as the way out', () => {
    const r = score({ managed: ['kafkasvc'], msgfeatures: ['priority'], protocols: ['mqtt'] });
    expect(r.recommendation).toBe('neither');
    expect(r.gates[0]!.unmet.map((u) => u.need)).toEqual(['MQTT devices connecting directly', 'message priorities']);
    expect(r.gates[0]!.alternative).toMatch(/RabbitMQ service/);
  });

  it('a Kafka service with no RabbitMQ-only need leaves Kafka, even when the points lean to RabbitMQ', () => {
    const r = score({ managed: ['kafkasvc'], routing: ['pattern'], latency: ['tight'] });
    expect(r.recommendation).toBe('kafka');
    expect(r.withoutConstraints?.recommendation).toBe('rabbitmq');
  });
});

describe('"both" is structural, not a ratio', () => {
  const jobsAndEvents: Answers = { tasks: ['yes'], msgfeatures: ['priority', 'rpc'], replay: ['often'], fanout: ['many'] };

  it('a job queue plus an event log is "both"', () => {
    expect(score(jobsAndEvents).recommendation).toBe('both');
  });

  it('strengthening the event side (Flink, Kafka Streams, above 1M msg/s) does not erase the job-queue tier', () => {
    const stronger = {
      ...jobsAndEvents,
      streamproc: ['flink', 'kstreams'],
      throughput: ['vhigh'],
      retention: ['years'],
      changelog: ['yes'],
    };
    const r = score(stronger);
    // The ratio alone would not say "both" any more.
    expect(r.totals.rabbitmq / r.totals.kafka).toBeLessThan(THRESHOLDS.bothRatio);
    expect(r.recommendation).toBe('both');
    expect(r.split?.rabbitmq.join(' ')).toMatch(/jobs|prioritised|request\/reply/);
  });

  it('a job queue with priorities only, plus many independent readers, is "both" too', () => {
    expect(score({ msgfeatures: ['priority'], fanout: ['many'], throughput: ['vhigh'], streamproc: ['flink'] }).recommendation).toBe(
      'both',
    );
  });

  it('a "both" result says when one broker can carry a small second part', () => {
    expect(caveatIds(jobsAndEvents)).toContain('one-broker-can-do-both');
  });
});

describe('confidence belongs to the recommendation', () => {
  it('five clear Kafka answers are not "Kafka, confidence 0%"', () => {
    const r = score({ replay: ['often'], retention: ['years'], changelog: ['yes'], streamproc: ['kstreams'], fanout: ['many'] });
    expect(r.recommendation).toBe('kafka');
    expect(r.confidence).toBeGreaterThanOrEqual(40);
  });

  it('a weak lead shows its own (low) confidence, not another outcome’s', () => {
    // Two Kafka points against one RabbitMQ point and a half-answered quiz.
    const r = score({ replay: ['sometimes'], fanout: ['many'], tasks: ['no'], throughput: ['low'], retention: ['days'] });
    expect(r.recommendation).toBe('kafka');
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidenceLevel).toBe('low');
    // More support for the same side raises it.
    expect(
      score({ replay: ['often'], fanout: ['many'], tasks: ['no'], throughput: ['low'], retention: ['days'] }).confidence,
    ).toBeGreaterThan(r.confidence);
  });

  it('a fully answered, neutral profile says "either fits; run what you know", not an empty list of open questions', () => {
    const r = score(full({}));
    expect(r.answeredCount).toBe(QUESTIONS.length);
    expect(r.recommendation).toBe('either');
    expect(r.toConsider).toEqual([]);
    expect(score(full({ skills: ['rabbitmq'] })).runWhatYouKnow).toBe('rabbitmq');
  });

  it('a gate’s result is decided by the constraint (100%), the answers’ own lean is reported beside it', () => {
    const r = score({ ordering: ['global'], replay: ['often'], retention: ['years'] });
    expect(r.confidence).toBe(100);
    expect(r.withoutConstraints).toEqual({ recommendation: 'kafka', confidence: expect.any(Number) });
  });
});

describe('caveats say only what holds', () => {
  it('no stream advice beside "Amazon MQ has no streams"', () => {
    const answers: Answers = { managed: ['amazonmq'], tasks: ['yes'], routing: ['pattern'], msgfeatures: ['priority'], fanout: ['many'] };
    expect(score(answers).recommendation).toBe('rabbitmq');
    const ids = caveatIds(answers);
    expect(ids).not.toContain('rabbit-streams-replay');
    expect(ids).not.toContain('rabbit-streams-volume');
  });

  it('a task queue above 100k jobs/s is not sent to streams (no per-message ack or dead-lettering there)', () => {
    const answers: Answers = { tasks: ['yes'], throughput: ['high'], replay: ['no'], retention: ['consumed'], fanout: ['one'] };
    expect(score(answers).recommendation).toBe('rabbitmq');
    const ids = caveatIds(answers);
    expect(ids).not.toContain('rabbit-streams-volume');
    expect(ids).toContain('job-queue-volume');
  });

  it('a 7-year audit log is never given compaction as its reason; it is told to keep history uncompacted', () => {
    const r = score({ retention: ['years'], changelog: ['yes'], replay: ['often'] });
    const changelog = r.deciding.find((d) => d.questionId === 'changelog')!;
    expect(changelog.why).toMatch(/keeps every event/);
    expect(r.caveats.map((c) => c.id)).toContain('keep-history-not-compaction');
  });

  it('tiered storage and compaction together come with the note that they do not combine', () => {
    const c = score({ retention: ['years'], changelog: ['yes'] }).caveats.find((x) => x.id === 'tiered-not-compacted');
    expect(c?.text).toMatch(/does not support compacted topics/);
  });
});

describe('bands', () => {
  it('above 1M msg/s scores more than 100k–1M', () => {
    expect(WEIGHTS.throughput!.vhigh!.kafka!).toBeGreaterThan(WEIGHTS.throughput!.high!.kafka!);
    expect(score({ throughput: ['vhigh'] }).totals.kafka).toBeGreaterThan(score({ throughput: ['high'] }).totals.kafka);
  });

  it('weeks of retention is an answer of its own, between days and years', () => {
    const points = (o: string) => score({ retention: [o] }).totals.kafka;
    expect(points('weeks')).toBeGreaterThan(points('days'));
    expect(points('weeks')).toBeLessThan(points('years'));
  });

  it('three readers at high volume push towards Kafka; at low volume they do not', () => {
    expect(score({ fanout: ['few'], throughput: ['high'] }).contributions.find((c) => c.questionId === 'fanout')?.kafka).toBe(2);
    expect(score({ fanout: ['few'], throughput: ['low'] }).contributions.find((c) => c.questionId === 'fanout')?.kafka).toBe(0);
  });

  it('one reading service is not a point for RabbitMQ (a Kafka group’s consumers compete too)', () => {
    expect(score({ fanout: ['one'] }).totals).toEqual({ kafka: 0, rabbitmq: 0 });
  });
});

describe('every weighted option has its own matching source', () => {
  const weighted = QUESTIONS.flatMap((q) =>
    q.options
      .filter((o) => WEIGHTS[q.id]?.[o.id]?.kafka || WEIGHTS[q.id]?.[o.id]?.rabbitmq || (q.id === 'fanout' && o.id === 'few'))
      .map((o) => [`${q.id}.${o.id}`, o] as const),
  );

  it.each(weighted)('%s cites its own sources', (_, option) => {
    expect(option.sources?.length ?? 0).toBeGreaterThan(0);
    expect(option.reason?.length ?? 0).toBeGreaterThan(20);
  });

  it.each([
    ['retention', 'consumed', /rabbitmq\.com\/docs\/confirms/],
    ['tenants', 'yes', /^https:\/\/www\.rabbitmq\.com\/docs\/vhosts$/],
    ['changelog', 'yes', /kafka\.apache\.org/],
  ])('%s.%s cites a page about it, not the question’s', (qid, oid, url) => {
    const d = score({ [qid]: [oid] }).deciding.find((x) => x.questionId === qid)!;
    expect(d.sources.map((s) => s.url).join(' ')).toMatch(url);
  });

  it('the per-tenant answer makes no Kafka claim that its RabbitMQ source cannot back', () => {
    const tenants = QUESTIONS.find((q) => q.id === 'tenants')!.options.find((o) => o.id === 'yes')!;
    expect(tenants.reason).not.toMatch(/Kafka/);
  });

  it('no deciding answer borrows another option’s sources: delete-on-consume does not cite tiered storage', () => {
    const d = score({ retention: ['consumed'] }).deciding[0]!;
    expect(d.sources.map((s) => s.url).join(' ')).not.toMatch(/tiered/);
  });

  it('team skills carry no points, so they need no source', () => {
    expect(score({ skills: ['kafka'] }).totals).toEqual({ kafka: 0, rabbitmq: 0 });
  });
});

describe('the result page’s numbers and words', () => {
  it('the chart axis is symmetric and shows 0', () => {
    for (const largest of [1, 3, 4, 5, 7, 12]) {
      const ticks = axisTicks(largest);
      expect(ticks).toContain(0);
      expect(ticks[0]).toBe(-ticks[ticks.length - 1]!);
      expect(ticks[ticks.length - 1]).toBeGreaterThan(largest);
    }
    expect(axisTicks(4)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
  });

  it('the decision record does not say "the rest were not sure" when every question was answered', () => {
    const answers = full({ tasks: ['yes'] });
    const md = generateAdr({ answers, result: score(answers), date: '2026-12-06' });
    expect(md).toContain(`We answered all ${QUESTIONS.length} questions.`);
    expect(md).not.toMatch(/the rest were/);
  });

  it('the decision record counts the questions left open', () => {
    const md = generateAdr({ answers: { tasks: ['yes'] }, result: score({ tasks: ['yes'] }), date: '2026-12-06' });
    expect(md).toContain(`We answered 1 of ${QUESTIONS.length} questions; the other ${QUESTIONS.length - 1} were`);
  });
});
