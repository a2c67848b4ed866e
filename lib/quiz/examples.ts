// Worked examples: shown on the page as one-click links, and used as test profiles.
import { QUESTIONS } from './questions';
import { isNeutralOption } from './score';
import type { Answers, Recommendation } from './types';

export interface ExampleProfile {
  id: string;
  name: string;
  answers: Answers;
  expected: Recommendation;
  /** Questions that must be among the deciding answers. */
  mustDecide: string[];
}

export const EXAMPLES: readonly ExampleProfile[] = [
  {
    id: 'taskqueue',
    name: 'A task queue with retries and priorities',
    answers: {
      tasks: ['yes'],
      msgfeatures: ['priority', 'ttl'],
      fanout: ['one'],
      replay: ['no'],
      retention: ['consumed'],
      throughput: ['low'],
    },
    expected: 'rabbitmq',
    mustDecide: ['tasks', 'msgfeatures'],
  },
  {
    id: 'eventsourcing',
    name: 'Event sourcing with replay and years of retention',
    answers: {
      replay: ['often'],
      retention: ['years'],
      changelog: ['yes'],
      streamproc: ['kstreams'],
      fanout: ['many'],
      ordering: ['perkey'],
    },
    expected: 'kafka',
    mustDecide: ['replay', 'retention', 'changelog'],
  },
  {
    id: 'telemetry',
    name: '500k msg/s of telemetry into Flink',
    answers: {
      throughput: ['high'],
      streamproc: ['flink'],
      ordering: ['perkey'],
      retention: ['days'],
      latency: ['relaxed'],
    },
    expected: 'kafka',
    mustDecide: ['throughput', 'streamproc'],
  },
  {
    id: 'iot',
    name: 'IoT devices over MQTT with per-device routing',
    answers: {
      protocols: ['mqtt'],
      routing: ['pattern'],
      throughput: ['mid'],
      replay: ['no'],
      retention: ['consumed'],
      msgfeatures: ['ttl'],
    },
    expected: 'rabbitmq',
    mustDecide: ['protocols', 'routing'],
  },
  {
    id: 'commandsevents',
    name: 'Commands to workers plus an event log',
    answers: {
      mixed: ['yes'],
      tasks: ['yes'],
      replay: ['often'],
      fanout: ['many'],
      msgfeatures: ['rpc'],
    },
    expected: 'both',
    mustDecide: ['mixed', 'tasks', 'replay'],
  },
  {
    id: 'globalorder',
    name: 'Payments in one strict order, several workers',
    answers: {
      ordering: ['global'],
      tasks: ['yes'],
      throughput: ['low'],
      replay: ['no'],
    },
    expected: 'neither',
    mustDecide: ['tasks'],
  },
];

/**
 * An example as a whole system: every question it leaves open gets its last neutral answer (no points, no gate), e.g. "No",
 * so the worked examples on the page show the confidence a fully answered quiz reaches.
 */
export function completeExample(answers: Answers): Answers {
  const full: Answers = { ...answers };
  for (const q of QUESTIONS) {
    if (full[q.id]) continue;
    const neutral = q.options.filter((o) => isNeutralOption(q.id, o.id));
    const last = neutral[neutral.length - 1];
    if (last) full[q.id] = [last.id];
  }
  return full;
}
