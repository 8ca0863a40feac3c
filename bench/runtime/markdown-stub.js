// Stands in for markdown-to-jsx in Formwork's page: rjsf's default description/help templates import it, but
// Formwork's theme never uses them (it draws descriptions and help as plain text).
import { createElement, Fragment } from 'react';

export function Markdown({ children }) {
  return createElement(Fragment, null, children);
}
export default Markdown;
export const compiler = (text) => text;
