/**
 * The compile-time half of Formwork's vocabulary. Each keyword generates code that calls the small functions in
 * `functions.ts` through a scope value whose standalone `code` is `require("formwork:vocabulary")`, so the same
 * keyword works in validators compiled at run time and in precompiled standalone modules.
 */
import { _, type CodeKeywordDefinition, type KeywordCxt, Name } from 'ajv/dist/2020.js';
import { vocabularyFunctions } from './functions.js';

/** ajv's generated functions name the record root `rootData` and the passed context `this`. */
const rootData = new Name('rootData');
const self = new Name('this');

/** The module name precompiled code uses to reach `vocabularyFunctions` (see runtime/modules.ts). */
export const VOCABULARY_MODULE = 'formwork:vocabulary';

function vocabulary(cxt: KeywordCxt) {
  return cxt.gen.scopeValue('func', {
    key: VOCABULARY_MODULE,
    ref: vocabularyFunctions,
    code: _`require(${VOCABULARY_MODULE})`,
  });
}

const pointer = { type: 'string', pattern: '^(/([^~/]|~[01])*)+$' };
const hours = { type: 'number', minimum: 0 };

export const xWithin: CodeKeywordDefinition = {
  keyword: 'x-within',
  type: 'string',
  schemaType: 'object',
  metaSchema: {
    type: 'object',
    required: ['after'],
    additionalProperties: false,
    properties: { after: pointer, minHours: hours, maxHours: hours },
  },
  error: {
    message: 'must be within the time window',
    params: ({ schema }) =>
      _`{after: ${schema.after}, minHours: ${schema.minHours ?? null}, maxHours: ${schema.maxHours ?? null}}`,
  },
  code(cxt) {
    const { data, schema } = cxt;
    const fns = vocabulary(cxt);
    cxt.fail(
      _`!${fns}.within(${data}, ${rootData}, ${schema.after}, ${schema.minHours ?? null}, ${schema.maxHours ?? null})`,
    );
  },
};

export const xSameDay: CodeKeywordDefinition = {
  keyword: 'x-sameDay',
  type: 'string',
  schemaType: 'object',
  metaSchema: {
    type: 'object',
    required: ['as', 'timeZone'],
    additionalProperties: false,
    properties: { as: pointer, timeZone: { type: 'string', minLength: 1 } },
  },
  error: {
    message: 'must be on the same day',
    params: ({ schema }) => _`{as: ${schema.as}, timeZone: ${schema.timeZone}}`,
  },
  code(cxt) {
    const { data, schema } = cxt;
    const fns = vocabulary(cxt);
    cxt.fail(_`!${fns}.sameDay(${data}, ${rootData}, ${schema.as}, ${schema.timeZone})`);
  },
};

export const xAge: CodeKeywordDefinition = {
  keyword: 'x-age',
  type: 'string',
  schemaType: 'object',
  metaSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { minHours: hours, maxHours: hours },
  },
  error: {
    message: 'must be within the age bounds',
    params: ({ schema }) => _`{minHours: ${schema.minHours ?? null}, maxHours: ${schema.maxHours ?? null}}`,
  },
  code(cxt) {
    const { data, schema } = cxt;
    const fns = vocabulary(cxt);
    cxt.fail(_`!${fns}.age(${self}, ${data}, ${schema.minHours ?? null}, ${schema.maxHours ?? null})`);
  },
};

export const vocabularyKeywords = [xWithin, xSameDay, xAge] as const;
export const vocabularyKeywordNames = vocabularyKeywords.map((k) => k.keyword as string);
