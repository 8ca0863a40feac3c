import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/ApiError.js';
import { api } from '../api/client.js';
import type { SessionUser } from '../api/types.js';
import { PageHeading } from '../layout/PageHeading.js';
import { type Problem, ProblemSummary } from '../layout/ProblemSummary.js';

export interface LoginPageProps {
  onSignedIn: (user: SessionUser) => void;
}

export function LoginPage({ onSignedIn }: LoginPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  const emailProblem = problems.find((p) => p.fieldId === 'email');
  const passwordProblem = problems.find((p) => p.fieldId === 'password');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!email.trim()) found.push({ text: 'Enter your work email address', fieldId: 'email' });
    if (!password) found.push({ text: 'Enter your password', fieldId: 'password' });
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const { user } = await api.login(email.trim(), password);
      onSignedIn(user);
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 401
          ? 'The email address or password is not right. Check them and try again.'
          : error instanceof Error
            ? error.message
            : 'Something went wrong. Please try again.';
      setProblems([{ text: message, fieldId: 'email' }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="fwa-narrow">
      <ProblemSummary problems={problems} />
      <PageHeading>Sign in</PageHeading>
      <form onSubmit={submit} noValidate>
        <div className={`fwa-field${emailProblem ? ' fwa-field--error' : ''}`}>
          <label className="fwa-label" htmlFor="email">
            Email address
          </label>
          {emailProblem ? (
            <p className="fwa-field-error" id="email-error">
              <span className="fwa-visually-hidden">Error: </span>
              {emailProblem.text}
            </p>
          ) : null}
          <input
            className="fwa-input"
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            aria-describedby={emailProblem ? 'email-error' : undefined}
            aria-invalid={emailProblem ? true : undefined}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className={`fwa-field${passwordProblem ? ' fwa-field--error' : ''}`}>
          <label className="fwa-label" htmlFor="password">
            Password
          </label>
          {passwordProblem ? (
            <p className="fwa-field-error" id="password-error">
              <span className="fwa-visually-hidden">Error: </span>
              {passwordProblem.text}
            </p>
          ) : null}
          <input
            className="fwa-input"
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            aria-describedby={passwordProblem ? 'password-error' : undefined}
            aria-invalid={passwordProblem ? true : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="fwa-button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
