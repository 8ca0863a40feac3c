import type { FieldTemplateProps } from '@rjsf/utils';
import type { RendererContext } from '../context.js';
import { pointerIn } from '../context.js';
import { ErrorMessage } from './ErrorMessage.js';
import { fieldKind, isGroup } from './fieldKind.js';
import { describedBy, hintId } from './ids.js';
import { questionNeed } from './questionNeed.js';

/**
 * One question: its label (a legend for radios and checkboxes), its hint, its error message and the control, with
 * the hint and the error tied to the control by `aria-describedby`. Optional questions say "(optional)" rather than
 * marking required ones with an asterisk; a question a gate of the next stage needs is not optional (`questionNeed`). It records its input id → record pointer, so that the section can tell
 * which question someone typed in or left.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const {
    id,
    label,
    children,
    rawErrors,
    rawDescription,
    rawHelp,
    hidden,
    required,
    displayLabel,
    schema,
    uiSchema,
  } = props;
  if (hidden) return <div hidden>{children}</div>;
  const ctx = props.registry.formContext as RendererContext | undefined;
  const pointer = ctx ? pointerIn(ctx.prefix, props.fieldPathId.path) : '';
  ctx?.ids.set(id, pointer);

  const errors = props.hideError ? [] : (rawErrors ?? []).filter(Boolean);
  if (schema.type === 'array' && !displayLabel) {
    // A list draws its own legend, hint and message (ArrayFieldTemplate), as a question does here.
    return (
      <div className="fw-group" id={`${id}__group`}>
        {children}
      </div>
    );
  }
  if (schema.type === 'object') {
    // A group draws its own heading (ObjectFieldTemplate); a message about the whole group sits above its parts.
    return (
      <div className="fw-group" id={`${id}__group`}>
        {errors.length > 0 && <ErrorMessage id={id} errors={errors} />}
        {children}
      </div>
    );
  }

  const kind = fieldKind(schema, uiSchema);
  const hint = [rawDescription, rawHelp].filter((h): h is string => typeof h === 'string' && h !== '');
  const aria = describedBy(id, hint.length > 0, errors.length > 0);
  const { optional } = questionNeed(required, props.registry, pointer);
  const labelText = (
    <>
      {label}
      {optional && <span className="fw-optional"> (optional)</span>}
    </>
  );
  const parts = (
    <>
      {hint.length > 0 && (
        <div className="fw-hint" id={hintId(id)}>
          {hint.map((h) => (
            <p key={h}>{h}</p>
          ))}
        </div>
      )}
      {errors.length > 0 && <ErrorMessage id={id} errors={errors} />}
    </>
  );
  const className = `fw-field${errors.length > 0 ? ' fw-field--error' : ''}`;

  if (isGroup(kind)) {
    return (
      <div className={className}>
        <fieldset className="fw-fieldset" aria-describedby={aria}>
          <legend className="fw-label">{labelText}</legend>
          {parts}
          {children}
        </fieldset>
      </div>
    );
  }
  return (
    <div className={className}>
      {displayLabel && kind !== 'single-checkbox' && (
        <label className="fw-label" htmlFor={id}>
          {labelText}
        </label>
      )}
      {parts}
      {children}
    </div>
  );
}
