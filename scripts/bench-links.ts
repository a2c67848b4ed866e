// Opening the heaviest links /simulate accepts (issue #20's repros, each within every cap of the
// schema): the longest main-thread task from navigation until the page is ready, has said whether the
// run is too heavy, and has had 2 s more to settle (the engine keeps working in its worker meanwhile).
// Then, on the same page, the longest task while the charts panel opens and draws (and 1 s after): at
// most 50 ms on an idle machine (issue #20 item 5: no scenario blocks input for more than 50 ms at a
// time), stretched by how oversubscribed the CPUs are (load average ÷ CPUs, as e2e answerBudgetMs does),
// so the neighbours' load never fails it; the idle figure and the load are printed beside it. A second
// row holds the CPU time of the longest task (Chrome's trace: thread time, not wall time) to 50 ms: what
// that task takes when the machine is idle, whatever the load now.
// Writes bench/links.json. Run after a build: `npx tsx scripts/bench-links.ts` (serves out/ itself).
import { chromium, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import * as hostile from '../e2e/fixtures/hostile-scenarios';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';
import { freePort, startStaticServer } from './serve.mjs';

const BUDGET_MS = 200;
const CHARTS_BUDGET_MS = 50;
const SETTLE_MS = 2000;
const CHARTS_SETTLE_MS = 1000;
const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');
// The page's own start (hydration, the default scenario) for comparison: not one of the links.
const BASELINE = { name: 'for comparison: /simulate with its default scenario', url: '/simulate', tooHeavy: false };
// The built-in scenario with the most lines in its charts: its charts are measured too (not its opening).
const HEAVY = { name: 'the heavy scenario', url: '/simulate?scenario=heavy', tooHeavy: false };
const LINKS: { name: string; url: string; tooHeavy: boolean }[] = [
  { name: 'item 5: 128 Kafka consumers polling every 1 ms', url: `/simulate?custom=${b64(hostile.pollStorm())}`, tooHeavy: true },
  {
    name: 'item 5 at the caps: 8 topics × 64 partitions, 8 groups of 16 consumers polling every 1 ms',
    url: `/simulate?custom=${b64(hostile.pollStormAtTheCaps())}`,
    // Not too heavy: its whole run is under the work budget (the lanes' size is what it tests).
    tooHeavy: false,
  },
  { name: 'item 5: 16 fanout queues flooded', url: `/simulate?custom=${b64(hostile.fanoutFlood())}`, tooHeavy: true },
  { name: 'item 5: 32 consumers nack-requeueing', url: `/simulate?custom=${b64(hostile.nackRequeueStorm())}`, tooHeavy: true },
  { name: 'item 4: 1 ms TTL dead-letter ping-pong', url: `/simulate?custom=${b64(hostile.ttlDeadLetterStack())}`, tooHeavy: false },
  { name: 'item 3: dead-letter fan-out over 16 queues', url: `/simulate?custom=${b64(hostile.deadLetterFanOut(16))}`, tooHeavy: true },
];

const executablePath = await findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}

