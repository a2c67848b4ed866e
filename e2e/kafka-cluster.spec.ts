import { checkA11y, expect, test } from './fixtures';
import type { Page } from '@playwright/test';

/** Opens the simulator at a query string and waits until the link has been applied. */
async function open(page: Page, query: string) {
  await page.goto('/simulate' + query);
  await expect(page.getByTestId('simulator')).toHaveAttribute('data-ready', 'true');
}

test('brokers: kill one by its button, watch the controller fence it and a follower take over, restart it', async ({ page }) => {
  await open(page, '?scenario=acks-all-leader-dies&t=2000');
  const broker2 = page.getByTestId('broker-2');
  await expect(page.getByTestId('broker-2-status')).toHaveText('up');
  await expect(broker2).toContainText('leads orders-1');
  await broker2.getByRole('button', { name: 'Kill broker 2' }).click();
  await expect(page.getByTestId('broker-2-status')).toHaveText('died at 2.0 s, not fenced yet');
  await expect(page.getByTestId('replica-orders-1-2')).toContainText('(died at 2.0 s)');
  await expect(page.getByRole('list', { name: 'Recent steps, newest first' })).toContainText('You: killed broker 2 (kill -9)');
  // broker.session.timeout.ms is 3 s in this scenario: step until the controller has fenced it.
  const step = page.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < 200 && (await page.getByTestId('broker-2-status').innerText()) !== 'died at 2.0 s, fenced by the controller'; i++)
    await step.click();
  await expect(page.getByTestId('broker-2-status')).toHaveText('died at 2.0 s, fenced by the controller');
  // orders-1 (replicas 2, 3, 1) is led by broker 3 now, and its ISR no longer lists broker 2.
  await expect(page.getByTestId('replicas-orders-1')).toContainText('leader broker 3 · leader epoch 1 · ISR {3, 1}');
  await expect(page.getByTestId('replica-orders-1-2')).toContainText('no');
  await expect(page.getByRole('list', { name: 'Recent steps, newest first' })).toContainText(/Broker 2 .*fenced|fenced broker 2/i);
  await broker2.getByRole('button', { name: 'Restart broker 2' }).click();
  await expect(page.getByTestId('broker-2-status')).toHaveText('up');
  await checkA11y(page, '[data-testid="kafka-cluster"]');
});

test('the producer ledger says what acks=1 lost when the leader died', async ({ page }) => {
  await open(page, '?scenario=acks-1-leader-dies&t=26000');
  const ledger = page.getByTestId('producer-ledger');
  await expect(ledger).toBeVisible();
  const web = ledger.locator('[data-ledger-row="web"]');
  const cell = (key: string) => web.locator(`[data-ledger-cell="${key}"]`);
  await expect(web).toContainText('acks=1');
  const lost = Number(await cell('acknowledgedButLost').innerText());
  expect(lost).toBeGreaterThan(0);
  await expect(cell('duplicatesDelivered')).toHaveText('0');
  // At the start nothing is lost yet.
  await open(page, '?scenario=acks-1-leader-dies&t=1000');
  await expect(page.locator('[data-ledger-row="web"] [data-ledger-cell="acknowledgedButLost"]')).toHaveText('0');
});

test('a stalled follower falls behind and leaves the ISR', async ({ page }) => {
  await open(page, '?scenario=acks-all-leader-dies&t=1000');
  await page.getByTestId('broker-3').getByRole('button', { name: "Stall broker 3's fetcher" }).click();
  await expect(page.getByTestId('broker-3-status')).toHaveText('up, replica fetcher stalled');
  // replica.lag.time.max.ms is 10 s here: play at 8× (again after each chapter pause) until broker 3
  // is out of orders-1's ISR (orders-1's leader, broker 2, stays up in this scenario).
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '8×' });
  const play = page.getByRole('button', { name: 'Play' });
  await expect
    .poll(
      async () => {
        if (await play.isVisible()) await play.click();
        return page.getByTestId('replicas-orders-1').innerText();
      },
      { timeout: 30_000 },
    )
    .toMatch(/ISR \{2, 1\}/);
  if (await page.getByRole('button', { name: 'Pause' }).isVisible()) await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('replica-orders-1-3')).toContainText(/no \(behind/);
});

test('share group: each in-flight record shows its state, owner and delivery count, with the start and end offsets', async ({ page }) => {
  await open(page, '?scenario=share-poison-message&t=9000');
  const group = page.getByTestId('share-group-fulfilment');
  await expect(group).toBeVisible();
  const spso = Number(await page.getByTestId('spso-orders-0').innerText());
  const speo = Number(await page.getByTestId('speo-orders-0').innerText());
  expect(speo).toBeGreaterThan(spso);
  const cells = group.getByRole('list', { name: 'In-flight records of orders-0' }).getByRole('listitem');
  await expect(cells.first()).toHaveAttribute('data-testid', `share-record-orders-0-${spso}`);
  await expect(group.locator('[data-state="acknowledged"]').first()).toContainText('ackno');
  await expect(group.getByText(/acquired by w\d/).first()).toBeAttached();
  await expect(group).toContainText('share.delivery.count.limit 5');
  await checkA11y(page, '[data-testid="share-group-fulfilment"]');
});

test('share group: crash a member by its button (its records are released) and add one', async ({ page }) => {
  await open(page, '?scenario=share-poison-message&t=2500');
  const group = page.getByTestId('share-group-fulfilment');
  const w1 = group.getByTestId('share-member-w1');
  await expect(w1).toContainText('(active');
  const held = await group.locator('[data-state="acquired"]').filter({ hasText: 'w1' }).count();
  expect(held).toBeGreaterThan(0);
  await w1.getByRole('button', { name: 'Crash w1' }).click();
  await expect(w1).toContainText('(crashed');
  // The broker released what w1 had acquired: none of the in-flight records is held by w1 now.
  await expect(group.locator('[data-state="acquired"]').filter({ hasText: 'w1' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Recent steps, newest first' })).toContainText('crashed share consumer w1');
  await group.getByRole('button', { name: /^Add share consumer / }).click();
  await expect(group.getByTestId('share-member-fulfilment-3')).toContainText('fulfilment-3');
});

test('broker-dies-both: both ledgers on one clock say what the same failure cost each broker', async ({ page }) => {
  await open(page, '?scenario=broker-dies-both&t=26000');
  const kafka = page.getByTestId('producer-ledger').locator('[data-ledger-row="checkout"]');
  await expect(kafka.locator('[data-ledger-cell="acknowledged"]')).toHaveText('80');
  await expect(kafka.locator('[data-ledger-cell="acknowledgedButLost"]')).toHaveText('0');
  const classic = page.locator('[data-ledger-row="to-classic"]');
  await expect(classic).toBeVisible();
  expect(Number(await classic.locator('[data-ledger-cell="failed"]').innerText())).toBeGreaterThan(0);
  await expect(page.locator('[data-ledger-row="to-quorum"] [data-ledger-cell="confirmedLost"]')).toHaveText('0');
  await expect(page.getByTestId('broker-1-status')).toHaveText('up');
});
