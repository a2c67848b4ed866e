// How the /simulate page talks to its engine, which runs in a Web Worker (engine/worker.ts): the page
// sends requests, the worker answers each with a reply carrying the same id, and it may push news it
// found on its own (the run is too heavy; the charts are ready). Everything here is plain data, so
// it crosses postMessage as it is (structured clone).
import type { SimEvent, Snapshot, Stopped } from '@/simulator';
import type { ChartSeries } from '../series';
import type { TimedIntervention } from '../url-state';

export type Errors = { path: string; message: string }[];

/** How much of a big state a snapshot carries: what the lanes can show. */
export interface ViewLimits {
  /** Newest records per Kafka partition (and per stream). */
  maxRecords: number;
  /** First ready messages (and unacked deliveries) per queue. */
  maxMessages: number;
}

/** The most events a frame carries; past it a frame says how many it left out. */
export const MAX_FRAME_EVENTS = 2000;

/** One moment of the run, as the page shows it. */
export interface Frame {
  time: number;
  /** The last moment of the run (earlier than the scenario's end when the run stopped). */
  endTime: number;
  snapshot: Snapshot;
  /**
   * The events since the previous frame, oldest first (after a jump backwards: none), at most
   * MAX_FRAME_EVENTS of them: `from` is the seq of the first, `count` how many there were in all.
   */
  events: { from: number; list: SimEvent[]; count: number };
  stopped: Stopped | null;
  /** The user's interventions on this timeline (a link carries them). */
  interventions: TimedIntervention[];
}

export type Request =
  | {
      kind: 'open';
      id: number;
      /** The scenario as JSON data (a built-in one, or the editor's or a link's): the engine validates it. */
      scenario: unknown;
      seed: number;
      /** Where to open (a link's `t`), and a link's interventions to replay first. */
      time: number;
      interventions: readonly TimedIntervention[];
      limits: ViewLimits;
    }
  | { kind: 'seek'; id: number; time: number; limits: ViewLimits }
  /** Play: run on to `to`. */
  | { kind: 'advance'; id: number; to: number; limits: ViewLimits }
  | { kind: 'step'; id: number; direction: 'forward' | 'back'; limits: ViewLimits }
  | { kind: 'intervene'; id: number; intervention: unknown; limits: ViewLimits }
  /** The same moment with other limits. */
  | { kind: 'view'; id: number; limits: ViewLimits }
  /** Chart data for the whole run; answered once it is computed. */
  | { kind: 'series'; id: number };

export type Reply =
  | { kind: 'opened'; id: number; frame: Frame; scenario: unknown; notices: string[] }
  /** The scenario was not valid: nothing changed. */
  | { kind: 'invalid'; id: number; errors: Errors }
  | { kind: 'frame'; id: number; frame: Frame }
  /** The intervention was not valid or could not be applied: nothing changed. */
  | { kind: 'refused'; id: number; errors: Errors }
  | { kind: 'series'; id: number; series: ChartSeries; until: number }
  /** The engine failed on this request; the page keeps the scenario and says so. */
  | { kind: 'failed'; id: number; message: string };

/** What the worker tells the page unasked, about the timeline the request `basis` (an open or intervene) made. */
export type Push =
  /** The background run met the budget before the page's run did: the run ends at `stopped.at - 1`. */
  { kind: 'stopped'; push: true; basis: number; stopped: Stopped; endTime: number };

export type FromEngine = Reply | Push;
