/** A JavaScript string literal in single quotes: JSON's many double quotes then need no escaping. */
export function singleQuoted(text: string): string {
  const escaped = text.replace(/[\\'\n\r\u2028\u2029]/g, (c) =>
    c === '\\' ? '\\\\' : c === "'" ? "\\'" : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `'${escaped}'`;
}
