import type { EnumOptionsType, WidgetProps } from '@rjsf/utils';
import { enumOptionsIsSelected, enumOptionsValueForIndex } from '@rjsf/utils';
import { fieldKind } from './fieldKind.js';
import { describedBy, hasHint } from './ids.js';
import { pointerOfId, questionNeed } from './questionNeed.js';

/** The first option carries the field's own id, so that the error summary's link (`#root_…`) lands on it. */
const optionInputId = (id: string, i: number) => (i === 0 ? id : `${id}-${i}`);

const YES_NO: EnumOptionsType[] = [
  { label: 'Yes', value: true },
  { label: 'No', value: false },
];

function Radios(props: WidgetProps & { choices: EnumOptionsType[] }) {
  const { id, htmlName, value, disabled, readonly, onChange, onBlur, onFocus, choices } = props;
  return (
    <div className="fw-radios">
      {choices.map((option, i) => {
        const inputId = optionInputId(id, i);
        return (
          <div className="fw-radios__item" key={String(option.value)}>
            <input
              className="fw-radios__input"
              type="radio"
              id={inputId}
              name={htmlName || id}
              value={String(i)}
              checked={enumOptionsIsSelected(option.value, value)}
              disabled={disabled || readonly}
              onChange={() => onChange(option.value)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            <label className="fw-radios__label" htmlFor={inputId}>
              {option.label}
            </label>
          </div>
        );
      })}
    </div>
  );
}

function Checkboxes(props: WidgetProps & { choices: EnumOptionsType[] }) {
  const { id, htmlName, value, disabled, readonly, onChange, onBlur, onFocus, choices } = props;
  const selected: unknown[] = Array.isArray(value) ? value : [];
  const toggle = (option: EnumOptionsType, on: boolean) => {
    // Keep the options' order, whatever order they were ticked in.
    const next = choices
      .map((c) => c.value)
      .filter((v) => (v === option.value ? on : selected.some((s) => s === v)));
    onChange(next);
  };
  return (
    <div className="fw-checkboxes">
      {choices.map((option, i) => {
        const inputId = optionInputId(id, i);
        return (
          <div className="fw-checkboxes__item" key={String(option.value)}>
            <input
              className="fw-checkboxes__input"
              type="checkbox"
              id={inputId}
              name={htmlName || id}
              value={String(i)}
              checked={selected.some((s) => s === option.value)}
              disabled={disabled || readonly}
              onChange={(e) => toggle(option, e.target.checked)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            <label className="fw-checkboxes__label" htmlFor={inputId}>
              {option.label}
            </label>
          </div>
        );
      })}
    </div>
  );
}

function NativeSelect(props: WidgetProps & { choices: EnumOptionsType[] }) {
  const { id, htmlName, value, disabled, readonly, onChange, onBlur, onFocus, choices, options, schema } =
    props;
  const { uiSchema, rawErrors, required } = props;
  const { ariaRequired } = questionNeed(required, props.registry, pointerOfId(props.registry, id));
  const index = choices.findIndex((c) => enumOptionsIsSelected(c.value, value));
  return (
    <select
      id={id}
      name={htmlName || id}
      className={`fw-select${rawErrors?.length ? ' fw-input--error' : ''}`}
      value={index < 0 ? '' : String(index)}
      disabled={disabled || readonly}
      aria-required={ariaRequired}
      aria-invalid={rawErrors?.length ? true : undefined}
      aria-describedby={describedBy(id, hasHint(schema, uiSchema), Boolean(rawErrors?.length))}
      onChange={(e) =>
        onChange(
          e.target.value === ''
            ? options.emptyValue
            : enumOptionsValueForIndex(e.target.value, choices, options.emptyValue),
        )
      }
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    >
      <option value="">Choose one</option>
      {choices.map((c, i) => (
        <option key={String(c.value)} value={String(i)}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** rjsf sends every enum, and every multi-choice list, to the select widget: pick the right control here. */
export function SelectWidget(props: WidgetProps) {
  const choices = props.options.enumOptions ?? [];
  const kind = fieldKind(props.schema, props.uiSchema);
  if (kind === 'checkboxes' || props.multiple) return <Checkboxes {...props} choices={choices} />;
  if (kind === 'radios') return <Radios {...props} choices={choices} />;
  return <NativeSelect {...props} choices={choices} />;
}

export function RadioWidget(props: WidgetProps) {
  const choices = props.options.enumOptions ?? (props.schema.type === 'boolean' ? YES_NO : []);
  return <Radios {...props} choices={choices} />;
}

export function CheckboxesWidget(props: WidgetProps) {
  return <Checkboxes {...props} choices={props.options.enumOptions ?? []} />;
}

/** Yes/no questions are Yes/No radios (GOV.UK); a single tick box only when the template asks for one
 * (`ui:widget: checkbox`), e.g. "I confirm …". */
export function CheckboxWidget(props: WidgetProps) {
  if (fieldKind(props.schema, props.uiSchema) === 'radios') return <Radios {...props} choices={YES_NO} />;
  const {
    id,
    htmlName,
    value,
    disabled,
    readonly,
    onChange,
    onBlur,
    onFocus,
    label,
    required,
    schema,
    uiSchema,
  } = props;
  const { optional } = questionNeed(required, props.registry, pointerOfId(props.registry, id));
  return (
    <div className="fw-checkboxes__item">
      <input
        className="fw-checkboxes__input"
        type="checkbox"
        id={id}
        name={htmlName || id}
        checked={value === true}
        disabled={disabled || readonly}
        aria-describedby={describedBy(id, hasHint(schema, uiSchema), Boolean(props.rawErrors?.length))}
        onChange={(e) => onChange(e.target.checked)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <label className="fw-checkboxes__label" htmlFor={id}>
        {label}
        {optional && <span className="fw-optional"> (optional)</span>}
      </label>
    </div>
  );
}
