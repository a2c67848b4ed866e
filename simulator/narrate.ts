// Plain-English narration of one event, built only from the figures the event carries.
import type { SimEvent } from './core/events';

function offsets(from: number, to: number): string {
  return to - from <= 1 ? `offset ${from}` : `offsets ${from}–${to - 1}`;
}

function lagText(lag: number | null): string {
  return lag === null ? 'it has no committed offset yet' : `its lag is ${lag}`;
}

function list(parts: string[]): string {
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}

export function describeEvent(e: SimEvent): string {
  return (
    describeKafka(e) ??
    describeCluster(e) ??
    describeShare(e) ??
    describeRabbit(e) ??
    describeRabbitCluster(e) ??
    (e.type === 'note' ? e.text : e.type)
  );
}

function offsetList(list: number[]): string {
  return list.length === 1 ? `offset ${list[0]}` : `offsets ${ids(list.map(String), 6)}`;
}

function window(e: { spso: number; speo: number }): string {
  return `SPSO ${e.spso}, SPEO ${e.speo}`;
}

/** Share groups: acquisition, acknowledgement, locks, the delivery count limit. */
function describeShare(e: SimEvent): string | null {
  switch (e.type) {
    case 'sharePartitionInitialized':
      return `Share group ${e.group} starts reading ${e.topic}-${e.partition} at offset ${e.spso} (share.auto.offset.reset=${e.reset}${e.reset === 'latest' ? ': records already in the log are not delivered' : ''})`;
    case 'shareAcquired': {
      const again = e.deliveryCounts.some((c) => c > 1);
      return `Share consumer ${e.consumer} acquired ${offsetList(e.offsets)} of ${e.topic}-${e.partition} (group ${e.group}) under a lock until ${e.lockUntil} ms${
        again ? `; delivery count ${e.deliveryCounts.join(', ')}: ${e.offsets.length === 1 ? 'it was' : 'some were'} delivered before` : ''
      }. No other member can take ${e.offsets.length === 1 ? 'it' : 'them'} meanwhile`;
    }
    case 'shareAcknowledged': {
      const failed = e.failedOffsets.length
        ? `${e.offsets.length ? '; ' : ''}${offsetList(e.failedOffsets)} refused (InvalidRecordStateException: ${e.consumer}'s lock had expired, the record is not its any more)`
        : '';
      if (e.offsets.length === 0)
        return `Share consumer ${e.consumer}'s ${e.ack} of ${e.topic}-${e.partition} failed: ${offsetList(e.failedOffsets)} refused (InvalidRecordStateException: its lock had expired, so the record went back or to another consumer and was processed twice)`;
      const what =
        e.ack === 'ACCEPT'
          ? 'accepted: done for the group'
          : e.ack === 'REJECT'
            ? 'rejected: archived at once, never delivered again'
            : e.ack === 'RENEW'
              ? 'renewed: a fresh lock while it keeps processing'
              : e.archivedOffsets.length
                ? `released; ${offsetList(e.archivedOffsets)} had reached the delivery count limit and ${e.archivedOffsets.length === 1 ? 'is' : 'are'} archived instead`
                : 'released: available again, delivery count kept';
      return `Share consumer ${e.consumer} ${e.ack === 'RENEW' ? 'renewed' : 'acknowledged'} ${offsetList(e.offsets)} of ${e.topic}-${e.partition} (${e.ack}): ${what}${failed}; ${window(e)}`;
    }
    case 'shareLockExpired':
    case 'shareReleasedOnLeave': {
      const why =
        e.type === 'shareLockExpired'
          ? `Share consumer ${e.consumer}'s acquisition lock on ${offsetList(e.offsets)} of ${e.topic}-${e.partition} expired before it acknowledged (share.record.lock.duration.ms)`
          : `Share consumer ${e.consumer}'s connection closed, so the broker released ${offsetList(e.offsets)} of ${e.topic}-${e.partition} it held`;
      const fate = e.archivedOffsets.length
        ? `; ${offsetList(e.archivedOffsets)} had reached the delivery count limit and ${e.archivedOffsets.length === 1 ? 'is' : 'are'} archived`
        : '';
      return `${why}: available to any member again, delivery count kept (${e.deliveryCounts.join(', ')})${fate}; ${window(e)}`;
    }
    case 'shareArchived':
      return `Share group ${e.group} archived ${offsetList(e.offsets)} of ${e.topic}-${e.partition} (${
        e.reason === 'rejected'
          ? 'rejected by the consumer'
          : `delivered ${e.deliveryCounts.join(', ')} times: share.delivery.count.limit reached`
      })${e.dlq ? `, after copying ${e.offsets.length === 1 ? 'it' : 'them'} to the dead-letter topic ${e.dlq.topic}-${e.dlq.partition} (Kafka 4.4)` : '; it is skipped for good (no dead-letter topic configured)'}; ${window(e)}`;
    case 'targetAssignment': {
      const owned = Object.entries(e.target).map(([m, ps]) => `${m}: ${ps.length ? ps.join(' ') : 'none'}`);
      return `Group ${e.group}'s coordinator computed a new target assignment (group epoch ${e.groupEpoch}, server-side ${e.assignor} assignor, because ${e.reason}): ${list(owned)}. Each member reconciles on its own heartbeats; nobody stops`;
    }
    case 'memberReconciled': {
      const parts: string[] = [];
      if (e.revoked.length) parts.push(`gave up ${e.revoked.join(' ')} (committed first) and said so on a heartbeat at once`);
      if (e.added.length) parts.push(`got ${e.added.join(' ')}, which no one holds any more`);
      if (e.waiting.length)
        parts.push(
          `waits for ${e.waiting.join(' ')} until ${e.waiting.length === 1 ? 'its owner releases it' : 'their owners release them'}`,
        );
      if (parts.length === 0) parts.push(`is at the group epoch ${e.groupEpoch}`);
      return `Consumer ${e.consumer} of group ${e.group} ${parts.join('; ')} (member epoch ${e.memberEpoch}); it keeps reading ${e.assigned.length ? e.assigned.join(' ') : 'nothing'} meanwhile`;
    }
    case 'shareAssigned': {
      const owned = Object.entries(e.assignment).map(([m, ps]) => `${m}: ${ps.length ? ps.join(' ') : 'none'}`);
      return `Share group ${e.group} reassigned (group epoch ${e.groupEpoch}, simple assignor, because ${e.reason}): ${list(owned)}. Several members may share a partition; nothing is revoked first`;
    }
    default:
      return null;
  }
}

