/**
 * Stands in for @rjsf/core's getDefaultRegistry (vite.config.ts points rjsf's own imports of it here). rjsf's
 * default registry imports every field, widget and template it has, including the ones Formwork's theme replaces
 * and ones no template in forms/ uses (layout grids, file uploads, star ratings, anyOf pickers…), about 12 KiB
 * gzipped of every form page. This registry has every name rjsf's has (a test checks), so whatever a template
 * asks for still renders exactly as before:
 * - what Formwork's theme draws is the theme's own component (rjsf's version could never be reached: the theme
 *   passed to <Form> replaced it anyway);
 * - what forms/ templates draw (objects, lists, text, numbers, yes/no, dates, and the small inputs a `format`
 *   picks) is rjsf's component, loaded with the page;
 * - everything else is rjsf's component too, downloaded the first time a form draws it (lazyPart.tsx).
 */
import ArrayField from '@rjsf/core/lib/components/fields/ArrayField.js';
import BooleanField from '@rjsf/core/lib/components/fields/BooleanField.js';
import NullField from '@rjsf/core/lib/components/fields/NullField.js';
import NumberField from '@rjsf/core/lib/components/fields/NumberField.js';
import ObjectField from '@rjsf/core/lib/components/fields/ObjectField.js';
import SchemaField from '@rjsf/core/lib/components/fields/SchemaField.js';
import StringField from '@rjsf/core/lib/components/fields/StringField.js';
import ArrayFieldDescriptionTemplate from '@rjsf/core/lib/components/templates/ArrayFieldDescriptionTemplate.js';
import ArrayFieldTitleTemplate from '@rjsf/core/lib/components/templates/ArrayFieldTitleTemplate.js';
import DescriptionField from '@rjsf/core/lib/components/templates/DescriptionField.js';
import ColorWidget from '@rjsf/core/lib/components/widgets/ColorWidget.js';
import DateWidget from '@rjsf/core/lib/components/widgets/DateWidget.js';
import EmailWidget from '@rjsf/core/lib/components/widgets/EmailWidget.js';
import HiddenWidget from '@rjsf/core/lib/components/widgets/HiddenWidget.js';
import PasswordWidget from '@rjsf/core/lib/components/widgets/PasswordWidget.js';
import RangeWidget from '@rjsf/core/lib/components/widgets/RangeWidget.js';
import TextWidget from '@rjsf/core/lib/components/widgets/TextWidget.js';
import TimeWidget from '@rjsf/core/lib/components/widgets/TimeWidget.js';
import UpDownWidget from '@rjsf/core/lib/components/widgets/UpDownWidget.js';
import URLWidget from '@rjsf/core/lib/components/widgets/URLWidget.js';
import {
  DEFAULT_ID_PREFIX,
  DEFAULT_ID_SEPARATOR,
  englishStringTranslator,
  type FormContextType,
  type Registry,
  type RegistryFieldsType,
  type RegistryWidgetsType,
  type RJSFSchema,
  type StrictRJSFSchema,
  type TemplatesType,
} from '@rjsf/utils';
import type { ComponentType } from 'react';
import { templates as themeTemplates, widgets as themeWidgets } from '../theme/index.js';
import { lazyPart } from './lazyPart.js';

/** A part from rareParts.ts: one `import()`, so one chunk for all of them, fetched when a form first draws one. */
function rare<K extends keyof typeof import('./rareParts.js')>(name: K) {
  return lazyPart(() => import('./rareParts.js').then((parts) => parts[name] as ComponentType<never>));
}

const MultiSchemaField = rare('MultiSchemaField');

export const lazyFields = {
  AnyOfField: MultiSchemaField,
  OneOfField: MultiSchemaField,
  CyclicSchemaField: rare('CyclicSchemaField'),
  FallbackField: rare('FallbackField'),
  LayoutGridField: rare('LayoutGridField'),
  LayoutHeaderField: rare('LayoutHeaderField'),
  LayoutMultiSchemaField: rare('LayoutMultiSchemaField'),
  OptionalDataControlsField: rare('OptionalDataControlsField'),
};

export const lazyWidgets = {
  AltDateWidget: rare('AltDateWidget'),
  AltDateTimeWidget: rare('AltDateTimeWidget'),
  FileWidget: rare('FileWidget'),
  RatingWidget: rare('RatingWidget'),
};

export const lazyTemplates = {
  CyclicSchemaExpandTemplate: rare('CyclicSchemaExpandTemplate'),
  FallbackFieldTemplate: rare('FallbackFieldTemplate'),
  GridTemplate: rare('GridTemplate'),
  MultiSchemaFieldTemplate: rare('MultiSchemaFieldTemplate'),
  OptionalDataControlsTemplate: rare('OptionalDataControlsTemplate'),
  UnsupportedFieldTemplate: rare('UnsupportedField'),
  WrapIfAdditionalTemplate: rare('WrapIfAdditionalTemplate'),
};

/** Same signature as rjsf's: a fresh registry each call (rjsf may add to what it is given). */
export default function getDefaultRegistry<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(): Omit<Registry<T, S, F>, 'schemaUtils'> {
  const fields = {
    ArrayField,
    BooleanField,
    NullField,
    NumberField,
    ObjectField,
    SchemaField,
    StringField,
    ...lazyFields,
  } as unknown as RegistryFieldsType<T, S, F>;
  const widgets = {
    ColorWidget,
    DateWidget,
    EmailWidget,
    HiddenWidget,
    PasswordWidget,
    RangeWidget,
    TextWidget,
    TimeWidget,
    UpDownWidget,
    URLWidget,
    ...lazyWidgets,
    ...themeWidgets,
  } as unknown as RegistryWidgetsType<T, S, F>;
  const templates = {
    ArrayFieldDescriptionTemplate,
    ArrayFieldTitleTemplate,
    DescriptionFieldTemplate: DescriptionField,
    ...lazyTemplates,
    ...themeTemplates,
    ButtonTemplates: { ...themeTemplates.ButtonTemplates },
  } as unknown as TemplatesType<T, S, F>;
  return {
    fields,
    templates,
    widgets,
    rootSchema: {} as S,
    formContext: {} as F,
    translateString: englishStringTranslator,
    globalFormOptions: {
      idPrefix: DEFAULT_ID_PREFIX,
      idSeparator: DEFAULT_ID_SEPARATOR,
      useFallbackUiForUnsupportedType: false,
    },
  };
}
