// Fuzz: the scenario validator (`parseScenario`, used by the simulator's editor and `?custom=` links)
// and the definitions importer (/routing's file import) meet random JSON, random values and mutated
// valid documents. Nothing may throw, every error names its field in a readable sentence, and
// whatever is accepted validates again unchanged.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MAX_DEFINITIONS_BYTES, parseDefinitions, topologyOf } from '@/lib/routing/definitions';
import { readJson } from '@/lib/simulate/editor';
import { builtInScenarios, createSimulation, parseIntervention, parseScenario } from '@/simulator';
import { applyJsonEdit, expectReadable, expectSame, jsonEdit, mutatedJson, mutatedString, RUNS } from './mutate';

// Hundreds of runs on a loaded 2-core machine can pass the default 5 s per test.
vi.setConfig({ testTimeout: 30_000 });

const anything = fc.anything({
  maxDepth: 3,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
});
/** How a value reads in a failure message, and what a readable error may quote back. */
const shown = (v: unknown) => fc.stringify(v);

describe('parseScenario', () => {
  const scenarios = builtInScenarios.map((b) => JSON.parse(JSON.stringify(b.scenario)) as unknown);
  const valid = fc.constantFrom(...scenarios);

  function expectErrorsReadable(r: ReturnType<typeof parseScenario>, input: unknown) {
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expectReadable(e.path, shown(input));
      expectReadable(e.message, shown(input));
    }
  }

  it('every built-in scenario is valid and validates again unchanged', () => {
    for (const s of scenarios) {
      const r = parseScenario(s);
      expect(r.ok).toBe(true);
      if (r.ok) expect(parseScenario(JSON.parse(JSON.stringify(r.scenario)))).toEqual(r);
    }
  });

  it('a missing field is reported as missing, not as "received undefined" (found by this fuzz)', () => {
    const s = structuredClone(scenarios.find((x) => (x as { rabbitmq?: unknown }).rabbitmq)) as { rabbitmq: Record<string, unknown> };
    delete s.rabbitmq.queues;
    expect(parseScenario(s)).toEqual({ ok: false, errors: [{ path: 'rabbitmq.queues', message: 'is missing' }] });
    // A field with its own message keeps it.
    expect(parseIntervention({ type: 'kafka.crashConsumer', group: 'analytics' })).toEqual({
      ok: false,
      errors: [{ path: 'consumer', message: 'must be a text id' }],
    });
  });

  it('random values and JSON: no throw, readable errors', () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.jsonValue({ maxDepth: 4 })), (input) => expectErrorsReadable(parseScenario(input), input)),
      { numRuns: RUNS.fast },
    );
  });

  it('mutated built-in scenarios: no throw; an error names the field that was edited; accepted ones are stable and run', () => {
    fc.assert(
      fc.property(valid, jsonEdit, (scenario, edit) => {
        const { value, path } = applyJsonEdit(scenario, edit);
        const input = JSON.parse(JSON.stringify(value) ?? 'null') as unknown;
        const r = parseScenario(input);
        expectErrorsReadable(r, input);
        if (r.ok) {
          expectSame(parseScenario(JSON.parse(JSON.stringify(r.scenario))), r, 'scenario');
          // What the schema accepts the engine runs to its end (or its budget), names like "__proto__" included.
          const sim = createSimulation(r.scenario, 1, { budget: 20_000 });
          sim.runUntil(Infinity);
          expect(sim.time).toBe(sim.endTime);
          return;
        }
        // Edits below the top level must be reported at a named field, not as "(scenario)".
        if (path.length > 0)
          expect(
            r.errors.some((e) => e.path !== '(scenario)'),
            JSON.stringify(r.errors),
          ).toBe(true);
      }),
      { numRuns: RUNS.medium },
    );
  });

  it('mutated scenario text in the editor: no throw, a readable JSON or schema error', () => {
    const text = valid.map((s) => JSON.stringify(s, null, 2));
    fc.assert(
      fc.property(mutatedString(text), (t) => {
        const json = readJson(t);
        if (!json.ok) {
          for (const e of json.errors) expectReadable(e.message, t);
          return;
        }
        expectErrorsReadable(parseScenario(json.value), json.value);
      }),
      { numRuns: RUNS.medium },
    );
  });

  it('interventions: no throw, readable errors', () => {
    const crash = fc.constant({ type: 'kafka.crashConsumer', group: 'analytics', consumer: 'B' });
    fc.assert(
      fc.property(fc.oneof(anything, mutatedJson(crash)), (input) => {
        const r = parseIntervention(input);
        if (!r.ok) for (const e of r.errors) expectReadable(`${e.path}: ${e.message}`, shown(input));
      }),
      { numRuns: RUNS.fast },
    );
  });
});

