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
          Kafka brokers never fail here: no replication, leaders, ISR or producer acks; a record is in the log the moment it is produced.
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
