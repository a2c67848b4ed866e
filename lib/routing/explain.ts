// Why one binding matched a message or not, in words. The verdict always comes from the engine
// (bindingMatches); the per-argument lines use the engine's headerValuesEqual and xMatchOf.
import { headerValuesEqual, ownHeader, xMatchOf, type HeaderArg } from '@/simulator/rabbitmq/headers';
import { bindingMatches, type Binding, type ExchangeType, type Publish } from '@/simulator/rabbitmq/routing';
import { explainTopicMatch, type TopicTraceStep } from '@/simulator/rabbitmq/topic';

export interface HeaderArgLine {
  name: string;
  /** 'skipped': an x- argument that all/any do not compare. */
  status: 'equal' | 'present' | 'missing' | 'different' | 'skipped';
  /** The binding's value for this argument. */
  want: HeaderArg;
  /** The message's value for this header, undefined when it has none. */
  got: HeaderArg | undefined;
}

export interface BindingExplanation {
  match: boolean;
  summary: string;
  topicSteps?: TopicTraceStep[];
  headerLines?: HeaderArgLine[];
}

export function showValue(v: HeaderArg | undefined): string {
  if (v === undefined) return 'absent';
  if (v === null) return 'void';
  if (typeof v === 'object') return `${v.type} ${v.type === 'float' && Number.isInteger(v.value) ? v.value.toFixed(1) : v.value}`;
  if (typeof v === 'number') return `${Number.isInteger(v) ? 'int' : 'float'} ${v}`;
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function explainHeaders(b: Binding, msg: Publish, match: boolean): BindingExplanation {
  const args = b.arguments ?? {};
  const xMatch = xMatchOf(args);
  if (xMatch === null) return { match, summary: 'invalid x-match: RabbitMQ refuses this binding' };
  const withX = xMatch.endsWith('-with-x');
  const headerLines: HeaderArgLine[] = Object.keys(args)
    .filter((name) => name !== 'x-match')
    .map((name) => {
      const want = args[name]!;
      const got = ownHeader(msg.headers, name);
      const line = (status: HeaderArgLine['status']): HeaderArgLine => ({ name, status, want, got });
      if (!withX && name.startsWith('x-')) return line('skipped');
      if (got === undefined) return line('missing');
      if (want === null) return line('present');
      return line(headerValuesEqual(want, got) ? 'equal' : 'different');
    });
  const compared = headerLines.filter((l) => l.status !== 'skipped');
  const ok = compared.filter((l) => l.status === 'equal' || l.status === 'present').length;
  const all = xMatch.startsWith('all');
  let summary: string;
  if (compared.length === 0)
    summary = all
      ? `x-match=${xMatch} with nothing to compare matches every message`
      : `x-match=${xMatch} with nothing to compare matches no message`;
  else if (all) summary = `x-match=${xMatch}: ${ok} of ${compared.length} arguments match${match ? '' : ', all must'}`;
  else summary = `x-match=${xMatch}: ${ok} of ${compared.length} arguments match${match ? '' : ', one is enough'}`;
  return { match, summary, headerLines };
}

export function explainBinding(type: ExchangeType, b: Binding, msg: Publish): BindingExplanation {
  const match = bindingMatches(type, b, msg);
  switch (type) {
    case 'fanout':
      return { match, summary: 'fanout: every bound queue gets a copy; the routing key is ignored' };
    case 'direct':
      return {
        match,
        summary: match ? `binding key equals the routing key` : `"${b.bindingKey}" ≠ "${msg.routingKey}" (direct needs the exact key)`,
      };
    case 'topic': {
      const t = explainTopicMatch(b.bindingKey, msg.routingKey);
      return { match, summary: match ? 'every word matches' : (t.failure ?? 'no match'), topicSteps: t.steps };
    }
    case 'headers':
      return explainHeaders(b, msg, match);
  }
}
