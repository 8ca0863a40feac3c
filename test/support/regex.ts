export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A question's accessible name: its words, then " (optional)" when it may be left. */
export function questionName(label: string): RegExp {
  return new RegExp(`^${escapeRegExp(label)}( \\(optional\\))?$`);
}
