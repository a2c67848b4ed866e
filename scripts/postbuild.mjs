// After `next build`, three edits to every exported page:
// 1. Put the Content-Security-Policy meta tag (lib/csp.ts) at the top of <head>. A CSP meta tag
//    only governs what comes after it, and Next puts its own <link> and <script> tags first. The
//    layout renders no CSP tag in production: React would see the hashes added below as a changed
//    tag and insert a second one (without them) when it hydrates.
// 2. Start loading the page's scripts once the first paint is on screen instead of from <head>.
//    The HTML holds the whole page, so the reader sees it at once; the JavaScript (hydration: theme
//    toggle, simulator, playgrounds) then arrives without competing with the first paint for the
//    network and the main thread. A fallback timer loads them anyway when no paint is reported
//    within a second (a hidden tab, a browser without paint timing).
// 3. Allow the page's inline scripts by hash: add the SHA-256 of each one to the CSP's script-src
//    (which has no 'unsafe-inline'), so an injected inline script does not run.
// 4. Give the link-preview images (app/**/opengraph-image.tsx, drawn at build time) a .png name, so
//    any static host serves them as image/png, and point the pages' og:image / twitter:image at it.
// Run with tsx (`npm run build`), which reads lib/csp.ts.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../lib/csp.ts';

const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*\/?>/gi;

/** The page with the CSP meta tag for `policy` first in <head> (any other CSP tag removed); null without a <head>. */
export function insertCsp(html, policy) {
  if (!/<head[^>]*>/i.test(html)) return null;
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}"/>`;
  return html.replace(CSP_META, '').replace(/<head([^>]*)>/i, (open) => open + tag);
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

/** Inline scripts: a <script> without src, with whatever it holds up to the first </script>. */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The CSP source for a script body: 'sha256-<base64 of the SHA-256 of its UTF-8 text>'. */
export function scriptHash(body) {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/** Adds the hash of every inline script to the CSP meta tag's script-src (and drops any 'unsafe-inline' there). */
export function hashInlineScripts(html) {
  const hashes = [...new Set([...html.matchAll(INLINE_SCRIPT)].map((m) => scriptHash(m[1])))];
  return html.replace(CSP_META, (tag) =>
    tag.replace(/content="([^"]*)"/, (_, content) => {
      const policy = content
        .replace(/&#x27;|&#39;/g, "'")
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const [name, ...sources] = d.split(/\s+/);
          if (name !== 'script-src') return d;
          return [name, ...new Set([...sources.filter((x) => x !== "'unsafe-inline'"), ...hashes])].join(' ');
        })
        .join('; ');
      return `content="${policy}"`;
    }),
  );
}

function filesEndingIn(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return filesEndingIn(p, ext);
    return name.endsWith(ext) ? [p] : [];
  });
}
const htmlFiles = (dir) => filesEndingIn(dir, '.html');

/** The preview image's address with its new name: `…/opengraph-image?hash` → `…/opengraph-image.png?hash`. */
export function pngPreviewUrls(text) {
  return text.replace(/\/opengraph-image(?=[?"])/g, '/opengraph-image.png');
}

/** Renames every `opengraph-image` file to `opengraph-image.png` and rewrites the pages (HTML and RSC payloads) that name it. */
function renamePreviewImages(dir) {
  const images = filesEndingIn(dir, 'opengraph-image');
  for (const file of images) renameSync(file, `${file}.png`);
  if (images.length === 0) return 0;
  for (const file of [...htmlFiles(dir), ...filesEndingIn(dir, '.txt')]) {
    const text = readFileSync(file, 'utf8');
    const next = pngPreviewUrls(text);
    if (next !== text) writeFileSync(file, next);
  }
  return images.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'out';
  const previews = renamePreviewImages(dir);
  let done = 0;
  const missing = [];
  for (const file of htmlFiles(dir)) {
    const withCsp = insertCsp(readFileSync(file, 'utf8'), contentSecurityPolicy(false));
    if (withCsp === null) missing.push(file);
    else {
      writeFileSync(file, hashInlineScripts(loadScriptsAfterPaint(withCsp)));
      done++;
    }
  }
  if (missing.length) {
    console.error(`postbuild: no <head> in ${missing.join(', ')}`);
    process.exit(1);
  }
  console.log(
    `postbuild: ${done} pages with the CSP meta tag first, inline scripts allowed by hash, scripts loading after the first paint; ${previews} preview images as .png`,
  );
}
