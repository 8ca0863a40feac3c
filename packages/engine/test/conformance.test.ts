// JSON Schema Test Suite (draft 2020-12, required tests only) run through the engine: each test group becomes a
// template with no gates, each test's data a record, and `evaluate(...).valid` must match the suite.
// A template's root schema must be `type: "object"` (a record is an object), while the suite's schemas judge any
// value. So the suite's schema is served as a separate document through compile's `schemas` option (as remotes/
// are) and the template asks for it at a property: `{type: object, properties: {g<i>: {$ref}}}`,
// with the record `{g<i>: data}` (one template per suite file, see runSuite). Its `#` references still resolve
// inside its own document.
// Every failure is either fixed or listed with a reason in conformance-known-failures.json; a listed failure that
// now passes fails this test too, so the list stays honest.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, evaluate, loadPrecompiled, precompile } from '../src/index.js';
import type { JsonSchema, PrecompiledModule } from '../src/types.js';

const here = dirname(fileURLToPath(import.meta.url));
// The suite lives in ../shared beside the checkout, on developer machines and in CI alike.
const suite = resolve(here, '../../../../shared/conformance/json-schema-test-suite');
const testsDir = join(suite, 'tests/draft2020-12');
const remotesDir = join(suite, 'remotes/draft2020-12');
const knownFailuresFile = resolve(here, '../conformance-known-failures.json');

interface SuiteGroup {
  description: string;
  schema: JsonSchema;
  tests: { description: string; data: unknown; valid: boolean }[];
}
interface KnownFailure {
  /** `file › group` (every test of the group) or `file › group › test`. */
  id: string;
  reason: string;
}
/** A set of groups that compiled, kept to check that its precompiled module decides every test alike. */
interface CompiledSet {
  file: string;
  schemas: Record<string, JsonSchema>;
  schema: { [key: string]: unknown };
  compiled: Extract<Compiled, { ok: true }>['compiled'];
  tests: { group: number; data: unknown }[];
}

interface Outcome {
  id: string;
  group: string;
  passed: boolean;
  detail: string;
}

function readRemotes(dir: string): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) {
        const id = `http://localhost:1234/draft2020-12/${relative(dir, path).split('\\').join('/')}`;
        schemas[id] = JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
      }
    }
  };
  walk(dir);
  return schemas;
}

type Compiled = ReturnType<typeof compile>;

const templateOf = (schema: { [key: string]: unknown }) => ({
  id: 'conformance',
  version: '1.0.0',
  title: 'Conformance',
  schema,
});

function compileSafely(schema: { [key: string]: unknown }, schemas: Record<string, JsonSchema>): Compiled {
  const template = templateOf(schema);
  try {
    return compile(template, { schemas });
  } catch (error) {
    // compile must never throw: report it as a failure of every test it covers, with the message.
    return {
      ok: false,
      problems: [
        { code: 'invalid-schema', pointer: '', message: `compile threw: ${(error as Error).message}` },
      ],
    };
  }
}

/**
 * One template per suite file where possible, with each group's schema at `/g<i>` (compiling is the slow part:
 * about 90 compiles instead of 383). Groups stay independent because a record fills only its own `/g<i>`. A set of
 * groups that does not compile (one schema is rejected, or two share an `$id`) is split in halves until each
 * rejected group stands alone, so a rejection is reported for exactly the groups it belongs to.
 */
function runSuite(rejected: ReadonlySet<string>, sets: CompiledSet[] = []): Outcome[] {
  const remotes = readRemotes(remotesDir);
  const outcomes: Outcome[] = [];
  const files = readdirSync(testsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const groups = JSON.parse(readFileSync(join(testsDir, file), 'utf8')) as SuiteGroup[];
    const documentId = (i: number) => `http://localhost:1234/conformance/${file}/${i}.json`;
    // Bisect: compile the groups together, and split only a set that does not compile, down to the culprits.
    const byGroup: Compiled[] = [];
    const compileSet = (indices: number[]): void => {
      const properties = Object.fromEntries(indices.map((i) => [`g${i}`, { $ref: documentId(i) }]));
      const documents = Object.fromEntries(indices.map((i) => [documentId(i), groups[i]!.schema]));
      // Serving the remotes costs every compile ~100 ms, so only groups that can name them (relative refs included,
      // through an `$id` on localhost:1234) get them.
      const needsRemotes = indices.some((i) => JSON.stringify(groups[i]!.schema).includes('localhost:1234'));
      const schema = { type: 'object', properties };
      const schemas = { ...(needsRemotes ? remotes : {}), ...documents };
      const result = compileSafely(schema, schemas);
      if (result.ok) {
        const tests = indices.flatMap((i) => groups[i]!.tests.map((t) => ({ group: i, data: t.data })));
        sets.push({ file, schemas, schema, compiled: result.compiled, tests });
      }
      if (result.ok || indices.length === 1) {
        for (const i of indices) byGroup[i] = result;
        return;
      }
      const half = Math.ceil(indices.length / 2);
      compileSet(indices.slice(0, half));
      compileSet(indices.slice(half));
    };
    // Groups listed as rejected at compile time go alone straight away (they must still be rejected), so the rest
    // usually compiles in one go instead of being bisected.
    const alone = groups.flatMap((g, i) => (rejected.has(`${file} › ${g.description}`) ? [i] : []));
    for (const i of alone) compileSet([i]);
    const together = groups.map((_, i) => i).filter((i) => !alone.includes(i));
    if (together.length > 0) compileSet(together);
    groups.forEach((group, i) => {
      const groupId = `${file} › ${group.description}`;
      const compiled = byGroup[i]!;
      for (const test of group.tests) {
        const id = `${groupId} › ${test.description}`;
        if (!compiled.ok) {
          const first = compiled.problems[0];
          const detail = `does not compile: ${first?.code} at ${first?.pointer}: ${first?.message}`;
          outcomes.push({ id, group: groupId, passed: false, detail });
          continue;
        }
        try {
          const valid = evaluate(compiled.compiled, { [`g${i}`]: test.data } as never).valid;
          outcomes.push({
            id,
            group: groupId,
            passed: valid === test.valid,
            detail: `valid ${valid}, expected ${test.valid}`,
          });
        } catch (error) {
          outcomes.push({
            id,
            group: groupId,
            passed: false,
            detail: `evaluate threw: ${(error as Error).message}`,
          });
        }
      }
    });
  }
  return outcomes;
}

