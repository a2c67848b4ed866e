// The engine's side of the page's protocol (protocol.ts): it validates what the page sends (scenarios,
// a link's interventions, the user's), runs the Simulation, and answers each request with a frame:
// the moment as a snapshot within the page's limits, and the events since the last frame. In the
// background, a second run without an event log samples the totals for the charts in short slices,
// and finds out early when the run is too heavy. In the page this runs in a Web Worker (worker.ts);
// tests run it in-process.
import {
  createSimulation,
  parseScenario,
  parseTimeline,
  type Scenario,
  type Simulation,
  type SnapshotOptions,
  type Stopped,
  type TimelineProblem,
  type Totals,
} from '@/simulator';
import { describeIntervention } from '../interventions';
import { stoppedWords } from '../notices';
import { chartSeries } from '../series';
import { MAX_FRAME_EVENTS, type Errors, type Frame, type FromEngine, type Request, type ViewLimits } from './protocol';
import { count } from '@/lib/format';

/** Work done in one go in the background before the engine looks at its messages again (ms). */
const SLICE_MS = 8;
/** Records and messages one snapshot may carry in all, whatever the lanes ask for per row. */
const MAX_SNAPSHOT_ITEMS = 20_000;

export interface EngineHost {
  handle(req: Request): void;
}

export interface HostOptions {
  /** A clock in ms (performance.now). */
  now?: () => number;
  /** Runs `fn` after the messages that are waiting (the next background slice). */
  later?: (fn: () => void) => void;
}

/**
 * The chart sampling step for a run of `durationMs`: about 1,200 samples (at least 50 ms apart), which
 * chartSeries merges into at most MAX_POINTS points a line, each the highest of its samples, so a spike
 * between two drawn points still shows.
 */
export function seriesStep(durationMs: number): number {
  return Math.max(50, Math.ceil(durationMs / 1200));
}

const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** The type and time of a link's intervention, in words, as far as it can be read. */
function whichIntervention(t: { time: unknown; intervention: unknown } | undefined, index: number): string {
  const type = (t?.intervention as { type?: unknown } | null)?.type;
  const what = typeof type === 'string' ? `${type.slice(0, 40)}` : 'of an unknown kind';
  return `intervention ${index + 1} (${what}${typeof t?.time === 'number' ? ` at ${t.time} ms` : ''})`;
}

/** What parseTimeline refused in a link, as short sentences (the first three, then a count). */
export function linkProblems(problems: readonly TimelineProblem[], given: readonly { time: unknown; intervention: unknown }[]): string[] {
  const whole = problems.find((p) => p.index === -1);
  if (whole) {
    const message =
      whole.path === 'interventions'
        ? `${whole.message.replace(/^must have /, 'a run takes ')}, counting the scenario's own`
        : `${whole.path}: ${whole.message}`;
    return [`the ${count(given.length)} interventions in this link were not applied: ${message}`];
  }
  const byIndex = new Map<number, TimelineProblem>();
  for (const p of problems) if (!byIndex.has(p.index)) byIndex.set(p.index, p);
  const out = [...byIndex.values()]
    .slice(0, 3)
    .map(
      (p) => `${whichIntervention(given[p.index], p.index)} was left out: ${p.path === '(intervention)' ? '' : `${p.path} `}${p.message}`,
    );
  if (byIndex.size > 3) out.push(`${byIndex.size - 3} more interventions were left out`);
  return out;
}

