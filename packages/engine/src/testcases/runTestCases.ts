import { evaluate, prune } from '../runtime/index.js';
import type { CompiledTemplate, EvaluateResult, GateResult } from '../types.js';
import { parseTestCases } from './parseTestCases.js';
import type { TestCase, TestCaseExpect, TestCaseResult } from './types.js';

/** Whether a case applies to a template version (no `versions` = every version). */
export function appliesTo(testCase: Pick<TestCase, 'versions'>, version: string): boolean {
  return testCase.versions === undefined || testCase.versions.includes(version);
}

/**
 * Runs logic test cases against one compiled template version. Pure: no I/O, no clock (a case that needs the time
 * gives it as `now`). Cases whose `versions` leave this version out are not run and not returned. A case that is
 * malformed, or names a gate or stage the template does not have, fails with the reason: it never passes by
 * checking nothing.
 */
export function runTestCases(compiled: CompiledTemplate, cases: readonly TestCase[]): TestCaseResult[] {
  const template = compiled.template;
  const results: TestCaseResult[] = [];
  for (const testCase of cases) {
    const shape = parseTestCases(testCase);
    if (!shape.ok) {
      results.push({
        name: typeof testCase?.name === 'string' ? testCase.name : '(unnamed case)',
        passed: false,
        failures: shape.problems.map(
          (p) => `The case itself is not usable at ${p.pointer || '/'}: ${p.message}`,
        ),
      });
      continue;
    }
    if (!appliesTo(testCase, template.version)) continue;
    results.push(runOne(compiled, testCase));
  }
  return results;
}

function runOne(compiled: CompiledTemplate, testCase: TestCase): TestCaseResult {
  const failures = checkAgainstTemplate(compiled, testCase);
  if (failures.length === 0) {
    const options: { to?: string; now?: string } = {};
    if (testCase.to !== undefined) options.to = testCase.to;
    if (testCase.now !== undefined) options.now = testCase.now;
    const result = evaluate(compiled, testCase.data, options);
    failures.push(...compareResult(testCase.expect, result));
    if (testCase.expect.pruned !== undefined) {
      const removed = prune(compiled, testCase.data).removed.map((r) => r.path);
      failures.push(...compareSet('pruned values', testCase.expect.pruned, removed));
    }
  }
  return { name: testCase.name, passed: failures.length === 0, failures };
}

/** Gate ids, stages and versions a case names must exist, or a typo would make the case pass vacuously. */
function checkAgainstTemplate(compiled: CompiledTemplate, testCase: TestCase): string[] {
  const failures: string[] = [];
  const { template } = compiled;
  const gateIds = new Set(compiled.gates.map((g) => g.id));
  const stageIds = new Set(compiled.stages.map((s) => s.id));
  const gateLists: (keyof TestCaseExpect)[] = ['blocked', 'warned', 'met', 'notApplicable'];
  for (const key of gateLists) {
    const ids = testCase.expect[key];
    if (!Array.isArray(ids)) continue;
    for (const id of ids) {
      if (!gateIds.has(id)) {
        failures.push(
          `expect.${key} names the gate "${id}", which template ${template.id} ${template.version} does not have${
            gateIds.size > 0 ? ` (its gates: ${[...gateIds].join(', ')})` : ' (it has no gates)'
          }.`,
        );
      }
    }
  }
  if (testCase.to !== undefined && !stageIds.has(testCase.to)) {
    failures.push(
      `"to" names the stage "${testCase.to}", which template ${template.id} ${template.version} does not have${
        stageIds.size > 0 ? ` (its stages: ${[...stageIds].join(', ')})` : ' (it has no stages)'
      }.`,
    );
  }
  return failures;
}

function compareResult(expect: TestCaseExpect, result: EvaluateResult): string[] {
  const failures: string[] = [];
  const errorPaths = errorPathsFor(result, expect.errors);
  if (expect.valid !== undefined && expect.valid !== result.valid) {
    const detail = result.errors.length
      ? ` Errors: ${result.errors.map((e) => `${e.path || '(record)'} ${e.rule}: ${e.message}`).join('; ')}.`
      : '';
    failures.push(`Expected the record to be ${expect.valid ? 'valid' : 'invalid'}, but it is not.${detail}`);
  }
  if (expect.canProceed !== undefined && expect.canProceed !== result.canProceed) {
    const blocking = result.gates
      .filter((g) => g.status === 'blocked' && g.severity === 'block')
      .map(describeGate);
    const why = expect.canProceed
      ? ` It cannot because ${[!result.valid ? 'the record is not valid' : '', ...blocking].filter(Boolean).join('; ') || 'of an error'}.`
      : '';
    failures.push(`Expected canProceed to be ${expect.canProceed}, but it is ${result.canProceed}.${why}`);
  }
  const byStatus = (status: GateResult['status'], severity?: GateResult['severity']) =>
    result.gates
      .filter((g) => g.status === status && (severity === undefined || g.severity === severity))
      .map((g) => g.id);
  if (expect.blocked)
    failures.push(...compareSet('blocking gates', expect.blocked, byStatus('blocked', 'block')));
  if (expect.warned)
    failures.push(...compareSet('warning gates', expect.warned, byStatus('blocked', 'warn')));
  if (expect.met) failures.push(...compareSet('met gates', expect.met, byStatus('met')));
  if (expect.notApplicable) {
    failures.push(...compareSet('not-applicable gates', expect.notApplicable, byStatus('not-applicable')));
  }
  if (expect.errors) failures.push(...compareSet('error paths', expect.errors, errorPaths));
  return failures;
}

/**
 * The error paths to compare. evaluate reports a required group nobody has started as the questions inside it
 * (each with `group`); a case may still name the group's own pointer, as cases written before did: a question
 * under a listed group counts as that group.
 */
function errorPathsFor(result: EvaluateResult, expected: readonly string[] | undefined): string[] {
  const direct = new Set(result.errors.map((e) => e.path));
  const groups = (expected ?? []).filter((p) => p !== '' && !direct.has(p));
  const paths = result.errors.map((e) => {
    if (e.group === undefined) return e.path;
    let listed: string | undefined;
    for (const p of groups)
      if (e.path.startsWith(`${p}/`) && (listed === undefined || p.length > listed.length)) listed = p;
    return listed ?? e.path;
  });
  return [...new Set(paths)];
}

function describeGate(gate: GateResult): string {
  return gate.missing.length > 0
    ? `gate ${gate.id} needs ${gate.missing.join(', ')}`
    : `gate ${gate.id} is blocked`;
}

/** Compares two sets and says, in one sentence, what is missing and what is extra. */
function compareSet(what: string, expected: readonly string[], actual: readonly string[]): string[] {
  const want = new Set(expected);
  const got = new Set(actual);
  const missing = [...want].filter((x) => !got.has(x));
  const extra = [...got].filter((x) => !want.has(x));
  if (missing.length === 0 && extra.length === 0) return [];
  const show = (xs: string[]) => xs.map((x) => (x === '' ? '"" (the whole record)' : x)).join(', ');
  const parts = [
    missing.length > 0 ? `expected but not found: ${show(missing)}` : '',
    extra.length > 0 ? `found but not expected: ${show(extra)}` : '',
  ].filter(Boolean);
  return [
    `The ${what} differ: ${parts.join('; ')}. (Found: ${actual.length > 0 ? show([...got]) : 'none'}.)`,
  ];
}
