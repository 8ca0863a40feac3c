import type { ArrayFieldTemplateProps, Registry, RJSFSchema } from '@rjsf/utils';
import { buttonId, getUiOptions } from '@rjsf/utils';
import type { RendererContext } from '../context.js';
import { pointerIn } from '../context.js';
import { ErrorMessage } from './ErrorMessage.js';
import { describedBy, hintId } from './ids.js';
import { ListItemNoun } from './listItem.js';
import { questionNeed } from './questionNeed.js';

/**
 * A list (people, actions) drawn like any other question: a fieldset whose legend is its title, "(optional)" when
 * it may be left empty and no gate of the next stage needs it (never an asterisk), its hint and its message under the legend, then its items and
 * "Add another". The fieldset takes the focus when the error summary links to the list.
 */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, disabled, fieldPathId, items, onAddClick, readonly, registry, required, schema, uiSchema } =
    props;
  const options = getUiOptions(uiSchema);
  const id = fieldPathId.$id;
  const title = typeof options.title === 'string' ? options.title : props.title;
  const hint = [options.description, options.help, schema.description].find(
    (h): h is string => typeof h === 'string' && h !== '',
  );
  const errors = (props.rawErrors ?? []).filter(Boolean);
  const ctx = registry.formContext as RendererContext | undefined;
  const { optional } = questionNeed(required, registry, ctx && pointerIn(ctx.prefix, fieldPathId.path));
  const { AddButton } = registry.templates.ButtonTemplates;
  return (
    <fieldset
      className="fw-fieldset fw-fieldset--group fw-list"
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, hint !== undefined, errors.length > 0)}
    >
      {title && (
        <legend className="fw-legend-group">
          {title}
          {optional && <span className="fw-optional"> (optional)</span>}
        </legend>
      )}
      {hint && (
        <p className="fw-hint" id={hintId(id)}>
          {hint}
        </p>
      )}
      {errors.length > 0 && <ErrorMessage id={id} errors={errors} />}
      <ListItemNoun.Provider value={itemNoun(registry, schema, title)}>{items}</ListItemNoun.Provider>
      {canAdd && (
        <AddButton
          id={buttonId(fieldPathId, 'add')}
          className="fw-list__add"
          onClick={onAddClick}
          disabled={disabled || readonly}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
    </fieldset>
  );
}

/** The items' own title (often behind a `$ref`), else the list's. */
function itemNoun(registry: Registry, schema: RJSFSchema, listTitle: string | undefined): string {
  const items = schema.items;
  const own =
    items && typeof items === 'object' && !Array.isArray(items)
      ? registry.schemaUtils.retrieveSchema(items as RJSFSchema).title
      : undefined;
  return own || listTitle || 'Item';
}
