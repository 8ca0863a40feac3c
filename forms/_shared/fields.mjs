// Small builders for the questions every template asks. They return plain JSON Schema (draft 2020-12) so the
// published version files stay self-contained; nothing here is needed at run time.

/** Options as `oneOf: [{ const, title }]`: rjsf shows the titles, records keep the stable codes. */
export function options(pairs) {
  return pairs.map(([value, title]) => ({ const: value, title }));
}

export function choice(title, pairs, extra = {}) {
  return { type: 'string', title, oneOf: options(pairs), ...extra };
}

/** A multi-select as an array of codes (checkboxes); counts are `minItems` on this array. */
export function multi(title, pairs, extra = {}) {
  return {
    type: 'array',
    title,
    uniqueItems: true,
    items: { type: 'string', oneOf: options(pairs) },
    ...extra,
  };
}

/** The ten categories of abuse and neglect in the Care Act 2014 statutory guidance (para 14.17), in one place. */
export const ABUSE_CATEGORIES = [
  ['physical', 'Physical'],
  ['domestic', 'Domestic abuse'],
  ['sexual', 'Sexual'],
  ['psychological', 'Psychological or emotional'],
  ['financial_material', 'Financial or material'],
  ['modern_slavery', 'Modern slavery'],
  ['discriminatory', 'Discriminatory'],
  ['organisational', 'Organisational'],
  ['neglect_omission', 'Neglect or acts of omission'],
  ['self_neglect', 'Self-neglect'],
];

export const YES_NO = [
  ['yes', 'Yes'],
  ['no', 'No'],
];
export const YES_NO_UNSURE = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['not_sure', 'Not sure'],
];

export function yesNo(title, extra = {}) {
  return choice(title, YES_NO, extra);
}

export function yesNoUnsure(title, extra = {}) {
  return choice(title, YES_NO_UNSURE, extra);
}

export function text(title, extra = {}) {
  return { type: 'string', title, minLength: 1, maxLength: 500, ...extra };
}

export function longText(title, extra = {}) {
  return { type: 'string', title, minLength: 1, maxLength: 10000, ...extra };
}

export function dateTime(title, extra = {}) {
  return { type: 'string', format: 'date-time', title, ...extra };
}

export function date(title, extra = {}) {
  return { type: 'string', format: 'date', title, ...extra };
}

/** A section: one top-level object the staff app shows as one step. */
export function section(title, properties, { required = [], description } = {}) {
  return {
    type: 'object',
    title,
    ...(description ? { description } : {}),
    properties,
    ...(required.length ? { required } : {}),
  };
}

/** Common uiSchema widgets. */
export const ui = {
  radio: { 'ui:widget': 'radio' },
  checkboxes: { 'ui:widget': 'checkboxes' },
  textarea: (help) => ({ 'ui:widget': 'textarea', ...(help ? { 'ui:help': help } : {}) }),
  help: (help, extra = {}) => ({ 'ui:help': help, ...extra }),
};
