/** The HTTP API's shapes: the server's contract (`@formwork/server/types`), under the names the app uses. */
import type { FormRecord, ApiErrorBody as ServerErrorBody } from '@formwork/server/types';

export type {
  DeadlineStatus,
  EvaluateResult,
  FormRecord,
  HistoryEntry,
  HomeDeadline,
  HomeResponse,
  Json,
  RecordDetailResponse,
  RecordEvaluationResponse,
  RecordStatus,
  RecordSummary,
  Role,
  SessionUser,
  Template,
  TemplateSummary,
  TemplateVersionResponse,
  UserRef,
} from '@formwork/server/types';

/** One gate's result, as stored with a transition. */
export type GateResult = import('@formwork/server/types').EvaluateResult['gates'][number];

/** Any error body the app reads: the error itself, plus what a 412 (current record) or 409 (why) carries. */
export interface ApiErrorBody {
  error: ServerErrorBody;
  current?: FormRecord;
  evaluation?: import('@formwork/server/types').EvaluateResult;
}
