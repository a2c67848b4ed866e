import type { Page } from '@playwright/test';
import { checkA11y, expect, test, useTheme } from './fixtures';

const SECTION_IDS = ['verdict', 'log-vs-queue', 'features', 'broker-dies', 'code', 'routing', 'when', 'managed', 'bottom-line', 'sources'];
const FEATURE_IDS = [
  'throughput',
  'retention',
  'consumers',
  'replay',
  'routing',
  'latency',
  'ordering',
  'protocols',
  'management',
  'managed',
];

test('the verdict is visible, with both sides and a link to the quiz', async ({ page }) => {
  await page.goto('/');
  const verdict = page.locator('section[aria-labelledby="verdict-heading"]');
  await expect(verdict.getByRole('heading', { name: 'Quick verdict' })).toBeVisible();
  await expect(verdict.getByRole('heading', { name: 'Choose Kafka if…' })).toBeVisible();
  await expect(verdict.getByRole('heading', { name: 'Choose RabbitMQ if…' })).toBeVisible();
  await expect(verdict.getByText(/share groups/)).toBeVisible();
  await expect(verdict.getByRole('link', { name: /chooser quiz/ })).toHaveAttribute('href', '/choose');
});

test('sections come in order, each with an anchored heading', async ({ page }) => {
  await page.goto('/');
  const ids = await page.locator('h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
  expect(ids).toEqual(SECTION_IDS);
  await page.goto('/#routing');
  await expect(page.locator('#routing')).toBeInViewport();
});

// Sections far off screen are not drawn at load (content-visibility: auto), so their heights are
// estimates; a jump must land where its target really is, and stay there as sections are drawn.
test('sections far below are not drawn at load, and every kind of jump lands on its target and stays', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  /** The target's distance from the top of the window, once it has held still for two frames. */
  const landed = (selector: string) =>
    page.evaluate(
      (sel) =>
        new Promise<number>((resolve) => {
          let last = NaN;
          let still = 0;
          const look = () => {
            const top = Math.round(document.querySelector(sel)!.getBoundingClientRect().top);
            still = top === last ? still + 1 : 0;
            last = top;
            if (still >= 2) resolve(top);
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        }),
      selector,
    );
  await page.goto('/');
  // Without JavaScript the sections off screen stay skipped; with it they are drawn once the page
  // has loaded, one per idle moment.
  const drawn = (p: Page, id: string) => p.locator(`#${id}`).evaluate((h) => h.checkVisibility({ contentVisibilityAuto: true }));
  const noScript = await page
    .context()
    .browser()!
    .newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const still = await noScript.newPage();
  await still.goto(new URL('/', page.url()).href);
  expect(await drawn(still, 'verdict')).toBe(true);
  expect(await drawn(still, 'managed')).toBe(false);
  expect(await drawn(still, 'sources')).toBe(false);
  await noScript.close();
  await expect.poll(() => page.locator('.compare-section[data-drawn]').count()).toBe(SECTION_IDS.length);
  expect(await drawn(page, 'sources')).toBe(true);

  // Jumps, each from a freshly loaded page (made as soon as it has loaded, before or while its
  // sections are drawn; a new query makes a new page). A citation near the top, to its entry at the bottom of the page:
  await page.goto('/?fresh=cite');
  const cite = page.getByTestId('one-line-verdict').locator('a.cite-link').first();
  const href = (await cite.getAttribute('href'))!;
  await cite.click();
  const citeTop = await landed(href);
  expect(citeTop).toBeGreaterThanOrEqual(0);
  expect(citeTop).toBeLessThan(200);

  // A fragment typed into the address bar of the open page:
  await page.goto('/?fresh=typed');
  // (Once the router has settled: on hydration it rewrites the address it loaded with.)
  await expect.poll(() => page.locator('.compare-section[data-drawn]').count()).toBeGreaterThan(0);
  await page.evaluate(() => (location.hash = '#managed'));
  await expect(page).toHaveURL(/#managed$/);
  const typedTop = await landed('#managed');
  expect(typedTop).toBeGreaterThanOrEqual(0);
  expect(typedTop).toBeLessThan(200);

  // An address that arrives with a fragment, and a contents link:
  for (const id of ['routing', 'bottom-line']) {
    await page.goto(`/?fresh=${id}#${id}`);
    const top = await landed(`#${id}`);
    expect(top, id).toBeGreaterThanOrEqual(0);
    expect(top, id).toBeLessThan(200);
  }
  await page.goto('/?fresh=contents');
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'When each wins' }).click();
  const tocTop = await landed('#when');
  expect(tocTop).toBeGreaterThanOrEqual(0);
  expect(tocTop).toBeLessThan(200);

  // A link from another page of the site (the router moves to / without loading it again):
  await page.goto('/routing');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Sources' }).click();
  await expect(page).toHaveURL(/\/#sources$/);
  const fromAfarTop = await landed('#sources');
  expect(fromAfarTop).toBeGreaterThanOrEqual(0);
  expect(fromAfarTop).toBeLessThan(200);
});

test('the table of contents shows on wide screens and hides on phones', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toBeVisible();
  await toc.getByRole('link', { name: 'Managed services' }).click();
  await expect(toc.getByRole('link', { name: 'Source list' })).toHaveAttribute('href', '#sources');
  await expect(page).toHaveURL(/#managed$/);
  await expect(page.locator('#managed')).toBeInViewport();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(toc).toBeHidden();
});

test('the contents mark the section being read, on wide screens', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const current = toc.locator('a[aria-current="location"]');
  await toc.getByRole('link', { name: 'Feature table' }).click();
  await expect(current).toHaveText('Feature table');
  await toc.getByRole('link', { name: 'Managed services' }).click();
  await expect(current).toHaveText('Managed services');
  await page.locator('#code').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById('code')!.scrollIntoView({ block: 'start' }));
  await expect(current).toHaveText('Code');
  await expect(current).toHaveCount(1);
});

