// `npm run test:e2e`: serve the built site on a free 127.0.0.1 port, run Playwright, always stop the server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';
import { freePort, startStaticServer } from './serve.mjs';

if (!existsSync('out/index.html')) {
  console.error('No build in out/: run `npm run build` first (npm test does this for you).');
  process.exit(1);
}
const chromiumPath = await findChromium();
if (!chromiumPath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}

const server = await startStaticServer({ port: await freePort() });
let code = 1;
try {
  const runner = spawn(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, BASE_URL: server.url, CHROMIUM_PATH: chromiumPath },
  });
  const stopRunner = () => runner.kill('SIGINT');
  process.on('SIGINT', stopRunner);
  process.on('SIGTERM', stopRunner);
  code = await new Promise((resolve) => runner.on('exit', (c) => resolve(c ?? 1)));
} finally {
  await server.stop();
}
process.exit(code);
