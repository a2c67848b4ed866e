// `npm run fuzz`: the unit suite's fast-check properties with fresh random seeds and many more runs,
// round after round, until the time is up or a property fails. `npm test` runs the same properties
// with one fixed seed (tests/support/property.ts); this is the search that finds new counterexamples.
// A failure prints the command that replays it; keep the counterexample as an explicit example next
// to its property (see the regression cases in tests/simulator/engine-vs-classic-queue.test.ts).
//
//   npm run fuzz                          5 minutes, 10× the runs of npm test
//   npm run fuzz -- --minutes 30 --factor 20
//   npm run fuzz -- tests/simulator       only the property files under a path
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  const n = Number(value);
  if (!(n > 0)) {
    console.error(`--${name} takes a positive number, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return n;
};
const minutes = option('minutes', 5);
const factor = option('factor', 10);
const roots = args.length > 0 ? args : ['tests', 'lib', 'simulator', 'components'];

/** Test files that hold at least one fast-check property. */
function propertyFiles(dir) {
  if (!statSync(dir, { throwIfNoEntry: false })) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : propertyFiles(p);
    return p.endsWith('.test.ts') && /\bfc\.assert\(/.test(readFileSync(p, 'utf8')) ? [p] : [];
  });
}

const files = roots.flatMap(propertyFiles);
if (files.length === 0) {
  console.error(`No property tests under ${roots.join(', ')}`);
  process.exit(2);
}
console.log(`fuzz: ${files.length} property files, ${factor}× the runs of npm test, for ${minutes} min`);

const work = mkdtempSync(path.join(tmpdir(), 'kvr-fuzz-'));
const deadline = Date.now() + minutes * 60_000;
let round = 0;
let failed = false;
try {
  while (Date.now() < deadline && !failed) {
    round++;
    const seed = randomInt(-(2 ** 31), 2 ** 31);
    const report = path.join(work, `round-${round}.json`);
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`, ...files],
      {
        env: { ...process.env, FC_SEED: String(seed), FC_RUNS_FACTOR: String(factor) },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let results;
    try {
      results = JSON.parse(readFileSync(report, 'utf8'));
    } catch {
      console.error(run.stdout, run.stderr);
      console.error(`fuzz: round ${round} (FC_SEED=${seed}) did not produce a report (exit ${run.status})`);
      process.exit(1);
    }
    const failures = results.testResults.flatMap((file) =>
      file.assertionResults.filter((t) => t.status === 'failed').map((t) => ({ file: path.relative(process.cwd(), file.name), test: t })),
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`fuzz: round ${round}, FC_SEED=${seed}: ${results.numPassedTests} passed, ${failures.length} failed (${seconds} s)`);
    for (const { file, test } of failures) {
      failed = true;
      const message = (test.failureMessages[0] ?? '').split('\n');
      const where = message.find((l) => /seed: -?\d+/.test(l)) ?? '';
      console.log(`\n✗ ${file} › ${test.fullName}\n  ${where.trim()}`);
      for (const line of message.filter((l) => /^Counterexample|Property failed/.test(l)).slice(0, 2))
        console.log(`  ${line.slice(0, 2000)}`);
      console.log(`  replay: FC_SEED=${seed} FC_RUNS_FACTOR=${factor} npx vitest run ${file} -t ${JSON.stringify(test.title)}`);
    }
    if (run.status !== 0 && failures.length === 0) {
      console.error(run.stdout.slice(-4000), run.stderr.slice(-4000));
      console.error(`fuzz: round ${round} failed outside a property (exit ${run.status})`);
      process.exit(1);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) {
  console.log('\nKeep each counterexample as an explicit example next to its property, then fix what it found.');
  process.exit(1);
}
console.log(`fuzz: ${round} rounds, no counterexample`);
