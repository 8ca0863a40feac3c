// Incident report. Sources: seed 002 (required fields, categories, "cannot proceed without"), seed 003
// (contributing factors), seed 004 (proportionate review tiers, learning cycle), seed 000 (early escalation),
// domain research §8.1 and §9 (CQC Reg 16/18, duty of candour Reg 20, Mental Health Units (Use of Force) Act s6(5)).
import { actionList, actionUi } from '../_shared/action.mjs';
import { all, any, at, but, inSection, is, isOneOf, ref, show } from '../_shared/conditions.mjs';
import {
  ABUSE_CATEGORIES,
  choice,
  date,
  dateTime,
  longText,
  multi,
  section,
  text,
  ui,
  yesNo,
  yesNoUnsure,
} from '../_shared/fields.mjs';
import { personUi } from '../_shared/person.mjs';
import { gate, param, stage } from '../_shared/stages.mjs';
import { defineTemplate } from '../_shared/template.mjs';

const CATEGORIES = [
  ['safeguarding_abuse', 'Safeguarding concern or allegation of abuse'],
  ['medication', 'Medication error, omission or near miss'],
  ['behaviour_distress', 'Distressed behaviour'],
  ['restrictive_intervention', 'Restraint or another restrictive intervention'],
  ['fall', 'Fall'],
  ['injury_other', 'Another injury'],
  ['health_deterioration', 'Health getting worse'],
  ['pressure_ulcer', 'Pressure ulcer or skin damage'],
  ['self_harm', 'Self-harm'],
  ['missing_or_lost_contact', 'Missing person or lost contact'],
  ['unsafe_community_access', 'Unsafe event when out in the community'],
  ['communication_breakdown', 'Communication breakdown affecting support'],
  ['staffing', 'Staffing gap or unsafe deployment'],
  ['missed_visit', 'Missed or late visit'],
  ['death', 'Death'],
  ['infection', 'Infection'],
  ['nutrition_hydration', 'Eating or drinking'],
  ['moving_handling', 'Moving and handling'],
  ['property_environment', 'Premises, equipment or environment'],
  ['data_breach', 'Information or data breach'],
  ['other', 'Something else'],
];

// Categories where restraint may have been used as part of the response, so we ask.
const MAY_INVOLVE_RESTRAINT = [
  'behaviour_distress',
  'self_harm',
  'injury_other',
  'safeguarding_abuse',
  'missing_or_lost_contact',
];

const PHYSICAL_HARM = [
  ['none', 'No physical harm'],
  ['low', 'Low: minimal harm, needed first aid or extra observation'],
  ['moderate', 'Moderate: needed treatment, or harm likely to last weeks'],
  ['severe', 'Severe: permanent or long-term harm'],
  ['fatal', 'Fatal: the person died'],
];
const PSYCHOLOGICAL_HARM = [
  ['none', 'No psychological harm'],
  ['low', 'Low: short-lived distress'],
  ['moderate', 'Moderate: distress needing support, or lasting weeks'],
  ['severe', 'Severe: long-lasting or needing specialist help'],
];

// --- Named conditions: the single source for what is shown and which gates apply. ---
const conditions = {
  askRestraintUsed: isOneOf('/incident/category', MAY_INVOLVE_RESTRAINT),
  restraint: any(is('/incident/category', 'restrictive_intervention'), {
    required: ['incident'],
    allOf: [ref('askRestraintUsed'), is('/incident/restraintUsed', 'yes')],
  }),
  fall: is('/incident/category', 'fall'),
  medication: is('/incident/category', 'medication'),
  behaviour: is('/incident/category', 'behaviour_distress'),
  pressureUlcer: is('/incident/category', 'pressure_ulcer'),
  missing: is('/incident/category', 'missing_or_lost_contact'),
  death: any(is('/incident/category', 'death'), is('/harm/physical', 'fatal')),
  policeInvolved: isOneOf('/incident/policeInvolvement', ['reported_by_us', 'attended', 'investigating']),
  lateReport: at('/incident', {
    required: ['occurredAt', 'reportedAt'],
    properties: {
      // Later than the window, and not before the incident (that is a field error, not lateness).
      reportedAt: {
        'x-within': { after: '/incident/occurredAt' },
        not: { 'x-within': { after: '/incident/occurredAt', maxHours: param('reportWithinHours') } },
      },
    },
  }),
  physicalHarm: isOneOf('/harm/physical', ['low', 'moderate', 'severe', 'fatal']),
  harmModerateOrWorse: any(
    isOneOf('/harm/physical', ['moderate', 'severe', 'fatal']),
    isOneOf('/harm/psychological', ['moderate', 'severe']),
  ),
  harmSevere: any(isOneOf('/harm/physical', ['severe', 'fatal']), is('/harm/psychological', 'severe')),
  repeatedPattern: is('/incident/repeatedPattern', 'yes'),
  knownRisk: is('/risks/knownToBeAtRisk', 'yes'),
  safeguardingConcern: any(
    is('/incident/category', 'safeguarding_abuse'),
    isOneOf('/safeguarding/concern', ['yes', 'not_sure']),
  ),
  seriousInjury: at('/harm/seriousInjury', { contains: { not: { const: 'none' } } }),
  escalationNeeded: any(ref('harmModerateOrWorse'), ref('safeguardingConcern')),
  // CQC (Registration) Regulations 2009: Reg 18(2)(a)(b) serious injury, (e) abuse or allegation, (f) police;
  // Reg 16 death.
  cqcNotifiable: any(ref('seriousInjury'), ref('safeguardingConcern'), ref('policeInvolved'), ref('death')),
  cqcSent: all(ref('cqcNotifiable'), is('/notifications/cqc/outcome', 'sent')),
  cqcNotNotifiable: all(ref('cqcNotifiable'), is('/notifications/cqc/outcome', 'not_notifiable')),
  dutyOfCandour: ref('harmModerateOrWorse'),
  candourNotifiable: all(ref('dutyOfCandour'), is('/notifications/dutyOfCandour/notifiable', 'yes')),
  candourNotified: all(ref('candourNotifiable'), is('/notifications/dutyOfCandour/contact', 'notified')),
  candourNotReached: all(
    ref('candourNotifiable'),
    isOneOf('/notifications/dutyOfCandour/contact', ['declined', 'could_not_contact']),
  ),
  lateManagerReview: all(
    at('/incident/occurredAt', {}),
    at('/managerReview', {
      required: ['reviewedAt'],
      properties: {
        reviewedAt: {
          'x-within': { after: '/incident/occurredAt' },
          not: { 'x-within': { after: '/incident/occurredAt', maxHours: param('managerReviewWithinHours') } },
        },
      },
    }),
  ),
  // Proportionate review (seed 004): the tier follows from harm and pattern.
  tierC: ref('harmSevere'),
  tierB: but(any(ref('harmModerateOrWorse'), ref('repeatedPattern')), ref('tierC')),
  tierA: but(at('/harm', { required: ['physical', 'psychological'] }), {
    anyOf: [ref('harmModerateOrWorse'), ref('repeatedPattern')],
  }),
  fullLearning: any(ref('tierB'), ref('tierC')),
  changeTypesGiven: at('/learning/changeTypes', { minItems: 1 }),
};

