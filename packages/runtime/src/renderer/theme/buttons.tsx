import type { IconButtonProps, SubmitButtonProps } from '@rjsf/utils';

/** rjsf's default buttons are icon glyphs with a title; staff get words instead. */
function textButton(text: string, variant: 'secondary' | 'warning') {
  return function TextButton(props: IconButtonProps) {
    const { iconType: _i, icon: _c, uiSchema: _u, registry: _r, className: _cl, title: _t, ...rest } = props;
    return (
      <button type="button" className={`fw-button fw-button--${variant} fw-button--small`} {...rest}>
        {text}
      </button>
    );
  };
}

export const buttonTemplates = {
  AddButton: textButton('Add another', 'secondary'),
  CopyButton: textButton('Copy', 'secondary'),
  MoveDownButton: textButton('Move down', 'secondary'),
  MoveUpButton: textButton('Move up', 'secondary'),
  RemoveButton: textButton('Remove', 'warning'),
  ClearButton: textButton('Clear', 'secondary'),
  // The form's one primary action is Formwork's own "Continue", outside rjsf.
  SubmitButton: (_props: SubmitButtonProps) => null,
};
