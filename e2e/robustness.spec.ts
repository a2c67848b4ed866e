// Robustness in a real browser: damaged localStorage never breaks a page, and the exported site loads
// nothing from another origin (a Content-Security-Policy meta tag that allows only 'self', and no
// request that leaves the origin).
import type { Page } from '@playwright/test';
import { QUESTIONS } from '../lib/quiz/questions';
import { checkA11y, expect, test } from './fixtures';

/** Every key the app writes to localStorage (see lib/theme.ts, lib/quiz/store.ts, lib/simulate/draft.ts). */
const KEYS = { theme: 'kvr-theme', quiz: 'kvr-quiz', draft: 'kvr-sim-draft' } as const;

const HUGE = 'x'.repeat(1_000_000);

/** Damaged values of each kind: cut-off JSON, wrong types, a future or past version, a huge string. */
const CORRUPT = {
  [KEYS.quiz]: {
    truncated: '{"state":{"answers":{"replay":["no"]},"layout":"one","step":0,"vi',
    'wrong types': '{"state":{"answers":[1,2],"layout":7,"step":"0","view":null},"version":1}',
    'wrong version': '{"state":{"answers":{"replay":["no"]},"layout":"one","step":0,"view":"quiz"},"version":99}',
    huge: `"${HUGE}"`,
    'not JSON': '\u0000<html>',
  },
  [KEYS.draft]: {
    truncated: '{"v":1,"text":"{\\"version\\": 1, \\"durat',
    'wrong types': '{"v":1,"text":42}',
    'wrong version': '{"v":2,"text":"{}"}',
    huge: `{"v":1,"text":"${HUGE}"}`,
    'not JSON': 'undefined',
  },
  [KEYS.theme]: {
    truncated: '"da',
    'wrong types': '{"theme":1}',
    'wrong version': '{"v":2,"theme":"dark"}',
    huge: HUGE,
    'wrong case': 'DARK',
  },
} as const;

/** Writes `value` under `key` before the first load only, so a reload shows what the page did with it. */
async function seedOnce(page: Page, key: string, value: string) {
  await page.addInitScript(
    ([k, v]) => {
      if (sessionStorage.getItem('robustness-seeded') === null) {
        localStorage.setItem(k, v);
        sessionStorage.setItem('robustness-seeded', '1');
      }
    },
    [key, value] as const,
  );
}

const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

const replayNo = QUESTIONS.find((q) => q.id === 'replay')!.options.find((o) => o.id === 'no')!.label;

test.describe('damaged saved quiz answers (kvr-quiz) on /choose', () => {
  for (const [kind, value] of Object.entries(CORRUPT[KEYS.quiz])) {
    test(`${kind}: a notice, the quiz still answers, the key is discarded then rewritten valid`, async ({ page }) => {
      await seedOnce(page, KEYS.quiz, value);
      await page.goto('/choose');
      await expect(page.getByTestId('quiz-ready')).toBeVisible();
      await expect(page.getByTestId('notice-storage')).toContainText('could not be read');
      expect(await stored(page, KEYS.quiz), 'damaged value discarded').toBeNull();
      await page.getByText(replayNo, { exact: true }).click();
      await page.getByRole('button', { name: 'Next →' }).click();
      await expect(page.getByText(`1 of ${QUESTIONS.length} answered`)).toBeVisible();
      await expect
        .poll(async () => JSON.parse((await stored(page, KEYS.quiz)) ?? 'null') as unknown)
        .toMatchObject({ version: 1, state: { answers: { replay: ['no'] } } });
      await page.reload();
      await expect(page.getByTestId('quiz-ready')).toBeVisible();
      await expect(page.getByTestId('notice-storage')).toHaveCount(0);
      await expect(page.getByText(`1 of ${QUESTIONS.length} answered`)).toBeVisible();
    });
  }

  test('a stale answer is dropped with a notice and the valid ones are kept', async ({ page }) => {
    await seedOnce(
      page,
      KEYS.quiz,
      JSON.stringify({
        state: { answers: { replay: ['no'], retired: ['x'], throughput: ['forever'] }, layout: 'one', step: 0, view: 'quiz' },
        version: 1,
      }),
    );
    await page.goto('/choose');
    await expect(page.getByTestId('notice-storage')).toContainText('2 saved answers were no longer valid');
    await expect(page.getByText(`1 of ${QUESTIONS.length} answered`)).toBeVisible();
    await checkA11y(page);
  });
});

