import type { WidgetProps } from '@rjsf/utils';
import { useState } from 'react';
import { isoToLocalInput, localInputToIso } from './dateTime.js';
import { describedBy, hasHint } from './ids.js';

/** A date and time, shown in local time and stored as an ISO-8601 instant. While the input is incomplete the
 * stored value is left alone (nothing typed is turned into a wrong time). */
export function DateTimeWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, onChange, onBlur, onFocus, options, schema, uiSchema } =
    props;
  const { rawErrors } = props;
  const fromValue = isoToLocalInput(value);
  const [draft, setDraft] = useState<{ local: string; forValue: unknown } | null>(null);
  const shown = draft && draft.forValue === value ? draft.local : fromValue;
  return (
    <input
      id={id}
      name={htmlName || id}
      type="datetime-local"
      className={`fw-input fw-input--datetime${rawErrors?.length ? ' fw-input--error' : ''}`}
      readOnly={readonly}
      disabled={disabled}
      aria-invalid={rawErrors?.length ? true : undefined}
      aria-describedby={describedBy(id, hasHint(schema, uiSchema), Boolean(rawErrors?.length))}
      value={shown}
      onChange={(e) => {
        const local = e.target.value;
        const iso = local === '' ? undefined : localInputToIso(local);
        if (local === '') {
          setDraft(null);
          onChange(options.emptyValue);
        } else if (iso === undefined) {
          setDraft({ local, forValue: value });
        } else {
          setDraft({ local, forValue: iso });
          onChange(iso);
        }
      }}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}
