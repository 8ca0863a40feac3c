import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { useContext } from 'react';
import { itemLabel, ListItemNoun } from './listItem.js';

/** A section's own object draws no heading (the section has one); a nested group is a fieldset with a legend. An
 * item of a list is named by its place in it ("Person 2"), so that each item's legend tells them apart. */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { properties, fieldPathId, description } = props;
  const noun = useContext(ListItemNoun);
  const content = properties.filter((p) => !p.hidden).map((p) => p.content);
  const last = fieldPathId.path.at(-1);
  if (last === undefined) return <div className="fw-section-fields">{content}</div>;
  const title = typeof last === 'number' ? itemLabel(noun, last) : props.title;
  const descId = `${fieldPathId.$id}__hint`;
  return (
    <fieldset
      className="fw-fieldset fw-fieldset--group"
      id={fieldPathId.$id}
      aria-describedby={description ? descId : undefined}
    >
      {title && <legend className="fw-legend-group">{title}</legend>}
      {description && (
        <p className="fw-hint" id={descId}>
          {description}
        </p>
      )}
      {content}
    </fieldset>
  );
}
