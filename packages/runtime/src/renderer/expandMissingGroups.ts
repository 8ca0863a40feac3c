import {
  type CompiledTemplate,
  type EvaluateResult,
  evaluate,
  type FieldError,
  type Json,
} from '@formwork/engine/runtime';
import { isWithin } from './errorSchema.js';
import { questionTitle } from './questionTitle.js';
import { getIn, setIn } from './record.js';

/** A field's message, and, when it stands in for a whole group nobody has started, that group's title (the error
 * summary names it, so that "Answer ‘Name’" says whose name). */
export interface ShownError extends FieldError {
  group?: string;
}

/** Groups inside groups (a section in a section) are opened this many levels deep at most. */
const MAX_DEPTH = 4;

/**
 * The engine reports a required group nobody has started as one message ("Answer ‘Restraint or restrictive
 * intervention’"), which names no question to answer and links to no field. Such a message is replaced by the
 * messages of the questions inside it: the engine is asked again with the group started (an empty object at its
 * pointer), so the words, the conditions and the template's own messages are all the engine's. A required value
 * that is not a group is left as it is.
 */
export function expandMissingGroups(
  compiled: CompiledTemplate,
  record: Json,
  result: EvaluateResult,
  options: { to?: string; now?: string },
): EvaluateResult {
  if (!result.errors.some((e) => isMissingValue(record, e))) return result;
  return { ...result, errors: expand(compiled, record, result.errors, options, 0) };
}

function expand(
  compiled: CompiledTemplate,
  record: Json,
  errors: readonly ShownError[],
  options: { to?: string; now?: string },
  depth: number,
): ShownError[] {
  const out: ShownError[] = [];
  const seen = new Set<string>();
  const add = (e: ShownError) => {
    const key = `${e.path}\u0000${e.rule}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  for (const e of errors) {
    if (depth >= MAX_DEPTH || !isMissingValue(record, e)) {
      add(e);
      continue;
    }
    const started = setIn(record, e.path, {});
    const inside = evaluate(compiled, started, options).errors.filter(
      (c) => c.path !== e.path && isWithin(c.path, e.path),
    );
    if (inside.length === 0) {
      add(e);
      continue;
    }
    const group = e.group ?? questionTitle(compiled, e.path);
    for (const c of expand(compiled, started, inside, options, depth + 1))
      add({ ...c, group: c.group ?? group });
  }
  return out;
}

function isMissingValue(record: Json, e: FieldError): boolean {
  return e.rule === 'required' && e.path !== '' && getIn(record, e.path) === undefined;
}
