// Hard constraints: answers that decide before any points do. A gate says what it rules out and names the way out.
import { SOURCES, type Source } from './sources';
import type { Answers, Gate, Side, UnmetNeed } from './types';

interface Need {
  questionId: string;
  optionIds: readonly string[];
  need: string;
  /** True when a RabbitMQ stream covers this need (so RabbitMQ elsewhere than Amazon MQ would do). */
  streamsCover?: boolean;
}

/** What only a Kafka-protocol service gives (or, with `streamsCover`, Kafka or a RabbitMQ stream). */
const KAFKA_NEEDS: readonly Need[] = [
  { questionId: 'replay', optionIds: ['often', 'sometimes'], need: 'replaying messages after they were read', streamsCover: true },
  {
    questionId: 'retention',
    optionIds: ['days', 'weeks', 'years'],
    need: 'keeping messages after they were read',
    streamsCover: true,
  },
  { questionId: 'changelog', optionIds: ['yes'], need: 'a keyed changelog with log compaction' },
  { questionId: 'streamproc', optionIds: ['kstreams'], need: 'Kafka Streams, which runs only on Kafka topics' },
  { questionId: 'streamproc', optionIds: ['connect'], need: 'Kafka Connect connectors' },
  { questionId: 'exactlyonce', optionIds: ['yes'], need: 'exactly-once read-process-write (Kafka transactions)' },
  { questionId: 'protocols', optionIds: ['kafka'], need: 'existing Kafka-protocol clients' },
];

/** What a Kafka-protocol service does not give. */
const RABBIT_NEEDS: readonly Need[] = [
  { questionId: 'protocols', optionIds: ['mqtt'], need: 'MQTT devices connecting directly' },
  { questionId: 'protocols', optionIds: ['stomp'], need: 'STOMP or WebSocket clients connecting directly' },
  { questionId: 'protocols', optionIds: ['amqp'], need: 'AMQP 1.0 or JMS applications connecting directly' },
  { questionId: 'msgfeatures', optionIds: ['priority'], need: 'message priorities' },
  { questionId: 'msgfeatures', optionIds: ['ttl'], need: 'per-message TTL or delayed delivery' },
];

function unmetOf(needs: readonly Need[], answers: Answers): (UnmetNeed & { streamsCover: boolean })[] {
  return needs
    .filter((n) => n.optionIds.some((o) => answers[n.questionId]?.includes(o)))
    .map((n) => ({ questionId: n.questionId, need: n.need, streamsCover: n.streamsCover ?? false }));
}

const list = (items: readonly { need: string }[]) => items.map((i) => i.need).join('; ');

function globalOrder(): Gate {
  return {
    id: 'global-order',
    title: 'One strict global order, with competing consumers',
    rulesOut:
      'Neither broker gives it: consumers that work in parallel finish out of order, and a requeued or redelivered message comes back later. Kafka orders only within a partition; a RabbitMQ queue keeps publish order only while one consumer reads it.',
    alternative:
      'Either accept one reader at a time (one Kafka partition, or a RabbitMQ queue with single active consumer, with a standby taking over), or order per key instead (Kafka partitions by key), so parallel consumers each keep the order of their own keys.',
    unmet: [{ questionId: 'ordering', need: 'one strict global order across competing consumers' }],
    sources: [SOURCES.kafkaConcepts, SOURCES.rabbitQueues, SOURCES.rabbitConsumers],
  };
}

type Unmet = ReturnType<typeof unmetOf>;

/** A managed service the answers say must be used: what it leaves when nothing needed is missing, and what it rules out. */
interface ServiceGate {
  id: Gate['id'];
  title: string;
  leaves: Side;
  unmetFor: (answers: Answers) => Unmet;
  fits: Pick<Gate, 'rulesOut' | 'alternative' | 'sources'>;
  blocked: (unmet: Unmet) => Pick<Gate, 'rulesOut' | 'alternative' | 'sources'>;
}

const AMAZON_MQ: Source[] = [SOURCES.amazonMqRabbit4, SOURCES.amazonMqNoStreams];
const KAFKA_SERVICES: Source[] = [SOURCES.amazonMsk, SOURCES.confluentCloud, SOURCES.eventHubsKafka];

