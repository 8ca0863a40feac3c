/** @formwork/engine: the full engine (with ajv's compiler), for Node and tooling. Browser code uses ./runtime. */

export { compile } from './compile/compile.js';
export { LIMITS } from './compile/limits.js';
export { templateMetaSchema } from './compile/template-meta-schema.js';
export { precompile } from './precompile/precompile.js';
export * from './runtime/index.js';
export type {
  ParseTestCasesResult,
  TestCase,
  TestCaseExpect,
  TestCaseProblem,
  TestCaseProblemCode,
  TestCaseResult,
} from './testcases/index.js';
export { parseTestCases, runTestCases } from './testcases/index.js';
export { registerVocabulary, vocabularyKeywords } from './vocabulary/index.js';

// ---- Added by the CLI / test-case work (runTestCases etc.): export them below this line. ----
