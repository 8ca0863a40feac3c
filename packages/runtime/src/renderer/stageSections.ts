import type { Json } from '@formwork/engine/runtime';
import { type Section, sectionData } from './sections.js';

/**
 * The sections to show for a record in its current stage: those the engine's `sectionsForStage` lists, those that
 * already hold answers (hiding what someone has written is never kinder than a longer form), and those revealed
 * because a message or gate points into them. Order stays the form's. When nothing would be left (a template
 * whose stages ask for none of the sections this record opens), every section shows.
 */
export function stageSections(
  sections: readonly Section[],
  forStage: ReadonlySet<string> | undefined,
  revealed: ReadonlySet<string>,
  record: Json,
): Section[] {
  if (forStage === undefined) return [...sections];
  const shown = sections.filter(
    (s) => s.keys.some((k) => forStage.has(k)) || revealed.has(s.key) || hasAnswers(sectionData(s, record)),
  );
  return shown.length > 0 ? shown : [...sections];
}

/** Whether a value holds any answer: empty objects, empty lists, `null` and `""` are not answers (rjsf makes up
 * empty objects for groups nobody has typed in). */
export function hasAnswers(value: Json | undefined): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(hasAnswers);
  if (typeof value === 'object') return Object.values(value).some(hasAnswers);
  return true;
}
