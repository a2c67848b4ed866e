// The work budget: a run may take at most a fixed number of steps (an agenda task, or one message or
// record handled once: see Work in core/context.ts), so no scenario, however its numbers combine,
// runs forever or fills the memory. Past the budget the world throws TooHeavy; the Simulation then
// ends the run just before the moment that was too heavy and says what the steps went to.
import { COPY_STEPS, Owner, Work } from './core/context';
import { KafkaTask } from './kafka/state';
import { RabbitTask } from './rabbitmq/state';

/** What each kind of step is, in words (a count follows it). */
const WORK_WORDS: Record<Work, string> = {
  [Work.task]: 'timers',
  [Work.publish]: 'messages published',
  [Work.enqueue]: 'message copies put into queues',
  [Work.deliver]: 'deliveries to consumers',
  [Work.settle]: 'acks and nacks',
  [Work.requeue]: 'requeues',
  [Work.expire]: 'messages expiring',
  [Work.deadLetter]: 'dead-letterings',
  [Work.produce]: 'Kafka records produced',
  [Work.fetch]: 'Kafka records fetched',
  [Work.clean]: 'records the Kafka log cleaner read',
  [Work.cycleDrop]: 'dead-lettered copies dropped in a cycle',
  [Work.replicate]: 'quorum queue entries committed',
  [Work.confirm]: 'publisher confirms',
  [Work.failover]: 'messages a RabbitMQ node failure handled',
};

const KAFKA_TASK_WORDS: Record<KafkaTask, string> = {
  [KafkaTask.produce]: 'Kafka producer ticks',
  [KafkaTask.poll]: 'Kafka consumer polls',
  [KafkaTask.processed]: 'Kafka batches processed',
  [KafkaTask.rebalance]: 'Kafka rebalances',
  [KafkaTask.sessionTimeout]: 'Kafka session timeouts',
  [KafkaTask.memberStart]: 'Kafka consumers starting',
  [KafkaTask.logCheck]: 'Kafka log checks',
  [KafkaTask.brokerFenced]: 'Kafka broker session timeouts',
  [KafkaTask.isrCheck]: 'Kafka ISR checks',
  [KafkaTask.fetchRespond]: 'Kafka follower fetches',
  [KafkaTask.fetchArrive]: 'Kafka fetch responses',
  [KafkaTask.produceRetry]: 'Kafka producer retries',
  [KafkaTask.produceTimeout]: 'Kafka request timeouts',
  [KafkaTask.preferredLeader]: 'Kafka preferred-leader checks',
  [KafkaTask.shareLockExpiry]: 'Kafka share-group lock expiries',
  [KafkaTask.shareStart]: 'Kafka share consumers starting',
  [KafkaTask.sharePoll]: 'Kafka share consumer polls',
  [KafkaTask.shareProcessed]: 'Kafka share batches processed',
  [KafkaTask.shareHeartbeat]: 'Kafka share-group heartbeats',
  [KafkaTask.shareRenew]: 'Kafka share-lock renewals',
  [KafkaTask.shareSessionTimeout]: 'Kafka share-group session timeouts',
  [KafkaTask.heartbeat]: 'Kafka consumer-protocol heartbeats',
};

const RABBIT_TASK_WORDS: Record<RabbitTask, string> = {
  [RabbitTask.publish]: 'RabbitMQ publisher ticks',
  [RabbitTask.consumerStart]: 'RabbitMQ consumers starting',
  [RabbitTask.processed]: 'messages RabbitMQ consumers finished',
  [RabbitTask.expiry]: 'queue expiry timers',
  [RabbitTask.streamRead]: 'stream reads',
  [RabbitTask.streamRetention]: 'stream retention checks',
  [RabbitTask.diskSync]: 'classic queue disk writes',
  [RabbitTask.quorumCommit]: 'quorum queue commits',
  [RabbitTask.election]: 'quorum queue elections',
  [RabbitTask.publisherReconnect]: 'RabbitMQ publisher reconnects',
  [RabbitTask.consumerReconnect]: 'RabbitMQ consumer reconnects',
  [RabbitTask.disconnectedTimeout]: 'quorum queue disconnected-consumer timeouts',
  [RabbitTask.resend]: 'RabbitMQ publisher resends',
  [RabbitTask.deadLetterRetry]: 'at-least-once dead-letter retries',
};

/** Where a run's steps are tallied: one slot per Work kind, then one per (task owner, task kind). */
export const TALLY_SIZE = 16 + 3 * 256;

/** The tally slot of an agenda task. */
export function taskSlot(owner: number, kind: number): number {
  return 16 + owner * 256 + kind;
}

function slotWords(slot: number): string {
  if (slot < 16) return WORK_WORDS[slot as Work] ?? 'steps';
  const owner = (slot - 16) >> 8;
  const kind = (slot - 16) & 255;
  if (owner === Owner.world) return 'scheduled interventions';
  if (owner === Owner.kafka) return KAFKA_TASK_WORDS[kind as KafkaTask] ?? 'Kafka timers';
  return RABBIT_TASK_WORDS[kind as RabbitTask] ?? 'RabbitMQ timers';
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** The run went past its budget at `time`. */
export class TooHeavy extends Error {
  constructor(
    readonly time: number,
    readonly budget: number,
    /** What the steps went to, largest first, in words with their counts. */
    readonly heaviest: string[],
  ) {
    super(`too heavy: by ${time} ms the run had taken ${count(budget)} steps, ${heaviest.join(', ')}`);
    this.name = 'TooHeavy';
  }
}

/** How many of a slot's things its steps are (a copy put into a queue costs COPY_STEPS). */
const things = (slot: number, steps: number) => (slot === Work.enqueue ? steps / COPY_STEPS : steps);

/** The two biggest parts of a tally (the second only when it is a tenth of the whole or more), with their counts. */
export function heaviest(tally: Float64Array): string[] {
  const slots = [...tally.keys()].filter((i) => tally[i]! > 0).sort((a, b) => tally[b]! - tally[a]!);
  const total = slots.reduce((n, i) => n + tally[i]!, 0);
  const top = slots.slice(0, 2).filter((i, j) => j === 0 || tally[i]! >= total * 0.1);
  return top.map((i) => `${count(things(i, tally[i]!))} ${slotWords(i)}`);
}
