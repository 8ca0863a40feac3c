// Reflective supervision record. Sources: seed 001 (structured template: recent high-stress events, caseload
// risk, boundary challenges, escalation decisions, one case reviewed for trauma-informed engagement and
// least-restrictive practice, early warning signs of drift, agreed adjustments; missed sessions escalated),
// seed 004 (one safeguarding learning point per worker per month), Reg 18 (staffing), Skills for Care, §8.5.
import { actionList } from '../_shared/action.mjs';
import { all, at, inSection, is, ref, show } from '../_shared/conditions.mjs';
import { choice, dateTime, longText, multi, section, text } from '../_shared/fields.mjs';
import { gate, param, stage } from '../_shared/stages.mjs';
import { defineTemplate } from '../_shared/template.mjs';
import { autoUi } from '../_shared/ui-schema.mjs';

const conditions = {
  held: is('/session/status', 'held'),
  missed: is('/session/status', 'missed'),
  driftNoticed: all(ref('held'), at('/reflection/driftSigns', { contains: { not: { const: 'none' } } })),
};

const sections = {
  session: section(
    'Session',
    {
      supervisee: text('Supervisee', { maxLength: 200 }),
      supervisor: text('Supervisor', { maxLength: 200 }),
      plannedFor: dateTime('When was the session planned?'),
      status: choice('Did the session happen?', [
        ['held', 'Yes'],
        ['missed', 'No, it was missed'],
      ]),
    },
    { required: ['supervisee', 'supervisor', 'plannedFor', 'status'] },
  ),
  next: section('Next session', {
    nextSessionAt: dateTime('When is the next session?', { 'x-within': { after: '/session/plannedFor' } }),
  }),
};

const REFLECTION = section('Reflection', {
  highStressEvents: longText('Recent high-stress events'),
  caseloadRisk: longText('Current caseload and risk'),
  boundaryChallenges: longText('Boundary challenges'),
  escalationDecisions: longText('Escalation decisions made or pending'),
  driftSigns: multi('Any early signs of drift?', [
    ['avoidance', 'Avoiding certain people or tasks'],
    ['irritation', 'Irritation or short temper'],
    ['rushing', 'Rushing'],
    ['none', 'None noticed'],
  ]),
});
const CASE_REVIEW = section('Case review', {
  caseIdentifier: text('Which case (record number)?', { maxLength: 100 }),
  traumaInformed: longText('How trauma-informed was our engagement?'),
  leastRestrictive: longText('Was our practice the least restrictive it could be?'),
});
const SAFEGUARDING = section('Safeguarding learning', {
  learningPoint: longText("This month's safeguarding learning point"),
});
const ADJUSTMENTS = section('Agreed adjustments', {
  agreed: multi('What have we agreed?', [
    ['contact_plan', 'Change to contact plan'],
    ['peer_support', 'Peer support'],
    ['workload_balancing', 'Workload balancing'],
    ['training', 'Training or coaching'],
    ['none_needed', 'None needed'],
  ]),
  actions: actionList('Actions'),
});

const display = [
  show('held', {
    properties: {
      reflection: REFLECTION,
      caseReview: CASE_REVIEW,
      safeguardingLearning: SAFEGUARDING,
      adjustments: ADJUSTMENTS,
    },
  }),
  show(
    'missed',
    inSection(
      'session',
      {
        missedReason: longText('Why was it missed?', { maxLength: 2000 }),
        escalatedTo: text('Who has this been escalated to?', { maxLength: 200 }),
      },
      ['missedReason', 'escalatedTo'],
    ),
  ),
];

const uiSchema = autoUi(sections, display, {
  'ui:order': ['session', 'reflection', 'caseReview', 'safeguardingLearning', 'adjustments', 'next', '*'],
  reflection: {
    driftSigns: { 'ui:help': 'Everyone drifts under pressure. Noticing it early is the point, not blame.' },
  },
  caseReview: { 'ui:description': 'Pick one case to look at closely together.' },
  session: {
    missedReason: { 'ui:help': 'Missed sessions are escalated so they get rearranged, not to blame anyone.' },
  },
});