test.describe('damaged scenario draft (kvr-sim-draft) on /simulate', () => {
  for (const [kind, value] of Object.entries(CORRUPT[KEYS.draft])) {
    test(`${kind}: a visible notice, the simulator still steps, the key is discarded`, async ({ page }) => {
      await seedOnce(page, KEYS.draft, value);
      await page.goto('/simulate');
      const sim = page.getByTestId('simulator');
      await expect(sim).toHaveAttribute('data-ready', 'true');
      // Visible without opening anything: the user learns at once that the draft is gone.
      await expect(page.getByText('Your saved scenario draft could not be read')).toBeVisible();
      expect(await stored(page, KEYS.draft), 'damaged draft discarded').toBeNull();
      const time = page.getByTestId('sim-time');
      const before = await time.innerText();
      await page.getByRole('button', { name: 'Step forward' }).click();
      await expect(time).not.toHaveText(before);
      await page.getByText('Scenario editor').click();
      await expect(page.getByLabel('Scenario JSON')).toHaveValue(/"version": 1/);
      if (kind === 'truncated') {
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await checkA11y(page);
        }
      }
      await page.reload();
      await expect(sim).toHaveAttribute('data-ready', 'true');
      await expect(page.getByText('Your saved scenario draft could not be read')).toHaveCount(0);
    });
  }
});

