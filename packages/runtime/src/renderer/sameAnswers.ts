import type { Json } from '@formwork/engine/runtime';

/** Whether two values hold the same answers, treating an empty object like a missing one (rjsf creates empty
 * objects for groups nobody has answered anything in). */
export function sameAnswers(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(withoutEmpty(a) ?? null) === JSON.stringify(withoutEmpty(b) ?? null);
}

function withoutEmpty(value: Json | undefined): Json | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(value)) {
    const kept = withoutEmpty(v);
    if (kept !== undefined) out[k] = kept;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
