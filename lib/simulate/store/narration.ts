// Narration: what happened, in plain words, one entry per step (or per stretch of play). While
// playing, events are gathered into one entry per PLAY_NARRATION_MS of real time: its newest events
// are spelled out under their own time (what the lanes show then), the earlier ones counted. The
// engine sends at most a few thousand events a frame with how many there were. A jump or a pause says
// what the picture shows (moment-summary.ts), so the words never lag behind the lanes.
import type { SimEvent } from '@/simulator';
import type { Chapter, NarrationEntry, Set } from './types';

/** Lines spelled out per narration entry; the rest are counted. */
export const LINES_PER_ENTRY = 4;
const NARRATION_KEEP = 40;
/** While playing, events are gathered into one narration entry per this much real time. */
export const PLAY_NARRATION_MS = 1200;

export class Narrator {
  private nextId = 1;
  // Events gathered while playing (the newest few), how many in all, the time of the first, and since when (real time).
  private pending: SimEvent[] = [];
  private pendingCount = 0;
  private pendingFrom: number | null = null;
  private pendingSince = 0;

  constructor(
    private readonly describe: (e: SimEvent) => string,
    private readonly set: Set,
  ) {}

  /** An entry for a batch of events (`count` in all, of which `events` are the first): the first few spelled out, the rest counted. */
  entry(time: number, events: readonly SimEvent[], chapter?: Chapter, count = events.length): NarrationEntry {
    const lines = events.slice(0, LINES_PER_ENTRY).map((e) => this.describe(e));
    return { id: this.nextId++, time, lines, more: Math.max(0, count - lines.length), chapter };
  }

  /** An entry of the page's own words (not events). */
  words(time: number, lines: string[], chapter?: Chapter): NarrationEntry {
    return { id: this.nextId++, time, lines, more: 0, chapter };
  }

  say(e: NarrationEntry): void {
    this.set((s) => ({ narration: [...s.narration, e].slice(-NARRATION_KEEP) }));
  }

  /** Play starts: the first gathered entry covers from now. */
  startGathering(realClock: number): void {
    this.pendingSince = realClock;
  }

  /** Events played through: `events` are the first of `count`. */
  gather(events: readonly SimEvent[], count: number): void {
    if (events.length === 0 && count === 0) return;
    this.pendingFrom ??= events[0]?.time ?? null;
    this.pending = [...this.pending, ...events.slice(-LINES_PER_ENTRY)].slice(-LINES_PER_ENTRY);
    this.pendingCount += count;
  }

  /** The gathered batch: its newest events spelled out under the newest one's time, the earlier ones counted. */
  private batch(time: number, chapter?: Chapter): NarrationEntry {
    const newest = this.pending.at(-1);
    const lines = this.pending.map((e) => this.describe(e));
    const at = newest?.time ?? time;
    const from = this.pendingFrom ?? at;
    return {
      id: this.nextId++,
      time: at,
      ...(from < at ? { from } : {}),
      lines,
      more: Math.max(0, this.pendingCount - lines.length),
      chapter,
    };
  }

  /** Time for the gathered events to become an entry. */
  due(realClock: number): boolean {
    return realClock - this.pendingSince >= PLAY_NARRATION_MS;
  }

  /** Says what was gathered (with a chapter, even when nothing was), and starts gathering afresh. */
  flush(time: number, realClock: number, chapter?: Chapter): void {
    if (this.pendingCount) this.say(this.batch(time, chapter));
    else if (chapter) this.say(this.entry(time, [], chapter));
    this.drop();
    this.pendingSince = realClock;
  }

  /** A new timeline: what was gathered from the old one is dropped. */
  drop(): void {
    this.pending = [];
    this.pendingCount = 0;
    this.pendingFrom = null;
  }
}
