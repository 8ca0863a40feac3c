import type { ArrayFieldItemTemplateProps, TitleFieldProps } from '@rjsf/utils';
import { getTemplate, getUiOptions } from '@rjsf/utils';

/** A group's or list's title as its legend: no asterisk (optional questions say "(optional)" instead). */
export function TitleFieldTemplate({ id, title, optionalDataControl }: TitleFieldProps) {
  return (
    <legend id={id} className="fw-legend-group">
      {title}
      {optionalDataControl}
    </legend>
  );
}

/** One item of a list (a person, an action): its questions, then its buttons underneath, full width on phones. */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, registry, uiSchema } = props;
  const Buttons = getTemplate('ArrayFieldItemButtonsTemplate', registry, getUiOptions(uiSchema));
  return (
    <div className="fw-list-item">
      {children}
      {hasToolbar && (
        <div className="fw-list-item__actions">
          <Buttons {...buttonsProps} />
        </div>
      )}
    </div>
  );
}
