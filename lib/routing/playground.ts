// Turns the playground's drafts into an engine Topology, with a readable problem for each bad input.
import { headerTable, validateHeadersBinding, type HeaderArg } from '@/simulator/rabbitmq/headers';
import type { Binding, Topology } from '@/simulator/rabbitmq/routing';
import { MAX_KEY_BYTES, validateBindingKey } from '@/simulator/rabbitmq/topic';
import type { BindingDraft, HeaderRow, RabbitState } from './state';

const utf8 = new TextEncoder();

/** A typed header value from its row, or an error saying why the text is not that type. */
export function headerValue(row: HeaderRow): { value: HeaderArg } | { error: string } {
  switch (row.type) {
    case 'string':
      return { value: row.value };
    case 'void':
      return { value: null };
    case 'boolean':
      if (row.value === 'true' || row.value === 'false') return { value: row.value === 'true' };
      return { error: 'A boolean is true or false' };
    case 'number': {
      const t = row.value.trim();
      if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return { error: 'Not a number' };
      const n = Number(t);
      if (!Number.isFinite(n)) return { error: 'Number out of range' };
      // "1.0" is an AMQP float, "1" an integer: RabbitMQ 3.13+ never treats them as equal.
      const float = /[.eE]/.test(t);
      if (!float && !Number.isSafeInteger(n)) return { error: 'Integer too large to compare exactly' };
      return { value: float ? { type: 'float', value: n } : { type: 'int', value: n } };
    }
  }
}

/** Header rows → a headers table; rows with problems are left out and reported by index. */
export function headersFromRows(rows: HeaderRow[]): { headers: Record<string, HeaderArg>; problems: (string | null)[] } {
  const headers = headerTable();
  const seen = new Set<string>();
  const problems = rows.map((row) => {
    if (row.name === '') return 'Give the header a name';
    if (seen.has(row.name)) return `"${row.name}" is set twice; the first one counts`;
    seen.add(row.name);
    const v = headerValue(row);
    if ('error' in v) return v.error;
    headers[row.name] = v.value;
    return null;
  });
  return { headers, problems };
}

/** AMQP 0-9-1 short strings (queue names, binding keys) hold at most 255 bytes of UTF-8. */
function tooLong(what: string, value: string): string | null {
  const bytes = utf8.encode(value).length;
  return bytes > MAX_KEY_BYTES ? `${what} are at most ${MAX_KEY_BYTES} bytes (this one has ${bytes})` : null;
}

export function queueNameProblem(name: string, earlier: string[]): string | null {
  if (name.trim() === '') return 'A queue needs a name';
  const long = tooLong('Queue names', name);
  if (long) return long;
  if (name.startsWith('amq.')) return 'Names starting with "amq." are reserved by RabbitMQ';
  if (earlier.includes(name)) return 'Another queue has this name: the same queue cannot be listed twice';
  return null;
}

export interface BindingCheck {
  /** Why RabbitMQ would refuse this binding (it then takes no part in routing). */
  problem: string | null;
  /** Per header-argument row (headers exchanges only). */
  argProblems: (string | null)[];
  /** The engine binding, when the binding is valid. */
  binding: Binding | null;
}

export interface PlaygroundModel {
  topology: Topology;
  queueProblems: (string | null)[];
  bindingChecks: BindingCheck[][];
  exchangeProblem: string | null;
  alternateProblem: string | null;
}

/** The parts of the page state the playground exchange is built from. */
export type PlaygroundDraft = Pick<RabbitState, 'exchangeName' | 'exchangeType' | 'queues' | 'alternate'>;

function checkBinding(s: PlaygroundDraft, queue: string, d: BindingDraft, earlier: BindingDraft[]): BindingCheck {
  const base = { exchange: s.exchangeName, queue, bindingKey: d.key };
  if (s.exchangeType === 'headers') {
    const { headers, problems } = headersFromRows(d.args);
    const args = headerTable([['x-match', d.xMatch], ...Object.entries(headers)]);
    const problem =
      validateHeadersBinding(args) ?? (problems.some(Boolean) ? 'Fix the arguments below; until then this binding is left out' : null);
    return { problem, argProblems: problems, binding: problem ? null : { ...base, bindingKey: '', arguments: args } };
  }
  // The two-'#' limit is a topic exchange rule; on a direct exchange '#' is an ordinary character.
  const keyProblem =
    s.exchangeType === 'topic' ? validateBindingKey(d.key) : s.exchangeType === 'direct' ? tooLong('Binding keys', d.key) : null;
  const same = s.exchangeType !== 'fanout' && earlier.some((e) => e.key === d.key);
  const problem = keyProblem ?? (same ? 'Same binding key twice: RabbitMQ keeps one binding' : null);
  return { problem, argProblems: [], binding: keyProblem ? null : base };
}

/** The playground's exchange, its optional alternate exchange (a fanout with one queue) and the queues. */
export function playgroundModel(s: PlaygroundDraft): PlaygroundModel {
  const exchangeProblem = s.exchangeName.trim() === '' ? 'The exchange needs a name (the nameless one is the default exchange)' : null;
  const names: string[] = [];
  const queueProblems = s.queues.map((q) => {
    const p = queueNameProblem(q.name, names);
    names.push(q.name);
    return p;
  });
  const bindingChecks = s.queues.map((q) => q.bindings.map((d, bi) => checkBinding(s, q.name, d, q.bindings.slice(0, bi))));
  const queues = s.queues.map((q) => q.name).filter((_, qi) => !queueProblems[qi]);
  const bindings = bindingChecks.flatMap((checks, qi) => (queueProblems[qi] ? [] : checks.flatMap((c) => (c.binding ? [c.binding] : []))));
  const topology: Topology = { exchanges: [{ name: s.exchangeName, type: s.exchangeType }], queues, bindings };

  let alternateProblem: string | null = null;
  if (s.alternate.on) {
    const { name, queue } = s.alternate;
    if (name.trim() === '' || name === s.exchangeName) alternateProblem = 'The alternate exchange needs its own name';
    else
      alternateProblem = queueNameProblem(
        queue,
        s.queues.map((q) => q.name),
      );
    if (!alternateProblem) {
      topology.exchanges[0]!.alternateExchange = name;
      topology.exchanges.push({ name, type: 'fanout' });
      topology.queues.push(queue);
      topology.bindings.push({ exchange: name, queue, bindingKey: '' });
    }
  }
  return { topology, queueProblems, bindingChecks, exchangeProblem, alternateProblem };
}
