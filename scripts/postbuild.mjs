// After `next build`, two edits to every exported page:
// 1. Move the Content-Security-Policy meta tag to the top of <head>. A CSP meta tag only governs
//    what comes after it, and Next puts its own <link> and <script> tags before the tags a layout
//    renders.
// 2. Start loading the page's scripts once the first paint is on screen instead of from <head>.
//    The HTML holds the whole page, so the reader sees it at once; the JavaScript (hydration: theme
//    toggle, simulator, playgrounds) then arrives without competing with the first paint for the
//    network and the main thread. A fallback timer loads them anyway when no paint is reported
//    within a second (a hidden tab, a browser without paint timing).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*\/?>/i;

export function moveCspFirst(html) {
  const tag = CSP_META.exec(html)?.[0];
  if (!tag) return null;
  const without = html.replace(tag, '');
  return without.replace(/<head([^>]*)>/i, (open) => open + tag);
}

const ASYNC_SCRIPT = /<script src="([^"]+)" async=""><\/script>/g;
const SCRIPT_PRELOAD = /<link rel="preload" as="script"[^>]*href="([^"]+)"[^>]*\/?>/g;

/** Replaces the page's async script tags (and their preloads) by one loader that runs after the first paint. */
export function loadScriptsAfterPaint(html) {
  const srcs = [...html.matchAll(ASYNC_SCRIPT)].map((m) => m[1]);
  if (srcs.length === 0 || !html.includes('</body>')) return html;
  const loader =
    '<script>(function(){var started=false;function load(){if(started)return;started=true;' +
    `${JSON.stringify(srcs)}.forEach(function(src){var s=document.createElement("script");s.src=src;s.async=true;document.body.appendChild(s)})}` +
    'try{new PerformanceObserver(function(l,o){o.disconnect();setTimeout(load,0)}).observe({type:"paint",buffered:true})}catch(e){}setTimeout(load,1000)})()</script>';
  return html
    .replace(ASYNC_SCRIPT, '')
    .replace(SCRIPT_PRELOAD, (tag, href) => (srcs.includes(href) ? '' : tag))
    .replace('</body>', loader + '</body>');
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'out';
  let done = 0;
  const missing = [];
  for (const file of htmlFiles(dir)) {
    const moved = moveCspFirst(readFileSync(file, 'utf8'));
    if (moved === null) missing.push(file);
    else {
      writeFileSync(file, loadScriptsAfterPaint(moved));
      done++;
    }
  }
  if (missing.length) {
    console.error(`postbuild: no Content-Security-Policy meta tag in ${missing.join(', ')}`);
    process.exit(1);
  }
  console.log(`postbuild: ${done} pages with the CSP meta tag first and scripts loading after the first paint`);
}
