// The scenario editor's draft survives reloads in localStorage, so a broken scenario never loses
// what the user typed. A stored value we cannot read is dropped with a notice, never thrown.

export const DRAFT_KEY = 'kvr-sim-draft';
const MAX_DRAFT_CHARS = 500_000;

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface LoadedDraft {
  text: string | null;
  notice: string | null;
}

export function loadDraft(storage: DraftStorage | null): LoadedDraft {
  if (!storage) return { text: null, notice: null };
  let raw: string | null;
  try {
    raw = storage.getItem(DRAFT_KEY);
  } catch {
    return { text: null, notice: null };
  }
  if (raw === null) return { text: null, notice: null };
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed === 'object' && parsed !== null && (parsed as { v?: unknown }).v === 1) {
      const text = (parsed as { text?: unknown }).text;
      if (typeof text === 'string' && text.length <= MAX_DRAFT_CHARS) return { text, notice: null };
    }
  } catch {
    // fall through: unreadable
  }
  try {
    storage.removeItem(DRAFT_KEY);
  } catch {
    // storage may be read-only; the notice still tells the user
  }
  return { text: null, notice: 'Your saved scenario draft could not be read, so the editor starts from the current scenario.' };
}

/** Saves the draft; returns false when storage refused it (quota, private mode). */
export function saveDraft(storage: DraftStorage | null, text: string): boolean {
  if (!storage || text.length > MAX_DRAFT_CHARS) return false;
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify({ v: 1, text }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage | null): void {
  try {
    storage?.removeItem(DRAFT_KEY);
  } catch {
    // nothing to do
  }
}
