// Safeguarding threshold checklist. Sources: seed 004 (self-neglect indicators; two or more → same-day contact with
// the duty manager or safeguarding lead and the decision recorded), Care Act 2014 s42 (the three tests), Care and
// Support Statutory Guidance ch.14 (categories of abuse), Making Safeguarding Personal (LGA/ADASS), information-
// sharing golden rules (consent and grounds without it), domain research §4, §8.3, §9 R8 and R12.
import { actionList } from '../_shared/action.mjs';
import { all, at, inSection, is, isOneOf, ref, show } from '../_shared/conditions.mjs';
import {
  ABUSE_CATEGORIES,
  choice,
  dateTime,
  longText,
  multi,
  section,
  text,
  YES_NO_UNSURE,
  yesNo,
} from '../_shared/fields.mjs';
import { gate, param, stage, withSections } from '../_shared/stages.mjs';
import { defineTemplate } from '../_shared/template.mjs';
import { autoUi } from '../_shared/ui-schema.mjs';

const SELF_NEGLECT_INDICATORS = [
  ['hydration_nutrition', 'Concerns about eating or drinking'],
  ['infection_risk', 'Signs of infection risk'],
  ['unsafe_environment', 'Unsafe home environment'],
  ['refusing_essential_care', 'Repeatedly refusing essential care'],
  ['reduced_capacity_to_protect_self', 'Less able to keep themselves safe'],
];

const REFERRAL_DECISIONS = [
  'raise_s42_concern',
  'raise_other_concern',
  'marm_referral',
  'refer_other_service',
];

const conditions = {
  immediateDanger: is('/immediate/inDanger', 'yes'),
  abuseConsidered: isOneOf('/s42/abuseOrRisk', ['yes', 'not_sure']),
  allThreeTestsMet: all(
    is('/s42/careAndSupportNeeds', 'yes'),
    is('/s42/abuseOrRisk', 'yes'),
    is('/s42/unableToProtect', 'yes'),
  ),
  // Count-based, so an added local indicator can only make the rule apply more often (engine-design §3.4).
  selfNeglectThreshold: at('/selfNeglect/indicators', { minItems: param('selfNeglectIndicatorThreshold') }),
  contactNotSameDay: all(
    ref('selfNeglectThreshold'),
    at('/concern/noticedAt', {}),
    at('/selfNeglect/sameDayContact/contactedAt', {
      not: { 'x-sameDay': { as: '/concern/noticedAt', timeZone: 'Europe/London' } },
    }),
  ),
  outcomesNotAsked: is('/views/outcomesAsked', 'not_asked'),
  noConsent: isOneOf('/consent/consentToShare', ['refused', 'not_sought_unsafe', 'lacks_capacity']),
  capacityConcern: is('/consent/capacityConcern', 'yes'),
  referral: isOneOf('/decision/decision', REFERRAL_DECISIONS),
  referralWithoutConsent: all(ref('referral'), ref('noConsent')),
  raisedWithLocalAuthority: isOneOf('/decision/decision', [
    'raise_s42_concern',
    'raise_other_concern',
    'marm_referral',
  ]),
};

