import { type CompiledTemplate, fieldTitle } from '@formwork/engine/runtime';

/** The question's title for a pointer, or the pointer itself when the template has none. */
export function questionTitle(compiled: CompiledTemplate, pointer: string): string {
  try {
    return fieldTitle(compiled, pointer) || pointer;
  } catch {
    return pointer;
  }
}
