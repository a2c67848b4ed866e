// `npm start`: build when out/ is missing or older than the sources, then serve it on :3000.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from './serve.mjs';

const SOURCES = [
  'app',
  'components',
  'lib',
  'simulator',
  'public',
  'next.config.ts',
  'package.json',
  'package-lock.json',
  'postcss.config.mjs',
  'scripts/postbuild.mjs',
];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

const builtAt = existsSync('out/index.html') ? statSync('out/index.html').mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map(newestMtime));
if (builtAt < sourcesAt) {
  console.log(builtAt ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? 'localhost';
const server = await startStaticServer({ host, port, stdio: 'inherit' });
console.log(`Kafka vs RabbitMQ is served on http://localhost:${port} (Ctrl+C to stop)`);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.stop().then(() => process.exit(0)));
