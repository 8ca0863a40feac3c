// One person involved in a record. Defined once; every template places it at `$defs/person`.
import { choice, text } from './fields.mjs';

export const PERSON_ROLES = [
  ['person_supported', 'Person we support'],
  ['staff', 'Staff member'],
  ['family_or_carer', 'Family member or carer'],
  ['visitor', 'Visitor'],
  ['professional', 'Professional from another service'],
  ['member_of_public', 'Member of the public'],
  ['other', 'Someone else'],
];

export const personSchema = {
  type: 'object',
  title: 'Person',
  properties: {
    role: choice('Who is this?', PERSON_ROLES),
    name: text('Name', { maxLength: 200 }),
    identifier: text('Record number or ID (if they have one)', { maxLength: 100 }),
    jobTitle: text('Job title or role', { maxLength: 200 }),
    involvement: text('How were they involved?', { maxLength: 1000 }),
  },
  required: ['role', 'name'],
};

export const personUi = {
  'ui:order': ['role', 'name', 'identifier', 'jobTitle', 'involvement', '*'],
  role: { 'ui:widget': 'radio' },
  identifier: {
    'ui:help': 'For people we support, use their record number so reports to others can leave the name out.',
  },
};
