import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUESTIONS, answerProblem, decodeAnswers, encodeAnswers, score, type Answers } from '@/lib/quiz';
import { runs } from '../support/property';

/** A valid answer for one question: "not sure", one option, or (multi) a valid subset. */
const answerFor = (q: (typeof QUESTIONS)[number]) => {
  const ids = q.options.map((o) => o.id);
  const single = fc.constantFrom(...ids).map((id) => [id]);
  const multi = fc.subarray(ids, { minLength: 1 }).filter((s) => answerProblem(q, s) === null);
  return fc.oneof(fc.constant(['ns']), q.kind === 'single' ? single : multi);
};

const validAnswers: fc.Arbitrary<Answers> = fc.record(Object.fromEntries(QUESTIONS.map((q) => [q.id, answerFor(q)])), {
  requiredKeys: [],
}) as fc.Arbitrary<Answers>;

describe('scoring properties', () => {
  it('turning an answer that supports the recommendation into "not sure" never raises its confidence', () => {
    fc.assert(
      fc.property(validAnswers, fc.constantFrom(...QUESTIONS.map((q) => q.id)), (answers, qid) => {
        const before = score(answers);
        const rec = before.recommendation;
        if ((rec !== 'kafka' && rec !== 'rabbitmq') || before.gates.length > 0) return;
        const c = before.contributions.find((x) => x.questionId === qid);
        const against = rec === 'kafka' ? c?.rabbitmq : c?.kafka;
        const towards = rec === 'kafka' ? c?.kafka : c?.rabbitmq;
        // Conditional weights: another question's push may depend on this answer; skip those pairs.
        if (!c || against !== 0 || !towards || (qid === 'throughput' && answers.fanout?.includes('few'))) return;
        const after = score({ ...answers, [qid]: ['ns'] });
        if (after.recommendation !== rec) return;
        expect(after.confidence).toBeLessThanOrEqual(before.confidence);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('the confidence shown is the recommendation’s own: a Kafka or RabbitMQ result leads on points, "both" has points on each side', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const r = score(answers);
        if (r.gates.length > 0) {
          expect(r.confidence).toBe(100);
          return;
        }
        const { kafka, rabbitmq } = r.totals;
        if (r.recommendation === 'kafka') expect(kafka).toBeGreaterThan(rabbitmq);
        if (r.recommendation === 'rabbitmq') expect(rabbitmq).toBeGreaterThan(kafka);
        if (r.recommendation === 'both') expect(Math.min(kafka, rabbitmq)).toBeGreaterThan(0);
        if (r.recommendation === 'no-signal') expect(r.confidence).toBe(0);
        if (r.recommendation !== 'no-signal' && r.recommendation !== 'either') expect(r.confidence).toBeGreaterThan(0);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('a job queue beside an event log is "both" (or decided by a hard constraint), whatever the point ratio', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const withTiers: Answers = { ...answers, tasks: ['yes'], replay: ['often'] };
        const r = score(withTiers);
        expect(r.gates.length > 0 ? r.withoutConstraints?.recommendation : r.recommendation).toBe('both');
      }),
      { numRuns: runs(1000) },
    );
  });

  it('"neither" comes only from a hard constraint that leaves a need unmet (or two constraints that disagree)', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const r = score(answers);
        if (r.recommendation !== 'neither') return;
        const leaves = new Set(r.gates.map((g) => g.leaves));
        expect(r.gates.some((g) => g.unmet.length > 0) || leaves.size > 1).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('skipping every question ends at no signal and 0%', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const skipped = Object.fromEntries(Object.keys(answers).map((k) => [k, ['ns']]));
        const r = score(skipped);
        expect(r.recommendation).toBe('no-signal');
        expect(r.confidence).toBe(0);
      }),
      { numRuns: runs(300) },
    );
  });

  it('never throws on any input and always returns a well-formed result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything()), validAnswers), (input) => {
        const r = score(input as Answers);
        expect(['kafka', 'rabbitmq', 'both', 'neither', 'either', 'no-signal']).toContain(r.recommendation);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(100);
        expect(r.deciding.length).toBeLessThanOrEqual(5);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('the contributions add up to the totals', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const r = score(answers);
        expect(r.contributions.reduce((s, c) => s + c.kafka, 0)).toBe(r.totals.kafka);
        expect(r.contributions.reduce((s, c) => s + c.rabbitmq, 0)).toBe(r.totals.rabbitmq);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        expect(score(answers)).toEqual(score(answers));
      }),
    );
  });
});

describe('URL encoding properties', () => {
  it('encode → decode round-trips every valid answer set, dropping nothing', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const { answers: back, dropped } = decodeAnswers(encodeAnswers(answers));
        expect(dropped).toEqual([]);
        expect(back).toEqual(answers);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('decoding any string never throws and keeps only valid answers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[a-z0-9._-]{0,80}$/)), (raw) => {
        const { answers } = decodeAnswers(raw);
        for (const [qid, chosen] of Object.entries(answers)) {
          const q = QUESTIONS.find((x) => x.id === qid);
          expect(q).toBeDefined();
          expect(answerProblem(q!, chosen)).toBeNull();
        }
      }),
      { numRuns: runs(1000) },
    );
  });

  it('valid answers survive garbage appended to the link', () => {
    fc.assert(
      fc.property(validAnswers, fc.string(), (answers, junk) => {
        const encoded = encodeAnswers(answers);
        const { answers: back } = decodeAnswers(`${encoded}_${junk.replace(/_/g, '')}x`);
        for (const [qid, chosen] of Object.entries(answers)) expect(back[qid]).toEqual(chosen);
      }),
      { numRuns: runs(500) },
    );
  });
});
