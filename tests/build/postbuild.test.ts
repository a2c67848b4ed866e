import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { hashInlineScripts, insertCsp, loadScriptsAfterPaint, pngPreviewUrls, scriptHash } from '../../scripts/postbuild.mjs';

const page = (head: string, body = '<p>hi</p>') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const csp = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'"/>';

describe('insertCsp', () => {
  it("puts the site's CSP meta tag first in <head>, once, replacing one the page rendered", () => {
    const out = insertCsp(
      page(`<link rel="stylesheet" href="/a.css"/><script src="/x.js" async=""></script>${csp}`),
      "default-src 'none'",
    ) as string;
    expect(out).toMatch(/^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"\/><link/);
    expect(out.match(/Content-Security-Policy/g)).toHaveLength(1);
  });
  it('adds the tag to a page that has none; returns null without a <head>', () => {
    expect(insertCsp(page('<title>t</title>'), "default-src 'self'")).toContain('<head><meta http-equiv="Content-Security-Policy"');
    expect(insertCsp('<p>no head</p>', "default-src 'self'")).toBeNull();
  });
});

describe('loadScriptsAfterPaint', () => {
  const head =
    '<link rel="preload" as="script" fetchPriority="low" href="/c/page.js"/><link rel="preload" as="font" href="/f.woff2"/>' +
    '<script src="/c/a.js" async=""></script><script src="/c/b.js" async=""></script><script src="/c/poly.js" noModule=""></script>' +
    '<script>self.__next_f=[]</script>';
  const out = loadScriptsAfterPaint(page(head, '<p>hi</p><script src="/c/page.js" async=""></script>')) as string;

  it('removes every async script tag and the preloads of those scripts', () => {
    expect(out).not.toMatch(/<script src="[^"]+" async="">/);
    expect(out).not.toContain('as="script"');
    expect(out).toContain('<link rel="preload" as="font" href="/f.woff2"/>');
  });
  it('keeps inline scripts and the nomodule polyfills where they were', () => {
    expect(out).toContain('<script>self.__next_f=[]</script>');
    expect(out).toContain('<script src="/c/poly.js" noModule=""></script>');
  });
  it('adds one loader at the end of <body> that names the scripts in their order', () => {
    const loader = /<script>(\(function\(\)\{.*?)<\/script><\/body>/.exec(out)?.[1];
    expect(loader).toBeDefined();
    expect(loader).toContain('["/c/a.js","/c/b.js","/c/page.js"]');
    expect(loader).toContain('PerformanceObserver');
    expect(loader).toMatch(/setTimeout\(load,\d+\)/);
  });
  it('leaves a page without async scripts as it was', () => {
    const plain = page('<title>t</title>');
    expect(loadScriptsAfterPaint(plain)).toBe(plain);
  });
  it('runs the loader: scripts are added once, after the paint is reported or the timer fires', () => {
    const loader = /<script>(\(function\(\)\{.*?)<\/script><\/body>/.exec(out)![1]!;
    const added: string[] = [];
    let observer: ((list: unknown, o: { disconnect(): void }) => void) | null = null;
    const timers: (() => void)[] = [];
    const env = {
      document: { createElement: () => ({}) as { src?: string }, body: { appendChild: (s: { src: string }) => added.push(s.src) } },
      PerformanceObserver: class {
        constructor(cb: typeof observer) {
          observer = cb;
        }
        observe() {}
      },
      setTimeout: (fn: () => void) => timers.push(fn),
    };
    new Function(...Object.keys(env), loader)(...Object.values(env));
    expect(added).toEqual([]); // nothing before the paint
    observer!([], { disconnect() {} });
    for (const t of timers.splice(0)) t(); // the paint's setTimeout(0) and the fallback timer
    expect(added).toEqual(['/c/a.js', '/c/b.js', '/c/page.js']);
  });
});

describe('hashInlineScripts', () => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="default-src &#x27;self&#x27;; script-src &#x27;self&#x27; &#x27;unsafe-inline&#x27;; style-src &#x27;self&#x27; &#x27;unsafe-inline&#x27;"/>`;
  const html = page(
    `${meta}<script>a()</script><script src="/x.js" async=""></script><script id="_R_">b()</script>`,
    '<script>a()</script>',
  );
  const sha = (body: string) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
  const policy = (out: string) => /content="([^"]*)"/.exec(out)![1]!;

  it("replaces script-src 'unsafe-inline' by the hash of each distinct inline script; style-src is untouched", () => {
    expect(policy(hashInlineScripts(html) as string)).toBe(
      `default-src 'self'; script-src 'self' ${sha('a()')} ${sha('b()')}; style-src 'self' 'unsafe-inline'`,
    );
    expect(scriptHash('a()')).toBe(sha('a()'));
  });

  it('hashes the UTF-8 text exactly as written, and running twice changes nothing', () => {
    const once = hashInlineScripts(page(`${meta}<script>document.title="é→🐇"</script>`)) as string;
    expect(policy(once)).toContain(sha('document.title="é→🐇"'));
    expect(hashInlineScripts(once)).toBe(once);
  });
});

describe('pngPreviewUrls', () => {
  it('names the preview image with .png in meta tags and RSC payloads, and nothing else', () => {
    expect(pngPreviewUrls('<meta property="og:image" content="https://x.dev/simulate/opengraph-image?916df51d"/>')).toBe(
      '<meta property="og:image" content="https://x.dev/simulate/opengraph-image.png?916df51d"/>',
    );
    expect(pngPreviewUrls('{"content":"http://h/opengraph-image"}')).toBe('{"content":"http://h/opengraph-image.png"}');
    expect(pngPreviewUrls('the opengraph-image convention; /opengraph-images/')).toBe('the opengraph-image convention; /opengraph-images/');
  });
});
