// Post-incident debrief. Sources: seed 000 (two-stage debrief: staff debrief within one hour, learning review
// within 72 hours; early warning signs; "what could we do earlier next time to avoid restriction?"; staff and
// person debriefs kept separate, never forcing disclosure), seed 001 (what happened, what worked, what felt
// unsafe, whether policies helped or hindered, system changes; actions with named owners), domain research §5, §8.2.
import { actionList } from '../_shared/action.mjs';
import { all, at, inSection, is, isOneOf, ref, show } from '../_shared/conditions.mjs';
import { choice, dateTime, longText, multi, section, text, yesNo } from '../_shared/fields.mjs';
import { gate, param, stage } from '../_shared/stages.mjs';
import { defineTemplate } from '../_shared/template.mjs';
import { autoUi } from '../_shared/ui-schema.mjs';

/** Held later than `hoursParam` after the incident (and not before it: that is a field error). */
function heldLate(sectionKey, hoursParam) {
  return all(
    at('/incident/occurredAt', {}),
    at(`/${sectionKey}/heldAt`, {
      'x-within': { after: '/incident/occurredAt' },
      not: { 'x-within': { after: '/incident/occurredAt', maxHours: param(hoursParam) } },
    }),
  );
}

const conditions = {
  restraint: is('/incident/restraintUsed', 'yes'),
  staffDebriefLate: heldLate('staffDebrief', 'staffDebriefWithinHours'),
  learningReviewLate: heldLate('learningReview', 'learningReviewWithinHours'),
  personDebriefHeld: is('/personDebrief/offer', 'held'),
  personDebriefNotYet: is('/personDebrief/offer', 'not_yet'),
  personDebriefDeclined: is('/personDebrief/offer', 'declined'),
  policiesHindered: isOneOf('/learningReview/policies', ['hindered', 'mixed']),
};

const sections = {
  incident: section(
    'The incident',
    {
      incidentReference: text('Incident report reference', { maxLength: 100 }),
      occurredAt: dateTime('When did the incident happen?'),
      incidentTypes: multi('What kind of incident was it?', [
        ['restraint', 'Restraint or restrictive intervention'],
        ['violence_aggression', 'Violence or aggression'],
        ['self_harm', 'Serious self-harm or risk of it'],
        ['overdose', 'Overdose'],
        ['missing', 'Missing episode'],
        ['police_involvement', 'Police involvement'],
        ['safeguarding', 'Safeguarding (adult or child)'],
        ['medication', 'Medication error'],
        ['other', 'Something else'],
      ]),
      restraintUsed: yesNo('Was restraint or another restriction used?'),
    },
    { required: ['incidentReference', 'occurredAt', 'incidentTypes', 'restraintUsed'] },
  ),
  staffDebrief: section(
    'Staff debrief',
    {
      heldAt: dateTime('When was the staff debrief held?', { 'x-within': { after: '/incident/occurredAt' } }),
      facilitator: text('Who led it?', { maxLength: 200 }),
      attendees: { type: 'array', title: 'Who took part?', items: { $ref: '#/$defs/person' } },
      safety: longText('Is everyone safe now? Any injuries?', { maxLength: 2000 }),
      emotionalState: longText('How are people feeling?', { maxLength: 2000 }),
      immediateAdjustments: longText(
        'What are we changing straight away (rota, environment, support plan)?',
        {
          maxLength: 2000,
        },
      ),
      supportOffered: multi('What support was offered to staff?', [
        ['peer_support', 'Peer support'],
        ['manager_one_to_one', 'Time with a manager'],
        ['occupational_health', 'Occupational health'],
        ['employee_assistance', 'Employee assistance programme'],
        ['time_out', 'Time out or a break'],
        ['caseload_adjustment', 'Temporary change to caseload or duties'],
        ['none_wanted', 'Offered, none wanted'],
      ]),
    },
    { required: ['heldAt', 'facilitator', 'safety', 'emotionalState', 'immediateAdjustments'] },
  ),
  personDebrief: section(
    'Debrief with the person',
    {
      offer: choice('Has the person been offered a debrief?', [
        ['held', 'Yes, and it has happened'],
        ['not_yet', 'Not yet: it is not the right time for them'],
        ['declined', 'Offered, and they did not want one'],
      ]),
    },
    {
      description:
        'A separate conversation with the person we support, when they are ready, in the way that suits them. Never press anyone to talk.',
    },
  ),
  learningReview: section('Learning review', {
    heldAt: dateTime('When was the learning review held?', { 'x-within': { after: '/incident/occurredAt' } }),
    whatHappened: longText('What happened?'),
    earlyWarningSigns: longText('What early warning signs were there, and who noticed them?'),
    triggers: longText('What do we think triggered it?'),
    staffResponses: longText('How did staff respond?'),
    whatWorked: longText('What worked well?'),
    whatFeltUnsafe: longText('What felt unsafe?'),
    relationalRepair: longText('How are we repairing trust with the person?'),
    policies: choice('Did our policies help or get in the way?', [
      ['helped', 'They helped'],
      ['hindered', 'They got in the way'],
      ['mixed', 'Some of both'],
      ['not_relevant', 'Not relevant here'],
    ]),
    systemChanges: longText('What needs to change in how we work?'),
    planUpdates: multi('Which plans need updating?', [
      ['pbs_plan', 'PBS plan'],
      ['risk_assessment', 'Risk assessment'],
      ['care_plan', 'Care or support plan'],
      ['safety_plan', 'Safety plan'],
      ['environment', 'Environment'],
      ['training', 'Training'],
      ['staffing', 'Staffing'],
      ['none', 'None'],
    ]),
  }),
  actions: section('Actions', {
    items: actionList('Actions'),
    noActionsReason: longText('If no action is needed, say why', { maxLength: 2000 }),
  }),
};

