// Smoothness of /simulate: plays the `heavy` scenario with the "Whole log" view at 1× and at 8× for
// 10 s each in headless Chromium, and writes bench/frames.json. For each run it reports the
// wall-clock intervals between frames (requestAnimationFrame), the main thread's busy time per frame
// (Chrome's own TaskDuration over the run, divided by the frames), long tasks, how long Pause takes to
// answer, and the load average. The same measurements on the empty floor page (app/bench-floor) in
// the same run show what the machine itself does under its current load: on a busy machine the
// interval budgets follow the floor, so a failure means the page's own cost, not the neighbours'.
// Run after a build: `node scripts/bench-frames.mjs` (serves out/ itself; `--strip` measures the
// default strip view instead and writes bench/frames-strip.json; `--topology`, the same with the topology
// graphs open, bench/frames-topology.json).
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';
import { freePort, startStaticServer } from './serve.mjs';

const PLAY_MS = 10_000;
const FLOOR_MS = 5_000;
// --scenario=ID plays another built-in scenario from its start at 8× (the Kafka cluster ones redraw
// replica tables, the ledger and share-group cells every frame) and writes bench/frames-ID.json.
const SCENARIO = process.argv.find((a) => a.startsWith('--scenario='))?.slice('--scenario='.length) ?? null;
const SPEEDS = SCENARIO ? [8] : [1, 8];
const cpus = availableParallelism();
/** Frame budgets: interval p95 and median (or the floor's plus a margin, on a machine too busy for them), busy time per frame, longest task, Pause. */
const BUDGET = { p95: 20, median: 17, margin: 3, busy: 8, longTask: 100, pause: 100, messages: 1000 };
const STRIP = process.argv.includes('--strip');
// --topology: the default strip view with the "Topology: where messages travel" graphs open and in
// view, so the messages moving along their edges are what is measured (writes bench/frames-topology.json).
const TOPOLOGY = process.argv.includes('--topology');

const executablePath = await findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (n) => Math.round(n * 10) / 10;
const load = () => loadavg()[0].toFixed(2);

/** Starts sampling frames, long tasks and message chips in the page. */
const startSampling = (page) =>
  page.evaluate(() => {
    const w = window;
    w.__frames = [];
    w.__longTasks = [];
    w.__chips = [];
    w.__stop = false;
    w.__sampleChips = setInterval(() => w.__chips.push(document.querySelectorAll('.kvr-chip').length), 500);
    w.__observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    });
    w.__observer.observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const loop = (now) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });

const stopSampling = (page) =>
  page.evaluate(() => {
    const w = window;
    w.__stop = true;
    clearInterval(w.__sampleChips);
    w.__observer.disconnect();
    return { frames: w.__frames.slice(1), longTasks: w.__longTasks, chips: w.__chips };
  });

/** The main thread's busy time so far (seconds), from Chrome's own counters. */
async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

/** Samples `ms` of frames on the open page; returns intervals, long tasks, chips and busy ms per frame. */
async function measure(page, cdp, ms, during = async () => {}) {
  const loadBefore = load();
  const busyBefore = await taskSeconds(cdp);
  await startSampling(page);
  await during();
  await page.waitForTimeout(ms);
  const raw = await stopSampling(page);
  const busy = ((await taskSeconds(cdp)) - busyBefore) * 1000;
  const sorted = [...raw.frames].sort((a, b) => a - b);
  return {
    frames: raw.frames.length,
    p95: percentile(sorted, 95),
    median: percentile(sorted, 50),
    busyPerFrame: busy / Math.max(1, raw.frames.length),
    busyShare: busy / ms,
    longest: raw.longTasks.length ? Math.max(...raw.longTasks) : 0,
    longTasks: raw.longTasks.length,
    chips: [...raw.chips].sort((a, b) => a - b),
    load: `${loadBefore} → ${load()}`,
  };
}

/**
 * Milliseconds from pressing Pause until the next frame is painted, pressed while playing: if the run
 * just reached its end (at 8× the clock keeps up and gets there), Play is pressed again and Pause
 * after 30 frames of play in a row.
 */
const pauseDelay = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        let playing = 30;
        let tries = 0;
        const attempt = () => {
          const button = document.querySelector('button[aria-label="Pause"]');
          if (++tries > 600) return resolve(NaN);
          if (!button) {
            playing = 0;
            document.querySelector('button[aria-label="Play"]')?.click();
          } else if (++playing >= 30) {
            const t0 = performance.now();
            button.click();
            return requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          }
          requestAnimationFrame(attempt);
        };
        attempt();
      }),
  );