test('on a phone a bar at the bottom names the section being read and opens the list of sections', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav).toBeVisible();
  const box = (await nav.boundingBox())!;
  expect(box.y + box.height).toBeGreaterThan(844 - 2);
  expect(box.height).toBeLessThanOrEqual(48);
  await expect(nav.getByTestId('current-section')).toHaveText('Introduction');
  await nav.getByText('Sections', { exact: true }).click();
  const link = nav.getByRole('link', { name: 'Managed services' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/#managed$/);
  await expect(page.locator('#managed')).toBeInViewport();
  await expect(link).toBeHidden();
  await expect(nav.getByTestId('current-section')).toHaveText('Managed services');
  // The heading a link lands on is not hidden under the site header.
  const heading = (await page.locator('#managed').boundingBox())!;
  const header = (await page.locator('header').first().boundingBox())!;
  expect(heading.y).toBeGreaterThanOrEqual(header.y + header.height);
  // Escape closes the list again.
  await nav.getByText('Sections', { exact: true }).click();
  await expect(link).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(link).toBeHidden();
});

test('a citation [n] goes to its entry in the source list, where the source’s own link is', async ({ page }) => {
  await page.goto('/');
  const cite = page.getByTestId('one-line-verdict').locator('a.cite-link').first();
  const href = await cite.getAttribute('href');
  expect(href).toMatch(/^#source-[\w-]+$/);
  await cite.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  const entry = page.locator(href!);
  await expect(entry).toBeInViewport();
  await expect(entry.locator('xpath=ancestor::*[@data-testid="sources-list"]')).toHaveCount(1);
  expect(await entry.getByRole('link').first().getAttribute('href')).toMatch(/^https:\/\//);
  // No citation on the page leaves the site.
  const outside = await page
    .locator('a.cite-link')
    .evaluateAll((as) => as.filter((a) => !a.getAttribute('href')!.startsWith('#source-')).length);
  expect(outside).toBe(0);
  // And every one has its entry in the list.
  const missing = await page
    .locator('a.cite-link')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))].filter((h) => !document.getElementById(h.slice(1))));
  expect(missing).toEqual([]);
});

test('a feature row expands to its nuance and sources, and collapses again', async ({ page }) => {
  await page.goto('/');
  const rows = page.locator('details[id^="feature-"]');
  expect(await rows.evaluateAll((ds) => ds.map((d) => d.id))).toEqual(FEATURE_IDS.map((id) => `feature-${id}`));
  const replay = page.locator('#feature-replay');
  const sources = replay.getByTestId('row-sources');
  await expect(sources).toBeHidden();
  await replay.locator('summary').click();
  await expect(replay).toHaveAttribute('open', '');
  await expect(replay.getByText(/x-stream-offset/)).toBeVisible();
  await expect(sources.getByRole('link').first()).toBeVisible();
  const hrefs = await sources.getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
  // Keyboard: Enter on the focused summary toggles it.
  await replay.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(replay).not.toHaveAttribute('open', '');
});

