import { checkA11y, expect, test, useTheme } from './fixtures';
import type { Page } from '@playwright/test';

/** Opens the simulator at a query string and waits until the link has been applied. */
async function open(page: Page, query = '') {
  await page.goto('/simulate' + query);
  await expect(page.getByTestId('simulator')).toHaveAttribute('data-ready', 'true');
}
const time = (page: Page) => page.getByTestId('sim-time');
const lanes = (page: Page) => page.locator('#kafka-lane, #rabbit-lane').locator('xpath=..');
const laneText = async (page: Page) => (await lanes(page).allInnerTexts()).join('\n');

test('log-vs-queue: the group at committed offset 4 has lag 1', async ({ page }) => {
  await open(page, '?scenario=log-vs-queue');
  const lag = page.getByRole('list', { name: 'Lag on orders-0' });
  await expect(lag.getByRole('listitem').filter({ hasText: 'audit' })).toContainText(/committed 4 · lag 1/);
  await expect(lag.getByRole('listitem').filter({ hasText: 'analytics' })).toContainText(/committed 2 · lag 3/);
  await expect(page.locator('[data-partition="orders-0"]')).toContainText('log-end offset 5');
});

test('stepping forward then back shows the same state again', async ({ page }) => {
  await open(page, '?scenario=log-vs-queue&t=1500');
  await expect(time(page)).toHaveText(/^1\.5 s/);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(time(page)).not.toHaveText(/^1\.5 s/);
  const t1 = await time(page).innerText();
  const state1 = await laneText(page);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(time(page)).not.toHaveText(t1);
  await expect.poll(() => laneText(page)).not.toBe(state1);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(time(page)).toHaveText(t1);
  await expect.poll(() => laneText(page)).toBe(state1);
});

test('a crashed RabbitMQ consumer’s unacked messages return marked redelivered', async ({ page }) => {
  await open(page, '?scenario=requeue-on-crash&t=3000');
  const queue = page.locator('[data-queue="jobs"]');
  const c1 = queue.locator('[data-consumer="c1"]');
  await expect(c1.getByText(/unacked, delivery tag/)).not.toHaveCount(0);
  const held = await c1.getByText(/unacked, delivery tag/).count();
  await expect(queue.getByRole('list', { name: /Ready messages/ }).getByText('redelivered')).toHaveCount(0);
  // Crash it now, by hand: an intervention at 3000 ms, earlier than the scenario's own crash.
  await page.getByRole('combobox', { name: 'Action', exact: true }).selectOption({ label: 'Crash a consumer (RabbitMQ)' });
  await page.getByRole('combobox', { name: 'Consumer', exact: true }).selectOption('c1');
  await page.getByRole('button', { name: 'Apply now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done at 3000 ms' })).toBeVisible();
  await expect(c1).toContainText('crashed');
  await expect(c1.getByText(/unacked, delivery tag/)).toHaveCount(0);
  await expect(queue.getByRole('list', { name: /Ready messages/ }).getByText('redelivered')).toHaveCount(held);
  await expect(page.getByRole('list', { name: 'Recent steps, newest first' })).toContainText('You: crashed consumer c1');
  // The link now carries the intervention: reopening it shows the same moment.
  const url = page.url();
  expect(url).toContain('iv=');
  const before = await laneText(page);
  await page.goto(url);
  await expect(page.getByTestId('simulator')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => laneText(page)).toBe(before);
});

/** Records every Web Animations flight a chip starts: [message id, side it lands on, horizontal distance]. */
async function recordFlights(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { flights: [string, string, number][] };
    w.flights = [];
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (keyframes, options) {
      const el = this as HTMLElement;
      const from = /translate\((-?[\d.]+)px/.exec(JSON.stringify(keyframes))?.[1];
      if (el.dataset.msg) w.flights.push([el.dataset.msg, el.dataset.side ?? '', Number(from)]);
      return animate.call(this, keyframes, options);
    };
  });
}
const flights = (page: Page) => page.evaluate(() => (window as unknown as { flights: [string, string, number][] }).flights);

