import type { TemplateProblem } from '../types.js';

/** One line for a template that does not compile: the first problem with its pointer, and how many more there are. */
export function describeProblems(path: string, problems: readonly TemplateProblem[]): string {
  const first = problems[0];
  if (!first) return `${path} is not a usable template.`;
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${path} is not a usable template: at ${first.pointer || '/'} (${first.code}) ${first.message}${more}`;
}