const messages = {
  '/session/supervisee': { required: 'Enter the supervisee' },
  '/session/supervisor': { required: 'Enter the supervisor' },
  '/session/plannedFor': { required: 'Enter when the session was planned' },
  '/session/status': { required: 'Say whether the session happened' },
  '/session/missedReason': { required: 'Say why the session was missed' },
  '/session/escalatedTo': { required: 'Say who the missed session has been escalated to' },
  '/next/nextSessionAt': { 'x-within': 'The next session cannot be before this one' },
};

const stages = [
  stage('draft', 'Draft', ['manager', 'staff']),
  stage('recorded', 'Recorded', ['manager']),
  stage('signed', 'Signed off', ['manager'], { final: true, signOff: true }),
];

const gates = [
  gate('next-session', 'recorded', 'Set the next session date, within the supervision cycle.', {
    requires: ['/next/nextSessionAt'],
    check: at('/next/nextSessionAt', {
      'x-within': { after: '/session/plannedFor', maxHours: param('supervisionIntervalHours') },
    }),
    source: 'Seed 001 (defined cadence); Research in Practice (monthly); Reg 18 staffing',
  }),
  gate(
    'reflection',
    'recorded',
    'Record the high-stress events, caseload risk, boundaries, escalation decisions and signs of drift.',
    {
      when: ref('held'),
      requires: [
        '/reflection/highStressEvents',
        '/reflection/caseloadRisk',
        '/reflection/boundaryChallenges',
        '/reflection/escalationDecisions',
        '/reflection/driftSigns',
      ],
      source: 'Seed 001: structured reflective supervision template',
    },
  ),
  gate(
    'case-review',
    'recorded',
    'Review one case for trauma-informed engagement and least-restrictive practice.',
    {
      when: ref('held'),
      requires: ['/caseReview/caseIdentifier', '/caseReview/traumaInformed', '/caseReview/leastRestrictive'],
      source: 'Seed 001: one case reviewed for trauma-informed engagement and least-restrictive practice',
    },
  ),
  gate('safeguarding-learning-point', 'recorded', "Record this month's safeguarding learning point.", {
    when: ref('held'),
    requires: ['/safeguardingLearning/learningPoint'],
    source: 'Seed 004: one safeguarding learning point per worker per month',
  }),
  gate(
    'adjustments-for-drift',
    'recorded',
    'Signs of drift were noticed: agree at least one practical adjustment.',
    {
      when: ref('driftNoticed'),
      requires: ['/adjustments/agreed'],
      check: at('/adjustments/agreed', { contains: { not: { const: 'none_needed' } } }),
      source:
        'Seed 001: agree practical adjustments (contact plan changes, peer support, workload balancing)',
    },
  ),
];

const parameters = {
  supervisionIntervalHours: {
    type: 'hours',
    value: 744,
    stricter: 'lower',
    min: 24,
    max: 1008,
    title: 'Longest gap to the next session (hours)',
    description: '744 hours is 31 days (monthly). The upper bound is 6 weeks.',
    source: 'Research in Practice supervision guide (monthly); domain research §8.5 (4 to 6 weeks)',
  },
};

export const templates = [
  defineTemplate({
    id: 'reflective-supervision-record',
    version: '1.0.0',
    title: 'Reflective supervision record',
    description:
      'A structured reflective supervision session: stress and caseload, one case reviewed closely, a safeguarding learning point, signs of drift and agreed adjustments. Missed sessions are recorded and escalated.',
    changelog: [{ version: '1.0.0', changes: ['First published version.'] }],
    sections,
    required: ['session'],
    conditions,
    display,
    uiSchema,
    messages,
    stages,
    gates,
    parameters,
  }),
];