describe('JSON Schema Test Suite, draft 2020-12 (required tests)', () => {
  let outcomes: Outcome[] = [];
  let known: KnownFailure[] = [];
  const sets: CompiledSet[] = [];

  beforeAll(() => {
    if (!existsSync(testsDir)) {
      throw new Error(
        `The JSON Schema Test Suite is not at ${suite}: check out ../shared beside the repository.`,
      );
    }
    known = (JSON.parse(readFileSync(knownFailuresFile, 'utf8')) as { failures: KnownFailure[] }).failures;
    // Group entries are the groups whose schema the engine rejects (see the list's $comment).
    outcomes = runSuite(new Set(known.filter((k) => k.id.split(' › ').length === 2).map((k) => k.id)), sets);
    const failed = outcomes.filter((o) => !o.passed).length;
    console.log(
      `conformance: ${outcomes.length - failed} passed, ${failed} failed (${known.length} known-failure entries) of ${outcomes.length}`,
    );
  }, 120_000);

  it('runs the whole suite', () => {
    expect(outcomes.length).toBeGreaterThan(1000);
  });

  it('fails only where conformance-known-failures.json says so, with a reason', () => {
    const listed = new Set(known.map((k) => k.id));
    const unexpected = outcomes
      .filter((o) => !o.passed && !listed.has(o.id) && !listed.has(o.group))
      .map((o) => `${o.id}: ${o.detail}`);
    expect(unexpected).toEqual([]);
    for (const entry of known) expect(entry.reason.trim().length, entry.id).toBeGreaterThan(10);
  });

  // The precompiled module is ajv's standalone code rewritten (precompile/*.ts: error table, enum sets, native
  // patterns, short names, eager functions): every suite schema that compiles must decide every test, errors
  // included, exactly as the compiled validators do.
  it('decides every test the same with the precompiled module as with compile', async () => {
    let checked = 0;
    let renamed = 0;
    let eager = 0;
    const differ: string[] = [];
    for (const set of sets) {
      const template = templateOf(set.schema);
      const pre = precompile(template, { schemas: set.schemas });
      if (!pre.ok) {
        differ.push(`${set.file}: does not precompile: ${pre.problems[0]?.message}`);
        continue;
      }
      // The rewrites under test did apply (each leaves code it does not understand as it is).
      if (!pre.code.includes('vErrors')) renamed++;
      if (pre.code.includes('=(function ')) eager++;
      const url = `data:text/javascript;base64,${Buffer.from(pre.code, 'utf8').toString('base64')}`;
      const loaded = loadPrecompiled(
        template as never,
        (await import(/* @vite-ignore */ url)) as PrecompiledModule,
      );
      for (const { group, data } of set.tests) {
        const record = { [`g${group}`]: data } as never;
        const want = JSON.stringify(evaluate(set.compiled, record));
        if (JSON.stringify(evaluate(loaded, record)) !== want)
          differ.push(`${set.file} › g${group}: ${JSON.stringify(data)}`);
        checked++;
      }
    }
    expect(differ).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
    expect(renamed).toBe(sets.length);
    expect(eager).toBeGreaterThan(sets.length * 0.9);
  }, 120_000);

  it('lists no failure that now passes or no longer exists (the list stays honest)', () => {
    const stale = known
      .filter((k) => {
        const covered = outcomes.filter((o) => o.id === k.id || o.group === k.id);
        // A group entry covers every test in the group: all must still fail, or the entry is too broad.
        return covered.length === 0 || covered.some((o) => o.passed);
      })
      .map((k) => k.id);
    expect(stale).toEqual([]);
  });
});
