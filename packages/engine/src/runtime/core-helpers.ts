/**
 * The helpers every precompiled module may need, by the module name ajv's standalone output `require`s: small
 * enough to load with the engine itself. The large ones (re2js for a `pattern` that does not run natively, fast-uri
 * for `format: uri`) are in lazy-helpers.ts and load only for a module that declares it needs them.
 */
import * as equalModule from 'ajv/dist/runtime/equal.js';
import * as ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import * as validationErrorModule from 'ajv/dist/runtime/validation_error.js';
import * as formatsModule from 'ajv-formats/dist/formats.js';
import { vocabularyFunctions } from '../vocabulary/functions.js';
import { defaultOf } from './default-of.js';
import { nativeRegExp } from './native-regexp.js';

const formats = formatsModule as unknown as { fullFormats?: unknown; default?: { fullFormats?: unknown } };

export const coreHelpers: { readonly [name: string]: unknown } = Object.freeze({
  'ajv/dist/runtime/equal': { default: defaultOf(equalModule) },
  'ajv/dist/runtime/ucs2length': { default: defaultOf(ucs2lengthModule) },
  'ajv/dist/runtime/validation_error': { default: defaultOf(validationErrorModule) },
  'ajv-formats/dist/formats': { fullFormats: formats.fullFormats ?? formats.default?.fullFormats },
  'formwork:vocabulary': vocabularyFunctions,
  // Patterns precompile found bounded (precompile/native-patterns.ts): no re2js.
  'formwork:native-regexp': { default: nativeRegExp },
});