const display = [
  show(
    'staffDebriefLate',
    inSection(
      'staffDebrief',
      {
        lateReason: longText('The debrief was later than planned. What got in the way?', { maxLength: 2000 }),
      },
      ['lateReason'],
    ),
  ),
  show(
    'learningReviewLate',
    inSection(
      'learningReview',
      {
        lateReason: longText('The learning review was later than planned. What got in the way?', {
          maxLength: 2000,
        }),
      },
      ['lateReason'],
    ),
  ),
  show(
    'restraint',
    inSection('learningReview', {
      avoidRestrictionEarlier: longText('What could we do earlier next time to avoid restriction?'),
    }),
  ),
  show(
    'policiesHindered',
    inSection('learningReview', {
      policiesDetail: longText('Which policy, and how did it get in the way?', { maxLength: 2000 }),
    }),
  ),
  show(
    'personDebriefHeld',
    inSection('personDebrief', {
      heldAt: dateTime('When did it happen?'),
      communication: longText(
        'How did we communicate (words, pictures, signing, an interpreter, someone they trust)?',
        {
          maxLength: 2000,
        },
      ),
      capacityConsidered: yesNo('Did we think about their capacity and what they could manage?'),
      supportedBy: text('Was anyone with them (advocate, family, keyworker)?'),
      theirAccount: longText('What did they tell us about what happened and what felt unsafe?'),
      whatWouldHelp: longText('What do they think would help next time?'),
    }),
  ),
  show(
    'personDebriefNotYet',
    inSection('personDebrief', {
      whyNotYet: longText('Why not yet (for example still distressed, unwell, asleep)?', { maxLength: 2000 }),
      nextOffer: dateTime('When will we offer again?'),
    }),
  ),
  show(
    'personDebriefDeclined',
    inSection('personDebrief', {
      declinedNote: longText('Anything they said about why (optional)', { maxLength: 2000 }),
    }),
  ),
];

const uiSchema = autoUi(sections, display, {
  'ui:order': ['incident', 'staffDebrief', 'personDebrief', 'learningReview', 'actions', '*'],
  incident: {
    incidentReference: { 'ui:help': 'The reference of the incident report this debrief follows.' },
  },
  staffDebrief: {
    'ui:description':
      'A short conversation soon after the incident: safety first, then how people are, then what to change now.',
    emotionalState: { 'ui:help': 'It is normal to feel shaken. This is about support, not judgement.' },
  },
  personDebrief: {
    offer: {
      'ui:help': 'Not everyone wants to talk straight away. "Not yet" and "no" are both fine answers.',
    },
  },
  learningReview: {
    'ui:description':
      'A fuller review a few days later: what led up to it, how we responded and what we will change.',
    earlyWarningSigns: { 'ui:help': 'For example: pacing, going quiet, a change of staff, noise, pain.' },
    systemChanges: { 'ui:help': 'Think about systems: rotas, handovers, the environment, plans, training.' },
  },
});

const messages = {
  '/incident/occurredAt': { required: 'Enter the date and time of the incident' },
  '/incident/incidentReference': { required: 'Enter the incident report reference' },
  '/incident/restraintUsed': { required: 'Say whether restraint or another restriction was used' },
  '/staffDebrief/heldAt': {
    required: 'Enter when the staff debrief was held',
    'x-within': 'The debrief cannot be before the incident',
  },
  '/staffDebrief/lateReason': { required: 'Say what got in the way of an earlier debrief' },
  '/staffDebrief/safety': { required: 'Say whether everyone is safe now' },
  '/learningReview/lateReason': { required: 'Say what got in the way of an earlier review' },
};

const stages = [
  stage('draft', 'Draft', ['staff', 'manager']),
  stage('staff-debrief', 'Staff debrief held', ['staff', 'manager'], {
    description: 'The short staff debrief is recorded.',
    due: { from: '/incident/occurredAt', hours: param('staffDebriefWithinHours') },
  }),
  stage('learning-review', 'Learning review held', ['manager', 'safeguarding-lead', 'quality-team'], {
    description: 'The fuller learning review is recorded, including the debrief with the person.',
    due: { from: '/incident/occurredAt', hours: param('learningReviewWithinHours') },
  }),
  stage('actions', 'Actions agreed', ['manager', 'quality-team']),
  stage('closed', 'Closed', ['manager'], { final: true, signOff: true }),
];

