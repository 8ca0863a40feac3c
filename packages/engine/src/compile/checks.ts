/** Template checks that need no ajv: parameters, ids, references to fields, refs, patterns, vocabulary arguments. */
import { getAt, isRecord, joinPointer, parsePointer } from '../pointer.js';
import type { ResolvedTemplate } from '../template/resolve.js';
import { subschemas } from '../template/walk.js';
import type { Json, Template, TemplateProblem } from '../types.js';
import { conditionFields, hasRequired, isKnownField, knownFields } from './fields.js';
import { checkPattern } from './patterns.js';

type Problems = TemplateProblem[];

export function checkParameters(template: Template, problems: Problems): void {
  for (const [name, p] of Object.entries(template.parameters ?? {})) {
    const at = `/parameters/${name}`;
    if (p.type === 'integer' && !Number.isInteger(p.value))
      problems.push({
        code: 'invalid-parameter',
        pointer: `${at}/value`,
        message: `"${name}" is an integer parameter: its value ${p.value} must be a whole number.`,
      });
    if (p.min !== undefined && p.max !== undefined && p.min > p.max)
      problems.push({
        code: 'invalid-parameter',
        pointer: `${at}/min`,
        message: `"${name}" has min ${p.min} above max ${p.max}. Swap or fix them.`,
      });
    if (p.min !== undefined && p.value < p.min)
      problems.push({
        code: 'invalid-parameter',
        pointer: `${at}/value`,
        message: `"${name}" is ${p.value}, below its min ${p.min}. Raise the value or lower min.`,
      });
    if (p.max !== undefined && p.value > p.max)
      problems.push({
        code: 'invalid-parameter',
        pointer: `${at}/value`,
        message: `"${name}" is ${p.value}, above its max ${p.max}. Lower the value or raise max.`,
      });
    if (p.type === 'hours' && p.value < 0)
      problems.push({
        code: 'invalid-parameter',
        pointer: `${at}/value`,
        message: `"${name}" is a number of hours and cannot be negative.`,
      });
  }
}

export function checkIds(template: Template, problems: Problems): void {
  const stageIds = new Set<string>();
  (template.stages ?? []).forEach((stage, i) => {
    if (stageIds.has(stage.id))
      problems.push({
        code: 'duplicate-id',
        pointer: `/stages/${i}/id`,
        message: `Two stages are called "${stage.id}". Give each stage its own id.`,
      });
    stageIds.add(stage.id);
  });
  const gateIds = new Set<string>();
  (template.gates ?? []).forEach((gate, i) => {
    if (gateIds.has(gate.id))
      problems.push({
        code: 'duplicate-id',
        pointer: `/gates/${i}/id`,
        message: `Two gates are called "${gate.id}". Give each gate its own id.`,
      });
    gateIds.add(gate.id);
    if (!stageIds.has(gate.stage))
      problems.push({
        code: 'unknown-stage',
        pointer: `/gates/${i}/stage`,
        message: `Gate "${gate.id}" belongs to stage "${gate.stage}", which is not in "stages". Use one of: ${[...stageIds].join(', ') || '(no stages declared)'}.`,
      });
  });
}

/** Where in the record a subschema at this schema pointer applies, or undefined inside `$defs` (reused parts). */
function recordPrefix(schemaPointer: string): string | undefined {
  const segments = parsePointer(schemaPointer).slice(1);
  let at = '';
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s === '$defs' || s === 'definitions' || s === 'dependentSchemas' || s === 'patternProperties')
      return undefined;
    if (s === 'properties') at = joinPointer(at, segments[++i] ?? '');
    else if (s === 'items' || s === 'contains') at = `${at}/*`;
    else if (s === 'prefixItems') {
      i++;
      at = `${at}/*`;
    } else if (s === 'allOf' || s === 'anyOf' || s === 'oneOf') i++;
  }
  return at;
}

