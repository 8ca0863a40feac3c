/** Maps a manifest's export names to validators (shared by compile and loadPrecompiled). */
import type { PrecompiledManifest, TemplateValidators, Validator } from '../types.js';

export function validatorsFromManifest(
  manifest: Pick<PrecompiledManifest, 'form' | 'gates' | 'ifs' | 'safeguarding'>,
  byName: { [name: string]: Validator },
): TemplateValidators {
  const get = (name: string): Validator => {
    const v = Object.hasOwn(byName, name) ? byName[name] : undefined;
    if (typeof v !== 'function')
      throw new Error(`The precompiled module has no validator "${name}". Precompile the template again.`);
    return v;
  };
  const validators: TemplateValidators = {
    form: get(manifest.form),
    gates: manifest.gates.map((g) => ({
      ...(g.when ? { when: get(g.when) } : {}),
      ...(g.check ? { check: get(g.check) } : {}),
    })),
    ifs: Object.fromEntries(Object.entries(manifest.ifs).map(([pointer, name]) => [pointer, get(name)])),
  };
  if (manifest.safeguarding) validators.safeguarding = get(manifest.safeguarding);
  return validators;
}
