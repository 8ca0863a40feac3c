export { isInstant, parseTestCases } from './parseTestCases.js';
export { appliesTo, runTestCases } from './runTestCases.js';
export type {
  ParseTestCasesResult,
  TestCase,
  TestCaseExpect,
  TestCaseProblem,
  TestCaseProblemCode,
  TestCaseResult,
} from './types.js';
