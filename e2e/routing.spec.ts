import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { checkA11y, expect, test, useTheme } from './fixtures';

/** The state the page wrote into its link (`?s=`, base64url JSON), or null. */
const linkState = (page: Page) =>
  page.evaluate(() => {
    const s = new URLSearchParams(location.search).get('s');
    if (!s) return null;
    const bytes = Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  });

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Names of the playground queues that light up (get a copy). */
async function litQueues(page: Page): Promise<string[]> {
  const cards = page.getByTestId('queue-card');
  const names: string[] = [];
  for (const card of await cards.all()) {
    if ((await card.getAttribute('data-lit')) === 'true') names.push(await card.getByLabel('Queue', { exact: true }).inputValue());
  }
  return names.sort();
}

/** Opens the page and waits until React has hydrated it (typing earlier would be lost). */
async function open(page: Page, url = '/routing') {
  await page.goto(url);
  await page.locator('[data-testid="routing-tool"][data-ready]').waitFor();
}

const routingKey = (page: Page) => page.getByLabel('Routing key', { exact: true });
const outcome = (page: Page) => page.getByTestId('outcome');

test.describe('RabbitMQ playground', () => {
  test('the order example routes each key to the right services', async ({ page }) => {
    await open(page);
    await expect(routingKey(page)).toHaveValue('order.confirmed.eu');
    await expect.poll(() => litQueues(page)).toEqual(['email-service', 'inventory-service']);
    await expect(outcome(page)).toContainText('Delivered to 2 queues: email-service, inventory-service');

    await routingKey(page).fill('order.large.us');
    await expect.poll(() => litQueues(page)).toEqual(['fraud-service', 'inventory-service']);

    await routingKey(page).fill('payment.failed');
    await expect.poll(() => litQueues(page)).toEqual([]);
    await expect(outcome(page)).toContainText('Unroutable: dropped');
    await expect(outcome(page)).toContainText('drops the message silently');
  });

  test('each binding explains itself word by word', async ({ page }) => {
    await open(page);
    await routingKey(page).fill('order.large.eu');
    const inventory = page.getByTestId('queue-card').nth(1);
    const trace = inventory.getByRole('list', { name: 'Word by word' });
    await expect(trace.getByRole('listitem')).toHaveText(['✓ order = order', '✓ # takes large.eu']);
    const email = page.getByTestId('queue-card').nth(0);
    await expect(email).toContainText('No match: "confirmed" does not equal "large" (words compare exactly, case-sensitive)');
    await expect(email.getByRole('list', { name: 'Word by word' }).getByRole('listitem').last()).toHaveText('✗ confirmed ≠ large');
  });

  test('a queue matched by two bindings gets one copy, and the page says so', async ({ page }) => {
    await open(page);
    const inventory = page.getByTestId('queue-card').nth(1);
    await inventory.getByRole('button', { name: 'Add binding to inventory-service' }).click();
    await inventory.getByLabel('Binding key 2').fill('*.confirmed.eu');
    await expect(inventory.getByTestId('queue-verdict')).toHaveText('Gets one copy (2 bindings match, still one copy)');
    await expect(outcome(page)).toContainText('inventory-service is matched by more than one binding and still gets a single copy');
  });

  test('invalid input is flagged, kept as typed, and the rest keeps working', async ({ page }) => {
    await open(page);
    const fraud = page.getByTestId('queue-card').nth(2);
    await fraud.getByLabel('Binding key 1').fill('#.a.#.b.#');
    await expect(fraud).toContainText('RabbitMQ 4.3.5+ refuses binding keys with more than two # words');
    await expect(fraud.getByLabel('Binding key 1')).toHaveValue('#.a.#.b.#');
    await expect(fraud.getByLabel('Binding key 1')).toHaveAttribute('aria-invalid', 'true');

    await page.getByTestId('queue-card').nth(0).getByLabel('Queue', { exact: true }).fill('');
    await expect(page.getByTestId('queue-card').nth(0)).toContainText('A queue needs a name');
    await page.getByTestId('queue-card').nth(0).getByLabel('Queue', { exact: true }).fill('inventory-service');
    await expect(page.getByTestId('queue-card').nth(1)).toContainText('Another queue has this name');

    await routingKey(page).fill('x'.repeat(256));
    await expect(routingKey(page)).toHaveAccessibleDescription(/Routing keys are at most 255 bytes of UTF-8 \(this one has 256\)/);
    await expect(outcome(page)).toContainText('Not published');
    // The first card is now inventory-service (order.confirmed.*); the duplicate and the refused binding take no part.
    await routingKey(page).fill('order.confirmed.eu');
    await expect(outcome(page)).toContainText('Delivered to 1 queue: inventory-service');
  });

  test('unroutable: returned with mandatory, or caught by the alternate exchange', async ({ page }) => {
    await open(page);
    await routingKey(page).fill('payment.failed');
    await page.getByLabel(/^mandatory/).check();
    await expect(outcome(page)).toContainText('Unroutable: returned to the publisher');
    await expect(outcome(page)).toContainText('basic.return');
    await page.getByLabel(/^Alternate exchange \(a fanout/).check();
    await expect(outcome(page)).toContainText('Delivered to 1 queue: unrouted-orders');
    await expect(outcome(page)).toContainText(
      'No binding of "orders-exchange" matched, so RabbitMQ handed the message to its alternate exchange',
    );
  });

  test('a headers binding with x-match=any needs one equal header, all needs every one', async ({ page }) => {
    await open(page);
    await page.getByLabel('Type', { exact: true }).selectOption('headers');
    const fraud = page.getByTestId('queue-card').nth(2);
    await fraud.getByLabel('x-match (binding 1)').selectOption('any');
    for (const [i, [name, value]] of [
      ['region', 'eu'],
      ['size', 'large'],
    ].entries()) {
      await fraud.getByRole('button', { name: 'Add argument to fraud-service binding 1' }).click();
      await fraud.getByLabel(`fraud-service binding 1 argument ${i + 1} name`).fill(name!);
      await fraud.getByLabel(`fraud-service binding 1 argument ${i + 1} value`).fill(value!);
    }
    await page.getByRole('button', { name: 'Add header to message' }).click();
    await page.getByLabel('message header 1 name').fill('region');
    await page.getByLabel('message header 1 value').fill('eu');
    // The other queues' bindings have no arguments: x-match=all with nothing to compare matches everything.
    await expect.poll(() => litQueues(page)).toEqual(['email-service', 'fraud-service', 'inventory-service']);
    await expect(fraud).toContainText('x-match=any: 1 of 2 arguments match');

    await fraud.getByLabel('x-match (binding 1)').selectOption('all');
    await expect.poll(() => litQueues(page)).toEqual(['email-service', 'inventory-service']);
    await expect(fraud).toContainText('size: wants "large" → missing from the message');
    // x-match is a choice of the four values RabbitMQ accepts, not free text.
    await expect(fraud.getByLabel('x-match (binding 1)').locator('option')).toHaveText([
      'all: every argument equal',
      'any: at least one argument equal',
      'all-with-x: every argument, x- headers too',
      'any-with-x: one argument, x- headers too',
    ]);

    // A link can still carry a value the broker refuses: it is shown, marked and explained.
    await expect.poll(() => linkState(page)).not.toBeNull();
    const state = (await linkState(page)) as { r: { q: [string, [string, string, unknown[]][]][] } };
    state.r.q[2]![1][0]![1] = 'some';
    const encoded = Buffer.from(JSON.stringify(state)).toString('base64url');
    await open(page, `/routing?s=${encoded}`);
    const fraudAgain = page.getByTestId('queue-card').nth(2);
    await expect(fraudAgain).toContainText('x-match must be one of all, any, all-with-x or any-with-x');
    await expect(fraudAgain.getByLabel('x-match (binding 1)')).toHaveValue('some');
    await expect(fraudAgain.getByLabel('x-match (binding 1)').locator('option:checked')).toHaveText('some (not valid)');
  });

  test("the exchange → queue topology is drawn as a graph, the message's path lit, no label over another", async ({ page }) => {
    await open(page);
    const graph = page.getByTestId('topology-graph');
    const lit = () => graph.locator('[data-node][data-lit="true"]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-node')).sort());
    await expect.poll(lit).toEqual(['publisher', 'q:email-service', 'q:inventory-service', 'x:orders-exchange']);
    await expect(graph.getByRole('img')).toHaveAttribute(
      'aria-label',
      'The topology behind exchange orders-exchange: the message passes 1 exchange and reaches 2 queues: email-service, inventory-service.',
    );
    await routingKey(page).fill('order.large.us');
    await expect.poll(lit).toEqual(['publisher', 'q:fraud-service', 'q:inventory-service', 'x:orders-exchange']);
    await page.getByLabel(/Alternate exchange \(a fanout/).check();
    await routingKey(page).fill('payment.failed');
    await expect.poll(lit).toEqual(['publisher', 'q:unrouted-orders', 'x:orders-exchange', 'x:orders-unrouted']);
    await expect(graph.locator('path[data-lit="true"][stroke-dasharray]')).toHaveCount(1);
    // Bounding boxes as drawn: labels and nodes never overlap.
    const boxes = await graph.locator('[data-label-of] text, [data-node] rect').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
        expect(overlap, JSON.stringify([a, b])).toBe(false);
      }
  });

  test('batch mode routes every line', async ({ page }) => {
    await open(page);
    await page.getByLabel('Routing keys, one per line').fill('order.large.us\npayment.failed\n');
    const rows = page.getByRole('region', { name: 'Batch results' }).locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('fraud-service, inventory-service');
    await expect(rows.nth(1)).toContainText('dropped');
  });

  test('a definitions file routes through the real topology; a malformed one changes nothing', async ({ page }) => {
    await open(page);
    await page.getByLabel('Definitions file (JSON)').setInputFiles(path.join(fixtures, 'definitions.json'));
    await expect(page.getByLabel('Imported definitions (definitions.json, vhost shop)')).toBeChecked();
    await expect(page.getByLabel('Publish to exchange')).toHaveValue('shop-events');
    await routingKey(page).fill('order.paid.eu');
    await expect(outcome(page)).toContainText('Delivered to 3 queues: audit-log, invoices, shipping');
    await expect(outcome(page)).toContainText('Exchanges passed: shop-events → billing');
    const queues = page.getByRole('list', { name: 'Imported queues' });
    await expect(queues.locator('[data-lit="true"]')).toHaveText([
      '● shipping (gets a copy)',
      '● invoices (gets a copy)',
      '● audit-log (gets a copy)',
    ]);

    await page.getByLabel('Publish to exchange').selectOption('billing');
    await routingKey(page).fill('order.paid.us');
    await expect(outcome(page)).toContainText('Delivered to 1 queue: billing-dead-ends');
    await expect(outcome(page)).toContainText('No binding of "billing" matched');

    // The default exchange is in no export, yet every vhost has it: the routing key names the queue.
    await page.getByLabel('Publish to exchange').selectOption('');
    await routingKey(page).fill('shipping');
    await expect(outcome(page)).toContainText('Delivered to 1 queue: shipping');
    await expect(page.getByRole('region', { name: 'The default exchange' })).toContainText('shipping exists here and gets it');
    await routingKey(page).fill('order.paid.us');
    await expect(outcome(page)).toContainText('Unroutable: dropped');
    await page.getByLabel('Publish to exchange').selectOption('billing');

    await page.getByLabel('Virtual host').selectOption('/');
    await expect(page.getByLabel('Publish to exchange')).toHaveValue('legacy-x');
    await routingKey(page).fill('legacy');
    await expect(outcome(page)).toContainText('Delivered to 1 queue: legacy');
    await page.getByLabel('Virtual host').selectOption('shop');
    await page.getByLabel('Publish to exchange').selectOption('billing');
    await routingKey(page).fill('order.paid.us');

    await page.getByLabel('Definitions file (JSON)').setInputFiles(path.join(fixtures, 'definitions-malformed.json'));
    const error = page.getByRole('alert').filter({ hasText: 'definitions-malformed.json' });
    await expect(error).toContainText('definitions-malformed.json: Not a RabbitMQ definitions file: bindings[0].destination_type');
    await expect(error).toContainText('Nothing was changed');
    await expect(page.getByLabel('Publish to exchange')).toHaveValue('billing');
    await expect(outcome(page)).toContainText('Delivered to 1 queue: billing-dead-ends');

    // Every problem is named, not just the first.
    await page.getByLabel('Definitions file (JSON)').setInputFiles(path.join(fixtures, 'definitions-many-problems.json'));
    const many = page.getByRole('alert').filter({ hasText: 'definitions-many-problems.json' });
    await expect(many).toContainText('definitions-many-problems.json: Not a RabbitMQ definitions file: 4 problems. Nothing was changed.');
    await expect(many.getByRole('list', { name: 'Problems in the file' }).getByRole('listitem')).toHaveText([
      'queues[1].name: is missing',
      'queues[2].name: expected string, received number',
      'exchanges[0].type: is missing',
      'bindings[0].destination_type: expected "queue" or "exchange"',
    ]);
  });
});

