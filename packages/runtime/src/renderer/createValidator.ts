import { type CompiledTemplate, evaluate, type Json } from '@formwork/engine/runtime';
import type { ErrorSchema, RJSFSchema, ValidationData, ValidatorType } from '@rjsf/utils';
import { toRjsfErrors, toSectionErrorSchema } from './errorSchema.js';
import { setIn } from './record.js';

export interface ValidatorScope {
  /** Record pointer of the data rjsf holds (`""` for the whole record, `/incident` for one section). */
  prefix: string;
  /** The whole record as it stands, so that a section is judged with everything else it depends on. */
  record: () => Json;
  now?: () => string;
}

/**
 * rjsf's `ValidatorType` answered by the engine: no ajv, no schema compiled in the browser.
 * - `isValid` (rjsf's condition questions) → the template's precompiled `if` validators (`compiled.isValid`).
 * - `validateFormData` → the engine's `evaluate` on the whole record, its messages mapped to rjsf's errors for the
 *   part of the record this form holds (the engine's words, no ajv wording, nothing from hidden branches).
 * The `schema` rjsf passes is ignored on purpose: the template's compiled validators are the only judge.
 */
export function createValidator(compiled: CompiledTemplate, scope: ValidatorScope): ValidatorType {
  const judge = (formData: unknown) => {
    const record = setIn(scope.record(), scope.prefix, formData as Json);
    const now = scope.now?.();
    return evaluate(compiled, record, now === undefined ? {} : { now });
  };
  return {
    isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
      return compiled.isValid(schema, formData, rootSchema);
    },
    validateFormData(formData: unknown): ValidationData<unknown> {
      const result = judge(formData);
      return {
        errors: toRjsfErrors(result.errors, scope.prefix),
        errorSchema: toSectionErrorSchema(result.errors, scope.prefix) as ErrorSchema<unknown>,
      };
    },
    rawValidation<Result = unknown>(_schema: RJSFSchema, formData?: unknown) {
      return { errors: judge(formData).errors as unknown as Result[] };
    },
  };
}
