// Multi-agency shared risk summary. Sources: seed 004 (exploitation indicators → risk review with partners;
// consent-led information sharing; actions assigned with timescales; outcomes reviewed weekly until risk
// reduces), information-sharing golden rules, domain research §8.4.
import { actionList } from '../_shared/action.mjs';
import { at, inSection, is, isOneOf, ref, show } from '../_shared/conditions.mjs';
import { choice, dateTime, longText, multi, section, text } from '../_shared/fields.mjs';
import { gate, param, stage, withSections } from '../_shared/stages.mjs';
import { defineTemplate } from '../_shared/template.mjs';
import { autoUi } from '../_shared/ui-schema.mjs';

const conditions = {
  indicatorsPresent: at('/indicators/exploitation', { minItems: param('exploitationIndicatorThreshold') }),
  noConsent: isOneOf('/sharing/consent', ['refused', 'not_sought_unsafe', 'lacks_capacity']),
  riskOngoing: is('/monitoring/riskNow', 'not_reduced'),
};

const sections = {
  summary: section(
    'About this summary',
    {
      personIdentifier: text('Record number of the person', { maxLength: 100 }),
      completedBy: text('Completed by', { maxLength: 200 }),
      leadAgency: text('Lead agency', { maxLength: 200 }),
      whyNow: longText('What has prompted this summary?'),
    },
    { required: ['personIdentifier', 'completedBy', 'whyNow'] },
  ),
  indicators: section('Signs of exploitation', {
    exploitation: multi('Which of these have been seen?', [
      ['sudden_financial_loss', 'Sudden loss of money'],
      ['frequent_visitors', 'Frequent or new visitors'],
      ['coercion_concerns', 'Signs of pressure or control by others'],
      ['missing_essentials', 'Going without essentials (food, heating, medication)'],
      ['increased_substance_use', 'More alcohol or drug use'],
    ]),
    otherConcerns: longText('Anything else worrying?', { maxLength: 5000 }),
  }),
  sharing: section(
    'Sharing information',
    {
      personViews: longText('What does the person think, and what do they want to happen?'),
      consent: choice('Does the person agree to information being shared with partners?', [
        ['given', 'Yes'],
        ['refused', 'No'],
        ['lacks_capacity', 'They cannot decide this'],
        ['not_sought_unsafe', 'Not asked: asking would increase the risk'],
      ]),
      lawfulBasis: choice('Lawful basis for sharing', [
        ['consent', 'Consent'],
        ['public_task', 'Public task'],
        ['legal_obligation', 'Legal obligation'],
        ['vital_interests', 'Vital interests (to protect life)'],
        ['legitimate_interests', 'Legitimate interests'],
      ]),
      sharedWith: text('Shared with (agencies)', { maxLength: 1000 }),
    },
    { required: ['personViews', 'consent', 'lawfulBasis'] },
  ),
  monitoring: section('Weekly review', {
    lastReviewedAt: dateTime('When were outcomes last reviewed?'),
    riskNow: choice('How is the risk now?', [
      ['not_reduced', 'Not reduced yet'],
      ['reduced', 'Reduced: weekly reviews can stop'],
    ]),
    progress: longText('What has changed since the last review?', { maxLength: 5000 }),
  }),
  actions: section('Actions', { items: actionList('Actions, each with an agency, owner and date') }),
};

const display = [
  show(
    'indicatorsPresent',
    inSection('indicators', {
      riskReview: {
        type: 'object',
        title: 'Risk review with partners',
        properties: {
          heldAt: dateTime('When was the risk review held?'),
          partners: longText('Which agencies took part (name and role)?', { maxLength: 2000 }),
          summary: longText('Shared picture of the risk'),
          overallRisk: choice('Overall risk', [
            ['low', 'Low'],
            ['medium', 'Medium'],
            ['high', 'High'],
            ['critical', 'Critical'],
          ]),
          responses: multi('What responses are agreed?', [
            ['safeguarding_referral', 'Safeguarding referral'],
            ['accommodation_safety', 'Making the home safer'],
            ['increased_contact', 'More contact'],
            ['welfare_benefits', 'Welfare benefits support'],
            ['police_liaison', 'Liaison with the police'],
            ['other', 'Something else'],
          ]),
        },
      },
    }),
  ),
  show(
    'noConsent',
    inSection('sharing', {
      groundsWithoutConsent: multi('Why can it be shared without agreement?', [
        ['risk_to_others', 'Other people are at risk'],
        ['suspected_crime', 'A crime may have been committed'],
        ['coercion_control', 'They may be under coercion or control'],
        ['lacks_capacity_best_interests', 'They lack capacity and sharing is in their best interests'],
        ['vital_interests', 'To protect their life'],
        ['public_interest', 'Public interest'],
      ]),
      rationale: longText('Why was this decision made?', { maxLength: 2000 }),
    }),
  ),
  show(
    'riskOngoing',
    inSection('monitoring', {
      nextReviewAt: dateTime('When is the next review?', {
        'x-within': { after: '/monitoring/lastReviewedAt' },
      }),
    }),
  ),
];

const uiSchema = autoUi(sections, display, {
  'ui:order': ['summary', 'indicators', 'sharing', 'monitoring', 'actions', '*'],
  sharing: { 'ui:description': "Share with the person's agreement wherever possible. Record why if not." },
  monitoring: { 'ui:description': 'Outcomes are reviewed every week until the risk reduces.' },
});

