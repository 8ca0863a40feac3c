import type { CompiledTemplate, GateResult, GateSeverity } from '@formwork/engine/runtime';

/**
 * Questions an applicable gate of the next stage (or an earlier one) needs, by record pointer pattern, with the
 * strongest severity asking for each (`block` wins over `warn`). A question the record cannot move on without is
 * not "optional", whatever the schema's `required` says.
 *
 * Built from the evaluation the gates panel already has (never per keystroke): for every gate that applies (met
 * or blocked), its `requires` and its `missing` pointers. A `*` in a pattern stands for any item of a list, and
 * the list itself is needed too (the engine reports an empty list as missing).
 */
export interface GateNeeds {
  /** The strongest severity of a gate needing this record pointer, if any. */
  need(pointer: string): GateSeverity | undefined;
  /** The needs as text, equal for equal needs: a stable key for memoising. */
  key: string;
}

export const NO_GATE_NEEDS: GateNeeds = { need: () => undefined, key: '' };

export function gateNeeds(compiled: CompiledTemplate, gates: readonly GateResult[]): GateNeeds {
  const byPattern = new Map<string, GateSeverity>();
  const add = (pointer: string, severity: GateSeverity) => {
    if (byPattern.get(pointer) !== 'block') byPattern.set(pointer, severity);
  };
  for (const result of gates) {
    if (result.status === 'not-applicable') continue;
    const gate = compiled.gates.find((g) => g.id === result.id);
    for (const pointer of [...(gate?.requires ?? []), ...result.missing]) {
      add(pointer, result.severity);
      const star = pointer.indexOf('/*');
      if (star >= 0) add(pointer.slice(0, star), result.severity);
    }
  }
  if (byPattern.size === 0) return NO_GATE_NEEDS;
  const entries = [...byPattern].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const patterns = entries.map(([pattern, severity]) => ({ segments: pattern.split('/'), severity }));
  return {
    key: JSON.stringify(entries),
    need(pointer) {
      const segments = pointer.split('/');
      let found: GateSeverity | undefined;
      for (const p of patterns) {
        if (!matches(p.segments, segments)) continue;
        if (p.severity === 'block') return 'block';
        found = p.severity;
      }
      return found;
    },
  };
}

/** `*` matches one array index; every other segment matches itself (both sides are escaped the same way). */
function matches(pattern: readonly string[], pointer: readonly string[]): boolean {
  if (pattern.length !== pointer.length) return false;
  return pattern.every((s, i) => s === pointer[i] || (s === '*' && /^(0|[1-9]\d*)$/.test(pointer[i] ?? '')));
}
