// `npm run bench`: build, then measure every budget and print a table (also bench/results.json).
//   --ci   only the deterministic budgets (first-load JS, Lighthouse accessibility / best practices /
//          SEO, one run each); no build (npm test builds first). Exits non-zero when one fails.
//   --pages  first-load JS and Lighthouse (all categories, with the floor page beside each route) on
//          the current build: no build, engine or frame timings. Writes bench/pages.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';
import { freePort, startStaticServer } from './serve.mjs';

const ci = process.argv.includes('--ci');
// --pages: first-load JS and Lighthouse with its floor only (no build, engine or frames), for iterating on a page.
const pagesOnly = process.argv.includes('--pages');
const ROUTES = [
  { route: '/', jsBudgetKiB: 140 },
  { route: '/simulate', jsBudgetKiB: 200 },
  { route: '/routing', jsBudgetKiB: 170 },
  { route: '/choose', jsBudgetKiB: 170 },
];
const LIGHTHOUSE_BUDGETS = ci
  ? { accessibility: 100, 'best-practices': 100, seo: 100 }
  : { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };
const RUNS = ci ? 1 : 3;
/**
 * The floor: an empty page of the same build (app/bench-floor), measured in the same run, between the
 * routes. A busy machine slows it as much as the routes, so a route's performance budget is 98 or the
 * floor's score less FLOOR_MARGIN, whichever is lower: what the page itself costs, not the machine's load.
 */
const FLOOR = '/bench-floor';
const FLOOR_MARGIN = 2;
/** Lighthouse's timings, reported for each route beside the floor's. */
const TIMINGS = [
  ['FCP', 'first-contentful-paint', 'ms'],
  ['LCP', 'largest-contentful-paint', 'ms'],
  ['TBT', 'total-blocking-time', 'ms'],
  ['SI', 'speed-index', 'ms'],
  ['CLS', 'cumulative-layout-shift', ''],
];
/** Total blocking time a route may add to the floor's (median against median). */
const TBT_OVER_FLOOR_MS = 100;

const rows = [];
const loadAtStart = loadavg()[0].toFixed(2);
const record = (group, name, budget, measured, pass, note = '') => rows.push({ group, name, budget, measured, pass, note });

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return res.status ?? 1;
}

if (!ci && !pagesOnly) {
  if (run('npm', ['run', 'build']) !== 0) process.exit(1);
}
if (!existsSync('out/index.html')) {
  console.error('No build in out/: run `npm run build` first.');
  process.exit(1);
}

// First-load JS: every script the page fetches in Chromium before any interaction (the page open
// at 390 px until the network is idle), gzipped. Chunks fetched later (the charts when they near
// the screen) and by the simulator's engine worker for itself (it runs off the main thread) do not
// count, nor does the code of the other pages that Next prefetches for the nav links: its route
// fetches are refused here.
const chromePath = await findChromium();
if (!chromePath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
const server = await startStaticServer({ port: await freePort() });
try {
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
  for (const { route, jsBudgetKiB } of [...ROUTES, { route: FLOOR, jsBudgetKiB: null }]) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const scripts = new Set();
    await page.route('**/*', (r) => (r.request().resourceType() === 'fetch' ? r.abort() : r.continue()));
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await page.goto(server.url + route, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    await page.close();
    const bytes = [...scripts].reduce(
      (sum, src) => sum + gzipSync(readFileSync(path.join('out', decodeURIComponent(src))), { level: 9 }).length,
      0,
    );
    const kib = Math.round((bytes / 1024) * 10) / 10;
    if (jsBudgetKiB === null)
      record('first-load JS (gzip)', `${route} (floor)`, '—', `${kib} KiB`, true, `${scripts.size} scripts: the framework and the layout`);
    else record('first-load JS (gzip)', route, `≤ ${jsBudgetKiB} KiB`, `${kib} KiB`, kib <= jsBudgetKiB, `${scripts.size} scripts`);
  }
  await browser.close();
} finally {
  await server.stop();
}

// Lighthouse, mobile preset (its default), against the export served on 127.0.0.1.
const lhServer = await startStaticServer({ port: await freePort() });
const lhDir = 'bench/out';
mkdirSync(lhDir, { recursive: true });
/**
 * One Lighthouse run of a page: the scores of `categories` (0–100) and the timings, or null when it
 * failed. A run Lighthouse itself reports as broken (a runtime error such as NO_NAVSTART: the trace of
 * the load was not recorded, so it has no scores) is run again, up to twice.
 */
function lighthouse(route, i, categories, tries = 3) {
  const outFile = path.join(lhDir, `lh-${route.replace(/\W/g, '') || 'home'}-${i}.json`);
  rmSync(outFile, { force: true });
  const status = run(process.execPath, [
    'node_modules/lighthouse/cli/index.js',
    lhServer.url + route,
    `--chrome-path=${chromePath}`,
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    `--only-categories=${categories.join(',')}`,
    '--output=json',
    `--output-path=${outFile}`,
    '--quiet',
  ]);
  const report = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : null;
  if ((status !== 0 || !report || report.runtimeError) && tries > 1) {
    console.error(`Lighthouse ${route}: ${report?.runtimeError?.code ?? `exit ${status}`}; running it again.`);
    return lighthouse(route, i, categories, tries - 1);
  }
  if (status !== 0 || !report) return { status };
  const scores = {};
  const failed = [];
  for (const cat of categories) {
    const c = report.categories[cat];
    scores[cat] = Math.round((c?.score ?? 0) * 100);
    for (const ref of c?.auditRefs ?? []) {
      const a = report.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1 && cat !== 'performance') failed.push(`${cat}:${ref.id}`);
    }
  }
  const timings = Object.fromEntries(TIMINGS.map(([name, id]) => [name, report.audits[id]?.numericValue ?? NaN]));
  return { status, scores, timings, failed };
}

