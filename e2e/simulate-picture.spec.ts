// /simulate, issue #19: the picture on screen, telling the truth at every speed.
import type { Locator, Page } from '@playwright/test';
import { checkA11y, expect, test, useTheme } from './fixtures';
import { toBase64Url } from './fixtures/interactive';

async function open(page: Page, query = '') {
  await page.goto('/simulate' + query);
  await expect(page.getByTestId('simulator')).toHaveAttribute('data-ready', 'true');
}

type Box = { x: number; y: number; width: number; height: number; text: string; kind: string };

/**
 * The bounding box of every mark of a partition's strip: each element with text of its own (labels,
 * group names, "… N"), and the ▲ and ticks, but not the records and the log-end box, which sit in
 * their own line. Text is measured by its glyphs, not its element's box.
 */
async function markBoxes(row: Locator): Promise<Box[]> {
  return row
    .locator('div.overflow-hidden')
    .first()
    .evaluate((strip) =>
      [...strip.querySelectorAll<HTMLElement>('*')]
        .filter((e) => !e.closest('.kvr-chip') && !/^LEO$/.test(e.textContent ?? ''))
        .filter(
          (e) =>
            ['position', 'committed'].includes(e.dataset.mark ?? '') ||
            [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
        )
        .map((e) => {
          const range = document.createRange();
          range.selectNodeContents(e);
          const r =
            e.dataset.mark === 'position' || e.dataset.mark === 'committed' ? e.getBoundingClientRect() : range.getBoundingClientRect();
          const kind = e.dataset.mark ?? 'label';
          return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent ?? '', kind: kind === 'gutter' ? 'label' : kind };
        })
        .filter((b) => b.width > 0),
    );
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** No two marks of a row overprint, and every label is whole inside the row's visible strip. */
async function expectNoOverprint(page: Page) {
  const rows = page.locator('[data-partition]');
  expect(await rows.count()).toBeGreaterThan(0);
  let labels = 0;
  for (const row of await rows.all()) {
    const boxes = await markBoxes(row);
    labels += boxes.filter((b) => b.kind === 'label').length;
    const clip = (await row.locator('div.overflow-hidden').first().boundingBox())!;
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      if (a.kind === 'label') {
        expect(a.x, `${a.text} starts inside the strip`).toBeGreaterThanOrEqual(clip.x - 0.5);
        expect(a.x + a.width, `${a.text} ends inside the strip`).toBeLessThanOrEqual(clip.x + clip.width + 0.5);
      }
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j]!;
        expect(overlap(a, b), `${a.kind} "${a.text}" and ${b.kind} "${b.text}" overprint`).toBe(false);
      }
    }
  }
  expect(labels, 'labels measured').toBeGreaterThan(0);
}

