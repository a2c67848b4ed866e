import { expect, test } from './fixtures';

test('“When a broker dies” shows both sides’ outcomes and settings, each linked to a scenario that plays it', async ({ page }) => {
  await page.goto('/#broker-dies');
  const section = page.locator('section[aria-labelledby="broker-dies-heading"]');
  await expect(section.getByRole('heading', { name: 'When a broker dies' })).toBeInViewport();
  // Defaults and a deliberate setup, per broker.
  await expect(section.getByText('Broker defaults', { exact: true })).toBeVisible();
  await expect(section.getByText('Defaults (classic queue, no confirms)')).toBeVisible();
  // The settings, by their own names, each with a default.
  for (const name of [
    'acks',
    'min.insync.replicas',
    'unclean.leader.election.enable',
    'x-queue-type',
    'publisher confirms (confirm.select)',
  ])
    await expect(section.locator('code', { hasText: new RegExp(`^${name.replace(/[.()]/g, '\\$&')}$`) })).toBeVisible();
  await expect(section.locator('[data-setting="min-insync-replicas"]')).toContainText('Default: 1');
  // Every claim cites a source from the page's list.
  await expect(section.locator('a.cite-link').first()).toHaveAttribute('href', /^#source-/);

  // A scenario link opens the simulator on that scenario.
  const link = section.locator('[data-setting="acks"]').getByRole('link', { name: /acks=1: the leader dies/ });
  await expect(link).toHaveAttribute('href', '/simulate?scenario=acks-1-leader-dies');
  await link.click();
  await expect(page).toHaveURL(/\/simulate\?scenario=acks-1-leader-dies/);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('acks-1-leader-dies');
  await expect(page.getByTestId('simulator')).toHaveAttribute('data-ready', 'true');
});

test('on a phone the section stacks and nothing overflows the viewport', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#broker-dies');
  const section = page.locator('section[aria-labelledby="broker-dies-heading"]');
  await expect(section).toBeVisible();
  const overflow = await section.evaluate((s) => s.scrollWidth - s.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the quiz’s power-loss question links the failure scenarios by name, and the link opens the scenario', async ({ page }) => {
  await page.goto('/choose');
  await page.getByRole('radio', { name: 'All on one page' }).check();
  const question = page.getByRole('group', { name: 'Must confirmed messages survive a power loss of the whole site?' });
  const link = question.getByRole('link', { name: 'Simulate: The same failure on both: the leader’s machine dies' });
  await expect(link).toHaveAttribute('href', '/simulate?scenario=broker-dies-both');
  await expect(question.getByRole('link', { name: /^Simulate: acks=1: the leader dies/ })).toBeVisible();
});