const sections = {
  immediate: section(
    'Immediate safety',
    { inDanger: yesNo('Is anyone in immediate danger right now?') },
    {
      required: ['inDanger'],
      description: 'If someone is in danger now, call 999 first. Fill this in afterwards.',
    },
  ),
  concern: section(
    'The concern',
    {
      personIdentifier: text('Record number of the person', { maxLength: 100 }),
      noticedAt: dateTime('When was the concern first noticed?'),
      raisedBy: text('Who raised it?', { maxLength: 200 }),
      whatWasSeen: longText('What was seen, heard or said?'),
    },
    { required: ['personIdentifier', 'noticedAt', 'raisedBy', 'whatWasSeen'] },
  ),
  s42: section(
    'The three safeguarding tests',
    {
      careAndSupportNeeds: choice(
        'Does the person have needs for care and support (whether or not they are being met)?',
        YES_NO_UNSURE,
      ),
      abuseOrRisk: choice(
        'Are they experiencing, or at risk of, abuse or neglect (including self-neglect)?',
        YES_NO_UNSURE,
      ),
      unableToProtect: choice(
        'Because of those needs, are they unable to protect themselves?',
        YES_NO_UNSURE,
      ),
    },
    {
      required: ['careAndSupportNeeds', 'abuseOrRisk', 'unableToProtect'],
      description:
        'These are the Care Act section 42 tests. "Not sure" is a fine answer: the safeguarding lead will help.',
    },
  ),
  selfNeglect: section('Self-neglect indicators', {
    indicators: multi('Which of these are present?', SELF_NEGLECT_INDICATORS),
  }),
  views: section(
    'What the person wants',
    {
      outcomesAsked: choice('Has the person been asked what they want to happen?', [
        ['asked_and_expressed', 'Yes, and they told us'],
        ['asked_none_expressed', 'Yes, but they did not say'],
        ['not_asked', 'Not yet'],
      ]),
      inTheirWords: longText('What do they want, in their own words?', { maxLength: 5000 }),
    },
    { required: ['outcomesAsked'] },
  ),
  consent: section(
    'Consent and sharing information',
    {
      consentToShare: choice('Does the person agree to us sharing this concern?', [
        ['given', 'Yes, they agree'],
        ['refused', 'No, they do not agree'],
        ['lacks_capacity', 'They cannot decide this (lack capacity for this decision)'],
        ['not_sought_unsafe', 'Not asked, because asking would put someone at risk'],
      ]),
      capacityConcern: yesNo('Are you worried about their capacity to make this decision?'),
      advocacy: choice('Do they need someone to speak up for them?', [
        ['none', 'No'],
        ['family_friend', 'Family member or friend'],
        ['independent_advocate', 'Independent advocate (Care Act or IMCA)'],
      ]),
    },
    { required: ['consentToShare', 'capacityConcern'] },
  ),
  decision: section('Decision', {
    decision: choice('What is the decision?', [
      ['raise_s42_concern', 'Raise a safeguarding concern with the local authority (section 42)'],
      ['raise_other_concern', 'Raise a concern with the local authority for another kind of enquiry'],
      ['marm_referral', 'Refer to a multi-agency risk meeting (for example self-neglect)'],
      ['refer_other_service', 'Refer to another service'],
      ['internal_response', 'Respond within our service'],
      ['no_further_action', 'No further action'],
    ]),
    rationale: longText('Why?'),
    decidedBy: text('Decided by', { maxLength: 200 }),
    decidedAt: dateTime('When?'),
    actions: actionList('Actions'),
  }),
};

const display = [
  show(
    'immediateDanger',
    inSection(
      'immediate',
      {
        emergencyActions: multi(
          'What was done?',
          [
            ['called_999', 'Called 999'],
            ['medical_treatment', 'Got medical help'],
            ['separated', 'Kept the person apart from the source of harm'],
            ['police_informed', 'Told the police'],
            ['evidence_preserved', 'Kept anything that may be evidence'],
          ],
          { minItems: 1 },
        ),
        actionTakenAt: dateTime('When?'),
      },
      ['emergencyActions', 'actionTakenAt'],
    ),
  ),
  show(
    'abuseConsidered',
    inSection(
      's42',
      {
        categories: multi('What kind of abuse or neglect might it be?', ABUSE_CATEGORIES, { minItems: 1 }),
        sourceOfRisk: choice('Where might the risk come from?', [
          ['service_provider', 'A service or its staff'],
          ['known_to_person', 'Someone the person knows'],
          ['unknown_to_person', 'Someone the person does not know'],
          ['self', 'The person themselves (self-neglect)'],
        ]),
      },
      ['categories'],
    ),
  ),
  show(
    'selfNeglectThreshold',
    inSection('selfNeglect', {
      sameDayContact: {
        type: 'object',
        title: 'Same-day contact',
        description:
          'With this many indicators, talk to the duty manager or safeguarding lead today and record the decision.',
        properties: {
          contactedAt: dateTime('When did you speak to them?'),
          role: choice('Who did you speak to?', [
            ['duty_manager', 'Duty manager'],
            ['safeguarding_lead', 'Safeguarding lead'],
          ]),
          name: text('Their name', { maxLength: 200 }),
          decision: longText('What did you decide together?', { maxLength: 2000 }),
        },
      },
    }),
  ),
  show('contactNotSameDay', {
    properties: {
      selfNeglect: {
        properties: {
          sameDayContact: {
            properties: {
              notSameDayReason: longText('The contact was not on the same day. What happened?', {
                maxLength: 2000,
              }),
            },
            required: ['notSameDayReason'],
          },
        },
      },
    },
  }),
  show(
    'outcomesNotAsked',
    inSection(
      'views',
      { notAskedReason: longText('Why have they not been asked yet?', { maxLength: 2000 }) },
      ['notAskedReason'],
    ),
  ),
  show(
    'capacityConcern',
    inSection('consent', {
      capacityAssessment: choice('Has their capacity for this decision been assessed?', [
        ['has_capacity', 'Yes: they can make this decision'],
        ['lacks_capacity', 'Yes: they cannot make this decision; a best-interests decision is needed'],
        ['not_yet', 'Not yet'],
      ]),
    }),
  ),
  show(
    'referralWithoutConsent',
    inSection('consent', {
      groundsWithoutConsent: multi('Why can it be shared without their agreement?', [
        ['risk_to_others', 'Other people are at risk'],
        ['suspected_crime', 'A crime may have been committed'],
        ['coercion_control', 'They may be under coercion or control'],
        ['lacks_capacity_best_interests', 'They lack capacity and sharing is in their best interests'],
        ['vital_interests', 'To protect their life (vital interests)'],
        ['public_interest', 'Public interest'],
      ]),
      sharingRecord: longText('What was shared, with whom and why?', { maxLength: 2000 }),
    }),
  ),
  show(
    'raisedWithLocalAuthority',
    inSection('decision', { reference: text('Local authority reference', { maxLength: 100 }) }),
  ),
];

