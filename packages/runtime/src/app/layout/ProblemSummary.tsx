import { useEffect, useId, useRef } from 'react';

export interface Problem {
  text: string;
  /** The id of the input the problem is about, when there is one. */
  fieldId?: string;
}

export interface ProblemSummaryProps {
  problems: Problem[];
  title?: string;
  /** Move focus here when the problems appear (after a failed submit). */
  focus?: boolean;
}

/** The app's own error summary (sign-in, review actions), in the same pattern as the form's. */
export function ProblemSummary({
  problems,
  title = 'There is a problem',
  focus = true,
}: ProblemSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (focus && problems.length > 0) ref.current?.focus();
  }, [problems, focus]);
  if (problems.length === 0) return null;
  return (
    <div className="fwa-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 className="fwa-error-summary__title" id={titleId}>
        {title}
      </h2>
      <ul className="fwa-error-summary__list">
        {problems.map((p) => (
          <li key={p.text}>
            {p.fieldId ? (
              <a
                href={`#${p.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(p.fieldId ?? '')?.focus();
                }}
              >
                {p.text}
              </a>
            ) : (
              p.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
