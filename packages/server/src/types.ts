/**
 * The HTTP API contract between the server and the staff app (`import type … from '@formwork/server/types'`).
 * Every body is JSON under `/api/`. Change it deliberately: the staff app is built against it.
 */
import type { EvaluateResult, Json, Template } from '@formwork/engine';

export type { EvaluateResult, Json, Template };

export type Role = 'staff' | 'manager' | 'safeguarding-lead' | 'quality-team' | 'provider-admin' | 'auditor';

export const ROLES: readonly Role[] = [
  'staff',
  'manager',
  'safeguarding-lead',
  'quality-team',
  'provider-admin',
  'auditor',
];

/** Every error body: `{ error: { code, message, pointer?, details? } }`. */
export interface ApiErrorBody {
  /** kebab-case, stable: the staff app switches on it. */
  code: string;
  /** Plain words: what happened and what to do next. */
  message: string;
  /** JSON pointer into the request body (or record data) the error is about. */
  pointer?: string;
  details?: unknown;
}

export interface ApiError {
  error: ApiErrorBody;
}

// ---- session ----

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  teamId: string | null;
}

/** `POST /api/session` body. */
export interface LoginRequest {
  email: string;
  password: string;
}

/** `POST /api/session` → 200, `GET /api/session` → 200. */
export interface SessionResponse {
  user: SessionUser;
}

// ---- templates ----

export interface TemplateSummary {
  id: string;
  title: string;
  description?: string;
  /** Latest published version, or null when only a draft exists. */
  latestVersion: string | null;
  /** Published versions, oldest first. */
  versions: string[];
}

/** `GET /api/templates/{id}/versions` → one entry per published version, oldest first. */
export interface TemplateVersionSummary {
  version: string;
  hash: string;
  publishedAt: string;
  publishedBy: { id: string; name: string } | null;
  changes: string[];
}

export interface TemplateVersionsResponse {
  templateId: string;
  versions: TemplateVersionSummary[];
}

/** `GET /api/templates/{id}/versions/{version}`. */
export interface TemplateVersionResponse {
  template: Template;
  /** SHA-256 (hex) of the template's canonical JSON (RFC 8785). */
  hash: string;
  publishedAt: string;
}

/** `GET /api/templates/{id}/draft` (ETag header = `"<etag>"`). */
export interface TemplateDraft {
  templateId: string;
  /** The draft document; may be anything JSON while being edited. */
  template: Json;
  /** Logic test cases run at publish (the engine's test-case format). */
  tests?: Json;
  etag: string;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
}

/** `PUT /api/templates/{id}/draft` body (header `If-Match: "<etag>"`). 412 → `{ error, current: TemplateDraft }`. */
export interface TemplateDraftUpdate {
  template: Json;
  tests?: Json;
}

/** `POST /api/templates` body: a new template's first draft. */
export interface CreateTemplateRequest {
  template: Json;
  tests?: Json;
}

/** `POST /api/templates/{id}/draft/publish` → 200. 422 → `{ error }` with `details: PublishProblems`. */
export interface PublishResponse {
  templateId: string;
  version: string;
  hash: string;
  publishedAt: string;
}

export interface PublishProblems {
  problems?: { code: string; pointer: string; message: string }[];
  failingCases?: { name: string; message: string }[];
}

/** `POST /api/templates/{id}/versions/{version}/check` body → `EvaluateResult`. */
export interface CheckRequest {
  data: Json;
  to?: string;
  now?: string;
}

// ---- records ----

export type RecordStatus = 'open' | 'changes-requested' | 'closed';

export interface UserRef {
  id: string;
  name: string;
}

/** One record; its ETag is `"<revision>"`. */
export interface FormRecord {
  id: string;
  templateId: string;
  templateVersion: string;
  stage: string;
  status: RecordStatus;
  data: Json;
  revision: number;
  safeguarding: boolean;
  createdBy: UserRef;
  createdAt: string;
  updatedAt: string;
  reviewComment?: string;
}

