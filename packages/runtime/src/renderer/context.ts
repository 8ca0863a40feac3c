import type { GateSeverity } from '@formwork/engine/runtime';

/** What the theme's templates need from the form around them, passed as rjsf's `formContext`. One per section,
 * created once, so that passing it never re-renders a section. */
export interface RendererContext {
  /** Record pointer of the section's data: `/incident`, or `""` for a section of top-level fields. */
  prefix: string;
  /** rjsf input id → record pointer, filled in as fields render (rjsf's `onChange` and `onBlur` report ids). */
  ids: Map<string, string>;
  /** Someone left a field: its required message may show now. */
  onLeave: (pointer: string) => void;
  /** The strongest severity of an applicable gate (next stage or earlier) that needs this question, if any
   * (`gateNeeds`): such a question is not "optional". */
  gateNeed: (pointer: string) => GateSeverity | undefined;
}

/** The record pointer of a field inside a section, from rjsf's path segments. */
export function pointerIn(prefix: string, path: readonly (string | number)[]): string {
  let out = prefix;
  for (const seg of path) out += `/${String(seg).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return out;
}
