import { checkA11y, expect, test } from './fixtures';
import type { Page } from '@playwright/test';

// The RabbitMQ cluster on /simulate: nodes, quorum members and leader, kill / restart, the publisher
// ledger, a poison message's delivery count and fate.
async function open(page: Page, query: string) {
  await page.goto('/simulate' + query);
  await expect(page.getByTestId('simulator')).toHaveAttribute('data-ready', 'true');
}
const node = (page: Page, n: number) => page.locator(`[data-node="${n}"]`);
const narration = (page: Page) => page.getByRole('list', { name: 'Recent steps, newest first' });

test('quorum-leader-dies: node 1 greyed with the time it died, node 2 elected leader, nothing confirmed lost', async ({ page }) => {
  await open(page, '?scenario=quorum-leader-dies&t=3000');
  const queue = page.locator('[data-queue="orders"]');
  await expect(queue.locator('[data-quorum-members]')).toContainText('node 1 ★ leader');
  await expect(node(page, 1)).toContainText('orders: leader ★ (term 1)');
  await expect(node(page, 1)).toHaveAttribute('data-up', 'true');

  await open(page, '?scenario=quorum-leader-dies&t=12000');
  await expect(node(page, 1)).toHaveAttribute('data-up', 'false');
  await expect(node(page, 1)).toContainText('down since 6 s');
  await expect(node(page, 2)).toContainText('orders: leader ★ (term 2)');
  await expect(queue.locator('[data-quorum-members]')).toContainText('node 1 (down)');
  const ledger = page.getByRole('table', { name: 'Publisher ledger' });
  await expect(ledger.locator('[data-ledger-row="checkout"] [data-ledger-cell="confirmedLost"]')).toHaveText('0');
  await expect(ledger.locator('[data-ledger-row="checkout"] [data-ledger-cell="confirmed"]')).not.toHaveText('0');
  await checkA11y(page);
});

test('kill and restart buttons: killing a classic queue’s node makes it unavailable, restarting brings it back', async ({ page }) => {
  await open(page, '?scenario=classic-node-dies&t=3000');
  const queue = page.locator('[data-queue="invoices"]');
  await expect(queue).not.toContainText('unavailable');
  await node(page, 2).getByRole('button', { name: 'Kill node 2' }).click();
  await expect(node(page, 2)).toHaveAttribute('data-up', 'false');
  await expect(node(page, 2)).toContainText('down since 3 s');
  await expect(queue).toContainText('unavailable since 3.0 s');
  await expect(narration(page)).toContainText('node 2');
  // Its restart button, clicked at the same moment, brings it back.
  await node(page, 2).getByRole('button', { name: 'Restart node 2' }).click();
  await expect(node(page, 2)).toHaveAttribute('data-up', 'true');
  await expect(queue).not.toContainText('unavailable');
  await expect.poll(() => page.url()).toContain('iv=');
});

test('classic-node-dies: the ledger shows transient messages confirmed and lost', async ({ page }) => {
  await open(page, '?scenario=classic-node-dies&t=20000');
  const ledger = page.getByRole('table', { name: 'Publisher ledger' });
  await expect(ledger.locator('[data-ledger-row="ledger"] [data-ledger-cell="confirmedLost"]')).toHaveText('0');
  await expect(ledger.locator('[data-ledger-row="audit"] [data-ledger-cell="confirmedLost"]')).not.toHaveText('0');
});

test('poison-message: a delivery count on the chip and the fate narrated', async ({ page }) => {
  await open(page, '?scenario=poison-message&t=2200');
  await expect(page.locator('[data-queue="quorum-reject"] [data-delivery-count]').first()).toBeVisible();
  await open(page, '?scenario=poison-message&t=14000');
  await expect(page.locator('[data-queue="quorum-reject"]')).toContainText(/dead-lettered [1-9]/);
});