const messages = {
  '/summary/personIdentifier': { required: "Enter the person's record number" },
  '/summary/whyNow': { required: 'Say what has prompted this summary' },
  '/sharing/personViews': { required: "Record the person's views" },
  '/sharing/consent': { required: 'Say whether the person agrees to sharing' },
  '/sharing/lawfulBasis': { required: 'Choose the lawful basis for sharing' },
  '/monitoring/nextReviewAt': { 'x-within': 'The next review cannot be before the last one' },
};

const stages = [
  stage('draft', 'Draft', ['staff', 'manager', 'safeguarding-lead']),
  stage('shared', 'Shared with partners', ['staff', 'manager', 'safeguarding-lead']),
  stage('review-held', 'Risk review held', ['manager', 'safeguarding-lead']),
  stage('monitoring', 'Weekly review', ['manager', 'safeguarding-lead'], {
    due: { from: '/monitoring/lastReviewedAt', hours: param('reviewIntervalHours') },
  }),
  stage('closed', 'Closed: risk reduced', ['manager', 'safeguarding-lead'], { final: true, signOff: true }),
];

const gates = [
  gate(
    'grounds-without-consent',
    'shared',
    'Sharing without agreement needs at least one reason it is lawful, and why the decision was made.',
    {
      when: ref('noConsent'),
      requires: ['/sharing/groundsWithoutConsent', '/sharing/rationale'],
      source: 'Information sharing golden rules (rule 7); seed 004 "consent-led information sharing"',
    },
  ),
  gate(
    'risk-review',
    'review-held',
    'Signs of exploitation need a risk review with partners: when, who, the shared picture and the overall risk.',
    {
      when: ref('indicatorsPresent'),
      requires: [
        '/indicators/riskReview/heldAt',
        '/indicators/riskReview/partners',
        '/indicators/riskReview/summary',
        '/indicators/riskReview/overallRisk',
        '/indicators/riskReview/responses',
      ],
      source: 'Seed 004: "convene a short risk review with relevant partners"',
    },
  ),
  gate(
    'actions-assigned',
    'review-held',
    'Add the agreed actions, each with an agency, a named owner and a date.',
    {
      requires: ['/actions/items'],
      check: at('/actions/items', { items: { required: ['agency'] } }),
      source: 'Seed 004: "Actions are assigned with timescales"',
    },
  ),
  gate(
    'review-date',
    'monitoring',
    'While the risk has not reduced, set the next review within a week of the last one.',
    {
      when: ref('riskOngoing'),
      requires: ['/monitoring/lastReviewedAt', '/monitoring/nextReviewAt'],
      check: at('/monitoring/nextReviewAt', {
        'x-within': { after: '/monitoring/lastReviewedAt', maxHours: param('reviewIntervalHours') },
      }),
      source:
        'Seed 004 (local practice): "Outcomes are reviewed weekly until risk reduces"; MRM review mechanism',
    },
  ),
  gate('risk-reduced', 'closed', 'The summary closes when the weekly review finds the risk has reduced.', {
    requires: ['/monitoring/riskNow', '/monitoring/progress'],
    check: is('/monitoring/riskNow', 'reduced'),
    source: 'Seed 004: "reviewed weekly until risk reduces"',
  }),
];

const parameters = {
  exploitationIndicatorThreshold: {
    type: 'integer',
    value: 1,
    stricter: 'lower',
    min: 1,
    max: 1,
    title: 'Exploitation indicators that need a partner risk review',
    source: 'Seed 004: "Where exploitation indicators are present"',
  },
  reviewIntervalHours: {
    type: 'hours',
    value: 168,
    stricter: 'lower',
    min: 24,
    max: 168,
    title: 'Time between reviews (hours)',
    source: 'Seed 004 (local practice): weekly review',
  },
};

const base = {
  id: 'multi-agency-risk-summary',
  title: 'Multi-agency shared risk summary',
  description:
    'Brings together what each agency knows about exploitation risk, with consent-led sharing, a partner risk review, agreed actions and weekly reviews until the risk reduces.',
  sections,
  required: ['summary', 'sharing'],
  conditions,
  display,
  uiSchema,
  messages,
  stages,
  gates,
  parameters,
  extensionPoints: {
    exploitationIndicators: {
      pointer: '/schema/properties/indicators/properties/exploitation/items',
      title: 'Exploitation indicators',
      description: 'Providers may add local indicators; the review rule counts them.',
    },
  },
  safeguarding: { always: true },
};

const CHANGELOG_1_0_0 = { version: '1.0.0', changes: ['First published version.'] };

export const templates = [
  defineTemplate({ ...base, version: '1.0.0', changelog: [CHANGELOG_1_0_0] }),
  defineTemplate({
    ...base,
    version: '1.1.0',
    changelog: [
      {
        version: '1.1.0',
        changes: [
          'The exploitation indicators are asked with the summary, when the record is first filled in (before, the form showed them only once the record was shared).',
        ],
      },
      CHANGELOG_1_0_0,
    ],
    stages: withSections(stages, { shared: ['summary', 'indicators', 'sharing'] }),
  }),
];
