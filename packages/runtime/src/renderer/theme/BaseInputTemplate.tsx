import type { BaseInputTemplateProps } from '@rjsf/utils';
import { getInputProps } from '@rjsf/utils';
import type { ChangeEvent } from 'react';
import { describedBy, hasHint } from './ids.js';
import { pointerOfId, questionNeed } from './questionNeed.js';

/** Text-like inputs (text, email, number, date, …): full-width on phones, hint and error tied by id. */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const {
    id,
    htmlName,
    value,
    readonly,
    disabled,
    autofocus,
    onBlur,
    onFocus,
    onChange,
    onChangeOverride,
    options,
  } = props;
  const { schema, uiSchema, rawErrors, type, placeholder, required } = props;
  const { ariaRequired } = questionNeed(required, props.registry, pointerOfId(props.registry, id));
  const inputProps = getInputProps(schema, type, options);
  const numeric = inputProps.type === 'number' || inputProps.type === 'integer';
  const shown = numeric ? (value || value === 0 ? value : '') : (value ?? '');
  const handleChange = (e: ChangeEvent<HTMLInputElement>) =>
    onChange(e.target.value === '' ? options.emptyValue : e.target.value);
  return (
    <input
      id={id}
      name={htmlName || id}
      className={`fw-input${rawErrors?.length ? ' fw-input--error' : ''}`}
      readOnly={readonly}
      disabled={disabled}
      // biome-ignore lint/a11y/noAutofocus: only when the template asks for it (ui:autofocus)
      autoFocus={autofocus}
      placeholder={placeholder}
      aria-required={ariaRequired}
      aria-invalid={rawErrors?.length ? true : undefined}
      aria-describedby={describedBy(id, hasHint(schema, uiSchema), Boolean(rawErrors?.length))}
      {...inputProps}
      value={shown as string | number}
      onChange={onChangeOverride ?? handleChange}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
