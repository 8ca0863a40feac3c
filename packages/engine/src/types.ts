/**
 * The template format and the engine's results, as types. This file is the contract between the engine and
 * everything built on it (server, runtime, admin, CLI): change it deliberately.
 *
 * Pointers:
 * - a *record pointer* is an RFC 6901 JSON pointer into the record's data (`/incident/occurredAt`); inside an
 *   array of objects, `*` stands for every item (`/actions/*\/owner`).
 * - a *schema pointer* is a JSON pointer into the template document (`/schema/properties/incident`).
 */

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON Schema (draft 2020-12) object, possibly using Formwork's vocabulary (`x-within`, `x-sameDay`, `x-age`). */
export type JsonSchema = { [key: string]: Json } | boolean;

/** Where a parameter's value is used: `{ "$param": "name" }` stands in place of a number anywhere in `schema`,
 * a gate's `when`/`check`, or a stage's `due.hours`. */
export interface ParamRef {
  $param: string;
}

export type ParameterType = 'integer' | 'number' | 'hours';

/** A named value a rule uses, declared so that providers can later tighten (never loosen) it. */
export interface Parameter {
  type: ParameterType;
  value: number;
  /** Which way is stricter: `lower` (fewer indicators trigger the rule, a shorter window) or `higher`. */
  stricter: 'lower' | 'higher';
  /** Bounds a local adaptation may not cross. */
  min?: number;
  max?: number;
  title: string;
  description?: string;
  /** Where the value comes from: a seed document or the guidance named in domain research. */
  source?: string;
}

/** A place where a provider may add options locally (overlays, ROADMAP). Only count-based conditions may read
 * an extensible field, or adding an option could loosen a rule. */
export interface ExtensionPoint {
  /** Schema pointer to the `enum` (or the `items` holding it) that may grow. */
  pointer: string;
  title: string;
  description?: string;
}

export interface StageDeadline {
  /** Record pointer to the date-time the deadline counts from, or `$createdAt` (when the record was started). */
  from: string;
  hours: number | ParamRef;
}

export interface Stage {
  id: string;
  title: string;
  description?: string;
  /** Roles that may move a record into this stage; absent = anyone who can edit the record. */
  roles?: string[];
  /** The record must be signed off (password re-entered) to enter this stage. */
  signOff?: boolean;
  /** A closed record cannot be edited or moved on. */
  final?: boolean;
  /** When entering this stage falls due. Overdue status needs an explicit `now`. */
  due?: StageDeadline;
  /**
   * Top-level sections (properties of the root schema) first asked for at this stage: shown from the stage before
   * it on (`sectionsForStage`). Wins over what the gates imply; sections named nowhere are derived from the gates.
   */
  sections?: string[];
}

export type GateSeverity = 'block' | 'warn';

/** A "cannot proceed without" rule attached to the transition into `stage`. */
export interface Gate {
  id: string;
  stage: string;
  /** Plain words for staff: what is needed and why. Never blames. */
  message: string;
  /** When the gate applies: a JSON Schema over the whole record (put `required` in it). Absent = always. */
  when?: JsonSchema;
  /** Record pointers that must be present (not undefined, not null, not ""/[]). */
  requires?: string[];
  /** A JSON Schema over the whole record that must hold. */
  check?: JsonSchema;
  severity: GateSeverity;
  /** Where the rule comes from: seed document or guidance (shown to inspectors, not to staff). */
  source?: string;
}

export interface ChangelogEntry {
  version: string;
  changes: string[];
}

/** A renamed question, so that later versions (and draft migration) can follow it. */
export interface Rename {
  from: string;
  to: string;
}

