/**
 * The meta-schema of a Formwork template (the shape of types.ts `Template`). `compile` checks it first, so the
 * later checks can trust the shape. Exported for editors and the admin.
 */
const semver = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$';
const id = '^[a-z0-9][a-z0-9-]*$';
const paramRef = {
  type: 'object',
  required: ['$param'],
  additionalProperties: false,
  properties: { $param: { type: 'string', minLength: 1 } },
};
const conditionSchema = { type: ['object', 'boolean'] };

export const templateMetaSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://formwork.invalid/template.schema.json',
  title: 'Formwork template',
  type: 'object',
  required: ['id', 'version', 'title', 'schema'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: id, maxLength: 100 },
    version: { type: 'string', pattern: semver },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    changelog: {
      type: 'array',
      items: {
        type: 'object',
        required: ['version', 'changes'],
        additionalProperties: false,
        properties: {
          version: { type: 'string', pattern: semver },
          changes: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    schema: {
      type: 'object',
      required: ['type'],
      properties: { type: { const: 'object' } },
    },
    uiSchema: { type: 'object' },
    messages: {
      type: 'object',
      propertyNames: { pattern: '^(/.*)?$' },
      additionalProperties: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    },
    stages: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: id },
          title: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          roles: { type: 'array', items: { type: 'string', minLength: 1 } },
          signOff: { type: 'boolean' },
          final: { type: 'boolean' },
          sections: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
          due: {
            type: 'object',
            required: ['from', 'hours'],
            additionalProperties: false,
            properties: {
              from: { type: 'string', pattern: '^(\\$createdAt|(/([^~/]|~[01])*)+)$' },
              hours: { oneOf: [{ type: 'number', exclusiveMinimum: 0 }, paramRef] },
            },
          },
        },
      },
    },
    gates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'stage', 'message', 'severity'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: id },
          stage: { type: 'string' },
          message: { type: 'string', minLength: 1 },
          when: conditionSchema,
          requires: { type: 'array', items: { type: 'string', pattern: '^(/([^~/]|~[01])*)+$' } },
          check: conditionSchema,
          severity: { enum: ['block', 'warn'] },
          source: { type: 'string' },
        },
      },
    },
    parameters: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
      additionalProperties: {
        type: 'object',
        required: ['type', 'value', 'stricter', 'title'],
        additionalProperties: false,
        properties: {
          type: { enum: ['integer', 'number', 'hours'] },
          value: { type: 'number' },
          stricter: { enum: ['lower', 'higher'] },
          min: { type: 'number' },
          max: { type: 'number' },
          title: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          source: { type: 'string' },
        },
      },
    },
    extensionPoints: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['pointer', 'title'],
        additionalProperties: false,
        properties: {
          pointer: { type: 'string', pattern: '^/schema(/.*)?$' },
          title: { type: 'string', minLength: 1 },
          description: { type: 'string' },
        },
      },
    },
    renames: {
      type: 'array',
      items: {
        type: 'object',
        required: ['from', 'to'],
        additionalProperties: false,
        properties: { from: { type: 'string' }, to: { type: 'string' } },
      },
    },
    safeguarding: {
      type: 'object',
      additionalProperties: false,
      properties: { always: { type: 'boolean' }, when: conditionSchema },
    },
  },
} as const;
