'use client';
import { useMemo, useState } from 'react';
import { groupScenarios } from '@/lib/simulate/scenario-groups';
import { WHOLE_LOG_CAP } from '@/lib/simulate/view-model';
import { useSim } from './context';
import { buttonClass } from '@/components/ui/button';
import { count } from '@/lib/format';

const field = 'h-11 rounded-lg border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900';

export interface ScenarioChoice {
  id: string;
  title: string;
  lanes: readonly string[];
}

/**
 * The row above the picture: which scenario (grouped by theme; a native select, so typing the first
 * letters of a title jumps to it), the seed, and how the picture draws.
 */
export function Toolbar({ scenarios }: { scenarios: readonly ScenarioChoice[] }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 sm:gap-x-4">
      <ScenarioSelect scenarios={scenarios} />
      <SeedForm />
      <ViewToggles />
    </div>
  );
}

function ScenarioSelect({ scenarios }: { scenarios: readonly ScenarioChoice[] }) {
  const id = useSim((s) => s.loaded.id);
  const loadBuiltin = useSim((s) => s.loadBuiltin);
  const groups = useMemo(() => groupScenarios(scenarios), [scenarios]);
  return (
    <label className="flex min-w-0 flex-[1_1_20rem] items-center gap-2 text-sm font-medium">
      <span className="sr-only sm:not-sr-only">Scenario</span>
      <select
        name="scenario"
        aria-label="Scenario"
        className={`${field} w-full min-w-0`}
        value={id ?? ''}
        onChange={(e) => e.target.value && loadBuiltin(e.target.value)}
      >
        {id === null && <option value="">Your scenario</option>}
        {groups.map((g) => (
          <optgroup key={g.theme} label={g.theme}>
            {g.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function SeedForm() {
  const seed = useSim((s) => s.seed);
  const setSeed = useSim((s) => s.setSeed);
  const [seedText, setSeedText] = useState<string | null>(null);
  const seedError =
    seedText !== null && !/^\d{1,10}$/.test(seedText.trim()) ? 'The seed must be a whole number from 0 to 4294967295.' : null;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (seedText === null || seedError) return;
        setSeed(Number(seedText.trim()));
        setSeedText(null);
      }}
    >
      <label className="flex items-center gap-2 text-sm font-medium">
        Seed
        <input
          name="seed"
          className={`${field} w-20 sm:w-24`}
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
      {seedError && (
        <p id="seed-error" className="w-full text-sm text-red-700 dark:text-red-300">
          {seedError}
        </p>
      )}
    </form>
  );
}

function ViewToggles() {
  const wholeLog = useSim((s) => s.wholeLog);
  const setWholeLog = useSim((s) => s.setWholeLog);
  return (
    <label
      className="flex min-h-11 cursor-pointer items-center gap-2 text-sm font-medium"
      title={`Every record and ready message (up to ${count(WHOLE_LOG_CAP)} a row), wrapped, instead of the newest on one line`}
    >
      <input
        type="checkbox"
        name="whole-log"
        className="size-4 accent-kafka-700"
        checked={wholeLog}
        onChange={(e) => setWholeLog(e.target.checked)}
      />
      Whole log <span className="sr-only">: every record and ready message, wrapped</span>
    </label>
  );
}

/**
 * What the scenario shows: beside the toolbar on wide screens, folded away under its title on
 * narrow ones (the picture comes first there).
 */
export function ScenarioAbout() {
  const loaded = useSim((s) => s.loaded);
  return (
    <details className="group mt-2 text-sm lg:hidden" data-testid="scenario-about">
      <summary className="cursor-pointer py-1 font-semibold">
        About: {loaded.title} <span className="font-normal text-zinc-600 group-open:hidden dark:text-zinc-400">(tap to read)</span>
      </summary>
      <p className="mt-1 text-zinc-700 dark:text-zinc-300">
        {loaded.explanation} <LimitsLink />
      </p>
    </details>
  );
}

/** The wide-screen version of ScenarioAbout: the title and explanation in a column beside the picture's controls. */
export function ScenarioAboutWide() {
  const loaded = useSim((s) => s.loaded);
  return (
    <div className="hidden text-sm lg:block" data-testid="scenario-about-wide">
      <h2 className="font-semibold">{loaded.title}</h2>
      <p className="mt-0.5 text-zinc-700 dark:text-zinc-300">
        {loaded.explanation} <LimitsLink />
      </p>
    </div>
  );
}

function LimitsLink() {
  return (
    <a href="#model-limits" className="text-link whitespace-nowrap">
      What the model leaves out
    </a>
  );
}

/** The chapter the clock is in, in a line above the picture. */
export function ChapterBanner() {
  const loaded = useSim((s) => s.loaded);
  const time = useSim((s) => s.time);
  const chapter = loaded.chapters.filter((c) => c.time <= time).at(-1);
  if (!chapter) return null;
  return (
    <aside
      aria-label="Current chapter"
      className="mt-3 rounded-lg border-l-4 border-kafka-600 bg-zinc-50 px-3 py-2 text-sm dark:border-kafka-400 dark:bg-zinc-900"
    >
      <p>
        {loaded.chapters.length > 1 && (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            Chapter {loaded.chapters.indexOf(chapter) + 1} of {loaded.chapters.length} ·{' '}
          </span>
        )}
        <span className="font-semibold">{chapter.title}</span>
        <span className="text-zinc-700 dark:text-zinc-300"> — {chapter.text}</span>
      </p>
    </aside>
  );
}
