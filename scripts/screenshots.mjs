// Screenshots of pages at 1280 px and 390 px, light and dark, for looking at what we build.
// Usage: node scripts/screenshots.mjs [outDir] [/path ...]   (serves out/ itself; run a build first)
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';
import { freePort, startStaticServer } from './serve.mjs';

const [outDir = '/tmp/shots', ...paths] = process.argv.slice(2);
const routes = paths.length ? paths : ['/', '/simulate', '/routing', '/choose', '/no-such-page'];
const executablePath = await findChromium();
if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
mkdirSync(outDir, { recursive: true });

const server = await startStaticServer({ port: await freePort() });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
  for (const route of routes) {
    for (const width of [1280, 390]) {
      for (const theme of ['light', 'dark']) {
        const page = await browser.newPage({ viewport: { width, height: width > 500 ? 900 : 844 }, colorScheme: theme });
        await page.goto(server.url + route, { waitUntil: 'networkidle' });
        // Pages that compute in the browser (the simulator's worker, the quiz's store) mark themselves ready.
        await page.waitForFunction(() =>
          [...document.querySelectorAll('[data-ready]')].every((el) => el.getAttribute('data-ready') === 'true'),
        );
        // Let animations started by that last update settle before the picture.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const name = `${route.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${width}-${theme}.png`;
        await page.screenshot({ path: `${outDir}/${name}`, fullPage: true });
        await page.close();
        console.log(`${outDir}/${name}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