const gates = [
  gate(
    'learning-review',
    'learning-review',
    'The learning review needs what happened, the early warning signs, triggers, how staff responded and how trust is being repaired.',
    {
      requires: [
        '/learningReview/heldAt',
        '/learningReview/whatHappened',
        '/learningReview/earlyWarningSigns',
        '/learningReview/triggers',
        '/learningReview/staffResponses',
        '/learningReview/relationalRepair',
      ],
      source:
        'Seed 000: learning review within 72 hours (triggers, staff responses, relational repair; early warning signs)',
    },
  ),
  gate(
    'what-worked-and-what-to-change',
    'learning-review',
    'Record what worked, what felt unsafe, whether policies helped, and what needs to change.',
    {
      requires: [
        '/learningReview/whatWorked',
        '/learningReview/whatFeltUnsafe',
        '/learningReview/policies',
        '/learningReview/systemChanges',
      ],
      source: 'Seed 001: post-incident debrief content',
    },
  ),
  gate(
    'avoid-restriction',
    'learning-review',
    'After restraint, answer: what could we do earlier next time to avoid restriction?',
    {
      when: ref('restraint'),
      requires: ['/learningReview/avoidRestrictionEarlier'],
      source: 'Seed 000: explicit question after restraint; Positive and Proactive Care (DH 2014)',
    },
  ),
  gate(
    'person-debrief-offered',
    'learning-review',
    'Record whether the person has been offered their own debrief.',
    {
      requires: ['/personDebrief/offer'],
      source: 'Seed 000: staff debrief and person debrief are separate; NICE NG10 post-incident debrief',
    },
  ),
  gate(
    'person-debrief-record',
    'learning-review',
    'Record how the person debrief was done and what the person told us, in their words where possible.',
    {
      when: ref('personDebriefHeld'),
      requires: ['/personDebrief/heldAt', '/personDebrief/communication', '/personDebrief/theirAccount'],
      source: 'Seed 000: timing, capacity, communication needs and psychological safety considered',
    },
  ),
  gate(
    'person-debrief-later',
    'learning-review',
    'Say why the person debrief has not happened yet and when it will be offered again.',
    {
      when: ref('personDebriefNotYet'),
      requires: ['/personDebrief/whyNotYet', '/personDebrief/nextOffer'],
      source: 'Seed 000: "not every person will want to discuss incidents immediately"',
    },
  ),
  gate(
    'actions',
    'actions',
    'Add the actions, each with a named owner and a date, or say why none are needed.',
    {
      check: {
        anyOf: [at('/actions/items', { minItems: 1 }), at('/actions/noActionsReason', { minLength: 1 })],
      },
      source: 'Seed 001: "Actions are logged with named owners and reviewed at governance meetings"',
    },
  ),
  gate(
    'person-debrief-still-open',
    'closed',
    'The person has not had their debrief yet. You can close, but keep offering it.',
    {
      when: ref('personDebriefNotYet'),
      check: { not: is('/personDebrief/offer', 'not_yet') },
      severity: 'warn',
      source: 'Seed 000: relational repair',
    },
  ),
  gate('actions-complete', 'closed', 'Some actions are still open. Check they are tracked before closing.', {
    when: at('/actions/items', { minItems: 1 }),
    check: at('/actions/items', { items: { properties: { status: { enum: ['done', 'cancelled'] } } } }),
    severity: 'warn',
    source: 'Seed 000: action tracking logs with named leads and completion evidence',
  }),
];

const parameters = {
  staffDebriefWithinHours: {
    type: 'hours',
    value: 1,
    stricter: 'lower',
    min: 0.25,
    max: 1,
    title: 'Staff debrief within (hours)',
    description:
      'How soon after the incident the staff debrief is held. A later debrief asks for the reason.',
    source: 'Seed 000 (local practice): "a brief staff debrief within one hour"',
  },
  learningReviewWithinHours: {
    type: 'hours',
    value: 72,
    stricter: 'lower',
    min: 1,
    max: 72,
    title: 'Learning review within (hours)',
    description:
      'How soon after the incident the learning review is held. A later review asks for the reason.',
    source:
      'Seed 000 (local practice): "a fuller learning review within 72 hours"; Gloucestershire PBS policy',
  },
};

export const templates = [
  defineTemplate({
    id: 'post-incident-debrief',
    version: '1.0.0',
    title: 'Post-incident debrief',
    description:
      'A short staff debrief soon after a critical incident, a separate debrief offered to the person, and a learning review a few days later with actions.',
    changelog: [{ version: '1.0.0', changes: ['First published version.'] }],
    sections,
    required: ['incident', 'staffDebrief'],
    conditions,
    display,
    uiSchema,
    messages,
    stages,
    gates,
    parameters,
  }),
];
