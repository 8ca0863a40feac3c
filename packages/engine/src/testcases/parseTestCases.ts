import type { Json } from '../types.js';
import type { ParseTestCasesResult, TestCase, TestCaseExpect, TestCaseProblem } from './types.js';

const CASE_KEYS = new Set(['name', 'description', 'versions', 'data', 'to', 'now', 'expect']);
const BOOLEAN_EXPECTS = ['valid', 'canProceed'] as const;
const GATE_EXPECTS = ['blocked', 'warned', 'met', 'notApplicable'] as const;
const POINTER_EXPECTS = ['errors', 'pruned'] as const;
const EXPECT_KEYS = new Set<string>([...BOOLEAN_EXPECTS, ...GATE_EXPECTS, ...POINTER_EXPECTS]);

// RFC 3339 date-time with an explicit offset: a `now` without a zone would depend on the machine running the case.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const escapeToken = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** A plain ISO-8601 instant check shared with the CLI's `--now`. */
export function isInstant(value: string): boolean {
  return INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Checks the shape of a test case file (one case or an array of cases) and returns the typed cases, or every
 * problem found. Whether the gate ids and stages exist is a question for the template: `runTestCases` answers it.
 */
export function parseTestCases(value: unknown): ParseTestCasesResult {
  const problems: TestCaseProblem[] = [];
  const items = Array.isArray(value) ? value : [value];
  const base = Array.isArray(value) ? (i: number) => `/${i}` : () => '';
  if (Array.isArray(value) && value.length === 0) {
    problems.push({
      code: 'not-a-test-case',
      pointer: '',
      message: 'The file holds an empty list. Add at least one test case, or delete the file.',
    });
  }
  const cases: TestCase[] = [];
  const names = new Map<string, string>();
  items.forEach((item, i) => {
    const at = base(i);
    const parsed = parseCase(item, at, problems);
    const name = isObject(item) && typeof item.name === 'string' ? item.name : undefined;
    if (name !== undefined) {
      const seen = names.get(name);
      if (seen !== undefined) {
        problems.push({
          code: 'duplicate-name',
          pointer: `${at}/name`,
          message: `The name "${name}" is already used at ${seen || '/'}. Give each case its own name so results can be told apart.`,
        });
      } else names.set(name, at);
    }
    if (!parsed) return;
    cases.push(parsed);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cases };
}

function parseCase(item: unknown, at: string, problems: TestCaseProblem[]): TestCase | undefined {
  if (!isObject(item)) {
    problems.push({
      code: 'not-a-test-case',
      pointer: at,
      message: 'A test case is an object with "name", "data" and "expect". Put several cases in an array.',
    });
    return undefined;
  }
  const before = problems.length;
  const wrong = (key: string, what: string) =>
    problems.push({
      code: 'wrong-type',
      pointer: `${at}/${escapeToken(key)}`,
      message: `"${key}" must be ${what}.`,
    });
  for (const key of Object.keys(item)) {
    if (!CASE_KEYS.has(key)) {
      problems.push({
        code: 'unknown-key',
        pointer: `${at}/${escapeToken(key)}`,
        message: `"${key}" is not a test case key. Use only ${[...CASE_KEYS].join(', ')} (a misspelt key would be silently ignored).`,
      });
    }
  }
  for (const key of ['name', 'data', 'expect']) {
    if (!Object.hasOwn(item, key)) {
      problems.push({
        code: 'missing-key',
        pointer: at,
        message: `The test case has no "${key}". Every case needs "name", "data" and "expect".`,
      });
    }
  }
  const { name, description, versions, to, now, expect } = item;
  if (name !== undefined && (typeof name !== 'string' || name.trim() === ''))
    wrong('name', 'a non-empty string');
  if (description !== undefined && typeof description !== 'string') wrong('description', 'a string');
  if (versions !== undefined && !isNonEmptyStringList(versions)) {
    wrong('versions', 'a non-empty list of template versions such as ["1.0.0"]');
  }
  if (to !== undefined && (typeof to !== 'string' || to === '')) wrong('to', 'a stage id');
  if (now !== undefined && (typeof now !== 'string' || !isInstant(now))) {
    wrong('now', 'an ISO-8601 instant with a time zone, such as "2026-01-31T09:00:00Z"');
  }
  if (expect !== undefined) parseExpect(expect, `${at}/expect`, problems);
  if (problems.length > before) return undefined;
  return item as unknown as TestCase & { data: Json; expect: TestCaseExpect };
}

function parseExpect(expect: unknown, at: string, problems: TestCaseProblem[]): void {
  if (!isObject(expect)) {
    problems.push({ code: 'wrong-type', pointer: at, message: '"expect" must be an object.' });
    return;
  }
  const keys = Object.keys(expect);
  if (keys.length === 0) {
    problems.push({
      code: 'missing-key',
      pointer: at,
      message: '"expect" is empty, so the case could never fail. Say what the result should be.',
    });
  }
  for (const key of keys) {
    const pointer = `${at}/${escapeToken(key)}`;
    const value = expect[key];
    if (!EXPECT_KEYS.has(key)) {
      problems.push({
        code: 'unknown-key',
        pointer,
        message: `"${key}" is not something a case can expect. Use only ${[...EXPECT_KEYS].join(', ')}.`,
      });
    } else if ((BOOLEAN_EXPECTS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') {
        problems.push({ code: 'wrong-type', pointer, message: `"${key}" must be true or false.` });
      }
    } else if ((GATE_EXPECTS as readonly string[]).includes(key)) {
      if (!isStringList(value)) {
        problems.push({ code: 'wrong-type', pointer, message: `"${key}" must be a list of gate ids.` });
      }
    } else if (!isStringList(value) || !value.every((p) => p === '' || p.startsWith('/'))) {
      problems.push({
        code: 'wrong-type',
        pointer,
        message: `"${key}" must be a list of record pointers such as "/incident/occurredAt" ("" for the whole record).`,
      });
    }
  }
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isNonEmptyStringList = (v: unknown): v is string[] =>
  isStringList(v) && v.length > 0 && v.every((s) => s !== '');