// --- Category questions ---
const restraintSchema = section(
  'Restraint or restrictive intervention',
  {
    reason: longText('Why was it used?'),
    startedAt: dateTime('When did it start?'),
    endedAt: dateTime('When did it end?', { 'x-within': { after: '/incident/restraint/startedAt' } }),
    types: multi('What type of restriction was used?', [
      ['physical', 'Physical restraint (holding)'],
      ['mechanical', 'Mechanical restraint'],
      ['chemical', 'Medication to calm (chemical restraint)'],
      ['seclusion', 'Seclusion'],
      ['segregation', 'Long-term segregation'],
    ]),
    howUsed: longText('Describe how it was used, including any holds'),
    proneUsed: yesNo('Was the person held face down (prone)?'),
    inCarePlan: yesNo('Is this type of restriction part of their care or PBS plan?'),
    effortsToAvoid: longText('What was tried first to avoid using restriction?'),
    staffInvolved: {
      type: 'array',
      title: 'Staff who used restriction',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          name: text('Name', { maxLength: 200 }),
          jobTitle: text('Job title', { maxLength: 200 }),
        },
        required: ['name', 'jobTitle'],
      },
    },
    othersInvolvedReason: longText('If anyone other than our staff was involved (for example police), why?', {
      maxLength: 2000,
    }),
    learningDisabilityOrAutism: choice('Does the person have a learning disability or autism?', [
      ['learning_disability', 'Learning disability'],
      ['autism', 'Autism'],
      ['both', 'Both'],
      ['neither', 'Neither'],
      ['not_known', 'Not known'],
    ]),
    outcome: longText('What was the outcome for the person?'),
    carePlanNotificationSent: yesNo('Has the care plan lead been told so the plan can be reviewed?'),
  },
  {
    required: [
      'reason',
      'startedAt',
      'endedAt',
      'types',
      'howUsed',
      'inCarePlan',
      'effortsToAvoid',
      'staffInvolved',
      'outcome',
    ],
  },
);

const fallSchema = section(
  'About the fall',
  {
    witnessed: yesNo('Did anyone see the fall happen?'),
    headStrike: yesNoUnsure('Did they hit their head?'),
    onBloodThinners: yesNoUnsure('Do they take blood-thinning medicine?'),
  },
  { required: ['witnessed', 'headStrike'] },
);

const medicationSchema = section(
  'About the medication error',
  {
    errorType: choice('What kind of error was it?', [
      ['omission', 'Dose missed'],
      ['wrong_dose', 'Wrong dose'],
      ['wrong_time', 'Wrong time'],
      ['wrong_person', 'Given to the wrong person'],
      ['wrong_medication', 'Wrong medicine'],
      ['recording', 'Recording error (MAR)'],
      ['near_miss', 'Near miss: caught before it was given'],
      ['adverse_reaction', 'Reaction to a medicine'],
      ['other', 'Something else'],
    ]),
    controlledDrug: yesNo('Was it a controlled drug?'),
    adviceSought: yesNo('Was advice taken from a GP, pharmacist or NHS 111?'),
  },
  { required: ['errorType', 'adviceSought'] },
);

const deathSchema = section(
  'About the death',
  {
    expected: choice('Was the death expected?', [
      ['yes', 'Yes'],
      ['no', 'No'],
      ['not_known', 'Not known'],
    ]),
    restraintInLast30Days: choice('Was restraint used in the 30 days before the death?', [
      ['yes', 'Yes'],
      ['no', 'No'],
      ['not_known', 'Not known'],
    ]),
    endOfLifeCare: yesNo('Were they receiving end-of-life care?'),
    coronerInformed: choice('Has the coroner been told?', [
      ['yes', 'Yes'],
      ['no', 'No'],
      ['not_yet', 'Not yet'],
      ['not_needed', 'Not needed (the doctor has explained why)'],
    ]),
  },
  { required: ['expected', 'restraintInLast30Days'] },
);

const behaviourSchema = section('About the distressed behaviour', {
  durationMinutes: {
    type: 'integer',
    minimum: 0,
    maximum: 1440,
    title: 'Roughly how long did it last (minutes)?',
  },
  earlySigns: longText('What early signs did you notice beforehand?', { maxLength: 2000 }),
});

const pressureUlcerSchema = section(
  'About the pressure ulcer',
  {
    grade: choice('Grade or category', [
      ['1', 'Category 1'],
      ['2', 'Category 2'],
      ['3', 'Category 3'],
      ['4', 'Category 4'],
      ['unstageable', 'Unstageable'],
      ['deep_tissue', 'Suspected deep tissue injury'],
    ]),
    developedInOurCare: yesNoUnsure('Did it develop while in our care?'),
  },
  { required: ['grade', 'developedInOurCare'] },
);

