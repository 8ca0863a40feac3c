/**
 * loadPrecompiled(template, module): a CompiledTemplate from a precompiled module, with no ajv compiler and no
 * eval. The module must have been built from exactly this template (id, version and content hash).
 */
import { fingerprint } from '../canonical-json.js';
import { resolveTemplate } from '../template/resolve.js';
import type { CompiledTemplate, PrecompiledModule, Template } from '../types.js';
import { makeCompiledTemplate } from './compiled-template.js';
import { runtimeModules } from './modules.js';
import { validatorsFromManifest } from './validators-from-manifest.js';

export function loadPrecompiled(template: Template, module: PrecompiledModule): CompiledTemplate {
  const manifest = module?.manifest;
  if (!manifest || typeof module.create !== 'function')
    throw new Error(
      'loadPrecompiled: this is not a precompiled template module (no manifest or create). Use precompile() output.',
    );
  if (manifest.templateId !== template.id || manifest.templateVersion !== template.version)
    throw new Error(
      `loadPrecompiled: the module was built for ${manifest.templateId}@${manifest.templateVersion}, not ${template.id}@${template.version}.`,
    );
  if (manifest.templateHash !== fingerprint(template))
    throw new Error(
      `loadPrecompiled: ${template.id}@${template.version} differs from the template the module was built from. Precompile it again.`,
    );
  const { resolved } = resolveTemplate(template);
  const byName = module.create(runtimeModules);
  return makeCompiledTemplate(template, resolved, validatorsFromManifest(manifest, byName));
}
