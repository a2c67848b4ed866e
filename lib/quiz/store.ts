// The quiz's client state: answers, view and layout, kept in localStorage (versioned) so a reload loses nothing.
import { create } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { QUESTIONS } from './questions';
import { answerProblem } from './score';
import type { Answers } from './types';

export const QUIZ_STORAGE_KEY = 'kvr-quiz';
export const QUIZ_STORAGE_VERSION = 1;

export type QuizLayout = 'one' | 'all';
export type QuizView = 'quiz' | 'result';

interface Saved {
  answers: Answers;
  layout: QuizLayout;
  step: number;
  view: QuizView;
}

interface QuizState extends Saved {
  setAnswer: (questionId: string, chosen: string[]) => void;
  replaceAnswers: (answers: Answers) => void;
  setLayout: (layout: QuizLayout) => void;
  goTo: (step: number) => void;
  showResult: () => void;
  showQuiz: (step?: number) => void;
  reset: () => void;
}

const INITIAL: Saved = { answers: {}, layout: 'one', step: 0, view: 'quiz' };

// Checked by hand rather than with zod: this runs in the page's first load, and zod would add ~11 kB gzip.
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function parseSaved(raw: string): StorageValue<Saved> | null {
  const v: unknown = JSON.parse(raw);
  if (typeof v !== 'object' || v === null) return null;
  const { state, version } = v as { state?: unknown; version?: unknown };
  if (version !== QUIZ_STORAGE_VERSION || typeof state !== 'object' || state === null) return null;
  const { answers, layout, step, view } = state as Record<string, unknown>;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return null;
  if (!Object.values(answers).every(isStringArray)) return null;
  if (layout !== 'one' && layout !== 'all') return null;
  if (view !== 'quiz' && view !== 'result') return null;
  if (!Number.isInteger(step) || (step as number) < 0 || (step as number) >= QUESTIONS.length) return null;
  return { state: { answers: answers as Answers, layout, step: step as number, view }, version };
}

/** Why the last saved state was discarded or trimmed, for a notice; null when it loaded cleanly. */
let storageProblem: string | null = null;

export function takeStorageProblem(): string | null {
  const p = storageProblem;
  storageProblem = null;
  return p;
}

/** Why the browser refused to save, in words; the quiz goes on unsaved. */
function refusal(e: unknown): string {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const why =
    name === 'QuotaExceededError'
      ? 'Your browser’s storage for this site is full'
      : name === 'SecurityError'
        ? 'Your browser does not let this page store anything (private browsing or blocked site data)'
        : 'Your browser refused to store your answers';
  return `${why}, so your answers are not saved and will be gone when you reload. Copy the link to your result to keep them.`;
}

/** Set while saving fails; listeners hear each change from saving to failing (and back: null). */
let saveProblem: string | null = null;
const saveListeners = new Set<(problem: string | null) => void>();

function setSaveProblem(problem: string | null) {
  if (problem === saveProblem || (problem !== null && saveProblem !== null)) return;
  saveProblem = problem;
  for (const l of saveListeners) l(problem);
}

/** Calls `listener` now if saving already fails, and whenever it starts or stops failing; returns the unsubscribe. */
export function onSaveProblem(listener: (problem: string | null) => void): () => void {
  saveListeners.add(listener);
  if (saveProblem !== null) listener(saveProblem);
  return () => saveListeners.delete(listener);
}

/** Keeps only answers that are valid for today's questions. */
function keepValid(answers: Answers): { kept: Answers; droppedCount: number } {
  const kept: Answers = {};
  let droppedCount = 0;
  for (const [id, chosen] of Object.entries(answers)) {
    const q = QUESTIONS.find((x) => x.id === id);
    if (q && answerProblem(q, chosen) === null) kept[id] = chosen;
    else droppedCount++;
  }
  return { kept, droppedCount };
}

const storage: PersistStorage<Saved> = {
  getItem: (name) => {
    let raw: string | null;
    try {
      raw = localStorage.getItem(name);
    } catch (e) {
      setSaveProblem(refusal(e));
      return null;
    }
    if (raw === null) return null;
    let parsed: StorageValue<Saved> | null = null;
    try {
      parsed = parseSaved(raw);
    } catch {
      // JSON.parse failed: handled below like any other damaged value.
    }
    if (parsed === null) {
      storageProblem =
        'Your saved answers could not be read (the stored data was damaged or from another version), so they were discarded. The quiz starts afresh.';
      try {
        localStorage.removeItem(name);
      } catch {
        // Read-only storage: the damaged value stays, and is ignored again next time.
      }
      return null;
    }
    const { kept, droppedCount } = keepValid(parsed.state.answers);
    if (droppedCount > 0) {
      storageProblem = `${droppedCount} saved answer${droppedCount === 1 ? ' was' : 's were'} no longer valid and ${droppedCount === 1 ? 'was' : 'were'} dropped; the rest are kept.`;
    }
    return { state: { ...parsed.state, answers: kept }, version: parsed.version };
  },
  setItem: (name, value) => {
    try {
      localStorage.setItem(name, JSON.stringify(value));
      setSaveProblem(null);
    } catch (e) {
      // Storage full or blocked (private mode): the quiz keeps working, and says it is not saving.
      setSaveProblem(refusal(e));
    }
  },
  removeItem: (name) => {
    try {
      localStorage.removeItem(name);
    } catch {
      // Nothing to clean up when storage is blocked.
    }
  },
};

const clampStep = (step: number) => Math.max(0, Math.min(QUESTIONS.length - 1, step));

export const useQuizStore = create<QuizState>()(
  persist(
    (set) => ({
      ...INITIAL,
      setAnswer: (questionId, chosen) =>
        set((s) => {
          const answers = { ...s.answers };
          if (chosen.length === 0) delete answers[questionId];
          else answers[questionId] = chosen;
          return { answers };
        }),
      replaceAnswers: (answers) => set({ answers }),
      setLayout: (layout) => set({ layout }),
      goTo: (step) => set({ step: clampStep(step) }),
      showResult: () => set({ view: 'result' }),
      showQuiz: (step) => set((s) => ({ view: 'quiz', step: clampStep(step ?? s.step) })),
      reset: () => set({ ...INITIAL }),
    }),
    {
      name: QUIZ_STORAGE_KEY,
      version: QUIZ_STORAGE_VERSION,
      storage,
      // Hydrate after mount, so the static HTML and the first client render agree.
      skipHydration: true,
      partialize: ({ answers, layout, step, view }) => ({ answers, layout, step, view }),
    },
  ),
);