test.describe('markers never overprint', () => {
  test('retention-reset at 18 s, 1280 px: "▲fast-1" no longer prints over "dashboard"; the lag is a span on the partition', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page, '?scenario=retention-reset&t=18000');
    await expectNoOverprint(page);
    const row = page.locator('[data-partition="clicks-0"]');
    // The lag span runs from the committed offset's record to the log-end box, and says the lag the list says.
    const lagLine = await page
      .getByRole('list', { name: 'Lag on clicks-0' })
      .getByRole('listitem')
      .filter({ hasText: 'dashboard' })
      .innerText();
    const [, committed, lag] = /committed (\d+) · lag (\d+)/.exec(lagLine)!;
    const track = row.locator('[data-track="dashboard"]');
    await expect(track.locator('[data-mark="label"]').filter({ hasText: `lag ${lag}` })).toBeVisible();
    // Polled: the cells and the span may still be sliding into place (the moment arrives from the engine's worker).
    await expect
      .poll(async () => {
        const span = (await track.locator('[data-mark="lag-span"]').boundingBox())!;
        const from = (await row.getByTitle(new RegExp(`^offset ${committed},`)).boundingBox())!;
        const leo = (await row.getByText('LEO', { exact: true }).boundingBox())!;
        return Math.max(Math.abs(span.x - from.x), Math.abs(span.x + span.width - leo.x));
      })
      .toBeLessThanOrEqual(1.5);
  });

  test('broker-dies-both at 12 s: with a follower behind, the lag on the partition is the lag the list says, up to the high watermark', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page, '?scenario=broker-dies-both&t=12000');
    const row = page.locator('[data-partition="orders-0"]');
    const track = row.locator('[data-track="billing"]');
    const listItem = page.getByRole('list', { name: 'Lag on orders-0' }).getByRole('listitem').filter({ hasText: 'billing' });
    // The list and the label on the track say the same lag: read together until the moment has settled.
    let committed = '';
    let lag = '';
    await expect
      .poll(async () => {
        [, committed = '', lag = ''] = /committed (\d+) · lag (\d+)/.exec(await listItem.innerText()) ?? [];
        const label = await track.locator('[data-mark="label"]').filter({ hasText: /^lag / }).textContent();
        return lag !== '' && Number(lag) > 0 && label === `lag ${lag}`;
      })
      .toBe(true);
    // The span ends at the record at the high watermark (committed + lag), not at the log-end box.
    const end = Number(committed) + Number(lag);
    await expect
      .poll(async () => {
        const span = (await track.locator('[data-mark="lag-span"]').boundingBox())!;
        const hw = (await row.getByTitle(new RegExp(`^offset ${end},`)).boundingBox())!;
        return Math.abs(span.x + span.width - hw.x);
      })
      .toBeLessThanOrEqual(1.5);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`side-by-side at 6 s on a 390 px phone (${theme}): nothing overprints or is cut off`, async ({ page }) => {
      await useTheme(page, theme);
      await page.setViewportSize({ width: 390, height: 844 });
      await open(page, '?scenario=side-by-side&t=6000');
      await expectNoOverprint(page);
    });
  }

  test('every mark is in the legend; glyphs are at least 11 px', async ({ page }) => {
    await open(page, '?scenario=retention-reset&t=18000');
    const legend = page.getByTestId('kafka-legend');
    for (const words of ['log start offset', 'log-end offset', 'tombstone', 'earlier', '▲', '◂', 'committed offset', 'lag']) {
      await expect(legend).toContainText(words);
    }
    const sizes = await page
      .locator('[data-track] [data-mark="label"]')
      .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(sizes.length).toBeGreaterThan(0);
    for (const s of sizes) expect(s).toBeGreaterThanOrEqual(11);
  });
});

test('chips keep the publisher where ids would be ambiguous: shop-3 and urgent-3', async ({ page }) => {
  await open(page, '?scenario=ttl-dead-letter&t=4500');
  const lane = page.locator('section[aria-labelledby="rabbit-lane"]');
  const labels = await lane.locator('.kvr-chip').allInnerTexts();
  expect(labels.length).toBeGreaterThan(0);
  for (const l of labels) expect(l.trim()).toMatch(/^(shop|urgent)-\d+/);
});

/** The part of the window between the site's header and the playback bar: what the user can see of the page. */
async function viewArea(page: Page) {
  const header = (await page.locator('header').first().boundingBox())!;
  const bar = (await page.getByRole('group', { name: 'Playback' }).boundingBox())!;
  return { top: Math.max(0, header.y + header.height), bottom: bar.y };
}

async function expectInView(page: Page, target: Locator, what: string) {
  await expect
    .poll(async () => {
      const box = await target.boundingBox();
      const area = await viewArea(page);
      return box !== null && box.y >= area.top - 0.5 && box.y + box.height <= area.bottom + 0.5;
    }, `${what} is between the header and the playback bar`)
    .toBe(true);
}

test.describe('the brokers are on screen when Play is pressed (#19, point 1)', () => {
  test('1280×800: both lanes side by side, their first partition and queue in view', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page);
    await page.getByRole('button', { name: 'Play' }).click();
    const kafka = page.getByRole('region', { name: /^Kafka/ });
    const rabbit = page.getByRole('region', { name: /^RabbitMQ/ });
    const k = (await kafka.boundingBox())!;
    const r = (await rabbit.boundingBox())!;
    expect(Math.abs(k.y - r.y), 'the lanes start on one line').toBeLessThan(1);
    expect(r.x, 'RabbitMQ beside Kafka').toBeGreaterThanOrEqual(k.x + k.width);
    await expectInView(page, page.locator('[data-partition]').first(), 'the first partition');
    await expectInView(page, page.getByRole('list', { name: /^Ready messages in / }).first(), 'the first queue');
  });

  test('390×844: the first partition is in view once Play is pressed', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page);
    await page.getByRole('button', { name: 'Play' }).click();
    await expectInView(page, page.locator('[data-partition]').first(), 'the first partition');
  });

  test('390×844: a RabbitMQ-only scenario shows its queue once Play is pressed', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, '?scenario=work-queue-prefetch');
    await page.getByRole('button', { name: 'Play' }).click();
    await expectInView(page, page.getByRole('list', { name: /^Ready messages in / }).first(), 'the first queue');
  });
});

