/**
 * Helpers that only some templates need, loaded on demand with `import()` so that a bundler splits each into its
 * own chunk: re2js (44 KiB gzipped) only for a template with a `pattern` that does not run natively
 * (bounded patterns use "formwork:native-regexp", a core helper), fast-uri only for `format: uri`-like
 * checks. A precompiled module declares what it needs in its `needs` export.
 */
import { defaultOf } from './default-of.js';

const loaders: { readonly [name: string]: () => Promise<unknown> } = {
  'formwork:regexp': async () => ({ default: (await import('./regexp.js')).linearRegExp }),
  'ajv/dist/runtime/uri': async () => ({ default: defaultOf(await import('ajv/dist/runtime/uri.js')) }),
};

/** The names of the helpers that load on demand. */
export const lazyHelperNames: readonly string[] = Object.freeze(Object.keys(loaders));

const loading = new Map<string, Promise<unknown>>();

/** Loads the named on-demand helpers (each once per page); names that are not on-demand helpers are skipped. */
export async function loadLazyHelpers(names: readonly string[]): Promise<{ [name: string]: unknown }> {
  const wanted = [...new Set(names)].filter((name) => Object.hasOwn(loaders, name));
  const loaded = await Promise.all(
    wanted.map((name) => {
      let entry = loading.get(name);
      if (!entry) {
        entry = loaders[name]!();
        // A failed load (a network error fetching the chunk) is tried again next time.
        entry.catch(() => loading.delete(name));
        loading.set(name, entry);
      }
      return entry;
    }),
  );
  return Object.fromEntries(wanted.map((name, i) => [name, loaded[i]]));
}