test.describe('Kafka key → partition calculator', () => {
  test('TT0124 with 15 partitions: 10 under Java, 9 under librdkafka, flagged', async ({ page }) => {
    await open(page);
    const row = page.getByTestId('partition-table').getByRole('row', { name: /TT0124/ });
    await expect(row.getByRole('cell')).toHaveText(['10', '9', '10']);
    await expect(row).toContainText('differs');
    await expect(page.getByText('set partitioner=murmur2_random in the librdkafka clients', { exact: false })).toBeVisible();
  });

  test('a pattern expands, an empty key is random under librdkafka, bad counts are flagged', async ({ page }) => {
    await open(page);
    await page.getByLabel('a pattern').check();
    await page.getByLabel('Key pattern').fill('user-{0..99}');
    await expect(page.getByText('100 keys.', { exact: false })).toBeVisible();
    await page.getByLabel('Key pattern').fill('user-{0..99999}');
    await expect(page.getByText('the input makes 100,000; only the first 10,000 are used', { exact: false })).toBeVisible();
    await page.getByLabel('Key pattern').fill('user-{0..99');
    await expect(page.getByText('"{" at position 6 is never closed')).toBeVisible();

    await page.getByLabel('a list').check();
    await page.getByLabel('Keys, one per line', { exact: true }).fill('a\n\nb');
    const empty = page.getByTestId('partition-table').getByRole('row', { name: /\(empty key\)/ });
    await expect(empty.getByRole('cell').nth(1)).toHaveText('random (sticky)');

    await page.getByLabel('Partitions').fill('0');
    await expect(page.getByText('A topic here has 1 to 10,000 partitions')).toBeVisible();
    await page.getByLabel('Partitions').fill('6');
    await page.getByLabel('Grow the topic to').fill('3');
    await expect(page.getByText('Kafka can only add partitions: enter more than 6')).toBeVisible();
  });

  test('growing the topic lists the keys that move; the chart loads', async ({ page }) => {
    await open(page);
    await page.getByLabel('a pattern').check();
    await page.getByLabel('Key pattern').fill('user-{0..99}');
    await page.getByLabel('Partitions').fill('6');
    await page.getByLabel('Grow the topic to').fill('12');
    await expect(page.getByTestId('growth')).toContainText(/Java: \d+ of 100 keys move \(\d+\.\d%\)/);
    await expect(page.getByTestId('growth-table').locator('tbody tr').first()).toContainText(/user-\d+\d+ → \d+/);
    // The chart's code loads when the reader scrolls near it.
    await page.getByRole('heading', { name: 'Keys per partition' }).scrollIntoViewIfNeeded();
    await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  });

  test('growing 15 → 20: every key that moves is listed with its partition before and after under each client, labelled', async ({
    page,
  }) => {
    await open(page);
    const growth = page.getByTestId('growth');
    await expect(page.getByTestId('growth-summary')).toContainText('Java: 3 of 5 keys move (60.0%); librdkafka: 5 of 5 (100.0%)');
    const table = page.getByTestId('growth-table');
    // Issue #19: TT0124 moves 9 → 19 under librdkafka (Java keeps it on 10) and was never listed.
    const tt = table.getByRole('row', { name: /TT0124/ });
    await expect(tt.getByRole('cell')).toHaveText(['10 → 10stays', '9 → 19moves', 'librdkafka only']);
    await expect(table.locator('tbody tr')).toHaveCount(5);
    await growth.getByLabel(/that move under Java/).check();
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(table.getByRole('row', { name: /TT0124/ })).toHaveCount(0);
    await growth.getByLabel(/that move under librdkafka \(5\)/).check();
    await expect(table.locator('tbody tr')).toHaveCount(5);
    const headers = table.locator('thead th');
    await expect(headers).toHaveText([
      'Key',
      'Java default (murmur2): 15 → 20',
      'librdkafka default (consistent_random): 15 → 20',
      'Moves under',
    ]);
  });

  test('the chart code is not loaded until the chart comes near the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 700 });
    const charts: string[] = [];
    page.on('response', async (res) => {
      if (res.url().endsWith('.js') && (await res.text()).includes('recharts')) charts.push(res.url());
    });
    await open(page);
    // Everything the page loads on its own has arrived once the network has been quiet for 500 ms.
    await page.waitForLoadState('networkidle');
    expect(charts).toEqual([]);
    await page.getByRole('heading', { name: 'Keys per partition' }).scrollIntoViewIfNeeded();
    await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
    expect(charts.length).toBeGreaterThan(0);
  });
});

