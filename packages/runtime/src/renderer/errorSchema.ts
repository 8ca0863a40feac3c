import type { FieldError } from '@formwork/engine/runtime';
import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';

/** Splits a record pointer into its segments (RFC 6901 unescaping). */
export function segments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Whether `pointer` is `prefix` or inside it. */
export function isWithin(pointer: string, prefix: string): boolean {
  return prefix === '' || pointer === prefix || pointer.startsWith(`${prefix}/`);
}

/** The engine's messages for the fields under `prefix`, as an rjsf ErrorSchema relative to it (what a section's
 * `<Form extraErrors>` takes). Messages on the record as a whole go to the error summary only. */
export function toSectionErrorSchema(errors: readonly FieldError[], prefix: string): ErrorSchema {
  const root: ErrorSchema = {};
  for (const e of errors) {
    if (!isWithin(e.path, prefix)) continue;
    const path = segments(e.path).slice(segments(prefix).length);
    let node = root as Record<string, unknown>;
    for (const seg of path) {
      node[seg] ??= {};
      node = node[seg] as Record<string, unknown>;
    }
    const list = (node.__errors as string[] | undefined) ?? [];
    if (!list.includes(e.message)) list.push(e.message);
    node.__errors = list;
  }
  return root;
}

/** The same messages as rjsf's flat error list (for `ValidatorType.validateFormData`). */
export function toRjsfErrors(errors: readonly FieldError[], prefix: string): RJSFValidationError[] {
  return errors
    .filter((e) => isWithin(e.path, prefix))
    .map((e) => {
      const property = segments(e.path).slice(segments(prefix).length).join('.');
      return { name: e.rule, property, message: e.message, stack: e.message, params: {}, schemaPath: '' };
    });
}
