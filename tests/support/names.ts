// Names every name-keyed table must survive: the members of Object.prototype. RabbitMQ and Kafka accept
// them as queue, exchange, topic, group, consumer and header names, and a plain object used as a table
// breaks on them (`table["constructor"]` is a function; assigning `table["__proto__"]` sets the prototype).
import fc from 'fast-check';

export const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__proto__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
] as const;

/** Ordinary names and prototype names, so a generated table meets both. */
export function namePool(ordinary: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ordinary) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) });
}
