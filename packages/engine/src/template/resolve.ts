/**
 * Parameters: `{ "$param": "name" }` stands in place of a number. Resolution makes a copy of the schema, gates and
 * stages with every such object replaced by the declared value; the authored template is never touched.
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

function substitute(value: Json, at: At, template: Template, problems: TemplateProblem[]): Json {
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, { up: at, key: i }, template, problems));
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
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value))
    out[key] = substitute(value[key] as Json, { up: at, key }, template, problems);
  return out;
}

/** Resolves parameters; problems are `unknown-parameter` with the pointer of the `$param` object. */
export function resolveTemplate(template: Template): {
  resolved: ResolvedTemplate;
  problems: TemplateProblem[];
} {
  const problems: TemplateProblem[] = [];
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
