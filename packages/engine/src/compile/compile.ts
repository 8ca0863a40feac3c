/**
 * compile(template): never throws. Checks run cheapest and safest first (shape, depth, size, forbidden keys)
 * so that nothing recursive touches a hostile document; ajv runs last.
 */
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import { isRecord, joinPointer } from '../pointer.js';
import { makeCompiledTemplate } from '../runtime/compiled-template.js';
import { validatorsFromManifest } from '../runtime/validators-from-manifest.js';
import { type ResolvedTemplate, resolveTemplate } from '../template/resolve.js';
import { subschemas } from '../template/walk.js';
import type {
  CompiledTemplate,
  CompileOptions,
  CompileResult,
  Json,
  PrecompiledManifest,
  Template,
  TemplateProblem,
  Validator,
} from '../types.js';
import { createAjv, metaValidatorAjv, NeedsTracking } from './ajv-instance.js';
import { checkFieldReferences, checkIds, checkParameters, checkPatterns, checkRefs } from './checks.js';
import { guardDocument } from './guard.js';
import { templateMetaSchema } from './template-meta-schema.js';
import { registerSchemas, shareCompiledFragments } from './validators.js';

export interface CompiledInternals {
  ok: true;
  compiled: CompiledTemplate;
  ajv: Ajv2020;
  refs: { [exportName: string]: string };
  manifest: Omit<
    PrecompiledManifest,
    'templateId' | 'templateVersion' | 'templateHash' | 'templateDigest' | 'textDigests'
  >;
  resolved: ResolvedTemplate;
}

export function compile(input: unknown, options: CompileOptions = {}): CompileResult {
  const result = compileWithInternals(input, options);
  return result.ok ? { ok: true, compiled: result.compiled } : result;
}

/** How the validators are laid out; tests compare the defaults with the plain layout. */
export interface LayoutOptions {
  /** 'always': ajv's evaluation bookkeeping even where nothing needs it; default: only where needed (ajv-instance.ts). */
  tracking?: 'auto' | 'always';
  /** false: the form as one function; default: one function per top-level section (share-subschemas.ts). */
  split?: boolean;
}

export function compileWithInternals(
  input: unknown,
  options: CompileOptions = {},
  layout: LayoutOptions = {},
): CompiledInternals | { ok: false; problems: TemplateProblem[] } {
  try {
    return compileSteps(input, options, layout);
  } catch (error) {
    // Every known failure is mapped below; this is the last line so that compile never throws.
    return {
      ok: false,
      problems: [
        {
          code: 'invalid-schema',
          pointer: '',
          message: `The template could not be compiled: ${(error as Error).message}`,
        },
      ],
    };
  }
}

function fail(problems: TemplateProblem[]): { ok: false; problems: TemplateProblem[] } {
  return { ok: false, problems };
}

function compileSteps(
  input: unknown,
  options: CompileOptions,
  layout: LayoutOptions,
): CompiledInternals | { ok: false; problems: TemplateProblem[] } {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (error) {
      return fail([
        {
          code: 'not-json',
          pointer: '',
          message: `The template is not valid JSON: ${(error as Error).message}`,
        },
      ]);
    }
  }
  if (!isRecord(doc))
    return fail([
      {
        code: 'not-a-template',
        pointer: '',
        message: 'A template must be a JSON object with id, version, title and schema.',
      },
    ]);

  const guarded = guardDocument(doc);
  if (guarded.length > 0) return fail(guarded);

  const meta = metaValidatorAjv();
  const validateMeta = meta.getSchema(templateMetaSchema.$id) ?? meta.compile(templateMetaSchema);
  if (!validateMeta(doc)) return fail(metaProblems(validateMeta.errors ?? []));

  const template = doc as unknown as Template;
  const problems: TemplateProblem[] = [];
  checkParameters(template, problems);
  const { resolved, problems: paramProblems } = resolveTemplate(template);
  problems.push(...paramProblems);
  checkIds(template, problems);
  checkRefs(resolved, new Set(Object.keys(options.schemas ?? {})), problems);
  checkPatterns(resolved.schema, problems);
  checkFieldReferences(template, resolved, problems);
  if (problems.length > 0) return fail(problems);

  // Lean first (no evaluation bookkeeping); a template that needs tracking is compiled again with it.
  // Sections are split only when no extra schema could refer into the form by its path.
  const split = layout.split !== false && Object.keys(options.schemas ?? {}).length === 0;
  if (layout.tracking !== 'always') {
    try {
      return compileValidators(createAjv({ tracking: false }), template, resolved, options, split);
    } catch (error) {
      if (!(error instanceof NeedsTracking)) throw error;
    }
  }
  return compileValidators(createAjv(), template, resolved, options, split);
}

