import { type CompiledTemplate, fieldTitle } from '@formwork/engine/runtime';
import { useCallback, useMemo, useRef, useState } from 'react';
import { FormworkForm } from '../../renderer/index.js';
import { ApiError } from '../api/ApiError.js';
import { api } from '../api/client.js';
import type { EvaluateResult, Json } from '../api/types.js';
import type { AutosaveController } from '../autosave/AutosaveController.js';
import type { IsTextField } from '../autosave/merge.js';
import { SaveStatus } from '../autosave/SaveStatus.js';
import { textFieldsOf } from '../autosave/textFields.js';
import { useAutosave, useAutosaveStatus } from '../autosave/useAutosave.js';
import { useLastSaver } from '../autosave/useLastSaver.js';
import { formatDateTime } from '../format/time.js';
import { PageHeading } from '../layout/PageHeading.js';
import { type Problem, ProblemSummary } from '../layout/ProblemSummary.js';
import { Link } from '../router/Link.js';
import { navigate } from '../router/navigation.js';
import { paths } from '../router/routes.js';
import { useSession } from '../session/SessionContext.js';
import { LoadProblem } from './LoadProblem.js';
import { ConflictPanel, SignOffForm } from './lazyPanels.js';
import { loadRecordBundle, type RecordBundle } from './loadRecordBundle.js';
import { mayEnter, nextStageOf, stageTitle } from './stages.js';
import { useLoad } from './useLoad.js';

export function FillRecordPage({ recordId }: { recordId: string }) {
  const bundle = useLoad(() => loadRecordBundle(recordId), [recordId]);
  if (bundle.kind === 'loading') return <PageHeading>Loading the record…</PageHeading>;
  if (bundle.kind === 'failed') {
    return (
      <>
        <PageHeading>
          {bundle.status === 404 ? 'Record not found' : 'This record could not be opened'}
        </PageHeading>
        <LoadProblem message={bundle.message} retry={bundle.retry} />
      </>
    );
  }
  return <FillRecord bundle={bundle.value} />;
}

const clock = () => new Date().toISOString();

