/** Ids of the parts tied to a field's input, so that `aria-describedby` names only parts that exist. */
export const hintId = (id: string) => `${id}__hint`;
export const errorMessageId = (id: string) => `${id}__error`;

export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? hintId(id) : '', hasError ? errorMessageId(id) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Whether a field has a hint: its schema description or `ui:help`/`ui:description`. */
export function hasHint(
  schema: { description?: unknown },
  uiSchema: Record<string, unknown> | undefined,
): boolean {
  return Boolean(uiSchema?.['ui:help'] || uiSchema?.['ui:description'] || schema.description);
}
