import type { Role, Template } from '../api/types.js';

type Stage = NonNullable<Template['stages']>[number];

/** The stage after the record's current one, if there is one. */
export function nextStageOf(template: Template, current: string): Stage | undefined {
  const stages = template.stages ?? [];
  const i = stages.findIndex((s) => s.id === current);
  return i >= 0 ? stages[i + 1] : undefined;
}

export function stageTitle(template: Template, id: string): string {
  return template.stages?.find((s) => s.id === id)?.title ?? id;
}

/** Whether this role may move a record into the stage (no list = anyone who can edit the record). */
export function mayEnter(stage: Stage, role: Role): boolean {
  return !stage.roles || stage.roles.length === 0 || stage.roles.includes(role);
}