export function checkFieldReferences(
  template: Template,
  resolved: ResolvedTemplate,
  problems: Problems,
): void {
  const schema = resolved.schema;
  const known = knownFields(schema);
  const unknown = (pointer: string, field: string, what: string) =>
    problems.push({
      code: 'unknown-field',
      pointer,
      message: `${what} names the field ${JSON.stringify(field)}, which is not in the form schema. Check the spelling or add the question.`,
    });

  const checkCondition = (
    condition: unknown,
    at: string,
    prefix: string,
    what: string,
    needsRequired: boolean,
  ) => {
    const reported = new Set<string>();
    for (const { pointer, via } of conditionFields(condition, schema)) {
      const field = prefix + pointer;
      if (isKnownField(known, field) || reported.has(field)) continue;
      reported.add(field);
      unknown(at + via.replace(/\/\$ref.*$/, ''), field, what);
    }
    if (needsRequired && !hasRequired(condition, schema))
      problems.push({
        code: 'invalid-condition',
        pointer: at,
        message: `${what} has no "required": it would be true on an empty record. Add "required" with the fields it reads.`,
      });
  };

  resolved.gates.forEach((gate, i) => {
    for (const [j, pointer] of (gate.requires ?? []).entries())
      if (!isKnownField(known, pointer)) unknown(`/gates/${i}/requires/${j}`, pointer, `Gate "${gate.id}"`);
    if (gate.when !== undefined)
      checkCondition(gate.when, `/gates/${i}/when`, '', `The "when" of gate "${gate.id}"`, true);
    if (gate.check !== undefined)
      checkCondition(gate.check, `/gates/${i}/check`, '', `The "check" of gate "${gate.id}"`, false);
  });
  if (resolved.safeguardingWhen !== undefined)
    checkCondition(resolved.safeguardingWhen, '/safeguarding/when', '', 'The safeguarding condition', true);

  for (const visit of subschemas(schema, '/schema')) {
    if (visit.via === 'if') {
      const prefix = recordPrefix(visit.pointer);
      if (prefix !== undefined) checkCondition(visit.schema, visit.pointer, prefix, 'This "if"', true);
    }
    if (visit.via === 'condition')
      checkCondition(visit.schema, visit.pointer, '', 'This named condition', true);
    for (const keyword of ['x-within', 'x-sameDay'] as const) {
      const args = visit.schema[keyword];
      const other = isRecord(args) ? (keyword === 'x-within' ? args.after : args.as) : undefined;
      if (typeof other === 'string' && other.startsWith('/') && !isKnownField(known, other))
        unknown(
          `${visit.pointer}/${keyword}/${keyword === 'x-within' ? 'after' : 'as'}`,
          other,
          `"${keyword}"`,
        );
    }
    const zone = isRecord(visit.schema['x-sameDay']) ? visit.schema['x-sameDay'].timeZone : undefined;
    if (typeof zone === 'string' && !isTimeZone(zone))
      problems.push({
        code: 'invalid-schema',
        pointer: `${visit.pointer}/x-sameDay/timeZone`,
        message: `"${zone}" is not a time zone this engine knows. Use an IANA name such as "Europe/London".`,
      });
  }

  const sections = isRecord(schema.properties) ? schema.properties : {};
  const sectionStage = new Map<string, string>();
  resolved.stages.forEach((stage, i) => {
    for (const [j, section] of (stage.sections ?? []).entries()) {
      const at = `/stages/${i}/sections/${j}`;
      if (!Object.hasOwn(sections, section))
        problems.push({
          code: 'unknown-field',
          pointer: at,
          message: `Stage "${stage.id}" lists the section ${JSON.stringify(section)}, which is not a property of the form schema. Use one of: ${Object.keys(sections).join(', ') || '(none)'}.`,
        });
      else if (sectionStage.has(section))
        problems.push({
          code: 'duplicate-id',
          pointer: at,
          message: `The section ${JSON.stringify(section)} is listed by stage "${sectionStage.get(section)}" and by stage "${stage.id}". List it only at the stage that first asks for it.`,
        });
      else sectionStage.set(section, stage.id);
    }
  });
  resolved.stages.forEach((stage, i) => {
    const from = stage.due?.from;
    if (from && from !== '$createdAt' && !isKnownField(known, from))
      unknown(`/stages/${i}/due/from`, from, `The deadline of stage "${stage.id}"`);
  });
  for (const pointer of Object.keys(template.messages ?? {}))
    if (!isKnownField(known, pointer)) unknown(`/messages/${escapeKey(pointer)}`, pointer, 'A message');
  for (const [name, point] of Object.entries(template.extensionPoints ?? {})) {
    const target = getAt(template, point.pointer);
    if (target === undefined || target === null)
      problems.push({
        code: 'unknown-field',
        pointer: `/extensionPoints/${escapeKey(name)}/pointer`,
        message: `Extension point "${name}" points at ${point.pointer}, which is not in the template. Point it at an "enum" or its "items".`,
      });
  }
}

function escapeKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function checkRefs(resolved: ResolvedTemplate, known: Set<string>, problems: Problems): void {
  const roots: [unknown, string][] = [[resolved.schema, '/schema']];
  resolved.gates.forEach((g, i) => {
    roots.push([g.when, `/gates/${i}/when`], [g.check, `/gates/${i}/check`]);
  });
  for (const [root, at] of roots) {
    for (const visit of subschemas(root, at)) {
      for (const keyword of ['$ref', '$dynamicRef'] as const) {
        const ref = visit.schema[keyword];
        if (typeof ref !== 'string' || ref.startsWith('#')) continue;
        const doc = ref.split('#')[0] ?? '';
        if (known.has(doc) || doc === resolved.schema.$id) continue;
        problems.push({
          code: 'invalid-schema',
          pointer: `${visit.pointer}/${keyword}`,
          message: `"${ref}" refers to another document. The engine fetches nothing: put the part in "$defs" and use "#/$defs/…".`,
        });
      }
    }
  }
}

export function checkPatterns(schema: Json, problems: Problems): void {
  for (const visit of subschemas(schema, '/schema')) {
    const candidates: [string, string][] = [];
    if (typeof visit.schema.pattern === 'string')
      candidates.push([visit.schema.pattern, `${visit.pointer}/pattern`]);
    if (isRecord(visit.schema.patternProperties))
      for (const key of Object.keys(visit.schema.patternProperties))
        candidates.push([key, `${visit.pointer}/patternProperties/${escapeKey(key)}`]);
    for (const [pattern, pointer] of candidates) {
      const verdict = checkPattern(pattern);
      if (verdict.ok) continue;
      problems.push({
        code: verdict.code,
        pointer,
        message:
          verdict.code === 'unsafe-pattern'
            ? `The pattern ${JSON.stringify(pattern)} could take very long to check (${verdict.reason}). Rewrite it without a repeat inside a repeat.`
            : `The pattern ${JSON.stringify(pattern)} cannot be used: ${verdict.reason}.`,
      });
    }
  }
}
