import { chain, listed } from '@/lib/routing/words';
import type { RouteResult } from '@/simulator/rabbitmq/routing';
import { count } from '@/lib/format';

interface Props {
  result: RouteResult | null;
  /** Why no publish happens (e.g. the routing key is too long). */
  blocked: string | null;
  /** The publish target's alternate exchange, if any. */
  alternate: string | undefined;
  /** Exchanges on the way whose alternate exchange took the message (none matched their bindings). */
  divertedBy: string[];
  mandatory: boolean;
}

/** Queue names as the page always listed them (comma-separated), the first 10 and a count of the rest. */
const list = (qs: string[]) => qs.slice(0, 10).join(', ') + (qs.length > 10 ? ` and ${count(qs.length - 10)} more` : '');
const exchangeName = (x: string) => x || '(default)';

/** One sentence on where the message ends up, including what happens to an unroutable one. */
export function Outcome({ result, blocked, alternate, divertedBy, mandatory }: Props) {
  let tone = 'border-rabbit-500 bg-rabbit-50 dark:border-rabbit-400 dark:bg-rabbit-950/40';
  let title: string;
  let body: string;
  if (blocked || !result) {
    tone = 'border-red-600 bg-red-50 dark:border-red-400 dark:bg-red-950/40';
    title = 'Not published';
    body = blocked ?? '';
  } else if (result.error) {
    tone = 'border-red-600 bg-red-50 dark:border-red-400 dark:bg-red-950/40';
    title = 'Publish fails';
    body = result.error;
  } else if (result.outcome === 'routed') {
    const copies = result.queues.length;
    title = `Delivered to ${copies} queue${copies === 1 ? '' : 's'}: ${list(result.queues)}`;
    const doubled = result.queues.filter((q) => (result.matchedBindings[q]?.length ?? 0) > 1);
    const by = listed(divertedBy);
    body = result.viaAlternate
      ? `No binding of ${by || 'an exchange on the way'} matched, so RabbitMQ handed the message to ${divertedBy.length === 1 ? 'its' : 'their'} alternate exchange, which routed it. Each queue gets one copy.`
      : `Each queue gets one copy.`;
    if (doubled.length)
      body += ` ${list(doubled)} ${doubled.length === 1 ? 'is' : 'are'} matched by more than one binding and still ${doubled.length === 1 ? 'gets' : 'get'} a single copy.`;
    if (mandatory) body += ' Mandatory has no effect: the message was routed.';
  } else if (result.outcome === 'returned') {
    tone = 'border-amber-600 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40';
    title = 'Unroutable: returned to the publisher';
    body = `No queue matched${alternate ? ' (the alternate exchange routed nothing either)' : ''}. With mandatory set, RabbitMQ sends it back with basic.return (312 NO_ROUTE); the publisher must handle the return.`;
  } else {
    tone = 'border-amber-600 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40';
    title = 'Unroutable: dropped';
    body = `No queue matched${alternate ? ' (the alternate exchange routed nothing either)' : ''}, so RabbitMQ drops the message silently. Set mandatory to get it back, or add an alternate exchange to keep it.`;
  }
  return (
    <div role="status" aria-live="polite" className={`rounded-lg border-l-4 px-4 py-3 ${tone}`} data-testid="outcome">
      <p className="font-semibold text-zinc-950 dark:text-white">{title}</p>
      <p className="mt-1 text-sm text-zinc-800 dark:text-zinc-200">{body}</p>
      {result && result.exchangesVisited.length > 1 && (
        <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
          Exchanges passed: {chain(result.exchangesVisited.map(exchangeName))}
        </p>
      )}
      {result?.cycle && (
        <p className="mt-1 text-sm text-zinc-800 dark:text-zinc-200" data-testid="routing-cycle">
          Routing stopped at a loop of exchanges: {chain(result.cycle.map(exchangeName))}. RabbitMQ routes a message through each exchange
          at most once, so it does not go round the loop again.
        </p>
      )}
    </div>
  );
}
