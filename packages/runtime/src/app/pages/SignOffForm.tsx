import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api/ApiError.js';
import { api } from '../api/client.js';
import type { EvaluateResult, FormRecord } from '../api/types.js';
import { type Problem, ProblemSummary } from '../layout/ProblemSummary.js';

export interface SignOffFormProps {
  recordId: string;
  to: string;
  stageTitle: string;
  onDone: (record: FormRecord) => void;
  /** The server refused because a gate blocks: its answer, for the page to show like the browser's. */
  onBlocked?: (evaluation: EvaluateResult) => void;
  onCancel?: () => void;
  /** Take the focus when shown (it appears in answer to the person's own "Continue"). */
  takeFocus?: boolean;
}

/** Signing off needs the password again: it records that this person, now, vouches for exactly this data. */
export function SignOffForm({
  recordId,
  to,
  stageTitle,
  onDone,
  onBlocked,
  onCancel,
  takeFocus,
}: SignOffFormProps) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const inputId = `${id}-password`;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (takeFocus) input.current?.focus();
  }, [takeFocus]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      setProblems([{ text: 'Enter your password to sign off', fieldId: inputId }]);
      return;
    }
    setBusy(true);
    try {
      const { record } = await api.signOff(recordId, to, password);
      onDone(record);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.body?.evaluation && onBlocked) {
        setProblems([]);
        onBlocked(error.body.evaluation);
      } else if (
        error instanceof ApiError &&
        (error.status === 401 || error.status === 403) &&
        error.code.includes('password')
      ) {
        setProblems([
          { text: 'That password is not right. Enter the password you sign in with.', fieldId: inputId },
        ]);
      } else {
        setProblems([
          {
            text: error instanceof Error ? error.message : 'Signing off did not work. Please try again.',
            fieldId: inputId,
          },
        ]);
      }
    } finally {
      setBusy(false);
      setPassword('');
    }
  }

  const problem = problems[0];
  return (
    <form className="fwa-signoff" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <ProblemSummary problems={problems} />
      <h2 className="fwa-h2" id={`${id}-title`}>
        Sign off: {stageTitle}
      </h2>
      <p className="fwa-body">
        Signing off records that you have checked this record as it is now. We will note your name, the time,
        and a fingerprint of the answers.
      </p>
      <div className={`fwa-field${problem ? ' fwa-field--error' : ''}`}>
        <label className="fwa-label" htmlFor={inputId}>
          Your password
        </label>
        <p className="fwa-hint" id={`${inputId}-hint`}>
          The one you use to sign in to Formwork.
        </p>
        {problem ? (
          <p className="fwa-field-error" id={`${inputId}-error`}>
            <span className="fwa-visually-hidden">Error: </span>
            {problem.text}
          </p>
        ) : null}
        <input
          className="fwa-input fwa-input--medium"
          id={inputId}
          ref={input}
          type="password"
          autoComplete="current-password"
          value={password}
          aria-describedby={`${inputId}-hint${problem ? ` ${inputId}-error` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <div className="fwa-button-group">
        <button type="submit" className="fwa-button" disabled={busy}>
          {busy ? 'Signing off…' : 'Sign off'}
        </button>
        {onCancel ? (
          <button type="button" className="fwa-link-button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
