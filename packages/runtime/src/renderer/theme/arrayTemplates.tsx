import type { ArrayFieldItemButtonsTemplateProps, ArrayFieldItemTemplateProps } from '@rjsf/utils';
import { buttonId, getTemplate, getUiOptions } from '@rjsf/utils';
import { type MouseEventHandler, useContext } from 'react';
import { inSentence, itemLabel, ListItemNoun } from './listItem.js';

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

/** An item's buttons, each saying which item it acts on: "Remove" on screen, "Remove person 2" to a screen reader
 * (the visible words come first, so voice control users can say what they see). */
export function ArrayFieldItemButtonsTemplate(props: ArrayFieldItemButtonsTemplateProps) {
  const { fieldPathId, index, disabled, readonly, hasMoveUp, hasMoveDown, hasCopy, hasRemove } = props;
  const which = inSentence(itemLabel(useContext(ListItemNoun), index));
  const off = Boolean(disabled || readonly);
  return (
    <>
      {(hasMoveUp || hasMoveDown) && (
        <ItemButton
          id={buttonId(fieldPathId, 'moveUp')}
          text="Move up"
          which={which}
          disabled={off || !hasMoveUp}
          onClick={props.onMoveUpItem}
        />
      )}
      {(hasMoveUp || hasMoveDown) && (
        <ItemButton
          id={buttonId(fieldPathId, 'moveDown')}
          text="Move down"
          which={which}
          disabled={off || !hasMoveDown}
          onClick={props.onMoveDownItem}
        />
      )}
      {hasCopy && (
        <ItemButton
          id={buttonId(fieldPathId, 'copy')}
          text="Copy"
          which={which}
          disabled={off}
          onClick={props.onCopyItem}
        />
      )}
      {hasRemove && (
        <ItemButton
          id={buttonId(fieldPathId, 'remove')}
          text="Remove"
          which={which}
          variant="warning"
          disabled={off}
          onClick={props.onRemoveItem}
        />
      )}
    </>
  );
}

function ItemButton(props: {
  id: string;
  text: string;
  which: string;
  disabled: boolean;
  onClick: MouseEventHandler<HTMLButtonElement>;
  variant?: 'secondary' | 'warning';
}) {
  const { id, text, which, disabled, onClick, variant = 'secondary' } = props;
  return (
    <button
      type="button"
      id={id}
      className={`fw-button fw-button--${variant} fw-button--small`}
      disabled={disabled}
      onClick={onClick}
    >
      {text}
      <span className="fw-visually-hidden"> {which}</span>
    </button>
  );
}
