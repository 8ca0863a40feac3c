/**
 * Builds a CompiledTemplate from validators, whichever way they were made (ajv at run time or a precompiled
 * module), so that both paths share every behaviour after validation.
 */
import { canonicalJson } from '../canonical-json.js';
import type { ResolvedTemplate } from '../template/resolve.js';
import { subschemas } from '../template/walk.js';
import type { CompiledTemplate, Template, TemplateValidators, Validator } from '../types.js';

/** Pointers (into the template) of every `if` subschema of the resolved form schema, in a stable order. */
export function ifPointers(schema: unknown): { pointer: string; schema: object }[] {
  const found: { pointer: string; schema: object }[] = [];
  for (const visit of subschemas(schema, '/schema'))
    if (visit.via === 'if') found.push({ pointer: visit.pointer, schema: visit.schema });
  return found.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

/** rjsf may hand back `$ref`s made absolute against the schema's `$id`; compare them in their local form. */
function localRefs(value: unknown, baseId: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => localRefs(v, baseId));
  if (typeof value !== 'object' || value === null) return value;
  const out: { [key: string]: unknown } = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$ref' && typeof v === 'string' && baseId && v.startsWith(`${baseId}#`))
      out[key] = v.slice(baseId.length);
    else out[key] = localRefs(v, baseId);
  }
  return out;
}

function conditionKey(subschema: unknown, baseId: string | undefined): string | undefined {
  try {
    return canonicalJson(localRefs(subschema, baseId));
  } catch {
    return undefined;
  }
}

export function makeCompiledTemplate(
  template: Template,
  resolved: ResolvedTemplate,
  validators: TemplateValidators,
): CompiledTemplate {
  const baseId = typeof resolved.schema.$id === 'string' ? resolved.schema.$id : undefined;
  // Built on the first condition question, not at load: loading a module should cost only what evaluate needs.
  let tables:
    | { byIdentity: WeakMap<object, Validator>; byJson: Map<string, Validator> | undefined }
    | undefined;
  const lookup = (subschema: unknown): Validator | undefined => {
    if (!tables) {
      const byIdentity = new WeakMap<object, Validator>();
      for (const { pointer, schema } of ifPointers(resolved.schema)) {
        const validate = validators.ifs[pointer];
        if (validate) byIdentity.set(schema, validate);
      }
      tables = { byIdentity, byJson: undefined };
    }
    const found =
      typeof subschema === 'object' && subschema !== null ? tables.byIdentity.get(subschema) : undefined;
    if (found) return found;
    // rjsf usually hands back the very object it was given; canonical JSON is the slow fallback, built once.
    if (!tables.byJson) {
      const byJson = new Map<string, Validator>();
      for (const { pointer, schema } of ifPointers(resolved.schema)) {
        const validate = validators.ifs[pointer];
        const key = validate ? conditionKey(schema, baseId) : undefined;
        if (validate && key !== undefined && !byJson.has(key)) byJson.set(key, validate);
      }
      tables.byJson = byJson;
    }
    const key = conditionKey(subschema, baseId);
    return key === undefined ? undefined : tables.byJson.get(key);
  };
  return {
    template,
    schema: resolved.schema,
    uiSchema: resolved.uiSchema,
    stages: resolved.stages,
    gates: resolved.gates,
    validators,
    isValid(subschema: unknown, data: unknown): boolean {
      try {
        const validate = lookup(subschema);
        // An unknown condition is answered "no": showing a branch nobody compiled would be a guess.
        if (!validate) return false;
        return validate.call({}, data, { rootData: data }) === true;
      } catch {
        return false;
      }
    },
  };
}
