// An exchange hands a published (or dead-lettered) message to its queues: routing.ts decides where it
// goes; here each target queue gets its copy (a classic queue enqueues it, a quorum queue's leader
// writes it to its log, a stream appends it), and an unroutable message is dropped, returned
// (mandatory) or sent to the alternate exchange. A dead-lettered copy skips the queues it would cycle
// through (dead-letter.ts). In confirm mode each target queue answers once (confirms.ts); a message
// routed nowhere is confirmed at once.
import { enqueue } from './classic-queue';
import { expectAnswers } from './confirms';
import { checksCycles, dropCycle, isDeathCycle } from './dead-letter';
import { quorumEnqueue } from './quorum-queue';
import type { HeaderValue } from './headers';
import { route, type RouteResult, type Topology } from './routing';
import { messageIdOf, type Confirm, type Msg, type RabbitSpec, type RabbitState, type Router } from './state';
import { streamAppend } from './stream';

interface Routed {
  result: RouteResult;
  /** Queue indexes of result.queues. */
  targets: number[];
}

function topologyOf(spec: RabbitSpec): Topology {
  return {
    exchanges: spec.exchanges.map((e) => ({
      name: e.name,
      type: e.type,
      ...(e.alternateExchange !== undefined ? { alternateExchange: e.alternateExchange } : {}),
    })),
    queues: spec.queues.map((q) => q.name),
    bindings: spec.bindings.map((b) => ({
      exchange: b.exchange,
      queue: b.queue,
      bindingKey: b.bindingKey,
      ...(b.arguments ? { arguments: b.arguments } : {}),
    })),
  };
}

/** Routes with routing.ts and remembers the result by exchange and routing key (the topology never changes). */
export class Exchanges implements Router {
  private cache = [new Map<string, Map<string, Routed>>(), new Map<string, Map<string, Routed>>()];
  private readonly topology: Topology;

  constructor(
    spec: RabbitSpec,
    private readonly queueIndex: Map<string, number>,
  ) {
    this.topology = topologyOf(spec);
  }

  private routed(result: RouteResult): Routed {
    return { result, targets: result.queues.map((q) => this.queueIndex.get(q)!) };
  }

  private route(exchange: string, routingKey: string, headers: Record<string, HeaderValue> | undefined, mandatory: boolean): Routed {
    if (headers !== undefined) return this.routed(route(this.topology, { exchange, routingKey, headers, mandatory }));
    const byExchange = this.cache[mandatory ? 1 : 0]!;
    let byKey = byExchange.get(exchange);
    if (!byKey) byExchange.set(exchange, (byKey = new Map()));
    let r = byKey.get(routingKey);
    if (!r) byKey.set(routingKey, (r = this.routed(route(this.topology, { exchange, routingKey, mandatory }))));
    return r;
  }

  send(r: RabbitState, msg: Msg, exchange: string, routingKey: string, mandatory: boolean, confirm: Confirm | null): void {
    const { result, targets } = this.route(exchange, routingKey, msg.headers, mandatory);
    if (result.viaAlternate || result.queues.length === 0) unroutable(r, msg, exchange, routingKey, result);
    const cycles = checksCycles(msg);
    if (confirm) {
      let answering = targets.length;
      if (cycles) for (let i = 0; i < targets.length; i++) if (isDeathCycle(msg.deaths, r.queues[targets[i]!]!.name)) answering--;
      expectAnswers(r, confirm, answering);
    }
    for (let i = 0; i < targets.length; i++) {
      const q = r.queues[targets[i]!]!;
      if (cycles && isDeathCycle(msg.deaths, q.name)) {
        dropCycle(r, q, msg);
        continue;
      }
      if (r.w.rec) {
        const b = result.matchedBindings[q.name]?.[0];
        r.w.emit({
          type: 'routed',
          exchange: b?.exchange ?? exchange,
          queue: q.name,
          messageId: messageIdOf(msg),
          routingKey,
          bindingKey: b?.bindingKey ?? '',
          viaAlternate: result.viaAlternate,
        });
      }
      if (q.spec.type === 'stream') streamAppend(r, q, msg, confirm);
      else if (q.quorum) quorumEnqueue(r, q, msg, confirm, originOf(r, msg, confirm));
      else enqueue(r, q, msg, confirm);
    }
  }
}

/** The node of the channel a message comes from: its publisher's connection; -1 for the broker's own dead-lettering. */
function originOf(r: RabbitState, msg: Msg, confirm: Confirm | null): number {
  if (msg.deaths.length > 0 || (confirm && confirm.pub < 0)) return -1;
  return r.publishers[msg.pub]?.node ?? -1;
}

/** No binding of the exchange matched: returned to a mandatory publisher, else dropped (or on to the alternate exchange). */
function unroutable(r: RabbitState, msg: Msg, exchange: string, routingKey: string, result: RouteResult): void {
  if (result.outcome === 'returned') {
    r.returned++;
    r.w.counters.rabbitReturned++;
  }
  if (!r.w.rec) return;
  const ae = r.spec.exchanges.find((e) => e.name === exchange)?.alternateExchange;
  r.w.emit({
    type: 'unroutable',
    exchange,
    messageId: messageIdOf(msg),
    routingKey,
    outcome: result.viaAlternate ? 'alternate' : result.outcome === 'returned' ? 'returned' : 'dropped',
    ...(ae !== undefined ? { alternateExchange: ae } : {}),
  });
}
