import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/ApiError.js';
import { api } from '../api/client.js';
import type { FormRecord, Role, Template } from '../api/types.js';
import { type Problem, ProblemSummary } from '../layout/ProblemSummary.js';
import { SignOffForm } from './lazyPanels.js';
import { mayEnter, nextStageOf } from './stages.js';

export interface ReviewActionsProps {
  record: FormRecord;
  template: Template;
  role: Role;
  onDone: (notice: string) => void;
}

type Action = 'return' | 'approve' | 'sign-off';

/** For managers and safeguarding leads: return with a comment, approve, or sign off (password again). */
export function ReviewActions({ record, template, role, onDone }: ReviewActionsProps) {
  const [action, setAction] = useState<Action>('approve');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const next = nextStageOf(template, record.stage);
  const canSignOff = next?.signOff === true && mayEnter(next, role);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (action === 'return' && !comment.trim()) {
      setProblems([
        { text: 'Say what needs to change, so the author knows what to do', fieldId: 'review-comment' },
      ]);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      if (action === 'return') {
        await api.returnForChanges(record.id, comment.trim());
        setComment('');
        setAction('approve');
        onDone('The record has been returned to its author with your comments.');
      } else {
        await api.approve(record.id, comment.trim() || undefined);
        setComment('');
        onDone('You have approved this record.');
      }
    } catch (error) {
      const text =
        error instanceof ApiError || error instanceof Error
          ? error.message
          : 'This did not work. Please try again.';
      setProblems([{ text, fieldId: 'review-comment' }]);
    } finally {
      setBusy(false);
    }
  }

  const problem = problems[0];
  return (
    <section className="fwa-section fwa-review" aria-labelledby="review-actions-title">
      <h2 className="fwa-h2" id="review-actions-title">
        Your review
      </h2>
      {action === 'sign-off' && next ? (
        <SignOffForm
          recordId={record.id}
          to={next.id}
          stageTitle={next.title}
          takeFocus
          onDone={() => onDone(`Signed off. This record has moved to: ${next.title}.`)}
          onCancel={() => setAction('approve')}
        />
      ) : (
        <form onSubmit={submit} noValidate>
          <ProblemSummary problems={problems} />
          <fieldset className="fwa-fieldset">
            <legend className="fwa-legend">What would you like to do?</legend>
            <div className="fwa-radios">
              <div className="fwa-radio">
                <input
                  type="radio"
                  id="review-approve"
                  name="review-action"
                  checked={action === 'approve'}
                  onChange={() => setAction('approve')}
                />
                <label htmlFor="review-approve">Approve</label>
              </div>
              <div className="fwa-radio">
                <input
                  type="radio"
                  id="review-return"
                  name="review-action"
                  checked={action === 'return'}
                  onChange={() => setAction('return')}
                />
                <label htmlFor="review-return">Return to the author for changes</label>
              </div>
            </div>
          </fieldset>
          <div className={`fwa-field${problem ? ' fwa-field--error' : ''}`}>
            <label className="fwa-label" htmlFor="review-comment">
              {action === 'return' ? 'What needs to change' : 'Comment (optional)'}
            </label>
            <p className="fwa-hint" id="review-comment-hint">
              {action === 'return'
                ? 'The author will see this at the top of the form. Be specific and kind.'
                : 'Anything the author or later reviewers should know.'}
            </p>
            {problem ? (
              <p className="fwa-field-error" id="review-comment-error">
                <span className="fwa-visually-hidden">Error: </span>
                {problem.text}
              </p>
            ) : null}
            <textarea
              className="fwa-textarea"
              id="review-comment"
              rows={4}
              value={comment}
              aria-describedby={`review-comment-hint${problem ? ' review-comment-error' : ''}`}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <div className="fwa-button-group">
            <button type="submit" className="fwa-button" disabled={busy}>
              {action === 'return' ? 'Return for changes' : 'Approve'}
            </button>
            {canSignOff && next ? (
              <button
                type="button"
                className="fwa-button fwa-button--secondary"
                onClick={() => setAction('sign-off')}
              >
                Sign off: {next.title}
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}