/** The newest narration entry and the log-end offset the diagram prints for payments-0. */
async function narrationAndDiagram(page: Page) {
  const newest = page.getByRole('list', { name: 'Recent steps, newest first' }).getByRole('listitem').first();
  const words = (await newest.textContent()) ?? '';
  const header = (await page.locator('[data-partition="payments-0"] p').filter({ hasText: 'log-end offset' }).first().textContent()) ?? '';
  return {
    words,
    said: Number(/payments-0: log-end offset (\d+)/.exec(words)?.[1] ?? NaN),
    shown: Number(/log-end offset\s*(\d+)/.exec(header)?.[1] ?? NaN),
  };
}

test.describe('the narration describes what is on screen (#19, point 3)', () => {
  test('after playing at 16× and pausing, and after a drag, Home and End of the time slider', async ({ page }) => {
    await open(page, '?scenario=crash-before-commit&t=12000');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByTestId('sim-time')).not.toHaveText(/^12 s/);
    await page.getByRole('button', { name: 'Pause' }).click();
    const newest = page.getByRole('list', { name: 'Recent steps, newest first' }).getByRole('listitem').first();
    await expect(newest).toContainText(/Paused at t = \d+ ms\./);
    // The clock says the same moment (the slider rounds to 10 ms steps).
    const pausedAt = Number(/Paused at t = (\d+) ms/.exec((await newest.textContent()) ?? '')![1]);
    const clock = Number(/^([\d.]+) s/.exec((await page.getByTestId('sim-time').textContent()) ?? '')![1]);
    expect(Math.round(clock * 1000)).toBe(pausedAt);
    let n = await narrationAndDiagram(page);
    expect(n.said, n.words).toBe(n.shown);

    const slider = page.getByRole('slider', { name: 'Time' });
    for (const [act, t] of [
      [() => slider.fill('6000'), '6000'],
      [() => slider.press('Home'), '0'],
      [() => slider.press('End'), '20000'],
    ] as const) {
      await act();
      await expect(page.getByRole('list', { name: 'Recent steps, newest first' }).getByRole('listitem').first()).toContainText(
        `Jumped to t = ${t} ms.`,
      );
      n = await narrationAndDiagram(page);
      expect(n.said, n.words).toBe(n.shown);
    }
  });
});

test('the topology graphs follow the lanes: the counts they print and the edges the last step travelled (#19, point 8)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '?scenario=side-by-side&t=6000');
  await page.getByText('Topology: where messages travel').click();
  const kafka = page.getByTestId('kafka-topology');
  const rabbit = page.getByTestId('rabbit-topology');
  await expect(kafka.locator('svg')).toBeVisible();
  await expect(rabbit.locator('svg')).toBeVisible();
  // Lane and graph read together until they agree: the lanes redraw in a deferred render, a moment after the graph.
  const sameAsLane = () =>
    expect(async () => {
      const heading = (await page.locator('[data-partition] p').filter({ hasText: 'log-end offset' }).first().textContent()) ?? '';
      const [, name, leo] = /^(\S+) · .*log-end offset\s*(\d+)/.exec(heading)!;
      expect(await kafka.locator(`[data-node="p:${name}"]`).textContent()).toContain(`log-end offset ${leo}`);
    }).toPass({ timeout: 10_000 });
  await sameAsLane();
  // A step forward lights what it moved, and the graph says the new counts.
  const lit = page.locator('[data-testid="sim-topology"] [data-lit="true"]');
  for (let i = 0; i < 6 && (await lit.count()) === 0; i++) {
    const before = await page.getByTestId('sim-time').textContent();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByTestId('sim-time')).not.toHaveText(before!);
  }
  await expect(lit.first()).toBeAttached();
  await sameAsLane();
  await page.getByRole('slider', { name: 'Time' }).fill('12000');
  await expect(page.getByTestId('sim-time')).toHaveText(/^12 s/);
  await sameAsLane();
});

