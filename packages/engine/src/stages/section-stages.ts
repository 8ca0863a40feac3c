/**
 * sectionStages(compiled): for each top-level section (a property of the root schema), the stage that first asks
 * for it, so that a form can show staff the sections of the stage they are working on and leave later stages'
 * sections (manager review, learning, …) until then.
 *
 * A section named in a stage's `sections` belongs to that stage. Otherwise: `null` when it is needed from the
 * start (the root `required`); else the earliest stage of any gate that reads into it (its `requires` pointers, or
 * the fields its `check` names); else `null` (no gate asks for it, so nothing says it can wait).
 */
import { conditionFields } from '../compile/fields.js';
import { isRecord, parsePointer } from '../pointer.js';
import type { CompiledTemplate } from '../types.js';

export type SectionStages = { [section: string]: string | null };

const cache = new WeakMap<CompiledTemplate, Readonly<SectionStages>>();

/** The top-level section a record pointer reads into (`/managerReview/reviewedBy` → `managerReview`). */
function sectionOf(pointer: string): string | undefined {
  return parsePointer(pointer)[0];
}

function derive(compiled: CompiledTemplate): SectionStages {
  const { schema, stages, gates } = compiled;
  const sections = isRecord(schema.properties) ? Object.keys(schema.properties) : [];
  const order = new Map(stages.map((s, i) => [s.id, i]));
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);

  const explicit = new Map<string, string>();
  for (const stage of stages)
    for (const section of stage.sections ?? []) if (!explicit.has(section)) explicit.set(section, stage.id);

  // Earliest gate stage (by stage order) that reads into each section.
  const asked = new Map<string, number>();
  for (const gate of gates) {
    const index = order.get(gate.stage);
    if (index === undefined) continue;
    const read = new Set<string>();
    for (const pointer of gate.requires ?? []) read.add(sectionOf(pointer) ?? '');
    if (gate.check !== undefined)
      for (const { pointer } of conditionFields(gate.check, schema)) read.add(sectionOf(pointer) ?? '');
    for (const section of read) {
      const before = asked.get(section);
      if (before === undefined || index < before) asked.set(section, index);
    }
  }

  const out: SectionStages = {};
  for (const section of sections) {
    const stage = explicit.get(section);
    if (stage !== undefined) out[section] = stage;
    else if (required.has(section)) out[section] = null;
    else {
      const index = asked.get(section);
      out[section] = index === undefined ? null : (stages[index]?.id ?? null);
    }
  }
  return out;
}

export function sectionStages(compiled: CompiledTemplate): SectionStages {
  let found = cache.get(compiled);
  if (!found) {
    found = Object.freeze(derive(compiled));
    cache.set(compiled, found);
  }
  // A copy: callers may change what they get without changing the next caller's answer.
  return { ...found };
}
