/** The `if` validators of a compiled template by subschema object, found once per compiled template. */
import { ifPointers } from '../runtime/compiled-template.js';
import type { CompiledTemplate, Validator } from '../types.js';

const tables = new WeakMap<CompiledTemplate, WeakMap<object, Validator>>();

export function ifValidatorsOf(compiled: CompiledTemplate): WeakMap<object, Validator> {
  let ifs = tables.get(compiled);
  if (!ifs) {
    ifs = new WeakMap<object, Validator>();
    for (const { pointer, schema } of ifPointers(compiled.schema)) {
      const validate = compiled.validators.ifs[pointer];
      if (validate) ifs.set(schema, validate);
    }
    tables.set(compiled, ifs);
  }
  return ifs;
}
