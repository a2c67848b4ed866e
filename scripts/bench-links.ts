// Opening the heaviest links /simulate accepts (issue #20's repros, each within every cap of the
// schema): the longest main-thread task from navigation until the page is ready, has said whether the
// run is too heavy, and has had 2 s more to settle (the engine keeps working in its worker meanwhile).
// Writes bench/links.json. Run after a build: `npx tsx scripts/bench-links.ts` (serves out/ itself).
import { chromium, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as hostile from '../e2e/fixtures/hostile-scenarios';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';
import { freePort, startStaticServer } from './serve.mjs';

const BUDGET_MS = 200;
const SETTLE_MS = 2000;
const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');
// The page's own start (hydration, the default scenario) for comparison: not one of the links.
const BASELINE = { name: 'for comparison: /simulate with its default scenario', url: '/simulate', tooHeavy: false };
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

const server = await startStaticServer({ port: await freePort() });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const measured: { name: string; longest: number; count: number }[] = [];
let baseline = { longest: 0, count: 0 };
try {
  for (const link of LINKS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    measured.push({ name: link.name, ...(await open(page, server.url, link.url, link.tooHeavy)) });
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
const rows = [
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
];
for (const r of rows) console.log(`${r.name}: ${r.measured} (${r.budget}) ${r.pass ? 'pass' : 'FAIL'}  ${r.note}`);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/links.json', JSON.stringify({ when: new Date().toISOString(), rows }, null, 2) + '\n');
process.exit(rows.every((r) => r.pass) ? 0 : 1);
