import { checkA11y, expect, test, useTheme } from './fixtures';

const ROUTES = [
  { path: '/', nav: 'Compare', title: 'Kafka vs RabbitMQ: how they differ, and which to choose' },
  { path: '/simulate', nav: 'Simulate', title: 'Simulator: Kafka offsets and RabbitMQ acks on one clock' },
  { path: '/routing', nav: 'Routing', title: 'Where does my message go? RabbitMQ routing and Kafka partitions' },
  { path: '/choose', nav: 'Choose', title: 'Kafka, RabbitMQ, or both? A chooser quiz' },
];

for (const route of ROUTES) {
  test(`${route.path} loads with its title, description and the current page marked`, async ({ page }) => {
    await page.goto(route.path);
    await expect(page).toHaveTitle(route.path === '/' ? route.title : `${route.title} · Kafka vs RabbitMQ`);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length ?? 0).toBeGreaterThan(40);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: route.nav })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Sources' })).toHaveAttribute('href', '/#sources');
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /icon/);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
  });

  test(`${route.path} unfurls when shared: canonical address, Open Graph and Twitter cards, a preview image built at build time`, async ({
    page,
    request,
  }) => {
    await page.goto(`${route.path}?from=a-shared-link`);
    const meta = (selector: string) => page.locator(selector).first().getAttribute('content');
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    // The canonical address has no query: every shared state of the page is the same document.
    expect(new URL(canonical!).pathname).toBe(route.path);
    expect(new URL(canonical!).search).toBe('');
    expect(await meta('meta[property="og:title"]')).toBe(route.title);
    expect(await meta('meta[property="og:description"]')).toBe(await meta('meta[name="description"]'));
    expect(await meta('meta[property="og:type"]')).toBe('website');
    expect(await meta('meta[property="og:site_name"]')).toBe('Kafka vs RabbitMQ');
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await meta('meta[property="og:image:alt"]')).toBe(route.title);
    expect([await meta('meta[property="og:image:width"]'), await meta('meta[property="og:image:height"]')]).toEqual(['1200', '630']);
    // The image is a file in the export: fetch it from this server and check it is a 1200 × 630 PNG.
    const image = new URL(new URL((await meta('meta[property="og:image"]'))!).pathname, page.url());
    const res = await request.get(image.href);
    expect(res.status()).toBe(200);
    const png = await res.body();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`${route.path} has no axe violation in the ${theme} theme`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto(route.path);
      await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
      await checkA11y(page);
    });
  }
}

test('navigation works with the mouse', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const { nav: label, path } of ROUTES.slice(1)) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
  }
  await nav.getByRole('link', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('navigation works with the keyboard, starting from the skip link', async ({ page }) => {
  await page.goto('/routing');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  // Tab until the Choose link is focused, then follow it with Enter.
  const choose = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Choose' });
  for (let i = 0; i < 10 && !(await choose.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(choose).toBeFocused();
  const outline = await choose.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/choose$/);
  await expect(choose).toHaveAttribute('aria-current', 'page');
});

test('the theme follows the system until the user chooses, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveClass(/dark/);
  // The toggle's label reflects the theme only once it has hydrated and subscribed to changes.
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).not.toHaveClass(/dark/);

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveClass(/dark/);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
  // The stored choice now wins over the system preference.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveClass(/dark/);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.reload();
  await expect(html).not.toHaveClass(/dark/);
});

test('the theme is applied before first paint (no flash of the wrong theme)', async ({ page }) => {
  await useTheme(page, 'dark');
  // Record the class as soon as <body> exists, before any React code runs.
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.body) {
        (window as unknown as { firstBodyDark: boolean }).firstBodyDark = document.documentElement.classList.contains('dark');
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/simulate');
  expect(await page.evaluate(() => (window as unknown as { firstBodyDark: boolean }).firstBodyDark)).toBe(true);
});

for (const path of ['/', '/simulate', '/routing', '/choose']) {
  test(`${path}: the page paints before its scripts are requested, then hydrates`, async ({ page }) => {
    await page.goto(path);
    // The theme toggle works only once React has hydrated the header.
    const toggle = page.getByRole('button', { name: /Switch to (dark|light) theme/ });
    const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
    await toggle.click();
    await expect(page.locator('html')).toHaveClass(dark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
    const { fcp, scripts } = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.initiatorType === 'script' && r.name.endsWith('.js'))
        .map((r) => r.startTime),
    }));
    expect(fcp).not.toBeNull();
    expect(scripts.length).toBeGreaterThan(0);
    expect(Math.min(...scripts)).toBeGreaterThanOrEqual(fcp!);
  });
}

test('a corrupt stored theme falls back to the system theme', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kvr-theme', '{"garbage'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/dark/);
  expect(await page.evaluate(() => localStorage.getItem('kvr-theme'))).toBeNull();
});

test.describe('unknown paths', () => {
  test.use({ allowedErrors: /404|no-such-page/ });
  test('show the 404 page with a way back', async ({ page }) => {
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle(/Page not found/);
    await page.getByRole('link', { name: 'Compare Kafka and RabbitMQ' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});

test('the header fits a 390 px phone without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const { path } of ROUTES) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Choose' })).toBeInViewport();
  }
});
