/**
 * Every function a precompiled module may need, by the module name ajv's standalone output `require`s, all loaded
 * up front: what the synchronous `loadPrecompiled` hands to `create(rt)`. A precompiled module imports nothing.
 * Only ajv's small run-time helpers, ajv-formats' format table, re2js and our vocabulary are imported here, never
 * ajv's compiler. Browser code that should not download re2js for every template uses `loadPrecompiledModule`,
 * which loads the large helpers on demand instead (lazy-helpers.ts).
 */
import * as uriModule from 'ajv/dist/runtime/uri.js';
import { coreHelpers } from './core-helpers.js';
import { defaultOf } from './default-of.js';
import { linearRegExp } from './regexp.js';

export const runtimeModules: { readonly [name: string]: unknown } = Object.freeze({
  ...coreHelpers,
  'ajv/dist/runtime/uri': { default: defaultOf(uriModule) },
  'formwork:regexp': { default: linearRegExp },
});
