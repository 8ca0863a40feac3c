import type { CompiledTemplate, FieldError } from '@formwork/engine/runtime';
import { fieldTitle } from '@formwork/engine/runtime';
import type { Ref } from 'react';
import { fieldId } from './fieldId.js';

export interface ErrorSummaryProps {
  compiled: CompiledTemplate;
  errors: FieldError[];
  /** Called when a link is chosen; defaults to focusing the field by its id. The form uses it to open the
   * section that holds the field first. */
  onSelect?: (pointer: string) => void;
  title?: string;
  ref?: Ref<HTMLDivElement>;
}

/** GOV.UK-style error summary: a heading and one link per problem, each to its field. */
export function ErrorSummary(props: ErrorSummaryProps) {
  const { compiled, errors, onSelect, ref } = props;
  if (errors.length === 0) return null;
  return (
    <div className="fw-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="fw-error-summary-title">
      <h2 id="fw-error-summary-title" className="fw-error-summary__title">
        {props.title ?? 'There is a problem'}
      </h2>
      <ul className="fw-error-summary__list">
        {errors.map((e) => (
          <li key={`${e.path}:${e.rule}`}>
            <a
              href={`#${fieldId(e.path)}`}
              onClick={(ev) => {
                ev.preventDefault();
                (onSelect ?? focusField)(e.path);
              }}
            >
              {e.path ? `${fieldTitle(compiled, e.path)}: ` : ''}
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function focusField(pointer: string): void {
  document.getElementById(fieldId(pointer))?.focus();
}
