import type { RegistryWidgetsType, TemplatesType } from '@rjsf/utils';
import { ArrayFieldTemplate } from './ArrayFieldTemplate.js';
import { ArrayFieldItemButtonsTemplate, ArrayFieldItemTemplate } from './arrayTemplates.js';
import { BaseInputTemplate } from './BaseInputTemplate.js';
import { buttonTemplates } from './buttons.js';
import { CheckboxesWidget, CheckboxWidget, RadioWidget, SelectWidget } from './choiceWidgets.js';
import { DateTimeWidget } from './DateTimeWidget.js';
import { FieldTemplate } from './FieldTemplate.js';
import { ObjectFieldTemplate } from './ObjectFieldTemplate.js';
import { TextareaWidget } from './TextareaWidget.js';
import { TitleFieldTemplate } from './TitleFieldTemplate.js';

/** Formwork's rjsf theme: GOV.UK / NHS design-system patterns, no markdown, no icon fonts. */
export const templates: Partial<Omit<TemplatesType, 'ButtonTemplates'>> & {
  ButtonTemplates: Partial<TemplatesType['ButtonTemplates']>;
} = {
  FieldTemplate,
  ObjectFieldTemplate,
  BaseInputTemplate,
  TitleFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ArrayFieldItemButtonsTemplate,
  // Errors are drawn by FieldTemplate (tied to the input); the list at the top is Formwork's ErrorSummary.
  FieldErrorTemplate: () => null,
  FieldHelpTemplate: () => null,
  ErrorListTemplate: () => null,
  ButtonTemplates: buttonTemplates,
};

export const widgets: RegistryWidgetsType = {
  SelectWidget,
  RadioWidget,
  CheckboxesWidget,
  CheckboxWidget,
  TextareaWidget,
  DateTimeWidget,
};
