/** One Ajv2020 per compile, configured the same way for run-time and precompiled validators. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as addFormatsModule from 'ajv-formats';
import { compileLinearPattern, linearRegExp } from '../runtime/regexp.js';
import { registerVocabulary } from '../vocabulary/index.js';

type AddFormats = (ajv: Ajv2020) => Ajv2020;
// ajv-formats is CommonJS with `exports.default`: depending on the loader the function is one level down or two.
const formatsNs = addFormatsModule as unknown as { default: unknown };
const applyFormats = (
  typeof formatsNs.default === 'function'
    ? formatsNs.default
    : (formatsNs.default as { default: unknown }).default
) as AddFormats;

/**
 * At compile time every pattern is compiled for RE2 at once, so that one RE2 cannot run (in a schema passed
 * through `schemas`, which the pattern checks do not read) fails compile; the generated code still names the
 * run-time function, which compiles on first use.
 */
const checkedRegExp = Object.assign(
  (pattern: string, flags?: string) => {
    compileLinearPattern(pattern);
    return linearRegExp(pattern, flags);
  },
  { code: linearRegExp.code },
);

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strictTypes: false,
    strictRequired: false,
    strictTuples: false,
    passContext: true,
    messages: false,
    // `source` keeps the generated code for standalone output; `regExp` makes every pattern linear-time.
    code: { source: true, esm: false, regExp: checkedRegExp, lines: false },
    // Every `$ref` is a call of one shared function, never a copy of its target: a named condition used by
    // twenty `if`s and gates is generated once (the precompiled incident report: 54 → 31 KiB gzipped).
    inlineRefs: false,
  });
  applyFormats(ajv);
  registerVocabulary(ajv);
  return ajv;
}

/** A plain Ajv for the template meta-schema (no vocabulary needed). */
let metaAjv: Ajv2020 | undefined;
export function metaValidatorAjv(): Ajv2020 {
  metaAjv ??= new Ajv2020({
    allErrors: true,
    strictTypes: false,
    strictRequired: false,
    code: { regExp: checkedRegExp },
  });
  return metaAjv;
}
