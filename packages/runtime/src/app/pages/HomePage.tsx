import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { HomeDeadline, RecordSummary } from '../api/types.js';
import { describeDue, formatDateTime } from '../format/time.js';
import { PageHeading } from '../layout/PageHeading.js';
import { Link } from '../router/Link.js';
import { paths } from '../router/routes.js';
import { isReviewer, useSession } from '../session/SessionContext.js';
import { LoadProblem } from './LoadProblem.js';
import { StartRecordButton } from './StartRecordButton.js';
import { useLoad } from './useLoad.js';

/** Re-renders every minute so that "due in 40 minutes" stays true while the page is open. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

export function HomePage() {
  const { user } = useSession();
  const home = useLoad(() => api.getHome(), []);
  const now = useMinuteClock();

  return (
    <>
      <PageHeading title="Home">Hello, {user.name}</PageHeading>
      {home.kind === 'loading' ? <p className="fwa-body">Loading your work…</p> : null}
      {home.kind === 'failed' ? <LoadProblem message={home.message} retry={home.retry} /> : null}
      {home.kind === 'ready' ? (
        <div className="fwa-home">
          <Deadlines deadlines={home.value.deadlines.filter((d) => d.status !== 'not-due')} now={now} />
          {isReviewer(user.role) || home.value.awaitingReview.length > 0 ? (
            <section className="fwa-section" aria-labelledby="review-title">
              <h2 className="fwa-h2" id="review-title">
                Waiting for your review
              </h2>
              <RecordList
                records={home.value.awaitingReview}
                empty="Nothing is waiting for your review."
                to={paths.record}
              />
            </section>
          ) : null}
          <section className="fwa-section" aria-labelledby="drafts-title">
            <h2 className="fwa-h2" id="drafts-title">
              Your drafts
            </h2>
            <RecordList
              records={home.value.drafts}
              empty="You have no records in progress."
              to={paths.fill}
            />
          </section>
          <section className="fwa-section" aria-labelledby="start-title">
            <h2 className="fwa-h2" id="start-title">
              Start a new record
            </h2>
            {home.value.templates.length === 0 ? (
              <p className="fwa-body">
                There are no forms for {user.organisationName} yet. Ask your Formwork administrator to publish
                one.
              </p>
            ) : (
              <ul className="fwa-cards">
                {home.value.templates
                  .filter((t) => t.latestVersion)
                  .map((t) => (
                    <li key={t.id} className="fwa-card">
                      <h3 className="fwa-h3">{t.title}</h3>
                      {t.description ? <p className="fwa-body">{t.description}</p> : null}
                      <StartRecordButton template={t} />
                    </li>
                  ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </>
  );
}

function Deadlines({ deadlines, now }: { deadlines: HomeDeadline[]; now: Date }) {
  if (deadlines.length === 0) return null;
  const sorted = [...deadlines].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return (
    <section className="fwa-section fwa-deadlines" aria-labelledby="deadlines-title">
      <h2 className="fwa-h2" id="deadlines-title">
        Deadlines
      </h2>
      <ul className="fwa-list">
        {sorted.map((d) => (
          <li key={`${d.recordId}:${d.stage}`} className={`fwa-deadline fwa-deadline--${d.status}`}>
            <Link to={paths.record(d.recordId)}>
              {d.templateTitle}: {d.stageTitle}
            </Link>{' '}
            <strong className="fwa-tag">{describeDue(d.dueAt, now)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

const STATUS_WORDS: Record<RecordSummary['status'], string> = {
  open: 'In progress',
  'changes-requested': 'Changes asked for',
  closed: 'Closed',
};

function RecordList({
  records,
  empty,
  to,
}: {
  records: RecordSummary[];
  empty: string;
  to: (id: string) => string;
}) {
  if (records.length === 0) return <p className="fwa-body">{empty}</p>;
  return (
    <ul className="fwa-list">
      {records.map((r) => (
        <li key={r.id} className="fwa-list__item">
          <Link to={to(r.id)}>{r.templateTitle}</Link>
          <span className="fwa-meta">
            {r.stageTitle} · {STATUS_WORDS[r.status]} · started by {r.createdBy.name} · last saved{' '}
            {formatDateTime(r.updatedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
