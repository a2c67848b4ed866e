// Issue #20: legal but hostile input never breaks a page or freezes a tab. Each repro link or file
// from the issue (the page-side findings) is opened here; the page must answer a keypress within
// 200 ms (measured in the page, from the key event's timestamp to the frame after it was handled)
// and say in words what it refused.
import type { Page } from '@playwright/test';
import { QUESTIONS } from '../lib/quiz/questions';
import { catastrophicPolicy, exchangeCycle, manyPolicies, manyVhosts } from './fixtures/hostile-definitions';
import { expect, test } from './fixtures';
import { answerBudgetMs, expectInteractive, gotoLong, keyDelay, longestTask, toBase64Url } from './fixtures/interactive';

const replayNo = QUESTIONS.find((q) => q.id === 'replay')!.options.find((o) => o.id === 'no')!.label;

/** A /routing `?s=` link: the default state with changes (the compact form of lib/routing/codec.ts). */
function routingLink(edit: (c: RoutingCompact) => void): string {
  const c: RoutingCompact = {
    v: 1,
    r: {
      s: 0,
      x: ['orders-exchange', 2],
      q: [
        ['email-service', [['order.confirmed.*', 'all', []]]],
        ['inventory-service', [['order.#', 'all', []]]],
        ['fraud-service', [['order.large.*', 'all', []]]],
      ],
      a: [0, 'orders-unrouted', 'unrouted-orders'],
      i: null,
      t: '',
      k: 'order.confirmed.eu',
      h: [],
      m: 0,
      b: 'order.confirmed.eu\n',
    },
    k: { m: 0, l: 'user-42\n', p: 'user-{0..99}', n: '15', g: '20' },
  };
  edit(c);
  return `/routing?s=${toBase64Url(JSON.stringify(c))}`;
}
interface RoutingCompact {
  v: 1;
  r: {
    s: 0 | 1;
    x: [string, number];
    q: [string, [string, string, unknown[]][]][];
    a: unknown[];
    i: unknown;
    t: string;
    k: string;
    h: unknown[];
    m: 0 | 1;
    b: string;
  };
  k: { m: 0 | 1; l: string; p: string; n: string; g: string };
}

async function openRouting(page: Page, url = '/routing') {
  await gotoLong(page, url);
  await page.locator('[data-testid="routing-tool"][data-ready]').waitFor();
}
const routingKey = (page: Page) => page.getByLabel('Routing key', { exact: true });
const outcome = (page: Page) => page.getByTestId('outcome');

