/** Small builders shared by the engine's unit tests. */
import { compile } from '../src/index.js';
import type { CompiledTemplate, Template } from '../src/types.js';

export function compiled(template: unknown): CompiledTemplate {
  const result = compile(template);
  if (!result.ok) throw new Error(`fixture does not compile: ${JSON.stringify(result.problems, null, 2)}`);
  return result.compiled;
}

/** A minimal template around a form schema's `properties`. */
export function formWith(properties: Template['schema'], extra: Partial<Template> = {}): Template {
  return {
    id: 'unit',
    version: '1.0.0',
    title: 'Unit',
    schema: { type: 'object', properties: properties as never },
    ...extra,
  };
}

export function problemCodes(template: unknown): string[] {
  const result = compile(template);
  return result.ok ? [] : result.problems.map((p) => p.code);
}