/** One version of one template: the unit that is published, stored, precompiled and pinned by records. */
export interface Template {
  $schema?: string;
  id: string;
  version: string;
  title: string;
  description?: string;
  changelog?: ChangelogEntry[];
  /** JSON Schema draft 2020-12, root `type: "object"`. */
  schema: { [key: string]: Json };
  /** @rjsf/core uiSchema. */
  uiSchema?: { [key: string]: Json };
  /** Staff-facing messages by record pointer and keyword: `{ "/occurredAt": { "required": "Enter …" } }`. */
  messages?: { [pointer: string]: { [keyword: string]: string } };
  /** Ordered lifecycle; the first stage is where a new record starts. */
  stages?: Stage[];
  gates?: Gate[];
  parameters?: { [name: string]: Parameter };
  extensionPoints?: { [name: string]: ExtensionPoint };
  renames?: Rename[];
  /** Records of this template are safeguarding records (seen only by safeguarding leads and managers, and by their
   * author) always, or when the record matches `when` (a JSON Schema over the record, e.g. a `$ref` to a named
   * condition). */
  safeguarding?: { always?: boolean; when?: JsonSchema };
}

/** A problem with a template: data, never an exception. */
export interface TemplateProblem {
  code: TemplateProblemCode;
  /** JSON pointer into the template document. */
  pointer: string;
  /** What is wrong and what to do next. */
  message: string;
}

export type TemplateProblemCode =
  | 'not-json'
  | 'not-a-template'
  | 'invalid-schema'
  | 'unknown-keyword'
  | 'unknown-field'
  | 'unknown-parameter'
  | 'unknown-stage'
  | 'duplicate-id'
  | 'unsafe-pattern'
  | 'invalid-pattern'
  | 'too-deep'
  | 'too-large'
  | 'forbidden-key'
  | 'invalid-parameter'
  | 'invalid-condition';

export interface FieldError {
  /** Record pointer of the field the message belongs to ("" for the record as a whole). */
  path: string;
  /** Plain words for staff. */
  message: string;
  /** The keyword or rule that produced it (`required`, `format`, `x-within`, …). */
  rule: string;
  /**
   * Set when the message is about a question inside a required group nobody has started (the group's own
   * "Answer ‘…’" is replaced by its questions' messages): the title of the innermost such group, so that a summary
   * can say whose question it is ("Answer ‘Name’ (Person involved)").
   */
  group?: string;
}

export type GateStatus = 'met' | 'blocked' | 'not-applicable';

export interface GateResult {
  id: string;
  stage: string;
  status: GateStatus;
  severity: GateSeverity;
  message: string;
  /** Record pointers the gate still needs (empty when met or not applicable). */
  missing: string[];
}

export interface EvaluateOptions {
  /** The stage the record wants to enter; gates of every stage up to and including it are checked. */
  to?: string;
  /** ISO-8601 instant. Needed by `x-age` and stage deadlines; the engine never reads the clock. */
  now?: string;
}

export interface EvaluateResult {
  valid: boolean;
  errors: FieldError[];
  gates: GateResult[];
  canProceed: boolean;
  /** The record is a safeguarding record (the template's `safeguarding` rule). */
  safeguarding: boolean;
}

export interface PruneResult {
  /**
   * The record without values in branches that are not shown, and without keys the schema does not declare where
   * an object schema lists its `properties` and does not allow others explicitly (`additionalProperties` or
   * `unevaluatedProperties` other than `false`, `patternProperties`, `dependentSchemas`): e.g. a field from a
   * newer template version in a record pinned to an older one.
   */
  data: Json;
  /** The values removed, by record pointer: shown to staff and kept in history, never dropped silently. */
  removed: { path: string; value: Json }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Compiled templates (added by the engine core; additive only).

/** A compiled validator: ajv's function shape. Call it with `validate.call({ now }, data, { rootData })`. */
export interface Validator {
  (this: ValidationContext | undefined, data: unknown, dataCxt?: { rootData?: unknown }): boolean;
  errors?: ValidatorError[] | null;
}

/** What the vocabulary's keywords read through ajv's `passContext`. */
export interface ValidationContext {
  /** ISO-8601 instant for `x-age`. */
  now?: string;
  /** Set by `x-age` when it needed `now` and had none: the evaluation must fail closed. */
  needsNow?: boolean;
}

/** An ajv error object (the fields the engine reads). */
export interface ValidatorError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: { [key: string]: unknown };
  message?: string;
}

