/** The OpenAPI 3.1 document, built from the route catalogue and the contract types' shapes. */
import { routeCatalogue } from './catalogue.js';

const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' };
const any = {};
const userRef = obj({ id: str, name: str });

const schemas: Record<string, unknown> = {
  Error: obj({ error: obj({ code: str, message: str, pointer: str, details: any }, ['code', 'message']) }, [
    'error',
  ]),
  LoginRequest: obj({ email: str, password: str }),
  SessionUser: obj({
    id: str,
    name: str,
    email: str,
    role: { enum: ['staff', 'manager', 'safeguarding-lead', 'quality-team', 'provider-admin', 'auditor'] },
    organisationId: str,
    organisationName: str,
    teamId: { type: ['string', 'null'] },
  }),
  SessionResponse: obj({ user: ref('SessionUser') }),
  TemplateSummary: obj(
    {
      id: str,
      title: str,
      description: str,
      latestVersion: { type: ['string', 'null'] },
      versions: { type: 'array', items: str },
    },
    ['id', 'title', 'latestVersion', 'versions'],
  ),
  TemplateSummaryList: { type: 'array', items: ref('TemplateSummary') },
  TemplateVersionsResponse: obj({
    templateId: str,
    versions: {
      type: 'array',
      items: obj({
        version: str,
        hash: str,
        publishedAt: str,
        publishedBy: { oneOf: [userRef, { type: 'null' }] },
        changes: { type: 'array', items: str },
      }),
    },
  }),
  TemplateVersionResponse: obj({ template: { type: 'object' }, hash: str, publishedAt: str }),
  TemplateDraft: obj(
    { templateId: str, template: any, tests: any, etag: str, updatedAt: str, updatedBy: any },
    ['templateId', 'template', 'etag', 'updatedAt', 'updatedBy'],
  ),
  TemplateDraftUpdate: obj({ template: any, tests: any }, ['template']),
  CreateTemplateRequest: obj({ template: any, tests: any }, ['template']),
  PublishResponse: obj({ templateId: str, version: str, hash: str, publishedAt: str }),
  CheckRequest: obj({ data: any, to: str, now: str }, ['data']),
  EvaluateResult: obj({
    valid: { type: 'boolean' },
    errors: { type: 'array', items: obj({ path: str, message: str, rule: str }) },
    gates: { type: 'array', items: { type: 'object' } },
    canProceed: { type: 'boolean' },
    safeguarding: { type: 'boolean' },
  }),
  Record: obj(
    {
      id: str,
      templateId: str,
      templateVersion: str,
      stage: str,
      status: { enum: ['open', 'changes-requested', 'closed'] },
      data: any,
      revision: { type: 'integer' },
      safeguarding: { type: 'boolean' },
      createdBy: userRef,
      createdAt: str,
      updatedAt: str,
      reviewComment: str,
    },
    [
      'id',
      'templateId',
      'templateVersion',
      'stage',
      'status',
      'data',
      'revision',
      'safeguarding',
      'createdBy',
      'createdAt',
      'updatedAt',
    ],
  ),
  RecordSummary: { type: 'object' },
  CreateRecordRequest: obj({ templateId: str, templateVersion: str, data: { type: 'object' } }, [
    'templateId',
  ]),
  RecordResponse: obj({ record: ref('Record') }),
  RecordListResponse: obj({ records: { type: 'array', items: ref('RecordSummary') } }),
  RecordDetailResponse: obj({
    record: ref('Record'),
    template: obj({ id: str, version: str, title: str }),
    history: { type: 'array', items: { type: 'object' } },
  }),
  SaveRecordRequest: obj({ data: { type: 'object' } }),
  RecordEvaluationResponse: obj({ record: ref('Record'), evaluation: ref('EvaluateResult') }),
  ProceedRequest: obj({ to: str }),
  ReturnRequest: obj({ comment: str }),
  ApproveRequest: obj({ comment: str }, []),
  SignOffRequest: obj({ to: str, password: str }),
  HomeResponse: obj({
    templates: ref('TemplateSummaryList'),
    drafts: { type: 'array', items: ref('RecordSummary') },
    awaitingReview: { type: 'array', items: ref('RecordSummary') },
    deadlines: {
      type: 'array',
      items: obj({
        recordId: str,
        templateTitle: str,
        stage: str,
        stageTitle: str,
        dueAt: str,
        status: { enum: ['due-soon', 'overdue', 'not-due'] },
      }),
    },
  }),
  AuditListResponse: obj({ events: { type: 'array', items: { type: 'object' } } }),
  AuditVerifyResponse: obj(
    {
      ok: { type: 'boolean' },
      checked: { type: 'integer' },
      firstBadEventId: str,
      unlinked: { type: 'integer' },
      reason: str,
    },
    ['ok', 'checked'],
  ),
};

const statusText: Record<number, string> = {
  400: 'The request is not right: see error.pointer and error.message',
  401: 'Not signed in',
  403: 'Not allowed for your role, or the CSRF token is missing',
  404: 'Not found (also for anything of another organisation)',
  409: 'Conflicts with the record or template state',
  412: 'Stale If-Match: the body carries `current`',
  413: 'Body larger than 1 MiB',
  415: 'Body must be application/json',
  422: 'Well-formed but cannot be done (details say why)',
  428: 'If-Match is required',
  429: 'Too many attempts: see Retry-After',
};

export function openApiDocument(): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeCatalogue) {
    const parameters: unknown[] = [];
    for (const m of route.path.matchAll(/\{(\w+)\}/g)) {
      parameters.push({ name: m[1], in: 'path', required: true, schema: str });
    }
    for (const h of route.headers ?? [])
      parameters.push({
        name: h.name,
        in: 'header',
        required: h.required,
        description: h.description,
        schema: str,
      });
    for (const q of route.query ?? [])
      parameters.push({
        name: q.name,
        in: 'query',
        required: false,
        description: q.description,
        schema: str,
      });
    if (!route.public && route.method !== 'get') {
      parameters.push({
        name: 'X-CSRF-Token',
        in: 'header',
        required: true,
        description: 'the value of the fw_csrf cookie',
        schema: str,
      });
    }
    const responses: Record<string, unknown> = {
      [route.ok[0]]: route.ok[1]
        ? { description: 'OK', content: { 'application/json': { schema: ref(route.ok[1]) } } }
        : { description: 'OK' },
      500: {
        description: 'Unexpected: a plain error body, no details',
        content: { 'application/json': { schema: ref('Error') } },
      },
      503: {
        description: 'The database is unreachable: try again shortly',
        content: { 'application/json': { schema: ref('Error') } },
      },
    };
    for (const status of route.errors ?? []) {
      responses[status] = {
        description: statusText[status] ?? 'Error',
        content: { 'application/json': { schema: ref('Error') } },
      };
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      ...(route.public ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.body) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Formwork API',
      version: '0.1.0',
      description:
        'Forms for health and social care. All bodies are JSON; errors are { error: { code, message, pointer?, details? } }. Sign in with POST /api/session; send the fw_csrf cookie value as X-CSRF-Token on every state-changing request.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fw_session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
