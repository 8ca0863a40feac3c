// Helpers for stages and gates, so every template states them the same way.

export function stage(id, title, roles, extra = {}) {
  return { id, title, roles, ...extra };
}

export function param(name) {
  return { $param: name };
}

/** A gate. `when` is usually `ref(name)`, the same named condition the display uses. */
export function gate(id, stageId, message, { when, requires, check, severity = 'block', source }) {
  return {
    id,
    stage: stageId,
    message,
    ...(when ? { when } : {}),
    ...(requires ? { requires } : {}),
    ...(check ? { check } : {}),
    severity,
    source,
  };
}

/** The same stages, with the sections first asked for at some of them named explicitly (`Stage.sections`), where
 * what the gates imply is not what staff expect (e.g. a checklist whose indicators no gate requires). */
export function withSections(stages, sectionsByStage) {
  return stages.map((s) => (sectionsByStage[s.id] ? { ...s, sections: sectionsByStage[s.id] } : s));
}
