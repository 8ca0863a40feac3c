import type { Json } from '../types.js';

/**
 * What a logic test case expects. Every list is an exact set: a gate or pointer that appears in the result but not
 * in the list is as much a mismatch as one that is missing. Leave a key out to not check it.
 */
export interface TestCaseExpect {
  valid?: boolean;
  canProceed?: boolean;
  /** Gates with severity `block` whose status is `blocked`. */
  blocked?: string[];
  /** Gates with severity `warn` whose status is `blocked`. */
  warned?: string[];
  met?: string[];
  notApplicable?: string[];
  /**
   * Record pointers of the field errors (`path` of each error, duplicates ignored). A required group nobody has
   * started may be listed by its own pointer: it stands for the questions inside it that evaluate reports.
   */
  errors?: string[];
  /** Record pointers that `prune` removes. */
  pruned?: string[];
}

/** One logic test case, as stored in `forms/<id>/tests/<name>.json` (one case or an array of cases). */
export interface TestCase {
  name: string;
  description?: string;
  /** Template versions the case applies to; absent = every version of the template. */
  versions?: string[];
  data: Json;
  /** The stage the record wants to enter (`evaluate`'s `to`). */
  to?: string;
  /** ISO-8601 instant passed to `evaluate` as `now`. */
  now?: string;
  expect: TestCaseExpect;
}

export interface TestCaseResult {
  name: string;
  passed: boolean;
  /** One plain sentence per mismatch (or per problem with the case itself). Empty when passed. */
  failures: string[];
}

export type TestCaseProblemCode =
  | 'not-a-test-case'
  | 'unknown-key'
  | 'wrong-type'
  | 'missing-key'
  | 'duplicate-name';

/** A problem with a test case file: data, never an exception. */
export interface TestCaseProblem {
  code: TestCaseProblemCode;
  /** JSON pointer into the test case file. */
  pointer: string;
  message: string;
}

export type ParseTestCasesResult =
  | { ok: true; cases: TestCase[] }
  | { ok: false; problems: TestCaseProblem[] };
