/**
 * The half of loading a precompiled module shared by `loadPrecompiled` (helpers loaded up front) and
 * `loadPrecompiledModule` (large helpers loaded on demand): check that the module belongs to this exact template,
 * then build the compiled template from the helpers given.
 */
import { canonicalJson, fingerprintOfText } from '../canonical-json.js';
import { resolveTemplate } from '../template/resolve.js';
import { DIGEST_FORMAT, digestOfText } from '../template-digest.js';
import { textDigest } from '../text-digest.js';
import type { CompiledTemplate, PrecompiledModule, Template } from '../types.js';
import { makeCompiledTemplate } from './compiled-template.js';
import { validatorsFromManifest } from './validators-from-manifest.js';

/**
 * The template's JSON text when its digest is one the module lists (text-digests.ts): the native serialiser's text
 * in the template's own key order, which is then as good as canonical JSON for the checks below. Else undefined.
 */
function textMatching(template: Template, digests: unknown): string | undefined {
  if (!Array.isArray(digests) || digests.length === 0) return undefined;
  let text: string;
  try {
    text = JSON.stringify(template);
  } catch {
    return undefined; // canonicalJson says what is wrong (a cycle, a BigInt)
  }
  return typeof text === 'string' && digests.includes(textDigest(text)) ? text : undefined;
}

/**
 * Whether loading checks this template against this module on its JSON text as given (the quick way) rather than on
 * canonical JSON: true for the key orders the module lists. For tests and diagnostics; loading decides the same way.
 */
export function loadsFromText(template: Template, module: PrecompiledModule): boolean {
  return textMatching(template, module?.manifest?.textDigests) !== undefined;
}

export interface CheckedModule {
  /** The helpers the module declares it needs; `undefined` for a module built before modules declared them. */
  needs: readonly string[] | undefined;
  /** The template uses no `$param` (so resolving it changes nothing). */
  parameterFree: boolean;
}

/** Checks the module's shape and that it was built from exactly this template (id, version and content hash). */
export function checkPrecompiledModule(
  caller: string,
  template: Template,
  module: PrecompiledModule,
): CheckedModule {
  const manifest = module?.manifest;
  if (!manifest || typeof module.create !== 'function')
    throw new Error(
      `${caller}: this is not a precompiled template module (no manifest or create). Use precompile() output.`,
    );
  if (manifest.templateId !== template.id || manifest.templateVersion !== template.version)
    throw new Error(
      `${caller}: the module was built for ${manifest.templateId}@${manifest.templateVersion}, not ${template.id}@${template.version}.`,
    );
  const digest: unknown = manifest.templateDigest;
  if (digest !== undefined && !(typeof digest === 'string' && digest.startsWith(`${DIGEST_FORMAT}:`)))
    throw new Error(
      `${caller}: the module's template digest is in a form this engine does not know (built by a newer engine?). Precompile ${template.id}@${template.version} again with this engine.`,
    );
  let text = textMatching(template, manifest.textDigests);
  if (text === undefined) {
    text = canonicalJson(template);
    // Modules made before the digest existed carry only the fingerprint.
    const same =
      digest !== undefined
        ? digest === digestOfText(text)
        : manifest.templateHash === fingerprintOfText(text);
    if (!same)
      throw new Error(
        `${caller}: ${template.id}@${template.version} differs from the template the module was built from. Precompile it again.`,
      );
  }
  // In JSON text (canonical or not) a `$param` key is always the text `"$param":` (inside a string value its quotes are escaped),
  // so without that text there is no parameter to resolve: loading skips the walk that substitutes them.
  const parameterFree = !text.includes('"$param":');
  const needs: unknown = module.needs;
  if (needs === undefined) return { needs: undefined, parameterFree };
  if (!Array.isArray(needs) || !needs.every((n) => typeof n === 'string'))
    throw new Error(
      `${caller}: the module's "needs" export must be a list of helper names. Precompile ${template.id}@${template.version} again.`,
    );
  return { needs, parameterFree };
}

/** Fails closed when the module needs a helper this engine does not have (built by a newer engine). */
export function checkHelpersKnown(
  caller: string,
  template: Template,
  needs: readonly string[],
  known: (name: string) => boolean,
): void {
  const unknown = needs.filter((name) => !known(name));
  if (unknown.length > 0)
    throw new Error(
      `${caller}: the module for ${template.id}@${template.version} needs ${unknown.map((n) => `"${n}"`).join(', ')}, which this engine does not provide. Precompile the template again with this engine.`,
    );
}

export function compiledFromModule(
  template: Template,
  module: PrecompiledModule,
  helpers: { readonly [name: string]: unknown },
  { parameterFree }: Pick<CheckedModule, 'parameterFree'>,
): CompiledTemplate {
  const { resolved } = resolveTemplate(template, { parameterFree });
  const byName = module.create(helpers);
  return makeCompiledTemplate(template, resolved, validatorsFromManifest(module.manifest, byName));
}