const missingSchema = section('About the missing episode', {
  lostContactNoteReference: text('Lost-contact escalation note reference', { maxLength: 100 }),
});

// --- Sections ---
function sections(withContributingFactors) {
  return {
    incident: section(
      'What happened',
      {
        occurredAt: dateTime('When did it happen?'),
        reportedAt: dateTime('When are you writing this report?', {
          'x-within': { after: '/incident/occurredAt' },
        }),
        location: text('Where did it happen?'),
        category: choice('What kind of incident was it?', CATEGORIES),
        nearMiss: yesNo('Was this a near miss (nobody was harmed)?'),
        description: longText('What happened?'),
        immediateAction: longText('What was done straight away to keep people safe?'),
        repeatedPattern: yesNoUnsure(
          'Has something like this happened before for this person or in this place?',
        ),
        policeInvolvement: choice('Were the police involved?', [
          ['none', 'No'],
          ['reported_by_us', 'We reported it to the police'],
          ['attended', 'Police came'],
          ['investigating', 'Police are investigating'],
        ]),
      },
      {
        required: [
          'occurredAt',
          'reportedAt',
          'location',
          'category',
          'description',
          'immediateAction',
          'repeatedPattern',
          'policeInvolvement',
        ],
      },
    ),
    people: section(
      'People involved',
      {
        involved: {
          type: 'array',
          title: 'Who was involved?',
          minItems: 1,
          items: { $ref: '#/$defs/person' },
        },
      },
      { required: ['involved'] },
    ),
    harm: section(
      'Harm',
      {
        physical: choice('Was anyone physically harmed?', PHYSICAL_HARM),
        psychological: choice('Was anyone caused distress or psychological harm?', PSYCHOLOGICAL_HARM),
      },
      { required: ['physical', 'psychological'] },
    ),
    risks: section(
      'Known risks',
      {
        knownToBeAtRisk: yesNoUnsure('Was the person known to be at risk of this happening?'),
        riskNow: longText('Is there still a risk? What is in place now to keep people safe?'),
      },
      { required: ['knownToBeAtRisk', 'riskNow'] },
    ),
    safeguarding: section(
      'Safeguarding',
      {
        concern: yesNoUnsure('Do you think anyone may have been abused or neglected, or is at risk of it?'),
      },
      { required: ['concern'] },
    ),
    notifications: section('Who has been told', {
      othersInformed: multi('Who else has been told?', [
        ['family_or_representative', 'Family or representative'],
        ['gp_or_health', 'GP or health professional'],
        ['local_authority', 'Local authority safeguarding team'],
        ['commissioner', 'Commissioner'],
        ['police', 'Police'],
        ['hse_riddor', 'Health and Safety Executive (RIDDOR)'],
        ['nobody_yet', 'Nobody yet'],
      ]),
    }),
    managerReview: section(
      'Manager review',
      {
        reviewedBy: text('Reviewed by', { maxLength: 200 }),
        reviewedAt: dateTime('When was it reviewed?', { 'x-within': { after: '/incident/occurredAt' } }),
        summary: longText('Review notes'),
        feedbackGiven: yesNo('Has the person who reported it been told what happens next?'),
      },
      { description: 'For the manager. Staff reporting an incident can leave this section.' },
    ),
    review: section(
      'Review',
      {},
      {
        description:
          'How deep the review goes follows from the harm and whether it has happened before: a rapid review for low harm or a near miss, a structured review for moderate harm or a repeated pattern, a formal investigation for serious harm.',
      },
    ),
    ...(withContributingFactors
      ? {
          contributingFactors: section('What contributed', {
            factors: multi('What made this more likely to happen?', [
              ['documentation', 'Care documentation incomplete or unclear'],
              ['environment_equipment', 'Environment or equipment problems'],
              ['communication', 'Communication gaps between staff'],
              ['training_confidence', 'Staff confidence or training needs'],
              ['workload', 'Time pressure or workload'],
              ['plan_out_of_date', 'Support plan or risk assessment out of date'],
              ['change_of_routine', 'Unexpected change of routine or staffing'],
              ['unclear_thresholds', 'Unclear escalation thresholds'],
              ['partner_information', 'Information not shared with or by another service'],
              ['none_identified', 'None identified'],
            ]),
            details: longText('Tell us more', { maxLength: 5000 }),
          }),
        }
      : {}),
    learning: section('Learning', {
      rootCause: longText('What really led to this happening?'),
      changeTypes: multi('What will change?', [
        ['workflow', 'How we do the work (workflow or process)'],
        ['support_plan', 'Care, support or PBS plan'],
        ['risk_assessment', 'Risk assessment'],
        ['training', 'Training or competency checks'],
        ['supervision', 'Supervision prompts'],
        ['staffing', 'Staffing or rota'],
        ['environment', 'Environment or equipment'],
        ['documentation', 'Records, templates or handover prompts'],
        ['escalation_route', 'Escalation routes or thresholds'],
        ['policy', 'Policy or procedure'],
        ['reminder_to_staff', 'A reminder to staff'],
      ]),
      actionableChange: longText('Describe the change'),
      implementationEvidence: longText('How do we know the change has been made?'),
      impactCheck: {
        type: 'object',
        title: 'Checking it worked',
        properties: {
          method: longText('How will we check the change worked (for example an audit)?', {
            maxLength: 2000,
          }),
          dueDate: date('When will we check?'),
          result: longText('What did the check find?', { maxLength: 5000 }),
        },
      },
    }),
    actions: section('Follow-up actions', {
      items: actionList('Actions'),
      noActionsReason: longText('If no follow-up action is needed, say why', { maxLength: 2000 }),
    }),
  };
}