/** Longest main-thread task (ms) while opening `url`, and the tasks over 50 ms. */
async function open(page: Page, base: string, url: string, tooHeavy: boolean) {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  // The links are longer than Node's server takes in a request head: fetch the page by its path.
  await page.route(
    (u) => u.pathname === '/simulate' && u.search.length > 0,
    async (route) => route.fulfill({ response: await page.request.get(`${base}/simulate`) }),
  );
  await page.goto(base + url);
  await page.locator('[data-testid="simulator"][data-ready="true"]').waitFor({ timeout: 60_000 });
  if (tooHeavy) await page.getByTestId('simulator').getByRole('alert').filter({ hasText: 'Too heavy' }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(SETTLE_MS);
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  return { longest: Math.round(Math.max(0, ...tasks)), count: tasks.length };
}

/**
 * The main thread's CPU time (ms) in its longest-running task, from a Chrome trace: what the task would
 * take on an idle machine, where wall time and CPU time agree (on a busy one the wall time also holds
 * the time other processes had the CPU).
 */
function longestTaskCpuMs(trace: Buffer): number {
  type TraceEvent = { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return NaN;
  let longest = 0;
  for (const e of events)
    if (e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
      longest = Math.max(longest, (e.tdur ?? 0) / 1000);
  return Math.round(longest);
}

/** Longest main-thread task (ms) from pressing "Show charts" until every chart is drawn and 1 s more, and its CPU time. */
async function openCharts(page: Page) {
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  const load = loadavg()[0]!;
  await page
    .context()
    .browser()!
    .startTracing(page, { categories: ['toplevel'] });
  // Pressed where it is, without scrolling: scrolling there opens the panel by itself.
  await page.getByRole('button', { name: /^Show charts/ }).evaluate((b: HTMLElement) => b.click());
  await page.getByTestId('charts').locator('[data-drawn="all"]').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(CHARTS_SETTLE_MS);
  const cpu = longestTaskCpuMs(await page.context().browser()!.stopTracing());
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  return { longest: Math.round(Math.max(0, ...tasks)), count: tasks.length, load: Math.max(load, loadavg()[0]!), cpu };
}

const server = await startStaticServer({ port: await freePort() });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const measured: { name: string; longest: number; count: number }[] = [];
const charts: { name: string; longest: number; count: number; load: number; cpu: number }[] = [];
let baseline = { longest: 0, count: 0 };
try {
  for (const link of [...LINKS, HEAVY]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const opened = await open(page, server.url, link.url, link.tooHeavy);
    if (link !== HEAVY) measured.push({ name: link.name, ...opened });
    charts.push({ name: link.name, ...(await openCharts(page)) });
    await page.close();
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  baseline = await open(page, server.url, BASELINE.url, false);
  await page.close();
} finally {
  await browser.close();
  await server.stop();
}

const worst = measured.reduce((a, b) => (b.longest > a.longest ? b : a));
const load = loadavg()[0]!.toFixed(1);
const cpus = availableParallelism();
/** The charts' budget under `load`: 50 ms on an idle machine, × load ÷ CPUs when they are oversubscribed. */
const chartsBudget = (load: number) => Math.round(CHARTS_BUDGET_MS * Math.max(1, load / cpus));
const chartsOver = (c: (typeof charts)[number]) => c.longest - chartsBudget(c.load);
const worstCharts = charts.reduce((a, b) => (chartsOver(b) > chartsOver(a) ? b : a));
const chartsRow = (c: (typeof charts)[number], name: string, note: string) => ({
  name,
  budget: `≤ ${chartsBudget(c.load)} ms`,
  measured: `${c.longest} ms`,
  pass: c.longest <= chartsBudget(c.load),
  note: `${note}load average ${c.load.toFixed(1)} on ${cpus} CPUs (${CHARTS_BUDGET_MS} ms idle × ${Math.max(1, c.load / cpus).toFixed(2)}); ${c.count} tasks over 50 ms; the longest task's CPU time ${c.cpu} ms`,
});
const worstCpu = charts.reduce((a, b) => (b.cpu > a.cpu ? b : a));
const rows = [
  chartsRow(worstCharts, 'longest main-thread task while opening the charts on the heaviest link', `${worstCharts.name}; `),
  {
    name: 'main-thread CPU time of the longest task while opening the charts (the idle machine’s wall time)',
    budget: `≤ ${CHARTS_BUDGET_MS} ms`,
    measured: `${worstCpu.cpu} ms`,
    pass: worstCpu.cpu <= CHARTS_BUDGET_MS,
    note: `${worstCpu.name}; from a Chrome trace, load average ${worstCpu.load.toFixed(1)}`,
  },
  {
    name: 'longest main-thread task opening the heaviest allowed link',
    budget: `≤ ${BUDGET_MS} ms`,
    measured: `${worst.longest} ms`,
    pass: worst.longest <= BUDGET_MS,
    note: `${worst.name}; load average ${load}`,
  },
  {
    name: BASELINE.name,
    budget: '(none)',
    measured: `${baseline.longest} ms`,
    pass: true,
    note: `${baseline.count} tasks over 50 ms`,
  },
  ...measured.map((m) => ({
    name: `longest task opening: ${m.name}`,
    budget: `≤ ${BUDGET_MS} ms`,
    measured: `${m.longest} ms`,
    pass: m.longest <= BUDGET_MS,
    note: `${m.count} tasks over 50 ms`,
  })),
  ...charts.map((c) => chartsRow(c, `longest task opening the charts: ${c.name}`, '')),
];
for (const r of rows) console.log(`${r.name}: ${r.measured} (${r.budget}) ${r.pass ? 'pass' : 'FAIL'}  ${r.note}`);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/links.json', JSON.stringify({ when: new Date().toISOString(), rows }, null, 2) + '\n');
process.exit(rows.every((r) => r.pass) ? 0 : 1);
