/** Runs one validator so that it can only fail closed: a validator that throws counts as failing. */
import type { ValidationContext, Validator, ValidatorError } from '../types.js';

export function runValidator(
  validate: Validator,
  context: ValidationContext,
  data: unknown,
): { ok: boolean; errors: ValidatorError[] | null } {
  try {
    const ok = validate.call(context, data, { rootData: data }) === true;
    return { ok, errors: ok ? null : (validate.errors ?? null) };
  } catch (error) {
    // It should not throw; if it does, the record does not pass on its word.
    return {
      ok: false,
      errors: [
        {
          instancePath: '',
          schemaPath: '#',
          keyword: 'engine',
          params: { reason: (error as Error).message },
        },
      ],
    };
  }
}