test('opening /#feature-<id> scrolls to that row and expands it', async ({ page }) => {
  await page.goto('/#feature-latency');
  const row = page.locator('#feature-latency');
  await expect(row).toHaveAttribute('open', '');
  await expect(row).toBeInViewport();
  await expect(row.getByTestId('row-sources')).toBeVisible();
  // A later hash change on the same page opens that row too.
  await page.evaluate(() => {
    window.location.hash = 'feature-ordering';
  });
  await expect(page.locator('#feature-ordering')).toHaveAttribute('open', '');
});

test('figures in the table state their conditions', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#feature-throughput summary')).toContainText('Conditions:');
  await expect(page.locator('#feature-throughput summary')).toContainText('1 KB messages');
  await expect(page.locator('#feature-latency summary')).toContainText('12-byte messages');
});

test('the table puts the rows that differ at the root first, under their own heading, apart from those that differ in degree', async ({
  page,
}) => {
  await page.goto('/');
  // There is no "highlight" toggle any more: it marked exactly the first five rows (issue #19).
  await expect(page.getByRole('button', { name: /biggest differences/ })).toHaveCount(0);
  const root = page.getByTestId('features-root');
  const degree = page.getByTestId('features-degree');
  await expect(root.getByRole('heading', { level: 3 })).toHaveText('Where the models differ at the root');
  await expect(degree.getByRole('heading', { level: 3 })).toHaveText('Where they differ in degree');
  const ids = (group: typeof root) => group.locator('details').evaluateAll((ds) => ds.map((d) => d.id.replace('feature-', '')));
  expect(await ids(root)).toEqual(['throughput', 'retention', 'consumers', 'replay', 'routing']);
  expect(await ids(degree)).toEqual(['latency', 'ordering', 'protocols', 'management', 'managed']);
});

test('the offset diagram shows offsets 0..4, the log-end offset 5 and each group’s lag', async ({ page }) => {
  await page.goto('/');
  const diagram = page.getByTestId('offset-diagram');
  const offsets = await diagram.locator('[data-offset]').evaluateAll((els) => els.map((e) => e.getAttribute('data-offset')));
  expect(offsets).toEqual(['0', '1', '2', '3', '4']);
  for (const o of ['0', '1', '2', '3', '4']) await expect(diagram.locator(`[data-offset="${o}"]`)).toContainText(o);
  // Records are named by their offsets only: no 1-based label (msg1…msg5) beside offsets 0–4.
  // Read as drawn (innerText; the section may be drawn a frame after load), each record exactly.
  await expect(diagram.locator('[data-offset]')).toHaveText(['offset 0', 'offset 1', 'offset 2', 'offset 3', 'offset 4'], {
    useInnerText: true,
  });
  await expect(diagram).not.toContainText(/msg\d/);
  await expect(diagram.locator('[data-leo]')).toContainText('LEO 5');
  // The groups are the simulator scenario's own.
  const audit = diagram.locator('[data-group="audit"]');
  await expect(audit).toContainText('committed offset 4');
  await expect(audit).toContainText('lag 1');
  await expect(diagram.locator('[data-committed="5"]')).toContainText('lag 0');
  await expect(diagram.locator('[data-committed="2"]')).toContainText('lag 3');
  await expect(page.getByRole('link', { name: /Open this in the simulator/ })).toHaveAttribute('href', '/simulate?scenario=log-vs-queue');
});

