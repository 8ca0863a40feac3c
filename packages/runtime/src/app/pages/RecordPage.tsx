import { useEffect, useState } from 'react';
import { RecordSummary } from '../../renderer/index.js';
import { formatDateTime } from '../format/time.js';
import { PageHeading } from '../layout/PageHeading.js';
import { Link } from '../router/Link.js';
import { readNotice } from '../router/navigation.js';
import { paths } from '../router/routes.js';
import { isReviewer, useSession } from '../session/SessionContext.js';
import { HistoryList } from './HistoryList.js';
import { LoadProblem } from './LoadProblem.js';
import { loadRecordBundle } from './loadRecordBundle.js';
import { ReviewActions } from './ReviewActions.js';
import { StagesTimeline } from './StagesTimeline.js';
import { stageTitle } from './stages.js';
import { useLoad } from './useLoad.js';

const STATUS_WORDS = {
  open: 'In progress',
  'changes-requested': 'Changes asked for',
  closed: 'Closed',
} as const;
const clock = () => new Date().toISOString();

/** One record: where it is, its answers (read only), who did what, and the reviewer's actions. */
export function RecordPage({ recordId }: { recordId: string }) {
  const { user } = useSession();
  const bundle = useLoad(() => loadRecordBundle(recordId), [recordId]);
  const [notice, setNotice] = useState<string | undefined>(readNotice);
  useEffect(() => {
    // Shown once: a reload or a return to this page later should not repeat it.
    window.history.replaceState({}, '');
  }, []);

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
  const { record, templateDoc, compiled, history, template } = bundle.value;
  const closed = record.status === 'closed';
  const mine = record.createdBy.id === user.id;
  const canReview = isReviewer(user.role) && !closed && !mine;

  return (
    <>
      <PageHeading backHome caption={`Record started by ${record.createdBy.name}`}>
        {template.title}
      </PageHeading>
      {notice ? (
        // Just after the heading, which takes the focus: read next, whether by eye or by screen reader.
        <div className="fwa-notice fwa-notice--success" role="status">
          <p className="fwa-body">{notice}</p>
        </div>
      ) : null}
      <dl className="fwa-summary">
        <div className="fwa-summary__row">
          <dt>Stage</dt>
          <dd>{stageTitle(templateDoc, record.stage)}</dd>
        </div>
        <div className="fwa-summary__row">
          <dt>Status</dt>
          <dd>{STATUS_WORDS[record.status]}</dd>
        </div>
        <div className="fwa-summary__row">
          <dt>Started</dt>
          <dd>{formatDateTime(record.createdAt)}</dd>
        </div>
        <div className="fwa-summary__row">
          <dt>Last saved</dt>
          <dd>{formatDateTime(record.updatedAt)}</dd>
        </div>
        {record.safeguarding ? (
          <div className="fwa-summary__row">
            <dt>Safeguarding</dt>
            <dd>
              This is a safeguarding record. Only its author, managers and safeguarding leads can see it.
            </dd>
          </div>
        ) : null}
      </dl>
      {!closed ? (
        <p className="fwa-body">
          <Link className="fwa-button fwa-button--secondary" to={paths.fill(record.id)}>
            {mine ? 'Continue filling in' : 'Open the form to edit'}
          </Link>
        </p>
      ) : null}
      {record.reviewComment ? (
        <div className="fwa-notice">
          <h2 className="fwa-h3">Reviewer’s comments</h2>
          <p className="fwa-body fwa-pre">{record.reviewComment}</p>
        </div>
      ) : null}
      <section className="fwa-section" aria-labelledby="stages-title">
        <h2 className="fwa-h2" id="stages-title">
          Stages
        </h2>
        <StagesTimeline template={templateDoc} record={record} />
      </section>
      {canReview ? (
        <ReviewActions
          record={record}
          template={templateDoc}
          role={user.role}
          onDone={(text) => {
            setNotice(text);
            bundle.reload();
            window.scrollTo({ top: 0 });
          }}
        />
      ) : null}
      <section className="fwa-section" aria-labelledby="answers-title">
        <h2 className="fwa-h2" id="answers-title">
          Answers
        </h2>
        <RecordSummary compiled={compiled} data={record.data} now={clock} />
      </section>
      <section className="fwa-section" aria-labelledby="history-title">
        <h2 className="fwa-h2" id="history-title">
          History
        </h2>
        <HistoryList history={history} template={templateDoc} />
      </section>
    </>
  );
}
