import type { CompiledTemplate, Json } from '@formwork/engine/runtime';
import type { IChangeEvent } from '@rjsf/core';
import Form from '@rjsf/core';
import type { ErrorSchema, Experimental_DefaultFormStateBehavior } from '@rjsf/utils';
import { memo, useMemo } from 'react';
import type { RendererContext } from './context.js';
import { createValidator } from './createValidator.js';
import type { GateNeeds } from './gateNeeds.js';
import type { Section } from './sections.js';
import { templates, widgets } from './theme/index.js';

export interface SectionFormProps {
  compiled: CompiledTemplate;
  section: Section;
  /** The section's data when it opens; rjsf owns it while it is open (uncontrolled: a keystroke re-renders this
   * section only, never the whole form). */
  initialData: Json | undefined;
  extraErrors: ErrorSchema;
  /** Questions the next stage's gates need (stable while they do not change: a change re-renders the section). */
  gateNeeds: GateNeeds;
  readOnly: boolean;
  record: () => Json;
  now: (() => string) | undefined;
  onChange: (section: Section, data: Json | undefined, pointer: string | undefined) => void;
  onLeave: (pointer: string) => void;
}

/** rjsf fills some answers in by itself; a record must hold only what staff answered. A required yes/no question
 * left unanswered must not become "No", a `const` (e.g. "I confirm this is accurate": true) must not tick itself,
 * and a list with `minItems` must not gain empty items. Authored `default`s still apply. */
const DEFAULTS: Experimental_DefaultFormStateBehavior = {
  requiredBooleanDefault: 'skip',
  constAsDefaults: 'never',
  arrayMinItems: { populate: 'never' },
  emptyObjectFields: 'skipEmptyDefaults',
};

/** One section as an rjsf form. Memoised: it re-renders only when its schema (a condition changed), its
 * messages or its read-only state change. */
export const SectionForm = memo(function SectionForm(props: SectionFormProps) {
  const { compiled, section, initialData, extraErrors, gateNeeds, readOnly, record, now, onChange, onLeave } =
    props;
  const context = useMemo<RendererContext>(
    () => ({ prefix: section.prefix, ids: new Map(), onLeave, gateNeed: gateNeeds.need }),
    [section.prefix, onLeave, gateNeeds],
  );
  const validator = useMemo(
    () => createValidator(compiled, { prefix: section.prefix, record, ...(now ? { now } : {}) }),
    [compiled, section.prefix, record, now],
  );
  const handleChange = (e: IChangeEvent, id?: string) =>
    onChange(section, e.formData as Json | undefined, id === undefined ? undefined : context.ids.get(id));
  return (
    <Form
      // A plain container, not a <form>: Enter in a text box must not submit, sections are never nested forms,
      // and Chromium's autofill has less to scan on each change.
      tagName="div"
      className="fw-section-form"
      schema={section.schema}
      uiSchema={section.uiSchema}
      initialFormData={initialData}
      validator={validator}
      templates={templates}
      widgets={widgets}
      formContext={context}
      idPrefix={section.idPrefix}
      extraErrors={extraErrors}
      showErrorList={false}
      noHtml5Validate
      readonly={readOnly}
      onChange={handleChange}
      // Leaving a question is when its required message may appear.
      onBlur={(id: string) => {
        const pointer = context.ids.get(id);
        if (pointer !== undefined) onLeave(pointer);
      }}
      experimental_defaultFormStateBehavior={DEFAULTS}
    />
  );
});
