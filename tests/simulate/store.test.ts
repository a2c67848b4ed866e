import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idle, openStore, testStore, until } from './engine';
import { PLAY_NARRATION_MS, SPEEDS, type SimStore } from '@/lib/simulate/store';
import { runs } from '../support/property';

const audit = (s: SimStore) => s.getState().snapshot.kafka!.groups.find((g) => g.id === 'audit')!.partitions[0]!;

/** Plays for `frames` animation frames of `ms` each, letting the engine answer between them. */
async function play(s: SimStore, frames: number, ms: number, { keepPlaying = false } = {}) {
  for (let i = 0; i < frames; i++) {
    if (keepPlaying && !s.getState().playing) s.getState().play();
    s.getState().tick(ms);
    await idle(s);
  }
}

describe('simulator store', () => {
  it('shows log-vs-queue at time 0 before the engine answers: the audit group at committed offset 4 and lag 1', () => {
    const s = testStore();
    const p = audit(s);
    expect(p.committedOffset).toBe(4);
    expect(p.lag).toBe(1);
    expect(s.getState().loaded.id).toBe('log-vs-queue');
  });

  it('opens the first scenario in the engine when asked to move before anything was opened', async () => {
    const s = testStore();
    await s.getState().seek(1500);
    expect(s.getState().time).toBe(1500);
    expect(s.getState().loaded.id).toBe('log-vs-queue');
  });

  it('steps forward then back to the same snapshot', async () => {
    const s = await openStore();
    await s.getState().seek(1500);
    const t0 = s.getState().time;
    for (let i = 0; i < 3; i++) await s.getState().stepForward();
    const mid = s.getState().snapshot;
    const tMid = s.getState().time;
    expect(tMid).toBeGreaterThan(t0);
    await s.getState().stepForward();
    await s.getState().stepBack();
    expect(s.getState().time).toBe(tMid);
    expect(s.getState().snapshot).toEqual(mid);
  });

  it('step back from the first event lands on time 0', async () => {
    const s = await openStore();
    await s.getState().stepForward();
    await s.getState().stepBack();
    expect(s.getState().time).toBe(0);
  });

  it('seeking to any time and back gives the same snapshot (property)', async () => {
    const s = await openStore();
    const end = s.getState().endTime;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: end }), fc.integer({ min: 0, max: end }), async (a, b) => {
        await s.getState().seek(a);
        const snap = JSON.stringify(s.getState().snapshot);
        await s.getState().seek(b);
        await s.getState().seek(a);
        expect(JSON.stringify(s.getState().snapshot)).toBe(snap);
      }),
      { numRuns: runs(25) },
    );
  });

  it('a dragged slider: many seeks at once end on the last one, with far fewer engine requests', async () => {
    const s = await openStore('heavy');
    let frames = 0;
    const off = s.subscribe((a, b) => void (a.frame !== b.frame && frames++));
    const all = Array.from({ length: 50 }, (_, i) => s.getState().seek(i * 1000));
    await Promise.all(all);
    off();
    expect(s.getState().time).toBe(49_000);
    expect(frames).toBeLessThan(5);
  });

  it('plays at the chosen speed and pauses at a narrated chapter', async () => {
    const s = await openStore();
    const chapter = s.getState().loaded.chapters.find((c) => c.time > 0)!;
    s.getState().setSpeed(4);
    s.getState().play();
    await play(s, 1, 100);
    expect(s.getState().time).toBe(400);
    for (let i = 0; i < 100 && s.getState().playing; i++) await play(s, 1, 100);
    expect(s.getState().playing).toBe(false);
    expect(s.getState().time).toBe(chapter.time);
    expect(s.getState().narration.at(-1)?.chapter?.title).toBe(chapter.title);
  });

  it('batches narration while playing instead of one entry per frame', async () => {
    const s = await openStore('group-scaling');
    s.getState().setSpeed(16);
    s.getState().play();
    const before = s.getState().narration.length;
    const frames = 60;
    await play(s, frames, 16, { keepPlaying: true });
    const added = s.getState().narration.length - before;
    expect(added).toBeLessThanOrEqual(Math.ceil((frames * 16) / PLAY_NARRATION_MS) + s.getState().loaded.chapters.length + 1);
  });

  it('snaps speeds to the offered steps', () => {
    const s = testStore();
    s.getState().setSpeed(100);
    expect(s.getState().speed).toBe(16);
    s.getState().setSpeed(0.01);
    expect(s.getState().speed).toBe(0.25);
    expect(SPEEDS).toContain(s.getState().speed);
  });

  it('an intervention at an earlier time forks the timeline', async () => {
    const s = await openStore();
    await s.getState().seek(6000);
    const later = JSON.stringify(s.getState().snapshot.kafka);
    await s.getState().seek(3000);
    const errors = await s.getState().intervene({ type: 'kafka.crashConsumer', group: 'audit', consumer: 'C' });
    expect(errors).toBeNull();
    expect(s.getState().interventions).toHaveLength(1);
    expect(s.getState().interventions[0]!.time).toBe(3000);
    await s.getState().seek(6000);
    expect(JSON.stringify(s.getState().snapshot.kafka)).not.toBe(later);
    expect(s.getState().narration.some((n) => n.lines.some((l) => l.includes('crashed consumer C')))).toBe(true);
  });

  it('rejects an invalid intervention with errors and changes nothing', async () => {
    const s = await openStore();
    const rev = s.getState().revision;
    const errors = await s.getState().intervene({ type: 'kafka.seek', group: 'audit' });
    expect(errors?.length).toBeGreaterThan(0);
    expect(s.getState().revision).toBe(rev);
  });

  it('refuses an intervention that names what does not exist, as a link would be refused (cross-checks)', async () => {
    const s = await openStore();
    expect(await s.getState().intervene({ type: 'kafka.crashConsumer', group: 'audit', consumer: 'nobody' })).toEqual([
      { path: 'consumer', message: 'names no consumer of group audit ("nobody")' },
    ]);
    expect(await s.getState().intervene({ type: 'rabbitmq.addConsumer', consumer: { id: 'x', queue: 'missing' } })).toEqual([
      { path: 'consumer.queue', message: 'names no declared queue ("missing")' },
    ]);
    expect(s.getState().interventions).toEqual([]);
  });

  it('reopens a shared state, interventions included, at the same moment', async () => {
    const a = await openStore();
    await a.getState().seek(2500);
    await a.getState().intervene({ type: 'kafka.crashConsumer', group: 'analytics', consumer: 'B' });
    await a.getState().seek(7000);
    const b = testStore();
    await b.getState().openUrlState({
      source: { kind: 'builtin', id: 'log-vs-queue' },
      seed: 1,
      time: 7000,
      interventions: a.getState().interventions,
    });
    expect(b.getState().time).toBe(7000);
    expect(b.getState().snapshot).toEqual(a.getState().snapshot);
    expect(b.getState().notice).toBeNull();
  });

  it('falls back to the default scenario with a notice for an invalid custom scenario', async () => {
    const s = await openStore('group-scaling');
    await s.getState().openUrlState({ source: { kind: 'custom', json: { version: 2 } }, seed: 1, time: 10, interventions: [] });
    expect(s.getState().loaded.id).toBe('log-vs-queue');
    expect(s.getState().time).toBe(0);
    expect(s.getState().notice).toMatch(/not valid.*default scenario/);
  });

  it('clamps a time past the end and says so', async () => {
    const s = testStore();
    await s.getState().openUrlState({ source: { kind: 'builtin', id: 'log-vs-queue' }, seed: 1, time: 10_000_000, interventions: [] });
    expect(s.getState().time).toBe(s.getState().endTime);
    expect(s.getState().notice).toMatch(/past the end/);
  });

  it('runs a valid custom scenario and returns errors with paths for an invalid one', async () => {
    const s = await openStore();
    const bad = await s.getState().loadCustom({ version: 1, durationMs: 5000, kafka: { topics: [{ name: 't', partitions: 0 }] } });
    expect(bad).toContainEqual(expect.objectContaining({ path: 'kafka.topics[0].partitions' }));
    expect(s.getState().loaded.id).toBe('log-vs-queue');
    const custom = { version: 1, durationMs: 5000, kafka: { topics: [{ name: 't', partitions: 2 }] } };
    expect(await s.getState().loadCustom(custom)).toBeNull();
    expect(s.getState().loaded).toMatchObject({ id: null, lanes: ['kafka'], custom });
  });

  it('plays to the end and stops; play again restarts from 0', async () => {
    const s = await openStore('compaction');
    s.getState().setSpeed(16);
    for (let i = 0; i < 2000 && s.getState().time < s.getState().endTime; i++) await play(s, 1, 50, { keepPlaying: true });
    expect(s.getState().time).toBe(s.getState().endTime);
    expect(s.getState().playing).toBe(false);
    s.getState().play();
    await until(() => s.getState().time === 0, 'the clock back at 0');
  });

  it('has the engine sample the charts for the whole run, and again after an intervention', async () => {
    const s = await openStore();
    s.getState().requestSeries();
    await until(() => s.getState().series !== null, 'the chart series');
    expect(s.getState().series!.lag.at(-1)!.time).toBe(s.getState().endTime);
    await s.getState().intervene({ type: 'kafka.crashConsumer', group: 'audit', consumer: 'C' });
    expect(s.getState().series).toBeNull();
    s.getState().requestSeries();
    await until(() => s.getState().series !== null, 'the chart series after the intervention');
  });
});