test('a delivered message flies from the queue into the consumer’s slot, and a requeued one flies back', async ({ page }) => {
  await recordFlights(page);
  await open(page, '?scenario=requeue-on-crash&t=3000');
  const step = page.getByRole('button', { name: 'Step forward' });
  // c1 crashes at 3.5 s: its unacked messages go back to the queue, then the queue delivers again.
  await expect(async () => {
    await step.click();
    const seen = await flights(page);
    expect(seen.some(([, side, dx]) => side === 'slot' && Math.abs(dx) > 20)).toBe(true);
    expect(seen.some(([, side, dx]) => side === 'ready' && Math.abs(dx) > 20)).toBe(true);
  }).toPass({ timeout: 15_000 });
  const back = (await flights(page)).find(([, side]) => side === 'ready')!;
  // Marked redelivered, whether it still waits in the queue or the next step already delivered it again.
  await expect(page.locator('[data-queue="jobs"]').getByTitle(new RegExp(`^${back[0]}, .*redelivered`))).toHaveCount(1);
});

test.describe('reduced motion, deliveries', () => {
  test.use({ reducedMotion: 'reduce' });
  test('nothing flies; the state still steps', async ({ page }) => {
    await recordFlights(page);
    await open(page, '?scenario=requeue-on-crash&t=3000');
    const before = await laneText(page);
    for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => laneText(page)).not.toBe(before);
    expect(await flights(page)).toEqual([]);
  });
});

test('a shared link opens at the same moment', async ({ page }) => {
  await open(page, '?scenario=log-vs-queue&seed=1&t=4000');
  await expect(time(page)).toHaveText(/^4 s \/ 15 s/);
  await expect(page.getByRole('slider')).toHaveValue('4000');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('log-vs-queue');
  const state = await laneText(page);
  // Walk away and come back by the address bar's link.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  // The engine answers from its worker: wait for the step back to reach the link.
  await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe('4000');
  await page.goto(page.url());
  await expect(page.getByTestId('simulator')).toHaveAttribute('data-ready', 'true');
  await expect(time(page)).toHaveText(/^4 s/);
  await expect.poll(() => laneText(page)).toBe(state);
});

test('keyboard only: space plays and pauses, arrows step, ? lists the shortcuts', async ({ page }) => {
  await open(page, '?scenario=group-scaling');
  await page.locator('h1').click(); // focus on the page, not a control
  await page.keyboard.press('ArrowRight');
  // The engine answers from its worker: wait for the step to show.
  await expect(time(page)).not.toHaveText(/^0 s/);
  const t1 = await time(page).innerText();
  await page.keyboard.press('ArrowRight');
  await expect(time(page)).not.toHaveText(t1);
  await page.keyboard.press('ArrowLeft');
  await expect(time(page)).toHaveText(t1);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(time(page)).not.toHaveText(t1);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Step back to the previous event');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Typing in a field does not trigger shortcuts.
  const seed = page.getByRole('textbox', { name: 'Seed' });
  await seed.fill('');
  const before = await time(page).innerText();
  await seed.pressSequentially('42 ');
  await page.keyboard.press('ArrowLeft');
  await expect(time(page)).toHaveText(before);
  await expect(seed).toHaveValue('42 ');
  // Every control is reachable with Tab and shows its focus.
  await page.getByRole('button', { name: 'Step forward' }).focus();
  await page.keyboard.press('Enter');
  await expect(time(page)).not.toHaveText(before);
});

