// Tables keyed by names a user chose (topics, groups, queues, consumers, headers). A plain object
// breaks on names that are Object.prototype members, which RabbitMQ and Kafka accept: reading
// `table["constructor"]` finds a function, and assigning `table["__proto__"]` sets the prototype
// instead of a key. A table without a prototype has only the keys put into it.

/** An empty record whose keys are only the ones assigned to it. */
export function nameTable<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** A prototype-free record of the entries, in order (later entries win). */
export function nameTableOf<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const t = nameTable<V>();
  for (const [k, v] of entries) t[k] = v;
  return t;
}

/** `table[key]` when the table has that key of its own (never an inherited member such as `constructor`). */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
