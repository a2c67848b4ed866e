// #19, point 3: "What just happened" describes what the lanes show, at any speed and after any jump.
import { describe, expect, it } from 'vitest';
import { describeMoment } from '@/lib/simulate/moment-summary';
import { type SimStore } from '@/lib/simulate/store';
import { idle, openStore } from './engine';

async function playFor(s: SimStore, frames: number, ms: number) {
  for (let i = 0; i < frames && s.getState().playing; i++) {
    s.getState().tick(ms);
    await idle(s);
  }
}

/** crash-before-commit from 12 s, played at 16× for `frames` frames of 16 ms (the repro). */
async function playAt16From12s(frames: number) {
  const s = await openStore('crash-before-commit');
  await s.getState().seek(12_000);
  s.getState().setSpeed(16);
  s.getState().play();
  await playFor(s, frames, 16);
  return s;
}

describe('narration tells the truth', () => {
  it('a batch played at 16× spells out its newest events under the newest one’s time, the earlier ones counted', async () => {
    const s = await playAt16From12s(80);
    const batches = s.getState().narration.filter((n) => n.from !== undefined);
    expect(batches.length).toBeGreaterThan(0);
    for (const b of batches) {
      expect(b.from!).toBeLessThan(b.time);
      expect(b.time).toBeLessThanOrEqual(s.getState().time);
      expect(b.more).toBeGreaterThan(0);
    }
  });

  it('pausing after play says where the clock stopped, in the numbers the lanes show', async () => {
    const s = await playAt16From12s(20);
    s.getState().pause();
    const last = s.getState().narration.at(-1)!;
    expect(last.lines[0]).toBe(`Paused at t = ${s.getState().time} ms.`);
    expect(last.lines.slice(1)).toEqual(describeMoment(s.getState().snapshot));
    const p = s.getState().snapshot.kafka!.topics[0]!.partitions[0]!;
    expect(last.lines.join(' ')).toContain(`${p.name}: log-end offset ${p.logEndOffset}`);
  });

  it('a seek (drag, Home, End, Go to) says "Jumped to t = …" and what the lanes show there; a restart says it once', async () => {
    const s = await openStore('crash-before-commit');
    for (const t of [9_000, 0, 18_000]) {
      await s.getState().seek(t);
      const last = s.getState().narration.at(-1)!;
      expect(last.time).toBe(t);
      expect(last.lines).toEqual([`Jumped to t = ${t} ms.`, ...describeMoment(s.getState().snapshot)]);
    }
    // A dragged slider sends many seeks: one entry, where it landed.
    const before = s.getState().narration.length;
    await Promise.all([s.getState().seek(1000), s.getState().seek(2000), s.getState().seek(3000)]);
    const added = s.getState().narration.slice(before);
    expect(added.at(-1)!.lines[0]).toBe('Jumped to t = 3000 ms.');
    expect(added.length).toBeLessThanOrEqual(2);
    await s.getState().restart();
    expect(s.getState().narration.at(-1)!.lines).toEqual(['Back to the start.']);
    expect(s.getState().narration.filter((n) => n.lines[0] === 'Jumped to t = 0 ms.')).toHaveLength(1);
  });

  it('a step back says "Stepped back to t = …" and what the lanes show there, not a list of that moment’s events', async () => {
    const s = await openStore('crash-before-commit');
    await s.getState().seek(9_000);
    await s.getState().stepBack();
    const last = s.getState().narration.at(-1)!;
    const t = s.getState().time;
    expect(t).toBeLessThan(9_000);
    expect(last.time).toBe(t);
    expect(last.lines).toEqual([`Stepped back to t = ${t} ms.`, ...describeMoment(s.getState().snapshot)]);
    expect(last.more).toBe(0);
  });

  it('undoing a change says what was undone and where the clock is, in the numbers the lanes show', async () => {
    const s = await openStore('work-queue-prefetch');
    await s.getState().seek(4_000);
    expect(await s.getState().intervene({ type: 'rabbitmq.ack', consumer: 'hoarder', deliveryTag: 8, multiple: true })).toBeNull();
    await s.getState().seek(6_000);
    await s.getState().undo(0);
    expect(s.getState().interventions).toEqual([]);
    expect(s.getState().time).toBe(6_000);
    const last = s.getState().narration.at(-1)!;
    expect(last.lines).toEqual([
      'Undid your change at 4000 ms: acked delivery tag 8 and every earlier one of hoarder. At t = 6000 ms now.',
      ...describeMoment(s.getState().snapshot),
    ]);
    expect(
      s
        .getState()
        .narration.map((n) => n.lines.join(' '))
        .join('\n'),
    ).not.toContain('Loaded');
  });
});
