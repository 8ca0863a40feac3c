// The benchmark's large template: the baseline's 298-field schema (../shared/bench-baseline/schemas, copied into
// ./schemas) wrapped as a Formwork template with stages and gates over its real fields (the same gates as
// bench/engine.mjs uses).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const load = (name) => JSON.parse(readFileSync(join(here, 'schemas', name), 'utf8'));

const whenTrue = (section, field) => ({
  required: [section],
  properties: { [section]: { required: [field], properties: { [field]: { const: true } } } },
});

export function largeTemplate() {
  const schema = load('large.schema.json');
  // Declared draft-07; its keywords mean the same in 2020-12, which is what the engine compiles.
  delete schema.$schema;
  return {
    id: 'bench-large-incident',
    version: '1.0.0',
    title: schema.title ?? 'Large incident report (benchmark)',
    schema,
    uiSchema: load('large.ui.json'),
    stages: [
      { id: 'draft', title: 'Draft' },
      { id: 'submitted', title: 'Submitted' },
      { id: 'reviewed', title: 'Reviewed' },
      { id: 'closed', title: 'Closed', final: true },
    ],
    gates: [
      {
        id: 'safeguarding-referral',
        stage: 'submitted',
        severity: 'block',
        message:
          'A safeguarding concern was raised: record whether a referral was made to the local authority.',
        when: whenTrue('safeguarding', 'safeguardingConcern'),
        requires: ['/safeguarding/referralMadeToLocalAuthority'],
      },
      {
        id: 'cqc-notification',
        stage: 'submitted',
        severity: 'block',
        message: 'This incident needs a CQC notification: record its type and the date it was sent.',
        when: whenTrue('notifications', 'cqcNotificationRequired'),
        requires: ['/notifications/cqc/notificationType', '/notifications/cqc/dateSubmitted'],
      },
      {
        id: 'family-informed',
        stage: 'submitted',
        severity: 'warn',
        message: 'Families usually hear from us the same day: record who was told and when, if they were.',
        requires: ['/notifications/familyContact/dateInformed'],
      },
    ],
  };
}