describe('store publishing while playing', () => {
  it('asks for at most one moment per PUBLISH_MS of real time, one at a time, and ends on the same snapshot as a seek', async () => {
    const { PUBLISH_MS } = await import('@/lib/simulate/store');
    const s = await openStore('heavy');
    s.getState().setSpeed(8);
    s.getState().play();
    let publishes = 0;
    const off = s.subscribe((a, b) => void (a.frame !== b.frame && publishes++));
    const frames = 120;
    // Frames come faster than the engine answers: ticks while a request is out ask for nothing.
    for (let i = 0; i < frames; i++) {
      s.getState().tick(16);
      if (i % 4 === 3) await idle(s);
    }
    await idle(s);
    off();
    expect(publishes).toBeLessThanOrEqual(Math.ceil((frames * 16) / PUBLISH_MS) + 1);
    expect(publishes).toBeGreaterThan(0);
    s.getState().pause();
    const fresh = await openStore('heavy');
    await fresh.getState().seek(s.getState().time);
    expect(s.getState().snapshot).toEqual(fresh.getState().snapshot);
  });
  it('with the "Whole log" view on, asks for at most one moment per WHOLE_LOG_PUBLISH_MS', async () => {
    const { PUBLISH_MS, WHOLE_LOG_PUBLISH_MS } = await import('@/lib/simulate/store');
    expect(WHOLE_LOG_PUBLISH_MS).toBeGreaterThan(PUBLISH_MS);
    const s = await openStore('heavy');
    s.getState().setWholeLog(true);
    await idle(s);
    s.getState().setSpeed(8);
    s.getState().play();
    let publishes = 0;
    const off = s.subscribe((a, b) => void (a.frame !== b.frame && publishes++));
    const frames = 120;
    for (let i = 0; i < frames; i++) {
      s.getState().tick(16);
      if (i % 4 === 3) await idle(s);
    }
    await idle(s);
    off();
    expect(publishes).toBeLessThanOrEqual(Math.ceil((frames * 16) / WHOLE_LOG_PUBLISH_MS) + 1);
    expect(publishes).toBeGreaterThan(0);
  });
});

describe('the engine’s limits on what a snapshot carries', () => {
  it('the lanes ask for fewer records and get them; the counts stay whole', async () => {
    const s = await openStore('heavy');
    await s.getState().seek(40_000);
    s.getState().setViewLimits({ maxRecords: 3, maxMessages: 3 });
    await until(() => s.getState().snapshot.kafka!.topics[0]!.partitions[0]!.records.length <= 3, 'a snapshot with 3 records a partition');
    const p = s.getState().snapshot.kafka!.topics[0]!.partitions[0]!;
    expect(p.recordCount).toBeGreaterThan(3);
  });
});
