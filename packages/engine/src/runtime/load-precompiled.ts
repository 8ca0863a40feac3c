/**
 * loadPrecompiled(template, module): a CompiledTemplate from a precompiled module, with no ajv compiler and no
 * eval, synchronously (every helper is loaded up front: Node, tooling and tests). The module must have been built
 * from exactly this template (id, version and content hash). Browser code uses loadPrecompiledModule instead,
 * which downloads re2js and fast-uri only for templates that need them.
 */
import type { CompiledTemplate, PrecompiledModule, Template } from '../types.js';
import { checkHelpersKnown, checkPrecompiledModule, compiledFromModule } from './compiled-from-module.js';
import { runtimeModules } from './modules.js';

export function loadPrecompiled(template: Template, module: PrecompiledModule): CompiledTemplate {
  const checked = checkPrecompiledModule('loadPrecompiled', template, module);
  if (checked.needs)
    checkHelpersKnown('loadPrecompiled', template, checked.needs, (name) =>
      Object.hasOwn(runtimeModules, name),
    );
  return compiledFromModule(template, module, runtimeModules, checked);
}
