import type { RJSFSchema, UiSchema } from '@rjsf/utils';

/** How a field is drawn. Choice fields with few options are radios (one glance, one tap, large targets, the
 * GOV.UK pattern); longer lists are a select; multi-choice lists are checkboxes; yes/no questions are radios. */
export type FieldKind = 'radios' | 'checkboxes' | 'select' | 'single-checkbox' | 'other';

/** Radios up to this many options; a select beyond it. */
export const MAX_RADIOS = 8;

export function fieldKind(schema: RJSFSchema, uiSchema: UiSchema | undefined): FieldKind {
  const widget = uiSchema?.['ui:widget'];
  if (widget === 'radio') return 'radios';
  if (widget === 'checkboxes') return 'checkboxes';
  if (widget === 'checkbox') return 'single-checkbox';
  if (widget === 'select') return 'select';
  if (typeof widget === 'string' || typeof widget === 'function') return 'other';
  if (schema.type === 'boolean') return 'radios';
  if (schema.type === 'array') {
    const items = schema.items;
    if (items && typeof items === 'object' && !Array.isArray(items) && optionCount(items as RJSFSchema) > 0) {
      return schema.uniqueItems ? 'checkboxes' : 'other';
    }
    return 'other';
  }
  const n = optionCount(schema);
  if (n === 0) return 'other';
  return n <= MAX_RADIOS ? 'radios' : 'select';
}

function optionCount(schema: RJSFSchema): number {
  if (Array.isArray(schema.enum)) return schema.enum.length;
  const alts = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alts) && alts.every((a) => typeof a === 'object' && a !== null && 'const' in a)) {
    return alts.length;
  }
  return 0;
}

/** Grouped controls are a fieldset whose legend is the question. */
export function isGroup(kind: FieldKind): boolean {
  return kind === 'radios' || kind === 'checkboxes';
}
