/**
 * loadPrecompiledModule(template, module): like loadPrecompiled, but the large helpers (re2js for a `pattern` that does not run natively,
 * fast-uri) are imported on demand, only when the module's `needs` names them, so a bundler puts them in chunks
 * that a template without patterns never downloads. A module built before modules declared their needs gets every
 * helper (it may use any of them).
 */
import type { CompiledTemplate, PrecompiledModule, Template } from '../types.js';
import { checkHelpersKnown, checkPrecompiledModule, compiledFromModule } from './compiled-from-module.js';
import { coreHelpers } from './core-helpers.js';
import { lazyHelperNames, loadLazyHelpers } from './lazy-helpers.js';

export async function loadPrecompiledModule(
  template: Template,
  module: PrecompiledModule,
): Promise<CompiledTemplate> {
  const checked = checkPrecompiledModule('loadPrecompiledModule', template, module);
  const { needs } = checked;
  if (needs)
    checkHelpersKnown(
      'loadPrecompiledModule',
      template,
      needs,
      (name) => Object.hasOwn(coreHelpers, name) || lazyHelperNames.includes(name),
    );
  const lazy = await loadLazyHelpers(needs ?? lazyHelperNames);
  return compiledFromModule(template, module, Object.freeze({ ...coreHelpers, ...lazy }), checked);
}