test('at 390 px the "?" shortcuts button is not shown (no keyboard there), the "?" key still opens the list; at 1280 px it is', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '?scenario=group-scaling');
  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await expect(button).toBeHidden();
  await page.locator('h1').click();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(button).toBeVisible();
  await button.click();
  await expect(dialog).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violation in the ${theme} theme, with both lanes and the editor open`, async ({ page }) => {
    await useTheme(page, theme);
    await open(page, '?scenario=log-vs-queue&t=6000');
    await page.getByText('Scenario editor').click();
    await expect(page.getByLabel('Scenario JSON')).toBeVisible();
    await checkA11y(page);
  });
}

test('a malformed link shows a notice and the default scenario', async ({ page }) => {
  await open(page, '?scenario=no-such-thing&t=99');
  await expect(page.getByTestId('simulator').getByRole('alert')).toContainText('no scenario called "no-such-thing"');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('log-vs-queue');
  await expect(time(page)).toHaveText(/^0 s/);
  await open(page, '?custom=eyJ2ZXJzaW9uIjoxLCJkdXJhdGlvbk1z');
  await expect(page.getByTestId('simulator').getByRole('alert')).toContainText('damaged or truncated');
});

test('the editor shows a field error next to the text and keeps what was typed', async ({ page }) => {
  await open(page);
  await page.getByText('Scenario editor').click();
  const editor = page.getByLabel('Scenario JSON');
  const broken = JSON.stringify({ version: 1, durationMs: 5000, kafka: { topics: [{ name: 'clicks', partitions: 0 }] } }, null, 2);
  await editor.fill(broken);
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  const errors = page.locator('#editor-errors');
  await expect(errors).toContainText('kafka.topics[0].partitions');
  await expect(errors).toContainText('must be an integer from 1');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expect(editor).toHaveValue(broken);
  // Not even valid JSON: a line and column.
  await editor.fill('{ "version": 1, ');
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  await expect(errors).toContainText(/Not valid JSON/);
  // The draft survives a reload.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('kvr-sim-draft')))
    .toBe(JSON.stringify({ v: 1, text: '{ "version": 1, ' }));
  await page.reload();
  await expect(page.getByLabel('Scenario JSON')).toHaveValue('{ "version": 1, ');
  // A valid scenario runs and the link carries it.
  await page.getByLabel('Scenario JSON').fill(broken.replace('"partitions": 0', '"partitions": 3'));
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('');
  await expect(page.locator('[data-partition="clicks-2"]')).toBeVisible();
  expect(page.url()).toContain('custom=');
});

test('a corrupt stored draft gives a notice and the editor still works', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kvr-sim-draft', '{"v":1,"text":'));
  await open(page);
  await page.getByText('Scenario editor').click();
  await expect(page.getByText('could not be read')).toBeVisible();
  await expect(page.getByLabel('Scenario JSON')).toHaveValue(/"version": 1/);
});

test('charts load only when their panel is reached, and draw lag over time', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await open(page, '?scenario=log-vs-queue&t=5000');
  const before = scripts.length;
  await page.getByTestId('charts').scrollIntoViewIfNeeded();
  await expect(page.getByText('Consumer lag per group (records)')).toBeVisible();
  await expect(page.getByTestId('charts').locator('svg.recharts-surface').first()).toBeVisible();
  expect(scripts.length).toBeGreaterThan(before);
});

test('the charts’ time axis reads whole seconds (#19, point 9)', async ({ page }) => {
  await open(page, '?scenario=crash-before-commit');
  await page.getByTestId('charts').scrollIntoViewIfNeeded();
  const ticks = page.getByTestId('charts').locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label');
  await expect(ticks.first()).toBeVisible();
  const texts = await ticks.allTextContents();
  expect(texts.length).toBeGreaterThan(2);
  for (const t of texts) expect(t).toMatch(/^\d+ s$/);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('lanes stack, nothing scrolls sideways and the controls stay in reach', async ({ page }) => {
    await open(page, '?scenario=side-by-side');
    const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const kafka = await page.locator('#kafka-lane').boundingBox();
    const rabbit = await page.locator('#rabbit-lane').boundingBox();
    expect(rabbit!.y).toBeGreaterThan(kafka!.y + kafka!.height);
    await page.mouse.wheel(0, 1500);
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeInViewport();
  });
});

test.describe('reduced motion', () => {
  test.use({ contextOptions: { reducedMotion: 'reduce' } });
  test('no tweening, and the state still steps', async ({ page }) => {
    await open(page, '?scenario=log-vs-queue');
    const duration = await page
      .locator('.kvr-cell')
      .first()
      .evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(parseFloat(duration)).toBeLessThan(0.001);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(time(page)).not.toHaveText(/^0 s/);
  });
});

test('playing pauses at a narrated chapter and says what it shows', async ({ page }) => {
  await open(page, '?scenario=requeue-on-crash&t=3000');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(time(page)).toHaveText(/^3\.5 s/);
  await expect(page.getByRole('complementary', { name: 'Current chapter' })).toContainText('c1 dies');
  await expect(page.getByRole('list', { name: 'Recent steps, newest first' }).getByRole('listitem').first()).toContainText('c1 dies');
  expect(new URL(page.url()).searchParams.get('t')).toBe('3500');
});

test('the "Whole log" view shows the earliest offsets, survives a reload and turns off again', async ({ page }) => {
  await open(page, '?scenario=heavy&seed=1&t=10000');
  const row = page.locator('[data-partition="metrics-0"]');
  const offset0 = row.getByTitle(/^offset 0,/);
  const earlier = row.getByTitle(/^\d+ earlier records, kept but not drawn$/);
  await expect(earlier).toHaveText(/^… \d+$/);
  await expect(offset0).toHaveCount(0);

  const toggle = page.getByRole('checkbox', { name: /Whole log/ });
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await expect(offset0).toBeVisible();
  await expect(offset0).toHaveText('0');
  await expect(offset0).toHaveAttribute('title', /log start offset/);
  await expect(row).not.toContainText('earlier');
  await expect(row.getByText('LEO')).toBeVisible();
  // The committed offset sits in the flow with the group's name and agrees with the lag line.
  const lagLine = await page
    .getByRole('list', { name: 'Lag on metrics-0' })
    .getByRole('listitem')
    .filter({ hasText: 'storage' })
    .innerText();
  const committed = /committed (\d+)/.exec(lagLine)?.[1];
  expect(committed).toBeDefined();
  await expect(row.getByTitle(`storage committed offset ${committed}`)).toBeVisible();
  await expect(page).toHaveURL(/view=whole-log/);

  await page.reload();
  await expect(page.getByTestId('simulator')).toHaveAttribute('data-ready', 'true');
  await expect(toggle).toBeChecked();
  await expect(offset0).toBeVisible();

  await toggle.uncheck();
  await expect(offset0).toHaveCount(0);
  await expect(earlier).toHaveText(/^… \d+$/);
  await expect(page).not.toHaveURL(/view=/);
});

test('in the "Whole log" view a record keeps its place while the head of the log is deleted and new records arrive', async ({ page }) => {
  // metrics-2 at 40 s holds offsets from about 54: retention deletes a segment of the head every few seconds.
  await open(page, '?scenario=heavy&seed=1&t=40000&view=whole-log');
  const row = page.locator('[data-partition="metrics-2"]');
  const heading = row.getByText(/log start offset/);
  // The card in view and its figures drawn before reading them.
  await row.scrollIntoViewIfNeeded();
  await expect(heading).toContainText(/log start offset \d+ · log-end offset \d+/);
  const startBefore = /log start offset (\d+)/.exec(await heading.innerText())![1]!;
  const leoBefore = Number(/log-end offset (\d+)/.exec(await heading.innerText())![1]);
  // Two records near the newest end: they survive the next 10 s of retention.
  const a = row.getByTitle(new RegExp(`^offset ${leoBefore - 12},`));
  const b = row.getByTitle(new RegExp(`^offset ${leoBefore - 3},`));
  const place = async () => {
    // Measure the resting place, not a chip halfway through its entrance.
    await row.scrollIntoViewIfNeeded();
    for (const chip of [a, b]) await chip.evaluate((el) => Promise.all(el.getAnimations().map((x) => x.finished)));
    const [ra, rb] = [await a.boundingBox(), await b.boundingBox()];
    return { ax: ra!.x, bx: rb!.x, dy: rb!.y - ra!.y };
  };
  const before = await place();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(heading).not.toContainText(`log start offset ${startBefore} `, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  expect(Number(/log-end offset (\d+)/.exec(await heading.innerText())![1])).toBeGreaterThan(leoBefore);
  // Same column, same distance between the two: nothing moved inside the grid.
  expect(await place()).toEqual(before);
});

test('in the "Whole log" view a queue\'s head starts in the first column, also after a crash requeues earlier messages', async ({
  page,
}) => {
  await open(page, '?scenario=requeue-on-crash&t=3000&view=whole-log');
  const list = page.getByRole('list', { name: 'Ready messages in jobs, head first' });
  const headAtStart = async () => {
    const first = list.getByRole('listitem').first();
    await first.evaluate((el) => Promise.all(el.getAnimations().map((x) => x.finished))); // its entrance scales it
    const [box, head] = [await list.boundingBox(), await first.boundingBox()];
    return Math.abs(head!.x - box!.x) < 1;
  };
  expect(await headAtStart()).toBe(true);
  // c1 crashes at 3.5 s: its five unacked messages return ahead of the rest.
  await expect(async () => {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(list.getByRole('listitem').first()).toHaveAttribute('title', /redelivered/, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  expect(await headAtStart()).toBe(true);
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violation in the ${theme} theme with the "Whole log" view on`, async ({ page }) => {
    await useTheme(page, theme);
    await open(page, '?scenario=heavy&seed=1&t=10000&view=whole-log');
    await expect(page.locator('[data-partition="metrics-0"]').getByTitle(/^offset 0,/)).toBeVisible();
    await checkA11y(page);
  });
}

