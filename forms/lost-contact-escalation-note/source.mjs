// Lost-contact escalation note. Sources: seed 004 (after one missed contact, try the person's preferred methods and
// record attempts; a second missed contact within the window → duty leadership notified, risk indicators reviewed,
// welfare check route used; one escalation note with risk indicators, actions, partner contacts and next review
// time; follow-up contact confirms the outcome and the safety plan is updated), College of Policing APP, Herbert
// Protocol, domain research §7, §8.6 and R11.
import { all, at, inSection, isOneOf, ref, show } from '../_shared/conditions.mjs';
import { choice, dateTime, longText, multi, section, text, yesNo } from '../_shared/fields.mjs';
import { gate, param, stage } from '../_shared/stages.mjs';
import { defineTemplate } from '../_shared/template.mjs';
import { autoUi } from '../_shared/ui-schema.mjs';

const CONTACT_METHODS = [
  ['phone', 'Phone call'],
  ['text', 'Text message'],
  ['email', 'Email'],
  ['home_visit', 'Home visit'],
  ['via_family', 'Through family or a friend'],
  ['via_other_service', 'Through another service'],
];

const conditions = {
  secondMissWithinWindow: all(
    at('/contacts/firstMissedAt', {}),
    at('/contacts/secondMissedAt', {
      'x-within': { after: '/contacts/firstMissedAt', maxHours: param('secondMissWindowHours') },
    }),
  ),
  policeCalled: isOneOf('/escalation/policeDecision', ['called_999', 'called_101']),
  policeNotYet: isOneOf('/escalation/policeDecision', ['not_yet']),
};

const sections = {
  person: section(
    'The person',
    {
      personIdentifier: text('Record number', { maxLength: 100 }),
      preferredMethods: multi('How do they prefer to be contacted?', CONTACT_METHODS),
      legalStatus: choice('Legal status', [
        ['none', 'None'],
        ['dols_authorised', 'Deprivation of Liberty authorisation'],
        ['mha_detained', 'Detained under the Mental Health Act'],
        ['mha_cto', 'Community treatment order'],
        ['other', 'Other'],
      ]),
      riskFactors: multi('Known risk factors', [
        ['dementia_cognitive', 'Dementia or memory problems'],
        ['medication_dependent', 'Depends on medication'],
        ['physical_illness_mobility', 'Physical illness or mobility'],
        ['suicide_self_harm', 'Suicide or self-harm risk'],
        ['exploitation', 'Risk of exploitation'],
        ['previous_missing', 'Has gone missing before'],
        ['out_of_character', 'This is out of character'],
        ['communication', 'Communication difficulties'],
        ['substance_use', 'Alcohol or drug use'],
        ['adverse_weather', 'Bad weather'],
        ['none_known', 'None known'],
      ]),
      lastSeenAt: dateTime('When were they last seen or heard from?'),
      lastSeenWhere: text('Where?'),
    },
    { required: ['personIdentifier', 'preferredMethods', 'legalStatus', 'riskFactors', 'lastSeenAt'] },
  ),
  contacts: section(
    'Missed contacts',
    {
      firstMissedAt: dateTime('When was the first missed contact?'),
      attempts: {
        type: 'array',
        title: 'Attempts to get in touch',
        items: {
          type: 'object',
          properties: {
            at: dateTime('When?'),
            method: choice('How?', CONTACT_METHODS),
            result: text('What happened?'),
          },
          required: ['at', 'method'],
        },
      },
      secondMissedAt: dateTime('When was the second missed contact (if there was one)?', {
        'x-within': { after: '/contacts/firstMissedAt' },
      }),
    },
    { required: ['firstMissedAt'] },
  ),
  note: section('Escalation note', {
    actionsTaken: longText('What has been done so far?'),
    partnerContacts: longText('Which partners have been contacted (who, when, what they said)?', {
      maxLength: 5000,
    }),
    nextReviewAt: dateTime('When will this be reviewed next?'),
  }),
  outcome: section('Outcome', {
    contactRestoredAt: dateTime('When was contact made again?'),
    howConfirmed: longText('How was their safety confirmed?', { maxLength: 2000 }),
    safetyPlanUpdated: yesNo('Has the safety plan been updated?'),
  }),
};

const display = [
  show('secondMissWithinWindow', {
    properties: {
      escalation: section('Escalation', {
        dutyLeaderNotifiedAt: dateTime('When was duty leadership told?'),
        dutyLeaderName: text('Who?', { maxLength: 200 }),
        riskIndicatorsReviewed: longText('Current risk indicators reviewed'),
        welfareCheckRoute: choice('Welfare check route used', [
          ['staff_visit', 'Visit by our staff'],
          ['family_neighbour', 'Family, friend or neighbour'],
          ['other_service', 'Another service (GP, community team)'],
          ['police_welfare_check', 'Police welfare check'],
        ]),
        policeDecision: choice('Police', [
          ['called_999', 'Called 999'],
          ['called_101', 'Called 101'],
          ['not_yet', 'Not yet: threshold not met'],
          ['not_required', 'Not needed'],
        ]),
      }),
    },
  }),
  show(
    'policeCalled',
    inSection('escalation', {
      policeReference: text('Police reference', { maxLength: 100 }),
      policeRiskGrade: choice('Police risk grade', [
        ['high', 'High'],
        ['medium', 'Medium'],
        ['low', 'Low'],
        ['not_given', 'Not given'],
      ]),
    }),
  ),
  show(
    'policeNotYet',
    inSection('escalation', {
      policeRationale: longText('Why not yet, and what would change that?', { maxLength: 2000 }),
    }),
  ),
];

