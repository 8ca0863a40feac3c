/**
 * Compiled templates for evaluate, loaded from the stored precompiled module (never compiled per request) and
 * cached in memory by content hash: a published version never changes, so its hash names it for good.
 */
import type { CompiledTemplate, Template } from '@formwork/engine';
import { loadPrecompiled } from '@formwork/engine';

const cache = new Map<string, Promise<CompiledTemplate>>();

export function compiledFor(
  hash: string,
  template: Template,
  validatorCode: string,
): Promise<CompiledTemplate> {
  let entry = cache.get(hash);
  if (!entry) {
    entry = (async () => {
      const url = `data:text/javascript;base64,${Buffer.from(validatorCode, 'utf8').toString('base64')}`;
      const module = await import(url);
      return loadPrecompiled(template, module);
    })();
    // A failed load is not cached: the next request tries again.
    entry.catch(() => cache.delete(hash));
    cache.set(hash, entry);
  }
  return entry;
}

export function cachedValidatorCount(): number {
  return cache.size;
}
