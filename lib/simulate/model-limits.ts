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
    text: 'A record is in the log the moment it is produced and a message reaches its classic queues the moment it is published. Apart from replication in a Kafka or RabbitMQ cluster (below) there is no latency between clients and brokers, no lost packets, no slow disks, and no memory or disk alarms or flow control.',
  },
  {
    title: 'Kafka follows 4.4; a cluster’s brokers can die',
    text: 'A scenario without brokers has one Kafka broker that never fails. In a cluster, replicas, the ISR, the high watermark, acks and elections follow Kafka’s rules, but the KRaft controller never fails, a follower fetch takes one network delay, the ISR is checked all the time (Kafka: every replica.lag.time.max.ms / 2), and there are no eligible leader replicas or controlled shutdowns. Records are acknowledged from memory, as Kafka does from the page cache; a power loss of every replica at once is not shown. Built-in scenarios scale the timeouts down (session 9 s → 3 s, lag 30 s → 4–10 s) and say so.',
  },
  {
    title: 'Share groups acquire record by record',
    text: 'Kafka acquires whole log batches, and in 4.4 hands a record near its delivery limit out alone; here each record is acquired on its own. Share-group state is never lost (Kafka warns that delivery counts are not exact after a leader change), and there are no transactions (read_committed).',
  },
  {
    title: 'RabbitMQ follows 4.3; nodes can die',
    text: 'A classic queue lives on one node and is unavailable while it is down (after a restart a durable queue keeps only its persistent messages); a quorum queue commits, confirms and delivers once a majority of its members has a message, and elects a new leader when its leader’s node dies.',
  },
  {
    title: 'Raft is reduced to what decides safety',
    text: 'No terms on disk, write-ahead log, snapshots or timeouts. A dead node is noticed at once, an election takes 1 s, replication 5 ms each way; only whole nodes die (no network partitions); clients reconnect after 5 s.',
  },
  {
    title: 'Disk writes are instant',
    text: 'Persistent messages are on disk at the end of the instant they were queued (RabbitMQ batches writes, up to about 200 ms). A publish to a classic queue whose node is down is nacked here; the RabbitMQ 3.10 we test against acknowledges it and loses it.',
  },
  {
    title: 'Quorum queues: 4.3 rules only',
    text: 'The delivery limit is 20 by default and counts only failed deliveries (basic.reject counts, basic.nack does not); no message priorities, delayed retry or per-queue consumer timeout.',
  },
  {
    title: 'Contents are placeholders',
    text: 'Record values and message bodies are labels (v1, v2 … or the scenario’s values). Sizes come from each record’s key plus the scenario’s valueBytes; real Kafka counts the record batch on disk, about 70 bytes more for a one-record batch.',
  },
  {
    title: 'Rebalances as Kafka 4.x runs them, with simpler timing',
    text: 'An eager rebalance (range, roundrobin) stops the whole group until it completes; cooperative-sticky keeps fetching what each member keeps; the consumer protocol (KIP-848) lets each member reconcile on its own heartbeats. Members are assigned in join order, where Kafka walks random member ids. There is no max.poll.interval.ms and no static membership: a crashed consumer keeps its partitions until its session times out.',
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