export function createEngineHost(send: (m: FromEngine) => void, options: HostOptions = {}): EngineHost {
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? ((fn) => setTimeout(fn, 0));
  let sim: Simulation | null = null;
  let scenario: Scenario | null = null;
  /** The event count when the last frame was sent: the next frame carries the events since. */
  let sentSeq = 0;
  /** The background sampling run: bumped to abandon one. */
  let generation = 0;
  let series: { series: ReturnType<typeof chartSeries>; until: number } | null = null;
  let waitingForSeries: number[] = [];
  let seriesFailure: string | null = null;
  /** The request (open or intervene) that made the current timeline. */
  let basis = 0;

  function snapshotOptions(s: Scenario, limits: ViewLimits): SnapshotOptions {
    const rows = (s.kafka?.topics.reduce((n, t) => n + t.partitions, 0) ?? 0) + (s.rabbitmq?.queues.length ?? 0);
    const each = Math.max(12, Math.floor(MAX_SNAPSHOT_ITEMS / Math.max(1, rows)));
    return { maxRecordsPerPartition: Math.min(limits.maxRecords, each), maxMessagesPerQueue: Math.min(limits.maxMessages, each) };
  }

  function frame(limits: ViewLimits): Frame {
    const s = sim!;
    const count = s.eventCount;
    const events =
      count >= sentSeq
        ? { from: sentSeq, list: s.eventRange(sentSeq, sentSeq + MAX_FRAME_EVENTS), count: count - sentSeq }
        : { from: count, list: [], count: 0 };
    sentSeq = count;
    return {
      time: s.time,
      endTime: s.endTime,
      snapshot: s.snapshot(snapshotOptions(scenario!, limits)),
      events,
      stopped: s.stopped,
      interventions: s.interventions().map((x) => ({ time: x.time, intervention: x.intervention })),
    };
  }

  /** The time of the last event before `t` (0 when none), looking back through the log a stretch at a time. */
  function lastEventBefore(s: Simulation, t: number): number {
    for (let to = s.eventCount; to > 0; to -= 4096) {
      const stretch = s.eventRange(Math.max(0, to - 4096), to);
      for (let i = stretch.length - 1; i >= 0; i--) if (stretch[i]!.time < t) return stretch[i]!.time;
    }
    return 0;
  }

  function answerSeries(): void {
    for (const id of waitingForSeries) {
      if (series) send({ kind: 'series', id, series: series.series, until: series.until });
      else send({ kind: 'failed', id, message: seriesFailure ?? 'the charts could not be computed' });
    }
    waitingForSeries = [];
  }

  /** Samples the whole run for the charts in the background, a slice at a time. */
  function startSeries(): void {
    const gen = ++generation;
    const made = basis;
    series = null;
    seriesFailure = null;
    const s = sim!;
    const sc = scenario!;
    const has = { kafka: sc.kafka !== undefined, rabbitmq: sc.rabbitmq !== undefined };
    const finish = (points: { time: number; totals: Totals }[], stopped: Stopped | null) => {
      series = { series: chartSeries(points, has), until: points.at(-1)?.time ?? 0 };
      // Found before the page's run got there: say so now.
      if (stopped && !s.stopped) send({ kind: 'stopped', push: true, basis: made, stopped, endTime: Math.max(0, stopped.at - 1) });
      answerSeries();
    };
    if (s.stopped?.at === 0)
      return finish([{ time: 0, totals: s.snapshot({ maxRecordsPerPartition: 0, maxMessagesPerQueue: 0 }).totals }], null);
    const samples = s.samples(seriesStep(sc.durationMs));
    const points: { time: number; totals: Totals }[] = [];
    const slice = () => {
      if (gen !== generation) return;
      const until = now() + SLICE_MS;
      try {
        for (;;) {
          const r = samples.next();
          if (r.done) return finish(points, r.value);
          points.push(r.value);
          if (now() >= until) break;
        }
      } catch (e) {
        seriesFailure = errorText(e);
        return answerSeries();
      }
      later(slice);
    };
    later(slice);
  }

  function open(req: Extract<Request, { kind: 'open' }>): void {
    const r = parseScenario(req.scenario);
    if (!r.ok) return send({ kind: 'invalid', id: req.id, errors: r.errors });
    const parsed = r.scenario;
    const notices: string[] = [];
    const run = createSimulation(parsed, req.seed, { stopOnError: true });
    if (req.interventions.length > 0) {
      const { accepted, problems } = parseTimeline(parsed, req.interventions);
      notices.push(...linkProblems(problems, req.interventions));
      let late = 0;
      for (const iv of [...accepted].sort((a, b) => a.time - b.time)) {
        run.runUntil(iv.time);
        if (run.time !== iv.time) late++;
        else {
          const r = run.intervene(iv.intervention);
          if (!r.ok) notices.push(`“${describeIntervention(iv.intervention)}” at ${iv.time} ms was left out: ${stoppedWords(r.stopped)}`);
        }
      }
      if (late > 0)
        notices.push(`${late} intervention${late === 1 ? '' : 's'} after the end of the run ${late === 1 ? 'was' : 'were'} left out`);
    }
    if (req.time > run.endTime && !run.stopped)
      notices.push(`the time in this link is past the end of the scenario (${run.endTime} ms), so it opens at the end`);
    run.seek(Math.min(req.time, run.endTime));
    sim = run;
    scenario = parsed;
    sentSeq = run.eventCount;
    basis = req.id;
    send({ kind: 'opened', id: req.id, frame: frame(req.limits), scenario: parsed, notices });
    startSeries();
  }

  function intervene(req: Extract<Request, { kind: 'intervene' }>): void {
    const s = sim!;
    const kept = s.interventions().filter((x) => x.time <= s.time);
    const { accepted, problems } = parseTimeline(scenario!, [...kept, { time: s.time, intervention: req.intervention }]);
    const mine = problems.filter((p) => p.index === kept.length || p.index === -1);
    if (mine.length > 0) {
      const errors: Errors = mine.map((p) =>
        p.index === -1
          ? { path: '(intervention)', message: `${p.message.replace(/^must have /, 'a run takes ')} in all` }
          : { path: p.path, message: p.message },
      );
      return send({ kind: 'refused', id: req.id, errors });
    }
    const r = s.intervene(accepted.at(-1)!.intervention);
    if (!r.ok) return send({ kind: 'refused', id: req.id, errors: [{ path: '(intervention)', message: stoppedWords(r.stopped) }] });
    basis = req.id;
    send({ kind: 'frame', id: req.id, frame: frame(req.limits) });
    startSeries();
  }

  function handle(req: Request): void {
    if (req.kind === 'open') return open(req);
    if (!sim) return send({ kind: 'failed', id: req.id, message: 'no scenario is open' });
    const s = sim;
    switch (req.kind) {
      case 'seek':
        s.seek(req.time);
        return send({ kind: 'frame', id: req.id, frame: frame(req.limits) });
      case 'advance':
        s.runUntil(req.to);
        return send({ kind: 'frame', id: req.id, frame: frame(req.limits) });
      case 'step':
        if (req.direction === 'forward') {
          // Some steps only move timers; skip them so every step shows something happening.
          let events = s.step();
          while (events.length === 0 && s.time < s.endTime) events = s.step();
          return send({ kind: 'frame', id: req.id, frame: frame(req.limits) });
        }
        s.seek(lastEventBefore(s, s.time));
        return send({ kind: 'frame', id: req.id, frame: frame(req.limits) });
      case 'intervene':
        return intervene(req);
      case 'view':
        return send({ kind: 'frame', id: req.id, frame: frame(req.limits) });
      case 'series':
        waitingForSeries.push(req.id);
        if (series || seriesFailure) answerSeries();
        return;
    }
  }

  return {
    handle(req) {
      try {
        handle(req);
      } catch (e) {
        send({ kind: 'failed', id: req.id, message: errorText(e) });
      }
    },
  };
}
