import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineApi } from './engine';
import { createSimStore, PLAY_NARRATION_MS, SPEEDS } from '@/lib/simulate/store';
import { runs } from '../support/property';

const audit = (s: ReturnType<typeof createSimStore>) => s.getState().snapshot.kafka!.groups.find((g) => g.id === 'audit')!.partitions[0]!;

describe('simulator store', () => {
  it('opens log-vs-queue with the audit group at committed offset 4 and lag 1', () => {
    const s = createSimStore(engineApi);
    const p = audit(s);
    expect(p.committedOffset).toBe(4);
    expect(p.lag).toBe(1);
    expect(s.getState().loaded.id).toBe('log-vs-queue');
  });

  it('steps forward then back to the same snapshot', () => {
    const s = createSimStore(engineApi);
    s.getState().seek(1500);
    const t0 = s.getState().time;
    for (let i = 0; i < 3; i++) s.getState().stepForward();
    const mid = s.getState().snapshot;
    const tMid = s.getState().time;
    expect(tMid).toBeGreaterThan(t0);
    s.getState().stepForward();
    s.getState().stepBack();
    expect(s.getState().time).toBe(tMid);
    expect(s.getState().snapshot).toEqual(mid);
  });

  it('step back from the first event lands on time 0', () => {
    const s = createSimStore(engineApi);
    s.getState().stepForward();
    s.getState().stepBack();
    expect(s.getState().time).toBe(0);
  });

  it('seeking to any time and back gives the same snapshot (property)', () => {
    const s = createSimStore(engineApi);
    const end = s.getState().endTime;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: end }), fc.integer({ min: 0, max: end }), (a, b) => {
        s.getState().seek(a);
        const snap = JSON.stringify(s.getState().snapshot);
        s.getState().seek(b);
        s.getState().seek(a);
        expect(JSON.stringify(s.getState().snapshot)).toBe(snap);
      }),
      { numRuns: runs(25) },
    );
  });

  it('plays at the chosen speed and pauses at a narrated chapter', () => {
    const s = createSimStore(engineApi);
    const chapter = s.getState().loaded.chapters.find((c) => c.time > 0)!;
    s.getState().setSpeed(4);
    s.getState().play();
    s.getState().tick(100);
    expect(s.getState().time).toBe(400);
    for (let i = 0; i < 100 && s.getState().playing; i++) s.getState().tick(100);
    expect(s.getState().playing).toBe(false);
    expect(s.getState().time).toBe(chapter.time);
    expect(s.getState().narration.at(-1)?.chapter?.title).toBe(chapter.title);
  });

  it('batches narration while playing instead of one entry per frame', () => {
    const s = createSimStore(engineApi);
    s.getState().loadBuiltin('group-scaling');
    s.getState().setSpeed(16);
    s.getState().play();
    const before = s.getState().narration.length;
    const frames = 60;
    for (let i = 0; i < frames; i++) {
      if (!s.getState().playing) s.getState().play();
      s.getState().tick(16);
    }
    const added = s.getState().narration.length - before;
    expect(added).toBeLessThanOrEqual(Math.ceil((frames * 16) / PLAY_NARRATION_MS) + s.getState().loaded.chapters.length + 1);
  });

  it('snaps speeds to the offered steps', () => {
    const s = createSimStore(engineApi);
    s.getState().setSpeed(100);
    expect(s.getState().speed).toBe(16);
    s.getState().setSpeed(0.01);
    expect(s.getState().speed).toBe(0.25);
    expect(SPEEDS).toContain(s.getState().speed);
  });

  it('an intervention at an earlier time forks the timeline', () => {
    const s = createSimStore(engineApi);
    s.getState().seek(6000);
    const later = JSON.stringify(s.getState().snapshot.kafka);
    s.getState().seek(3000);
    const errors = s.getState().intervene({ type: 'kafka.crashConsumer', group: 'audit', consumer: 'C' });
    expect(errors).toBeNull();
    expect(s.getState().interventions).toHaveLength(1);
    expect(s.getState().interventions[0]!.time).toBe(3000);
    s.getState().seek(6000);
    expect(JSON.stringify(s.getState().snapshot.kafka)).not.toBe(later);
    expect(s.getState().narration.some((n) => n.lines.some((l) => l.includes('crashed consumer C')))).toBe(true);
  });

  it('asks to wait while the validators are loading, then accepts once they arrive', () => {
    const s = createSimStore({ ...engineApi, validators: undefined });
    const iv = { type: 'kafka.crashConsumer', group: 'audit', consumer: 'C' };
    expect(s.getState().intervene(iv)?.[0]?.message).toMatch(/still loading/);
    expect(s.getState().loadCustom({ version: 1 })?.[0]?.message).toMatch(/still loading/);
    s.getState().setValidators(engineApi.validators!);
    expect(s.getState().intervene(iv)).toBeNull();
  });

  it('rejects an invalid intervention with errors and changes nothing', () => {
    const s = createSimStore(engineApi);
    const rev = s.getState().revision;
    const errors = s.getState().intervene({ type: 'kafka.seek', group: 'audit' });
    expect(errors?.length).toBeGreaterThan(0);
    expect(s.getState().revision).toBe(rev);
  });

  it('reopens a shared state, interventions included, at the same moment', () => {
    const a = createSimStore(engineApi);
    a.getState().seek(2500);
    a.getState().intervene({ type: 'kafka.crashConsumer', group: 'analytics', consumer: 'B' });
    a.getState().seek(7000);
    const b = createSimStore(engineApi);
    b.getState().openUrlState({
      source: { kind: 'builtin', id: 'log-vs-queue' },
      seed: 1,
      time: 7000,
      interventions: a.getState().interventions,
    });
    expect(b.getState().time).toBe(7000);
    expect(b.getState().snapshot).toEqual(a.getState().snapshot);
    expect(b.getState().notice).toBeNull();
  });

  it('falls back to the default scenario with a notice for an invalid custom scenario', () => {
    const s = createSimStore(engineApi);
    s.getState().loadBuiltin('group-scaling');
    s.getState().openUrlState({ source: { kind: 'custom', json: { version: 2 } }, seed: 1, time: 10, interventions: [] });
    expect(s.getState().loaded.id).toBe('log-vs-queue');
    expect(s.getState().time).toBe(0);
    expect(s.getState().notice).toMatch(/not valid.*default scenario/);
  });

  it('clamps a time past the end and says so', () => {
    const s = createSimStore(engineApi);
    s.getState().openUrlState({ source: { kind: 'builtin', id: 'log-vs-queue' }, seed: 1, time: 10_000_000, interventions: [] });
    expect(s.getState().time).toBe(s.getState().endTime);
    expect(s.getState().notice).toMatch(/past the end/);
  });

  it('runs a valid custom scenario and returns errors with paths for an invalid one', () => {
    const s = createSimStore(engineApi);
    const bad = s.getState().loadCustom({ version: 1, durationMs: 5000, kafka: { topics: [{ name: 't', partitions: 0 }] } });
    expect(bad).toContainEqual(expect.objectContaining({ path: 'kafka.topics[0].partitions' }));
    expect(s.getState().loaded.id).toBe('log-vs-queue');
    const custom = { version: 1, durationMs: 5000, kafka: { topics: [{ name: 't', partitions: 2 }] } };
    expect(s.getState().loadCustom(custom)).toBeNull();
    expect(s.getState().loaded).toMatchObject({ id: null, lanes: ['kafka'], custom });
  });

  it('plays to the end and stops; play again restarts from 0', () => {
    const s = createSimStore(engineApi);
    s.getState().loadBuiltin('compaction');
    s.getState().setSpeed(16);
    for (let i = 0; i < 2000 && s.getState().time < s.getState().endTime; i++) {
      if (!s.getState().playing) s.getState().play();
      s.getState().tick(50);
    }
    expect(s.getState().time).toBe(s.getState().endTime);
    expect(s.getState().playing).toBe(false);
    s.getState().play();
    expect(s.getState().time).toBe(0);
  });
});

describe('store publishing while playing', () => {
  it('publishes at most one frame per PUBLISH_MS of real time, and the exact snapshot on pause', async () => {
    const { PUBLISH_MS } = await import('@/lib/simulate/store');
    const s = createSimStore(engineApi);
    s.getState().loadBuiltin('heavy');
    s.getState().setSpeed(8);
    s.getState().play();
    let publishes = 0;
    const off = s.subscribe((a, b) => void (a.frame !== b.frame && publishes++));
    const frames = 120;
    for (let i = 0; i < frames; i++) s.getState().tick(16);
    off();
    expect(publishes).toBeLessThanOrEqual(Math.ceil((frames * 16) / PUBLISH_MS) + 1);
    expect(publishes).toBeGreaterThan(0);
    // The simulation runs every frame; the store catches up at the next publish.
    expect(s.getState().liveSnapshot().time).toBeGreaterThanOrEqual(s.getState().time);
    s.getState().pause();
    const fresh = createSimStore(engineApi);
    fresh.getState().loadBuiltin('heavy');
    fresh.getState().seek(s.getState().time);
    expect(s.getState().snapshot).toEqual(fresh.getState().snapshot);
  });
});