// --- Display rules ---
const display = [
  show(
    'askRestraintUsed',
    inSection('incident', { restraintUsed: yesNo('Was restraint or another restriction used?') }, [
      'restraintUsed',
    ]),
  ),
  show('restraint', inSection('incident', { restraint: restraintSchema }, ['restraint'])),
  show('fall', inSection('incident', { fall: fallSchema }, ['fall'])),
  show('medication', inSection('incident', { medication: medicationSchema }, ['medication'])),
  show('death', inSection('incident', { death: deathSchema }, ['death'])),
  show('behaviour', inSection('incident', { behaviour: behaviourSchema })),
  show('pressureUlcer', inSection('incident', { pressureUlcer: pressureUlcerSchema }, ['pressureUlcer'])),
  show('missing', inSection('incident', { missing: missingSchema })),
  show(
    'policeInvolved',
    inSection('incident', { policeReference: text('Police reference number', { maxLength: 100 }) }),
  ),
  show(
    'lateReport',
    inSection(
      'incident',
      {
        lateReportReason: longText('This is being reported later than usual. What held it up?', {
          maxLength: 2000,
        }),
      },
      ['lateReportReason'],
    ),
  ),
  show(
    'physicalHarm',
    inSection(
      'harm',
      {
        treatment: choice('What treatment was needed?', [
          ['none', 'None'],
          ['first_aid', 'First aid'],
          ['gp_or_community_nurse', 'GP or community nurse'],
          ['paramedic_not_conveyed', 'Paramedic came, not taken to hospital'],
          ['a_and_e', 'Taken to A&E'],
          ['admitted', 'Admitted to hospital'],
        ]),
        injuryDescription: longText('Describe the injury and where it is on the body', { maxLength: 2000 }),
      },
      ['treatment'],
    ),
  ),
  show(
    'harmModerateOrWorse',
    inSection(
      'harm',
      {
        seriousInjury: multi('Does the harm include any of these?', [
          ['senses', 'Loss or damage to sight, hearing, touch or smell'],
          ['major_organ', 'Damage to a major organ'],
          ['fracture', 'A broken bone'],
          ['muscle_tendon_joint', 'Damage to muscles, tendons, joints or blood vessels'],
          ['pressure_ulcer_3plus', 'A category 3 or 4 pressure ulcer developed in our care'],
          ['intellectual_function', 'Loss of memory, speech or thinking'],
          ['psychological_harm', 'Psychological harm needing treatment'],
          ['prolonged_pain', 'Pain lasting, or likely to last, 28 days or more'],
          ['shortened_life', 'Shortened life expectancy'],
          ['treatment_to_prevent', 'Treatment needed to prevent death or any of the above'],
          ['none', 'None of these'],
        ]),
      },
      ['seriousInjury'],
    ),
  ),
  show(
    'knownRisk',
    inSection('risks', {
      controlsInPlace: multi('What was in place?', [
        ['risk_assessment', 'Risk assessment'],
        ['equipment', 'Equipment (for example sensors, bed rails)'],
        ['specialist_input', 'Specialist input (falls team, tissue viability, PBS)'],
        ['observations', 'Observations'],
        ['protection_plan', 'Safeguarding protection plan'],
        ['staffing_ratio', 'Extra staffing'],
        ['other', 'Something else'],
      ]),
    }),
  ),
  show(
    'safeguardingConcern',
    inSection('safeguarding', {
      concernTypes: multi('What kind of abuse or neglect might it be?', [
        ...ABUSE_CATEGORIES,
        ['not_sure', 'Not sure yet'],
      ]),
      protectionNow: longText('What has been done to protect the person and others?', { maxLength: 2000 }),
      leadInformedAt: dateTime('When was the safeguarding lead or duty manager told?'),
      thresholdDecision: choice('Safeguarding decision', [
        ['concern_raised_with_la', 'Safeguarding concern raised with the local authority'],
        ['internal_response', 'Handled by our service, below the threshold for referral'],
        ['checklist_in_progress', 'Safeguarding threshold checklist started'],
        ['no_further_action', 'No further safeguarding action'],
      ]),
      decisionReason: longText('Why was this decision made?', { maxLength: 2000 }),
      reference: text('Local authority or checklist reference', { maxLength: 100 }),
    }),
  ),
  show(
    'escalationNeeded',
    inSection('safeguarding', {
      escalation: {
        type: 'object',
        title: 'Escalation',
        description:
          'Harm or a safeguarding concern like this needs to be passed to a senior person straight away.',
        properties: {
          escalatedTo: choice('Who was it passed to?', [
            ['on_call_manager', 'On-call manager'],
            ['registered_manager', 'Registered manager'],
            ['safeguarding_lead', 'Safeguarding lead'],
            ['clinical_lead', 'Clinical lead or nurse'],
            ['senior_manager', 'Senior manager'],
          ]),
          name: text('Their name', { maxLength: 200 }),
          escalatedAt: dateTime('When?'),
        },
      },
    }),
  ),
  show(
    'cqcNotifiable',
    inSection('notifications', {
      cqc: {
        type: 'object',
        title: 'CQC notification',
        description:
          'This may need a statutory notification to CQC (serious injury, abuse or an allegation of abuse, police involvement, or a death). The manager records what was sent, or why it is not notifiable.',
        properties: {
          outcome: choice('CQC notification', [
            ['sent', 'Sent'],
            ['not_notifiable', 'Not notifiable'],
          ]),
        },
      },
    }),
  ),
  show('cqcSent', {
    properties: {
      notifications: {
        properties: {
          cqc: {
            properties: {
              sentAt: dateTime('When was it sent?'),
              reference: text('CQC reference', { maxLength: 100 }),
            },
          },
        },
      },
    },
  }),
  show('cqcNotNotifiable', {
    properties: {
      notifications: {
        properties: {
          cqc: {
            properties: { notNotifiableReason: longText('Why is it not notifiable?', { maxLength: 2000 }) },
          },
        },
      },
    },
  }),
  show(
    'dutyOfCandour',
    inSection('notifications', {
      dutyOfCandour: {
        type: 'object',
        title: 'Being open (duty of candour)',
        description:
          'When something unexpected causes moderate harm or worse, the person (or their family) must be told, given an apology and a written account.',
        properties: {
          notifiable: choice('Is this a notifiable safety incident?', [
            ['yes', 'Yes'],
            ['no', 'No: the harm was not caused by the care or was expected'],
            ['under_review', 'Still being decided'],
          ]),
        },
      },
    }),
  ),
  show('candourNotifiable', {
    properties: {
      notifications: {
        properties: {
          dutyOfCandour: {
            properties: {
              contact: choice('Could we speak with the person or their family?', [
                ['notified', 'Yes, they were told'],
                ['declined', 'They did not want to be contacted'],
                ['could_not_contact', 'We could not reach them'],
              ]),
            },
          },
        },
      },
    },
  }),
  show('candourNotified', {
    properties: {
      notifications: {
        properties: {
          dutyOfCandour: {
            properties: {
              toldInPersonAt: dateTime('When were they told in person?'),
              apologyGiven: yesNo('Was an apology given?'),
              accountGiven: yesNo('Were they given a true account of what is known?'),
              enquiriesExplained: yesNo('Were further enquiries explained?'),
              writtenSentAt: dateTime('When was the written follow-up sent?'),
            },
          },
        },
      },
    },
  }),
  show('candourNotReached', {
    properties: {
      notifications: {
        properties: {
          dutyOfCandour: {
            properties: { attempts: longText('What attempts were made, and when?', { maxLength: 2000 }) },
          },
        },
      },
    },
  }),
  show(
    'lateManagerReview',
    inSection(
      'managerReview',
      { lateReason: longText('The review is later than usual. What held it up?', { maxLength: 2000 }) },
      ['lateReason'],
    ),
  ),
  show(
    'tierA',
    inSection('review', {
      rapid: {
        type: 'object',
        title: 'Rapid review',
        properties: {
          localActions: longText('What was changed locally straight away?', { maxLength: 2000 }),
        },
      },
    }),
  ),
  show(
    'tierB',
    inSection('review', {
      structured: {
        type: 'object',
        title: 'Structured review',
        properties: {
          timeline: longText('Timeline of what happened'),
          decisionReview: longText(
            'Were the decisions made at the time the right ones, with what was known?',
          ),
          supervisionCheck: longText(
            'What did supervision records show about support for the staff involved?',
          ),
          partnerInterface: longText('How did we work with other services (handover, information sharing)?'),
        },
      },
    }),
  ),
  show(
    'tierC',
    inSection('review', {
      formal: {
        type: 'object',
        title: 'Formal investigation',
        properties: {
          seniorOverseer: text('Senior manager overseeing the investigation', { maxLength: 200 }),
          evidencePack: {
            type: 'array',
            title: 'Evidence gathered',
            items: text('Evidence item', { maxLength: 500 }),
          },
          findings: longText('Findings'),
        },
      },
    }),
  ),
];

