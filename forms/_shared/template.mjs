// Assembles one published template document from its parts. Shared parts go in `$defs` under the same names in
// every template (`person`, `action`) so the server can find them across templates.
import { actionSchema } from './action.mjs';
import { personSchema } from './person.mjs';

export const ROLES = ['staff', 'manager', 'safeguarding-lead', 'quality-team', 'provider-admin', 'auditor'];

export function defineTemplate({
  id,
  version,
  title,
  description,
  changelog,
  sections,
  required,
  conditions,
  display,
  uiSchema,
  messages,
  stages,
  gates,
  parameters,
  extensionPoints,
  renames,
  safeguarding,
}) {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    title,
    $defs: { person: personSchema, action: actionSchema, conditions },
    properties: sections,
    required,
    ...(display.length ? { allOf: display } : {}),
  };
  return {
    id,
    version,
    title,
    description,
    changelog,
    schema,
    uiSchema,
    messages,
    stages,
    gates,
    parameters,
    ...(extensionPoints ? { extensionPoints } : {}),
    ...(renames ? { renames } : {}),
    ...(safeguarding ? { safeguarding } : {}),
  };
}