const server = await startStaticServer({ port: await freePort() });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const rows = [];
const runs = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  // The floor: the empty page's frames under the machine's current load.
  await page.goto(`${server.url}/bench-floor`, { waitUntil: 'networkidle' });
  const floor = await measure(page, cdp, FLOOR_MS);
  runs.floor = floor;
  rows.push({
    name: 'floor: frame interval p95 / median',
    budget: '—',
    measured: `${round(floor.p95)} / ${round(floor.median)} ms`,
    pass: true,
    note: `empty page; busy ${round(floor.busyPerFrame)} ms per frame; load average ${floor.load} on ${cpus} CPUs`,
  });
  const p95Budget = Math.max(BUDGET.p95, floor.p95 + BUDGET.margin);
  const medianBudget = Math.max(BUDGET.median, floor.median + BUDGET.margin);

  for (const speed of SPEEDS) {
    await page.goto(`${server.url}/simulate?scenario=${SCENARIO ?? 'heavy'}&seed=1&t=${SCENARIO ? 0 : 40000}`, {
      waitUntil: 'networkidle',
    });
    await page.getByTestId('simulator').and(page.locator('[data-ready="true"]')).waitFor();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption(String(speed));
    // The "Whole log" view draws every record and ready message, not just one strip per row.
    if (!STRIP && !SCENARIO && !TOPOLOGY) await page.getByRole('checkbox', { name: /Whole log/ }).check();
    // The benchmark measures drawing what a user watches: the lanes in view (or the graphs).
    if (TOPOLOGY) {
      const summary = page.getByText('Topology: where messages travel');
      await summary.click();
      // The graphs load when the panel opens (next/dynamic): measured once they are drawn.
      await page.getByTestId('kafka-topology').locator('svg').waitFor();
      await summary.scrollIntoViewIfNeeded();
    } else await page.locator('#kafka-lane').scrollIntoViewIfNeeded();
    // 10 s at 8× from 40 s in ends at 120 s, the scenario's end: play again if it stops.
    await page.evaluate(() => {
      window.__keepPlaying = setInterval(() => document.querySelector('button[aria-label="Play"]')?.click(), 100);
    });
    const r = await measure(page, cdp, PLAY_MS, () => page.getByRole('button', { name: 'Play', exact: true }).click());
    await page.evaluate(() => clearInterval(window.__keepPlaying));
    r.pause = await pauseDelay(page);
    runs[`${speed}x`] = r;
    const at = `${SCENARIO ? `${SCENARIO}: ` : STRIP ? 'strip view: ' : TOPOLOGY ? 'topology open: ' : ''}${speed}×`;
    const note = `${r.frames} frames, ${r.longTasks} long tasks; main thread busy ${Math.round(r.busyShare * 100)}% of the time; load average ${r.load} on ${cpus} CPUs`;
    rows.push(
      {
        name: `${at} frame interval p95`,
        budget: `≤ ${round(p95Budget)} ms`,
        measured: `${round(r.p95)} ms`,
        pass: r.p95 <= p95Budget,
        note: `${note}; floor ${round(floor.p95)} ms`,
      },
      {
        name: `${at} frame interval median`,
        budget: `≤ ${round(medianBudget)} ms`,
        measured: `${round(r.median)} ms`,
        pass: r.median <= medianBudget,
        note: `floor ${round(floor.median)} ms`,
      },
      {
        name: `${at} busy per frame`,
        budget: `≤ ${BUDGET.busy} ms`,
        measured: `${round(r.busyPerFrame)} ms`,
        pass: r.busyPerFrame <= BUDGET.busy,
        note: `main-thread task time ÷ frames (floor ${round(floor.busyPerFrame)} ms)`,
      },
      {
        name: `${at} longest task`,
        budget: `≤ ${BUDGET.longTask} ms`,
        measured: `${round(r.longest)} ms`,
        pass: r.longest <= BUDGET.longTask,
      },
      {
        name: `${at} pause answers`,
        budget: `≤ ${BUDGET.pause} ms`,
        measured: `${round(r.pause)} ms`,
        pass: r.pause <= BUDGET.pause,
        note: 'from the click on Pause to the next painted frame',
      },
    );
    if (speed === 8 && !SCENARIO && !STRIP && !TOPOLOGY) {
      const chipsMedian = percentile(r.chips, 50);
      rows.push({
        name: 'messages visible',
        budget: `≥ ${BUDGET.messages}`,
        measured: String(chipsMedian),
        pass: chipsMedian >= BUDGET.messages,
        note: `"Whole log" view on; message chips on screen at 8×, median of ${r.chips.length} samples every 500 ms (min ${r.chips[0]}, max ${r.chips.at(-1)}; the run starts 40 s in)`,
      });
    }
  }
} finally {
  await browser.close();
  await server.stop();
}

const result = { when: new Date().toISOString(), scenario: SCENARIO ?? 'heavy', speeds: SPEEDS, playedMs: PLAY_MS, runs, rows };
mkdirSync('bench', { recursive: true });
writeFileSync(
  SCENARIO
    ? `bench/frames-${SCENARIO}.json`
    : STRIP
      ? 'bench/frames-strip.json'
      : TOPOLOGY
        ? 'bench/frames-topology.json'
        : 'bench/frames.json',
  JSON.stringify(result, null, 2) + '\n',
);
for (const r of result.rows)
  console.log(
    `${r.name.padEnd(36)} ${r.budget.padEnd(10)} ${r.measured.padEnd(14)} ${r.pass ? 'pass' : 'FAIL'}${r.note ? `  (${r.note})` : ''}`,
  );
process.exit(result.rows.every((r) => r.pass) ? 0 : 1);