/** Named `Record` in the contract; exported under both names (`FormRecord` avoids shadowing TS's `Record`). */
export type { FormRecord as Record };

export interface RecordSummary {
  id: string;
  templateId: string;
  templateVersion: string;
  templateTitle: string;
  stage: string;
  stageTitle: string;
  status: RecordStatus;
  revision: number;
  safeguarding: boolean;
  createdBy: UserRef;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/records` body (header `Idempotency-Key`) → 201 `{ record }`. */
export interface CreateRecordRequest {
  templateId: string;
  /** Defaults to the latest published version. */
  templateVersion?: string;
  data?: Json;
}

export interface RecordResponse {
  record: FormRecord;
}

/** `GET /api/records?template=&stage=&status=&mine=1`. */
export interface RecordListResponse {
  records: RecordSummary[];
}

export type HistoryEntry =
  | { kind: 'revision'; at: string; by: UserRef; revision: number; removed?: { path: string; value: Json }[] }
  | {
      kind: 'transition';
      at: string;
      by: UserRef;
      from: string;
      to: string;
      templateVersion: string;
      evaluation: EvaluateResult;
    }
  | { kind: 'review'; at: string; by: UserRef; decision: 'changes-requested' | 'approved'; comment?: string }
  | { kind: 'sign-off'; at: string; by: UserRef; stage: string; dataHash: string };

/** `GET /api/records/{id}`. */
export interface RecordDetailResponse {
  record: FormRecord;
  template: { id: string; version: string; title: string };
  history: HistoryEntry[];
}

/** `PUT /api/records/{id}/data` body (header `If-Match: "<revision>"`). 412 → `StaleRecordError`. */
export interface SaveRecordRequest {
  data: Json;
}

/** 200 from save, proceed, return, approve, sign-off. */
export interface RecordEvaluationResponse {
  record: FormRecord;
  evaluation: EvaluateResult;
}

export interface StaleRecordError extends ApiError {
  current: FormRecord;
}

/** `POST /api/records/{id}/proceed` body. 409 → `ProceedBlockedError`. */
export interface ProceedRequest {
  to: string;
}

export interface ProceedBlockedError extends ApiError {
  evaluation: EvaluateResult;
}

/** `POST /api/records/{id}/return` body (reviewer: changes requested). */
export interface ReturnRequest {
  comment: string;
}

/** `POST /api/records/{id}/approve` body. */
export interface ApproveRequest {
  comment?: string;
}

/** `POST /api/records/{id}/sign-off` body: password re-entered. */
export interface SignOffRequest {
  to: string;
  password: string;
}

// ---- home ----

export type DeadlineStatus = 'due-soon' | 'overdue' | 'not-due';

export interface HomeDeadline {
  recordId: string;
  templateTitle: string;
  stage: string;
  stageTitle: string;
  dueAt: string;
  status: DeadlineStatus;
}

/** `GET /api/home`. */
export interface HomeResponse {
  templates: TemplateSummary[];
  drafts: RecordSummary[];
  awaitingReview: RecordSummary[];
  deadlines: HomeDeadline[];
}

// ---- audit ----

export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actor: UserRef | null;
  organisationId: string | null;
  /** e.g. `login`, `login-failed`, `record.save`, `record.transition`, `template.publish`. */
  action: string;
  entityType: string;
  entityId: string | null;
  beforeHash: string | null;
  afterHash: string | null;
  prevHash: string;
  hash: string;
}

/** `GET /api/audit?limit=&before=`: chained events only (an event is chained within milliseconds of its commit). */
export interface AuditListResponse {
  events: AuditEvent[];
}

/** `GET /api/audit/verify`. */
export interface AuditVerifyResponse {
  ok: boolean;
  /** Linked events checked and found good. */
  checked: number;
  firstBadEventId?: string;
  /** Events waiting to be chained for longer than a few seconds (the audit linker is not keeping up). */
  unlinked?: number;
  /** Why verification failed, in a sentence. */
  reason?: string;
}