function compileValidators(
  ajv: Ajv2020,
  template: Template,
  resolved: ResolvedTemplate,
  options: CompileOptions,
  split: boolean,
): CompiledInternals | { ok: false; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  for (const [id, schema] of Object.entries(options.schemas ?? {})) {
    try {
      ajv.addSchema(schema as object, id);
    } catch (error) {
      // Checking it against a custom meta-schema compiled that one, which needs tracking.
      if (error instanceof NeedsTracking) throw error;
      problems.push({
        code: 'invalid-schema',
        pointer: '',
        message: `The extra schema "${id}" is not valid: ${(error as Error).message}`,
      });
    }
  }
  problems.push(...schemaProblems(resolved.schema, '/schema'));
  resolved.gates.forEach((gate, i) => {
    for (const part of ['when', 'check'] as const)
      if (isRecord(gate[part])) problems.push(...schemaProblems(gate[part] as Json, `/gates/${i}/${part}`));
  });
  if (problems.length > 0) return fail(problems);

  const { refs, manifest } = registerSchemas(ajv, resolved, { split });
  const compiledByName: { [name: string]: Validator } = {};
  // The form first: once it is compiled, the gate and `if` validators reuse its generated functions.
  const ordered = Object.entries(refs).sort(([a], [b]) => Number(b === 'form') - Number(a === 'form'));
  for (const [name, ref] of ordered) {
    try {
      const validate = ajv.getSchema(ref);
      if (!validate) throw new Error(`cannot resolve ${ref}`);
      compiledByName[name] = validate as unknown as Validator;
      if (name === 'form') shareCompiledFragments(ajv, refs);
    } catch (error) {
      if (error instanceof NeedsTracking) throw error;
      return fail([ajvThrowProblem(error as Error, resolved, name)]);
    }
  }
  const validators = validatorsFromManifest(manifest, compiledByName);
  return {
    ok: true,
    compiled: makeCompiledTemplate(template, resolved, validators),
    ajv,
    refs,
    manifest,
    resolved,
  };
}

function metaProblems(errors: ErrorObject[]): TemplateProblem[] {
  const seen = new Set<string>();
  const out: TemplateProblem[] = [];
  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === 'oneOf') continue;
    let pointer = e.instancePath;
    let message = `${pointer || 'The template'} ${e.message ?? 'is not valid'}`;
    if (e.keyword === 'additionalProperties') {
      const extra = String((e.params as { additionalProperty?: unknown }).additionalProperty);
      pointer = joinPointer(pointer, extra);
      message = `"${extra}" is not part of the template format here. Remove it or check the spelling.`;
    } else if (e.keyword === 'required') {
      const missing = String((e.params as { missingProperty?: unknown }).missingProperty);
      message = `"${missing}" is needed here${e.instancePath ? ` (at ${e.instancePath})` : ''}. Add it.`;
    }
    const key = `${pointer} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: 'not-a-template', pointer, message });
  }
  return out;
}

function schemaProblems(schema: Json, at: string): TemplateProblem[] {
  // The meta-schema check runs on an Ajv with messages on (the validators' Ajv has them off).
  const ajv = metaValidatorAjv();
  if (ajv.validateSchema(schema as object)) return [];
  const seen = new Set<string>();
  const out: TemplateProblem[] = [];
  for (const e of ajv.errors ?? []) {
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const pointer = `${at}${e.instancePath}`;
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    const detail = e.params && Object.keys(e.params).length > 0 ? ` (${JSON.stringify(e.params)})` : '';
    out.push({
      code: 'invalid-schema',
      pointer,
      message: `Not valid JSON Schema here: ${e.message ?? 'invalid'}${detail}. Fix it to follow draft 2020-12.`,
    });
  }
  return out.slice(0, 20);
}

/** ajv reports some schema faults by throwing, without a location: find it in the schema. */
function ajvThrowProblem(error: Error, resolved: ResolvedTemplate, exportName: string): TemplateProblem {
  const message = error.message;
  const unknownKeyword = /unknown keyword: "([^"]+)"/.exec(message);
  const roots: [unknown, string][] = [[resolved.schema, '/schema']];
  resolved.gates.forEach((g, i) => {
    roots.push([g.when, `/gates/${i}/when`], [g.check, `/gates/${i}/check`]);
  });
  if (unknownKeyword) {
    const keyword = unknownKeyword[1]!;
    return {
      code: 'unknown-keyword',
      pointer: findKeyword(roots, keyword) ?? '',
      message: `"${keyword}" is not a keyword of JSON Schema 2020-12 or of Formwork's vocabulary (x-within, x-sameDay, x-age). Check the spelling or move it into "description".`,
    };
  }
  const format = /unknown format "([^"]+)"/.exec(message);
  if (format) {
    const name = format[1]!;
    return {
      code: 'invalid-schema',
      pointer: findKeyword(roots, 'format', name) ?? '/schema',
      message: `The format "${name}" is not known. Use date-time, date, time, email, uri or another standard format.`,
    };
  }
  const keywordValue =
    /keyword "?([^"\s]+)"? value is invalid/.exec(message) ?? /value of keyword "([^"]+)"/.exec(message);
  if (keywordValue) {
    const keyword = keywordValue[1]!;
    return {
      code: 'invalid-schema',
      pointer: findKeyword(roots, keyword) ?? '',
      message: `The arguments of "${keyword}" are not valid (${message}). See docs/template-format.md for its form.`,
    };
  }
  return {
    code: 'invalid-schema',
    pointer: exportName === 'form' ? '/schema' : '',
    message: `Not valid JSON Schema: ${message}`,
  };
}

function findKeyword(roots: [unknown, string][], keyword: string, value?: unknown): string | undefined {
  for (const [root, at] of roots) {
    for (const visit of subschemas(root, at)) {
      if (!Object.hasOwn(visit.schema, keyword)) continue;
      if (value === undefined || visit.schema[keyword] === value) return joinPointer(visit.pointer, keyword);
    }
  }
  return undefined;
}
