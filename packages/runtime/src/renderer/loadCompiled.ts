import type { Template } from '@formwork/engine/runtime';
import {
  type CompiledTemplate,
  loadPrecompiledModule,
  type PrecompiledModule,
} from '@formwork/engine/runtime';

/** Loads the template's precompiled validator (an ES module served from our own origin, so a strict CSP
 * `script-src 'self'` holds) and returns the compiled template. No schema is compiled in the browser, and helpers
 * the module does not need (the linear-time regex engine for `pattern`, URI parsing) are never downloaded. */
export async function loadCompiled(templateDoc: Template, validatorUrl: string): Promise<CompiledTemplate> {
  const module = (await import(/* @vite-ignore */ validatorUrl)) as PrecompiledModule;
  return loadPrecompiledModule(templateDoc, module);
}
