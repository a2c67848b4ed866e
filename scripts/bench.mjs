// `npm run bench`: build, then measure every budget and print a table (also bench/results.json).
//   --ci   only the deterministic budgets (first-load JS, Lighthouse accessibility / best practices /
//          SEO, one run each); no build (npm test builds first). Exits non-zero when one fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';
import { freePort, startStaticServer } from './serve.mjs';

const ci = process.argv.includes('--ci');
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

const rows = [];
const record = (group, name, budget, measured, pass, note = '') => rows.push({ group, name, budget, measured, pass, note });

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return res.status ?? 1;
}

if (!ci) {
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
  for (const { route, jsBudgetKiB } of ROUTES) {
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
    record('first-load JS (gzip)', route, `≤ ${jsBudgetKiB} KiB`, `${kib} KiB`, kib <= jsBudgetKiB, `${scripts.size} scripts`);
  }
  await browser.close();
} finally {
  await server.stop();
}

// Lighthouse, mobile preset (its default), against the export served on 127.0.0.1.
const lhServer = await startStaticServer({ port: await freePort() });
const lhDir = 'bench/out';
mkdirSync(lhDir, { recursive: true });
try {
  for (const { route } of ROUTES) {
    const scores = Object.fromEntries(Object.keys(LIGHTHOUSE_BUDGETS).map((c) => [c, []]));
    const failedAudits = new Set();
    for (let i = 0; i < RUNS; i++) {
      const outFile = path.join(lhDir, `lh-${route.replace(/\W/g, '') || 'home'}-${i}.json`);
      rmSync(outFile, { force: true });
      const status = run(process.execPath, [
        'node_modules/lighthouse/cli/index.js',
        lhServer.url + route,
        `--chrome-path=${chromePath}`,
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
        `--only-categories=${Object.keys(LIGHTHOUSE_BUDGETS).join(',')}`,
        '--output=json',
        `--output-path=${outFile}`,
        '--quiet',
      ]);
      if (status !== 0 || !existsSync(outFile)) {
        record('lighthouse', `${route} run ${i + 1}`, 'completes', `exit ${status}`, false);
        continue;
      }
      const report = JSON.parse(readFileSync(outFile, 'utf8'));
      for (const cat of Object.keys(LIGHTHOUSE_BUDGETS)) {
        const c = report.categories[cat];
        scores[cat].push(Math.round((c?.score ?? 0) * 100));
        for (const ref of c?.auditRefs ?? []) {
          const a = report.audits[ref.id];
          if (ref.weight > 0 && a && a.score !== null && a.score < 1 && cat !== 'performance') failedAudits.add(`${cat}:${ref.id}`);
        }
      }
    }
    for (const [cat, budget] of Object.entries(LIGHTHOUSE_BUDGETS)) {
      const list = scores[cat].slice().sort((a, b) => a - b);
      const median = list.length ? list[Math.floor(list.length / 2)] : 0;
      const note = [...failedAudits]
        .filter((f) => f.startsWith(cat + ':'))
        .map((f) => f.split(':')[1])
        .join(', ');
      record(
        `lighthouse ${cat}`,
        route,
        `≥ ${budget}`,
        `${median}${RUNS > 1 ? ` (median of ${list.length}: ${list.join('/')})` : ''}`,
        median >= budget,
        note,
      );
    }
  }
} finally {
  await lhServer.stop();
}

if (!ci) {
  // Engine and page timings: noisy on a shared 2-core machine, so they live here and not in npm test.
  for (const [script, file, label, args = []] of [
    ['scripts/bench-engine.ts', 'bench/engine.json', 'engine'],
    ['scripts/bench-frames.mjs', 'bench/frames.json', 'simulate frames'],
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

const width = (k) => Math.max(...rows.map((r) => String(r[k]).length), k.length);
const cols = ['group', 'name', 'budget', 'measured'];
const line = (r) =>
  cols.map((k) => String(r[k]).padEnd(width(k))).join('  ') + `  ${r.pass ? 'pass' : 'FAIL'}${r.note ? `  (${r.note})` : ''}`;
console.log('\n' + line({ group: 'group', name: 'name', budget: 'budget', measured: 'measured', pass: true }).replace(/pass$/, 'result'));
for (const r of rows) console.log(line(r));
mkdirSync('bench', { recursive: true });
writeFileSync(
  ci ? 'bench/budgets-ci.json' : 'bench/results.json',
  JSON.stringify({ when: new Date().toISOString(), rows }, null, 2) + '\n',
);
const failed = rows.filter((r) => !r.pass);
console.log(`\n${rows.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