function brokers(ids: number[]): string {
  return `[${ids.join(', ')}]`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

function ids(list: string[], max = 4): string {
  return list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} and ${list.length - max} more`;
}

const ACKS_MEANING = {
  '0': 'acks=0: sent, and nobody answers',
  '1': 'acks=1: the leader has it; no follower needs to',
  all: 'acks=all: every in-sync replica has it',
} as const;

const ERRORS = {
  NOT_ENOUGH_REPLICAS: 'NOT_ENOUGH_REPLICAS',
  REQUEST_TIMED_OUT: 'REQUEST_TIMED_OUT (the in-sync replicas did not confirm within request.timeout.ms)',
  NETWORK_EXCEPTION: 'a broken connection (NETWORK_EXCEPTION: the leader died)',
  NOT_LEADER_OR_FOLLOWER: 'NOT_LEADER_OR_FOLLOWER (leadership moved)',
  DELIVERY_TIMEOUT: 'a TimeoutException: delivery.timeout.ms passed since it was sent',
} as const;

/** Brokers, replication, the producer's acknowledgements: each says why. */
function describeCluster(e: SimEvent): string | null {
  switch (e.type) {
    case 'brokerDown':
      return `Broker ${e.broker} died (kill -9). Clients lose their connections to it at once; the controller notices only after broker.session.timeout.ms without a heartbeat`;
    case 'brokerFenced':
      return `The controller fenced broker ${e.broker}: no heartbeat for ${seconds(e.sessionTimeoutMs ?? 0)} (broker.session.timeout.ms). It leaves every ISR, and the partitions it led get new leaders`;
    case 'brokerUp':
      return `Broker ${e.broker} is back: each of its replicas cuts its log back to where it agrees with its leader, then catches up`;
    case 'fetcherPaused':
      return `Broker ${e.broker}'s replica fetcher stalled (a slow disk or a congested link): its followers stop copying from their leaders, while it keeps its controller session`;
    case 'fetcherResumed':
      return `Broker ${e.broker}'s replica fetcher runs again: its followers catch up from their leaders`;
    case 'partitionLeaderElected': {
      const p = `${e.topic}-${e.partition}`;
      if (e.leader === null)
        return `Partition ${p} is offline: no live replica in its ISR ${brokers(e.isr)} to lead it, and unclean leader election is off. Producers and consumers wait until an in-sync replica comes back`;
      if (e.reason === 'unclean')
        return `Broker ${e.leader} leads ${p} (leader epoch ${e.leaderEpoch}) by unclean election: it was not in sync${
          e.missing ? `, so offsets ${e.missing.fromOffset}–${e.missing.toOffset - 1} that broker ${e.previous ?? '?'} had are gone` : ''
        }. Records it lacks are lost, even acknowledged ones`;
      if (e.reason === 'preferred-leader')
        return `Leadership of ${p} went back to its preferred replica, broker ${e.leader} (leader epoch ${e.leaderEpoch}; auto.leader.rebalance.enable)`;
      if (e.reason === 'broker-returned')
        return `Broker ${e.leader} came back as the last in-sync replica of ${p} and leads it again (leader epoch ${e.leaderEpoch})`;
      return `Broker ${e.leader} leads ${p} now (leader epoch ${e.leaderEpoch}): the first live replica in its ISR ${brokers(e.isr)}, since broker ${e.previous ?? '?'} was fenced. It has every committed record`;
    }
    case 'isrShrunk': {
      const p = `${e.topic}-${e.partition}`;
      const why =
        e.reason === 'lagging'
          ? `it has not caught up for ${seconds(e.lagMs ?? 0)} (replica.lag.time.max.ms is ${seconds(e.replicaLagTimeMaxMs ?? 0)})`
          : 'the controller fenced it';
      const under =
        e.isr.length < e.minInsyncReplicas
          ? `; fewer than min.insync.replicas=${e.minInsyncReplicas}, so acks=all writes fail with NOT_ENOUGH_REPLICAS and the high watermark stands still`
          : '';
      return `Broker ${e.broker} left the ISR of ${p}: ${why}. ISR now ${brokers(e.isr)}${under}`;
    }
    case 'isrExpanded':
      return `Broker ${e.broker} reached the high watermark (it has every committed record) and rejoined the ISR of ${e.topic}-${e.partition}: ${brokers(e.isr)}`;
    case 'hwAdvanced':
      return `The high watermark of ${e.topic}-${e.partition} moved from ${e.previous} to ${e.highWatermark}: every in-sync replica has ${offsets(e.previous, e.highWatermark)}, so consumers may read ${e.highWatermark - e.previous === 1 ? 'it' : 'them'}`;
    case 'replicated':
      return `Broker ${e.broker} copied ${offsets(e.fromOffset, e.toOffset)} of ${e.topic}-${e.partition} from leader ${e.leader}; its log-end offset is ${e.logEndOffset}`;
    case 'logTruncated': {
      const lost = e.acknowledged.length
        ? `. ${ids(e.acknowledged)} had been acknowledged (${e.acks.map((a) => `acks=${a}`).join(', ')}) and ${e.acknowledged.length === 1 ? 'is' : 'are'} lost: no other replica ever had ${e.acknowledged.length === 1 ? 'it' : 'them'}`
        : '';
      return `Broker ${e.broker} truncated ${e.topic}-${e.partition} to offset ${e.fromOffset} to match leader ${e.leader}: ${offsets(e.fromOffset, e.toOffset)} (${ids(e.messageIds)}) are gone from it${lost}`;
    }
    case 'produceAcked':
      return e.deduplicated
        ? `Producer ${e.producer}'s retry of ${ids(e.messageIds)} was recognised by the leader (idempotent producer: same producer id and sequence) and answered with the first copy's offset ${e.offsets[0]}: no duplicate`
        : `Producer ${e.producer} got its acknowledgement for ${ids(e.messageIds)} (${e.topic}-${e.partition} ${e.offsets.length === 1 ? `offset ${e.offsets[0]}` : `offsets ${e.offsets[0]}–${e.offsets[e.offsets.length - 1]}`}; ${ACKS_MEANING[e.acks]})`;
    case 'produceFailed': {
      const what =
        e.error === 'NOT_ENOUGH_REPLICAS'
          ? `NOT_ENOUGH_REPLICAS: the ISR ${brokers(e.isr ?? [])} is smaller than min.insync.replicas=${e.minInsyncReplicas ?? '?'} and the producer asked for acks=all`
          : ERRORS[e.error];
      return e.final
        ? `Producer ${e.producer} gave up on ${ids(e.messageIds)} (${e.topic}-${e.partition}) with ${what}: the application's callback gets the error`
        : `Producer ${e.producer}'s send of ${ids(e.messageIds)} (${e.topic}-${e.partition}) failed with ${what}; it retries after retry.backoff.ms`;
    }
    default:
      return null;
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** x-delivery-count / x-acquired-count as a consumer would see them. */
function countsText(deliveryCount: number | undefined, acquiredCount: number | undefined): string {
  if (deliveryCount === undefined && acquiredCount === undefined) return '';
  return `; x-delivery-count ${deliveryCount ?? 0}, x-acquired-count ${acquiredCount ?? 0}`;
}

function describeKafka(e: SimEvent): string | null {
  switch (e.type) {
    case 'appended':
      return `Producer ${e.producer} appended ${e.tombstone ? 'a tombstone' : 'a record'} ${e.key === null ? 'with no key' : `with key "${e.key}"`} to partition ${e.partition} of ${e.topic} at offset ${e.offset} (${
        e.partitionedBy === 'sticky' ? 'sticky partition for a null key' : `${e.partitionedBy} hash of the key`
      }${e.leader !== undefined ? `, on leader broker ${e.leader}` : ''}); the log-end offset is now ${e.logEndOffset}${
        e.duplicateOf !== undefined
          ? `. This was a retry, and the log already had ${e.messageId} at offset ${e.duplicateOf}: without idempotence it is now in the log twice`
          : e.attempt !== undefined && e.attempt > 1
            ? ` (attempt ${e.attempt})`
            : ''
      }`;
    case 'segmentRolled':
      return `Partition ${e.partition} of ${e.topic} rolled a new active segment at offset ${e.baseOffset} (segment ${e.reason === 'bytes' ? 'full' : 'old enough'})`;
    case 'segmentDeleted':
      return `Retention (${e.reason === 'time' ? 'retention.ms' : 'retention.bytes'}) deleted the segment with offsets ${e.baseOffset}–${e.lastOffset} of ${e.topic}-${e.partition}; the log start offset is now ${e.logStartOffset}`;
    case 'compacted':
      return `Compaction removed ${e.removedOffsets.length} superseded record${e.removedOffsets.length === 1 ? '' : 's'} from ${e.topic}-${e.partition} (offsets ${e.removedOffsets.join(', ')})${
        e.tombstonesRemoved > 0 ? `, including ${e.tombstonesRemoved} expired tombstone${e.tombstonesRemoved === 1 ? '' : 's'}` : ''
      }; offsets of the records kept do not change`;
    case 'partitionsAdded':
      return `Topic ${e.topic} grew from ${e.from} to ${e.to} partitions; keys may now hash to different partitions`;
    case 'fetched':
      return `Consumer ${e.consumer} of group ${e.group} fetched ${offsets(e.fromOffset, e.toOffset)} from partition ${e.partition} of ${e.topic}${
        e.redelivered > 0 ? ` (${e.redelivered} already seen before: redelivered)` : ''
      }; its position is now ${e.position} and ${lagText(e.lag)}`;
    case 'processed':
      return `Consumer ${e.consumer} of group ${e.group} finished processing ${offsets(e.fromOffset, e.toOffset)} of ${e.topic}-${e.partition}`;
    case 'committed':
      return `Group ${e.group} committed offset ${e.committedOffset} for ${e.topic}-${e.partition} (${
        e.mode === 'auto' ? 'auto-commit' : e.mode === 'manual' ? 'commit after processing' : 'commit before giving the partition up'
      }, by ${e.consumer}); its lag is ${e.lag}`;
    case 'rebalanced': {
      const owned = Object.entries(e.assignment).map(([m, ps]) => `${m}: ${ps.length ? ps.join(' ') : 'none'}`);
      return `Group ${e.group} rebalanced (generation ${e.generation}, ${e.strategy}${e.reason ? `, because ${e.reason}` : ''}): ${list(owned)}${
        e.idle.length ? `; idle: ${e.idle.join(', ')}` : ''
      }${e.followUp ? '; revoked partitions move in a follow-up rebalance' : ''}`;
    }
    case 'offsetReset':
      return e.to === null
        ? `Consumer ${e.consumer} of group ${e.group} has no valid offset for ${e.topic}-${e.partition} and auto.offset.reset is none: it fails`
        : e.reason === 'log-truncation'
          ? `Consumer ${e.consumer} of group ${e.group} found that the new leader of ${e.topic}-${e.partition} no longer has what it read past offset ${e.to}: the log was truncated (an unclean election), so it goes back to ${e.to}, the first offset that differs (KIP-320)`
          : `Consumer ${e.consumer} of group ${e.group} ${e.reason === 'out-of-range' ? `found offset ${e.from} out of range (log starts at ${e.logStartOffset})` : 'has no committed offset'} for ${e.topic}-${e.partition}; auto.offset.reset=${e.policy} moves it to ${e.to}`;
    case 'seeked':
      return `Consumer ${e.consumer} of group ${e.group} seeked ${e.topic}-${e.partition} from ${e.from} to ${e.to} (${e.target})`;
    case 'consumerJoined':
      return `Consumer ${e.consumer} joined group ${e.group}`;
    case 'consumerLeft':
      return `Consumer ${e.consumer} left group ${e.group}${e.reason ? ` (${e.reason})` : ''}`;
    case 'consumerCrashed':
      return `Consumer ${e.consumer} of group ${e.group} crashed; records it processed after its last commit will be read again`;
    case 'consumerRestarted':
      return `Consumer ${e.consumer} of group ${e.group} restarted and rejoins the group`;
    case 'consumerFailed':
      return `Consumer ${e.consumer} of group ${e.group} stopped: ${e.reason ?? 'error'}`;
    case 'groupCreated':
      return `Consumer group ${e.group} started on ${e.topics.join(', ')} (auto.offset.reset=${e.autoOffsetReset})`;
    default:
      return null;
  }
}

function describeRabbit(e: SimEvent): string | null {
  switch (e.type) {
    case 'published':
      return `Publisher ${e.publisher} ${e.resend ? `resent (copy ${e.resend + 1})` : 'published'} ${e.messageId} to ${e.exchange === '' ? 'the default exchange' : `exchange ${e.exchange}`} with routing key "${e.routingKey}"${e.mandatory ? ' (mandatory)' : ''}${e.persistent ? ', persistent' : ''}`;
    case 'routed':
      return `Exchange ${e.exchange === '' ? '(default)' : e.exchange} routed ${e.messageId} to queue ${e.queue}${e.bindingKey !== '' ? ` (binding key "${e.bindingKey}")` : ''}${e.viaAlternate ? ' via the alternate exchange' : ''}`;
    case 'unroutable':
      return e.outcome === 'returned'
        ? `No queue matched ${e.messageId}; it was mandatory, so the broker returned it to the publisher`
        : e.outcome === 'alternate'
          ? `No binding of ${e.exchange} matched ${e.messageId}; it goes to the alternate exchange ${e.alternateExchange ?? ''}`
          : `No queue matched ${e.messageId} (routing key "${e.routingKey}"); the broker dropped it silently`;
    case 'enqueued':
      return `Queue ${e.queue} stored ${e.messageId}; ${e.ready} ready${e.expiresAt !== null ? `, expires at ${e.expiresAt} ms` : ''}`;
    case 'delivered':
      return `Queue ${e.queue} delivered ${e.messageId} to ${e.consumer} (delivery tag ${e.deliveryTag}${e.redelivered ? ', redelivered' : ''}${countsText(e.deliveryCount, e.acquiredCount)}${e.autoAck ? ', auto-ack: gone from the queue' : `; ${e.unacked}/${e.prefetchCount === 0 ? '∞' : e.prefetchCount} unacked`})`;
    case 'acked':
      return e.multipleUpTo === undefined
        ? `Consumer ${e.consumer} acked ${e.messageId} (delivery tag ${e.deliveryTag}); queue ${e.queue} deleted it`
        : `Consumer ${e.consumer} acked ${e.messageId} (delivery tag ${e.deliveryTag}) with one basic.ack of tag ${e.multipleUpTo}, multiple=true; queue ${e.queue} deleted it`;
    case 'nacked':
      return `Consumer ${e.consumer} ${e.reject ? 'rejected (basic.reject)' : 'nacked'} ${e.messageId} (delivery tag ${e.deliveryTag}) with requeue=${e.requeue}`;
    case 'requeued': {
      const why = {
        nack: 'nacked',
        reject: 'rejected',
        'consumer-crash': `consumer ${e.consumer} died holding it`,
        'consumer-removed': `consumer ${e.consumer} was removed`,
        'connection-lost': `consumer ${e.consumer}'s connection died with its node`,
        'disconnected-timeout': `the queue gave up waiting for consumer ${e.consumer}'s lost node`,
      }[e.reason];
      if (e.to === undefined) return `Queue ${e.queue} put ${e.messageId} back at position ${e.position} with redelivered=true (${why})`;
      const counted =
        e.reason === 'nack' || e.reason === 'disconnected-timeout'
          ? ` (RabbitMQ 4.3 does not count a ${e.reason === 'nack' ? 'basic.nack' : 'lost node'} toward the delivery limit)`
          : '';
      return `Quorum queue ${e.queue} took ${e.messageId} back (${why}) ${e.to === 'returns' ? 'ahead of the messages never delivered' : 'at the back of the queue, as it has no delivery limit'}${countsText(e.deliveryCount, e.acquiredCount)}${counted}`;
    }
    case 'expired':
      return `${e.messageId} expired at the head of queue ${e.queue} (TTL reached at ${e.expiresAt} ms)`;
    case 'deadLettered':
      return `Queue ${e.fromQueue} dead-lettered ${e.messageId} (${e.reason === 'delivery_limit' ? 'delivery_limit: delivered too many times without success' : e.reason}) to exchange ${e.toExchange === '' ? '(default)' : e.toExchange} with routing key "${e.routingKey}"${
        e.strategy ? '; at-least-once: the queue keeps it until a target queue confirms it' : ''
      }`;
    case 'dropped':
      return e.reason === 'consumer-crash'
        ? `${e.messageId} was lost: auto-ack had already removed it from ${e.queue} when its consumer died`
        : e.reason === 'queue-unavailable'
          ? `${e.messageId} was lost: queue ${e.queue} is unavailable (its node is down)`
          : e.reason === 'delivery_limit'
            ? `Quorum queue ${e.queue} dropped ${e.messageId}: it went past its delivery limit and there is no dead-letter exchange`
            : e.reason === 'dead-letter-cycle'
              ? `The broker dropped the dead-lettered ${e.messageId} instead of putting it back into queue ${e.queue}: it already died there with no rejection since (a dead-letter cycle)`
              : `Queue ${e.queue} discarded ${e.messageId} (${e.reason}, no dead-letter exchange)`;
    case 'rejectedPublish':
      return `Queue ${e.queue} is full and refused ${e.messageId} (reject-publish${e.deadLettered ? '-dlx: dead-lettered' : ''})`;
    case 'streamAppended':
      return `Stream ${e.queue} appended ${e.messageId} at offset ${e.offset}`;
    case 'streamRead':
      return `Consumer ${e.consumer} read offset ${e.offset} (${e.messageId}) from stream ${e.queue}; the message stays in the stream`;
    case 'streamAttached':
      return `Consumer ${e.consumer} attached to stream ${e.queue} at ${e.spec} (offset ${e.offset})`;
    case 'streamSegmentDeleted':
      return `Stream ${e.queue} retention removed offsets ${e.baseOffset}–${e.lastOffset}; the first offset is now ${e.firstOffset}`;
    case 'rabbitConsumerAdded':
      return `Consumer ${e.consumer} subscribed to queue ${e.queue}`;
    case 'rabbitConsumerRemoved':
      return `Consumer ${e.consumer} cancelled its subscription to ${e.queue}${e.requeued ? `; ${e.requeued} unacked message${e.requeued === 1 ? '' : 's'} requeued` : ''}`;
    case 'rabbitConsumerCrashed':
      return `Consumer ${e.consumer} of ${e.queue} died${e.requeued ? `; its ${e.requeued} unacked message${e.requeued === 1 ? ' goes' : 's go'} back to the queue` : ''}${e.lost ? `; ${e.lost} auto-acked message${e.lost === 1 ? ' was' : 's were'} lost` : ''}`;
    case 'rabbitConsumerRestarted':
      return `Consumer ${e.consumer} subscribed to ${e.queue} again`;
    case 'rabbitConsumerCancelled':
      return `The broker cancelled ${e.consumer}'s subscription (basic.cancel): queue ${e.queue} is gone with its node; it subscribes again when the queue is back`;
    case 'rabbitConsumerDisconnected':
      return e.holdMs !== undefined
        ? `Consumer ${e.consumer}'s connection died with node ${e.node}; quorum queue ${e.queue} keeps its unacked messages for it for ${e.holdMs / 1000} s (consumer_disconnected_timeout, RabbitMQ 4.3) in case the node comes back`
        : `Consumer ${e.consumer}'s connection died with node ${e.node}${e.requeued ? `; its ${plural(e.requeued, 'unacked message')} went back to ${e.queue}, redelivered` : ''}`;
    case 'rabbitConsumerRecovered':
      return `Consumer ${e.consumer} subscribed to ${e.queue} again${e.node !== undefined ? ` (connected to node ${e.node})` : ''}`;
    case 'activeConsumer':
      return e.takingOver
        ? `Consumer ${e.takingOver} has a higher priority: ${e.consumer} (active on ${e.queue}) gets no new messages and hands over once it has settled what it holds`
        : e.consumer === null
          ? `Queue ${e.queue} has no single active consumer left`
          : `${e.consumer} is now the single active consumer of ${e.queue}${
              e.reason === 'first'
                ? ' (the first to subscribe)'
                : e.reason === 'failover'
                  ? ` (${e.previous} went away)`
                  : ` (a higher priority than ${e.previous})`
            }`;
    case 'prefetchChanged':
      return `Consumer ${e.consumer} changed its prefetch count from ${e.from} to ${e.to}`;
    default:
      return null;
  }
}

function describeRabbitCluster(e: SimEvent): string | null {
  switch (e.type) {
    case 'nodeDown':
      return `RabbitMQ node ${e.node} died${e.publishers.length + e.consumers.length > 0 ? `, and with it the connections of ${[...e.publishers, ...e.consumers].join(', ')}` : ''}`;
    case 'nodeUp':
      return `RabbitMQ node ${e.node} is back`;
    case 'queueUnavailable':
      if (e.reason === 'home-node-down')
        return `Classic queue ${e.queue} is unavailable: it is not replicated and its node ${e.node} is down${
          e.kept !== undefined
            ? ` (${plural(e.kept, 'persistent message')} on disk wait for it; ${plural(e.lost ?? 0, 'message')} in memory ${e.lost === 1 ? 'is' : 'are'} gone)`
            : ''
        }`;
      return e.reason === 'leader-down'
        ? `Quorum queue ${e.queue} lost its leader on node ${e.node}: no deliveries, no confirms until the ${e.membersUp} live members elect a new one`
        : `Quorum queue ${e.queue} has only ${e.membersUp} of ${e.members} members up, no majority: it accepts publishes but commits, confirms and delivers nothing`;
    case 'queueAvailable':
      return `Queue ${e.queue} is available again (on node ${e.node}) with ${plural(e.ready, 'ready message')}`;
    case 'leaderElected': {
      const was = `node ${e.previous ?? '?'}`;
      const fate =
        e.lost === 0
          ? 'their publishers’ channels send them again'
          : e.lost === e.dropped
            ? `lost, as their publishers’ connections died with ${was}`
            : `${e.dropped - e.lost} sent again by live publishers’ channels, ${e.lost} lost with their publishers’ connections`;
      return `Quorum queue ${e.queue} elected node ${e.node} leader (term ${e.term}): the live member with the longest log (${e.logLength} entries)${
        e.dropped > 0
          ? `; ${plural(e.dropped, 'uncommitted entry', 'uncommitted entries')} only ${was} had ${e.dropped === 1 ? 'is' : 'are'} dropped: ${fate}`
          : ''
      }`;
    }
    case 'memberTruncated':
      return `Node ${e.node}'s member of ${e.queue} dropped ${plural(e.dropped, 'entry', 'entries')} it wrote as leader that no majority ever had, and catches up from the new leader`;
    case 'publishConfirmed':
      return `The broker confirmed ${e.messageId} to ${e.publisher} (basic.ack, seq ${e.seqNo}): ${
        {
          'routed-nowhere': 'it matched no queue',
          accepted: 'its queues accepted it (transient: in memory only)',
          'on-disk': 'it is on disk',
          majority: 'a majority of the quorum queue has it',
        }[e.safe]
      }`;
    case 'publishNacked':
      return `The broker nacked ${e.messageId} to ${e.publisher} (basic.nack, seq ${e.seqNo}): queue ${e.queue} ${e.reason === 'reject-publish' ? 'is full (reject-publish)' : 'is unavailable'}`;
    case 'publisherDisconnected':
      return `Publisher ${e.publisher}'s connection died with node ${e.node}${e.inDoubt > 0 ? `: ${plural(e.inDoubt, 'message')} sent and not yet confirmed ${e.inDoubt === 1 ? 'is' : 'are'} in doubt` : ''}`;
    case 'publisherReconnected':
      return `Publisher ${e.publisher} reconnected to node ${e.node}${e.inDoubt > 0 ? ` and resends the ${plural(e.inDoubt, 'message')} in doubt (a copy the broker already had becomes a duplicate)` : ''}`;
    default:
      return null;
  }
}
