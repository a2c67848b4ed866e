'use client';
import { useState } from 'react';
import { useSim } from './context';
import { buttonClass } from '@/components/ui/button';

const field = 'h-11 rounded-lg border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900';

export function ScenarioPicker({ scenarios }: { scenarios: readonly { id: string; title: string }[] }) {
  const loaded = useSim((s) => s.loaded);
  const seed = useSim((s) => s.seed);
  const loadBuiltin = useSim((s) => s.loadBuiltin);
  const setSeed = useSim((s) => s.setSeed);
  const [seedText, setSeedText] = useState<string | null>(null);
  const seedError =
    seedText !== null && !/^\d{1,10}$/.test(seedText.trim()) ? 'The seed must be a whole number from 0 to 4294967295.' : null;

  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex min-w-0 flex-col gap-1 text-sm font-medium">
        Scenario
        <select
          name="scenario"
          className={`${field} max-w-full`}
          value={loaded.id ?? ''}
          onChange={(e) => e.target.value && loadBuiltin(e.target.value)}
        >
          {loaded.id === null && <option value="">Your scenario</option>}
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (seedText === null || seedError) return;
          setSeed(Number(seedText.trim()));
          setSeedText(null);
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium">
          Seed
          <input
            name="seed"
            className={`${field} w-32`}
            inputMode="numeric"
            value={seedText ?? String(seed)}
            aria-invalid={seedError ? true : undefined}
            aria-describedby={seedError ? 'seed-error' : undefined}
            onChange={(e) => setSeedText(e.target.value)}
          />
        </label>
        <button type="submit" className={buttonClass({ size: 'touch' })}>
          Apply seed
        </button>
      </form>
      {seedError && (
        <p id="seed-error" className="w-full text-sm text-red-700 dark:text-red-300">
          {seedError}
        </p>
      )}
    </div>
  );
}

/** The explanation of the scenario and the chapter the clock is in. */
export function ScenarioIntro() {
  const loaded = useSim((s) => s.loaded);
  const time = useSim((s) => s.time);
  const chapter = loaded.chapters.filter((c) => c.time <= time).at(-1);
  return (
    <div className="mt-3 grid gap-3 md:grid-cols-[2fr_1fr]">
      <div>
        <h2 className="text-xl font-semibold">{loaded.title}</h2>
        <p className="mt-1 text-zinc-700 dark:text-zinc-300">{loaded.explanation}</p>
      </div>
      {chapter && (
        <aside
          aria-label="Current chapter"
          className="rounded-lg border-l-4 border-kafka-600 bg-zinc-50 p-3 text-sm dark:border-kafka-400 dark:bg-zinc-900"
        >
          <p className="font-semibold">{chapter.title}</p>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">{chapter.text}</p>
          {loaded.chapters.length > 1 && (
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              Chapter {loaded.chapters.indexOf(chapter) + 1} of {loaded.chapters.length}; playing pauses at each.
            </p>
          )}
        </aside>
      )}
    </div>
  );
}
