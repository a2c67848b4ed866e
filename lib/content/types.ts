// Shapes of the comparison page's content. Plain data: rendered by server components.
import type { ScenarioId } from '@/simulator/scenarios';

export type Broker = 'kafka' | 'rabbitmq';

export interface SourceDef {
  /** Page title as the publisher names it. */
  title: string;
  publisher: string;
  url: string;
  /** ISO date (YYYY-MM-DD) the page was last read to confirm the claims citing it. */
  checked: string;
  /** What this source backs on our page, in a few words. */
  supports: string;
  /** Primary = the project or vendor itself; secondary = an independent write-up. */
  kind: 'primary' | 'secondary';
}

/** One sentence or short passage with the sources that back it. */
export interface Claim<S extends string = string> {
  text: string;
  sources: readonly S[];
  /** Simulator scenarios that show the claim happening (`/simulate?scenario=<id>`). */
  scenarios?: readonly ScenarioId[];
}

/** A setting that decides what survives a dead broker or node ("When a broker dies" on `/`). */
export interface DurabilitySetting<S extends string = string> {
  id: string;
  /** The broker's or client's own name for it. */
  name: string;
  /** Where it is set: producer, topic, queue argument… */
  where: string;
  /** Its default, per version and client where they differ. */
  defaults: string;
  /** What it guarantees, with the scenarios that show it. */
  guarantee: Claim<S>;
}

/** What one setup does when a machine dies. */
export interface DurabilityOutcome<S extends string = string> {
  broker: Broker;
  setup: string;
  /** What happens, with the scenarios that show it. */
  outcome: Claim<S>;
}

export const FEATURE_IDS = [
  'throughput',
  'retention',
  'consumers',
  'replay',
  'routing',
  'latency',
  'ordering',
  'protocols',
  'management',
  'managed',
] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

/** Each feature row's name, as the table and links from other pages show it. */
export const FEATURE_LABELS: Record<FeatureId, string> = {
  throughput: 'Throughput',
  retention: 'Message retention',
  consumers: 'Consumer model',
  replay: 'Replay',
  routing: 'Routing',
  latency: 'Latency',
  ordering: 'Ordering',
  protocols: 'Protocols',
  management: 'Management UI',
  managed: 'Managed offerings',
};

export interface FeatureRow<S extends string = string> {
  id: FeatureId;
  kafka: string;
  rabbitmq: string;
  /** Conditions a figure depends on (hardware, message size, durability); shown with the row. */
  conditions?: string;
  nuance: readonly Claim<S>[];
  sources: readonly S[];
  /** True where the two brokers' models differ at the root, not just in degree: the table lists these rows first, under their own heading. */
  differsMost: boolean;
}

export interface UseCase<S extends string = string> {
  id: string;
  broker: Broker;
  title: string;
  why: string;
  example: string;
  sources: readonly S[];
}

export interface ManagedOffering<S extends string = string> {
  id: string;
  name: string;
  vendor: string;
  broker: Broker;
  /** What you actually get: Apache Kafka itself, a Kafka-protocol service, RabbitMQ... */
  engine: string;
  note: string;
  sources: readonly S[];
}

export type CodeLanguage = 'python' | 'typescript';

export interface CodeSample {
  id: string;
  broker: Broker;
  role: 'producer' | 'consumer' | 'replay';
  language: CodeLanguage;
  /** Client library the sample is written against. */
  library: string;
  filename: string;
  code: string;
  /** What the sample demonstrates, for the caption. */
  notes: readonly string[];
}
