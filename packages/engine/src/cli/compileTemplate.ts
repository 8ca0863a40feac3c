import { compile } from '../index.js';
import type { CompiledTemplate, Template } from '../types.js';
import { describeProblems } from './describeProblems.js';
import { InputError } from './InputError.js';

/** Compiles a template read from `path`; a template that does not compile becomes one InputError line. */
export function compileTemplate(
  path: string,
  json: unknown,
): { template: Template; compiled: CompiledTemplate } {
  const result = compile(json);
  if (!result.ok) throw new InputError(describeProblems(path, result.problems), 'invalid-template');
  return { template: json as Template, compiled: result.compiled };
}
