// Where /simulate's main-thread time goes while the heavy scenario plays with "Whole log" on (as
// bench-frames plays it): records a Chromium trace of a few seconds of play and prints, per frame,
// the main thread's wall-clock busy time and its CPU time (the trace's thread time, which a busy
// machine inflates far less), and the CPU time by trace event (script, style, layout, paint,
// compositing, hit testing, deserialising messages). `--js` adds the hottest JS functions. For
// diagnosis, not a budget: `node scripts/profile-frames.mjs [--speed=1] [--ms=5000] [--js]`.
import { chromium } from '@playwright/test';
import { loadavg } from 'node:os';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { freePort, startStaticServer } from './serve.mjs';

const arg = (name, d) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? d;
const SPEED = arg('speed', '1');
const MS = Number(arg('ms', '5000'));
/** Extra CSS for an experiment (URL-encoded), e.g. turning animations off. */
const CSS = arg('css', '');
const JS = process.argv.includes('--js');
const load = () => loadavg()[0].toFixed(2);

const server = await startStaticServer({ port: await freePort() });
const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${server.url}/simulate?scenario=heavy&seed=1&t=40000`, { waitUntil: 'networkidle' });
  await page.getByTestId('simulator').and(page.locator('[data-ready="true"]')).waitFor();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(SPEED);
  if (!process.argv.includes('--strip') && !process.argv.includes('--topology'))
    await page.getByRole('checkbox', { name: /Whole log/ }).check();
  // --topology: the default strip view with the topology graphs open and in view (as bench-frames --topology).
  if (process.argv.includes('--topology')) {
    const summary = page.getByText('Topology: where messages travel');
    await summary.click();
    await page.getByTestId('kafka-topology').waitFor();
    await summary.scrollIntoViewIfNeeded();
  } else await page.locator('#kafka-lane').scrollIntoViewIfNeeded();
  if (CSS) await page.addStyleTag({ content: decodeURIComponent(CSS) });
  await page.evaluate(() => {
    window.__keepPlaying = setInterval(() => document.querySelector('button[aria-label="Play"]')?.click(), 100);
  });
  // Tracing starts 1 s into play (--from-play: as play starts, as bench-frames measures; the interval
  // above presses Play within 100 ms).
  if (!process.argv.includes('--from-play')) {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(1000);
  }
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  if (JS) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await cdp.send('Tracing.start', {
    categories: `devtools.timeline,disabled-by-default-devtools.timeline,v8,toplevel,blink${process.argv.includes('--invalidations') ? ',disabled-by-default-devtools.timeline.invalidationTracking' : ''}`,
    transferMode: 'ReportEvents',
  });
  const load0 = load();
  const frames = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        let n = 0;
        const end = performance.now() + ms;
        const loop = (now) => (now < end ? (n++, requestAnimationFrame(loop)) : resolve(n));
        requestAnimationFrame(loop);
      }),
    MS,
  );
  await cdp.send('Tracing.end');
  const profile = JS ? (await cdp.send('Profiler.stop')).profile : null;
  await done;
  if (arg('trace-out', '')) (await import('node:fs')).writeFileSync(arg('trace-out', ''), JSON.stringify(events));
  const main = events.find(
    (e) =>
      e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'),
  );
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  onMain.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self CPU time per event name: an event's thread time minus its children's.
  const self = new Map();
  const stack = [];
  let wall = 0;
  let cpu = 0;
  let maxTask = 0;
  /** Tasks over --long ms of CPU (12): their wall and CPU time and self CPU time by event. */
  const long = [];
  let task = null;
  for (const e of onMain) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    const t = Number.isFinite(e.tdur) ? e.tdur : 0;
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - t);
    else {
      wall += e.dur;
      cpu += t;
      task = { at: (e.ts - onMain[0].ts) / 1000, ms: e.dur / 1000, cpu: t / 1000, self: new Map() };
      if (t > Number(arg('long', '12')) * 1000) long.push(task);
      maxTask = Math.max(maxTask, t / 1000);
    }
    if (parent) task.self.set(parent.name, (task.self.get(parent.name) ?? 0) - t);
    task.self.set(e.name, (task.self.get(e.name) ?? 0) + t);
    self.set(e.name, (self.get(e.name) ?? 0) + t);
    stack.push(e);
  }
  console.log(
    `${SPEED}×, ${MS} ms, ${frames} frames; per frame: busy ${(wall / 1000 / frames).toFixed(2)} ms wall, ${(cpu / 1000 / frames).toFixed(2)} ms CPU (${Math.round(cpu / 1000 / (MS / 1000))} ms CPU per second, longest task ${maxTask.toFixed(1)} ms CPU, ${long.length} over 12 ms); load ${load0} → ${load()}`,
  );
  for (const [n, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18))
    console.log(`${(us / 1000 / frames).toFixed(2).padStart(7)} ms/frame  ${n}`);
  for (const l of long)
    console.log(
      `task at ${l.at.toFixed(0)} ms: ${l.ms.toFixed(0)} ms (${l.cpu.toFixed(0)} ms CPU): ${[...l.self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 7)
        .map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`)
        .join(', ')}`,
    );
  if (profile) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const fn = new Map();
    for (let i = 0; i < profile.samples.length; i++) {
      const n = byId.get(profile.samples[i]);
      const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      fn.set(k, (fn.get(k) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    }
    if (arg('profile-out', '')) (await import('node:fs')).writeFileSync(arg('profile-out', ''), JSON.stringify(profile));
    console.log('--- JS self time');
    for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
