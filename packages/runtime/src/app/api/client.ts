import { request } from './request.js';
import type {
  FormRecord,
  HomeResponse,
  Json,
  RecordDetailResponse,
  RecordEvaluationResponse,
  RecordSummary,
  SessionUser,
  TemplateVersionResponse,
} from './types.js';

const seg = encodeURIComponent;

export const api = {
  getSession: () => request<{ user: SessionUser }>('GET', '/api/session'),
  login: (email: string, password: string) =>
    request<{ user: SessionUser }>('POST', '/api/session', { body: { email, password } }),
  logout: () => request<void>('DELETE', '/api/session'),

  getHome: () => request<HomeResponse>('GET', '/api/home'),
  listRecords: (query: { template?: string; stage?: string; status?: string; mine?: boolean }) => {
    const params = new URLSearchParams();
    if (query.template) params.set('template', query.template);
    if (query.stage) params.set('stage', query.stage);
    if (query.status) params.set('status', query.status);
    if (query.mine) params.set('mine', '1');
    return request<{ records: RecordSummary[] }>('GET', `/api/records?${params}`);
  },

  getTemplateVersion: (id: string, version: string) =>
    request<TemplateVersionResponse>('GET', `/api/templates/${seg(id)}/versions/${seg(version)}`),
  validatorUrl: (id: string, version: string) =>
    `/api/templates/${seg(id)}/versions/${seg(version)}/validator.js`,

  /** `idempotencyKey` is made once per "start" click and reused on retry, so a retry never makes a second record. */
  createRecord: (templateId: string, idempotencyKey: string, templateVersion?: string) =>
    request<{ record: FormRecord }>('POST', '/api/records', {
      body: templateVersion ? { templateId, templateVersion } : { templateId },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  getRecord: (id: string) => request<RecordDetailResponse>('GET', `/api/records/${seg(id)}`),
  saveData: (id: string, data: Json, revision: number, options: { keepalive?: boolean } = {}) =>
    request<RecordEvaluationResponse>('PUT', `/api/records/${seg(id)}/data`, {
      body: { data },
      headers: { 'If-Match': `"${revision}"` },
      keepalive: options.keepalive ?? false,
    }),
  proceed: (id: string, to: string) =>
    request<RecordEvaluationResponse>('POST', `/api/records/${seg(id)}/proceed`, {
      body: { to },
    }),
  returnForChanges: (id: string, comment: string) =>
    request<RecordEvaluationResponse>('POST', `/api/records/${seg(id)}/return`, { body: { comment } }),
  approve: (id: string, comment?: string) =>
    request<RecordEvaluationResponse>('POST', `/api/records/${seg(id)}/approve`, {
      body: comment ? { comment } : {},
    }),
  signOff: (id: string, to: string, password: string) =>
    request<RecordEvaluationResponse>('POST', `/api/records/${seg(id)}/sign-off`, {
      body: { to, password },
    }),
};

export type Api = typeof api;
