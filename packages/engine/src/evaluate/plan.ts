/**
 * What evaluate needs from a compiled template besides its validators, worked out once per compiled template (on
 * first use, then cached): stage positions, each gate's stage and parsed `requires`, and question titles by
 * pointer. Nothing here walks the schema per call; titles are looked up once per pointer.
 */
import type { CompiledTemplate, Gate, TemplateValidators } from '../types.js';
import { schemasAt, titleInSchema } from './field-title.js';
import { type ParsedRequire, parseRequires } from './requires.js';

export interface GatePlan {
  gate: Gate;
  /** Position of the gate's stage in `stages` (-1 if unknown: compile rejects that). */
  stageIndex: number;
  validators: TemplateValidators['gates'][number];
  requires: readonly ParsedRequire[];
}

export interface EvaluatePlan {
  stageIds: readonly string[];
  stageIndex: ReadonlyMap<string, number>;
  gates: readonly GatePlan[];
  /** The question's title at a record pointer (cached). */
  title(pointer: string): string;
  /** Whether the value at a record pointer is a group of questions (an object schema), cached. */
  isGroup(pointer: string): boolean;
}

const plans = new WeakMap<CompiledTemplate, EvaluatePlan>();
// Answers are cached by exact pointer (array indexes included); a record with very many items cannot grow a
// cache without bound.
const MAX_CACHED = 10_000;

function cached<T>(compute: (pointer: string) => T): (pointer: string) => T {
  const cache = new Map<string, T>();
  return (pointer) => {
    if (cache.has(pointer)) return cache.get(pointer) as T;
    const value = compute(pointer);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(pointer, value);
    return value;
  };
}

function describesObject(schema: { [key: string]: unknown }): boolean {
  const type = schema.type;
  return (
    type === 'object' ||
    (Array.isArray(type) && type.includes('object')) ||
    (typeof schema.properties === 'object' && schema.properties !== null)
  );
}

function makePlan(compiled: CompiledTemplate): EvaluatePlan {
  const stageIds = compiled.stages.map((s) => s.id);
  const stageIndex = new Map(stageIds.map((id, i) => [id, i]));
  const gates = compiled.gates.map((gate, i) => ({
    gate,
    stageIndex: stageIndex.get(gate.stage) ?? -1,
    validators: compiled.validators.gates[i] ?? {},
    requires: parseRequires(gate.requires ?? []),
  }));
  return {
    stageIds,
    stageIndex,
    gates,
    title: cached((pointer) => titleInSchema(compiled.schema, pointer)),
    isGroup: cached((pointer) => schemasAt(compiled.schema, pointer).some(describesObject)),
  };
}

export function planOf(compiled: CompiledTemplate): EvaluatePlan {
  let plan = plans.get(compiled);
  if (!plan) {
    plan = makePlan(compiled);
    plans.set(compiled, plan);
  }
  return plan;
}

/** The title of the question at a record pointer, for error summaries and gate panels. */
export function fieldTitle(compiled: CompiledTemplate, pointer: string): string {
  return planOf(compiled).title(pointer);
}