const uiSchema = autoUi(sections, display, {
  'ui:order': ['person', 'contacts', 'escalation', 'note', 'outcome', '*'],
  contacts: { attempts: { 'ui:help': "Use the person's preferred ways of being contacted first." } },
  escalation: {
    'ui:description':
      'Two missed contacts close together: tell duty leadership, review risks and use the welfare check route.',
  },
});

const messages = {
  '/person/personIdentifier': { required: "Enter the person's record number" },
  '/person/lastSeenAt': { required: 'Enter when they were last seen or heard from' },
  '/contacts/firstMissedAt': { required: 'Enter when the first contact was missed' },
  '/contacts/secondMissedAt': { 'x-within': 'The second missed contact cannot be before the first' },
};

const stages = [
  stage('draft', 'Draft', ['staff', 'manager']),
  stage('recorded', 'Attempts recorded', ['staff', 'manager']),
  stage('escalated', 'Escalation note complete', ['staff', 'manager', 'safeguarding-lead']),
  stage('closed', 'Closed: contact restored', ['manager'], { final: true, signOff: true }),
];

const gates = [
  gate('attempts', 'recorded', "Record the attempts to get in touch, using the person's preferred ways.", {
    requires: ['/contacts/attempts'],
    source:
      'Seed 004: "After one missed contact, staff use the person\'s preferred contact methods and document attempts"',
  }),
  gate(
    'duty-leadership',
    'escalated',
    'A second missed contact: tell duty leadership, review the risk indicators and use the welfare check route.',
    {
      when: ref('secondMissWithinWindow'),
      requires: [
        '/escalation/dutyLeaderNotifiedAt',
        '/escalation/dutyLeaderName',
        '/escalation/riskIndicatorsReviewed',
        '/escalation/welfareCheckRoute',
        '/escalation/policeDecision',
      ],
      source:
        'Seed 004: second missed contact within the timeframe; College of Policing APP (missing persons)',
    },
  ),
  gate('police-reference', 'escalated', 'Record the police reference and the risk grade they gave.', {
    when: ref('policeCalled'),
    requires: ['/escalation/policeReference', '/escalation/policeRiskGrade'],
    source: 'Domain research R11; CQC Reg 18(2)(f) police involvement',
  }),
  gate('police-rationale', 'escalated', 'Say why the police have not been called yet.', {
    when: ref('policeNotYet'),
    requires: ['/escalation/policeRationale'],
    source: 'Domain research §8.6 (police decision with rationale)',
  }),
  gate(
    'escalation-note',
    'escalated',
    'The escalation note needs the actions taken and the next review time.',
    {
      requires: ['/note/actionsTaken', '/note/nextReviewAt'],
      source:
        'Seed 004: single escalation note (risk indicators, actions, partner contacts, next review time)',
    },
  ),
  gate(
    'outcome-confirmed',
    'closed',
    'Before closing, record the follow-up contact that confirmed they are safe.',
    {
      requires: ['/outcome/contactRestoredAt', '/outcome/howConfirmed'],
      source: 'Seed 004: "schedule follow-up contact to confirm outcome"',
    },
  ),
  gate('safety-plan-updated', 'closed', 'Update the safety plan before closing.', {
    requires: ['/outcome/safetyPlanUpdated'],
    check: at('/outcome/safetyPlanUpdated', { const: 'yes' }),
    source: 'Seed 004: "update the safety plan"',
  }),
];

const parameters = {
  secondMissWindowHours: {
    type: 'hours',
    value: 72,
    stricter: 'higher',
    min: 72,
    title: 'Window for a second missed contact (hours)',
    description:
      'A second missed contact within this many hours of the first starts the escalation. A longer window is stricter: more second misses count.',
    source:
      'Seed 004 (local practice): "within a defined timeframe"; 72 hours is a default to adapt to the person\'s plan',
  },
};

export const templates = [
  defineTemplate({
    id: 'lost-contact-escalation-note',
    version: '1.0.0',
    title: 'Lost-contact escalation note',
    description:
      'When someone misses contacts: record attempts, escalate after a second missed contact, make one escalation note, then confirm they are safe and update the safety plan.',
    changelog: [{ version: '1.0.0', changes: ['First published version.'] }],
    sections,
    required: ['person', 'contacts'],
    conditions,
    display,
    uiSchema,
    messages,
    stages,
    gates,
    parameters,
  }),
];