const uiSchema = autoUi(sections, display, {
  'ui:order': ['immediate', 'concern', 's42', 'selfNeglect', 'views', 'consent', 'decision', '*'],
  immediate: {
    inDanger: {
      'ui:help': 'For example: a risk to life, or serious harm that could happen in the next few hours.',
    },
  },
  concern: {
    whatWasSeen: { 'ui:help': "Facts, in the order they happened. Use the person's own words in quotes." },
  },
  selfNeglect: {
    'ui:description':
      'Tick any you have seen. Two or more means talking to the duty manager or safeguarding lead today.',
  },
  views: { 'ui:description': 'Making Safeguarding Personal: ask the person early what they want to happen.' },
  consent: {
    consentToShare: { 'ui:help': 'Ask for agreement unless asking would put the person or others at risk.' },
  },
  decision: { 'ui:description': 'For the safeguarding lead or duty manager.' },
});

const messages = {
  '/immediate/inDanger': { required: 'Say whether anyone is in immediate danger' },
  '/immediate/emergencyActions': {
    required: 'Say what was done to keep people safe',
    minItems: 'Choose at least one',
  },
  '/concern/noticedAt': { required: 'Enter when the concern was first noticed' },
  '/concern/personIdentifier': { required: "Enter the person's record number" },
  '/concern/whatWasSeen': { required: 'Describe what was seen, heard or said' },
  '/s42/careAndSupportNeeds': { required: 'Answer this question. "Not sure" is fine.' },
  '/s42/abuseOrRisk': { required: 'Answer this question. "Not sure" is fine.' },
  '/s42/unableToProtect': { required: 'Answer this question. "Not sure" is fine.' },
  '/s42/categories': { required: 'Choose at least one kind of abuse or neglect' },
  '/views/outcomesAsked': { required: 'Say whether the person has been asked what they want' },
  '/views/notAskedReason': { required: 'Say why the person has not been asked yet' },
  '/consent/consentToShare': { required: 'Say whether the person agrees to sharing' },
  '/selfNeglect/sameDayContact/notSameDayReason': { required: 'Say why the contact was not the same day' },
};

const stages = [
  stage('draft', 'Draft', ['staff', 'manager', 'safeguarding-lead']),
  stage('submitted', 'Submitted', ['staff', 'manager', 'safeguarding-lead'], {
    description: 'The concern is recorded and the safeguarding lead is told.',
  }),
  stage('completed', 'Decision made', ['manager', 'safeguarding-lead'], {
    description: 'The safeguarding decision is made and recorded.',
    final: true,
    signOff: true,
  }),
];