describe('parseDefinitions (RabbitMQ definitions import)', () => {
  const fixture = readFileSync(new URL('../../e2e/fixtures/definitions.json', import.meta.url), 'utf8');
  const fixtureJson = JSON.parse(fixture) as unknown;

  /** What the import does with a file: parse, then build the topology of every vhost it names. */
  function importText(text: string) {
    const r = parseDefinitions(text);
    if (!r.ok) {
      expectReadable(r.error, text);
      return r;
    }
    for (const vhost of r.vhosts) {
      const { notes } = topologyOf(r.definitions, vhost);
      for (const n of notes) expectReadable(n, text);
    }
    expectSame(parseDefinitions(JSON.stringify(r.definitions)), r, 'definitions');
    return r;
  }

  it('the fixture export imports and round-trips', () => {
    const r = importText(fixture);
    expect(r.ok && r.vhosts).toEqual(['/', 'shop']);
  });

  it('a missing field is reported as missing (found by this fuzz)', () => {
    expect(parseDefinitions('{"queues":[{"vhost":"/"}]}')).toEqual({
      ok: false,
      error: 'Not a RabbitMQ definitions file: queues[0].name: is missing',
      problems: ['queues[0].name: is missing'],
      more: 0,
    });
  });

  it('a policy pattern too large to compile becomes a note, not an exception (found by this fuzz)', () => {
    const defs = structuredClone(fixtureJson) as { policies: { pattern: string }[] };
    defs.policies[0]!.pattern = `^billing$${'x'.repeat(100_000)}`;
    const r = parseDefinitions(JSON.stringify(defs));
    if (!r.ok) throw new Error(r.error);
    expect(topologyOf(r.definitions, 'shop').notes.join('\n')).toMatch(
      /^Policy "billing-ae" has a pattern this page cannot evaluate \(it is longer than 10,000 characters; .*\), so it is ignored$/m,
    );
  });

  it('an oversize file is refused with its size limit', () => {
    const r = parseDefinitions(' '.repeat(MAX_DEFINITIONS_BYTES + 1));
    expect(r).toEqual({ ok: false, error: 'The file is larger than 5 MB' });
  });

  it('random text, random JSON and stringified values: no throw, readable errors', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json({ maxDepth: 4 }),
      anything.map((v) => {
        try {
          return JSON.stringify(v) ?? '';
        } catch {
          return fc.stringify(v); // BigInt cannot be JSON
        }
      }),
    );
    fc.assert(
      fc.property(text, (t) => {
        importText(t);
      }),
      { numRuns: RUNS.fast },
    );
  });

  it('mutated exports: no throw; a schema error names the field that was edited', () => {
    fc.assert(
      fc.property(fc.constant(fixtureJson), jsonEdit, (defs, edit) => {
        const { value, path } = applyJsonEdit(defs, edit);
        const r = importText(JSON.stringify(value) ?? '');
        if (!r.ok && path.length > 1 && r.problems) {
          // e.g. "queues[0].name: is missing"
          for (const p of r.problems) expect(p).toMatch(/^[a-z_-]+(\[\d+\])?(\.[\w-]+|\[\d+\])*: \S/);
        }
      }),
      { numRuns: RUNS.medium },
    );
  });

  it('mutated export text (truncated, flipped, garbage, huge): no throw, readable errors', () => {
    fc.assert(
      fc.property(mutatedString(fc.constant(fixture)), (t) => {
        importText(t);
      }),
      { numRuns: RUNS.medium },
    );
  });
});
