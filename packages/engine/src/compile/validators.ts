/** Adds the form, gate, `if` and safeguarding schemas to one Ajv and names them for standalone output. */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { escapeSegment, isRecord, parsePointer } from '../pointer.js';
import { ifPointers } from '../runtime/compiled-template.js';
import type { ResolvedTemplate } from '../template/resolve.js';
import type { Json, PrecompiledManifest } from '../types.js';
import { shareSubschemas } from './share-subschemas.js';

export const FORM_ID = 'urn:formwork:form';

/** Gate schemas may `$ref` the form's `$defs` as `#/$defs/…`: point those at the form document. */
export function pointRefsAtForm(value: Json): Json {
  if (Array.isArray(value)) return value.map(pointRefsAtForm);
  if (!isRecord(value)) return value;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value)) {
    const v = value[key] as Json;
    out[key] =
      key === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${FORM_ID}${v}` : pointRefsAtForm(v);
  }
  return out;
}

function asSchemaObject(value: Json): { [key: string]: Json } {
  if (value === true) return {};
  if (value === false) return { not: {} };
  return value as { [key: string]: Json };
}

/**
 * `/schema/allOf/0/if` → `urn:formwork:form#/allOf/0/if` (segments URI-encoded, as ajv decodes them); inside a
 * section moved to `$defs` (share-subschemas.ts), the same place there.
 */
export function formRef(templatePointer: string, sections: ReadonlyMap<string, string> = new Map()): string {
  let segments = parsePointer(templatePointer).slice(1);
  const section =
    segments[0] === 'properties' && segments[1] !== undefined ? sections.get(segments[1]) : undefined;
  if (section !== undefined) segments = ['$defs', section, ...segments.slice(2)];
  return `${FORM_ID}#${segments.map((s) => `/${encodeURIComponent(escapeSegment(s))}`).join('')}`;
}

/** `#/$defs/x` → the key ajv files the form's own `$ref` to it under (so that lookups find the same function). */
function fragmentRef(ajv: Ajv2020, fragment: string): string {
  const resolver = (ajv.opts as { uriResolver?: { resolve(base: string, path: string): string } })
    .uriResolver;
  return resolver ? resolver.resolve(FORM_ID, fragment) : `${FORM_ID}${fragment}`;
}

/**
 * Registers every schema; returns export name → ajv ref, and the manifest that maps names to their roles. Gates
 * and the safeguarding rule are laid out in the form document where that is safe, and an `if` that is a bare
 * `$ref` is exported as its target (share-subschemas.ts), so that shareCompiledFragments can hand every validator
 * the form's own generated functions.
 */
export function registerSchemas(
  ajv: Ajv2020,
  resolved: ResolvedTemplate,
  { split = true }: { split?: boolean } = {},
): {
  refs: { [exportName: string]: string };
  manifest: Omit<
    PrecompiledManifest,
    'templateId' | 'templateVersion' | 'templateHash' | 'templateDigest' | 'textDigests'
  >;
} {
  const extras: { name: string; schema: Json }[] = [];
  resolved.gates.forEach((gate, i) => {
    for (const part of ['when', 'check'] as const)
      if (gate[part] !== undefined)
        extras.push({ name: `gate${i}_${part}`, schema: asSchemaObject(gate[part] as Json) });
  });
  if (resolved.safeguardingWhen !== undefined)
    extras.push({ name: 'safeguarding', schema: asSchemaObject(resolved.safeguardingWhen) });
  const shared = shareSubschemas(resolved.schema, extras, { split });
  ajv.addSchema(shared.schema, FORM_ID);

  const refs: { [exportName: string]: string } = { form: FORM_ID };
  const extraRef = (name: string, schema: Json, separateId: string): string => {
    const fragment = shared.extras.get(name);
    if (fragment !== undefined) return fragmentRef(ajv, fragment);
    ajv.addSchema(asSchemaObject(pointRefsAtForm(schema)), separateId);
    return separateId;
  };
  const gates: PrecompiledManifest['gates'] = resolved.gates.map((gate, i) => {
    const entry: { when?: string; check?: string } = {};
    for (const part of ['when', 'check'] as const) {
      if (gate[part] === undefined) continue;
      const name = `gate${i}_${part}`;
      refs[name] = extraRef(name, gate[part] as Json, `urn:formwork:gate/${i}/${part}`);
      entry[part] = name;
    }
    return entry;
  });
  const ifs: { [pointer: string]: string } = {};
  ifPointers(resolved.schema).forEach(({ pointer }, i) => {
    const name = `if${i}`;
    const fragment = shared.ifs.get(pointer);
    refs[name] = fragment === undefined ? formRef(pointer, shared.sections) : fragmentRef(ajv, fragment);
    ifs[pointer] = name;
  });
  const manifest: Omit<
    PrecompiledManifest,
    'templateId' | 'templateVersion' | 'templateHash' | 'templateDigest' | 'textDigests'
  > = {
    form: 'form',
    gates,
    ifs,
  };
  if (resolved.safeguardingWhen !== undefined) {
    refs.safeguarding = extraRef('safeguarding', resolved.safeguardingWhen, 'urn:formwork:safeguarding');
    manifest.safeguarding = 'safeguarding';
  }
  return { refs, manifest };
}

/**
 * After the form is compiled: ajv files each function the form's `$ref`s compiled under the form's own table, and
 * would compile a second copy for the same fragment asked for by name. Filing the form's function under that
 * name makes every validator of the template call the one function. `refs`/`schemas` are ajv's public tables.
 */
export function shareCompiledFragments(ajv: Ajv2020, refs: { [exportName: string]: string }): void {
  const root = ajv.schemas[FORM_ID] as { refs?: { [ref: string]: unknown } } | undefined;
  const table = ajv.refs as { [ref: string]: unknown };
  for (const ref of Object.values(refs)) {
    if (!ref.startsWith(`${FORM_ID}#`) || table[ref] !== undefined) continue;
    const env = root?.refs?.[ref];
    if (isRecord(env) && typeof env.validate === 'function') table[ref] = env;
  }
}
