// The clock: play and pause, speed, step forward and back, seek, restart, and the animation loop's
// tick. The engine computes each moment in its worker; while playing the store asks for the next
// moment at most every PUBLISH_MS of real time, only once the last one has arrived and the lanes have
// drawn it, and less often when drawing takes long (a busy machine): a heavy moment slows the clock's
// updates down instead of piling up work or blocking the page.
import type { ViewLimits } from '../engine/protocol';
import { describeMoment } from '../moment-summary';
import { Session } from './session';
import type { Get, PlaybackActions, PlaybackState, Set } from './types';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
/** While playing, a new moment is asked for at most this often (real ms). */
export const PUBLISH_MS = 50;
/**
 * With the "Whole log" view on, at most this often: each moment then carries and redraws thousands of
 * chips, and copying it out of the worker and drawing it cost the page more than a frame.
 */
export const WHOLE_LOG_PUBLISH_MS = 100;
/** While playing, one request covers at most this much real time, however long the last one took. */
const MAX_PLAY_STEP_MS = 250;
/**
 * While playing, the next moment is asked for no sooner than this many times as long as the lanes
 * took to draw the last one (from the store showing it to the lanes' commit), so that drawing takes
 * at most about a third of the page's time however busy the machine (up to MAX_PLAY_STEP_MS apart,
 * which keeps the clock in step with real time).
 */
export const DRAW_SHARE = 3;
/** Play waits this long (real ms) at most for the lanes to draw a moment before asking for the next. */
export const DRAW_WAIT_MS = 1000;

/** Real ms between two requests while playing: the publishing interval, or longer when drawing is slow. */
export function playInterval(base: number, drawMs: number): number {
  return Math.max(base, Math.min(MAX_PLAY_STEP_MS, DRAW_SHARE * drawMs));
}

function clampSpeed(s: number): number {
  return SPEEDS.reduce((best, x) => (Math.abs(x - s) < Math.abs(best - s) ? x : best), 1);
}

/** Moves the clock by hand: to the next moment something happens, back to the previous one, anywhere, or to 0. */
function steppingActions(session: Session, set: Set, get: Get): Pick<PlaybackActions, 'stepForward' | 'stepBack' | 'seek' | 'restart'> {
  const { narrator } = session;
  // Seeks (a dragged slider sends many) go one at a time, each to the latest position asked for; where
  // the last one lands is narrated (unless `quiet`: a restart says it in its own words).
  let seekTo: number | null = null;
  let seeking: Promise<void> | null = null;
  let quiet = false;
  const seekLatest = async () => {
    let landed = false;
    while (seekTo !== null) {
      const time = seekTo;
      seekTo = null;
      const reply = await session.ask({ kind: 'seek', time, limits: session.limits });
      if (reply?.kind === 'frame') {
        session.show(reply.frame, {}, true);
        landed = true;
      }
    }
    seeking = null;
    if (landed && !quiet) {
      const { time, snapshot } = get();
      narrator.say(narrator.words(time, [`Jumped to t = ${time} ms.`, ...describeMoment(snapshot)]));
    }
    quiet = false;
  };
  return {
    async stepForward() {
      session.flushNarration();
      set({ playing: false });
      const before = get().time;
      const reply = await session.ask({ kind: 'step', direction: 'forward', limits: session.limits });
      if (reply?.kind !== 'frame') return;
      const { frame } = reply;
      const chapter = get().loaded.chapters.find((c) => c.time > before && c.time <= frame.time);
      if (frame.events.count || chapter) narrator.say(narrator.entry(frame.time, frame.events.list, chapter, frame.events.count));
      session.show(frame);
    },

    async stepBack() {
      session.flushNarration();
      set({ playing: false });
      const reply = await session.ask({ kind: 'step', direction: 'back', limits: session.limits });
      if (reply?.kind !== 'frame') return;
      const { frame } = reply;
      session.show(frame, {}, true);
      // Like a jump: where the clock is and what the lanes show there (not the events of that moment).
      narrator.say(narrator.words(frame.time, [`Stepped back to t = ${frame.time} ms.`, ...describeMoment(frame.snapshot)]));
    },

    seek(t) {
      session.flushNarration();
      seekTo = Math.max(0, Math.round(t));
      seeking ??= seekLatest();
      return seeking;
    },

    async restart() {
      session.flushNarration();
      set({ playing: false });
      quiet = true;
      await get().seek(0);
      narrator.say(narrator.words(0, ['Back to the start.'], Session.chapterAt(get().loaded, 0)));
    },
  };
}

