import type { GateResult, HistoryEntry, Template } from '../api/types.js';
import { formatClock, formatDateTime } from '../format/time.js';
import { groupHistory, type HistoryEvent, type HistoryItem } from './groupHistory.js';
import { stageTitle } from './stages.js';

const GATE_WORDS: Record<GateResult['status'], string> = {
  met: 'Done',
  blocked: 'Still needed',
  'not-applicable': 'Not needed for this record',
};

function describe(entry: HistoryEvent, template: Template): string {
  switch (entry.kind) {
    case 'transition':
      return `Moved from ${stageTitle(template, entry.from)} to ${stageTitle(template, entry.to)}`;
    case 'review':
      return entry.decision === 'approved' ? 'Approved' : 'Asked for changes';
    case 'sign-off':
      return `Signed off: ${stageTitle(template, entry.stage)}`;
  }
}

function itemKey(item: HistoryItem): string {
  if (item.kind === 'saves') return `saves:${item.by.id}:${item.last}`;
  return `${item.entry.kind}:${item.entry.at}:${item.entry.by.id}`;
}

/** Who did what, and when. A transition also shows the checks the server made at that moment. */
export function HistoryList({ history, template }: { history: HistoryEntry[]; template: Template }) {
  if (history.length === 0) return <p className="fwa-body">Nothing has happened to this record yet.</p>;
  return (
    <ol className="fwa-history">
      {groupHistory(history).map((item) => (
        <li key={itemKey(item)} className="fwa-history__item">
          {item.kind === 'saves' ? <Saves item={item} /> : <Event entry={item.entry} template={template} />}
        </li>
      ))}
    </ol>
  );
}

function Saves({ item }: { item: Extract<HistoryItem, { kind: 'saves' }> }) {
  const when =
    item.count === 1 || formatDateTime(item.first) === formatDateTime(item.last)
      ? formatDateTime(item.last)
      : `${formatDateTime(item.first)} to ${formatClock(item.last) || formatDateTime(item.last)}`;
  return (
    <>
      <p className="fwa-history__what">
        {item.count === 1 ? 'Saved answers' : `Saved answers (${item.count} saves)`}
      </p>
      <p className="fwa-meta">
        {item.by.name}, {when}
      </p>
      {item.removed > 0 ? (
        <p className="fwa-meta">
          {item.removed === 1 ? 'One answer was' : `${item.removed} answers were`} removed because the
          question no longer applied.
        </p>
      ) : null}
    </>
  );
}

function Event({ entry, template }: { entry: HistoryEvent; template: Template }) {
  return (
    <>
      <p className="fwa-history__what">{describe(entry, template)}</p>
      <p className="fwa-meta">
        {entry.by.name}, {formatDateTime(entry.at)}
      </p>
      {entry.kind === 'review' && entry.comment ? (
        <blockquote className="fwa-quote fwa-pre">{entry.comment}</blockquote>
      ) : null}
      {entry.kind === 'sign-off' ? (
        <p className="fwa-meta">
          Fingerprint of the signed answers: <code className="fwa-code">{entry.dataHash.slice(0, 16)}…</code>
        </p>
      ) : null}
      {entry.kind === 'transition' && entry.evaluation.gates.length > 0 ? (
        <details className="fwa-details">
          <summary>Checks made at the time</summary>
          <ul className="fwa-list">
            {entry.evaluation.gates.map((g) => (
              <li key={g.id}>
                <strong>{GATE_WORDS[g.status]}:</strong> {g.message}
                {g.severity === 'warn' && g.status === 'blocked' ? ' (advice, did not stop the move)' : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
