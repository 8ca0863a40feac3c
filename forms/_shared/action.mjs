// One follow-up action with a named owner, due date, status and completion evidence (seed 004 "incident learning
// tracker with owners, deadlines and completion evidence"; domain research §8.7). Defined once; every template
// places it at `$defs/action` so the server can find actions across templates.
import { choice, date, longText, text } from './fields.mjs';

export const ACTION_STATUSES = [
  ['open', 'Not started'],
  ['in_progress', 'In progress'],
  ['done', 'Done'],
  ['cancelled', 'No longer needed'],
];

export const actionSchema = {
  type: 'object',
  title: 'Action',
  properties: {
    description: longText('What needs to happen?', { maxLength: 2000 }),
    owner: text('Who will do it? (a named person)', { maxLength: 200 }),
    agency: text('Organisation or team (if not ours)', { maxLength: 200 }),
    dueDate: date('By when?'),
    status: choice('Status', ACTION_STATUSES),
    completionEvidence: longText('How do we know it is done?', { maxLength: 2000 }),
  },
  required: ['description', 'owner', 'dueDate', 'status'],
  // The item's own fields only, so a local if/then is safe here (engine-design §1.1).
  allOf: [
    {
      if: { properties: { status: { const: 'done' } }, required: ['status'] },
      then: { required: ['completionEvidence'] },
    },
  ],
};

export const actionUi = {
  'ui:order': ['description', 'owner', 'agency', 'dueDate', 'status', 'completionEvidence', '*'],
  description: { 'ui:widget': 'textarea' },
  status: { 'ui:widget': 'radio' },
  completionEvidence: {
    'ui:widget': 'textarea',
    'ui:help':
      'For example: the updated plan, a training record, an audit result. Needed once the action is done.',
  },
};

/** An actions list: an array of `$defs/action`. */
export function actionList(title, extra = {}) {
  return { type: 'array', title, items: { $ref: '#/$defs/action' }, ...extra };
}
