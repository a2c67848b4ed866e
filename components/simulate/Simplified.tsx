/**
 * What the simulator simplifies, where users see it (the full list is simulator/README.md,
 * "What is simplified"; the real-broker checks are fidelity/README.md).
 */
export function Simplified() {
  return (
    <details className="mt-6 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-semibold">What the simulator simplifies</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
        <li>
          Kafka follows 4.4. A scenario without brokers has one broker that never fails. In a cluster, brokers die and return: replicas, the
          ISR, the high watermark, acks and elections follow Kafka&rsquo;s rules, but the KRaft controller never fails, a follower fetch
          takes one network delay, the ISR is checked all the time (Kafka: every replica.lag.time.max.ms / 2), and there are no eligible
          leader replicas or controlled shutdowns. Records are acknowledged from memory, as Kafka does from the page cache; a power loss of
          every replica at once is not shown.
        </li>
        <li>
          Kafka share groups acquire records one by one (Kafka acquires whole batches, and in 4.4 hands a record near its delivery limit out
          alone); their state is never lost (Kafka warns that delivery counts are not exact after a leader change). Consumer-protocol and
          share-group members are assigned in join order, where Kafka walks random member ids. Built-in scenarios scale Kafka&rsquo;s
          timeouts down (session 9 s → 3 s, lag 30 s → 4–10 s) and say so.
        </li>
        <li>
          RabbitMQ follows 4.3. Nodes can die: a classic queue lives on one node and is unavailable while it is down (after a restart a
          durable queue keeps only its persistent messages); a quorum queue commits, confirms and delivers once a majority of its members
          has a message, and elects a new leader when its leader’s node dies.
        </li>
        <li>
          Raft is reduced to what decides safety: no terms on disk, write-ahead log, snapshots or timeouts. A dead node is noticed at once,
          an election takes 1 s, replication 5 ms each way; only whole nodes die (no network partitions); clients reconnect after 5 s.
        </li>
        <li>
          Persistent messages are on disk at the end of the instant they were queued (RabbitMQ batches writes, up to about 200 ms). A
          publish to a classic queue whose node is down is nacked here; the RabbitMQ 3.10 we test against acknowledges it and loses it.
        </li>
        <li>
          Quorum queues: the 4.3 delivery-limit rules (20 by default, only failed deliveries counted: basic.reject counts, basic.nack does
          not); no message priorities, delayed retry or per-queue consumer timeout.
        </li>
        <li>One channel per consumer; time moves in whole milliseconds; message values are placeholders.</li>
      </ul>
    </details>
  );
}
