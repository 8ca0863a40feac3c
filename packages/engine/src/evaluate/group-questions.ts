/**
 * What validating the record again with a group started (`{}` at its pointer) would say inside the group, worked
 * out from the schema without validating the whole record again: the `required` of every subschema that applies
 * there, `if`s decided by their compiled validators on the started record. Only for the shapes where that is
 * provably the same answer; anything else (a choice of branches, `not`, `enum`, a keyword this does not know, a
 * reference it cannot follow, a condition without a validator) returns `undefined`, and the caller validates again.
 */
import { isRecord, ownGet, parsePointer } from '../pointer.js';
import type { CompiledTemplate, ValidationContext, Validator, ValidatorError } from '../types.js';
import { resolveRef } from './field-title.js';
import { ifValidatorsOf } from './if-validators.js';

type SchemaObject = { [key: string]: unknown };

/** Keywords that add nothing inside an empty object beyond what is handled below. */
const INERT_IN_EMPTY_OBJECT = new Set([
  'title',
  'description',
  '$comment',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  '$schema',
  '$defs',
  'definitions',
  // These only report at the group itself (or about keys an empty object does not have).
  'type',
  'minProperties',
  'maxProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'patternProperties',
  'propertyNames',
  'dependentRequired',
  'dependentSchemas',
]);
const FOLLOWED = new Set(['properties', 'required', 'allOf', '$ref', 'if', 'then', 'else']);

/** On the path down to the group: keywords that could bring in schemas for it in ways not followed here. */
const OPAQUE_ON_PATH = ['anyOf', 'oneOf', 'not', 'dependentSchemas', '$dynamicRef', 'patternProperties'];

interface Walk {
  compiled: CompiledTemplate;
  context: ValidationContext;
  ifs: WeakMap<object, Validator>;
  baseId: string | undefined;
  record: unknown;
}

/** The schemas applying at one level, branches decided on `value`; `undefined` when that cannot be known. */
function applying(walk: Walk, open: readonly unknown[], value: unknown): SchemaObject[] | undefined {
  const out: SchemaObject[] = [];
  const seen = new Set<unknown>();
  // Depth-first in document order: the order ajv reports in for the shapes admitted here.
  const visit = (s: unknown, depth: number): boolean => {
    if (s === true || seen.has(s)) return true;
    if (!isRecord(s) || depth > 64 || out.length > 2_000) return false;
    // A subschema with its own `$id` resolves references against another base: not followed here.
    if (s !== walk.compiled.schema && s.$id !== undefined) return false;
    seen.add(s);
    out.push(s);
    if (typeof s.$ref === 'string') {
      const target = resolveRef(walk.compiled.schema, s.$ref, walk.baseId);
      if (target === undefined || !visit(target, depth + 1)) return false;
    }
    if (Array.isArray(s.allOf)) for (const branch of s.allOf) if (!visit(branch, depth + 1)) return false;
    if (s.if !== undefined) {
      const validate = isRecord(s.if) ? walk.ifs.get(s.if) : undefined;
      if (!validate) return false;
      let taken: boolean;
      try {
        taken = validate.call(walk.context, value, { rootData: walk.record }) === true;
      } catch {
        return false;
      }
      const branch = taken ? s.then : s.else;
      if (branch !== undefined && !visit(branch, depth + 1)) return false;
    }
    return true;
  };
  for (const s of open) if (!visit(s, 0)) return undefined;
  return out;
}

/**
 * The `required` errors inside the group at `pointer` of `started` (the record with `{}` there), in the shape
 * ajv gives them, or `undefined` when only validating again can tell.
 */
export function groupQuestions(
  compiled: CompiledTemplate,
  context: ValidationContext,
  started: unknown,
  pointer: string,
): ValidatorError[] | undefined {
  const walk: Walk = {
    compiled,
    context,
    ifs: ifValidatorsOf(compiled),
    baseId: typeof compiled.schema.$id === 'string' ? compiled.schema.$id : undefined,
    record: started,
  };
  let open: unknown[] = [compiled.schema];
  let value: unknown = started;
  for (const segment of parsePointer(pointer)) {
    const here = applying(walk, open, value);
    if (!here) return undefined;
    const next: unknown[] = [];
    for (const s of here) {
      if (OPAQUE_ON_PATH.some((k) => s[k] !== undefined)) return undefined;
      if (Array.isArray(value)) {
        if (s.prefixItems !== undefined || s.contains !== undefined) return undefined;
        if (s.items !== undefined) next.push(s.items);
      } else if (isRecord(s.properties) && Object.hasOwn(s.properties, segment)) {
        next.push(s.properties[segment]);
      } else if (s.additionalProperties !== undefined && s.additionalProperties !== false) return undefined;
    }
    open = next;
    value = ownGet(value, segment);
  }
  const here = applying(walk, open, value);
  if (!here) return undefined;
  const errors: ValidatorError[] = [];
  for (const s of here) {
    for (const key of Object.keys(s))
      if (!INERT_IN_EMPTY_OBJECT.has(key) && !FOLLOWED.has(key)) return undefined;
    if (s.required === undefined) continue;
    if (!Array.isArray(s.required)) return undefined;
    for (const name of s.required)
      if (typeof name === 'string')
        errors.push({
          instancePath: pointer,
          schemaPath: '#/required',
          keyword: 'required',
          params: { missingProperty: name },
        });
  }
  return errors;
}
