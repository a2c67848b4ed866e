// Serves the static export (out/) with `serve`, started by its own binary so its PID is the server's.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export function serveBin() {
  const pkg = require.resolve('serve/package.json');
  return path.join(path.dirname(pkg), 'build', 'main.js');
}

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** serve.json: the response headers a host should send (README, "Hosting"), which a meta tag cannot set. */
const CONFIG = fileURLToPath(new URL('../serve.json', import.meta.url));

/** Starts `serve out` on host:port and resolves once it answers. */
export async function startStaticServer({ host = '127.0.0.1', port, dir = 'out', stdio = 'ignore' }) {
  // Links carry their state in the query (up to 100,000 characters on /routing): Node's default
  // 16 KB limit for a request head would refuse them on reload.
  const args = [
    '--max-http-header-size=131072',
    serveBin(),
    dir,
    '--config',
    CONFIG,
    '--no-clipboard',
    '--no-port-switching',
    '-l',
    `tcp://${host}:${port}`,
  ];
  const child = spawn(process.execPath, args, { stdio });
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url + '/');
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`serve did not answer on ${url} within 20 s`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { child, url, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))) };
}
