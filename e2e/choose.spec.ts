import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { encodeAnswers } from '../lib/quiz/codec';
import { EXAMPLES, completeExample } from '../lib/quiz/examples';
import { RECOMMENDATION_TITLE } from '../lib/quiz/adr';
import { NOT_SURE_LABEL, QUESTIONS } from '../lib/quiz/questions';
import { checkA11y, expect, test, useTheme } from './fixtures';

const optionLabel = (questionId: string, optionId: string) =>
  QUESTIONS.find((q) => q.id === questionId)!.options.find((o) => o.id === optionId)!.label;

/** Presses Tab until `target` has focus (a keyboard user's way to reach it). */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Answers one question with the keyboard only: Tab into the group, Space / arrow keys to choose. */
async function answerByKeyboard(page: Page, fieldset: Locator, questionId: string, optionIds: string[] | undefined) {
  const q = QUESTIONS.find((x) => x.id === questionId)!;
  const labels = optionIds ? optionIds.map((o) => optionLabel(questionId, o)) : [NOT_SURE_LABEL];
  if (q.kind === 'single') {
    const radios = fieldset.getByRole('radio');
    await tabTo(page, radios.first());
    await page.keyboard.press('Space');
    const names = await radios.evaluateAll((els) => els.map((e) => e.closest('label')?.textContent?.trim() ?? ''));
    const index = names.indexOf(labels[0]!);
    expect(index, `option “${labels[0]}” of ${questionId}`).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect(fieldset.getByRole('radio', { name: labels[0], exact: true })).toBeChecked();
  } else {
    for (const label of labels) {
      const box = fieldset.getByRole('checkbox', { name: label, exact: true });
      await tabTo(page, box);
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
    }
  }
}

const example = (id: string) => EXAMPLES.find((e) => e.id === id)!.answers;
const TASK_QUEUE = example('taskqueue');
const EVENT_SOURCING = example('eventsourcing');

async function openQuiz(page: Page, path = '/choose') {
  await page.goto(path);
  await expect(page.getByTestId('quiz-ready')).toBeVisible();
}

test('keyboard only, one question at a time: a task queue with priorities gets RabbitMQ', async ({ page }) => {
  test.slow(); // 18 questions of key presses
  await openQuiz(page);
  for (const [i, q] of QUESTIONS.entries()) {
    await expect(page.getByRole('heading', { name: `Question ${i + 1} of ${QUESTIONS.length}` })).toBeVisible();
    await answerByKeyboard(page, page.getByRole('group', { name: q.prompt }), q.id, TASK_QUEUE[q.id]);
    await expect(page.getByText(`${i + 1} of ${QUESTIONS.length} answered`)).toBeVisible();
    const next = page.getByRole('button', { name: i < QUESTIONS.length - 1 ? 'Next →' : 'See the result' });
    await tabTo(page, next);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('recommendation')).toHaveText('RabbitMQ');
  const deciding = page.getByTestId('deciding');
  await expect(deciding).toContainText('Task queue');
  await expect(deciding).toContainText('Per-message features');
  await expect(page).toHaveURL(/[?&]a=[a-z0-9._-]+/);
});

test('keyboard only, all on one page: event sourcing with years of retention gets Kafka', async ({ page }) => {
  test.slow();
  await openQuiz(page);
  const one = page.getByRole('radio', { name: 'One question at a time' });
  await tabTo(page, one);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'All on one page' })).toBeChecked();
  for (const q of QUESTIONS) {
    await answerByKeyboard(page, page.getByRole('group', { name: q.prompt }), q.id, EVENT_SOURCING[q.id]);
  }
  await expect(page.getByText(`${QUESTIONS.length} of ${QUESTIONS.length} answered`)).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'See the result' }), 80);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('recommendation')).toHaveText('Apache Kafka');
  await expect(page.getByTestId('deciding')).toContainText('Replay history');
  await expect(page.getByTestId('deciding')).toContainText('Changelog / CDC');
  // The focus moved to the result, so a keyboard user continues from there.
  await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
});

test('a reload keeps the answers and the place in the quiz', async ({ page }) => {
  await openQuiz(page);
  await page.getByText(optionLabel('replay', 'often')).click();
  await page.getByRole('button', { name: 'Next →' }).click();
  await page.getByText(optionLabel('retention', 'years')).click();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByText(`2 of ${QUESTIONS.length} answered`)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('quiz-ready')).toBeVisible();
  await expect(page.getByRole('heading', { name: `Question 3 of ${QUESTIONS.length}` })).toBeVisible();
  await expect(page.getByText(`2 of ${QUESTIONS.length} answered`)).toBeVisible();
  await page.getByRole('button', { name: '← Back' }).click();
  await expect(page.getByRole('radio', { name: optionLabel('retention', 'years') })).toBeChecked();
});

