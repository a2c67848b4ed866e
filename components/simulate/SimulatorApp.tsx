'use client';
import { Suspense, memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Notice } from '@/components/ui/Notice';
import { ReadyRoot } from '@/components/ui/ReadyRoot';
import { useMediaQuery } from '@/components/ui/useMediaQuery';
import type { BuiltInScenario, Snapshot } from '@/simulator';
import { describeEvent } from '@/simulator/narrate';
import { workerEngine } from '@/lib/simulate/engine/client';
import { shortcutFor } from '@/lib/simulate/keys';
import { createSimStore, type SimStore } from '@/lib/simulate/store';
import { decodeSimUrl, simUrlParams } from '@/lib/simulate/url-state';
import { useUrlParams } from '@/lib/url-state/use-url-params';
import { WHOLE_LOG_CAP } from '@/lib/simulate/view-model';
import { CELL_PITCH } from './Cell';
import { GUTTER_W } from './KafkaStripRow';
import { ChartsPanel } from './ChartsPanel';
import { SimStoreContext, useSim, useSimStore } from './context';
import { Controls } from './Controls';
import { InterventionsPanel } from './InterventionsPanel';
import { KafkaLane } from './KafkaLane';
import { ModelLimits } from './ModelLimits';
import { Narration } from './Narration';
import { RabbitLane } from './RabbitLane';
import { ScenarioEditor } from './ScenarioEditor';
import { ChapterBanner, ScenarioAbout, ScenarioAboutWide, Toolbar } from './ScenarioPicker';
import { ScenarioFormat } from './ScenarioFormat';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SimTopology } from './SimTopology';
import './simulate.css';

/**
 * Keeps the address bar describing the current moment, so copying it shares exactly this state. While
 * playing the moment changes all the time: the address follows when play stops (a rewrite also makes
 * Next's router re-render, which would cost frames). Nothing is written before the link was read, and
 * the address a page opened with stays until something changes.
 */
function UrlSync({ ready }: { ready: boolean }) {
  const params = useSim(
    useShallow((s) =>
      !ready || s.playing
        ? null
        : simUrlParams({
            source: s.loaded.id !== null ? { kind: 'builtin', id: s.loaded.id } : { kind: 'custom', json: s.loaded.custom },
            seed: s.seed,
            time: s.time,
            interventions: s.interventions,
            wholeLog: s.wholeLog,
          }),
    ),
  );
  useUrlParams(params, { changesOnly: true });
  return null;
}

/** Drives the clock from requestAnimationFrame while playing. */
function usePlayLoop(store: SimStore) {
  const playing = useSim((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last = performance.now();
    const frame = (now: number) => {
      // A background tab or a long pause must not jump the simulation forward in one go.
      store.getState().tick(Math.min(100, now - last));
      last = now;
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [playing, store]);
}

function useLaneCap(ref: React.RefObject<HTMLElement | null>, columns: number) {
  const [cap, setCap] = useState(12);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const laneWidth = (el.clientWidth - (columns - 1) * 16) / columns;
      // Lane and row padding and borders, the left column ("… N earlier", group names) and the LEO slot take the rest.
      setCap(Math.max(6, Math.floor((laneWidth - 60 - GUTTER_W - CELL_PITCH) / CELL_PITCH)));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, columns]);
  return cap;
}

/** The ids a RabbitMQ message id can start with: the scenario's publishers and those of the bursts in the timeline. */
function usePublishers(): readonly string[] {
  const scenario = useSim((s) => s.loaded.scenario);
  const bursts = useSim(
    useShallow((s) =>
      s.interventions.flatMap(({ intervention }) => {
        const iv = intervention as { type?: string; publisher?: string };
        return iv.type === 'rabbitmq.publishBurst' ? [iv.publisher ?? 'burst'] : [];
      }),
    ),
  );
  return useMemo(() => [...new Set([...(scenario.rabbitmq?.publishers ?? []).map((p) => p.id), ...bursts])], [scenario, bursts]);
}

/** Speeds from which motion is not tweened (see simulate.css). */
const FAST_SPEED = 4;

/**
 * When play starts with the lanes mostly off screen (a phone, or scrolled down to the narration),
 * they scroll into view: Play never animates what the user cannot see.
 */
function useInViewOnPlay(ref: React.RefObject<HTMLElement | null>, playing: boolean) {
  useEffect(() => {
    const el = ref.current;
    if (!playing || !el) return;
    const r = el.getBoundingClientRect();
    const bar = document.querySelector('[data-testid="playback"]')?.getBoundingClientRect().top ?? window.innerHeight;
    const visible = Math.min(r.bottom, bar) - Math.max(r.top, 0);
    if (visible >= Math.min(r.height, bar * 0.5)) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
  }, [ref, playing]);
}