const median = (list) => {
  const sorted = list.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};
const showTimings = (t) =>
  TIMINGS.map(
    ([name, , unit]) => `${name} ${unit === 'ms' ? `${Math.round(t[name])} ms` : (Math.round(t[name] * 1000) / 1000).toString()}`,
  ).join(' · ');

try {
  // Round-robin: run 1 of every page, then run 2…, so a burst of load hits the floor and the routes alike.
  const pages = [...(ci ? [] : [{ route: FLOOR, floor: true }]), ...ROUTES];
  const results = new Map(pages.map((p) => [p.route, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const { route, floor } of pages) {
      const r = lighthouse(route, i, floor ? ['performance'] : Object.keys(LIGHTHOUSE_BUDGETS));
      if (!r.scores) record('lighthouse', `${route} run ${i + 1}`, 'completes', `exit ${r.status}`, false);
      else results.get(route).push(r);
    }
  }
  const summary = (route) => {
    const runs = results.get(route) ?? [];
    return {
      runs,
      score: (cat) => median(runs.map((r) => r.scores[cat])),
      list: (cat) => runs.map((r) => r.scores[cat]).join('/'),
      timings: Object.fromEntries(TIMINGS.map(([name]) => [name, median(runs.map((r) => r.timings[name]))])),
    };
  };
  const floor = ci ? null : summary(FLOOR);
  if (floor) {
    record(
      'lighthouse floor',
      FLOOR,
      '—',
      `performance ${floor.score('performance')} (${floor.list('performance')})`,
      true,
      showTimings(floor.timings),
    );
  }
  for (const { route } of ROUTES) {
    const s = summary(route);
    const failedAudits = new Set(s.runs.flatMap((r) => r.failed));
    for (const [cat, absolute] of Object.entries(LIGHTHOUSE_BUDGETS)) {
      const budget = cat === 'performance' && floor ? Math.min(absolute, floor.score('performance') - FLOOR_MARGIN) : absolute;
      const got = s.score(cat);
      const note = [...failedAudits]
        .filter((f) => f.startsWith(cat + ':'))
        .map((f) => f.split(':')[1])
        .join(', ');
      const measured = `${Number.isFinite(got) ? got : 'none'}${RUNS > 1 ? ` (median of ${s.runs.length}: ${s.list(cat)})` : ''}`;
      const budgetText =
        cat === 'performance' && floor ? `≥ ${budget} (98, or the floor ${floor.score('performance')} − ${FLOOR_MARGIN})` : `≥ ${budget}`;
      record(`lighthouse ${cat}`, route, budgetText, measured, got >= budget, note);
    }
    if (floor) {
      const over = s.timings.TBT - floor.timings.TBT;
      record(
        'lighthouse timings',
        route,
        `TBT ≤ floor + ${TBT_OVER_FLOOR_MS} ms`,
        showTimings(s.timings),
        over <= TBT_OVER_FLOOR_MS,
        `medians; the page adds ${Math.round(s.timings.LCP - floor.timings.LCP)} ms LCP and ${Math.round(over)} ms TBT to the floor's`,
      );
    }
  }
} finally {
  await lhServer.stop();
}

if (!ci && !pagesOnly) {
  // Engine and page timings: noisy on a shared 2-core machine, so they live here and not in npm test.
  for (const [script, file, label, args = []] of [
    ['scripts/bench-engine.ts', 'bench/engine.json', 'engine'],
    ['scripts/bench-frames.mjs', 'bench/frames.json', 'simulate frames'],
    // The default view (one strip per partition, markers, flights), as most visitors watch it.
    ['scripts/bench-frames.mjs', 'bench/frames-strip.json', 'simulate frames', ['--strip']],
    // The same with the topology graphs open and in view: messages moving along their edges (#19, point 8).
    ['scripts/bench-frames.mjs', 'bench/frames-topology.json', 'simulate frames', ['--topology']],
    // The heaviest cluster scenario (#16): three partitions on three brokers, replica tables and the ledger.
    ['scripts/bench-frames.mjs', 'bench/frames-acks-all-leader-dies.json', 'simulate frames', ['--scenario=acks-all-leader-dies']],
    ['scripts/bench-links.ts', 'bench/links.json', 'simulate hostile links'],
  ]) {
    if (!existsSync(script)) {
      record(label, script, 'exists', 'missing', false);
      continue;
    }
    const runner = script.endsWith('.ts') ? ['node_modules/tsx/dist/cli.mjs', '--expose-gc', script] : [script, ...args];
    const startedAt = Date.now();
    const status = run(process.execPath, runner);
    // A script that misses its own budget still writes its rows (and exits non-zero): show them.
    if (!existsSync(file) || statSync(file).mtimeMs < startedAt) {
      record(label, script, 'runs', `exit ${status}`, false);
      continue;
    }
    for (const r of JSON.parse(readFileSync(file, 'utf8')).rows ?? []) record(label, r.name, r.budget, r.measured, r.pass, r.note ?? '');
  }

  // Audit needs the registry's advisory endpoint; where it does not answer, say so rather than fail.
  const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 60_000 });
  let parsed = null;
  try {
    parsed = JSON.parse(audit.stdout);
  } catch {
    parsed = null;
  }
  const vulns = parsed?.metadata?.vulnerabilities;
  if (vulns) {
    const bad = (vulns.high ?? 0) + (vulns.critical ?? 0);
    record('npm audit --omit=dev', 'high + critical', '0', String(bad), bad === 0);
  } else {
    const why = parsed?.message ?? (audit.stderr || 'no answer').split('\n').find((l) => l.trim()) ?? 'no answer';
    record('npm audit --omit=dev', 'high + critical', '0', 'not measured', true, `registry did not answer audit requests: ${why}`);
  }
}

// Every figure above moves with the machine's load: say what it was.
record(
  'machine',
  'load average (1 min)',
  '—',
  `${loadAtStart} at the start, ${loadavg()[0].toFixed(2)} at the end`,
  true,
  `${availableParallelism()} CPUs`,
);

const width = (k) => Math.max(...rows.map((r) => String(r[k]).length), k.length);
const cols = ['group', 'name', 'budget', 'measured'];
const line = (r) =>
  cols.map((k) => String(r[k]).padEnd(width(k))).join('  ') + `  ${r.pass ? 'pass' : 'FAIL'}${r.note ? `  (${r.note})` : ''}`;
console.log('\n' + line({ group: 'group', name: 'name', budget: 'budget', measured: 'measured', pass: true }).replace(/pass$/, 'result'));
for (const r of rows) console.log(line(r));
mkdirSync('bench', { recursive: true });
writeFileSync(
  ci ? 'bench/budgets-ci.json' : pagesOnly ? 'bench/pages.json' : 'bench/results.json',
  JSON.stringify({ when: new Date().toISOString(), rows }, null, 2) + '\n',
);
const failed = rows.filter((r) => !r.pass);
console.log(`\n${rows.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
