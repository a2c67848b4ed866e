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
  it('answering "not sure" to one more question never raises confidence', () => {
    fc.assert(
      fc.property(validAnswers, fc.constantFrom(...QUESTIONS.map((q) => q.id)), (answers, qid) => {
        const before = score(answers).confidence;
        const after = score({ ...answers, [qid]: ['ns'] }).confidence;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('skipping every question one by one only ever lowers confidence, down to 0', () => {
    fc.assert(
      fc.property(validAnswers, fc.shuffledSubarray(QUESTIONS.map((q) => q.id)), (answers, order) => {
        let current: Answers = { ...answers };
        let last = score(current).confidence;
        for (const qid of [...order, ...QUESTIONS.map((q) => q.id)]) {
          current = { ...current, [qid]: ['ns'] };
          const c = score(current).confidence;
          expect(c).toBeLessThanOrEqual(last);
          last = c;
        }
        expect(last).toBe(0);
      }),
      { numRuns: runs(300) },
    );
  });

  it('never throws on any input and always returns a well-formed result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything()), validAnswers), (input) => {
        const r = score(input as Answers);
        expect(['kafka', 'rabbitmq', 'both', 'no-signal']).toContain(r.recommendation);
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
