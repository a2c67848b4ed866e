import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

type Options = {
  /** Console errors and failed requests matching this are expected by the test. */
  allowedErrors: RegExp | null;
};

/**
 * Every test fails on a console error, an uncaught exception, a failed request (network error or
 * HTTP status ≥ 400) or any request to another origin: the site must be self-contained.
 */
export const test = base.extend<Options & { guard: void }>({
  allowedErrors: [null, { option: true }],
  guard: [
    async ({ page, baseURL, allowedErrors }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const allowed = (text: string) => allowedErrors?.test(text) ?? false;
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !allowed(msg.text())) problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => {
        if (!allowed(err.message)) problems.push(`uncaught: ${err.message}`);
      });
      page.on('request', (req) => {
        const url = req.url();
        if (/^(data|blob|about):/.test(url)) return;
        if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
      });
      page.on('requestfailed', (req) => {
        // Navigations away abort in-flight prefetches; that is not a failure of the site.
        if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
        if (!allowed(req.url())) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400 && !allowed(res.url())) problems.push(`HTTP ${res.status()}: ${res.url()}`);
      });
      // The HTML paints before its scripts load (scripts/postbuild.mjs): a test acts like a reader
      // who starts clicking once the page has come to life, so every page load waits for hydration.
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (...args) => {
        const res = await goto(...args);
        await waitForHydration(page);
        return res;
      };
      page.reload = async (...args) => {
        const res = await reload(...args);
        await waitForHydration(page);
        return res;
      };
      await use();
      expect(problems, 'console errors, failed or cross-origin requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Runs axe on the page (WCAG 2.2 A/AA and best practices) and expects no violation. */
export async function checkA11y(page: Page, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const summary = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/** Sets the theme the way a returning visitor would have it: a stored choice, before any script runs. */
export async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.addInitScript((t) => localStorage.setItem('kvr-theme', t), theme);
}

/** Waits until React has hydrated the header (its theme toggle has React's props attached). */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const toggle = document.querySelector('button[aria-label^="Switch to"]');
    return toggle !== null && Object.keys(toggle).some((k) => k.startsWith('__reactProps'));
  });
}