const ORDER_INCIDENT = [
  'occurredAt',
  'reportedAt',
  'lateReportReason',
  'location',
  'category',
  'nearMiss',
  'description',
  'immediateAction',
  'restraintUsed',
  'restraint',
  'fall',
  'medication',
  'death',
  'behaviour',
  'pressureUlcer',
  'missing',
  'repeatedPattern',
  'policeInvolvement',
  'policeReference',
  '*',
];

function uiSchema(withContributingFactors) {
  return {
    'ui:order': [
      'incident',
      'people',
      'harm',
      'risks',
      'safeguarding',
      'notifications',
      'managerReview',
      'review',
      ...(withContributingFactors ? ['contributingFactors'] : []),
      'learning',
      'actions',
      '*',
    ],
    incident: {
      'ui:order': ORDER_INCIDENT,
      occurredAt: ui.help('If you are not sure of the exact time, give your best estimate and say so below.'),
      category: ui.help('Choose the closest match. The questions that follow depend on it.'),
      nearMiss: ui.radio,
      description: ui.textarea(
        'Say what you saw and heard, in order. Stick to facts; use initials or record numbers rather than full names here.',
      ),
      immediateAction: ui.textarea(),
      repeatedPattern: ui.radio,
      policeInvolvement: ui.radio,
      lateReportReason: ui.textarea('This is to understand pressures on the team, not to blame anyone.'),
      restraintUsed: ui.radio,
      restraint: {
        'ui:order': [
          'reason',
          'startedAt',
          'endedAt',
          'types',
          'howUsed',
          'proneUsed',
          'inCarePlan',
          'effortsToAvoid',
          'staffInvolved',
          'othersInvolvedReason',
          'learningDisabilityOrAutism',
          'outcome',
          'carePlanNotificationSent',
          '*',
        ],
        'ui:description':
          'The Mental Health Units (Use of Force) Act 2018 sets out what a restraint record must hold.',
        reason: ui.textarea(),
        types: ui.checkboxes,
        howUsed: ui.textarea(),
        proneUsed: ui.radio,
        inCarePlan: ui.radio,
        effortsToAvoid: ui.textarea(
          'For example: talking calmly, giving space, offering choices, PBS strategies.',
        ),
        othersInvolvedReason: ui.textarea(),
        learningDisabilityOrAutism: ui.radio,
        outcome: ui.textarea(),
        carePlanNotificationSent: ui.radio,
      },
      fall: {
        'ui:order': ['witnessed', 'headStrike', 'onBloodThinners', '*'],
        witnessed: ui.radio,
        headStrike: ui.radio,
        onBloodThinners: ui.radio,
      },
      medication: {
        'ui:order': ['errorType', 'controlledDrug', 'adviceSought', '*'],
        errorType: ui.radio,
        controlledDrug: ui.radio,
        adviceSought: ui.radio,
      },
      death: {
        'ui:order': ['expected', 'restraintInLast30Days', 'endOfLifeCare', 'coronerInformed', '*'],
        expected: ui.radio,
        restraintInLast30Days: ui.radio,
        endOfLifeCare: ui.radio,
        coronerInformed: ui.radio,
      },
      behaviour: { 'ui:order': ['durationMinutes', 'earlySigns', '*'], earlySigns: ui.textarea() },
      pressureUlcer: {
        'ui:order': ['grade', 'developedInOurCare', '*'],
        grade: ui.radio,
        developedInOurCare: ui.radio,
      },
      missing: {
        'ui:order': ['lostContactNoteReference', '*'],
        lostContactNoteReference: ui.help(
          'Please also start a lost-contact escalation note, and put its reference here.',
        ),
      },
    },
    people: {
      'ui:order': ['involved', '*'],
      involved: {
        items: personUi,
        'ui:help': 'Include the people we support, staff and anyone else who was there.',
      },
    },
    harm: {
      'ui:order': ['physical', 'psychological', 'treatment', 'injuryDescription', 'seriousInjury', '*'],
      physical: ui.radio,
      psychological: ui.radio,
      treatment: ui.radio,
      injuryDescription: ui.textarea(),
      seriousInjury: {
        ...ui.checkboxes,
        'ui:help': 'These help the manager decide whether CQC must be told.',
      },
    },
    risks: {
      'ui:order': ['knownToBeAtRisk', 'controlsInPlace', 'riskNow', '*'],
      knownToBeAtRisk: ui.radio,
      controlsInPlace: ui.checkboxes,
      riskNow: ui.textarea(),
    },
    safeguarding: {
      'ui:order': [
        'concern',
        'concernTypes',
        'protectionNow',
        'leadInformedAt',
        'thresholdDecision',
        'decisionReason',
        'reference',
        'escalation',
        '*',
      ],
      concern: {
        ...ui.radio,
        'ui:help':
          'If you are not sure, say so. The safeguarding lead will help decide. You do not need proof.',
      },
      concernTypes: ui.checkboxes,
      protectionNow: ui.textarea(),
      thresholdDecision: { ...ui.radio, 'ui:help': 'For the safeguarding lead or manager.' },
      decisionReason: ui.textarea(),
      escalation: { 'ui:order': ['escalatedTo', 'name', 'escalatedAt', '*'], escalatedTo: ui.radio },
    },
    notifications: {
      'ui:order': ['othersInformed', 'cqc', 'dutyOfCandour', '*'],
      othersInformed: ui.checkboxes,
      cqc: {
        'ui:order': ['outcome', 'sentAt', 'reference', 'notNotifiableReason', '*'],
        outcome: ui.radio,
        notNotifiableReason: ui.textarea(),
      },
      dutyOfCandour: {
        'ui:order': [
          'notifiable',
          'contact',
          'toldInPersonAt',
          'apologyGiven',
          'accountGiven',
          'enquiriesExplained',
          'writtenSentAt',
          'attempts',
          '*',
        ],
        notifiable: ui.radio,
        contact: ui.radio,
        apologyGiven: ui.radio,
        accountGiven: ui.radio,
        enquiriesExplained: ui.radio,
        attempts: ui.textarea(),
      },
    },
    managerReview: {
      'ui:order': ['reviewedBy', 'reviewedAt', 'lateReason', 'summary', 'feedbackGiven', '*'],
      summary: ui.textarea(),
      feedbackGiven: ui.radio,
      lateReason: ui.textarea(),
    },
    review: {
      'ui:order': ['rapid', 'structured', 'formal', '*'],
      rapid: { 'ui:order': ['localActions', '*'], localActions: ui.textarea() },
      structured: {
        'ui:order': ['timeline', 'decisionReview', 'supervisionCheck', 'partnerInterface', '*'],
        timeline: ui.textarea(),
        decisionReview: ui.textarea(),
        supervisionCheck: ui.textarea(),
        partnerInterface: ui.textarea(),
      },
      formal: {
        'ui:order': ['seniorOverseer', 'evidencePack', 'findings', '*'],
        evidencePack: { 'ui:help': 'For example: statements, care records, MAR charts, rota, CCTV log.' },
        findings: ui.textarea(),
      },
    },
    ...(withContributingFactors
      ? {
          contributingFactors: {
            'ui:order': ['factors', 'details', '*'],
            'ui:description':
              'Incidents usually have more than one cause. Look at systems, not just individual actions.',
            factors: ui.checkboxes,
            details: ui.textarea(),
          },
        }
      : {}),
    learning: {
      'ui:order': [
        'rootCause',
        'changeTypes',
        'actionableChange',
        'implementationEvidence',
        'impactCheck',
        '*',
      ],
      rootCause: ui.textarea(
        'Think about systems: workload, unclear thresholds, missing information, handovers.',
      ),
      changeTypes: {
        ...ui.checkboxes,
        'ui:help': 'A reminder on its own rarely stops it happening again; a changed way of working does.',
      },
      actionableChange: ui.textarea(),
      implementationEvidence: ui.textarea(
        'For example: briefing notes, the revised template, training attendance.',
      ),
      impactCheck: {
        'ui:order': ['method', 'dueDate', 'result', '*'],
        method: ui.textarea(),
        result: ui.textarea(),
      },
    },
    actions: {
      'ui:order': ['items', 'noActionsReason', '*'],
      items: { items: actionUi },
      noActionsReason: ui.textarea(),
    },
  };
}

