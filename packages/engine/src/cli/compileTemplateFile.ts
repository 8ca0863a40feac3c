import { compile } from '../index.js';
import type { CompiledTemplate, Template } from '../types.js';
import { describeProblems } from './describeProblems.js';
import { InputError } from './InputError.js';
import { readJsonFile } from './readJsonFile.js';

/** Reads and compiles a template file; anything unusable becomes one InputError line. */
export function compileTemplateFile(path: string): { template: Template; compiled: CompiledTemplate } {
  const template = readJsonFile(path, 'template');
  const result = compile(template);
  if (!result.ok) throw new InputError(describeProblems(path, result.problems), 'invalid-template');
  return { template: template as Template, compiled: result.compiled };
}