test('after switching scenario the editor holds the new scenario, and the old draft is one click away (#19, point 6)', async ({ page }) => {
  await open(page, '?scenario=log-vs-queue');
  await page.getByText('Scenario editor').click();
  const editor = page.getByLabel('Scenario JSON');
  await expect(editor).toHaveValue(/"orders"/);
  const draft = (await editor.inputValue()).replace('"durationMs": 15000', '"durationMs": 14000');
  await editor.fill(draft);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('retention-reset');
  await expect(editor).toHaveValue(/"clicks"/);
  await expect(editor).not.toHaveValue(/"durationMs": 14000/);
  await expect(page.getByTestId('editor-stash')).toContainText('A log keeps, a queue deletes');
  await page.getByRole('button', { name: 'Bring it back' }).click();
  await expect(editor).toHaveValue(draft);
  // Running the draft is no switch: the editor keeps it.
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('');
  await expect(editor).toHaveValue(draft);
  await expect(page.getByTestId('editor-stash')).toHaveCount(0);
});

test('the page says what the model leaves out, next to the simulator, with a link to the scenario format (#19, point 7)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page);
  await page.getByTestId('scenario-about-wide').getByRole('link', { name: 'What the model leaves out' }).click();
  const limits = page.getByRole('region', { name: 'What this model leaves out' });
  await expect(limits).toBeInViewport();
  await expect(limits.getByRole('listitem')).toHaveCount(14);
  await expect(limits).toContainText('No network, disks or memory');
  await limits.getByRole('link', { name: 'scenario format' }).click();
  await expect(page.getByRole('region', { name: 'The scenario format' })).toBeInViewport();
  await expect(page.getByRole('region', { name: 'The scenario format' })).toContainText('kafka.groups[]');
});