test.describe('shared state', () => {
  test('a link restores the whole setup', async ({ page, context }) => {
    await open(page);
    await page.getByLabel('Type', { exact: true }).selectOption('direct');
    await routingKey(page).fill('order.large.*');
    await page.getByLabel('Partitions').fill('7');
    await expect(page).toHaveURL(/\?s=[A-Za-z0-9_-]+$/);
    // The link is written after a short debounce: wait until it holds all three edits.
    await expect.poll(() => linkState(page)).toMatchObject({ r: { k: 'order.large.*' }, k: { n: '7' } });
    const url = page.url();

    const other = await context.newPage();
    await open(other, url);
    await expect(routingKey(other)).toHaveValue('order.large.*');
    await expect(other.getByLabel('Type', { exact: true })).toHaveValue('direct');
    await expect(other.getByLabel('Partitions')).toHaveValue('7');
    await expect.poll(() => litQueues(other)).toEqual(['fraud-service']);
    await expect(other.getByText('This link could not be restored')).toHaveCount(0);
  });

  test('a bad or truncated link shows a notice and the starting example', async ({ page }) => {
    await open(page);
    await page.getByLabel('Partitions').fill('7');
    await expect(page).toHaveURL(/\?s=/);
    const cut = page.url().slice(0, -10);
    for (const bad of [cut, '/routing?s=not-a-real-state']) {
      await open(page, bad);
      await expect(page.getByRole('alert').filter({ hasText: 'This link could not be restored' })).toBeVisible();
      await expect(page.getByLabel('Partitions')).toHaveValue('15');
      await expect(routingKey(page)).toHaveValue('order.confirmed.eu');
    }
  });
});

