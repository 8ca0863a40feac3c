import { useRef, useState } from 'react';
import { ApiError } from '../api/ApiError.js';
import { api } from '../api/client.js';
import type { TemplateSummary } from '../api/types.js';
import { navigate } from '../router/navigation.js';
import { paths } from '../router/routes.js';
import { useSession } from '../session/SessionContext.js';

/**
 * Starts a record. The Idempotency-Key is made once per press of "Start" and reused when the person tries
 * again after a failure, so a slow or dropped answer from the server never makes two records.
 */
export function StartRecordButton({ template }: { template: TemplateSummary }) {
  const session = useSession();
  const key = useRef<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function start() {
    key.current ??= crypto.randomUUID();
    setBusy(true);
    setProblem(null);
    try {
      const { record } = await api.createRecord(
        template.id,
        key.current,
        template.latestVersion ?? undefined,
      );
      key.current = null;
      navigate(paths.fill(record.id));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) session.expired();
      setProblem(
        error instanceof Error ? error.message : 'The record could not be started. Please try again.',
      );
      setBusy(false);
    }
  }

  const problemId = `start-${template.id}-problem`;
  return (
    <div className="fwa-start">
      <button
        type="button"
        className="fwa-button"
        onClick={() => void start()}
        aria-describedby={problem ? problemId : undefined}
        disabled={busy}
      >
        {busy ? 'Starting…' : problem ? 'Try again' : 'Start'}
        <span className="fwa-visually-hidden"> {template.title}</span>
      </button>
      {problem ? (
        <p className="fwa-field-error" id={problemId} role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
