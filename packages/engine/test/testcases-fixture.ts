// A small template for the test-case and CLI tests: a condition that opens a branch, two stages with gates (one
// blocking, one warning), so every expectation a case can make has something to bite on.
export const visitNote = {
  id: 'visit-note',
  version: '1.0.0',
  title: 'Visit note',
  schema: {
    type: 'object',
    required: ['visitedAt'],
    properties: {
      visitedAt: { type: 'string', format: 'date-time', title: 'When was the visit?' },
      concern: { type: 'string', enum: ['yes', 'no'], title: 'Was there a concern?' },
      managerName: { type: 'string', minLength: 1, title: 'Manager told' },
    },
    allOf: [
      {
        if: { required: ['concern'], properties: { concern: { const: 'yes' } } },
        then: {
          required: ['concernDetail'],
          properties: { concernDetail: { type: 'string', minLength: 1, title: 'What was the concern?' } },
        },
      },
    ],
  },
  stages: [
    { id: 'draft', title: 'Draft' },
    { id: 'submitted', title: 'Submitted' },
    { id: 'closed', title: 'Closed', final: true },
  ],
  gates: [
    {
      id: 'concern-escalated',
      stage: 'submitted',
      severity: 'block',
      message: 'A concern is shared with a manager the same day: record who you told.',
      when: { required: ['concern'], properties: { concern: { const: 'yes' } } },
      requires: ['/managerName'],
    },
    {
      id: 'manager-aware',
      stage: 'closed',
      severity: 'warn',
      message: 'It helps to record which manager knows about this visit.',
      requires: ['/managerName'],
    },
  ],
};

export const calmVisit = { visitedAt: '2026-03-14T09:30:00Z', concern: 'no' };
export const concernVisit = {
  visitedAt: '2026-03-14T09:30:00Z',
  concern: 'yes',
  concernDetail: 'Low on food.',
};
