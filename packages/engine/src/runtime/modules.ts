/**
 * The functions a precompiled module needs, by the module name ajv's standalone output `require`s. A precompiled
 * module imports nothing: its `create(rt)` receives this table. Only ajv's small run-time helpers and
 * ajv-formats' format table are imported here, never ajv's compiler.
 */
import * as equalModule from 'ajv/dist/runtime/equal.js';
import * as ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import * as uriModule from 'ajv/dist/runtime/uri.js';
import * as validationErrorModule from 'ajv/dist/runtime/validation_error.js';
import * as formatsModule from 'ajv-formats/dist/formats.js';
import { vocabularyFunctions } from '../vocabulary/functions.js';
import { linearRegExp } from './regexp.js';

/** CommonJS `exports.default` arrives as `.default` or `.default.default` depending on the loader. */
function defaultOf(namespace: unknown): unknown {
  const outer = (namespace as { default?: unknown }).default;
  const inner = (outer as { default?: unknown } | undefined)?.default;
  return inner ?? outer;
}

const formats = formatsModule as unknown as { fullFormats?: unknown; default?: { fullFormats?: unknown } };

export const runtimeModules: { readonly [name: string]: unknown } = Object.freeze({
  'ajv/dist/runtime/equal': { default: defaultOf(equalModule) },
  'ajv/dist/runtime/ucs2length': { default: defaultOf(ucs2lengthModule) },
  'ajv/dist/runtime/uri': { default: defaultOf(uriModule) },
  'ajv/dist/runtime/validation_error': { default: defaultOf(validationErrorModule) },
  'ajv-formats/dist/formats': { fullFormats: formats.fullFormats ?? formats.default?.fullFormats },
  'formwork:vocabulary': vocabularyFunctions,
  'formwork:regexp': { default: linearRegExp },
});