export function playbackSlice(session: Session, set: Set, get: Get, initial: PlaybackState['snapshot']): PlaybackState & PlaybackActions {
  const { narrator } = session;
  // Play asks for one moment at a time: the real time the last request was sent, and whether one is out.
  let lastAsked = 0;
  let asking = false;
  /** The first tick after play asks at once (later ones wait PUBLISH_MS). */
  let justStarted = false;
  // A change of the lanes' limits while nothing else is asked for: one request for the same moment.
  let viewPending = false;
  // Drawing: the moment play showed last and the real time it was shown, until the lanes draw it;
  // how long the last drawing took; whether any lanes report drawing (tests have none).
  let undrawn: { snapshot: PlaybackState['snapshot']; at: number } | null = null;
  let drawMs = 0;
  let lanesDraw = false;

  async function advance(): Promise<void> {
    const s = get();
    const elapsed = Math.min(MAX_PLAY_STEP_MS, session.realClock - lastAsked);
    lastAsked = session.realClock;
    justStarted = false;
    const before = s.time;
    let target = Math.min(s.endTime, before + elapsed * s.speed);
    // Narrated chapters pause at their moment.
    const chapter = s.loaded.chapters.find((c) => c.time > before && c.time <= target);
    if (chapter) target = chapter.time;
    asking = true;
    const reply = await session.ask({ kind: 'advance', to: target, limits: session.limits });
    asking = false;
    if (reply?.kind !== 'frame' || !get().playing) return;
    const { frame } = reply;
    narrator.gather(frame.events.list, frame.events.count);
    const ended = frame.time >= frame.endTime;
    if (chapter || ended || narrator.due(session.realClock)) narrator.flush(frame.time, session.realClock, chapter);
    undrawn = lanesDraw ? { snapshot: frame.snapshot, at: session.realClock } : null;
    session.show(frame, chapter || ended ? { playing: false } : {});
  }

  return {
    time: initial.time,
    endTime: initial.endTime,
    snapshot: initial,
    recent: { from: initial.eventCount, events: [] },
    frame: 0,
    jumps: 0,
    playing: false,
    speed: 1,
    computing: false,
    stopped: null,

    play() {
      if (get().time >= get().endTime) {
        // From the start again: the clock waits for the engine to get there.
        asking = true;
        void get()
          .seek(0)
          .finally(() => (asking = false));
      }
      narrator.startGathering(session.realClock);
      lastAsked = session.realClock;
      justStarted = true;
      undrawn = null;
      set({ playing: true });
    },
    pause() {
      const was = get().playing;
      session.flushNarration();
      set({ playing: false });
      // What the picture shows now, in the same numbers (the last batch may have ended a moment earlier).
      if (was) {
        const { time, snapshot } = get();
        narrator.say(narrator.words(time, [`Paused at t = ${time} ms.`, ...describeMoment(snapshot)]));
      }
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    setSpeed(speed) {
      set({ speed: clampSpeed(speed) });
    },

    ...steppingActions(session, set, get),

    tick(realMs) {
      session.realClock += realMs;
      const s = get();
      if (!s.playing || asking) return;
      if (!justStarted) {
        // Not before the lanes drew the last moment (or play gave up waiting), nor sooner than the interval.
        if (undrawn && session.realClock - undrawn.at < DRAW_WAIT_MS) return;
        if (session.realClock - lastAsked < playInterval(s.wholeLog ? WHOLE_LOG_PUBLISH_MS : PUBLISH_MS, drawMs)) return;
      }
      void advance();
    },

    drawn(snapshot) {
      lanesDraw = true;
      if (!undrawn) return;
      if (snapshot === undrawn.snapshot) drawMs = session.realClock - undrawn.at;
      // The moment play waits for is drawn, or a later one (a seek or an intervention while playing) is.
      if (snapshot === undrawn.snapshot || snapshot === get().snapshot) undrawn = null;
    },

    setViewLimits(limits: ViewLimits) {
      const was = session.limits;
      if (was.maxRecords === limits.maxRecords && was.maxMessages === limits.maxMessages) return;
      session.limits = limits;
      // While playing the next moment comes with the new limits anyway.
      if (get().playing || viewPending) return;
      viewPending = true;
      void (async () => {
        for (let asked: ViewLimits | null = null; asked !== session.limits;) {
          asked = session.limits;
          const reply = await session.ask({ kind: 'view', limits: asked });
          if (reply?.kind === 'frame') session.show(reply.frame);
        }
        viewPending = false;
      })();
    },
  };
}