test.describe('damaged theme choice (kvr-theme) falls back to the system theme, silently', () => {
  const PAGES = ['/', '/simulate', '/routing', '/choose'];
  for (const [kind, value] of Object.entries(CORRUPT[KEYS.theme])) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${kind}, system ${scheme}: every page follows the system and the key is removed`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        for (const path of PAGES) {
          await page.goto(path);
          await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEYS.theme, value] as const);
          await page.reload();
          await expect(page.locator('main#main')).toBeVisible();
          if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
          else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
          expect(await stored(page, KEYS.theme), `${path}: damaged theme removed`).toBeNull();
          await expect(page.getByText(/theme.*(could not|damaged|reset)/i)).toHaveCount(0);
        }
        // The toggle still works and stores a valid choice.
        await page.getByRole('button', { name: scheme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme' }).click();
        expect(await stored(page, KEYS.theme)).toBe(scheme === 'dark' ? 'light' : 'dark');
      });
    }
  }
});

/** Sources a CSP may name without reaching another origin (hashes of inline scripts are checked below). */
const SAME_ORIGIN_SOURCES = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:']);
const SCRIPT_HASH = /^'sha256-[A-Za-z0-9+/]{43}='$/;

async function expectStrictCsp(page: Page) {
  const meta = page.locator('head meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveCount(1);
  // A meta CSP only governs what comes after it: the build moves it to the top of <head>
  // (scripts/postbuild.mjs), ahead of every script and stylesheet Next adds.
  const served = await (await page.request.get(page.url())).text();
  expect(served).toMatch(/<head[^>]*><meta http-equiv="Content-Security-Policy"/i);
  const policy = (await meta.getAttribute('content')) ?? '';
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  for (const name of ['script-src', 'connect-src', 'img-src', 'font-src', 'style-src']) expect(directives.has(name), name).toBe(true);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  for (const [name, sources] of directives) {
    for (const source of sources) {
      expect(SAME_ORIGIN_SOURCES.has(source) || (name === 'script-src' && SCRIPT_HASH.test(source)), `${name} allows ${source}`).toBe(true);
      expect(source).not.toMatch(/^(https?|wss?):|\*/);
    }
  }
  expect(directives.get('script-src'), 'no eval in the export').not.toContain("'unsafe-eval'");
  expect(directives.get('script-src'), 'inline scripts run only by their hash').not.toContain("'unsafe-inline'");
}

/** SHA-256 of a script body as a CSP source, computed in the page (Web Crypto). */
const cspHashes = (page: Page, bodies: string[]) =>
  page.evaluate(async (texts) => {
    const out: string[] = [];
    for (const t of texts) {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t)));
      out.push(`'sha256-${btoa(String.fromCharCode(...digest))}'`);
    }
    return out;
  }, bodies);

test.describe('inline scripts allowed by hash (no script-src unsafe-inline)', () => {
  // The 404 page answers 404; the test's own injected script is refused with a console error.
  test.use({ allowedErrors: /404|no-such-page|Executing inline script violates/ });
  for (const path of ['/', '/simulate', '/routing', '/choose', '/no-such-page']) {
    test(`${path}: every inline script in the served HTML has its hash in the CSP, and nothing else inline runs`, async ({ page }) => {
      const res = await page.goto(path);
      const html = await res!.text();
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
      const scriptSrc = policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .find(([name]) => name === 'script-src')!
        .slice(1);
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      const bodies = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
      expect(bodies.length, 'inline scripts in the page').toBeGreaterThan(2);
      for (const hash of await cspHashes(page, bodies)) expect(scriptSrc).toContain(hash);
      // An inline script the build did not hash is refused.
      const ran = await page.evaluate(async () => {
        const w = window as unknown as { injected?: boolean };
        const refused = new Promise<boolean>((resolve) =>
          document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true }),
        );
        const s = document.createElement('script');
        s.textContent = 'window.injected = true';
        document.body.appendChild(s);
        await Promise.race([refused, new Promise((r) => setTimeout(r, 1000))]);
        return w.injected === true;
      });
      expect(ran, 'an injected inline script ran').toBe(false);
    });
  }

  test('the local server sends the headers a meta tag cannot (serve.json, README "Hosting")', async ({ page }) => {
    const res = await page.goto('/');
    const headers = res!.headers();
    expect(headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});

/** A little of each page, enough to pull in what loads lazily (charts, validators, the link reader). */
const EXERCISES: { path: string; status?: number; run: (page: Page) => Promise<void> }[] = [
  {
    path: '/',
    run: async (page) => {
      await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Managed services' }).click();
      await page.keyboard.press('End');
      await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    },
  },
  {
    path: '/simulate?scenario=log-vs-queue',
    run: async (page) => {
      await expect(page.getByTestId('simulator')).toHaveAttribute('data-ready', 'true');
      await page.getByRole('button', { name: 'Step forward' }).click();
      await page.getByText('Scenario editor').click();
      await page.getByRole('button', { name: 'Run this scenario' }).click();
      await expect(page.getByText('Running your scenario')).toBeVisible();
      await page.getByTestId('charts').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('charts').locator('svg.recharts-surface').first()).toBeVisible();
    },
  },
  {
    path: '/routing',
    run: async (page) => {
      await page.locator('[data-testid="routing-tool"][data-ready]').waitFor();
      await page.getByLabel('Routing key', { exact: true }).fill('order.large.us');
      await expect(page.getByTestId('outcome')).toContainText('fraud-service');
      await page.locator('input[type="file"]').setInputFiles('e2e/fixtures/definitions.json');
      await expect(page.getByText('definitions.json').first()).toBeVisible();
    },
  },
  {
    path: '/choose',
    run: async (page) => {
      await expect(page.getByTestId('quiz-ready')).toBeVisible();
      await page.getByText(replayNo, { exact: true }).click();
      await page.getByRole('button', { name: 'Next →' }).click();
      await expect(page.getByText(`1 of ${QUESTIONS.length} answered`)).toBeVisible();
    },
  },
  {
    path: '/no-such-page',
    status: 404,
    run: async (page) => {
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await page.getByRole('link', { name: 'Compare Kafka and RabbitMQ' }).click();
      await expect(page).toHaveURL(/\/$/);
    },
  },
];

test.describe('nothing from another origin', () => {
  test.use({ allowedErrors: /404|no-such-page/ });
  for (const { path, status, run } of EXERCISES) {
    test(`${path}: strict CSP meta tag, every request same-origin, no CSP violation`, async ({ page, context, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      const requests: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      await page.addInitScript(() => {
        const w = window as unknown as { cspViolations: string[] };
        w.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const res = await page.goto(path);
      expect(res?.status()).toBe(status ?? 200);
      await expectStrictCsp(page);
      await run(page);
      await expectStrictCsp(page);
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      const http = requests.filter((u) => !/^(data|blob|about):/.test(u));
      expect(http.length, 'requests were collected').toBeGreaterThan(1);
      expect(
        http.filter((u) => new URL(u).origin !== origin),
        'requests to other origins',
      ).toEqual([]);
    });
  }
});