const gates = [
  gate(
    'same-day-contact',
    'completed',
    'Two or more self-neglect indicators: speak to the duty manager or safeguarding lead today and record who, when and the decision.',
    {
      when: ref('selfNeglectThreshold'),
      requires: [
        '/selfNeglect/sameDayContact/contactedAt',
        '/selfNeglect/sameDayContact/role',
        '/selfNeglect/sameDayContact/name',
        '/selfNeglect/sameDayContact/decision',
      ],
      source:
        'Seed 004 (local practice): "When two or more indicators are present, staff must contact the duty manager/safeguarding lead the same day and record the decision"',
    },
  ),
  gate('decision-recorded', 'completed', 'Record the safeguarding decision, why, who made it and when.', {
    requires: ['/decision/decision', '/decision/rationale', '/decision/decidedBy', '/decision/decidedAt'],
    source:
      'Information sharing golden rule 7: keep a record of the decision and the reasons; LGA/ADASS concerns framework',
  }),
  gate(
    'grounds-without-consent',
    'completed',
    "Sharing without the person's agreement needs at least one lawful reason, and a note of what was shared, with whom and why.",
    {
      when: ref('referralWithoutConsent'),
      requires: ['/consent/groundsWithoutConsent', '/consent/sharingRecord'],
      source: 'Care Act 2014 statutory guidance ch.14; information sharing golden rules; domain research R8',
    },
  ),
  gate(
    'views-asked',
    'completed',
    'Before the decision is final, ask the person what they want to happen, or record why this is not possible.',
    {
      when: ref('outcomesNotAsked'),
      check: { not: is('/views/outcomesAsked', 'not_asked') },
      severity: 'warn',
      source:
        'Making Safeguarding Personal (LGA/ADASS): ask about desired outcomes at the earliest opportunity',
    },
  ),
  gate(
    's42-tests-met',
    'completed',
    'All three section 42 tests are met. Usually this means raising a safeguarding concern with the local authority; if not, make sure the reason is clear.',
    {
      when: ref('allThreeTestsMet'),
      check: is('/decision/decision', 'raise_s42_concern'),
      severity: 'warn',
      source: 'Care Act 2014 s42(1); domain research R8',
    },
  ),
  gate('local-authority-reference', 'completed', 'Record the local authority reference when you have it.', {
    when: ref('raisedWithLocalAuthority'),
    requires: ['/decision/reference'],
    severity: 'warn',
    source: 'Record-keeping practice (domain research §8.3)',
  }),
];

const parameters = {
  selfNeglectIndicatorThreshold: {
    type: 'integer',
    value: 2,
    stricter: 'lower',
    min: 1,
    max: 2,
    title: 'Self-neglect indicators that need a same-day contact',
    description:
      'How many indicators mean the duty manager or safeguarding lead must be contacted the same day.',
    source:
      'Seed 004 (local practice, not a national rule: domain research §4, R12): "two or more indicators"',
  },
};

const base = {
  id: 'safeguarding-threshold-checklist',
  title: 'Safeguarding threshold checklist',
  description:
    "Helps decide whether a concern meets the threshold for a safeguarding referral: immediate safety, the three Care Act tests, self-neglect indicators, the person's wishes, consent and the decision.",
  sections,
  required: ['immediate', 'concern', 's42', 'views', 'consent'],
  conditions,
  display,
  uiSchema,
  messages,
  stages,
  gates,
  parameters,
  extensionPoints: {
    selfNeglectIndicators: {
      pointer: '/schema/properties/selfNeglect/properties/indicators/items',
      title: 'Self-neglect indicators',
      description:
        'Providers may add local indicators. The same-day rule counts indicators, so adding one can only make it apply more often.',
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
          'The self-neglect indicators are asked with the concern, so staff see them when they first fill in the checklist (before, the form showed them only at the decision stage).',
        ],
      },
      CHANGELOG_1_0_0,
    ],
    stages: withSections(stages, {
      submitted: ['immediate', 'concern', 's42', 'selfNeglect', 'views', 'consent'],
      completed: ['decision'],
    }),
  }),
];
