import type { ObjectFieldTemplateProps } from '@rjsf/utils';

/** A section's own object draws no heading (the section has one); a nested group is a fieldset with a legend. */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { properties, fieldPathId, title, description } = props;
  const content = properties.filter((p) => !p.hidden).map((p) => p.content);
  if (fieldPathId.path.length === 0) return <div className="fw-section-fields">{content}</div>;
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
