// Play paces its requests by how long the lanes take to draw a moment (lib/simulate/store/playback.ts):
// on a busy machine the page asks for fewer moments instead of spending all its time drawing them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAW_SHARE, DRAW_WAIT_MS, playInterval, WHOLE_LOG_PUBLISH_MS, type SimStore } from '@/lib/simulate/store';
import { runs } from '../support/property';
import { idle, openStore } from './engine';

describe('playInterval', () => {
  it.each([
    // base, draw ms, interval
    [100, 0, 100],
    [100, 20, 100],
    [100, 33, 100],
    [100, 50, 150],
    [100, 80, 240],
    [100, 200, 250],
    [50, 10, 50],
    [50, 30, 90],
  ])('base %i ms, drawing %i ms → %i ms', (base, draw, interval) => {
    expect(playInterval(base, draw)).toBe(interval);
  });

  it('is never below the base, grows with the drawing time, and stops at 250 ms unless the base is longer (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(2000), fc.nat(2000), (base, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const i = playInterval(base, lo);
        expect(i).toBeGreaterThanOrEqual(base);
        expect(i).toBeLessThanOrEqual(Math.max(base, 250));
        expect(i).toBeGreaterThanOrEqual(Math.min(250, DRAW_SHARE * lo));
        expect(playInterval(base, hi)).toBeGreaterThanOrEqual(i);
      }),
      { numRuns: runs(200) },
    );
  });
});

/**
 * Plays the heavy scenario in the "Whole log" view at 8× for `frames` frames of 16 ms, with lanes that
 * say they drew each new snapshot `drawFrames` frames after it was shown (null: never; 'no lanes': no
 * lanes report drawing at all); returns how many moments were shown.
 */
async function playWithLanes(drawFrames: number | null | 'no lanes', frames = 150): Promise<{ shown: number; s: SimStore }> {
  const s = await openStore('heavy');
  s.getState().setWholeLog(true);
  await idle(s);
  // The lanes report their first drawing when they mount.
  if (drawFrames !== 'no lanes') s.getState().drawn(s.getState().snapshot);
  s.getState().setSpeed(8);
  s.getState().play();
  let shown = 0;
  let clock = 0;
  const waiting: { now: { snapshot: ReturnType<SimStore['getState']>['snapshot']; since: number } | null } = { now: null };
  const off = s.subscribe((a, b) => {
    if (a.frame === b.frame) return;
    shown++;
    waiting.now = typeof drawFrames === 'number' ? { snapshot: a.snapshot, since: clock } : null;
  });
  for (let i = 0; i < frames; i++) {
    clock += 16;
    s.getState().tick(16);
    await idle(s);
    if (waiting.now && clock - waiting.now.since >= (drawFrames as number) * 16) {
      s.getState().drawn(waiting.now.snapshot);
      waiting.now = null;
    }
  }
  off();
  return { shown, s };
}

describe('play paced by drawing', () => {
  it('asks every WHOLE_LOG_PUBLISH_MS while the lanes draw within a frame', async () => {
    const { shown } = await playWithLanes(1);
    // 150 frames of 16 ms = 2,400 ms: one moment per 100 ms (a tick of 16 ms late at most), plus the first.
    expect(shown).toBeGreaterThanOrEqual(Math.floor(2400 / (WHOLE_LOG_PUBLISH_MS + 16)));
    expect(shown).toBeLessThanOrEqual(Math.ceil(2400 / WHOLE_LOG_PUBLISH_MS) + 1);
  });

  it('asks less often when drawing takes long: 5 frames (80 ms) → one per 240 ms', async () => {
    const { shown } = await playWithLanes(5);
    expect(shown).toBeLessThanOrEqual(Math.ceil(2400 / 240) + 2);
    expect(shown).toBeGreaterThanOrEqual(Math.floor(2400 / (240 + 16 + 80)));
  });

  it('waits for the lanes to draw a moment before asking for the next, up to DRAW_WAIT_MS', async () => {
    const { shown, s } = await playWithLanes(null);
    expect(shown).toBeLessThanOrEqual(Math.ceil(2400 / DRAW_WAIT_MS) + 1);
    expect(shown).toBeGreaterThan(1);
    expect(s.getState().playing).toBe(true);
  });

  it('a moment shown by a seek while playing, once drawn, releases play (the moment it waited for was never drawn)', async () => {
    const { s } = await playWithLanes(null, 3);
    const shownBefore = s.getState().frame;
    await s.getState().seek(50_000);
    s.getState().drawn(s.getState().snapshot);
    s.getState().tick(WHOLE_LOG_PUBLISH_MS);
    await idle(s);
    expect(s.getState().frame).toBeGreaterThan(shownBefore + 1);
    expect(s.getState().time).toBeGreaterThan(50_000);
  });

  it('without lanes that report drawing (as in the other store tests) plays as before', async () => {
    const { shown } = await playWithLanes('no lanes');
    expect(shown).toBeGreaterThanOrEqual(Math.floor(2400 / (WHOLE_LOG_PUBLISH_MS + 16)));
  });
});