test.describe('1. names that are Object.prototype members', () => {
  test('renaming a queue to "constructor" and another to "__proto__" in the playground routes to them', async ({ page }) => {
    await openRouting(page);
    const cards = page.getByTestId('queue-card');
    await cards.nth(0).getByLabel('Queue', { exact: true }).fill('constructor');
    await cards.nth(1).getByLabel('Queue', { exact: true }).fill('__proto__');
    await expect(outcome(page)).toContainText('Delivered to 2 queues: __proto__, constructor');
    await expect(cards.nth(0).getByTestId('queue-verdict')).toHaveText('Gets a copy');
    await routingKey(page).fill('order.large.eu');
    // fraud-service and __proto__ (order.#) get it; "constructor" (order.confirmed.*) does not, and no copy count leaks from Object.
    await expect(outcome(page)).toContainText('Delivered to 2 queues: __proto__, fraud-service');
    await expect(cards.nth(0).getByTestId('queue-verdict')).toHaveText('Gets nothing');
    await expectInteractive(page, routingKey(page));
  });

  test('a ?s= link with queues called toString and __proto__ and a header called constructor opens and routes', async ({ page }) => {
    const url = routingLink((c) => {
      c.r.x = ['valueOf', 3];
      c.r.q = [
        ['toString', [['', 'all', [['constructor', 0, 'v']]]]],
        ['__proto__', [['', 'any', [['hasOwnProperty', 0, 'w']]]]],
      ];
      c.r.h = [['constructor', 0, 'v']];
    });
    await openRouting(page, url);
    await expect(outcome(page)).toContainText('Delivered to 1 queue: toString');
    await expect(page.getByTestId('queue-card').nth(1)).toContainText('hasOwnProperty: wants "w" → missing from the message');
    await expectInteractive(page, routingKey(page));
  });

  test('an imported definitions file with a queue, exchange and header argument called __proto__ routes', async ({ page }) => {
    await openRouting(page);
    const file = `{"queues": [{"name": "__proto__"}, {"name": "constructor"}],
      "exchanges": [{"name": "__proto__", "type": "headers"}],
      "bindings": [{"source": "__proto__", "destination": "__proto__", "destination_type": "queue", "routing_key": "",
                    "arguments": {"x-match": "all", "__proto__": "v"}}]}`;
    await page.locator('input[type="file"]').setInputFiles({ name: 'proto.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(page.getByText('proto.json').first()).toBeVisible();
    await expect(outcome(page)).toContainText('Unroutable');
    await page.getByRole('button', { name: 'Add header to message' }).click();
    await page.getByLabel('message header 1 name').fill('__proto__');
    await page.getByLabel('message header 1 value').fill('v');
    await expect(outcome(page)).toContainText('Delivered to 1 queue: __proto__');
    await expect(page.getByRole('list', { name: 'Imported queues' }).locator('[data-lit="true"]')).toHaveText([
      '● __proto__ (gets a copy)',
    ]);
  });
});

test.describe('1. /simulate with a queue called toString (route() threw: the clock froze)', () => {
  test('a ?custom= scenario whose queue is toString and whose fanout reaches a queue __proto__ runs to the end', async ({ page }) => {
    const scenario = {
      version: 1,
      durationMs: 3000,
      rabbitmq: {
        exchanges: [{ name: 'orders', type: 'fanout' }],
        queues: [{ name: 'toString' }, { name: 'constructor' }],
        bindings: [
          { exchange: 'orders', queue: 'toString' },
          { exchange: 'orders', queue: 'constructor' },
        ],
        publishers: [{ id: 'p', exchange: 'orders', count: 4 }],
        consumers: [{ id: 'c', queue: 'toString' }],
      },
    };
    await page.goto(`/simulate?custom=${toBase64Url(JSON.stringify(scenario))}`);
    const sim = page.getByTestId('simulator');
    await expect(sim).toHaveAttribute('data-ready', 'true');
    const step = page.getByRole('button', { name: 'Step forward' });
    const time = page.getByTestId('sim-time');
    for (let i = 0; i < 6; i++) {
      const before = await time.innerText();
      await step.click();
      await expect(time).not.toHaveText(before);
    }
    await expect(sim.getByRole('alert')).toHaveCount(0);
    await expect(sim).toContainText('toString');
    expect(await keyDelay(page, step, 'Enter')).toBeLessThan(answerBudgetMs());
  });
});

test.describe('2. a malformed fragment does not kill /', () => {
  for (const hash of ['#%E0%A4', '#feature-%']) {
    test(`/${hash}: the page loads and answers`, async ({ page }) => {
      await page.goto(`/${hash}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // The code tabs are React's: they answer the arrow keys only once the page has hydrated.
      const tabs = page.getByRole('tab');
      await tabs.first().click();
      await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
      const delay = await keyDelay(page, tabs.first(), 'ArrowRight');
      expect(delay).toBeLessThan(answerBudgetMs());
      await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    });
  }
});

test.describe('7. the key-pattern bomb', () => {
  test('{a,b} written 20,000 times in a link: capped before expanding, the cap said next to the input', async ({ page }) => {
    const url = routingLink((c) => {
      c.k = { ...c.k, m: 1, p: '{a,b}'.repeat(20_000) };
    });
    const longest = await longestTask(page, () => openRouting(page, url));
    const pattern = page.getByLabel('Key pattern');
    await expect(pattern).toHaveValue('{a,b}'.repeat(20_000));
    const hint = page.locator(`#${await pattern.getAttribute('aria-describedby')}`);
    await expect(hint).toContainText('12 keys (the input makes more than 10³⁰⁸; only the first 12 are used)');
    await expect(hint).toContainText('The calculator uses the first 10,000 keys, fewer when they are long (250,000 characters in all).');
    await expectInteractive(page, pattern);
    await expectInteractive(page, routingKey(page));
    expect(longest, 'longest task while opening the link (ms)').toBeLessThan(answerBudgetMs(1_000));
  });

  test('{a,b} written 2,000 times into the field: every keystroke is answered', async ({ page }) => {
    await openRouting(page);
    await page.getByLabel('a pattern').check();
    const pattern = page.getByLabel('Key pattern');
    await pattern.fill('{a,b}'.repeat(2_000));
    const hint = page.locator(`#${await pattern.getAttribute('aria-describedby')}`);
    await expect(hint).toContainText('124 keys (the input makes more than 10³⁰⁸; only the first 124 are used)');
    for (let i = 0; i < 3; i++) await expectInteractive(page, pattern);
    await expectInteractive(page, routingKey(page));
  });
});

test.describe('8. definitions files under the 5 MB cap', () => {
  const files = [
    {
      name: 'cycle.json',
      make: exchangeCycle,
      expect: 'Routing stopped at a loop of exchanges: x0 → x1 → x2 → x3 → … → x17997 → x17998 → x17999 → x0 (18,000 exchanges)',
    },
    { name: 'policies.json', make: manyPolicies, expect: null },
    { name: 'vhosts.json', make: manyVhosts, expect: null },
    { name: 'catastrophic.json', make: catastrophicPolicy, expect: null },
  ];
  for (const f of files) {
    test(`${f.name}: imports without freezing, then every keystroke is answered`, async ({ page }) => {
      await openRouting(page);
      const buffer = Buffer.from(f.make());
      const longest = await longestTask(page, async () => {
        await page.locator('input[type="file"]').setInputFiles({ name: f.name, mimeType: 'application/json', buffer });
        await expect(page.getByText(f.name).first()).toBeVisible({ timeout: 30_000 });
      });
      test.info().annotations.push({ type: 'longest task while importing (ms)', description: String(Math.round(longest)) });
      expect(longest, 'longest task while importing (ms)').toBeLessThan(answerBudgetMs(3_000));
      await routingKey(page).fill('k');
      if (f.name === 'cycle.json') {
        // A megabyte of topology is not written into the address bar; the page says why.
        await expect(
          page.getByText(/This setup is too large for a link \([\d,]+ characters; this page writes links up to 100,000\)/),
        ).toBeVisible();
      }
      if (f.expect)
        await expect(page.getByTestId('routing-cycle')).toHaveText(
          `${f.expect}. RabbitMQ routes a message through each exchange at most once, so it does not go round the loop again.`,
        );
      await expectInteractive(page, routingKey(page));
      await expectInteractive(page, page.getByLabel('Routing keys, one per line'));
    });
  }

  test('the vhost with the most bindings is chosen; a backtracking policy applies by its linear-time match', async ({ page }) => {
    await openRouting(page);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'vhosts.json', mimeType: 'application/json', buffer: Buffer.from(manyVhosts()) });
    await expect(page.getByLabel('Virtual host')).toHaveValue('v9999');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'catastrophic.json', mimeType: 'application/json', buffer: Buffer.from(catastrophicPolicy()) });
    await expect(page.getByLabel('Publish to exchange')).toHaveValue(`${'a'.repeat(40)}!`);
    await expect(page.getByLabel('Publish to exchange').locator('..').locator('..')).toContainText('Alternate exchange: caught');
    await expect(outcome(page)).toContainText('Delivered to 1 queue: q');
  });

  test('policy matching past its work limit says how many exchanges were not matched', async ({ page }) => {
    await openRouting(page);
    const file = JSON.stringify({
      exchanges: Array.from({ length: 3_000 }, (_, i) => ({ name: `e${i}`, type: 'direct' })),
      policies: Array.from({ length: 3_000 }, (_, i) => ({
        name: `p${i}`,
        pattern: `p${i}(a|b)+$`,
        definition: { 'alternate-exchange': 'e0' },
      })),
    });
    await page.locator('input[type="file"]').setInputFiles({ name: 'limit.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(
      page.getByText(
        /This page stops matching policy patterns after about a fifth of a second of work, and 3,000 policies can set an alternate exchange here: [\d,]+ exchanges were not matched/,
      ),
    ).toBeVisible();
    await expectInteractive(page, routingKey(page));
  });
});

test.describe('10. notices say what is wrong', () => {
  test('t=9007199254740991 opens at the end and says the time is past it', async ({ page }) => {
    await page.goto('/simulate?scenario=heavy&t=9007199254740991');
    const sim = page.getByTestId('simulator');
    await expect(sim).toHaveAttribute('data-ready', 'true');
    await expect(sim.getByRole('alert')).toContainText('the time in this link is past the end of the scenario');
    await expect(sim.getByRole('alert')).not.toContainText('whole number');
    const delay = await keyDelay(page, page.getByRole('button', { name: 'Step back' }), 'Enter');
    expect(delay).toBeLessThan(answerBudgetMs());
  });

  test('interventions over 60 KB are too long, not damaged', async ({ page }) => {
    const iv = toBase64Url(JSON.stringify([{ time: 1, intervention: { pad: 'x'.repeat(60_000) } }]));
    await gotoLong(page, `/simulate?scenario=heavy&iv=${iv}`);
    const sim = page.getByTestId('simulator');
    await expect(sim).toHaveAttribute('data-ready', 'true');
    await expect(sim.getByRole('alert')).toContainText(
      `the interventions in this link are too long (${iv.length.toLocaleString('en-US')} characters; a link carries at most 60,000)`,
    );
    const delay = await keyDelay(page, page.getByRole('button', { name: 'Step forward' }), 'Enter');
    expect(delay).toBeLessThan(answerBudgetMs());
  });
});

test.describe('11. quiz answers when storage refuses', () => {
  for (const [error, says] of [
    ['QuotaExceededError', 'storage for this site is full'],
    ['SecurityError', 'does not let this page store anything'],
  ] as const) {
    test(`${error}: a notice says the answers are not saved`, async ({ page }) => {
      await page.addInitScript((name) => {
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key: string, value: string) {
          if (key === 'kvr-quiz') throw new DOMException('refused', name);
          return setItem.call(this, key, value);
        };
      }, error);
      await page.goto('/choose');
      await expect(page.getByTestId('quiz-ready')).toBeVisible();
      await page.getByText(replayNo, { exact: true }).click();
      await page.getByRole('button', { name: 'Next →' }).click();
      await expect(page.getByText(`1 of ${QUESTIONS.length} answered`)).toBeVisible();
      const notice = page.getByTestId('notice-save');
      await expect(notice).toContainText('Your answers are not being saved');
      await expect(notice).toContainText(says);
      await expect(notice).toContainText('will be gone when you reload');
      await expect(page.getByTestId('notice-save')).toHaveCount(1);
    });
  }
});

test.describe('12. a link that drops a thousand pieces', () => {
  test('/choose?a= with x_ written 5,000 times: a short notice that counts the rest', async ({ page }) => {
    await page.goto(`/choose?a=${'x_'.repeat(5000)}`);
    const notice = page.getByTestId('notice-link');
    await expect(notice).toContainText('This link had 1,001 parts we could not use');
    await expect(notice.getByRole('listitem')).toHaveCount(8);
    await expect(notice.getByRole('listitem').first()).toHaveText('The link is 10,000 characters long; only its first 2,000 were read');
    await expect(notice.getByRole('listitem').last()).toHaveText('…and 994 more parts, each not a question.answer pair');
    const delay = await keyDelay(page, notice.getByRole('button', { name: 'Dismiss this notice' }), 'Enter');
    expect(delay).toBeLessThan(answerBudgetMs());
    await expect(notice).toHaveCount(0);
  });
});