function FillRecord({ bundle }: { bundle: RecordBundle }) {
  const { user } = useSession();
  const { record, templateDoc, compiled } = bundle;
  const isText = useMemo(() => textFieldsOf(templateDoc.schema), [templateDoc]);
  const controller = useAutosave(record, isText);
  const [formData, setFormData] = useState<Json>(() => controller.currentData);
  const [formKey, setFormKey] = useState(0);
  const [serverEvaluation, setServerEvaluation] = useState<EvaluateResult>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [signingOff, setSigningOff] = useState(false);
  const formTop = useRef<HTMLDivElement>(null);

  const next = nextStageOf(templateDoc, record.stage);
  const closed = record.status === 'closed';
  const canMove = !closed && next !== undefined && mayEnter(next, user.role);

  // Stable callbacks: the form is large, and nothing here should make it render again.
  const onChange = useCallback((data: Json) => controller.change(data), [controller]);
  const proceedRef = useRef<(data: Json) => Promise<void>>(async () => {});
  const onProceed = useCallback((data: Json) => void proceedRef.current(data), []);
  proceedRef.current = proceed;

  async function proceed(data: Json) {
    setProblems([]);
    controller.change(data);
    const saved = await controller.flush();
    if (!saved || !next) {
      setProblems([
        {
          text: 'Your latest answers are not saved yet, so this record cannot move on. They are kept on this device: try again when the page says "Saved".',
        },
      ]);
      return;
    }
    if (next.signOff) {
      setSigningOff(true);
      return;
    }
    try {
      await api.proceed(record.id, next.id);
      navigate(paths.record(record.id), { state: { notice: `This record has moved to: ${next.title}.` } });
    } catch (error) {
      if (error instanceof ApiError && error.body?.evaluation) setServerEvaluation(error.body.evaluation);
      else
        setProblems([
          { text: error instanceof Error ? error.message : 'This could not be done. Please try again.' },
        ]);
    }
  }

  return (
    <>
      <ProblemSummary problems={problems} />
      <PageHeading
        backHome
        caption={`${stageTitle(templateDoc, record.stage)} · started by ${record.createdBy.name}`}
      >
        {bundle.template.title}
      </PageHeading>
      <SaveStatusBar controller={controller} />
      {record.status === 'changes-requested' && record.reviewComment ? (
        <div className="fwa-notice">
          <h2 className="fwa-h3">Changes asked for</h2>
          <p className="fwa-body fwa-pre">{record.reviewComment}</p>
        </div>
      ) : null}
      <Conflict
        controller={controller}
        compiled={compiled}
        isText={isText}
        onResolved={(resolved) => {
          setFormData(resolved);
          setFormKey((k) => k + 1);
          formTop.current?.focus();
        }}
      />
      {closed ? (
        <p className="fwa-body">
          This record is closed, so it cannot be changed.{' '}
          <Link to={paths.record(record.id)}>See its history</Link>.
        </p>
      ) : null}
      {!closed && next && !canMove ? (
        <p className="fwa-body">
          The next step, {next.title}, is done by someone else. Your answers are saved as you type.
        </p>
      ) : null}
      <div ref={formTop} tabIndex={-1} className="fwa-fill__form">
        <FormworkForm
          key={formKey}
          compiled={compiled}
          data={formData}
          onChange={onChange}
          {...(canMove && next
            ? {
                nextStage: next.id,
                onProceed,
                proceedLabel: next.signOff ? `Continue to sign off` : `Continue to ${next.title}`,
              }
            : {})}
          {...(serverEvaluation ? { serverEvaluation } : {})}
          readOnly={closed}
          stage={record.stage}
          now={clock}
        />
      </div>
      {signingOff && next ? (
        <SignOffForm
          recordId={record.id}
          to={next.id}
          stageTitle={next.title}
          takeFocus
          onDone={() =>
            navigate(paths.record(record.id), {
              state: { notice: `Signed off. This record has moved to: ${next.title}.` },
            })
          }
          onBlocked={(evaluation) => {
            setSigningOff(false);
            setServerEvaluation(evaluation);
          }}
          onCancel={() => setSigningOff(false)}
        />
      ) : null}
      <p className="fwa-body fwa-meta">
        Started {formatDateTime(record.createdAt)}.{' '}
        <Link to={paths.record(record.id)}>Stages and history</Link>
      </p>
    </>
  );
}

function SaveStatusBar({ controller }: { controller: AutosaveController }) {
  const status = useAutosaveStatus(controller);
  const session = useSession();
  return (
    <div className="fwa-fill__status">
      <SaveStatus status={status} onRetry={() => controller.retryNow()} onSignIn={session.expired} />
    </div>
  );
}

function Conflict(props: {
  controller: AutosaveController;
  compiled: CompiledTemplate;
  isText: IsTextField;
  onResolved: (data: Json) => void;
}) {
  const { controller, compiled, isText, onResolved } = props;
  const { state } = useAutosaveStatus(controller);
  const { user } = useSession();
  const theirs = state.kind === 'conflict' ? state.theirs : undefined;
  const by = useLastSaver(theirs?.id ?? '', theirs?.revision);
  if (state.kind !== 'conflict') return null;
  return (
    <ConflictPanel
      merge={state.merge}
      theirsSavedAt={state.theirs.updatedAt}
      theirsSavedBy={by && { name: by.name, you: by.id === user.id }}
      titleOf={(pointer) => safeTitle(compiled, pointer)}
      isText={isText}
      onResolve={(choices) => onResolved(controller.resolveConflict(choices))}
    />
  );
}

function safeTitle(compiled: CompiledTemplate, pointer: string): string {
  try {
    return fieldTitle(compiled, pointer) || pointer;
  } catch {
    return pointer;
  }
}
