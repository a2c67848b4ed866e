// Narration: what happened, in plain words, one entry per step (or per stretch of play). While
// playing, events are gathered into one entry per PLAY_NARRATION_MS of real time. The engine sends at
// most a few thousand events a frame with how many there were; only the first few are spelled out.
import type { SimEvent } from '@/simulator';
import type { Chapter, NarrationEntry, Set } from './types';

/** Lines spelled out per narration entry; the rest are counted. */
export const LINES_PER_ENTRY = 4;
const NARRATION_KEEP = 40;
/** While playing, events are gathered into one narration entry per this much real time. */
export const PLAY_NARRATION_MS = 1200;

export class Narrator {
  private nextId = 1;
  // Events gathered while playing (the first few), how many in all, and since when.
  private pending: SimEvent[] = [];
  private pendingCount = 0;
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
    for (let i = 0; i < events.length && this.pending.length < LINES_PER_ENTRY; i++) this.pending.push(events[i]!);
    this.pendingCount += count;
  }

  /** Time for the gathered events to become an entry. */
  due(realClock: number): boolean {
    return realClock - this.pendingSince >= PLAY_NARRATION_MS;
  }

  /** Says what was gathered (with a chapter, even when nothing was), and starts gathering afresh. */
  flush(time: number, realClock: number, chapter?: Chapter): void {
    if (this.pendingCount || chapter) this.say(this.entry(time, this.pending, chapter, this.pendingCount));
    this.drop();
    this.pendingSince = realClock;
  }

  /** A new timeline: what was gathered from the old one is dropped. */
  drop(): void {
    this.pending = [];
    this.pendingCount = 0;
  }
}
