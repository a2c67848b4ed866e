// RabbitMQ headers exchange matching, 3.13+ semantics. Source: rabbitmq-server
// rabbit_exchange_type_headers.erl, mc_amqpl.erl, exchanges_SUITE.erl.
import { nameTableOf } from '../core/table';

export type HeaderValue = string | number | boolean | null;

/**
 * JavaScript has one number type, AMQP has integers and floats, and RabbitMQ 3.13+ compares them
 * exactly (1 ≠ 1.0). A plain number is an integer when Number.isInteger, else a float (this is how
 * amqplib encodes it). To say "float 1.0" write { type: 'float', value: 1 }; { type: 'int' } forces an
 * integer (the value must then be whole).
 */
export interface TypedNumber {
  type: 'int' | 'float';
  value: number;
}

/** Any header or binding-argument value headersMatch accepts: a HeaderValue or a TypedNumber. */
export type HeaderArg = HeaderValue | TypedNumber;

export type XMatch = 'all' | 'any' | 'all-with-x' | 'any-with-x';
export const X_MATCH_VALUES: readonly XMatch[] = ['all', 'any', 'all-with-x', 'any-with-x'];

/**
 * A headers table (or binding arguments) without a prototype, so any header name is an ordinary key:
 * RabbitMQ accepts headers called "constructor" or "__proto__", and on a plain object the first reads
 * Object.prototype's member and assigning the second replaces the prototype.
 */
export function headerTable(entries: Iterable<readonly [string, HeaderArg]> = []): Record<string, HeaderArg> {
  return nameTableOf(entries);
}

/** The value of header `name` when the table has it as its own key (never an inherited member). */
export function ownHeader(table: Record<string, HeaderArg> | undefined, name: string): HeaderArg | undefined {
  return table !== undefined && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

function isTyped(v: HeaderArg): v is TypedNumber {
  return typeof v === 'object' && v !== null;
}

/** Erlang exact equality (=:=) after type tags are dropped: integer widths merge, int ≠ float. */
export function headerValuesEqual(a: HeaderArg, b: HeaderArg): boolean {
  const aNum = typeof a === 'number' || isTyped(a);
  const bNum = typeof b === 'number' || isTyped(b);
  if (aNum || bNum) {
    if (!aNum || !bNum) return false;
    const av = isTyped(a) ? a.value : (a as number);
    const bv = isTyped(b) ? b.value : (b as number);
    const aFloat = isTyped(a) ? a.type === 'float' : !Number.isInteger(av);
    const bFloat = isTyped(b) ? b.type === 'float' : !Number.isInteger(bv);
    return aFloat === bFloat && av === bv;
  }
  return a === b;
}

/** A readable error when RabbitMQ would refuse this headers binding (406 PRECONDITION_FAILED), else null. */
export function validateHeadersBinding(args: Record<string, HeaderArg> | undefined): string | null {
  if (!args || !Object.prototype.hasOwnProperty.call(args, 'x-match')) return null;
  const x = args['x-match'];
  if (typeof x !== 'string' || !(X_MATCH_VALUES as readonly string[]).includes(x)) {
    return `x-match must be one of all, any, all-with-x or any-with-x (got ${JSON.stringify(x)}); RabbitMQ fails the bind with 406 PRECONDITION_FAILED`;
  }
  return null;
}

/** The binding's x-match, "all" when absent; null when invalid (such a binding cannot exist). */
export function xMatchOf(args: Record<string, HeaderArg> | undefined): XMatch | null {
  if (validateHeadersBinding(args)) return null;
  return (args?.['x-match'] as XMatch | undefined) ?? 'all';
}

/**
 * True when a message with these headers reaches a headers binding with these arguments.
 * The routing key plays no part. An invalid x-match never matches (RabbitMQ refuses the bind).
 */
export function headersMatch(bindingArguments: Record<string, HeaderArg>, headers: Record<string, HeaderArg> | undefined): boolean {
  const xMatch = xMatchOf(bindingArguments);
  if (xMatch === null) return false;
  const withX = xMatch === 'all-with-x' || xMatch === 'any-with-x';
  const all = xMatch === 'all' || xMatch === 'all-with-x';
  for (const name of Object.keys(bindingArguments)) {
    if (name === 'x-match' || (!withX && name.startsWith('x-'))) continue;
    const want = bindingArguments[name]!;
    const got = ownHeader(headers, name);
    // A void (null) binding value asks only that the header be present.
    const ok = got !== undefined && (want === null || headerValuesEqual(want, got));
    if (all && !ok) return false;
    if (!all && ok) return true;
  }
  // all: nothing failed (also when nothing was compared); any: nothing matched.
  return all;
}
