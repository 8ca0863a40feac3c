/**
 * Parameters: `{ "$param": "name" }` stands in place of a number. Resolution gives the schema, gates and stages
 * with every such object replaced by the declared value; the authored template is never touched (parts without a
 * parameter are shared with it, not copied).
 */
import { isRecord, joinPointer } from '../pointer.js';
import type { Gate, Json, Stage, Template, TemplateProblem } from '../types.js';

export interface ResolvedTemplate {
  schema: { [key: string]: Json };
  uiSchema: { [key: string]: Json };
  gates: Gate[];
  stages: Stage[];
  safeguardingWhen?: Json;
}

export function isParamRef(value: unknown): value is { $param: string } {
  return isRecord(value) && Object.keys(value).length === 1 && typeof value.$param === 'string';
}

/** Where a value sits, built only when a problem needs its pointer (joining every pointer costs more than the copy). */
type At = { up: At; key: string | number } | string;

function pointerOf(at: At): string {
  return typeof at === 'string' ? at : joinPointer(pointerOf(at.up), at.key);
}

/**
 * Copy-on-write: a part with no `$param` inside is returned as it is (shared with the authored template, which
 * nothing writes to), so that loading a large template copies only the paths to its parameters.
 */
function substituteParams(value: Json, at: At, template: Template, problems: TemplateProblem[]): Json {
  if (Array.isArray(value)) {
    let out: Json[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as Json;
      const next = substituteParams(item, { up: at, key: i }, template, problems);
      if (next === item) continue;
      out ??= value.slice();
      out[i] = next;
    }
    return out ?? value;
  }
  if (!isRecord(value)) return value;
  if ('$param' in value) {
    const name = value.$param;
    const declared =
      typeof name === 'string' && template.parameters && Object.hasOwn(template.parameters, name)
        ? template.parameters[name]
        : undefined;
    if (!isParamRef(value) || !declared) {
      problems.push({
        code: 'unknown-parameter',
        pointer: pointerOf(at),
        message: `The parameter ${JSON.stringify(name)} is not declared. Add it under "parameters" or fix the name.`,
      });
      return 0;
    }
    return declared.value;
  }
  let out: { [key: string]: Json } | undefined;
  for (const key of Object.keys(value)) {
    const child = value[key] as Json;
    const next = substituteParams(child, { up: at, key }, template, problems);
    if (next === child) continue;
    out ??= { ...value };
    out[key] = next;
  }
  return out ?? value;
}

/**
 * Resolves parameters; problems are `unknown-parameter` with the pointer of the `$param` object. `parameterFree`:
 * the caller knows the template has no `$param` anywhere (loading a module checks that), so every part is returned
 * as it is without walking it: the same result the walk gives.
 */
export function resolveTemplate(
  template: Template,
  { parameterFree = false }: { parameterFree?: boolean } = {},
): {
  resolved: ResolvedTemplate;
  problems: TemplateProblem[];
} {
  const problems: TemplateProblem[] = [];
  const substitute = parameterFree ? (value: Json) => value : substituteParams;
  const schema = substitute(template.schema as Json, '/schema', template, problems) as {
    [key: string]: Json;
  };
  const gates = (template.gates ?? []).map((gate, i) => {
    const copy: Gate = { ...gate };
    if (gate.when !== undefined)
      copy.when = substitute(gate.when as Json, `/gates/${i}/when`, template, problems) as Gate['when'];
    if (gate.check !== undefined)
      copy.check = substitute(gate.check as Json, `/gates/${i}/check`, template, problems) as Gate['check'];
    return copy;
  });
  const stages = (template.stages ?? []).map((stage, i) => {
    if (!stage.due) return { ...stage };
    return {
      ...stage,
      due: {
        ...stage.due,
        hours: substitute(stage.due.hours as Json, `/stages/${i}/due/hours`, template, problems) as number,
      },
    };
  });
  const resolved: ResolvedTemplate = {
    schema,
    uiSchema: (template.uiSchema ?? {}) as { [key: string]: Json },
    gates,
    stages,
  };
  if (template.safeguarding?.when !== undefined) {
    resolved.safeguardingWhen = substitute(
      template.safeguarding.when as Json,
      '/safeguarding/when',
      template,
      problems,
    );
  }
  return { resolved, problems };
}
