// What the simulator's model leaves out, in a reader's words: shown on /simulate beside the simulator
// (components/simulate/ModelLimits.tsx). The engine's own list, with the details, is "What is
// simplified" in simulator/README.md; keep the two in step when the model changes.

export interface ModelLimit {
  /** The short name of what is left out. */
  title: string;
  /** What that means for what you see, and how the real broker differs. */
  text: string;
}

export const MODEL_LIMITS: readonly ModelLimit[] = [
  {
    title: 'No network, disks or memory',
    text: 'A record is in the log the moment it is produced and a message in its queues the moment it is published. There is no latency between clients and brokers, no lost packets, no slow disks, and no memory or disk alarms or flow control.',
  },
  {
    title: 'Contents are placeholders',
    text: 'Record values and message bodies are labels (v1, v2 … or the scenario’s values). Sizes come from each record’s key plus the scenario’s valueBytes; real Kafka counts the record batch on disk, about 70 bytes more for a one-record batch.',
  },
  {
    title: 'Rebalances pause the whole group',
    text: 'With either protocol, every consumer of a group stops fetching until the rebalance completes; cooperative-sticky differs only in which partitions are revoked. There is no max.poll.interval.ms and no static membership: a crashed consumer keeps its partitions until its session times out.',
  },
  {
    title: 'Producers see new partitions at once',
    text: 'When a topic grows, producers use the new partitions immediately. A real Java producer keeps the old count until its next metadata refresh (metadata.max.age.ms, 5 minutes by default).',
  },
  {
    title: 'Compaction and tombstones are simplified',
    text: 'A tombstone is removed deleteRetentionMs after its timestamp at any log check once its segment is closed. Kafka removes it at a later cleaning, and cleans a quiet partition again only when new records arrive, so a real tombstone can stay longer.',
  },
  {
    title: 'One channel per RabbitMQ consumer',
    text: 'Each consumer has its own channel, so its prefetch count is also its channel’s limit; channels shared by several consumers are not modelled.',
  },
  {
    title: 'Streams are simplified',
    text: 'A stream consumer starting at “last” starts at the last message (a real broker starts at the beginning of the last chunk), and streams ignore consumer credit.',
  },
  {
    title: 'Time moves in whole milliseconds',
    text: 'Work that finishes at the same millisecond happens in the order it was scheduled; nothing runs truly in parallel. The same scenario and seed always give the same run.',
  },
];
