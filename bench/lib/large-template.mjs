// The benchmarks' large template: the baseline's 298-field, 40-conditional schema
// (../shared/bench-baseline/schemas) wrapped as a Formwork template with stages and six gates over its real fields.
// One definition, used by the engine and browser benchmarks alike.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const baseline = join(here, '..', '..', '..', 'shared', 'bench-baseline', 'schemas');
export const load = (name) => JSON.parse(readFileSync(join(baseline, name), 'utf8'));

// The baseline's times ("21:35:00") have no UTC offset, which ajv-formats 3's "time" format requires, so its
// "valid" record is not valid under either side. Give every bare time an offset ("21:35:00Z") so that the valid
// record is valid and the comparison covers the whole validator; both sides get the same data.
export const withOffsets = (value) =>
  typeof value === 'string' && /^\d{2}:\d{2}(:\d{2})?$/.test(value)
    ? `${value}Z`
    : Array.isArray(value)
      ? value.map(withOffsets)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withOffsets(v)]))
        : value;

/** The baseline schema as 2020-12: it declares draft-07, whose keywords mean the same here. */
export function largeSchema() {
  const schema = load('large.schema.json');
  delete schema.$schema;
  return schema;
}

/** The large form as a Formwork template: four stages and six gates over its real fields. */
export function largeTemplate() {
  const schema = largeSchema();
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
        when: {
          required: ['safeguarding'],
          properties: {
            safeguarding: {
              required: ['safeguardingConcern'],
              properties: { safeguardingConcern: { const: true } },
            },
          },
        },
        requires: ['/safeguarding/referralMadeToLocalAuthority'],
      },
      {
        id: 'cqc-notification',
        stage: 'submitted',
        severity: 'block',
        message: 'This incident needs a CQC notification: record its type and the date it was sent.',
        when: {
          required: ['notifications'],
          properties: {
            notifications: {
              required: ['cqcNotificationRequired'],
              properties: { cqcNotificationRequired: { const: true } },
            },
          },
        },
        requires: ['/notifications/cqc/notificationType', '/notifications/cqc/dateSubmitted'],
      },
      {
        id: 'family-informed',
        stage: 'submitted',
        severity: 'warn',
        message: 'Families usually hear from us the same day: record who was told and when, if they were.',
        requires: ['/notifications/familyContact/dateInformed'],
      },
      {
        id: 'manager-review',
        stage: 'reviewed',
        severity: 'block',
        message: 'A manager reviews every incident before it moves on: record who reviewed it and when.',
        requires: [
          '/followUpAndSignOff/managerReview/reviewerName',
          '/followUpAndSignOff/managerReview/reviewDate',
        ],
      },
      {
        id: 'actions-recorded',
        stage: 'closed',
        severity: 'block',
        message: 'Record at least one follow-up action, so the learning is tracked.',
        requires: ['/followUpAndSignOff/actions'],
        check: { properties: { followUpAndSignOff: { properties: { actions: { minItems: 1 } } } } },
      },
      {
        id: 'declaration',
        stage: 'closed',
        severity: 'block',
        message: 'The person closing the record confirms it is accurate: tick the declaration and sign it.',
        requires: [
          '/followUpAndSignOff/declaration/signedName',
          '/followUpAndSignOff/declaration/signedDate',
        ],
        check: {
          properties: {
            followUpAndSignOff: {
              properties: { declaration: { properties: { confirmAccuracy: { const: true } } } },
            },
          },
        },
      },
    ],
  };
}