test.describe('changes the engine has, on the page (#19, point 4)', () => {
  test('ack with multiple settles every earlier delivery; "Your changes" reads in words, goes to its moment and undoes', async ({
    page,
  }) => {
    await open(page, '?scenario=work-queue-prefetch&t=4000');
    const panel = page.getByRole('region', { name: 'Change something' });
    await panel.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Ack a message' });
    await panel.getByRole('combobox', { name: 'Consumer' }).selectOption('hoarder');
    // hoarder holds tags 5 … 11 at 4 s (prefetch 10).
    await panel.getByRole('combobox', { name: 'Unacked message' }).selectOption('8');
    await panel.getByRole('checkbox', { name: /multiple/ }).check();
    await panel.getByRole('button', { name: 'Apply now' }).click();
    await expect(page.getByRole('list', { name: 'Recent steps, newest first' })).toContainText(
      'You: acked delivery tag 8 and every earlier one of hoarder.',
    );
    const queue = page.locator('section', { has: page.getByRole('heading', { name: /^RabbitMQ/ }) });
    await expect(queue).toContainText('acked 21');
    await expect(page.getByRole('list', { name: 'Consumers of tasks' })).toContainText('hoarder');
    // Tags 5-8 are gone from hoarder's unacked deliveries; 9 is still there.
    await panel.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Nack a message' });
    await panel.getByRole('combobox', { name: 'Consumer' }).selectOption('hoarder');
    const tags = await panel
      .getByRole('combobox', { name: 'Unacked message' })
      .locator('option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(tags).toEqual(['9', '10', '11']);

    const changes = page.getByRole('list', { name: 'Your changes' });
    await expect(changes.getByRole('listitem')).toHaveCount(1);
    await expect(changes.getByRole('listitem')).toContainText('4 s');
    await expect(changes.getByRole('listitem')).toContainText('Acked delivery tag 8 and every earlier one of hoarder.');
    await page.getByRole('slider', { name: 'Time' }).fill('9000');
    await expect(page.getByTestId('sim-time')).toHaveText(/^9 s/);
    await changes.getByRole('button', { name: 'Go to 4 s' }).click();
    await expect(page.getByTestId('sim-time')).toHaveText(/^4 s/);
    await changes.getByRole('button', { name: /^Undo/ }).click();
    await expect(page.getByRole('list', { name: 'Your changes' })).toHaveCount(0);
    await expect(queue).toContainText('acked 17');
    // The narration says what was undone and where the clock is (not "Loaded …").
    const newest = page.getByRole('list', { name: 'Recent steps, newest first' }).getByRole('listitem').first();
    await expect(newest).toContainText(
      'Undid your change at 4000 ms: acked delivery tag 8 and every earlier one of hoarder. At t = 4000 ms now.',
    );
    await expect(newest).toContainText('Queue tasks: ready');
    await expect(newest).not.toContainText('Loaded');
  });

  test('a Kafka consumer seeks to a timestamp', async ({ page }) => {
    await open(page, '?scenario=crash-before-commit&t=8000');
    const panel = page.getByRole('region', { name: 'Change something' });
    await panel.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Seek a consumer' });
    await expect(panel.getByRole('textbox', { name: 'Offset', exact: true })).toHaveCount(0);
    await panel.getByRole('combobox', { name: 'To' }).selectOption('timestamp');
    await panel.getByRole('textbox', { name: /^Timestamp/ }).fill('1000');
    await panel.getByRole('button', { name: 'Apply now' }).click();
    await expect(page.getByRole('list', { name: 'Recent steps, newest first' })).toContainText(/seek .* to timestamp 1000 ms/);
    await expect(page.getByRole('list', { name: 'Your changes' })).toContainText('to timestamp 1000 ms.');
  });
});

test('a dead-letter queue says why its messages landed there (#19, point 6)', async ({ page }) => {
  await open(page, '?scenario=ttl-dead-letter&t=20000');
  const dead = page.locator('[data-queue="orders.dead"]');
  await expect(dead.getByTestId('dead-letter-reasons')).toContainText('expired in orders (its TTL ran out)');
  await expect(dead.getByTestId('dead-letter-reasons')).toContainText('rejected in orders (nacked or rejected without requeue)');
  await expect(page.locator('[data-queue="orders"]').getByTestId('dead-letter-reasons')).toHaveCount(0);
});

test('a built-in scenario shows explicit acks: one by one, with multiple=true, and auto-ack lost in a crash (#19, point 4)', async ({
  page,
}) => {
  await open(page);
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await expect(
    picker.locator('optgroup[label="RabbitMQ: work queues, acks and consumers"] option', {
      hasText: 'Acks: one by one, many at once, or none',
    }),
  ).toHaveCount(1);
  await picker.selectOption({ label: 'Acks: one by one, many at once, or none' });
  await expect(page.getByText('Three consumers, three ways to ack').first()).toBeVisible();
  await page.getByRole('slider', { name: 'Time' }).fill('2590');
  await expect(time(page)).toHaveText(/^2\.590 s/);
  const steps = page.getByRole('list', { name: 'Recent steps, newest first' });
  // Step to 2.6 s: batcher's one basic.ack with multiple=true settles tags 1 to 6.
  for (let i = 0; i < 5 && !/^2\.6 s/.test(await time(page).innerText()); i++) {
    const before = await time(page).innerText();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(time(page)).not.toHaveText(before);
  }
  await expect(time(page)).toHaveText(/^2\.6 s/);
  await expect(steps.getByRole('listitem').first()).toContainText(
    'Consumer batcher acked app-0 (delivery tag 1) with one basic.ack of tag 6, multiple=true; queue batched deleted it',
  );
  await expect(steps.getByRole('listitem').first()).toContainText('One ack settles six deliveries');
  // Manual acks, one per delivery, are narrated too.
  await page.getByRole('slider', { name: 'Time' }).fill('1500');
  await expect(time(page)).toHaveText(/^1\.5 s/);
  for (let i = 0; i < 10 && !(await steps.getByRole('listitem').first().innerText()).includes('Consumer each acked'); i++) {
    const before = await time(page).innerText();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(time(page)).not.toHaveText(before);
  }
  await expect(steps.getByRole('listitem').first()).toContainText(
    /Consumer each acked app-\d+ \(delivery tag \d+\); queue one-by-one deleted it/,
  );
});
