// Consumer priorities (the x-priority consumer argument, default 0, larger first, negatives allowed):
// a queue hands each message to its highest-priority consumer that can take one, round-robin among
// consumers of the same priority; a blocked one (at its prefetch limit) is skipped, so lower-priority
// consumers get messages while the higher ones are full. The queue's line (QueueState.active) is kept
// in priority order: a consumer rejoins behind every consumer of its priority or higher, which is
// plain round-robin when all priorities are equal. Sources: rabbitmq-website docs consumer-priority.md
// (4.3); rabbitmq-server rabbit_queue_consumers.erl (priority_queue:in/out_p over consumers; classic
// queues), rabbit_fifo.erl (the service queue by priority; quorum queues).
import type { ConsumerState, QueueState, RabbitState } from './state';

export function priorityOf(spec: { priority?: number | undefined }): number {
  return spec.priority ?? 0;
}

/** Puts a consumer in its queue's line behind every consumer of its priority or higher. */
export function enterLine(r: RabbitState, q: QueueState, c: ConsumerState): void {
  const line = q.active;
  let i = line.length;
  while (i > 0 && r.consumers[line[i - 1]!]!.priority < c.priority) i--;
  if (i === line.length) line.push(c.idx);
  else line.splice(i, 0, c.idx);
}