test('a shared link restores the result, and changing an answer updates it at once', async ({ page }) => {
  await openQuiz(page, `/choose?a=${encodeAnswers(EVENT_SOURCING)}`);
  await expect(page.getByTestId('recommendation')).toHaveText('Apache Kafka');
  const editor = page.getByRole('region', { name: 'Your answers' });
  await expect(
    editor.getByRole('group', { name: QUESTIONS[0]!.prompt }).getByRole('radio', { name: optionLabel('replay', 'often') }),
  ).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Link to these answers' })).toHaveValue(/\/choose\?a=replay\.often_retention\.years/);

  // Add a task queue, priorities, RPC and "commands and events": the same page now says both.
  await editor
    .getByRole('group', { name: /task or job queue/ })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await editor
    .getByRole('group', { name: /per-message features/ })
    .getByRole('checkbox', { name: 'Priorities' })
    .check();
  await editor
    .getByRole('group', { name: /per-message features/ })
    .getByRole('checkbox', { name: 'Request/reply (RPC)' })
    .check();
  await editor
    .getByRole('group', { name: /commands\/jobs/ })
    .getByRole('radio', { name: 'Yes, both' })
    .check();
  await expect(page.getByTestId('recommendation')).toHaveText(/^Both/);
  await expect(page.getByRole('heading', { name: 'Which part goes where' })).toBeVisible();
  await expect(page).toHaveURL(/tasks\.yes/);
});

test('a link with garbage and unknown ids keeps the valid answers and says what it dropped', async ({ page }) => {
  await openQuiz(page, '/choose?a=tasks.yes_bogus.1_replay.forever_%3Cscript%3E_msgfeatures.priority-rpc_fanout.one-many');
  const notice = page.getByTestId('notice-link');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('4 parts we could not use');
  await expect(notice).toContainText('unknown question “bogus”');
  await expect(notice).toContainText('“forever” is not an option of “replay”');
  await expect(notice).toContainText('only one option is allowed');
  await expect(page.getByTestId('recommendation')).toHaveText('RabbitMQ');
  const editor = page.getByRole('region', { name: 'Your answers' });
  await expect(editor.getByRole('checkbox', { name: 'Request/reply (RPC)' })).toBeChecked();
  await notice.getByRole('button', { name: /Dismiss/ }).click();
  await expect(notice).toBeHidden();
});

test('corrupt saved state shows a notice and the quiz still works', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('kvr-quiz', '{"state": {"answers": 12, broken');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await openQuiz(page);
  await expect(page.getByTestId('notice-storage')).toContainText('could not be read');
  await page.getByText(optionLabel('replay', 'no')).click();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByText(`1 of ${QUESTIONS.length} answered`)).toBeVisible();
  // What is saved now is valid again: a reload brings no notice and keeps the answer.
  await page.reload();
  await expect(page.getByTestId('quiz-ready')).toBeVisible();
  await expect(page.getByTestId('notice-storage')).toHaveCount(0);
  await expect(page.getByText(`1 of ${QUESTIONS.length} answered`)).toBeVisible();
});

