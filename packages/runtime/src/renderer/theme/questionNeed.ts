import type { Registry } from '@rjsf/utils';
import type { RendererContext } from '../context.js';

export interface QuestionNeed {
  /** Say "(optional)" after the question's title. */
  optional: boolean;
  /** `aria-required` on the control: set only when the answer truly cannot be left out. */
  ariaRequired: true | undefined;
}

/**
 * Whether a question must be answered: the schema requires it, or a gate of the next stage (or an earlier one)
 * needs it. Either kind drops "(optional)"; only the schema or a blocking gate makes it `aria-required` (a `warn`
 * gate is advice: the record can move on without the answer).
 */
export function questionNeed(
  required: boolean | undefined,
  registry: Registry,
  pointer: string | undefined,
): QuestionNeed {
  if (required) return { optional: false, ariaRequired: true };
  const ctx = registry.formContext as RendererContext | undefined;
  const gate = pointer === undefined ? undefined : ctx?.gateNeed(pointer);
  return { optional: gate === undefined, ariaRequired: gate === 'block' ? true : undefined };
}

/** A control's record pointer, from the id its question recorded (FieldTemplate renders before its widget). */
export function pointerOfId(registry: Registry, id: string): string | undefined {
  return (registry.formContext as RendererContext | undefined)?.ids.get(id);
}
