// RabbitMQ topic exchange matching. Source: rabbitmq-server rabbit_db_topic_exchange.erl
// (split_topic_key_binary) and rabbit_db_topic_exchange_SUITE.erl (ref_match_filter).

const utf8 = new TextEncoder();

/** Longest routing key / binding key RabbitMQ accepts (AMQP 0-9-1 shortstr), in UTF-8 bytes. */
export const MAX_KEY_BYTES = 255;
/** RabbitMQ 4.3.5+ refuses binding keys with more whole-word '#' than this. */
export const MAX_HASH_WORDS = 2;

/** Splits on every '.', keeping empty words; the empty string is zero words. */
export function topicWords(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/**
 * One row of the dynamic programme over (binding words × routing words): given which routing-word
 * prefixes the binding words so far can match (prev), fill which ones they match after word p.
 * O(P·R) overall, so many '#' words never blow up.
 */
function advance(prev: Uint8Array, next: Uint8Array, p: string, words: string[]): void {
  const R = words.length;
  if (p === '#') {
    let any = 0;
    for (let j = 0; j <= R; j++) {
      any |= prev[j]!;
      next[j] = any;
    }
  } else {
    next[0] = 0;
    for (let j = 1; j <= R; j++) next[j] = prev[j - 1]! && (p === '*' || p === words[j - 1]) ? 1 : 0;
  }
}

function matchTable(pattern: string[], words: string[]): Uint8Array[] {
  const rows: Uint8Array[] = [new Uint8Array(words.length + 1)];
  rows[0]![0] = 1;
  for (const p of pattern) {
    const next = new Uint8Array(words.length + 1);
    advance(rows[rows.length - 1]!, next, p, words);
    rows.push(next);
  }
  return rows;
}

/** True when a message with routingKey reaches a topic binding with bindingKey. */
export function topicMatches(bindingKey: string, routingKey: string): boolean {
  const pattern = topicWords(bindingKey);
  // Fast path for the common literal-only key.
  if (!pattern.includes('#') && !pattern.includes('*')) return bindingKey === routingKey;
  const words = topicWords(routingKey);
  // Only the last row is needed here; swap two rows.
  let prev = new Uint8Array(words.length + 1);
  let next = new Uint8Array(words.length + 1);
  prev[0] = 1;
  for (const p of pattern) {
    advance(prev, next, p, words);
    [prev, next] = [next, prev];
  }
  return prev[words.length] === 1;
}

/** One step of a match explanation: a binding word (or null for leftover routing words). */
export interface TopicTraceStep {
  pattern: string | null;
  words: string[];
  ok: boolean;
  reason?: string;
}

export interface TopicExplanation {
  match: boolean;
  steps: TopicTraceStep[];
  /** Why it failed, in one sentence (absent on a match). */
  failure?: string;
}

function show(word: string): string {
  return word === '' ? 'an empty word' : `"${word}"`;
}

/** Walks back from a matched cell (i, j) to the words each binding word consumed. */
function backtrack(rows: Uint8Array[], pattern: string[], words: string[], i: number, j: number): TopicTraceStep[] {
  const steps: TopicTraceStep[] = [];
  while (i > 0) {
    const p = pattern[i - 1]!;
    if (p === '#') {
      // Walking backwards, this '#' takes as few words as it can (earlier binding words take the rest).
      let k = j;
      while (!rows[i - 1]![k]) k--;
      steps.push({ pattern: p, words: words.slice(k, j), ok: true });
      j = k;
    } else {
      steps.push({ pattern: p, words: [words[j - 1]!], ok: true });
      j--;
    }
    i--;
  }
  return steps.reverse();
}

/** A word-by-word account of topicMatches for the UI: what each binding word consumed, or where it failed. */
export function explainTopicMatch(bindingKey: string, routingKey: string): TopicExplanation {
  const pattern = topicWords(bindingKey);
  const words = topicWords(routingKey);
  const rows = matchTable(pattern, words);
  const P = pattern.length;
  const R = words.length;
  if (rows[P]![R]) return { match: true, steps: backtrack(rows, pattern, words, P, R) };

  // Furthest binding word reached; among its matched routing prefixes prefer one with a word left.
  let i = P;
  while (i > 0 && !rows[i]!.includes(1)) i--;
  const row = rows[i]!;
  let j = -1;
  if (i < P) for (let k = R - 1; k >= 0 && j < 0; k--) if (row[k]) j = k;
  if (j < 0) for (let k = R; k >= 0 && j < 0; k--) if (row[k]) j = k;
  const steps = backtrack(rows, pattern, words, i, j);

  let failure: string;
  if (i === P) {
    const rest = words.slice(j);
    failure = `the binding key ends but the routing key has ${rest.length} more word${rest.length === 1 ? '' : 's'}`;
    steps.push({ pattern: null, words: rest, ok: false, reason: failure });
  } else {
    const p = pattern[i]!;
    if (j >= R) {
      failure =
        p === '*'
          ? `"*" needs exactly one word but the routing key has no words left`
          : `${show(p)} needs a word but the routing key has no words left`;
      steps.push({ pattern: p, words: [], ok: false, reason: failure });
    } else {
      failure = `${show(p)} does not equal ${show(words[j]!)} (words compare exactly, case-sensitive)`;
      steps.push({ pattern: p, words: [words[j]!], ok: false, reason: failure });
    }
  }
  return { match: false, steps, failure };
}

function byteLength(key: string): number {
  return utf8.encode(key).length;
}

/** A readable error for a binding key RabbitMQ would refuse, or null when it is fine. */
export function validateBindingKey(key: string): string | null {
  const bytes = byteLength(key);
  if (bytes > MAX_KEY_BYTES) return `Binding keys are at most ${MAX_KEY_BYTES} bytes of UTF-8 (this one has ${bytes})`;
  const hashes = topicWords(key).filter((w) => w === '#').length;
  if (hashes > MAX_HASH_WORDS) return 'RabbitMQ 4.3.5+ refuses binding keys with more than two # words';
  return null;
}

/** A readable error for a routing key RabbitMQ would refuse, or null when it is fine. */
export function validateRoutingKey(key: string): string | null {
  const bytes = byteLength(key);
  if (bytes > MAX_KEY_BYTES) return `Routing keys are at most ${MAX_KEY_BYTES} bytes of UTF-8 (this one has ${bytes})`;
  return null;
}