test('the main flows work with the keyboard alone', async ({ page }) => {
  await open(page);
  const tabTo = async (target: ReturnType<Page['getByLabel']>) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error('could not reach the control with Tab');
  };
  await tabTo(page.getByLabel('Type', { exact: true }));
  await tabTo(routingKey(page));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('order.large.us');
  await expect.poll(() => litQueues(page)).toEqual(['fraud-service', 'inventory-service']);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/^mandatory/)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByLabel(/^mandatory/)).toBeChecked();

  await tabTo(page.getByRole('button', { name: 'Add queue' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('queue-card')).toHaveCount(4);

  await tabTo(page.getByLabel('Partitions'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('15');
  await expect(
    page
      .getByTestId('partition-table')
      .getByRole('row', { name: /TT0124/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('10');
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violation in the ${theme} theme, with the headers editor and an import open`, async ({ page }) => {
    await useTheme(page, theme);
    await open(page);
    await checkA11y(page);
    await page.getByLabel('Type', { exact: true }).selectOption('headers');
    await page.getByRole('button', { name: 'Add header to message' }).click();
    await page.getByLabel('Definitions file (JSON)').setInputFiles(path.join(fixtures, 'definitions-malformed.json'));
    await expect(page.getByText('Nothing was changed')).toBeVisible();
    await checkA11y(page);
  });
}

test('no horizontal scroll at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await page.getByLabel('Type', { exact: true }).selectOption('headers');
  await page.getByRole('button', { name: 'Add header to message' }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByLabel('Definitions file (JSON)').setInputFiles(path.join(fixtures, 'definitions.json'));
  await routingKey(page).fill('order.paid.eu');
  await expect(outcome(page)).toContainText('Delivered to 3 queues');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