test.describe('messages travel the topology graphs, in step with the clock (#19, point 8)', () => {
  async function openGraphs(page: Page, query: string) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page, query);
    await page.getByText('Topology: where messages travel').click();
    await expect(page.getByTestId('rabbit-topology').or(page.getByTestId('kafka-topology')).first().locator('svg')).toBeVisible();
  }

  /**
   * The dots on show in a graph (inside the drawing, where their animations have them now): the
   * flight's id and the edge it travels, the messages it carries (its "×N", else 1), where the dot's
   * centre is in the drawing's coordinates, and whether that point lies on the stroke of that edge's
   * path as drawn now.
   */
  const flights = (graph: Locator) =>
    graph.evaluate((root) => {
      const svg = root.querySelector('svg')!;
      const box = svg.getBoundingClientRect();
      const toSvg = svg.getScreenCTM()!.inverse();
      return [...root.querySelectorAll<HTMLElement>('[data-testid="graph-flight"]')]
        .map((g) => ({ g, r: g.firstElementChild!.getBoundingClientRect() }))
        .filter(({ r }) => r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom)
        .map(({ g, r }) => {
          const at = new DOMPoint(r.x + r.width / 2, r.y + r.height / 2).matrixTransform(toSvg);
          const path = [...root.querySelectorAll<SVGPathElement>('path[data-edge]')].find((p) => p.dataset.edge === g.dataset.on);
          const count = Number(/^×(\d+)$/.exec(g.lastElementChild!.textContent ?? '')?.[1] ?? 1);
          return { id: g.dataset.flight!, on: g.dataset.on!, count, x: at.x, y: at.y, onEdge: path?.isPointInStroke(at) ?? false };
        });
    });

  /** Whether some flight of `graph` changes place between two animation frames (read in each; no timer). */
  const movesBetweenFrames = (graph: Locator) =>
    graph.evaluate(async (root) => {
      const read = () =>
        new Map(
          [...root.querySelectorAll<HTMLElement>('[data-testid="graph-flight"]')]
            .filter((g) => g.dataset.flight)
            .map((g) => {
              const r = g.getBoundingClientRect();
              return [g.dataset.flight, `${r.x},${r.y}`];
            }),
        );
      const a = read();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const b = read();
      return [...b].some(([id, t]) => a.has(id) && a.get(id) !== t);
    });

  for (const [scenario, testId] of [
    ['ttl-dead-letter', 'rabbit-topology'],
    ['crash-before-commit', 'kafka-topology'],
  ] as const) {
    test(`${scenario}: after Play a message moves along an edge; paused it stays; a jump leaves none`, async ({ page }) => {
      await openGraphs(page, `?scenario=${scenario}`);
      const graph = page.getByTestId(testId);
      const play = page.getByRole('button', { name: 'Play', exact: true });
      // Play until a message moves, then pause while some are in the air (between two messages none may be).
      await expect(async () => {
        if (await play.isVisible()) await play.click();
        await expect.poll(() => movesBetweenFrames(graph), { timeout: 15_000, intervals: [50] }).toBe(true);
        const drawn = await flights(graph);
        expect(drawn.length).toBeGreaterThan(0);
        for (const f of drawn) expect(f.onEdge, `${f.id} at ${f.x},${f.y} on ${f.on}`).toBe(true);
        await page.getByRole('button', { name: 'Pause' }).click();
        expect((await flights(graph)).length).toBeGreaterThan(0);
      }).toPass({ timeout: 40_000 });
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
      const paused = await flights(graph);
      expect(await movesBetweenFrames(graph)).toBe(false);
      expect(await flights(graph)).toEqual(paused);
      // A jump: nothing from before it is in the air.
      await page.getByRole('slider', { name: 'Time' }).fill('2000');
      await expect(page.getByTestId('sim-time')).toHaveText(/^2 s/);
      await expect.poll(async () => (await flights(graph)).length).toBe(0);
      await checkA11y(page, '[data-testid="sim-topology"]');
    });
  }

  test('a queue with a dead-letter exchange has a dashed "dead-letter" edge, and dead-lettered messages travel it', async ({ page }) => {
    await openGraphs(page, '?scenario=ttl-dead-letter&t=6000'); // after the last chapter (a chapter pauses play)
    const rabbit = page.getByTestId('rabbit-topology');
    const dlx = 'q:orders\u0000x:dlx';
    const edge = await rabbit.evaluate((root, key) => {
      const p = [...root.querySelectorAll<SVGPathElement>('path[data-edge]')].find((x) => x.dataset.edge === key);
      return p ? { dashed: p.getAttribute('stroke-dasharray') } : null;
    }, dlx);
    expect(edge?.dashed).toBeTruthy();
    await expect(rabbit.locator('[data-label-of]').filter({ hasText: /^dead-letter$/ })).toBeVisible();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(async () => (await flights(rabbit)).some((f) => f.on === dlx && f.onEdge), { timeout: 20_000, intervals: [50] })
      .toBe(true);
  });

  // Three producers each send a burst of 24 keyed records to a topic of 6 partitions at 1 s: up to 18
  // edges at once, more than the MAX_FLIGHTS (12) dots a graph draws. `declared`: the producers are in
  // the scenario (sending nothing themselves), so their edges are drawn before the bursts.
  const bursts = (declared: boolean) =>
    `?custom=${toBase64Url(
      JSON.stringify({
        version: 1,
        durationMs: 10_000,
        kafka: {
          topics: [{ name: 't', partitions: 6 }],
          producers: declared ? ['a', 'b', 'c'].map((id) => ({ id, topic: 't', count: 0 })) : [],
        },
      }),
    )}&iv=${toBase64Url(
      JSON.stringify(
        ['a', 'b', 'c'].map((producer) => ({
          time: 1000,
          intervention: { type: 'kafka.produceBurst', topic: 't', count: 24, keys: { prefix: 'k', count: 24 }, producer },
        })),
      ),
    )}`;

  /** Opens the bursts at 0.25× (a hop takes 2.4 s), steps to them and waits until their dots are in the air. */
  async function stepToBursts(page: Page, declared = true) {
    await openGraphs(page, bursts(declared));
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.25');
    await page.getByRole('button', { name: 'Step forward' }).click();
    const kafka = page.getByTestId('kafka-topology');
    await expect.poll(async () => (await flights(kafka)).length, { intervals: [20] }).toBeGreaterThan(0);
    return kafka;
  }

  test('a producer seen for the first time (a burst) has its records travel its new edges', async ({ page }) => {
    const kafka = await stepToBursts(page, false);
    for (const f of await flights(kafka)) expect(f.onEdge, `${f.id} at ${f.x},${f.y} on ${f.on}`).toBe(true);
  });

  test('more messages moving than dots: a note says how many more, and goes when they have landed', async ({ page }) => {
    const kafka = await stepToBursts(page);
    const note = page.getByTestId('graph-undrawn');
    // The records written, as the graph's partitions say (the bursts are the only ones).
    const written = (await kafka.locator('[data-node^="p:"]').allTextContents()).reduce(
      (n, t) => n + Number(/log-end offset (\d+)/.exec(t)![1]),
      0,
    );
    expect(written).toBe(72);
    const drawn = await flights(kafka);
    const words = (await note.textContent()) ?? '';
    const more = Number(/^\+(\d+) more moving than drawn$/.exec(words)?.[1]);
    expect(more, words).toBeGreaterThan(0);
    // Every record moving is either on a dot (alone or counted by its "×N") or in the note.
    expect(drawn.reduce((n, f) => n + f.count, 0) + more).toBe(written);
    // One dot per edge: records leaving together along one edge are one dot with their count, not dots
    // drawn over each other.
    expect(new Set(drawn.map((f) => f.on)).size).toBe(drawn.length);
    for (const f of drawn) expect(f.onEdge, `${f.id} at ${f.x},${f.y} on ${f.on}`).toBe(true);
    // Landed, nothing moves: no dot and no note.
    await expect.poll(async () => (await flights(kafka)).length, { timeout: 10_000 }).toBe(0);
    await expect(note).toHaveText('');
  });

  test("a dot's count never prints over the name of the node it travels to, nor over the node it leaves, read frame by frame while it plays", async ({
    page,
  }) => {
    await openGraphs(page, '?scenario=heavy&seed=1&t=20000');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const graphs = page.locator('[data-testid="kafka-topology"], [data-testid="rabbit-topology"]');
    // For 90 frames of play: every "×N" on show, and whether it covers the name on the node its dot
    // travels to (where a paused dot mostly sits) or any part of the node it leaves.
    const seen = await page.evaluate(async () => {
      const hits: string[] = [];
      let labels = 0;
      const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      for (let frame = 0; frame < 90; frame++) {
        await new Promise((r) => requestAnimationFrame(r));
        for (const root of document.querySelectorAll('[data-testid="kafka-topology"], [data-testid="rabbit-topology"]')) {
          const nodes = [...root.querySelectorAll('g[data-node]')].map((g) => ({
            id: (g as SVGGElement).dataset.node!,
            name: g.querySelector('text')!.getBoundingClientRect(),
            box: g.querySelector('rect')!.getBoundingClientRect(),
          }));
          for (const slot of root.querySelectorAll<HTMLElement>('[data-testid="graph-flight"]')) {
            const label = slot.lastElementChild!;
            if (!label.textContent || Number(getComputedStyle(label).opacity) === 0) continue;
            labels++;
            const l = label.getBoundingClientRect();
            const [from, to] = slot.dataset.on!.split('\u0000');
            for (const n of nodes) {
              if (n.id === to && overlap(l, n.name)) hits.push(`${label.textContent} over the name of ${n.id} at frame ${frame}`);
              if (n.id === from && overlap(l, n.box)) hits.push(`${label.textContent} over ${n.id}, which it leaves, at frame ${frame}`);
            }
          }
        }
      }
      return { labels, hits };
    });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(graphs.first()).toBeVisible();
    expect(seen.labels).toBeGreaterThan(20);
    expect(seen.hits).toEqual([]);
  });

  test('a change of speed changes the pace of the dots already in the air', async ({ page }) => {
    const kafka = await stepToBursts(page);
    /**
     * How fast one dot's animation runs against the page's clock over a few frames (its progress along
     * the edge per ms of real time): the first dot in the air, or the one with id `id`.
     */
    const pace = (id: string | null) =>
      kafka.evaluate(async (root, id) => {
        const box = root.querySelector('svg')!.getBoundingClientRect();
        const dot = [...root.querySelectorAll<HTMLElement>('[data-testid="graph-flight"]')].find((g) => {
          const r = g.getBoundingClientRect();
          return id ? g.dataset.flight === id : g.dataset.flight && r.left >= box.left && r.top >= box.top;
        })!;
        const anim = dot.getAnimations()[0]!;
        const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
        const t0 = await frame();
        const a0 = Number(anim.currentTime);
        let t1 = t0;
        for (let i = 0; i < 10; i++) t1 = await frame();
        return { id: dot.dataset.flight!, pace: (Number(anim.currentTime) - a0) / (t1 - t0) };
      }, id);
    const slow = await pace(null);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.5');
    const fast = await pace(slow.id);
    expect(fast.pace / slow.pace).toBeGreaterThan(1.7);
    expect(fast.pace / slow.pace).toBeLessThan(2.3);
    for (const f of await flights(kafka)) expect(f.onEdge, `${f.id} at ${f.x},${f.y} on ${f.on}`).toBe(true);
  });

  test('a new layout moves the dots in the air onto their edges as drawn now', async ({ page }) => {
    const kafka = await stepToBursts(page);
    const paths = () =>
      kafka.evaluate((root) =>
        Object.fromEntries([...root.querySelectorAll<SVGPathElement>('path[data-edge]')].map((p) => [p.dataset.edge, p.getAttribute('d')])),
      );
    const before = await paths();
    // A seventh partition: a node more in its column, so the graph is taller and the producers move down.
    await page.getByRole('combobox', { name: 'Action', exact: true }).selectOption('kafka.addPartitions');
    await page.getByRole('button', { name: 'Apply now' }).click();
    await expect(kafka.locator('[data-node="p:t-6"]')).toBeAttached();
    const after = await paths();
    const drawn = await flights(kafka);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.filter((f) => before[f.on] !== undefined && before[f.on] !== after[f.on]).length).toBeGreaterThan(0);
    for (const f of drawn) expect(f.onEdge, `${f.id} at ${f.x},${f.y} on ${f.on}`).toBe(true);
  });

  test('with reduced motion no message moves: the path lights and the counts change', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openGraphs(page, '?scenario=ttl-dead-letter');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const rabbit = page.getByTestId('rabbit-topology');
    await expect(rabbit.locator('[data-lit="true"]').first()).toBeAttached({ timeout: 15_000 });
    await expect(rabbit.getByTestId('graph-flight')).toHaveCount(0);
  });
});
