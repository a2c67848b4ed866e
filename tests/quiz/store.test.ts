import { describe, expect, it, vi } from 'vitest';
import { onSaveProblem, parseSaved, QUIZ_STORAGE_VERSION, useQuizStore } from '@/lib/quiz/store';

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

describe('saving answers when the browser refuses (issue #20)', () => {
  /** A localStorage whose setItem throws `name` until `ok` is set. */
  function refusingStorage(name: 'QuotaExceededError' | 'SecurityError') {
    const data = new Map<string, string>();
    const storage = {
      ok: false,
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (!storage.ok) throw new DOMException('refused', name);
        data.set(k, v);
      },
      removeItem: (k: string) => void data.delete(k),
    };
    return storage;
  }

  it.each([
    ['QuotaExceededError', /storage for this site is full, so your answers are not saved and will be gone when you reload/],
    ['SecurityError', /does not let this page store anything .*, so your answers are not saved/],
  ] as const)('%s: listeners hear once that answers are not saved, and again when saving works', (name, message) => {
    const storage = refusingStorage(name);
    vi.stubGlobal('localStorage', storage);
    const heard: (string | null)[] = [];
    const stop = onSaveProblem((p) => heard.push(p));
    try {
      useQuizStore.getState().setAnswer('replay', ['often']);
      useQuizStore.getState().setAnswer('replay', ['no']);
      expect(heard).toHaveLength(1);
      expect(heard[0]).toMatch(message);
      storage.ok = true;
      useQuizStore.getState().setAnswer('replay', ['often']);
      expect(heard).toEqual([heard[0], null]);
    } finally {
      stop();
      useQuizStore.getState().reset();
      vi.unstubAllGlobals();
    }
  });

  it('a listener that subscribes after the failure hears it at once', () => {
    const storage = refusingStorage('QuotaExceededError');
    vi.stubGlobal('localStorage', storage);
    try {
      useQuizStore.getState().setAnswer('replay', ['often']);
      const heard: (string | null)[] = [];
      onSaveProblem((p) => heard.push(p))();
      expect(heard).toHaveLength(1);
      storage.ok = true;
      useQuizStore.getState().reset();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
