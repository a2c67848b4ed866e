// A small, local copy of RabbitMQ's topic-exchange matching, used only to compute the routing
// example at build time. The simulator's own `simulator/rabbitmq/topic.ts` replaces it once
// that lands on this branch.

/** Splits a key on every '.', keeping empty words; the empty key is zero words. */
export function topicWords(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/** True when `routingKey` matches `bindingKey` ('*' = one word, '#' = zero or more words). */
export function topicMatches(bindingKey: string, routingKey: string): boolean {
  const pattern = topicWords(bindingKey);
  const words = topicWords(routingKey);
  // memo[i][j]: does pattern[i..] match words[j..]? Dynamic programming keeps '#' linear-ish.
  const memo = new Map<number, boolean>();
  const width = words.length + 1;

  const match = (i: number, j: number): boolean => {
    const key = i * width + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === pattern.length) {
      result = j === words.length;
    } else if (pattern[i] === '#') {
      result = match(i + 1, j) || (j < words.length && match(i, j + 1));
    } else if (j === words.length) {
      result = false;
    } else if (pattern[i] === '*' || pattern[i] === words[j]) {
      result = match(i + 1, j + 1);
    } else {
      result = false;
    }
    memo.set(key, result);
    return result;
  };

  return match(0, 0);
}
