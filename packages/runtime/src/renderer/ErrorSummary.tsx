import type { CompiledTemplate, FieldError, GateResult } from '@formwork/engine/runtime';
import { type Ref, useId } from 'react';
import { FieldLink } from './FieldLink.js';

export interface ErrorSummaryProps {
  /** The template the messages are about (the engine's messages already name their question). */
  compiled: CompiledTemplate;
  /** A message that stands in for part of a group nobody has started names the group too (`group`). */
  errors: readonly FieldError[];
  /** Gates from the same evaluation: the blocking ones are listed too, each linking to the first field it needs. */
  gates?: readonly GateResult[];
  /** Called when a link is chosen; defaults to focusing the field by its id. FormworkForm uses it to open the
   * section that holds the field first. */
  onSelect?: (pointer: string) => void;
  title?: string;
  ref?: Ref<HTMLDivElement>;
}

/**
 * GOV.UK-style error summary: a heading and one link per thing to do, each to its field. It takes focus after a
 * refused proceed (the caller moves focus to it), so it is focusable and announced by its heading.
 */
export function ErrorSummary(props: ErrorSummaryProps) {
  const { errors, gates = [], onSelect, ref } = props;
  const titleId = useId();
  const blocking = gates.filter((g) => g.status === 'blocked' && g.severity === 'block');
  if (errors.length === 0 && blocking.length === 0) return null;
  return (
    <div className="fw-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="fw-error-summary__title">
        {props.title ?? 'There is a problem'}
      </h2>
      <ul className="fw-error-summary__list">
        {errors.map((e) => (
          <li key={`${e.path}:${e.rule}:${e.message}`}>
            {e.path === '' ? (
              e.message
            ) : (
              <FieldLink pointer={e.path} onSelect={onSelect}>
                {e.message}
                {e.group !== undefined && ` (${e.group})`}
              </FieldLink>
            )}
          </li>
        ))}
        {blocking.map((g) => {
          const first = g.missing[0];
          return (
            <li key={`gate:${g.id}`}>
              {first === undefined ? (
                g.message
              ) : (
                <FieldLink pointer={first} onSelect={onSelect}>
                  {g.message}
                </FieldLink>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
