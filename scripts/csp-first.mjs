// After `next build`: move each exported page's Content-Security-Policy meta tag to the top of
// <head>. A CSP meta tag only governs what comes after it, and Next puts its own <link> and
// <script> tags before the tags a layout renders.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*\/?>/i;

export function moveCspFirst(html) {
  const tag = CSP_META.exec(html)?.[0];
  if (!tag) return null;
  const without = html.replace(tag, '');
  return without.replace(/<head([^>]*)>/i, (open) => open + tag);
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

const dir = process.argv[2] ?? 'out';
let moved = 0;
const missing = [];
for (const file of htmlFiles(dir)) {
  const next = moveCspFirst(readFileSync(file, 'utf8'));
  if (next === null) missing.push(file);
  else {
    writeFileSync(file, next);
    moved++;
  }
}
if (missing.length) {
  console.error(`csp-first: no Content-Security-Policy meta tag in ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`csp-first: the CSP meta tag now leads <head> in ${moved} pages`);
