import type { WidgetProps } from '@rjsf/utils';
import { describedBy, hasHint } from './ids.js';
import { pointerOfId, questionNeed } from './questionNeed.js';

export function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options, schema } =
    props;
  const { uiSchema, rawErrors, required } = props;
  const { ariaRequired } = questionNeed(required, props.registry, pointerOfId(props.registry, id));
  const rows = typeof options.rows === 'number' ? options.rows : 5;
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className={`fw-textarea${rawErrors?.length ? ' fw-input--error' : ''}`}
      rows={rows}
      readOnly={readonly}
      disabled={disabled}
      // biome-ignore lint/a11y/noAutofocus: only when the template asks for it (ui:autofocus)
      autoFocus={autofocus}
      aria-required={ariaRequired}
      aria-invalid={rawErrors?.length ? true : undefined}
      aria-describedby={describedBy(id, hasHint(schema, uiSchema), Boolean(rawErrors?.length))}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