test.describe('code tabs', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('tabs switch code with the mouse and the keyboard', async ({ page }) => {
    await page.goto('/');
    const tablist = page.getByRole('tablist', { name: 'Code samples' });
    const tabs = tablist.getByRole('tab');
    await expect(tabs).toHaveText([
      'Kafka · Python',
      'RabbitMQ · Python',
      'Kafka · TypeScript (kafkajs)',
      'Kafka · TypeScript (Confluent)',
      'RabbitMQ · TypeScript',
    ]);
    await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
    const visiblePanel = page.getByRole('tabpanel');
    await expect(visiblePanel).toHaveCount(1);
    await expect(visiblePanel).toContainText('from confluent_kafka import');

    await tabs.nth(1).click();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'false');
    await expect(page.getByRole('tabpanel')).toContainText('basic_qos(prefetch_count=1)');
    await expect(page.getByRole('tabpanel').getByTestId('code-rabbitmq-replay-python')).toContainText('"x-stream-offset": "first"');

    await tabs.nth(1).focus();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(2)).toBeFocused();
    await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toContainText("from 'kafkajs'");
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tabpanel')).toContainText("from '@confluentinc/kafka-javascript'");
    await expect(page.getByRole('tabpanel')).toContainText('Switching from kafkajs');
    await page.keyboard.press('End');
    await expect(tabs.nth(4)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toContainText("from 'amqplib'");
    await expect(page.getByRole('tabpanel')).toContainText("channel.on('return'");
    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(tabs.nth(4)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
    // Only the selected tab is in the tab order.
    await expect(tabs.nth(1)).toHaveAttribute('tabindex', '-1');
  });

  test('the copy button puts the plain code on the clipboard and says Copied', async ({ page }) => {
    await page.goto('/');
    const panel = page.getByRole('tabpanel');
    const button = panel.getByRole('button', { name: 'Copy consumer.py' });
    await button.click();
    await expect(panel.getByRole('button', { name: 'Copied consumer.py' })).toBeVisible();
    await expect(panel.getByRole('status').filter({ hasText: 'Copied consumer.py to the clipboard' })).toHaveCount(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('"auto.offset.reset": "earliest"');
    expect(copied).toContain('consumer.close()');
    expect(copied).not.toContain('<span');
    const shown = await panel.getByTestId('code-kafka-consumer-python').innerText();
    expect(shown.trim()).toBe(copied.trim());
  });
});