function Lanes() {
  // Deferred: the lanes re-render in a background, time-sliced render, so a big update never blocks
  // an animation frame. The engine builds each snapshot in its worker; with the "Whole log" view on,
  // play asks for one at most every WHOLE_LOG_PUBLISH_MS, and less often when drawing is slow
  // (lib/simulate/store/playback.ts).
  const whole = useSim((s) => s.wholeLog);
  const playing = useSim((s) => s.playing);
  const snapshot = useDeferredValue(useSim((s) => s.snapshot));
  const store = useSimStore();
  const fast = useSim((s) => s.speed >= FAST_SPEED);
  const lanes = useSim((s) => s.loaded.lanes);
  const ref = useRef<HTMLDivElement>(null);
  const wide = useMediaQuery('(min-width: 1024px)', false);
  const stripCap = useLaneCap(ref, lanes.length > 1 && wide ? 2 : 1);
  const cap = whole ? WHOLE_LOG_CAP : stripCap;
  // Only what fits on screen is materialised by the engine (the rest is counted: "… N earlier").
  useEffect(() => store.getState().setViewLimits({ maxRecords: cap, maxMessages: cap }), [store, cap]);
  // Drawn once the frame after this commit is painted: play paces its next request by how long that
  // took (lib/simulate/store/playback.ts).
  useEffect(() => {
    let painted = 0;
    const frame = requestAnimationFrame(() => (painted = window.setTimeout(() => store.getState().drawn(snapshot), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(painted);
    };
  }, [store, snapshot]);
  const publishers = usePublishers();
  useInViewOnPlay(ref, playing);
  const showKafka = lanes.includes('kafka') && snapshot.kafka !== null;
  const showRabbit = lanes.includes('rabbitmq') && snapshot.rabbitmq !== null;
  const both = showKafka && showRabbit;
  return (
    <div ref={ref} data-fast={fast} className={`mt-4 grid gap-4 ${both ? 'lg:grid-cols-2' : ''}`}>
      {showKafka && <KafkaLane kafka={snapshot.kafka!} cap={cap} whole={whole} />}
      {showRabbit && <RabbitLane rabbit={snapshot.rabbitmq!} cap={cap} seq={snapshot.eventCount} whole={whole} publishers={publishers} />}
    </div>
  );
}

function LinkNotice() {
  const notice = useSim((s) => s.notice);
  const setNotice = useSim((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div className="mt-4">
      <Notice role="alert" onDismiss={() => setNotice(null)}>
        <p>{notice}</p>
      </Notice>
    </div>
  );
}

/**
 * Reads the link once on the client (the export has no server to read it) and has the engine open it
 * (in its worker: a link's scenario and interventions are validated there).
 */
function useOpenLink(store: SimStore, scenarios: readonly BuiltInScenario[], setReady: (ready: boolean) => void) {
  useEffect(() => {
    let live = true;
    const { state, notice } = decodeSimUrl(
      window.location.search,
      scenarios.map((b) => b.id),
    );
    void store
      .getState()
      .openUrlState(state)
      .then(() => {
        if (!live) return;
        const later = store.getState().notice;
        if (notice) store.getState().setNotice(later ? `${notice} ${later}` : notice);
        setReady(true);
      });
    return () => {
      live = false;
    };
  }, [store, scenarios, setReady]);
}

/** Space plays or pauses, the arrows step, ? opens the list of shortcuts. */
function useShortcuts(store: SimStore, setHelp: (toggle: (open: boolean) => boolean) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        target: e.target as HTMLElement | null,
      });
      if (!action) return;
      if (document.querySelector('dialog[open]') && action !== 'help') return;
      e.preventDefault();
      const s = store.getState();
      if (action === 'toggle') s.togglePlay();
      else if (action === 'forward') s.stepForward();
      else if (action === 'back') s.stepBack();
      else setHelp((h) => !h);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, setHelp]);
}

/**
 * The page below the scenario's words. Each panel is its own Suspense boundary, so the page hydrates
 * panel by panel, each in a short task, instead of in one long commit at load (the browser can paint
 * and take input between them). Nothing here suspends: the HTML holds every panel. Memoised without
 * props so a re-render above (ready, the shortcuts dialog) never reaches a panel still hydrating,
 * which would make React throw its HTML away and draw it again.
 */
const Panels = memo(function Panels() {
  return (
    <>
      <Suspense>
        <Lanes />
      </Suspense>
      <Suspense>
        <SimTopology />
      </Suspense>
      <Suspense>
        <div className="mt-4 grid gap-4 lg:grid-cols-2">
          <Narration />
          <InterventionsPanel />
        </div>
      </Suspense>
      <Suspense>
        <ChartsPanel />
      </Suspense>
      <Suspense>
        <ModelLimits />
      </Suspense>
      <Suspense>
        <ScenarioEditor />
      </Suspense>
      <Suspense>
        <ScenarioFormat />
      </Suspense>
    </>
  );
});

// Memoised: Next's router re-renders the page when the address changes, and nothing here depends on it.
export const SimulatorApp = memo(function SimulatorApp({
  scenarios,
  initial,
}: {
  scenarios: readonly BuiltInScenario[];
  /** The first scenario's first moment, computed at build time: shown until the engine's worker answers. */
  initial: { id: string; snapshot: Snapshot };
}) {
  const [store] = useState(() => createSimStore({ builtInScenarios: scenarios, engine: workerEngine, initial, describeEvent }));
  const [help, setHelp] = useState(false);
  const [ready, setReady] = useState(false);
  const list = useMemo(() => scenarios.map((b) => ({ id: b.id, title: b.title, lanes: b.lanes })), [scenarios]);

  useOpenLink(store, scenarios, setReady);
  useShortcuts(store, setHelp);

  return (
    <SimStoreContext.Provider value={store}>
      <PlayLoop store={store} />
      <UrlSync ready={ready} />
      <ReadyRoot testId="simulator" ready={ready}>
        {/* The picture comes first: the scenario's words fold away on phones and sit beside the controls on wide screens. */}
        <div className="grid gap-x-6 gap-y-2 lg:grid-cols-[minmax(0,30rem)_minmax(0,1fr)] lg:items-start">
          <Toolbar scenarios={list} />
          <ScenarioAboutWide />
        </div>
        <LinkNotice />
        <ScenarioAbout />
        <ChapterBanner />
        <Panels />
        <Controls onHelp={() => setHelp(true)} />
      </ReadyRoot>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </SimStoreContext.Provider>
  );
});

function PlayLoop({ store }: { store: SimStore }) {
  usePlayLoop(store);
  return null;
}
