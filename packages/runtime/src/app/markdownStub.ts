/**
 * Stands in for markdown-to-jsx (aliased in vite.config.ts). rjsf's core imports it to render markdown in
 * descriptions and help (only with `ui:enableMarkdownInDescription` / `ui:enableMarkdownInHelp`, which Formwork's
 * theme never sets: it draws descriptions and help as plain text) and in a few developer-facing notes about
 * unsupported schemas. The real library is about 30 KiB gzipped of the form page for text staff never see; here
 * any text is shown as it is, never parsed.
 */
import { createElement, Fragment, type ReactNode } from 'react';

export function Markdown({ children }: { children?: ReactNode }): ReactNode {
  return createElement(Fragment, null, children);
}

export default Markdown;

/** markdown-to-jsx's string compiler, for completeness: the text as it is. */
export function compiler(text: string): string {
  return text;
}
