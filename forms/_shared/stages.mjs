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
