import type { CompiledTemplate, Json } from '@formwork/engine/runtime';
import type { RJSFSchema, UiSchema, ValidatorType } from '@rjsf/utils';
import { orderProperties, retrieveSchema } from '@rjsf/utils';

/** One step of the form: a top-level object property of the template's schema, or (grouped) the template's
 * top-level questions that are not objects. Only the open section is rendered. */
export interface Section {
  /** Stable key: the property name, or `FIELDS_KEY` for the group of top-level questions. */
  key: string;
  title: string;
  description?: string;
  /** Record pointer of the section's data (`/incident`), or `""` for the group of top-level questions. */
  prefix: string;
  /** rjsf `idPrefix`: so that a field's input id is `root_` + its pointer's segments joined by `_`. */
  idPrefix: string;
  /** The top-level properties this section holds. */
  keys: string[];
  schema: RJSFSchema;
  uiSchema: UiSchema;
}

export const FIELDS_KEY = '(questions)';

type SchemaObject = { [key: string]: Json };
const isObject = (v: unknown): v is SchemaObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `if` subschemas at the root of the form schema (`if`, and `if` inside root `allOf` entries): the
 * conditions that can open and close whole sections, or add questions to one from another. */
export function rootConditions(schema: SchemaObject): SchemaObject[] {
  const out: SchemaObject[] = [];
  const visit = (s: unknown) => {
    if (!isObject(s)) return;
    if (isObject(s.if)) out.push(s.if);
    if (Array.isArray(s.allOf)) for (const part of s.allOf) visit(part);
    for (const k of ['then', 'else'] as const) if (isObject(s[k])) visit(s[k]);
  };
  visit(schema);
  return out;
}

/** Which root conditions hold for this record, as a string: when it is unchanged, so are the sections. */
export function conditionKey(compiled: CompiledTemplate, conditions: SchemaObject[], record: Json): string {
  let key = '';
  for (const c of conditions) key += compiled.isValid(c, record, compiled.schema) ? '1' : '0';
  return key;
}

/** The sections for this record. Root conditions are resolved by rjsf's `retrieveSchema`, which asks the engine's
 * precompiled validators (through `validator.isValid`), so a root `then` that adds a section or a question shows
 * it here. */
export function resolveSections(
  compiled: CompiledTemplate,
  validator: ValidatorType,
  record: Json,
): Section[] {
  const root = compiled.schema as RJSFSchema;
  const resolved =
    rootConditions(compiled.schema).length > 0 || '$ref' in root
      ? retrieveSchema(validator, root, root, (isObject(record) ? record : {}) as never)
      : root;
  const properties = (resolved.properties ?? {}) as { [key: string]: RJSFSchema };
  const required = new Set(Array.isArray(resolved.required) ? resolved.required : []);
  const ui = (compiled.uiSchema ?? {}) as UiSchema;
  const defs = root.$defs === undefined ? {} : { $defs: root.$defs };
  let order = Object.keys(properties);
  try {
    order = orderProperties(order, ui['ui:order'] as string[] | undefined);
  } catch {
    // A ui:order that leaves out a property (and has no '*') would hide the whole form in rjsf; keep the
    // schema's order instead.
  }

  const sections: Section[] = [];
  let fields: Section | undefined;
  for (const key of order) {
    const schema = properties[key];
    if (!schema || ui[key]?.['ui:widget'] === 'hidden') continue;
    if (schema.type === 'object' && isObject(schema.properties)) {
      // The section's heading shows its title and description; rjsf must not draw them again.
      const { title: _title, description: _description, ...body } = schema;
      sections.push({
        key,
        title: typeof schema.title === 'string' ? schema.title : key,
        ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        prefix: `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        idPrefix: `root_${key}`,
        keys: [key],
        schema: { ...body, ...defs } as RJSFSchema,
        uiSchema: (ui[key] ?? {}) as UiSchema,
      });
      continue;
    }
    if (!fields) {
      fields = {
        key: FIELDS_KEY,
        title: 'About this record',
        prefix: '',
        idPrefix: 'root',
        keys: [],
        schema: { type: 'object', properties: {}, required: [], ...defs },
        uiSchema: {},
      };
      sections.push(fields);
    }
    fields.keys.push(key);
    (fields.schema.properties as { [k: string]: RJSFSchema })[key] = schema;
    if (required.has(key)) (fields.schema.required as string[]).push(key);
    if (ui[key] !== undefined) fields.uiSchema[key] = ui[key];
  }
  if (fields && sections.length === 1) fields.title = compiled.template.title;
  return sections;
}

/** The section's part of the record. */
export function sectionData(section: Section, record: Json): Json | undefined {
  if (!isObject(record)) return undefined;
  if (section.key !== FIELDS_KEY) return record[section.key];
  const out: SchemaObject = {};
  for (const k of section.keys) if (record[k] !== undefined) out[k] = record[k] as Json;
  return out;
}

/** The record with the section's part replaced. */
export function withSectionData(section: Section, record: Json, data: Json | undefined): Json {
  const base: SchemaObject = isObject(record) ? { ...record } : {};
  if (section.key !== FIELDS_KEY) {
    if (data === undefined) delete base[section.key];
    else base[section.key] = data;
    return base;
  }
  const part = isObject(data) ? data : {};
  for (const k of section.keys) {
    if (part[k] === undefined) delete base[k];
    else base[k] = part[k] as Json;
  }
  return base;
}

/** The section that holds the field at `pointer`. */
export function sectionOf(sections: readonly Section[], pointer: string): Section | undefined {
  const first = pointer.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
  if (first === undefined) return undefined;
  return sections.find((s) => s.keys.includes(first));
}
