import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headersMatch, headerValuesEqual, validateHeadersBinding, type HeaderArg } from '@/simulator/rabbitmq/headers';
import { loadVector } from './vectors';

type Field = [string, string, unknown];
interface HeaderVectors {
  vectors: { name: string; binding: Field[]; headers: Field[] | null; match: boolean }[];
}

/** AMQP typed fields → our values: floats become { type: 'float' }, void becomes null. */
function toValue([, type, value]: Field): HeaderArg {
  if (type === 'void') return null;
  if (type === 'double' || type === 'float') return { type: 'float', value: value as number };
  if (['long', 'signedint', 'int', 'short', 'byte', 'unsignedint', 'unsignedshort', 'unsignedbyte', 'longlong'].includes(type))
    return { type: 'int', value: value as number };
  if (type === 'longstr' || type === 'shortstr' || type === 'bool' || type === 'boolean') return value as string | boolean;
  throw new Error(`unmapped AMQP type ${type}`);
}
const toRecord = (fields: Field[]) => Object.fromEntries(fields.map((f) => [f[0], toValue(f)]));

const vectors = loadVector<HeaderVectors>('rabbit_headers.json').vectors;

describe('headersMatch: RabbitMQ vectors', () => {
  it.each(vectors)('$name → $match', (v) => {
    expect(headersMatch(toRecord(v.binding), v.headers ? toRecord(v.headers) : undefined)).toBe(v.match);
  });
});

describe('headersMatch: the rules', () => {
  it.each<[string, Record<string, HeaderArg>, Record<string, HeaderArg> | undefined, boolean]>([
    ['all with nothing to compare matches every message', { 'x-match': 'all' }, undefined, true],
    ['absent x-match means all', { a: '1', b: '2' }, { a: '1', b: '2' }, true],
    ['absent x-match means all (one differs)', { a: '1', b: '2' }, { a: '1', b: '3' }, false],
    ['any with nothing to compare matches nothing', { 'x-match': 'any' }, { a: '1' }, false],
    ['all skips x- arguments', { 'x-match': 'all', 'x-foo': 'y', a: 'b' }, { a: 'b' }, true],
    ['all-with-x compares x- arguments', { 'x-match': 'all-with-x', 'x-foo': 'y', a: 'b' }, { a: 'b' }, false],
    ['all-with-x compares x- arguments (present)', { 'x-match': 'all-with-x', 'x-foo': 'y', a: 'b' }, { a: 'b', 'x-foo': 'y' }, true],
    ['any with only x- arguments matches nothing', { 'x-match': 'any', 'x-foo': 'y' }, { 'x-foo': 'y' }, false],
    ['any-with-x matches on an x- header', { 'x-match': 'any-with-x', 'x-foo': 'y' }, { 'x-foo': 'y' }, true],
    ['null binding value asks for presence', { a: null }, { a: 'anything' }, true],
    ['null binding value: header missing', { a: null }, { b: 'x' }, false],
    ['null binding value: header present as void', { a: null }, { a: null }, true],
    ['string "1" never equals number 1', { a: '1' }, { a: 1 }, false],
    ['int 1 does not equal float 1.0 (3.13+)', { a: 1 }, { a: { type: 'float', value: 1 } }, false],
    ['float equals float', { a: { type: 'float', value: 1 } }, { a: { type: 'float', value: 1 } }, true],
    ['plain 1.5 is a float', { a: 1.5 }, { a: { type: 'float', value: 1.5 } }, true],
    ['int widths compare by value', { a: { type: 'int', value: 7 } }, { a: 7 }, true],
    ['true is not "true"', { a: true }, { a: 'true' }, false],
    ['names are case-sensitive', { A: 'x' }, { a: 'x' }, false],
    ['values are case-sensitive', { a: 'X' }, { a: 'x' }, false],
    ['any: one of two matches', { 'x-match': 'any', a: '1', b: '2' }, { b: '2' }, true],
    ['a bad x-match never matches', { 'x-match': 'some', a: '1' }, { a: '1' }, false],
  ])('%s', (_name, args, headers, expected) => {
    expect(headersMatch(args, headers)).toBe(expected);
  });

  it('undefined headers and {} route alike', () => {
    const args = fc.dictionary(fc.constantFrom('a', 'b', 'x-c'), fc.constantFrom<HeaderArg>('1', 2, null, true));
    const xm = fc.constantFrom('all', 'any', 'all-with-x', 'any-with-x');
    fc.assert(
      fc.property(args, xm, (a, x) => headersMatch({ ...a, 'x-match': x }, undefined) === headersMatch({ ...a, 'x-match': x }, {})),
    );
  });
  it('all implies any when something is compared; a message carrying exactly the binding matches', () => {
    const args = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.constantFrom<HeaderArg>('1', 2, 2.5, null, false), { minKeys: 1 });
    const hdrs = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom<HeaderArg>('1', 2, 2.5, null, false));
    fc.assert(
      fc.property(args, hdrs, (a, h) => {
        if (headersMatch({ ...a, 'x-match': 'all' }, h) && !headersMatch({ ...a, 'x-match': 'any' }, h)) return false;
        const self = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v ?? 'present']));
        return headersMatch(a, self);
      }),
    );
  });
  it('headerValuesEqual is symmetric', () => {
    const v = fc.oneof(
      fc.constantFrom<HeaderArg>('1', 1, 1.5, true, null),
      fc.record({ type: fc.constantFrom('int' as const, 'float' as const), value: fc.constantFrom(1, 1.5) }),
    );
    fc.assert(fc.property(v, v, (a, b) => headerValuesEqual(a, b) === headerValuesEqual(b, a)));
  });
});

describe('validateHeadersBinding', () => {
  it.each(['all', 'any', 'all-with-x', 'any-with-x'])('accepts x-match %s', (x) => {
    expect(validateHeadersBinding({ 'x-match': x, a: '1' })).toBeNull();
  });
  it('accepts a binding without x-match', () => expect(validateHeadersBinding({ a: '1' })).toBeNull());
  it.each<HeaderArg>(['ALL', 'some', '', 1, null])('refuses x-match %s with 406', (x) => {
    expect(validateHeadersBinding({ 'x-match': x })).toMatch(/406 PRECONDITION_FAILED/);
  });
});