test('the decision record downloads as Markdown with the answers, and copies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openQuiz(page, `/choose?a=${encodeAnswers(TASK_QUEUE)}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download decision record (.md)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('adr-message-broker.md');
  const md = await readFile((await download.path())!, 'utf8');
  expect(md).toContain('# ADR: Message broker — RabbitMQ');
  expect(md).toContain('## Consequences');
  expect(md).toContain(`| ${optionLabel('msgfeatures', 'priority')}, ${optionLabel('msgfeatures', 'ttl')} |`);
  expect(md).toContain(optionLabel('retention', 'consumed'));
  expect(md).toMatch(/Answers: http:\/\/.*\/choose\?a=/);

  await page.getByRole('button', { name: 'Copy decision record' }).click();
  await expect(page.getByText('Decision record copied as Markdown.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(md);
});

test('all “not sure” gives no strong signal with what to consider', async ({ page }) => {
  const allNotSure = Object.fromEntries(QUESTIONS.map((q) => [q.id, ['ns']]));
  await openQuiz(page, `/choose?a=${encodeAnswers(allNotSure)}`);
  await expect(page.getByTestId('recommendation')).toHaveText('No strong signal yet');
  await expect(page.getByTestId('confidence')).toHaveText('0%');
  await expect(page.getByRole('heading', { name: 'What to consider' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violation in the ${theme} theme, on the quiz and on the result with its chart`, async ({ page }) => {
    test.slow(); // five axe runs
    await useTheme(page, theme);
    await openQuiz(page);
    await checkA11y(page);
    await page.getByRole('radio', { name: 'All on one page' }).check();
    await checkA11y(page);
    await page.goto(`/choose?a=${encodeAnswers({ ...TASK_QUEUE, ...{ replay: ['often'], mixed: ['yes'], ordering: ['global'] } })}`);
    await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await page.getByRole('button', { name: /Show the numbers/ }).click();
    // From the top: mid-scroll, the site's sticky header overlaps links and axe counts them as obscured targets.
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkA11y(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkA11y(page);
  });
}

test('each worked example opens its result; opening one replaces saved answers with a notice', async ({ page }) => {
  await openQuiz(page);
  await page.getByText(optionLabel('replay', 'no')).click();
  const examples = page.getByRole('navigation', { name: 'Example answers' });
  await examples.getByRole('link', { name: EXAMPLES[2]!.name }).click();
  await expect(page.getByTestId('recommendation')).toHaveText('Apache Kafka');
  await expect(page.getByTestId('notice-replaced')).toBeVisible();
  for (const e of EXAMPLES) {
    await page.getByRole('navigation', { name: 'Example answers' }).getByRole('link', { name: e.name }).click();
    await expect(page.getByTestId('recommendation')).toHaveText(RECOMMENDATION_TITLE[e.expected]);
  }
});

test('the chart code (recharts) loads only when a result with bars is shown', async ({ page }) => {
  const scripts: { url: string; hasRecharts: boolean }[] = [];
  page.on('response', async (res) => {
    if (!res.url().endsWith('.js')) return;
    const body = await res.text().catch(() => '');
    scripts.push({ url: res.url(), hasRecharts: body.includes('recharts-wrapper') });
  });
  await openQuiz(page);
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => s.hasRecharts)).toEqual([]);
  await page.getByRole('button', { name: 'Skip to the result' }).click();
  await page.getByText(optionLabel('replay', 'often')).last().click();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect.poll(() => scripts.some((s) => s.hasRecharts)).toBe(true);
});

test('strict global order beside a task queue says “Neither, as asked”, names the way out, and shows no made-up percentage', async ({
  page,
}) => {
  await openQuiz(page, `/choose?a=${encodeAnswers({ ordering: ['global'], tasks: ['yes'], throughput: ['low'] })}`);
  await expect(page.getByTestId('recommendation')).toHaveText('Neither, as asked');
  const gates = page.getByTestId('gates');
  await expect(gates).toContainText('One strict global order, with competing consumers');
  await expect(gates).toContainText('single active consumer');
  await expect(page.getByTestId('confidence-note')).toContainText('Without it, your other answers point to RabbitMQ');
  await expect(page.getByTestId('confidence')).toHaveCount(0);
  await expect(page.getByTestId('live-recommendation')).toHaveText('Neither, as asked');
  await expect(page.getByText('(decided by a hard constraint).')).toBeVisible();
});

test('“must use Amazon MQ” with replay rules out streams and names a Kafka service as the way out', async ({ page }) => {
  await openQuiz(page, `/choose?a=${encodeAnswers({ managed: ['amazonmq'], replay: ['often'], tasks: ['yes'] })}`);
  await expect(page.getByTestId('recommendation')).toHaveText('Neither, as asked');
  await expect(page.getByTestId('gates')).toContainText('without streams');
  await expect(page.getByTestId('gates')).toContainText('Amazon MSK');
  // No caveat elsewhere on the page recommends streams on Amazon MQ.
  await expect(page.locator('main')).not.toContainText('put that traffic in a RabbitMQ stream');
});

test('a fully answered neutral profile says “either fits, run what you know”', async ({ page }) => {
  const neutral = { ...completeExample({}), retention: ['consumed'], skills: ['rabbitmq'] };
  await openQuiz(page, `/choose?a=${encodeAnswers(neutral)}`);
  await expect(page.getByTestId('recommendation')).toHaveText('Either fits: run what you know');
  await expect(page.getByTestId('either')).toContainText('your team already runs RabbitMQ well, so use RabbitMQ');
  await expect(page.getByRole('heading', { name: 'What to consider' })).toHaveCount(0);
  await page.getByText('Preview the decision record').click();
  await expect(page.getByText(`We answered all ${QUESTIONS.length} questions.`)).toBeVisible();
});

test('the result page speaks in names: the chart axis shows 0, links name their targets, no file names', async ({ page }) => {
  await openQuiz(page, `/choose?a=${encodeAnswers(TASK_QUEUE)}`);
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const tick = page.locator('.recharts-cartesian-axis-tick-value[orientation="bottom"]');
  await expect(tick.first()).toBeVisible();
  const ticks = await tick.allTextContents();
  expect(ticks).toContain('0');
  expect(ticks[0]).toBe(ticks[ticks.length - 1]);
  expect(ticks.join(' ')).not.toMatch(/[KR] \+/);
  const deciding = page.getByTestId('deciding');
  await expect(deciding.getByRole('link', { name: 'Simulate: A consumer dies holding unacked messages' })).toBeVisible();
  await expect(deciding.getByRole('link', { name: 'Compare: the “Consumer model” row' })).toBeVisible();
  for (const text of await page.getByRole('link', { name: /^(Simulate|Compare):/ }).allTextContents()) {
    expect(text).not.toMatch(/: [a-z]+(-[a-z]+)+$|: [a-z]+ row$/);
  }
  await expect(page.locator('body')).not.toContainText('weights.ts');
  await expect(page.locator('body')).not.toContainText('lib/quiz');
});
