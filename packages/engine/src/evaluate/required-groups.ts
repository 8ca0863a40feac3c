/**
 * A required group (a section, or an object inside one) that nobody has started fails with one `required` error
 * on the group, which names no question to answer. Such an error is replaced by the errors of the questions
 * inside it: what validating the form again with the group started (`{}` at its pointer) says inside the group,
 * recursively, so the words, the conditions and the template's own messages are exactly those the questions get
 * once the group exists (group-questions.ts works that out from the schema where it safely can).
 * Each carries `group`, the title of the innermost group it stands in for. A group with nothing required inside
 * keeps its own error.
 */
import { getAt, setAt } from '../pointer.js';
import type { CompiledTemplate, FieldError, ValidationContext } from '../types.js';
import { groupQuestions } from './group-questions.js';
import { fieldErrors } from './messages.js';
import type { EvaluatePlan } from './plan.js';
import { runValidator } from './run-validator.js';

/** Groups inside groups are opened this many levels deep at most. */
const MAX_DEPTH = 4;

function isUnstartedGroup(plan: EvaluatePlan, data: unknown, e: FieldError): boolean {
  // isGroup first: a cached answer, cheaper than reading the record.
  return e.rule === 'required' && e.path !== '' && plan.isGroup(e.path) && getAt(data, e.path) === undefined;
}

/** Returns `errors` itself when no group needs opening (the usual case: no copying on the hot path). */
export function expandRequiredGroups(
  compiled: CompiledTemplate,
  plan: EvaluatePlan,
  context: ValidationContext,
  data: unknown,
  errors: FieldError[],
): FieldError[] {
  return expand(compiled, plan, context, data, errors, 0);
}

function expand(
  compiled: CompiledTemplate,
  plan: EvaluatePlan,
  context: ValidationContext,
  data: unknown,
  errors: FieldError[],
  depth: number,
): FieldError[] {
  let out: FieldError[] | undefined;
  for (const [i, e] of errors.entries()) {
    const started =
      depth < MAX_DEPTH && isUnstartedGroup(plan, data, e) ? setAt(data, e.path, {}) : undefined;
    if (started === undefined) {
      out?.push(e);
      continue;
    }
    const prefix = `${e.path}/`;
    // Worked out from the schema where that gives the same answer; otherwise the whole form is validated again.
    const questions =
      groupQuestions(compiled, context, started, e.path) ??
      runValidator(compiled.validators.form, context, started).errors ??
      [];
    const inside = fieldErrors(compiled, questions).filter((c) => c.path.startsWith(prefix));
    out ??= errors.slice(0, i);
    if (inside.length === 0) {
      out.push(e);
      continue;
    }
    const group = e.group ?? plan.title(e.path);
    // A literal, not a spread: V8 builds it much faster (this is on evaluate's hot path for invalid records).
    for (const c of expand(compiled, plan, context, started, inside, depth + 1))
      out.push(c.group === undefined ? { path: c.path, message: c.message, rule: c.rule, group } : c);
  }
  return out === undefined ? errors : unique(out);
}

/** One message per field and rule, as fieldErrors gives them (a question may sit in two expanded groups). */
function unique(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
