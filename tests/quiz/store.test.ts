import { describe, expect, it } from 'vitest';
import { QUIZ_STORAGE_VERSION, parseSaved } from '@/lib/quiz/store';

const good = { state: { answers: { replay: ['often'] }, layout: 'one', step: 3, view: 'quiz' }, version: QUIZ_STORAGE_VERSION };

describe('parseSaved (what localStorage may hold)', () => {
  it('accepts a well-formed saved state', () => {
    expect(parseSaved(JSON.stringify(good))).toEqual(good);
  });

  it.each([
    ['not JSON', '{oops', 'throws'],
    ['null', 'null', null],
    ['a number', '42', null],
    ['another version', JSON.stringify({ ...good, version: 99 }), null],
    ['answers not a map', JSON.stringify({ ...good, state: { ...good.state, answers: [1] } }), null],
    ['an answer not a list of strings', JSON.stringify({ ...good, state: { ...good.state, answers: { replay: 'often' } } }), null],
    ['unknown layout', JSON.stringify({ ...good, state: { ...good.state, layout: 'grid' } }), null],
    ['step out of range', JSON.stringify({ ...good, state: { ...good.state, step: 999 } }), null],
    ['step not an integer', JSON.stringify({ ...good, state: { ...good.state, step: 1.5 } }), null],
    ['unknown view', JSON.stringify({ ...good, state: { ...good.state, view: 'x' } }), null],
  ])('rejects %s', (_name, raw, expected) => {
    if (expected === 'throws') expect(() => parseSaved(raw)).toThrow();
    else expect(parseSaved(raw)).toBeNull();
  });
});
