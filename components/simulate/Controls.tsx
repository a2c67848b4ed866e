'use client';
import { useState } from 'react';
import { SPEEDS } from '@/lib/simulate/store';
import { useSim } from './context';
import { buttonClass } from '@/components/ui/button';

const btn = buttonClass({ size: 'touch' });
const primary = `${buttonClass({ size: 'touch', tone: 'primary' })} sm:min-w-24`;

/** Small inline icons: system fonts lack some media glyphs. */
const ICONS = {
  restart: 'M4 4v6h6M4.5 10A8 8 0 1 1 6 17',
  back: 'M18 5v14L7 12zM6 5v14',
  forward: 'M6 5v14l11-7zM18 5v14',
  play: 'M7 4v16l13-8z',
  pause: 'M7 4h4v16H7zM14 4h4v16h-4z',
} as const;
function Icon({ name }: { name: keyof typeof ICONS }) {
  const filled = name === 'play' || name === 'pause';
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-5 w-5"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={filled ? 0 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}

function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : ms % 100 === 0 ? 1 : 3)} s`;
}

/** The transport bar: sticky at the bottom of the simulator so a thumb reaches it on a phone. */
export function Controls({ onHelp }: { onHelp: () => void }) {
  const time = useSim((s) => s.time);
  const endTime = useSim((s) => s.endTime);
  const playing = useSim((s) => s.playing);
  const speed = useSim((s) => s.speed);
  const togglePlay = useSim((s) => s.togglePlay);
  const stepForward = useSim((s) => s.stepForward);
  const stepBack = useSim((s) => s.stepBack);
  const seek = useSim((s) => s.seek);
  const pause = useSim((s) => s.pause);
  const setSpeed = useSim((s) => s.setSpeed);
  const restart = useSim((s) => s.restart);
  const [scrub, setScrub] = useState<number | null>(null);

  return (
    <div
      role="group"
      aria-label="Playback"
      data-testid="playback"
      className="sticky bottom-0 z-20 -mx-4 mt-4 border-t border-zinc-200 bg-white/95 px-4 py-1.5 backdrop-blur sm:-mx-6 sm:px-6 dark:border-zinc-800 dark:bg-zinc-950/95"
    >
      {/* One row on wide screens; on a phone the buttons, then the time line under them. */}
      <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
        <button type="button" className={btn} onClick={restart} aria-label="Restart" title="Restart">
          <Icon name="restart" />
        </button>
        <button type="button" className={btn} onClick={stepBack} disabled={time <= 0} aria-label="Step back" title="Step back (←)">
          <Icon name="back" />
        </button>
        <button
          type="button"
          className={primary}
          onClick={togglePlay}
          aria-label={playing ? 'Pause' : 'Play'}
          title="Play or pause (space)"
        >
          <Icon name={playing ? 'pause' : 'play'} />
          <span className="hidden sm:inline">{playing ? 'Pause' : 'Play'}</span>
        </button>
        <button
          type="button"
          className={btn}
          onClick={stepForward}
          disabled={time >= endTime}
          aria-label="Step forward"
          title="Step forward (→)"
        >
          <Icon name="forward" />
        </button>
        <label className="flex items-center gap-1 text-sm">
          <span className="sr-only sm:not-sr-only">Speed</span>
          <select
            name="speed"
            aria-label="Speed"
            className="h-11 rounded-lg border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-900"
            value={speed}
            onChange={(e) => setSpeed(Number(e.target.value))}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          // Not on a phone (no keyboard there); the "?" key opens the dialog at any width. `max-sm:hidden`, not
          // `hidden`: the button's own `inline-flex` would win over a plain `hidden`.
          className={`${btn} max-sm:hidden sm:order-last`}
          onClick={onHelp}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
        <label className="flex min-w-0 flex-[1_1_100%] items-center gap-2 text-sm sm:flex-[1_1_12rem]">
          <span className="sr-only">Time</span>
          <input
            type="range"
            name="time"
            className="h-8 w-full min-w-0 accent-kafka-700 dark:accent-kafka-300"
            min={0}
            // In steps of 10 ms; a run that stopped early ends between two, and the last step is its end.
            max={Math.ceil(endTime / 10) * 10}
            step={10}
            value={scrub ?? time}
            aria-valuetext={`${scrub ?? time} ms of ${endTime} ms`}
            onChange={(e) => {
              // The slider shows where it was put while the engine gets there (a seek is asynchronous):
              // otherwise it would spring back and its closing change event seek to where it was.
              const to = Math.min(Number(e.target.value), endTime);
              pause();
              setScrub(to);
              void seek(to).then(() => setScrub((s) => (s === to ? null : s)));
            }}
          />
          <output className="shrink-0 font-mono text-sm whitespace-nowrap tabular-nums" aria-label="Simulated time" data-testid="sim-time">
            {formatTime(time)} / {formatTime(endTime)}
          </output>
        </label>
      </div>
    </div>
  );
}
