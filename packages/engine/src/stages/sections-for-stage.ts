/**
 * sectionsForStage(compiled, stage): the sections to show for a record currently in `stage`: those needed from the
 * start and those first asked for at most one stage later (the next stage's questions are what the person is
 * working on now), in the form's order (`ui:order`, else the schema's). An unknown or absent stage shows every
 * section: this is for display only, and hiding answers is never safer than showing them.
 */
import { isRecord } from '../pointer.js';
import type { CompiledTemplate } from '../types.js';
import { sectionStages } from './section-stages.js';

/** The sections in display order: `ui:order` with `*` standing for the rest in schema order (as rjsf does). */
function displayOrder(compiled: CompiledTemplate): string[] {
  const sections = isRecord(compiled.schema.properties) ? Object.keys(compiled.schema.properties) : [];
  const uiOrder = compiled.uiSchema['ui:order'];
  if (!Array.isArray(uiOrder)) return sections;
  const known = new Set(sections);
  const named = uiOrder.filter((s): s is string => typeof s === 'string' && known.has(s));
  const rest = sections.filter((s) => !named.includes(s));
  const star = uiOrder.indexOf('*');
  if (star < 0) return [...named, ...rest];
  const before = uiOrder.slice(0, star).filter((s): s is string => typeof s === 'string' && known.has(s));
  const after = named.filter((s) => !before.includes(s));
  return [...before, ...rest, ...after];
}

export function sectionsForStage(compiled: CompiledTemplate, stage: string | undefined): string[] {
  const order = displayOrder(compiled);
  const stageIds = compiled.stages.map((s) => s.id);
  const current = stage === undefined ? -1 : stageIds.indexOf(stage);
  if (current < 0) return order;
  const stages = sectionStages(compiled);
  return order.filter((section) => {
    const asked = stages[section];
    if (asked === null || asked === undefined) return true;
    const index = stageIds.indexOf(asked);
    return index < 0 || index <= current + 1;
  });
}