const messages = {
  '/incident/occurredAt': {
    required: 'Enter the date and time it happened',
    format: 'Enter a date and time, for example 14/03/2026 09:30',
  },
  '/incident/reportedAt': {
    required: 'Enter the date and time you are writing this report',
    'x-within': 'The report time cannot be before the time it happened',
  },
  '/incident/location': { required: 'Say where it happened' },
  '/incident/category': { required: 'Choose what kind of incident it was' },
  '/incident/description': { required: 'Describe what happened, in your own words' },
  '/incident/immediateAction': { required: 'Say what was done straight away to keep people safe' },
  '/incident/repeatedPattern': { required: 'Say whether this has happened before' },
  '/incident/policeInvolvement': { required: 'Say whether the police were involved' },
  '/incident/restraintUsed': { required: 'Say whether restraint or another restriction was used' },
  '/incident/lateReportReason': { required: 'Say what held up the report' },
  '/incident/restraint/effortsToAvoid': { required: 'Say what was tried first to avoid restriction' },
  '/incident/restraint/endedAt': { 'x-within': 'The end time cannot be before the start time' },
  '/incident/fall/witnessed': { required: 'Say whether anyone saw the fall' },
  '/incident/medication/errorType': { required: 'Choose the kind of medication error' },
  '/incident/death/expected': { required: 'Say whether the death was expected' },
  '/people/involved': {
    required: 'Add at least one person who was involved',
    minItems: 'Add at least one person who was involved',
  },
  '/harm/physical': { required: 'Say whether anyone was physically harmed' },
  '/harm/psychological': { required: 'Say whether anyone was distressed or psychologically harmed' },
  '/harm/treatment': { required: 'Say what treatment was needed' },
  '/harm/seriousInjury': { required: 'Choose any that apply, or "None of these"' },
  '/risks/knownToBeAtRisk': { required: 'Say whether this risk was known' },
  '/risks/riskNow': { required: 'Say what is in place now to keep people safe' },
  '/safeguarding/concern': { required: 'Say whether you have a safeguarding concern. "Not sure" is fine.' },
  '/managerReview/reviewedAt': { 'x-within': 'The review time cannot be before the incident' },
  '/managerReview/lateReason': { required: 'Say what held up the review' },
};

