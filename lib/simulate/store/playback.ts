// The clock: play and pause, speed, step forward and back, seek, restart, and the animation loop's
// tick. While playing the store publishes only the time and a frame counter; the lanes pull the
// snapshot in their deferred render (liveSnapshot), off the animation frame.
import type { SimEvent } from '@/simulator';
import type { Session } from './session';
import { chapterAt } from './session';
import type { Get, PlaybackActions, PlaybackState, Set } from './types';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
/** While playing, a new frame is published at most this often (real ms). */
export const PUBLISH_MS = 50;

function clampSpeed(s: number): number {
  return SPEEDS.reduce((best, x) => (Math.abs(x - s) < Math.abs(best - s) ? x : best), 1);
}

/** The events at the simulation's current instant (what a step back lands on). */
function eventsNow(session: Session): SimEvent[] {
  const { sim } = session;
  const log = sim.events();
  const out: SimEvent[] = [];
  for (let i = log.length - 1; i >= 0 && log[i]!.time === sim.time; i--) out.unshift(log[i]!);
  return out;
}

/** The time of the last event before `now` (0 when none). */
function previousEventTime(session: Session, now: number): number {
  const log = session.sim.events();
  for (let i = log.length - 1; i >= 0; i--) if (log[i]!.time < now) return log[i]!.time;
  return 0;
}

/** Moves the clock by hand: to the next moment something happens, back to the previous one, anywhere, or to 0. */
function steppingActions(session: Session, get: Get): Pick<PlaybackActions, 'stepForward' | 'stepBack' | 'seek' | 'restart'> {
  const { narrator } = session;
  return {
    stepForward() {
      session.flushNarration();
      const { sim } = session;
      const before = sim.time;
      // Some engine steps only move timers; skip them so every step shows something happening.
      let events = sim.step();
      while (events.length === 0 && sim.time < sim.endTime) events = sim.step();
      const chapter = get().loaded.chapters.find((c) => c.time > before && c.time <= sim.time);
      if (events.length || chapter) narrator.say(narrator.entry(sim.time, events, chapter));
      session.publish({ playing: false });
    },

    stepBack() {
      session.flushNarration();
      session.sim.seek(previousEventTime(session, session.sim.time));
      const e = narrator.entry(session.sim.time, eventsNow(session));
      narrator.say({ ...e, lines: [`Stepped back to ${session.sim.time} ms.`, ...e.lines] });
      session.publish({ playing: false });
    },

    seek(t) {
      session.flushNarration();
      session.sim.seek(Math.max(0, Math.min(Math.round(t), session.sim.endTime)));
      session.publish();
    },

    restart() {
      session.flushNarration();
      session.sim.seek(0);
      narrator.say(narrator.words(0, ['Back to the start.'], chapterAt(get().loaded, 0)));
      session.publish({ playing: false });
    },
  };
}

export function playbackSlice(session: Session, set: Set, get: Get): PlaybackState & PlaybackActions {
  const { narrator } = session;
  let lastPublish = -Infinity;
  return {
    time: session.sim.time,
    endTime: session.sim.endTime,
    snapshot: session.sim.snapshot(),
    frame: 0,
    playing: false,
    speed: 1,

    play() {
      if (session.sim.time >= session.sim.endTime) {
        session.sim.seek(0);
        session.publish();
      }
      narrator.startGathering(session.realClock);
      set({ playing: true });
    },
    pause() {
      session.flushNarration();
      session.publish({ playing: false });
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    setSpeed(speed) {
      set({ speed: clampSpeed(speed) });
    },

    ...steppingActions(session, get),

    tick(realMs) {
      session.realClock += realMs;
      const s = get();
      if (!s.playing) return;
      const { sim, realClock } = session;
      const before = sim.time;
      let target = Math.min(sim.endTime, before + realMs * s.speed);
      // Narrated chapters pause at their moment.
      const chapter = s.loaded.chapters.find((c) => c.time > before && c.time <= target);
      if (chapter) target = chapter.time;
      const from = sim.events().length;
      sim.runUntil(target);
      narrator.gather(sim.events(), from);
      const ended = sim.time >= sim.endTime;
      if (chapter || ended || narrator.due(realClock)) narrator.flush(sim.time, realClock, chapter);
      // The view redraws at most every PUBLISH_MS while playing; CSS transitions carry the motion between.
      if (chapter || ended) session.publish({ playing: false });
      else if (realClock - lastPublish >= PUBLISH_MS) {
        lastPublish = realClock;
        if (sim.time !== s.time) set((st) => ({ time: sim.time, frame: st.frame + 1 }));
      }
    },

    liveSnapshot(options) {
      return session.sim.snapshot(options);
    },

    events() {
      return session.sim.events();
    },

    series(stepMs) {
      return session.sim.series(stepMs);
    },
  };
}
