import type { TitleFieldProps } from '@rjsf/utils';

/** A title rjsf draws by itself (Formwork's own templates draw theirs): a legend like every other, "(optional)"
 * when it may be left, never an asterisk. */
export function TitleFieldTemplate({ id, title, required, optionalDataControl }: TitleFieldProps) {
  return (
    <legend id={id} className="fw-legend-group">
      {title}
      {!required && <span className="fw-optional"> (optional)</span>}
      {optionalDataControl}
    </legend>
  );
}
