/** Adds the form, gate, `if` and safeguarding schemas to one Ajv and names them for standalone output. */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { escapeSegment, isRecord, parsePointer } from '../pointer.js';
import { ifPointers } from '../runtime/compiled-template.js';
import type { ResolvedTemplate } from '../template/resolve.js';
import type { Json, PrecompiledManifest } from '../types.js';

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

/** `/schema/allOf/0/if` → `urn:formwork:form#/allOf/0/if` (segments URI-encoded, as ajv decodes them). */
export function formRef(templatePointer: string): string {
  const segments = parsePointer(templatePointer).slice(1);
  return `${FORM_ID}#${segments.map((s) => `/${encodeURIComponent(escapeSegment(s))}`).join('')}`;
}

/** Registers every schema; returns export name → ajv ref, and the manifest that maps names to their roles. */
export function registerSchemas(
  ajv: Ajv2020,
  resolved: ResolvedTemplate,
): {
  refs: { [exportName: string]: string };
  manifest: Omit<PrecompiledManifest, 'templateId' | 'templateVersion' | 'templateHash'>;
} {
  const refs: { [exportName: string]: string } = { form: FORM_ID };
  ajv.addSchema(resolved.schema, FORM_ID);
  const gates: PrecompiledManifest['gates'] = resolved.gates.map((gate, i) => {
    const entry: { when?: string; check?: string } = {};
    for (const part of ['when', 'check'] as const) {
      if (gate[part] === undefined) continue;
      const name = `gate${i}_${part}`;
      const ref = `urn:formwork:gate/${i}/${part}`;
      ajv.addSchema(asSchemaObject(pointRefsAtForm(gate[part] as Json)), ref);
      refs[name] = ref;
      entry[part] = name;
    }
    return entry;
  });
  const ifs: { [pointer: string]: string } = {};
  ifPointers(resolved.schema).forEach(({ pointer }, i) => {
    const name = `if${i}`;
    refs[name] = formRef(pointer);
    ifs[pointer] = name;
  });
  const manifest: Omit<PrecompiledManifest, 'templateId' | 'templateVersion' | 'templateHash'> = {
    form: 'form',
    gates,
    ifs,
  };
  if (resolved.safeguardingWhen !== undefined) {
    ajv.addSchema(asSchemaObject(pointRefsAtForm(resolved.safeguardingWhen)), 'urn:formwork:safeguarding');
    refs.safeguarding = 'urn:formwork:safeguarding';
    manifest.safeguarding = 'safeguarding';
  }
  return { refs, manifest };
}
