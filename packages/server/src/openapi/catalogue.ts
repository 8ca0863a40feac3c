/**
 * Every API route, once: the OpenAPI document is built from this list, and the access-control test generates its
 * roles × organisations × routes matrix from it (a route missing here is a route missing from both).
 */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  public?: boolean;
  /** Request body schema (a `#/components/schemas` name or inline). */
  body?: string;
  /** 2xx response: status and schema name. */
  ok: [number, string | null];
  /** Other documented statuses. */
  errors?: number[];
  headers?: { name: string; required: boolean; description: string }[];
  query?: { name: string; description: string }[];
}

const ifMatch = (what: string) => ({
  name: 'If-Match',
  required: true,
  description: `"<${what}>" you last saw`,
});

export const routeCatalogue: RouteSpec[] = [
  {
    method: 'post',
    path: '/api/session',
    summary: 'Sign in (sets fw_session and fw_csrf)',
    tag: 'session',
    public: true,
    body: 'LoginRequest',
    ok: [200, 'SessionResponse'],
    errors: [400, 401, 415, 429],
  },
  {
    method: 'get',
    path: '/api/session',
    summary: 'The signed-in user',
    tag: 'session',
    ok: [200, 'SessionResponse'],
    errors: [401],
  },
  {
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out',
    tag: 'session',
    ok: [204, null],
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/api/home',
    summary: 'Forms, my drafts, records awaiting my review, deadlines',
    tag: 'home',
    ok: [200, 'HomeResponse'],
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/templates',
    summary: 'Forms of my organisation',
    tag: 'templates',
    ok: [200, 'TemplateSummaryList'],
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/templates',
    summary: 'Start a new form (its first draft)',
    tag: 'templates',
    body: 'CreateTemplateRequest',
    ok: [201, 'TemplateDraft'],
    errors: [400, 401, 403, 409, 415],
  },
  {
    method: 'get',
    path: '/api/templates/{id}/versions',
    summary: 'Published versions of a form',
    tag: 'templates',
    ok: [200, 'TemplateVersionsResponse'],
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/templates/{id}/versions/{version}',
    summary: 'One published version',
    tag: 'templates',
    ok: [200, 'TemplateVersionResponse'],
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/api/templates/{id}/versions/{version}/validator.js',
    summary: 'The precompiled validator module (text/javascript, immutable)',
    tag: 'templates',
    ok: [200, null],
    errors: [401, 404],
  },
  {
    method: 'post',
    path: '/api/templates/{id}/versions/{version}/check',
    summary: 'Evaluate data against a version',
    tag: 'templates',
    body: 'CheckRequest',
    ok: [200, 'EvaluateResult'],
    errors: [400, 401, 404, 415],
  },
  {
    method: 'get',
    path: '/api/templates/{id}/draft',
    summary: 'The draft of a form (template managers)',
    tag: 'templates',
    ok: [200, 'TemplateDraft'],
    errors: [401, 403, 404],
  },
  {
    method: 'put',
    path: '/api/templates/{id}/draft',
    summary: 'Save the draft (412 with the current draft when stale)',
    tag: 'templates',
    body: 'TemplateDraftUpdate',
    ok: [200, 'TemplateDraft'],
    errors: [400, 401, 403, 404, 412, 415, 428],
    headers: [ifMatch('draft etag')],
  },
  {
    method: 'post',
    path: '/api/templates/{id}/draft/publish',
    summary: 'Publish the draft as a new immutable version',
    tag: 'templates',
    ok: [200, 'PublishResponse'],
    errors: [401, 403, 404, 409, 412, 422],
  },
  {
    method: 'post',
    path: '/api/records',
    summary: 'Start a record (idempotent by Idempotency-Key)',
    tag: 'records',
    body: 'CreateRecordRequest',
    ok: [201, 'RecordResponse'],
    errors: [400, 401, 403, 404, 415, 422],
    headers: [
      {
        name: 'Idempotency-Key',
        required: true,
        description: 'a new random value per new record; a retry sends the same',
      },
    ],
  },
  {
    method: 'get',
    path: '/api/records',
    summary: 'Records I may see',
    tag: 'records',
    ok: [200, 'RecordListResponse'],
    errors: [400, 401],
    query: [
      { name: 'template', description: 'form id' },
      { name: 'stage', description: 'stage id' },
      { name: 'status', description: 'open, changes-requested or closed' },
      { name: 'mine', description: '1: only records I started' },
    ],
  },
  {
    method: 'get',
    path: '/api/records/{id}',
    summary: 'A record with its history',
    tag: 'records',
    ok: [200, 'RecordDetailResponse'],
    errors: [401, 404],
  },
  {
    method: 'put',
    path: '/api/records/{id}/data',
    summary: 'Autosave (stores a revision even when invalid)',
    tag: 'records',
    body: 'SaveRecordRequest',
    ok: [200, 'RecordEvaluationResponse'],
    errors: [400, 401, 403, 404, 409, 412, 415, 428],
    headers: [ifMatch('revision')],
  },
  {
    method: 'post',
    path: '/api/records/{id}/proceed',
    summary: 'Move the record into a stage (gates checked, server clock)',
    tag: 'records',
    body: 'ProceedRequest',
    ok: [200, 'RecordEvaluationResponse'],
    errors: [400, 401, 403, 404, 409, 415],
  },
  {
    method: 'post',
    path: '/api/records/{id}/return',
    summary: 'Reviewer: changes requested',
    tag: 'records',
    body: 'ReturnRequest',
    ok: [200, 'RecordEvaluationResponse'],
    errors: [400, 401, 403, 404, 409, 415],
  },
  {
    method: 'post',
    path: '/api/records/{id}/approve',
    summary: 'Reviewer: approve',
    tag: 'records',
    body: 'ApproveRequest',
    ok: [200, 'RecordEvaluationResponse'],
    errors: [400, 401, 403, 404, 409, 415],
  },
  {
    method: 'post',
    path: '/api/records/{id}/sign-off',
    summary: 'Sign the record into a sign-off stage (password re-entered)',
    tag: 'records',
    body: 'SignOffRequest',
    ok: [200, 'RecordEvaluationResponse'],
    errors: [400, 401, 403, 404, 409, 415],
  },
  {
    method: 'get',
    path: '/api/audit',
    summary: "My organisation's audit trail, newest first",
    tag: 'audit',
    ok: [200, 'AuditListResponse'],
    errors: [400, 401, 403],
    query: [
      { name: 'limit', description: '1–1000 (default 100)' },
      { name: 'before', description: 'events before this sequence number' },
    ],
  },
  {
    method: 'get',
    path: '/api/audit/verify',
    summary: 'Recompute the hash chain',
    tag: 'audit',
    ok: [200, 'AuditVerifyResponse'],
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    tag: 'reference',
    public: true,
    ok: [200, null],
  },
  {
    method: 'get',
    path: '/api/docs',
    summary: 'Interactive API reference',
    tag: 'reference',
    public: true,
    ok: [200, null],
  },
];