const stages = [
  stage('draft', 'Draft', ['staff', 'manager', 'safeguarding-lead']),
  stage('reported', 'Reported', ['staff', 'manager', 'safeguarding-lead'], {
    description: 'The report is submitted and the manager is told.',
    due: { from: '/incident/occurredAt', hours: param('reportWithinHours') },
  }),
  stage('manager-review', 'Manager reviewed', ['manager', 'safeguarding-lead'], {
    description:
      'A manager has reviewed the report, escalated where needed and made the safeguarding decision.',
    due: { from: '/incident/occurredAt', hours: param('managerReviewWithinHours') },
  }),
  stage('review', 'Review complete', ['manager', 'safeguarding-lead', 'quality-team'], {
    description: 'The rapid review, structured review or formal investigation is done.',
  }),
  stage('actions', 'Actions agreed', ['manager', 'quality-team'], {
    description: 'Learning and follow-up actions are agreed, with owners and dates.',
  }),
  stage('closed', 'Closed', ['manager'], {
    description: 'Notifications are done, the change is in place and a manager signs the record off.',
    final: true,
    signOff: true,
  }),
];

function gates(withContributingFactors) {
  const tierCommon = '/learning/rootCause';
  return [
    gate(
      'manager-review',
      'manager-review',
      'A manager needs to review this report, with the date and time of the review.',
      {
        requires: ['/managerReview/reviewedBy', '/managerReview/reviewedAt'],
        source: 'Seed 002: "Cannot proceed without: timely managerial review"',
      },
    ),
    gate(
      'escalation',
      'manager-review',
      'Harm at moderate or above, or a safeguarding concern, needs to be passed to a senior person. Record who and when.',
      {
        when: ref('escalationNeeded'),
        requires: ['/safeguarding/escalation/escalatedTo', '/safeguarding/escalation/escalatedAt'],
        source:
          'Seed 002: "escalation where required"; seed 000: early escalation when risk thresholds are met',
      },
    ),
    gate(
      'safeguarding-decision',
      'manager-review',
      'With a safeguarding concern, record when the safeguarding lead was told and the safeguarding decision with its reason.',
      {
        when: ref('safeguardingConcern'),
        requires: [
          '/safeguarding/leadInformedAt',
          '/safeguarding/thresholdDecision',
          '/safeguarding/decisionReason',
        ],
        source: 'Care Act 2014 s42; seed 004 "assessing whether safeguarding referral thresholds are met"',
      },
    ),
    gate(
      'candour-decision',
      'manager-review',
      'Decide whether this is a notifiable safety incident under the duty of candour.',
      {
        when: ref('dutyOfCandour'),
        requires: ['/notifications/dutyOfCandour/notifiable'],
        source: 'Health and Social Care Act 2008 (Regulated Activities) Regulations 2014, Reg 20',
      },
    ),
    gate(
      'tier-a-rapid-review',
      'review',
      'A rapid review needs a quick look at what led to this and what was changed locally.',
      {
        when: ref('tierA'),
        requires: [tierCommon, '/review/rapid/localActions'],
        source: 'Seed 004: Tier A rapid review (low harm or near miss)',
      },
    ),
    gate(
      'tier-b-structured-review',
      'review',
      'A structured review needs a timeline, a review of decisions, a supervision check and a look at how we worked with other services.',
      {
        when: ref('tierB'),
        requires: [
          '/review/structured/timeline',
          '/review/structured/decisionReview',
          '/review/structured/supervisionCheck',
          '/review/structured/partnerInterface',
          tierCommon,
        ],
        source: 'Seed 004: Tier B structured review (moderate harm or repeated pattern)',
      },
    ),
    gate(
      'tier-c-formal-investigation',
      'review',
      'A formal investigation needs a senior manager overseeing it, the evidence gathered, findings and a tracked action plan.',
      {
        when: ref('tierC'),
        requires: [
          '/review/formal/seniorOverseer',
          '/review/formal/evidencePack',
          '/review/formal/findings',
          tierCommon,
          '/actions/items',
        ],
        source: 'Seed 004: Tier C formal investigation (serious harm)',
      },
    ),
    ...(withContributingFactors
      ? [
          gate(
            'contributing-factors',
            'review',
            'A structured review or investigation records what contributed to the incident.',
            {
              when: ref('fullLearning'),
              requires: ['/contributingFactors/factors'],
              source: 'Seed 003: understanding contributing factors',
            },
          ),
        ]
      : []),
    gate(
      'follow-up-actions',
      'actions',
      'Add the follow-up actions, each with a named owner and a date, or say why none are needed.',
      {
        check: {
          anyOf: [at('/actions/items', { minItems: 1 }), at('/actions/noActionsReason', { minLength: 1 })],
        },
        source: 'Seed 002: required "follow-up actions"; seed 001: actions with named owners',
      },
    ),
    gate(
      'learning-change',
      'actions',
      'Describe what will change as a result, and what kind of change it is.',
      {
        when: ref('fullLearning'),
        requires: ['/learning/changeTypes', '/learning/actionableChange'],
        source:
          'Seed 004: "Actionable change: a change to workflow, tools, supervision, training, escalation routes or governance"',
      },
    ),
    gate(
      'not-only-a-reminder',
      'actions',
      'A reminder to staff on its own is unlikely to stop this happening again. Consider a change to how the work is done.',
      {
        when: ref('changeTypesGiven'),
        check: at('/learning/changeTypes', { contains: { not: { const: 'reminder_to_staff' } } }),
        severity: 'warn',
        source: 'Seed 004: "\'Remind staff\' is not an operational control; a changed workflow is"',
      },
    ),
    gate(
      'learning-proof',
      'closed',
      'Before closing, record how we know the change was made and how and when we will check it worked.',
      {
        when: ref('fullLearning'),
        requires: [
          '/learning/implementationEvidence',
          '/learning/impactCheck/method',
          '/learning/impactCheck/dueDate',
        ],
        source:
          'Seed 004: implementation proof and impact check ("without the last two steps, learning is not defensible")',
      },
    ),
    gate(
      'cqc-decision',
      'closed',
      'This may need a CQC notification. Record whether it was sent or why it is not notifiable.',
      {
        when: ref('cqcNotifiable'),
        requires: ['/notifications/cqc/outcome'],
        source:
          'Care Quality Commission (Registration) Regulations 2009, Reg 16 and Reg 18(2)(a), (b), (e), (f)',
      },
    ),
    gate('cqc-reference', 'closed', 'Record when the CQC notification was sent and its reference.', {
      when: ref('cqcSent'),
      requires: ['/notifications/cqc/sentAt', '/notifications/cqc/reference'],
      source: 'CQC (Registration) Regulations 2009, Reg 18',
    }),
    gate('cqc-not-notifiable-reason', 'closed', 'Say why this is not notifiable to CQC.', {
      when: ref('cqcNotNotifiable'),
      requires: ['/notifications/cqc/notNotifiableReason'],
      source: 'CQC (Registration) Regulations 2009, Reg 18; domain research R1',
    }),
    gate('candour-contact', 'closed', 'Record whether the person or their family could be told.', {
      when: ref('candourNotifiable'),
      requires: ['/notifications/dutyOfCandour/contact'],
      source: 'Regulated Activities Regulations 2014, Reg 20',
    }),
    gate(
      'candour-steps',
      'closed',
      'The duty of candour needs: telling them in person, an apology, a true account, explaining further enquiries and a written follow-up.',
      {
        when: ref('candourNotified'),
        requires: [
          '/notifications/dutyOfCandour/toldInPersonAt',
          '/notifications/dutyOfCandour/apologyGiven',
          '/notifications/dutyOfCandour/accountGiven',
          '/notifications/dutyOfCandour/enquiriesExplained',
          '/notifications/dutyOfCandour/writtenSentAt',
        ],
        check: at('/notifications/dutyOfCandour', {
          properties: {
            apologyGiven: { const: 'yes' },
            accountGiven: { const: 'yes' },
            enquiriesExplained: { const: 'yes' },
          },
        }),
        source: 'Regulated Activities Regulations 2014, Reg 20(2)-(4)',
      },
    ),
    gate('candour-attempts', 'closed', 'Record the attempts made to contact the person or their family.', {
      when: ref('candourNotReached'),
      requires: ['/notifications/dutyOfCandour/attempts'],
      source: 'Regulated Activities Regulations 2014, Reg 20(5)',
    }),
    gate(
      'actions-complete',
      'closed',
      'Some actions are still open. Check they are tracked before closing.',
      {
        when: at('/actions/items', { minItems: 1 }),
        check: at('/actions/items', { items: { properties: { status: { enum: ['done', 'cancelled'] } } } }),
        severity: 'warn',
        source: 'Seed 004: incident learning tracker with owners, deadlines and completion evidence',
      },
    ),
  ];
}

