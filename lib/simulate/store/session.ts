// What the slices share and the reactive state does not hold: the engine client, the narrator, the
// real-time clock of the animation loop, the view's limits, and which timeline the store shows (a
// reply about an older one is ignored). Frames from the engine go into the store here.
import { EngineClient } from '../engine/client';
import type { Frame, Push, Reply, ViewLimits } from '../engine/protocol';
import { stoppedNotice } from '../notices';
import { Narrator } from './narration';
import type { Get, LoadedScenario, RecentEvents, Set, SimState, SimStoreOptions } from './types';

/** Events the store keeps for the view to animate (the newest). */
const RECENT_KEEP = 4000;

type Unnumbered = Parameters<EngineClient['request']>[0];

/** The recent events after a frame: appended when they follow on, else started afresh. */
export function nextRecent(prev: RecentEvents, e: Frame['events']): RecentEvents {
  const prevEnd = prev.from + prev.events.length;
  if (e.from !== prevEnd || e.list.length < e.count) {
    // A jump (back in time, another timeline) or events left out: what came before no longer leads here.
    return e.list.length === e.count ? { from: e.from, events: e.list } : { from: e.from + e.count, events: [] };
  }
  if (e.count === 0) return prev;
  const events = [...prev.events, ...e.list];
  const drop = Math.max(0, events.length - RECENT_KEEP);
  return { from: prev.from + drop, events: drop ? events.slice(drop) : events };
}

export class Session {
  readonly engine: EngineClient;
  readonly narrator: Narrator;
  /** Real milliseconds the animation loop has reported so far. */
  realClock = 0;
  limits: ViewLimits = { maxRecords: 12, maxMessages: 12 };
  /** Bumped when a new scenario is opened: replies about the one before are ignored. */
  timeline = 0;
  /** The request that made the timeline on show (the engine's news names it). */
  basis = 0;
  /** What the notice says, by source; the store's `notice` joins them. */
  private notices: { link: string | null; failure: string | null } = { link: null, failure: null };
  private outstanding = 0;
  private everOpened = false;
  /** Where the engine's background run found the timeline `basis` stops, before the page's run got there. */
  private foreseen: { basis: number; stopped: NonNullable<SimState['stopped']>; endTime: number } | null = null;

  constructor(
    readonly options: SimStoreOptions,
    private readonly set: Set,
    private readonly get: Get,
  ) {
    this.engine = new EngineClient(options.engine, (p) => this.news(p));
    this.narrator = new Narrator(options.describeEvent, set);
  }

  /**
   * Sends a request and waits for its reply, showing "computing" meanwhile. Resolves null when a newer
   * scenario replaced the timeline it was about; a `failed` reply is said in the notice (and returned).
   */
  async ask(req: Unnumbered): Promise<Reply | null> {
    // Anything before the first scenario is opened (by the page, from its link) goes to the first one.
    if (req.kind === 'open') this.everOpened = true;
    else if (!this.everOpened) await this.get().loadBuiltin(this.options.initial.id, 1);
    const timeline = this.timeline;
    if (this.outstanding++ === 0) this.set({ computing: true });
    const reply = await this.engine.request(req);
    if (--this.outstanding === 0) this.set({ computing: false });
    if (timeline !== this.timeline) return null;
    if (reply.kind === 'failed') this.fail(reply.message);
    return reply;
  }

  /** A new scenario: replies about the old one are ignored, and work the engine is still doing for it is dropped. */
  newTimeline(): void {
    this.timeline++;
    if (this.engine.busy) this.engine.drop('replaced by another scenario');
    this.narrator.drop();
  }

  /** Says what was gathered while playing (before a step, seek or intervention changes the moment). */
  flushNarration(): void {
    this.narrator.flush(this.get().time, this.realClock);
  }

  /** The notice for the link's problems (null: none); keeps the other parts. */
  setLinkNotice(text: string | null): void {
    this.notices = { link: text, failure: null };
    this.set({ notice: this.notice(this.get().stopped, this.get().endTime) });
  }

  /** The user dismissed the notice. */
  clearNotices(): void {
    this.notices = { link: null, failure: null };
  }

  private notice(stopped: SimState['stopped'], endTime: number): string | null {
    const parts = [this.notices.link, stopped ? stoppedNotice(stopped, endTime) : null, this.notices.failure].filter(Boolean);
    return parts.length ? parts.join(' ') : null;
  }

  private fail(message: string): void {
    this.notices.failure = `The simulator stopped working (${message}). Your scenario is kept: play, step or pick a scenario to start it again.`;
    this.set((st) => ({ playing: false, notice: this.notice(st.stopped, st.endTime) }));
  }

  /** Puts a frame of the engine into the store: a new moment on show (`jump`: reached by a jump, not by running on). */
  show(frame: Frame, extra: Partial<SimState> = {}, jump = false): void {
    const foreseen = !frame.stopped && this.foreseen?.basis === this.basis ? this.foreseen : null;
    const stopped = frame.stopped ?? foreseen?.stopped ?? null;
    const endTime = foreseen ? Math.min(frame.endTime, foreseen.endTime) : frame.endTime;
    this.set((st) => ({
      time: frame.time,
      endTime,
      snapshot: frame.snapshot,
      recent: nextRecent(st.recent, frame.events),
      frame: st.frame + 1,
      jumps: st.jumps + (jump ? 1 : 0),
      stopped,
      interventions: frame.interventions,
      ...(stopped?.at !== st.stopped?.at ? { notice: this.notice(stopped, endTime) } : {}),
      ...extra,
    }));
  }

  /** News from the engine about the timeline on show: its run stops earlier than the page has seen yet. */
  private news(p: Push): void {
    if (p.basis !== this.basis || this.get().stopped) return;
    this.foreseen = { basis: p.basis, stopped: p.stopped, endTime: p.endTime };
    const endTime = Math.min(this.get().endTime, p.endTime);
    this.set({ stopped: p.stopped, endTime, notice: this.notice(p.stopped, endTime) });
  }

  /** The last chapter at or before `t`. */
  static chapterAt(loaded: LoadedScenario, t: number) {
    return loaded.chapters.filter((c) => c.time <= t).at(-1);
  }
}