test('code is highlighted at build time, with colours for both themes', async ({ page }) => {
  await page.goto('/');
  const pre = page.getByTestId('code-kafka-producer-python').locator('pre.shiki');
  await expect(pre).toHaveCount(1);
  // Token colours come as classes (one stylesheet per block), each carrying both themes' colours.
  const tokens = pre.locator('span[class^="hl-"]');
  expect(await tokens.count()).toBeGreaterThan(10);
  const colours = () =>
    tokens
      .first()
      .evaluate((el) => ({ color: getComputedStyle(el).color, dark: getComputedStyle(el).getPropertyValue('--shiki-dark').trim() }));
  const light = await colours();
  expect(light.dark).toMatch(/^#[0-9a-f]{6}$/i);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect.poll(async () => (await colours()).color).not.toBe(light.color);
  const scripts = await page.locator('script[src]').evaluateAll((ss) => ss.map((s) => (s as HTMLScriptElement).src));
  for (const src of scripts) expect(src).not.toMatch(/shiki|oniguruma/i);
});

test('the routing example shows which queues get each key', async ({ page }) => {
  await page.goto('/');
  const results = page.getByTestId('routing-results');
  await expect(results.getByRole('row', { name: /order\.confirmed\.eu/ })).toContainText('email-service, inventory-service');
  await expect(results.getByRole('row', { name: /order\.large\.us/ })).toContainText('inventory-service, fraud-service');
  await expect(results.getByRole('row', { name: /payment\.failed/ })).toContainText('unroutable');
  await expect(page.getByRole('link', { name: /routing playground/ })).toHaveAttribute('href', '/routing');
});

test('every external link is https and every source shows its checked date', async ({ page }) => {
  await page.goto('/');
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const external = hrefs.filter((h) => /^[a-z]+:/i.test(h) || h.startsWith('//'));
  expect(external.length).toBeGreaterThan(40);
  for (const href of external) expect(href, href).toMatch(/^https:\/\//);
  // Read as a reader sees it: the sources section is not drawn until it comes near the window.
  await page.getByTestId('sources-list').scrollIntoViewIfNeeded();
  // Drawn at the next frame after it comes into view: wait for what the reader sees, every item.
  const items = page.getByTestId('sources-list').locator('li');
  const count = await items.count();
  expect(count).toBeGreaterThan(30);
  await expect(items).toHaveText(
    Array.from({ length: count }, () => /Checked \d{4}-\d{2}-\d{2}/),
    { useInnerText: true },
  );
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violation in the ${theme} theme, with a row open and every tab shown`, async ({ page }) => {
    test.slow(); // six axe runs on the longest page (one per code tab)
    await useTheme(page, theme);
    await page.goto('/');
    await page.locator('#feature-throughput summary').click();
    await checkA11y(page);
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      await checkA11y(page, '#code');
    }
  });
}

test('on a 390 px phone the table is cards and nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const header = page.locator('#feature-table div[aria-hidden="true"]').first();
  await expect(header).toBeHidden();
  const row = page.locator('#feature-replay');
  const box = await row.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  // The broker labels show inside each card on a phone.
  await expect(row.locator('summary').getByText('Kafka', { exact: true })).toBeVisible();
  await expect(row.locator('summary').getByText('RabbitMQ', { exact: true })).toBeVisible();
  await row.locator('summary').click();
  for (const tab of await page.getByRole('tab').all()) await tab.click();
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
});

test('when the clipboard refuses, the copy button says so and the page keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
      configurable: true,
    });
  });
  await page.goto('/');
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('button', { name: 'Copy producer.py' }).click();
  await expect(panel.getByText('Copy failed: select the code and copy it by hand.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Copy producer.py' })).toBeVisible();
  await page.getByRole('tab', { name: 'RabbitMQ · Python' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('basic_ack');
});

test('the diagram animation is off under prefers-reduced-motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  const names = await page
    .getByTestId('offset-diagram')
    .locator('[aria-hidden="true"] span')
    .evaluateAll((els) => els.map((e) => getComputedStyle(e).animationName));
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((n) => n === 'none')).toBe(true);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.reload();
  const moving = await page
    .getByTestId('offset-diagram')
    .locator('[aria-hidden="true"] span')
    .evaluateAll((els) => els.map((e) => getComputedStyle(e).animationName));
  expect(moving).toContain('ping');
});

for (const width of [390, 1280]) {
  test(`at ${width} px the first screen answers the question: the one-line verdict and the versions described sit under the title`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    await page.goto('/');
    const verdict = page.getByTestId('one-line-verdict');
    await expect(verdict).toContainText('RabbitMQ queue');
    await expect(verdict).toContainText('Kafka log');
    await expect(verdict).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('versions')).toContainText(/Kafka 4\.x .* RabbitMQ 4\.x .* December 2026/);
    await expect(page.getByTestId('versions')).toBeInViewport();
  });
}

test('one table says how Kafka producer defaults differ by client', async ({ page }) => {
  await page.goto('/');
  const table = page.getByTestId('client-defaults');
  await expect(table.getByRole('heading', { name: /defaults differ by client/ })).toBeVisible();
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(table.locator('[data-client="java"]')).toContainText('on (since 3.0)');
  await expect(table.locator('[data-client="librdkafka"]')).toContainText('off');
  await expect(table.locator('[data-client="librdkafka"]')).toContainText('CRC-32');
  await expect(table.locator('[data-client="kafkajs"]')).toContainText('each send() goes out as it is');
  // The latency row agrees with it.
  await page.locator('#feature-latency summary').click();
  await expect(page.locator('#feature-latency')).toContainText('kafkajs sends each send() at once');
});

test('the offset diagram draws “still to read” in Kafka’s colour, not RabbitMQ’s', async ({ page }) => {
  await page.goto('/');
  const diagram = page.getByTestId('offset-diagram');
  const colours = await page.evaluate(() => {
    const probe = (colour: string) => {
      const el = document.createElement('span');
      el.style.backgroundColor = `var(--color-${colour})`;
      document.body.append(el);
      const c = getComputedStyle(el).backgroundColor;
      el.remove();
      return c;
    };
    return { kafka: probe('kafka-400'), rabbit: probe('rabbit-400') };
  });
  const unread = await diagram.locator('[data-state="unread"]').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
  expect(unread.length).toBe(4); // analytics: offsets 2, 3, 4; audit: offset 4
  for (const c of unread) {
    expect(c).toBe(colours.kafka);
    expect(c).not.toBe(colours.rabbit);
  }
});

test('on a 390 px phone the defaults table is one card per client, every value readable without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const table = page.getByTestId('client-defaults');
  const box = (await table.boundingBox())!;
  for (const cell of await table.locator('td, th[scope="row"]').all()) {
    const { scrollWidth, clientWidth } = await cell.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
    const b = (await cell.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 1);
  }
  await expect(table.locator('[data-client="librdkafka"]').getByText('Idempotence', { exact: true })).toBeVisible();
});
