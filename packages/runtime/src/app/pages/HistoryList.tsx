import type { GateResult, HistoryEntry, Template } from '../api/types.js';
import { formatDateTime } from '../format/time.js';
import { stageTitle } from './stages.js';

const GATE_WORDS: Record<GateResult['status'], string> = {
  met: 'Done',
  blocked: 'Still needed',
  'not-applicable': 'Not needed for this record',
};

function describe(entry: HistoryEntry, template: Template): string {
  switch (entry.kind) {
    case 'revision':
      return `Saved answers (version ${entry.revision})`;
    case 'transition':
      return `Moved from ${stageTitle(template, entry.from)} to ${stageTitle(template, entry.to)}`;
    case 'review':
      return entry.decision === 'approved' ? 'Approved' : 'Asked for changes';
    case 'sign-off':
      return `Signed off: ${stageTitle(template, entry.stage)}`;
  }
}

function historyKey(entry: HistoryEntry): string {
  const detail =
    entry.kind === 'revision'
      ? entry.revision
      : entry.kind === 'transition'
        ? entry.to
        : entry.kind === 'sign-off'
          ? entry.stage
          : entry.decision;
  return `${entry.at}:${entry.kind}:${detail}:${entry.by.id}`;
}

/** Who did what, and when. A transition also shows the checks the server made at that moment. */
export function HistoryList({ history, template }: { history: HistoryEntry[]; template: Template }) {
  if (history.length === 0) return <p className="fwa-body">Nothing has happened to this record yet.</p>;
  const newestFirst = [...history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <ol className="fwa-history">
      {newestFirst.map((entry) => (
        <li key={historyKey(entry)} className="fwa-history__item">
          <p className="fwa-history__what">{describe(entry, template)}</p>
          <p className="fwa-meta">
            {entry.by.name}, {formatDateTime(entry.at)}
          </p>
          {entry.kind === 'review' && entry.comment ? (
            <blockquote className="fwa-quote fwa-pre">{entry.comment}</blockquote>
          ) : null}
          {entry.kind === 'revision' && entry.removed && entry.removed.length > 0 ? (
            <p className="fwa-meta">
              {entry.removed.length === 1 ? 'One answer was' : `${entry.removed.length} answers were`} removed
              because the question no longer applied.
            </p>
          ) : null}
          {entry.kind === 'sign-off' ? (
            <p className="fwa-meta">
              Fingerprint of the signed answers:{' '}
              <code className="fwa-code">{entry.dataHash.slice(0, 16)}…</code>
            </p>
          ) : null}
          {entry.kind === 'transition' && entry.evaluation.gates.length > 0 ? (
            <details className="fwa-details">
              <summary>Checks made at the time</summary>
              <ul className="fwa-list">
                {entry.evaluation.gates.map((g) => (
                  <li key={g.id}>
                    <strong>{GATE_WORDS[g.status]}:</strong> {g.message}
                    {g.severity === 'warn' && g.status === 'blocked'
                      ? ' (advice, did not stop the move)'
                      : ''}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