const SERVICE_GATES: Record<string, ServiceGate> = {
  amazonmq: {
    id: 'amazon-mq',
    title: 'You must use Amazon MQ',
    leaves: 'rabbitmq',
    unmetFor: (answers) => unmetOf(KAFKA_NEEDS, answers),
    fits: {
      rulesOut: 'Amazon MQ runs RabbitMQ, without streams, and no Kafka. Nothing in your answers needs what it lacks.',
      alternative: 'RabbitMQ on Amazon MQ, with quorum queues (the default queue type on its RabbitMQ 4 brokers).',
      sources: AMAZON_MQ,
    },
    blocked: (unmet) => {
      const streamsWouldDo = unmet.every((u) => u.streamsCover);
      return {
        rulesOut: `Amazon MQ runs RabbitMQ without streams, and no Kafka, so it cannot give you: ${list(unmet)}.`,
        alternative: streamsWouldDo
          ? 'Add a Kafka service (such as Amazon MSK) for that part beside Amazon MQ, or run RabbitMQ where streams are available (your own cluster, for example) and keep that part in a stream.'
          : 'Add a Kafka service (such as Amazon MSK) for that part and keep Amazon MQ for the queues, or drop the need.',
        sources: streamsWouldDo ? [...AMAZON_MQ, SOURCES.amazonMsk, SOURCES.rabbitStreams] : [...AMAZON_MQ, SOURCES.amazonMsk],
      };
    },
  },
  // CloudAMQP runs RabbitMQ: what needs Kafka itself is out of reach; replay and retention need RabbitMQ streams.
  cloudamqp: {
    id: 'rabbitmq-service',
    title: 'You must use CloudAMQP',
    leaves: 'rabbitmq',
    unmetFor: (answers) => unmetOf(KAFKA_NEEDS, answers).filter((u) => !u.streamsCover),
    fits: {
      rulesOut: 'CloudAMQP runs RabbitMQ, not Kafka. Nothing in your answers needs Kafka itself.',
      alternative: 'RabbitMQ: quorum queues for work, and a RabbitMQ stream for anything that must be read again.',
      sources: [SOURCES.cloudamqp, SOURCES.rabbitStreams],
    },
    blocked: (unmet) => ({
      rulesOut: `CloudAMQP runs RabbitMQ, not Kafka, so it cannot give you: ${list(unmet)}.`,
      alternative: 'Add a Kafka service for that part beside CloudAMQP, or drop the need.',
      sources: [SOURCES.cloudamqp, SOURCES.confluentCloud, SOURCES.amazonMsk],
    }),
  },
  kafkasvc: {
    id: 'kafka-service',
    title: 'You must use a Kafka service',
    leaves: 'kafka',
    unmetFor: (answers) => unmetOf(RABBIT_NEEDS, answers),
    fits: {
      rulesOut: 'The service speaks the Kafka protocol only. Nothing in your answers needs what only RabbitMQ gives.',
      alternative: 'Kafka on that service.',
      sources: KAFKA_SERVICES,
    },
    blocked: (unmet) => ({
      rulesOut: `The service speaks only the Kafka protocol, which has no equivalent for: ${list(unmet)}.`,
      alternative:
        'Add a RabbitMQ service (Amazon MQ or CloudAMQP) for that part beside it, put a bridge or proxy in front of Kafka for the device or browser clients, or drop the need.',
      sources: [
        ...KAFKA_SERVICES,
        SOURCES.rabbitProtocols,
        SOURCES.rabbitPriority,
        SOURCES.rabbitTtl,
        SOURCES.amazonMqRabbit4,
        SOURCES.cloudamqp,
      ],
    }),
  },
};

function serviceGate(def: ServiceGate, answers: Answers): Gate {
  const unmet = def.unmetFor(answers);
  const text = unmet.length === 0 ? def.fits : def.blocked(unmet);
  return {
    id: def.id,
    title: def.title,
    ...text,
    unmet: unmet.map(({ questionId, need }) => ({ questionId, need })),
    ...(unmet.length === 0 ? { leaves: def.leaves } : {}),
  };
}

/** The hard constraints among the answers, most fundamental first. */
export function gatesFor(answers: Answers): Gate[] {
  const has = (q: string, o: string) => answers[q]?.includes(o) ?? false;
  const gates: Gate[] = [];
  if (has('ordering', 'global')) gates.push(globalOrder());
  const service = SERVICE_GATES[answers.managed?.[0] ?? ''];
  if (service) gates.push(serviceGate(service, answers));
  return gates;
}

/** True when the option triggers a gate (so it is never a "neutral" answer). */
export function isGateOption(questionId: string, optionId: string): boolean {
  return (questionId === 'ordering' && optionId === 'global') || (questionId === 'managed' && optionId in SERVICE_GATES);
}
