import { loadPrecompiled } from '../runtime/index.js';
import type { CompiledTemplate, PrecompiledModule, Template } from '../types.js';

/**
 * Loads precompiled module text the way the browser and the server do (an ES module import), without writing a
 * temporary file: a data: URL is a module like any other to Node's loader.
 */
export async function loadPrecompiledCode(template: Template, code: string): Promise<CompiledTemplate> {
  const url = `data:text/javascript;base64,${Buffer.from(code, 'utf8').toString('base64')}`;
  const module = (await import(url)) as PrecompiledModule;
  return loadPrecompiled(template, module);
}
