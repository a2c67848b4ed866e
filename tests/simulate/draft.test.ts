import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAFT_KEY, clearDraft, loadDraft, saveDraft, type DraftStorage } from '@/lib/simulate/draft';

function memoryStorage(initial: Record<string, string> = {}): DraftStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => (k in data ? data[k]! : null),
    setItem: (k, v) => void (data[k] = v),
    removeItem: (k) => void delete data[k],
  };
}

describe('scenario draft storage', () => {
  it('round-trips any text, broken JSON included', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const s = memoryStorage();
        expect(saveDraft(s, text)).toBe(true);
        expect(loadDraft(s)).toEqual({ text, notice: null });
      }),
    );
  });

  it('has nothing and says nothing when no draft is stored', () => {
    expect(loadDraft(memoryStorage())).toEqual({ text: null, notice: null });
    expect(loadDraft(null)).toEqual({ text: null, notice: null });
  });

  it.each(['{"garbage', '42', '{"v":2,"text":"x"}', '{"v":1,"text":5}', 'null'])(
    'drops the corrupt stored value %s with a notice',
    (raw) => {
      const s = memoryStorage({ [DRAFT_KEY]: raw });
      const loaded = loadDraft(s);
      expect(loaded.text).toBeNull();
      expect(loaded.notice).toMatch(/could not be read/);
      expect(s.data[DRAFT_KEY]).toBeUndefined();
    },
  );

  it('survives a storage that throws', () => {
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadDraft(broken)).toEqual({ text: null, notice: null });
    expect(saveDraft(broken, 'x')).toBe(false);
    expect(() => clearDraft(broken)).not.toThrow();
  });
});
