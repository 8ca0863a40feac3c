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

/**
 * The keywords that read what other keywords evaluated (`unevaluated*`) or the dynamic scope (`$dynamic*`,
 * `$recursive*`). Only they need the bookkeeping Ajv2020 always generates (`validateN.evaluated`, `propsN`,
 * `dynamicAnchors`).
 */
const TRACKING_KEYWORDS = [
  'unevaluatedProperties',
  'unevaluatedItems',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  '$recursiveAnchor',
] as const;

/** A lean Ajv met a keyword that needs evaluation tracking: the template is compiled again with tracking. */
export class NeedsTracking extends Error {
  constructor(keyword: string) {
    super(`"${keyword}" needs evaluation tracking`);
    this.name = 'NeedsTracking';
  }
}

const META_SCHEMA_ID = 'https://json-schema.org/draft/2020-12/schema';

/**
 * `tracking: false` gives an Ajv that generates no unevaluated/dynamic-scope bookkeeping, which is most of the
 * weight of a validator for a template that uses none of those keywords (the benchmark form's module: about a fifth
 * of its code, and time on every call). Ajv2020 forces the options on in its constructor; ajv reads them only when
 * it generates code, so they are turned off after construction, which gives exactly the code plain (draft-07) Ajv
 * generates for the same keywords. Soundness does not rest on a scan of the template: in a lean Ajv each tracking
 * keyword is replaced by one that throws NeedsTracking as soon as ajv generates code for it, in any schema it
 * compiles (the form, gates, extra schemas, anything a `$ref` reaches), and the caller then compiles the whole
 * template again with tracking. The 2020-12 meta-schema (which uses `$dynamicRef`) is compiled first, with
 * tracking, as every Ajv compiles it to check schemas; a lean validator may call it, which it does correctly:
 * only a caller with `unevaluated*` reads what a callee evaluated.
 */
export function createAjv({ tracking = true }: { tracking?: boolean } = {}): Ajv2020 {
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
  if (!tracking) withoutTracking(ajv);
  return ajv;
}

function withoutTracking(ajv: Ajv2020): void {
  ajv.getSchema(META_SCHEMA_ID);
  for (const keyword of TRACKING_KEYWORDS) {
    ajv.removeKeyword(keyword);
    ajv.addKeyword({
      keyword,
      code() {
        throw new NeedsTracking(keyword);
      },
    });
  }
  const opts = ajv.opts as { unevaluated?: boolean; dynamicRef?: boolean };
  opts.unevaluated = false;
  opts.dynamicRef = false;
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