const parameters = {
  reportWithinHours: {
    type: 'hours',
    value: 24,
    stricter: 'lower',
    min: 1,
    max: 24,
    title: 'Report within (hours)',
    description: 'How soon after an incident the report is due. A later report asks for the reason.',
    source: 'Local practice (Mersey Care, Liverpool City Council procedures): report within 24 hours',
  },
  managerReviewWithinHours: {
    type: 'hours',
    value: 168,
    stricter: 'lower',
    min: 1,
    max: 168,
    title: 'Manager review within (hours)',
    description: 'How soon after the incident a manager reviews it. A later review asks for the reason.',
    source:
      'Local practice (Mersey Care: approval within 7 working days); seed 002 "timely managerial review"',
  },
};

const DESCRIPTION =
  'Report an incident, accident or near miss. Questions open up for the kind of incident; harm and safeguarding answers decide escalation, notifications and how deep the review goes.';

function build(version, withContributingFactors, changelog) {
  return defineTemplate({
    id: 'incident-report',
    version,
    title: 'Incident report',
    description: DESCRIPTION,
    changelog,
    sections: sections(withContributingFactors),
    required: ['incident', 'people', 'harm', 'risks', 'safeguarding'],
    conditions,
    display,
    uiSchema: uiSchema(withContributingFactors),
    messages,
    stages,
    gates: gates(withContributingFactors),
    parameters,
    safeguarding: { when: ref('safeguardingConcern') },
  });
}

const CHANGELOG_1_0_0 = { version: '1.0.0', changes: ['First published version.'] };
const CHANGELOG_1_1_0 = {
  version: '1.1.0',
  changes: [
    'Adds the "What contributed" section (contributing factors, seed 003).',
    'A structured review or formal investigation now records contributing factors before the review stage.',
  ],
};

export const templates = [
  build('1.0.0', false, [CHANGELOG_1_0_0]),
  build('1.1.0', true, [CHANGELOG_1_1_0, CHANGELOG_1_0_0]),
];