/** The validators of one template version, from the ajv compiler or from a precompiled module. */
export interface TemplateValidators {
  form: Validator;
  /** By gate index in `template.gates`. */
  gates: { when?: Validator; check?: Validator }[];
  /** Every `if` subschema of the form schema, by template pointer (`/schema/allOf/0/if`). */
  ifs: { [templatePointer: string]: Validator };
  safeguarding?: Validator;
}

/** One template version, ready to evaluate. Produced by `compile`, `precompile` or `loadPrecompiled`. */
export interface CompiledTemplate {
  /** The authored template, untouched. */
  template: Template;
  /** The form schema with parameters substituted: what rjsf renders. */
  schema: { [key: string]: Json };
  uiSchema: { [key: string]: Json };
  /** Stages and gates with parameters substituted. */
  stages: Stage[];
  gates: Gate[];
  validators: TemplateValidators;
  /**
   * rjsf's condition question: does `data` satisfy this `if` subschema? Finds the precompiled validator by object
   * identity, then by canonical JSON; an unknown subschema is answered `false` (fail closed). Never throws.
   */
  isValid(subschema: unknown, data: unknown, rootSchema?: unknown): boolean;
}

export interface CompileOptions {
  /** Extra schema documents by `$id` that `$ref`s may name (the engine does no I/O). */
  schemas?: { [id: string]: JsonSchema };
}

export type CompileResult =
  | { ok: true; compiled: CompiledTemplate }
  | { ok: false; problems: TemplateProblem[] };

export type PrecompileResult =
  | { ok: true; code: string; compiled: CompiledTemplate }
  | { ok: false; problems: TemplateProblem[] };

/** What a precompiled module exports (`await import(url)` of `precompile(...).code`). */
export interface PrecompiledModule {
  /** `id@version` and canonical-JSON hash of the template it was built from. */
  manifest: PrecompiledManifest;
  /**
   * The run-time helpers `create` needs, by the module name ajv's standalone code `require`s (e.g.
   * `formwork:native-regexp` for a `pattern` that runs natively, `formwork:regexp`, which brings RE2JS, for one
   * that does not). `loadPrecompiledModule` downloads the large ones only when listed here.
   * Absent in modules built before it existed: those get every helper.
   */
  needs?: readonly string[];
  create(rt: unknown): { [exportName: string]: Validator };
}

export interface PrecompiledManifest {
  templateId: string;
  templateVersion: string;
  /** `fingerprint` of the template (every module has it; the check for modules without `templateDigest`). */
  templateHash: string;
  /**
   * `templateDigest` of the template (`w32:…`), which loading checks instead of `templateHash` because it is
   * cheaper to compute. Absent in modules made before it existed.
   */
  templateDigest?: string;
  /**
   * `templateDigest`s of the template's JSON text in the key orders it is expected to be loaded in (text-digests.ts):
   * loading checks the text the native JSON serialiser makes against these first. Absent in older modules.
   */
  textDigests?: readonly string[];
  form: string;
  gates: { when?: string; check?: string }[];
  ifs: { [templatePointer: string]: string };
  safeguarding?: string;
}

export type DeadlineStatus = 'not-due' | 'due-soon' | 'overdue';

export interface DeadlineResult {
  stage: string;
  title: string;
  /** ISO-8601 instant (UTC) when entering the stage falls due. */
  due: string;
  status: DeadlineStatus;
}

export interface DeadlineInput {
  data: unknown;
  /** The record's current stage id. */
  stage: string;
  /** ISO-8601 instant when the record was started (`$createdAt`). */
  createdAt: string;
}
